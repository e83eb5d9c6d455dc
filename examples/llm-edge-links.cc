/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The paper's 3 x 3 system over realistic links against the zero-
// communication baseline: point-to-point links (100 Mbit/s, 5 ms) between
// consecutive layers, one 100 Mbit/s CSMA LAN and one 802.11a ad hoc
// network, carrying 1 MiB of
// activations per hop over TCP. Prints throughput, downtime and end-to-end
// latency with its split into queue wait, compute and network, and the
// simulator's event rate. On Wi-Fi the devices' radios (ns-3's
// WifiRadioEnergyModel) draw from the same batteries as the compute, so a
// device whose battery empties loses its radio; a second table gives the
// energy per completed job of compute and of the radios. Wired links have no
// energy model in ns-3: their network energy is not counted.
//
//   ./ns3 run "llm-edge-links --replications=5"

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/llm-edge-compat.h"
#include "ns3/llm-edge-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/wifi-module.h"
#ifdef LLM_EDGE_HAVE_NEIGHBOR_CACHE_HELPER // ns-3 >= 3.36 (llm-edge-compat.h)
#include "ns3/neighbor-cache-helper.h"
#endif

#include "ns3/wifi-radio-energy-model-helper.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

struct Options
{
    uint32_t slots;
    double q;
    double meanHarvestJ;
    std::string policy;
    std::string accounting;
    uint32_t payloadBytes;
    bool radioEnergy;
};

// ns-3's WifiRadioEnergyModel defaults are currents at ns-3's default 3 V
// supply (idle 0.273 A, tx 0.380 A, rx 0.313 A, sleep 0.033 A): [EST] the
// same powers (0.82 / 1.14 / 0.94 / 0.10 W) drawn from the devices' 19 V.
constexpr double kRadioScale = 3.0 / 19.0;
constexpr double kIdleA = 0.273 * kRadioScale;
constexpr double kTxA = 0.380 * kRadioScale;
constexpr double kRxA = 0.313 * kRadioScale;
constexpr double kSleepA = 0.033 * kRadioScale;

#ifdef LLM_EDGE_HAVE_NEIGHBOR_CACHE_HELPER
constexpr bool kStaticNeighbourCaches = true;
#else
constexpr bool kStaticNeighbourCaches = false; // ns-3.35: no NeighborCacheHelper
#endif

/// Fills every node's ARP cache statically (NeighborCacheHelper, ns-3 >=
/// 3.36); a no-op before 3.36, where ARP resolves neighbours on demand.
void
PopulateStaticNeighbourCaches()
{
#ifdef LLM_EDGE_HAVE_NEIGHBOR_CACHE_HELPER
    NeighborCacheHelper neighbours;
    neighbours.PopulateNeighborCache();
#endif
}

/// Time each radio spent transmitting and receiving, s.
struct RadioTimes
{
    double txS{0};
    double rxS{0};
};

void
AddStateTime(RadioTimes* t, Time /* start */, Time duration, WifiPhyState state)
{
    if (state == WifiPhyState::TX)
    {
        t->txS += duration.GetSeconds();
    }
    else if (state == WifiPhyState::RX)
    {
        t->rxS += duration.GetSeconds();
    }
}

/// Metrics of one run beside LlmRunReport's, per completed job.
const std::vector<std::string> kEnergyNames = {"compute_energy_per_job_j",
                                               "radio_energy_per_job_j",
                                               "handoff_radio_energy_per_job_j",
                                               "radio_energy_share"};

/// Point-to-point links (100 Mbit/s, 5 ms): the source to each first-layer
/// device, each device to every device of the next layer, each last-layer
/// device back to the source; global routing over them.
void
ConnectP2p(Ipv4AddressHelper& ip,
           const NodeContainer& source,
           const std::vector<NodeContainer>& layers)
{
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    ip.SetBase("10.0.0.0", "255.255.255.252");
    auto link = [&](Ptr<Node> a, Ptr<Node> b) {
        ip.Assign(p2p.Install(a, b));
        ip.NewNetwork();
    };
    for (uint32_t i = 0; i < 3; ++i)
    {
        link(source.Get(0), layers[0].Get(i));
        link(layers[2].Get(i), source.Get(0));
        for (uint32_t l = 0; l + 1 < 3; ++l)
        {
            for (uint32_t j = 0; j < 3; ++j)
            {
                link(layers[l].Get(i), layers[l + 1].Get(j));
            }
        }
    }
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
}

