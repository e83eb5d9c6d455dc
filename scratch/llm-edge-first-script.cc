/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Your own script, standalone: every scratch/<name>.cc builds into
// build/scratch/<name> with no CMake edit (scripts/build-standalone.sh, or
// cmake --build build). This one is the README's minimal script: one
// device, one job, one simulated hour.
#include "ns3/core-module.h"
#include "ns3/llm-edge-module.h"

#include <iostream>

using namespace ns3;
using namespace ns3::llmedge;

int
main(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Parse(argc, argv);
    NodeContainer nodes;
    nodes.Create(3);

    EnergyHarvestingOrinDeviceHelper orin;
    orin.SetSlotDuration(Seconds(100));
    orin.SetBatteryAttribute("CapacityJ", DoubleValue(100e3));
    orin.SetHarvesterAttribute("SlotEnergyJ",
                               StringValue("ns3::UniformRandomVariable[Min=300|Max=800]"));
    orin.SetDeviceAttribute("PowerMode", StringValue("dynamic")); // or "15W", "30W", "60W"
    DeviceEnergyModelContainer devices = orin.Install(nodes);
    EnergyHarvestingOrinDeviceHelper::AssignStreams(devices, 0);

    auto d = DynamicCast<EnergyHarvestingOrinDevice>(devices.Get(0));
    Simulator::Schedule(Seconds(50), [d]() {
        d->SubmitJob(1,
                     EnergyHarvestingOrinDevice::JobDoneCallback(
                         [](uint64_t /* id */, bool /* ok */) { /* forward the activations */ }));
    });
    Simulator::Stop(Hours(1));
    Simulator::Run();
    std::cout << d->GetJobsCompleted() << " jobs, battery " << 100 * d->GetEnergyFraction()
              << " %\n";
    Simulator::Destroy();
    return 0;
}
