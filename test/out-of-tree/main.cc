/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// An out-of-tree program against the installed llm-edge package: its
// version line, then a 2 x 2 pipeline for 100 slots and its job accounts.
#include "ns3/core-module.h"
#include "ns3/llm-edge-module.h"

#include <iostream>

using namespace ns3;
using namespace ns3::llmedge;

int
main()
{
    std::cout << GetVersionLine() << "\n";
    LlmInferenceHelper llm;
    llm.SetSourceAttribute("Probability", DoubleValue(0.5));
    NodeContainer source;
    source.Create(1);
    Ptr<InferencePipeline> p = llm.Install(LlmInferenceHelper::CreateLayout(2, 2), source.Get(0));
    LlmInferenceHelper::SetNodeSpecificHarvest(p, 500);
    LlmInferenceHelper::AssignStreams(p, 1);
    Simulator::Stop(Seconds(100.0 * 100));
    Simulator::Run();
    std::cout << "arrived " << p->GetArrived() << ", completed " << p->GetCompleted()
              << ", dropped " << p->GetDroppedTotal() << ", in flight " << p->GetInFlight()
              << "\n";
    bool conserved = p->GetArrived() == p->GetCompleted() + p->GetDroppedTotal() + p->GetInFlight();
    Simulator::Destroy();
    return conserved && p->GetCompleted() > 0 ? 0 : 1;
}
