/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Google Benchmark: decisions per second of the policies behind the seam.
// Tuners: Choose + Observe on a 49-arm surface (7 GPU frequencies x 7
// batch sizes, the Camel grid), through the pure core and through
// EdpTunerPolicy (ns-3 random streams, cost normalization). Routers: one
// routing decision over a layer of N idle devices (Continuous accounting),
// for the greedy, latency-, energy- and carbon-aware policies and the
// semi-Markov scheduler (long-term, q_lim cached).

#include "ns3/carbon-aware-policy.h"
#include "ns3/double.h"
#include "ns3/edp-tuner-policy.h"
#include "ns3/energy-aware-policy.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/greedy-policy.h"
#include "ns3/inference-pipeline.h"
#include "ns3/latency-aware-policy.h"
#include "ns3/llm-block-application.h"
#include "ns3/semi-markov-scheduler.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/thompson-sampling-tuner.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

void
BM_ThompsonCore(benchmark::State& state)
{
    ThompsonSamplingTuner t(49);
    std::mt19937_64 g(1);
    std::normal_distribution<double> n;
    std::uniform_real_distribution<double> u;
    RandomDraws d{[&]() { return n(g); }, [&]() { return u(g); }};
    for (auto _ : state)
    {
        std::size_t arm = t.Choose(d);
        t.Observe(arm, 1.0 + 0.01 * static_cast<double>(arm % 7));
    }
    state.SetItemsProcessed(state.iterations());
}

void
BM_TunerPolicy(benchmark::State& state, const char* tuner)
{
    Ptr<EdpTunerPolicy> p = CreateObject<EdpTunerPolicy>();
    p->SetAttribute("Tuner", StringValue(tuner));
    p->Initialize();
    const ConfigSurface& s = p->GetSurface();
    for (auto _ : state)
    {
        uint32_t arm = p->Tune({nullptr});
        p->Observe({arm, s.GetEnergyPerRequestJ(arm), s.GetLatencyPerRequestS(arm, 1.0), nullptr});
    }
    state.SetItemsProcessed(state.iterations());
}

void
BM_Route(benchmark::State& state, const char* type)
{
    std::vector<Ptr<LlmBlockApplication>> layer;
    for (int64_t i = 0; i < state.range(0); ++i)
    {
        NodeContainer n;
        n.Create(1);
        EnergyHarvestingOrinDeviceHelper h;
        h.SetDeviceAttribute("Accounting", StringValue("Continuous"));
        Ptr<LlmBlockApplication> app = CreateObject<LlmBlockApplication>();
        app->SetDevice(h.Install(n.Get(0)));
        layer.push_back(app);
    }
    Simulator::Stop(Seconds(1));
    Simulator::Run(); // devices initialized
    ObjectFactory f;
    f.SetTypeId(type);
    Ptr<InferencePolicy> policy = f.Create<InferencePolicy>();
    policy->Initialize();
    Ptr<InferencePipeline> pipeline = CreateObject<InferencePipeline>();
    InferenceJob job;
    for (auto _ : state)
    {
        benchmark::DoNotOptimize(policy->Route({0, job, nullptr, layer, *pipeline}));
    }
    state.SetItemsProcessed(state.iterations());
    Simulator::Destroy();
}

} // namespace

BENCHMARK(BM_ThompsonCore);
BENCHMARK_CAPTURE(BM_TunerPolicy, thompson, "thompson");
BENCHMARK_CAPTURE(BM_TunerPolicy, ucb1, "ucb1");
BENCHMARK_CAPTURE(BM_TunerPolicy, grid_search, "grid-search");
BENCHMARK_CAPTURE(BM_Route, greedy, "ns3::llmedge::GreedyPolicy")->Arg(5)->Arg(100);
BENCHMARK_CAPTURE(BM_Route, latency, "ns3::llmedge::LatencyAwarePolicy")->Arg(5)->Arg(100);
BENCHMARK_CAPTURE(BM_Route, energy, "ns3::llmedge::EnergyAwarePolicy")->Arg(5)->Arg(100);
BENCHMARK_CAPTURE(BM_Route, carbon, "ns3::llmedge::CarbonAwarePolicy")->Arg(5)->Arg(100);
BENCHMARK_CAPTURE(BM_Route, semi_markov, "ns3::llmedge::SemiMarkovScheduler")->Arg(5)->Arg(100);
BENCHMARK_MAIN();
