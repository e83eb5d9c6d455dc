/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Google Benchmark: stationary solve of the semi-Markov battery model from
// 10^2 to 10^5 battery levels, with a harvest support of up to 10^3 levels
// (1 J resolution of a 100 kJ battery, up to 1 kJ harvested per slot).
// Reports solve time, solver iterations and the process's peak memory.

#include "ns3/harvest-pmf.h"
#include "ns3/semi-markov-battery-model.h"

#include <benchmark/benchmark.h>
#include <sys/resource.h>

using namespace ns3::llmedge;

namespace
{

double
PeakRssMiB()
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0; // Linux: KiB
}

void
BM_Solve(benchmark::State& state)
{
    // levels N = 100 kJ / u; harvest U[0, 1 kJ] on the same unit, capped at
    // 10^3 levels of support.
    double unitJ = 100e3 / static_cast<double>(state.range(0));
    DeviceSpec spec;
    spec.capacityJ = 100e3;
    spec.modes = PowerModeTable::FromPreset("paper-scaled");
    spec.policy = PowerModePolicy::Parse(state.range(1) ? "dynamic" : "60W",
                                         "0:15W,0.4:30W,0.6:60W",
                                         spec.modes);
    HarvestPmf f = HarvestPmf::FromUniform(0, 1000, unitJ);
    SemiMarkovBatteryModel model(spec, f);
    ChainMetrics m;
    for (auto _ : state)
    {
        m = model.Solve(0.3);
        benchmark::DoNotOptimize(m);
    }
    state.counters["levels"] = static_cast<double>(model.GetLevels());
    state.counters["harvest_support"] = static_cast<double>(f.GetProbabilities().size());
    state.counters["iterations"] = model.GetLastIterations();
    state.counters["risk"] = m.risk;
    state.counters["peak_rss_MiB"] = PeakRssMiB();
}

} // namespace

BENCHMARK(BM_Solve)
    ->ArgsProduct({{100, 1000, 10000, 100000}, {0, 1}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

BENCHMARK_MAIN();
