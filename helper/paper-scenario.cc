/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "paper-scenario.h"

#include "llm-inference-helper.h"

#include "ns3/double.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"


namespace ns3
{
namespace llmedge
{

LlmRunReport
PaperScenario::Run(uint32_t run) const
{
    RngSeedManager::SetRun(run);
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
    LlmInferenceHelper::SetNodeSpecificHarvest(p, meanHarvestJ);
    LlmInferenceHelper::AssignStreams(p, 0);
    // A block whose stage ends exactly at the horizon still counts.
    Time end = Seconds(100.0 * slots);
    Simulator::Stop(end + TimeStep(1));
    Simulator::Run();
    LlmRunReport r = LlmRunReport::Collect(p, end);
    Simulator::Destroy();
    return r;
}

} // namespace llmedge
} // namespace ns3
