/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "paper-scenario.h"

#include "ns3/invariant-check.h"
#include "ns3/llm-inference-helper.h"

#include "ns3/double.h"
#include "ns3/fatal-error.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <string>

namespace ns3
{
namespace llmedge
{

namespace
{

/**
 * Starts replication `run` of PaperScenario::RunSeries on the pipeline's
 * objects. A free function, not a lambda: ns-3.35's Simulator::Schedule
 * (MakeEvent) takes function pointers and member functions only.
 */
void
RestartForRun(Ptr<InferencePipeline> p, uint32_t run)
{
    RngSeedManager::SetRun(run);
    LlmInferenceHelper::AssignStreams(p, 0); // the streams of this RngRun
    p->ResetStatistics();
    for (uint32_t l = 0; l < p->GetNLayers(); ++l)
    {
        for (const auto& app : p->GetLayer(l))
        {
            app->GetDevice()->Restart();
        }
    }
    p->GetSource()->Restart();
}

} // namespace

Ptr<InferencePipeline>
PaperScenario::Build() const
{
    LlmInferenceHelper h;
    h.Devices().SetBatteryAttribute("InitialFraction", DoubleValue(initialFraction));
    h.Devices().SetDeviceAttribute("PowerModePreset", StringValue(preset));
    h.Devices().SetDeviceAttribute("PowerMode", StringValue("dynamic"));
    h.Devices().SetDeviceAttribute("Accounting", StringValue(accounting));
    h.Devices().SetDeviceAttribute("HighThresholdFraction", DoubleValue(highFraction));
    h.SetSchedulerAttribute("Policy", StringValue(policy));
    h.SetSourceAttribute("Probability", DoubleValue(q));
    auto layout = LlmInferenceHelper::CreateLayout(layers, perLayer);
    NodeContainer source;
    source.Create(1);
    Ptr<InferencePipeline> p = h.Install(layout, source.Get(0));
    LlmInferenceHelper::SetNodeSpecificHarvest(p, meanHarvestJ, nodeSpread, harvestWidth);
    LlmInferenceHelper::AssignStreams(p, 0);
    return p;
}

Time
PaperScenario::SlotOf(Ptr<InferencePipeline> p)
{
    // The devices' SlotDuration is the one source of the slot length.
    return Seconds(p->GetLayer(0).front()->GetDevice()->GetSpec().slotS);
}

LlmRunReport
PaperScenario::Run(uint32_t run) const
{
    RngSeedManager::SetRun(run);
    Ptr<InferencePipeline> p = Build();
    // A block whose stage ends exactly at the horizon still counts.
    Time end = SlotOf(p) * static_cast<int64_t>(slots);
    Simulator::Stop(end + TimeStep(1));
    Simulator::Run();
    InvariantCheck::Enforce(p, "PaperScenario::Run, RngRun " + std::to_string(run));
    LlmRunReport r = LlmRunReport::Collect(p, end);
    Simulator::Destroy();
    return r;
}

std::vector<LlmRunReport>
PaperScenario::RunSeries(uint32_t firstRun, uint32_t count) const
{
    NS_ABORT_MSG_UNLESS(accounting == "Slotted", "PaperScenario::RunSeries needs Slotted accounting");
    std::vector<LlmRunReport> out;
    if (count == 0)
    {
        return out;
    }
    RngSeedManager::SetRun(firstRun);
    Ptr<InferencePipeline> p = Build();
    const Time slot = SlotOf(p);
    const Time horizon = slot * static_cast<int64_t>(slots);
    const Time window = horizon + slot; // one idle slot between windows
    auto forEachApp = [&p](auto f) {
        for (uint32_t l = 0; l < p->GetNLayers(); ++l)
        {
            for (const auto& app : p->GetLayer(l))
            {
                f(app);
            }
        }
    };
    for (uint32_t i = 0; i < count; ++i)
    {
        Time start = window * static_cast<int64_t>(i);
        if (i > 0)
        {
            Simulator::Schedule(start - Simulator::Now(), &RestartForRun, p, firstRun + i);
        }
        Simulator::Stop(start + horizon + TimeStep(1) - Simulator::Now());
        Simulator::Run();
        InvariantCheck::Enforce(p, "PaperScenario::RunSeries, RngRun " +
                                       std::to_string(firstRun + i));
        out.push_back(LlmRunReport::Collect(p, horizon));
        forEachApp([](Ptr<LlmBlockApplication> a) {
            a->GetDevice()->Halt();
            a->Clear();
        });
        p->GetSource()->Halt();
    }
    Simulator::Destroy();
    return out;
}

} // namespace llmedge
} // namespace ns3