/// One 100 Mbit/s CSMA LAN over all nodes.
void
ConnectCsma(Ipv4AddressHelper& ip, const NodeContainer& all)
{
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    csma.SetChannelAttribute("Delay", TimeValue(NanoSeconds(6560)));
    ip.SetBase("10.2.0.0", "255.255.255.0");
    ip.Assign(csma.Install(all));
    PopulateStaticNeighbourCaches();
}

/// One 802.11a ad hoc network over all nodes (node 0 the source); the
/// devices' radios are added to computeWifi.
void
ConnectWifi(Ipv4AddressHelper& ip, const NodeContainer& all, NetDeviceContainer& computeWifi)
{
    // 802.11a: with 802.11n ad hoc (A-MPDU and block ack) ns-3.37
    // stalled some of these 1 MiB TCP transfers until they failed.
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211a);
    wifi.SetRemoteStationManager("ns3::IdealWifiManager");
    YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
    phy.SetChannel(channel.Create());
    WifiMacHelper mac;
    mac.SetType("ns3::AdhocWifiMac");
    NetDeviceContainer devs = wifi.Install(phy, mac, all);
    MobilityHelper mobility;
    mobility.SetPositionAllocator("ns3::GridPositionAllocator",
                                  "DeltaX", DoubleValue(5.0),
                                  "DeltaY", DoubleValue(5.0),
                                  "GridWidth", UintegerValue(4));
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(all);
    ip.SetBase("10.1.0.0", "255.255.255.0");
    ip.Assign(devs);
    for (uint32_t i = 1; i < devs.GetN(); ++i)
    {
        computeWifi.Add(devs.Get(i)); // node 0 is the source (mains powered)
    }
    // Slotted devices finish blocks at the same instants: their ARP
    // broadcasts would collide again and again (no MAC retries for
    // broadcast, equal retry timers). Static neighbour caches, as on a
    // configured edge cluster, avoid that storm.
    PopulateStaticNeighbourCaches();
}

/// The network named by --networks (not zero-communication) over all nodes.
void
ConnectNetwork(const std::string& network,
               const NodeContainer& all,
               const NodeContainer& source,
               const std::vector<NodeContainer>& layers,
               NetDeviceContainer& computeWifi)
{
    InternetStackHelper internet;
    internet.Install(all);
    Ipv4AddressHelper ip;
    if (network == "p2p")
    {
        ConnectP2p(ip, source, layers);
    }
    else if (network == "csma")
    {
        ConnectCsma(ip, all);
    }
    else if (network == "wifi")
    {
        ConnectWifi(ip, all, computeWifi);
    }
    else
    {
        ThrowConfigError("--networks", "'" + network + "'",
                         "expected zero-communication, p2p, csma or wifi");
    }
}

/// Wi-Fi radio energy models on the devices' radios, drawing from the
/// devices' batteries; each radio's TX and RX time goes to radioTimes.
void
InstallRadioEnergy(const NetDeviceContainer& computeWifi,
                   DeviceEnergyModelContainer& radios,
                   std::vector<RadioTimes>& radioTimes)
{
    NodeContainer compute;
    for (uint32_t i = 0; i < computeWifi.GetN(); ++i)
    {
        compute.Add(computeWifi.Get(i)->GetNode());
    }
    WifiRadioEnergyModelHelper radio;
    radio.Set("IdleCurrentA", DoubleValue(kIdleA));
    radio.Set("CcaBusyCurrentA", DoubleValue(kIdleA));
    radio.Set("SwitchingCurrentA", DoubleValue(kIdleA));
    radio.Set("TxCurrentA", DoubleValue(kTxA));
    radio.Set("RxCurrentA", DoubleValue(kRxA));
    radio.Set("SleepCurrentA", DoubleValue(kSleepA));
    EnergySourceContainer batteries;
    batteries.Add(EnergyHarvestingOrinDeviceHelper::GetBatteries(compute));
    // ns-3's radio model schedules an event at every energy-changed
    // notification (one per PHY state change): tell it once a second, as
    // ns-3's BasicEnergySource updates by default.
    for (uint32_t i = 0; i < batteries.GetN(); ++i)
    {
        batteries.Get(i)->SetAttribute("EnergyChangedInterval", TimeValue(Seconds(1)));
    }
    radios = radio.Install(computeWifi, batteries);
    radioTimes.resize(computeWifi.GetN());
    for (uint32_t i = 0; i < computeWifi.GetN(); ++i)
    {
        DynamicCast<WifiNetDevice>(computeWifi.Get(i))
            ->GetPhy()
            ->GetState()
            ->TraceConnectWithoutContext("State",
                                         MakeBoundCallback(&AddStateTime, &radioTimes[i]));
    }
}

