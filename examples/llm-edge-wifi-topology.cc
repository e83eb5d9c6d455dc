/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A user's own topology on Wi-Fi, with the radios on the devices' batteries:
// an LLM split into 2 layers served by 2 and 4 energy-harvesting devices and a
// request source on one 802.11a ad hoc network, activations over TCP. ns-3's
// WifiRadioEnergyModel draws from the same CappedBatteryEnergySource as the
// compute, so a device whose battery empties switches its radio off and
// leaves the network (its transfers fail: link-failure drops) until it is
// recharged. Prints the energy per completed job of compute and of the radios.
//
//   ./ns3 run "llm-edge-wifi-topology --capacityJ=20000"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/llm-edge-compat.h"
#include "ns3/llm-edge-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/wifi-module.h"
#include "ns3/wifi-radio-energy-model-helper.h"
#ifdef LLM_EDGE_HAVE_NEIGHBOR_CACHE_HELPER // ns-3 >= 3.36 (llm-edge-compat.h)
#include "ns3/neighbor-cache-helper.h"
#endif

#include <iostream>

using namespace ns3;
using namespace ns3::llmedge;

int
Run(int argc, char* argv[])
{
    uint32_t slots = 200;
    double q = 0.3;
    double capacityJ = 100e3;
    std::string policy = "adaptive";
    CommandLine cmd(__FILE__);
    ProgramOptions opt("llm-edge-wifi-topology", cmd);
    opt.AddCount("slots", "Slots of 100 s to simulate", slots, 1, 10000000);
    opt.AddReal("q", "Job probability per slot", q, 0, 1);
    opt.AddReal("capacityJ", "Battery capacity of every device, J", capacityJ, 1, 1e12);
    opt.AddString("policy", "uniform, long-term or adaptive", policy,
                  {"uniform", "long-term", "adaptive"});
    opt.Parse(argc, argv);

    NodeContainer source;
    source.Create(1);
    NodeContainer layer0;
    layer0.Create(2);
    NodeContainer layer1;
    layer1.Create(4);
    NodeContainer devices(layer0, layer1);
    NodeContainer all(source, devices);

    // One 802.11a ad hoc network, nodes 5 m apart.
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211a);
    wifi.SetRemoteStationManager("ns3::IdealWifiManager");
    YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
    phy.SetChannel(channel.Create());
    WifiMacHelper mac;
    mac.SetType("ns3::AdhocWifiMac");
    NetDeviceContainer sourceWifi = wifi.Install(phy, mac, source);
    NetDeviceContainer deviceWifi = wifi.Install(phy, mac, devices);
    MobilityHelper mobility;
    mobility.SetPositionAllocator("ns3::GridPositionAllocator", "DeltaX", DoubleValue(5.0),
                                  "DeltaY", DoubleValue(5.0), "GridWidth", UintegerValue(4));
    mobility.Install(all);
    InternetStackHelper internet;
    internet.Install(all);
    Ipv4AddressHelper addresses;
    addresses.SetBase("10.1.0.0", "255.255.255.0");
    addresses.Assign(sourceWifi);
    addresses.Assign(deviceWifi);
#ifdef LLM_EDGE_HAVE_NEIGHBOR_CACHE_HELPER
    NeighborCacheHelper neighbours; // static ARP, as on a configured edge cluster
    neighbours.PopulateNeighborCache();
    const bool staticNeighbourCaches = true;
#else
    const bool staticNeighbourCaches = false; // ns-3.35: no NeighborCacheHelper, ARP on demand
#endif

    // The module: devices with their own harvest, applications, scheduler.
    LlmInferenceHelper llm;
    llm.Devices().SetBatteryAttribute("CapacityJ", DoubleValue(capacityJ));
    llm.Devices().SetHarvesterAttribute("SlotEnergyJ",
                                        StringValue("ns3::UniformRandomVariable[Min=200|Max=900]"));
    llm.SetPipelineAttribute("Transport", StringValue("tcp"));
    llm.SetSchedulerAttribute("Policy", StringValue(policy));
    llm.SetSourceAttribute("Probability", DoubleValue(q));
    Ptr<InferencePipeline> pipeline = llm.Install({layer0, layer1}, source.Get(0));
    LlmInferenceHelper::AssignStreams(pipeline, 1);

    // ns-3's radio energy model on the devices' batteries (the source is
    // mains powered). ns-3's default currents are for its 3 V default supply:
    // the same powers from the devices' 19 V ([EST] 0.82 W idle, 1.14 W tx).
    const double scale = 3.0 / 19.0;
    WifiRadioEnergyModelHelper radio;
    radio.Set("IdleCurrentA", DoubleValue(0.273 * scale));
    radio.Set("CcaBusyCurrentA", DoubleValue(0.273 * scale));
    radio.Set("SwitchingCurrentA", DoubleValue(0.273 * scale));
    radio.Set("TxCurrentA", DoubleValue(0.380 * scale));
    radio.Set("RxCurrentA", DoubleValue(0.313 * scale));
    radio.Set("SleepCurrentA", DoubleValue(0.033 * scale));
    EnergySourceContainer batteries; // Add, not '=': the container is an ns-3 Object
    batteries.Add(EnergyHarvestingOrinDeviceHelper::GetBatteries(devices));
    // ns-3's radio model schedules an event at every energy-changed
    // notification (one per PHY state change): tell it once a second, as
    // ns-3's BasicEnergySource updates by default.
    for (uint32_t i = 0; i < batteries.GetN(); ++i)
    {
        batteries.Get(i)->SetAttribute("EnergyChangedInterval", TimeValue(Seconds(1)));
    }
    DeviceEnergyModelContainer radios = radio.Install(deviceWifi, batteries);

    Time end = Seconds(100.0 * slots);
    Simulator::Stop(end);
    Simulator::Run();
    InvariantCheck::Enforce(pipeline, "llm-edge-wifi-topology"); // exit 3 on a violation
    LlmRunReport r = LlmRunReport::Collect(pipeline, end);

    double computeJ = 0;
    double radioJ = 0;
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        computeJ += EnergyHarvestingOrinDeviceHelper::GetDevice(devices.Get(i))
                        ->GetTotalEnergyConsumption();
        radioJ += radios.Get(i)->GetTotalEnergyConsumption();
    }
    double jobs = std::max(r.completed, 1.0);
    std::cout << "2 layers (2 and 4 devices) over 802.11a, " << slots << " slots, q = " << q
              << ", " << policy << ", batteries " << capacityJ << " J\n"
              << "  arrived " << r.arrived << ", completed " << r.completed << ", dropped "
              << r.dropped << " (link-failure "
              << r.droppedBy[InferencePipeline::LINK_FAILURE] << ")\n"
              << "  energy per completed job: compute " << computeJ / jobs << " J, radios "
              << radioJ / jobs << " J (" << 100 * radioJ / std::max(computeJ + radioJ, 1e-300)
              << " % of the devices' draw)\n";
    if (!staticNeighbourCaches)
    {
        std::cout << "note: this ns-3 (before 3.36) has no NeighborCacheHelper: ARP resolves "
                     "neighbours (no static caches), so its broadcasts add traffic and delay "
                     "that ns-3 >= 3.36 runs do not have.\n";
    }
    Simulator::Destroy();
    return InvariantCheck::Finish("llm-edge-wifi-topology");
}

int
main(int argc, char* argv[])
{
    return RunProgram("llm-edge-wifi-topology", [&]() { return Run(argc, argv); });
}
