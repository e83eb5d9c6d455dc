/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Google Benchmark of the network simulation:
// - the paper's experiment point (3 x 3 devices, 100 slots, one policy,
//   zero-communication), per 1000 replications on one core;
// - events per second over point-to-point links with TCP;
// - large topologies (up to 1000 devices) with their peak memory.

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/llm-edge-module.h"
#include "ns3/point-to-point-module.h"

#include <benchmark/benchmark.h>
#include <chrono>
#include <sys/resource.h>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

double
PeakRssMiB()
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

const char* kPolicies[] = {"uniform", "long-term", "adaptive"};

void
BM_PaperPoint(benchmark::State& state)
{
    PaperScenario sc;
    sc.policy = kPolicies[state.range(0)];
    sc.q = 0.3;
    sc.meanHarvestJ = 550;
    sc.initialFraction = 0.15;
    sc.Run(1); // q_lim of the three distinct chains cached, as in a sweep
    const uint32_t reps = 1000;
    double completed = 0;
    for (auto _ : state)
    {
        if (state.range(1))
        {
            for (const auto& r : sc.RunSeries(1, reps))
            {
                completed += r.completed;
            }
        }
        else
        {
            for (uint32_t r = 1; r <= reps; ++r)
            {
                completed += sc.Run(r).completed;
            }
        }
    }
    state.counters["replications"] = reps;
    state.counters["s_per_point"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate |
                                                                        benchmark::Counter::kInvert);
    state.counters["completed_per_run"] = completed / (reps * state.iterations());
}

void
BM_TcpPointToPointEvents(benchmark::State& state)
{
    uint64_t events = 0;
    for (auto _ : state)
    {
        auto layers = LlmInferenceHelper::CreateLayout(3, 3);
        NodeContainer src;
        src.Create(1);
        InternetStackHelper internet;
        internet.Install(src);
        for (auto& l : layers)
        {
            internet.Install(l);
        }
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("5ms"));
        Ipv4AddressHelper ip;
        ip.SetBase("10.0.0.0", "255.255.255.252");
        auto link = [&](Ptr<Node> a, Ptr<Node> b) {
            ip.Assign(p2p.Install(a, b));
            ip.NewNetwork();
        };
        for (uint32_t i = 0; i < 3; ++i)
        {
            link(src.Get(0), layers[0].Get(i));
            link(layers[2].Get(i), src.Get(0));
            for (uint32_t l = 0; l < 2; ++l)
            {
                for (uint32_t j = 0; j < 3; ++j)
                {
                    link(layers[l].Get(i), layers[l + 1].Get(j));
                }
            }
        }
        Ipv4GlobalRoutingHelper::PopulateRoutingTables();
        LlmInferenceHelper h;
        h.Devices().SetHarvesterAttribute(
            "SlotEnergyJ", StringValue("ns3::UniformRandomVariable[Min=300|Max=900]"));
        h.SetPipelineAttribute("Transport", StringValue("tcp"));
        h.SetSourceAttribute("Probability", DoubleValue(0.3));
        Ptr<InferencePipeline> p = h.Install(layers, src.Get(0));
        LlmInferenceHelper::AssignStreams(p, 0);
        Simulator::Stop(Seconds(100.0 * 100));
        Simulator::Run();
        events += Simulator::GetEventCount();
        Simulator::Destroy();
    }
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

void
BM_LargeTopology(benchmark::State& state)
{
    uint32_t perLayer = static_cast<uint32_t>(state.range(0));
    PaperScenario sc;
    sc.layers = 10;
    sc.perLayer = perLayer;
    sc.q = 1.0;
    sc.policy = "long-term";
    sc.initialFraction = 0.5;
    // The first run also solves the chains of the distinct devices (one per
    // position in a layer) for q_lim; timed apart.
    auto t0 = std::chrono::steady_clock::now();
    sc.Run(1);
    double first = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double completed = 0;
    for (auto _ : state)
    {
        completed += sc.Run(2).completed;
    }
    state.counters["devices"] = 10.0 * perLayer;
    state.counters["first_run_with_qlim_s"] = first;
    state.counters["completed"] = completed / state.iterations();
    state.counters["peak_rss_MiB"] = PeakRssMiB();
}


/// Each device serves about this many jobs per 100 s slot (the harvest of
/// U[300, 900] J per slot sustains about 0.26 jobs of 2.3 kJ per slot).
constexpr double kJobsPerDevicePerSlot = 0.2;

/**
 * \brief A deployment of L layers of N devices whose request rate grows with
 * N (Poisson, N x 0.2 jobs per 100 s slot, so every device works), for
 * \p seconds of simulated time: zero-communication, or TCP over
 * point-to-point links in a tree of routers (a router per \p fanout devices
 * of a layer, the routers on one core router, static routes: global routing
 * would give every node a route to every link, O(devices^2) memory).
 * \return the run's report
 */