/// Append kEnergyNames' values to v: energy per completed job, the devices'
/// own draw (compute) and the radios' (all of it, idle listening included;
/// and the hand-offs alone: time in TX and RX above the idle current).
void
AppendEnergyPerJob(Ptr<InferencePipeline> p,
                   const DeviceEnergyModelContainer& radios,
                   const std::vector<RadioTimes>& radioTimes,
                   const LlmRunReport& report,
                   std::vector<double>& v)
{
    double computeJ = 0;
    for (uint32_t l = 0; l < p->GetNLayers(); ++l)
    {
        for (const auto& app : p->GetLayer(l))
        {
            computeJ += app->GetDevice()->GetTotalEnergyConsumption();
        }
    }
    double radioJ = 0;
    double handoffJ = 0;
    for (uint32_t i = 0; i < radios.GetN(); ++i)
    {
        radioJ += radios.Get(i)->GetTotalEnergyConsumption();
        handoffJ += 19.0 * ((kTxA - kIdleA) * radioTimes[i].txS + (kRxA - kIdleA) * radioTimes[i].rxS);
    }
    double n = std::max(report.completed, 1.0);
    v.push_back(computeJ / n);
    v.push_back(radioJ / n);
    v.push_back(handoffJ / n);
    v.push_back(computeJ + radioJ > 0 ? radioJ / (computeJ + radioJ) : 0.0);
}

/// One replication on one network; returns the report values, then the
/// event count and the wall-clock seconds (the last is not written to the
/// CSV: result files are the same for the same seed).
std::vector<double>
RunOnce(const std::string& network, const Options& o, uint32_t run)
{
    RngSeedManager::SetRun(run);
    DeviceEnergyModelContainer radios;
    std::vector<RadioTimes> radioTimes;
    NetDeviceContainer computeWifi; // the radios of the devices (not the source's)
    auto wall = std::chrono::steady_clock::now();
    auto layers = LlmInferenceHelper::CreateLayout(3, 3);
    NodeContainer source;
    source.Create(1);
    NodeContainer all(source);
    for (const auto& l : layers)
    {
        all.Add(l);
    }
    if (network != "zero-communication")
    {
        ConnectNetwork(network, all, source, layers, computeWifi);
    }
    LlmInferenceHelper h;
    h.Devices().SetDeviceAttribute("Accounting", StringValue(o.accounting));
    h.Devices().SetBatteryAttribute("InitialFraction", DoubleValue(0.5));
    h.SetSchedulerAttribute("Policy", StringValue(o.policy));
    h.SetSourceAttribute("Probability", DoubleValue(o.q));
    h.SetPipelineAttribute("Transport",
                           StringValue(network == "zero-communication" ? "zero-communication" : "tcp"));
    h.SetPipelineAttribute("PayloadBytes", UintegerValue(o.payloadBytes));
    Ptr<InferencePipeline> p = h.Install(layers, source.Get(0));
    LlmInferenceHelper::SetNodeSpecificHarvest(p, o.meanHarvestJ);
    LlmInferenceHelper::AssignStreams(p, 0);
    if (o.radioEnergy && computeWifi.GetN() > 0)
    {
        InstallRadioEnergy(computeWifi, radios, radioTimes);
    }
    Time end = Seconds(100.0 * o.slots);
    Simulator::Stop(end);
    Simulator::Run();
    InvariantCheck::Enforce(p, network + ", RngRun " + std::to_string(run)); // exit 3 on a violation
    LlmRunReport report = LlmRunReport::Collect(p, end);
    std::vector<double> v = report.Values();
    AppendEnergyPerJob(p, radios, radioTimes, report, v);
    v.push_back(static_cast<double>(Simulator::GetEventCount()));
    v.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count());
    Simulator::Destroy();
    return v;
}

} // namespace

