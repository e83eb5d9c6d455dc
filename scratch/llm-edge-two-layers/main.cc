/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A folder of scratch/ is one program named after the folder (here
// build/scratch/llm-edge-two-layers), built from every .cc in it, as in an
// ns-3 tree. A 2 x 2 pipeline on the zero-communication baseline.
#include "report.h"

#include "ns3/core-module.h"
#include "ns3/llm-edge-module.h"

using namespace ns3;
using namespace ns3::llmedge;

int
main(int argc, char* argv[])
{
    uint32_t slots = 200;
    CommandLine cmd(__FILE__);
    cmd.AddValue("slots", "Slots of 100 s", slots);
    cmd.Parse(argc, argv);

    LlmInferenceHelper llm;
    llm.SetSchedulerAttribute("Policy", StringValue("long-term"));
    llm.SetSourceAttribute("Probability", DoubleValue(0.5));
    NodeContainer source;
    source.Create(1);
    Ptr<InferencePipeline> pipeline =
        llm.Install(LlmInferenceHelper::CreateLayout(2, 2), source.Get(0));
    LlmInferenceHelper::SetNodeSpecificHarvest(pipeline, 500);
    LlmInferenceHelper::AssignStreams(pipeline, 1);
    Simulator::Stop(Seconds(100.0 * slots));
    Simulator::Run();
    PrintReport(pipeline);
    Simulator::Destroy();
    return 0;
}
