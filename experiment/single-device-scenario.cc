/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "single-device-scenario.h"
#include "ns3/device-spec.h"

#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/function-compat.h"
#include "ns3/invariant-check.h"

#include "ns3/bernoulli-job-source.h"
#include "ns3/capped-battery-energy-source.h"
#include "ns3/double.h"
#include "ns3/energy-harvesting-orin-device.h"
#include "ns3/node-container.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <sstream>

namespace ns3
{
namespace llmedge
{

SingleDeviceScenario::Result
SingleDeviceScenario::Run(uint32_t run) const
{
    RngSeedManager::SetRun(run);
    Time slot = Seconds(kDefaultSlotS);
    NodeContainer nodes;
    nodes.Create(1);
    EnergyHarvestingOrinDeviceHelper helper;
    helper.SetSlotDuration(slot);
    helper.SetBatteryAttribute("CapacityJ", DoubleValue(100e3));
    helper.SetBatteryAttribute("InitialFraction", DoubleValue(initialFraction));
    std::ostringstream rv;
    rv << "ns3::UniformRandomVariable[Min=" << harvestMinJ << "|Max=" << harvestMaxJ << "]";
    helper.SetHarvesterAttribute("SlotEnergyJ", StringValue(rv.str()));
    helper.SetDeviceAttribute("PowerModePreset", StringValue(preset));
    helper.SetDeviceAttribute("PowerMode", StringValue(mode));
    helper.SetDeviceAttribute("Accounting", StringValue(accounting));
    helper.SetDeviceAttribute("LowThresholdFraction", DoubleValue(lowFraction));
    helper.SetDeviceAttribute("HighThresholdFraction", DoubleValue(highFraction));
    DeviceEnergyModelContainer devices = helper.Install(nodes);
    EnergyHarvestingOrinDeviceHelper::AssignStreams(devices, 0);
    Ptr<EnergyHarvestingOrinDevice> device = DynamicCast<EnergyHarvestingOrinDevice>(devices.Get(0));

    Ptr<BernoulliJobSource> source = CreateObject<BernoulliJobSource>();
    source->SetAttribute("Probability", DoubleValue(q));
    source->SetAttribute("SlotDuration", TimeValue(slot));
    source->AssignStreams(10);
    source->SetArrivalCallback(MakeFunctionCallback<void, uint64_t>([device](uint64_t id) {
        device->SubmitJob(id, EnergyHarvestingOrinDevice::JobDoneCallback());
    }));
    source->Start(0, slots);

    // A job whose stage ends exactly at the horizon still counts.
    Simulator::Stop(slot * static_cast<int64_t>(slots) + TimeStep(1));
    Simulator::Run();
    InvariantCheck::Enforce(device, "RngRun " + std::to_string(run)); // exit 3 on a violation
    Result r;
    r.jobs = static_cast<double>(device->GetJobsCompleted());
    r.avgBatteryPct = 100.0 * device->GetAverageEnergyJ() / device->GetSpec().capacityJ;
    r.balanceErrorJ = device->GetBattery()->GetBalanceErrorJ();
    Simulator::Destroy();
    return r;
}

} // namespace llmedge
} // namespace ns3