int
Run(int argc, char* argv[])
{
    Options o{100, 0.3, 550, "long-term", "Slotted", 64 * 16 * 512 * 2, true};
    uint32_t replications = 5;
    uint32_t workers = 0;
    std::string networks = "zero-communication,p2p,csma,wifi";
    std::string csv = "llm-edge-links.csv";
    CommandLine cmd(__FILE__);
    ProgramOptions opt("llm-edge-links", cmd);
    opt.AddCount("replications",
                 "Replications per network (RngRun, RngRun+1, ...; --RngRun sets the first)",
                 replications, 1, 1000000);
    opt.AddCount("workers", "Worker processes (0: one per core)", workers, 0, 1024);
    opt.AddCount("slots", "Slots of 100 s", o.slots, 1, 10000000);
    opt.AddReal("q", "Job probability per slot", o.q, 0, 1);
    opt.AddReal("meanHarvestJ", "Mean harvest per slot m, J (device j: U[m_j/2, 3m_j/2])",
                o.meanHarvestJ, 0, 1e9);
    opt.AddString("policy", "uniform, long-term or adaptive", o.policy,
                  {"uniform", "long-term", "adaptive"});
    opt.AddString("accounting", "Slotted or Continuous", o.accounting, {"Slotted", "Continuous"});
    opt.AddCount("payloadBytes", "Activation bytes per hop", o.payloadBytes, 1, 1u << 30);
    std::string radioEnergy = "1";
    opt.AddString("radioEnergy",
                  "On Wi-Fi, the radios draw from the devices' batteries (ns-3's "
                  "WifiRadioEnergyModel): 1 or 0",
                  radioEnergy, {"1", "0", "true", "false"});
    opt.AddList("networks", "Comma-separated: zero-communication, p2p, csma, wifi", networks,
                {"zero-communication", "p2p", "csma", "wifi"});
    opt.AddOutputFile("csv", "Output CSV (\"none\": no file)", csv);
    WorkDistributor distributor("llm-edge-links", opt); // --shard, --mergeShards; mpirun
    opt.Parse(argc, argv);
    o.radioEnergy = radioEnergy == "1" || radioEnergy == "true";
    const uint32_t firstRun = opt.GetFirstRun(replications);

    std::vector<std::string> nets;
    {
        std::stringstream ss(networks);
        std::string n;
        while (std::getline(ss, n, ','))
        {
            nets.push_back(n);
        }
    }
    std::vector<std::string> names = LlmRunReport::Names();
    names.insert(names.end(), kEnergyNames.begin(), kEnergyNames.end());
    names.push_back("events");
    names.push_back("wall_s");
    // Work units: each network's replications in blocks (one machine's
    // cores, MPI ranks or SLURM shards; see WorkDistributor).
    ReplicationBlocks blocks(static_cast<uint32_t>(nets.size()), replications, 1);
    WorkDistributor::Results unitResults;
    if (!distributor.Run(
            blocks.GetUnits(),
            workers,
            [&](uint32_t u) {
                return RunOnce(nets[blocks.Point(u)], o, firstRun + blocks.First(u));
            },
            "runs",
            unitResults))
    {
        return 0; // another process writes the results
    }
    std::ofstream out;
    if (csv != "none")
    {
        out.open(csv);
        if (!out)
        {
            ThrowConfigError("--csv", "'" + csv + "'", "cannot be opened for writing");
        }
        out << "network,metric,mean,sd,ci95,replications\n";
    }
    std::printf("3 x 3 devices, %u slots, q = %g, m = %g J/slot, %s, %s accounting, %u bytes per "
                "hop, %u replications\n\n",
                o.slots, o.q, o.meanHarvestJ, o.policy.c_str(), o.accounting.c_str(),
                o.payloadBytes, replications);
    if (!kStaticNeighbourCaches && (std::find(nets.begin(), nets.end(), "csma") != nets.end() ||
                                    std::find(nets.begin(), nets.end(), "wifi") != nets.end()))
    {
        std::printf("note: this ns-3 (before 3.36) has no NeighborCacheHelper: on csma and wifi "
                    "ARP resolves neighbours (no static caches), so its broadcasts add traffic "
                    "and delay that ns-3 >= 3.36 runs do not have.\n\n");
    }
    std::printf("%-19s %7s %7s %9s %9s %9s %9s %9s %12s\n", "network", "thr", "saving",
                "lat mean", "lat p95", "queue", "compute", "network", "events/s");
    std::vector<std::string> energyRows;
    for (uint32_t i = 0; i < nets.size(); ++i)
    {
        const std::string& net = nets[i];
        std::vector<std::vector<double>> res;
        blocks.ForEach(unitResults, i, names.size(),
                       [&](const double* v) { res.emplace_back(v, v + names.size()); });
        std::vector<SummaryStatistics> s(names.size());
        for (const auto& v : res)
        {
            for (std::size_t k = 0; k < v.size(); ++k)
            {
                s[k].Add(v[k]);
            }
        }
        auto m = [&](const std::string& n) {
            return s[std::find(names.begin(), names.end(), n) - names.begin()].GetMean();
        };
        double events = 0;
        double wall = 0;
        for (const auto& v : res)
        {
            events += v[v.size() - 2];
            wall += v.back();
        }
        std::printf("%-19s %7.3f %7.3f %9.2f %9.2f %9.2f %9.2f %9.3f %12.0f\n", net.c_str(),
                    m("normalized_throughput"), m("power_saving_fraction"), m("latency_mean_s"),
                    m("latency_p95_s"), m("queue_wait_mean_s"), m("compute_mean_s"),
                    m("network_mean_s"), wall > 0 ? events / wall : 0.0);
        char row[200];
        if (net == "wifi" && o.radioEnergy)
        {
            std::snprintf(row, sizeof(row), "%-19s %12.0f %12.1f %12.2f %9.2f %%", net.c_str(),
                          m("compute_energy_per_job_j"), m("radio_energy_per_job_j"),
                          m("handoff_radio_energy_per_job_j"), 100 * m("radio_energy_share"));
        }
        else
        {
            std::snprintf(row, sizeof(row), "%-19s %12.0f %12s %12s %11s", net.c_str(),
                          m("compute_energy_per_job_j"), "n/a", "n/a", "n/a");
        }
        energyRows.emplace_back(row);
        if (out)
        {
            for (std::size_t k = 0; k + 1 < names.size(); ++k) // wall_s to stdout only
            {
                out << net << "," << names[k] << "," << s[k].GetMean() << "," << s[k].GetStdDev()
                    << "," << s[k].GetCiHalfWidth() << "," << replications << "\n";
            }
        }
    }
    std::printf("\nthr: completed / arrived; saving: mean time share of devices in power saving; "
                "latencies in s (source to source).\n\n");
    std::printf("Energy per completed job, J\n%-19s %12s %12s %12s %11s\n", "network", "compute",
                "radio", "hand-offs", "radio share");
    for (const auto& r : energyRows)
    {
        std::printf("%s\n", r.c_str());
    }
    std::printf("\nradio: all energy of the devices' Wi-Fi radios (idle listening included); "
                "hand-offs: their time in TX and RX above the idle current. n/a: no radio energy "
                "model (wired links have none in ns-3, or --radioEnergy=0).\n");
    if (out)
    {
        out.close();
        ResultProvenance provenance = ResultProvenance::FromProgram("llm-edge-links", opt);
        provenance.SetRuns(RngSeedManager::GetSeed(), firstRun, replications);
        provenance.WriteSidecar(csv);
    }
    return InvariantCheck::Finish("llm-edge-links");
}

int
main(int argc, char* argv[])
{
    return RunProgram("llm-edge-links", [&]() { return Run(argc, argv); });
}
