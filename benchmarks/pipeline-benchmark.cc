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

} // namespace

// Second argument: 0 = a fresh set of ns-3 objects per replication (Run),
// 1 = one set reset between replications (RunSeries).
BENCHMARK(BM_PaperPoint)->ArgsProduct({{0, 1, 2}, {0, 1}})->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_TcpPointToPointEvents)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_LargeTopology)->Arg(10)->Arg(100)->Unit(benchmark::kSecond)->Iterations(3);

int
main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    ns3::Simulator::Destroy();
    return 0;
}
