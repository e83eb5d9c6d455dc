/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Your own routing policy: subclass InferencePolicy, implement DoRoute, name
// it to the helper. This one sends each job to the available device with the
// most stored energy; it is compared with the paper's long-term scheduler on
// the 3 x 3 zero-communication pipeline.
//
//   ./ns3 run "llm-edge-custom-policy --slots=2000"

#include "ns3/core-module.h"
#include "ns3/llm-edge-module.h"

#include <iostream>

using namespace ns3;
using namespace ns3::llmedge;

// ---- the policy: 20 lines ---------------------------------------------------
class MostChargedPolicy : public InferencePolicy
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("MostChargedPolicy")
                                .SetParent<InferencePolicy>()
                                .AddConstructor<MostChargedPolicy>();
        return tid;
    }

  protected:
    uint32_t DoRoute(const RoutingRequest& r) override
    {
        uint32_t best = NO_CANDIDATE;
        for (uint32_t i = 0; i < r.candidates.size(); ++i)
        {
            Ptr<EnergyHarvestingOrinDevice> d = r.candidates[i]->GetDevice();
            if (d->IsAvailable() &&
                (best == NO_CANDIDATE ||
                 d->GetEnergyJ() > r.candidates[best]->GetDevice()->GetEnergyJ()))
            {
                best = i;
            }
        }
        return best; // NO_CANDIDATE drops the job (reason no-device)
    }
};
// -----------------------------------------------------------------------------

/// \return the run's report line for one policy
std::string
RunWith(const std::string& policy, uint32_t slots, double q)
{
    LlmInferenceHelper llm;
    llm.SetPolicy(policy);
    if (policy == "ns3::llmedge::SemiMarkovScheduler")
    {
        llm.SetPolicyAttribute("Policy", StringValue("long-term"));
    }
    llm.SetSourceAttribute("Probability", DoubleValue(q));
    NodeContainer source;
    source.Create(1);
    Ptr<InferencePipeline> p = llm.Install(LlmInferenceHelper::CreateLayout(3, 3), source.Get(0));
    LlmInferenceHelper::AssignStreams(p, 1);
    Time end = Seconds(100.0 * slots);
    Simulator::Stop(end);
    Simulator::Run();
    InvariantCheck::Enforce(p, "llm-edge-custom-policy"); // exit 3 on a violation
    std::ostringstream os;
    os << policy << ": arrived " << p->GetArrived() << ", completed " << p->GetCompleted()
       << ", dropped " << p->GetDroppedTotal();
    Simulator::Destroy();
    return os.str();
}

int
Run(int argc, char* argv[])
{
    uint32_t slots = 2000;
    double q = 0.4;
    CommandLine cmd(__FILE__);
    ProgramOptions opt("llm-edge-custom-policy", cmd);
    opt.AddCount("slots", "Slots of 100 s to simulate", slots, 1, 10000000);
    opt.AddReal("q", "Job probability per slot", q, 0, 1);
    opt.Parse(argc, argv);
    MostChargedPolicy::GetTypeId(); // registers the TypeId for SetPolicy
    std::cout << RunWith("MostChargedPolicy", slots, q) << "\n"
              << RunWith("ns3::llmedge::SemiMarkovScheduler", slots, q) << "\n";
    return InvariantCheck::Finish("llm-edge-custom-policy");
}

int
main(int argc, char* argv[])
{
    return RunProgram("llm-edge-custom-policy", [&]() { return Run(argc, argv); });
}