LlmRunReport
RunDeployment(bool tcp,
              uint32_t layers,
              uint32_t perLayer,
              double seconds,
              uint64_t* events,
              uint32_t fanout = 63)
{
    auto layout = LlmInferenceHelper::CreateLayout(layers, perLayer);
    NodeContainer src;
    src.Create(1);
    if (tcp)
    {
        InternetStackHelper internet;
        internet.Install(src);
        for (auto& l : layout)
        {
            internet.Install(l);
        }
        NodeContainer core;
        core.Create(1);
        internet.Install(core);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
        p2p.SetChannelAttribute("Delay", StringValue("1ms"));
        Ipv4StaticRoutingHelper routing;
        // Each router owns 10.<r / 256>.<r % 256>.0/24 split into /30 links:
        // up to 63 hosts per router.
        uint32_t router = 0;
        auto attach = [&](const std::vector<Ptr<Node>>& hosts) {
            NodeContainer r;
            r.Create(1);
            internet.Install(r);
            ++router;
            Ipv4Address base(0x0a000000 | (router << 8));
            Ipv4AddressHelper ip(base, "255.255.255.252");
            for (auto& h : hosts)
            {
                Ipv4InterfaceContainer ifs = ip.Assign(p2p.Install(r.Get(0), h));
                ip.NewNetwork();
                routing.GetStaticRouting(h->GetObject<Ipv4>())
                    ->SetDefaultRoute(ifs.GetAddress(0), 1);
            }
            // The router's uplink to the core, in 10.255.x.y/30.
            Ipv4AddressHelper up(Ipv4Address(0x0aff0000 | (router << 2)), "255.255.255.252");
            Ipv4InterfaceContainer u = up.Assign(p2p.Install(core.Get(0), r.Get(0)));
            routing.GetStaticRouting(r.Get(0)->GetObject<Ipv4>())
                ->SetDefaultRoute(u.GetAddress(0), r.Get(0)->GetObject<Ipv4>()->GetNInterfaces() - 1);
            routing.GetStaticRouting(core.Get(0)->GetObject<Ipv4>())
                ->AddNetworkRouteTo(base, Ipv4Mask("255.255.255.0"), u.GetAddress(1),
                                    core.Get(0)->GetObject<Ipv4>()->GetNInterfaces() - 1);
        };
        std::vector<Ptr<Node>> group{src.Get(0)};
        attach(group);
        for (auto& l : layout)
        {
            group.clear();
            for (uint32_t i = 0; i < l.GetN(); ++i)
            {
                group.push_back(l.Get(i));
                if (group.size() == fanout || i + 1 == l.GetN())
                {
                    attach(group);
                    group.clear();
                }
            }
        }
    }
    LlmInferenceHelper h;
    h.Devices().SetHarvesterAttribute(
        "SlotEnergyJ", StringValue("ns3::UniformRandomVariable[Min=300|Max=900]"));
    // Over links, Continuous accounting: jobs end at their own times, not all
    // at the common slot boundaries, where decisions made at once from the same
    // state would send several jobs to one free device.
    h.Devices().SetDeviceAttribute("Accounting", StringValue(tcp ? "Continuous" : "Slotted"));
    h.SetPolicyAttribute("Policy", StringValue("uniform"));
    h.SetPipelineAttribute("Transport", StringValue(tcp ? "tcp" : "zero-communication"));
    h.SetPipelineAttribute("PayloadBytes", UintegerValue(16 * 1024));
    h.SetSourceAttribute("Arrivals", StringValue("poisson"));
    h.SetSourceAttribute("RatePerSecond", DoubleValue(perLayer * kJobsPerDevicePerSlot / 100.0));
    Ptr<InferencePipeline> p = h.Install(layout, src.Get(0));
    LlmInferenceHelper::AssignStreams(p, 0);
    Simulator::Stop(Seconds(seconds));
    Simulator::Run();
    InvariantCheck::Enforce(p, "large deployment");
    LlmRunReport r = LlmRunReport::Collect(p, Seconds(seconds));
    *events += Simulator::GetEventCount();
    Simulator::Destroy();
    return r;
}

/// Arguments: transport (0 zero-communication, 1 TCP), devices, simulated hours.
void
BM_LargeDeployment(benchmark::State& state)
{
    bool tcp = state.range(0) == 1;
    uint32_t devices = static_cast<uint32_t>(state.range(1));
    double hours = static_cast<double>(state.range(2));
    uint32_t layers = 10;
    LlmRunReport r;
    uint64_t events = 0;
    for (auto _ : state)
    {
        r = RunDeployment(tcp, layers, devices / layers, hours * 3600, &events);
    }
    state.counters["devices"] = devices;
    state.counters["sim_hours"] = hours;
    state.counters["arrived"] = r.arrived;
    state.counters["completed"] = r.completed;
    state.counters["dropped"] = r.dropped;
    for (uint32_t k = 0; k < r.droppedBy.size(); ++k)
    {
        if (r.droppedBy[k] > 0)
        {
            state.counters["dropped_" + InferencePipeline::DropReasonName(
                                            static_cast<InferencePipeline::DropReason>(k))] =
                r.droppedBy[k];
        }
    }
    state.counters["events"] = static_cast<double>(events) / state.iterations();
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["peak_rss_MiB"] = PeakRssMiB();
}

} // namespace

// Second argument: 0 = a fresh set of ns-3 objects per replication (Run),
// 1 = one set reset between replications (RunSeries).
BENCHMARK(BM_PaperPoint)->ArgsProduct({{0, 1, 2}, {0, 1}})->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_TcpPointToPointEvents)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_LargeTopology)->Arg(10)->Arg(100)->Unit(benchmark::kSecond)->Iterations(3);
// The largest single topologies: zero-communication 10^4 and 10^5 devices for
// one simulated day, TCP over point-to-point 10^3 and 10^4 devices for one hour.
BENCHMARK(BM_LargeDeployment)
    ->Args({0, 1000, 1})
    ->Args({1, 100, 1})
    ->Args({0, 10000, 24})
    ->Args({0, 100000, 24})
    ->Args({1, 1000, 1})
    ->Args({1, 10000, 1})
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

int
main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    ns3::Simulator::Destroy();
    return 0;
}
