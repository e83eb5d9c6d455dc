/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// GoogleTest for the pure core of the energy-delay tuning (issue 8):
// configuration surfaces, their cost and EDP, observation noise, the tuners,
// the offline tuning loop and the calibration of the shipped Camel surfaces.

#include "expect-config-error.h"

#include "ns3/bandit-tuner.h"
#include "ns3/camel-calibration.h"
#include "ns3/config-error.h"
#include "ns3/config-surface.h"
#include "ns3/observation-noise.h"
#include "ns3/offline-tuning.h"
#include "ns3/thompson-sampling-tuner.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <iostream>
#include <numeric>
#include <random>
#include <sstream>
#include <string>

using namespace ns3::llmedge;
using ns3::llmedge::test::DataFile;
using ns3::llmedge::test::ExpectError;

namespace
{

std::string
ReadText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const char* kHeader = "device,model,freq_mhz,batch,time_per_batch_s,energy_per_batch_j,flag\n";

/// A 2 x 2 surface: (500, 2), (500, 4), (1000, 2), (1000, 4).
std::string
SmallCsv()
{
    return std::string("# test\n") + kHeader +
           "dev,m,500,2,2.0,10,EST\n"
           "dev,m,500,4,3.0,12,EST\n"
           "dev,m,1000,2,1.0,16,MEAS\n"
           "dev,m,1000,4,1.5,24,SPEC\n"
           "dev,other,1000,4,1.5,24,SPEC\n";
}

/// Draws from a fixed-seed std::mt19937_64 (the tests' stand-in for ns-3's streams).
struct SeededDraws
{
    explicit SeededDraws(unsigned seed)
        : rng(seed)
    {
        draws.normal = [this]() { return normal(rng); };
        draws.uniform = [this]() { return uniform(rng); };
    }

    std::mt19937_64 rng;
    std::normal_distribution<double> normal{0.0, 1.0};
    std::uniform_real_distribution<double> uniform{0.0, 1.0};
    RandomDraws draws;
};

/// Draws that fail the test when used (for tuners that must not draw).
RandomDraws
NoDraws()
{
    RandomDraws d;
    d.normal = []() {
        ADD_FAILURE() << "unexpected normal draw";
        return 0.0;
    };
    d.uniform = []() {
        ADD_FAILURE() << "unexpected uniform draw";
        return 0.0;
    };
    return d;
}

/// A synthetic 3 x 3 surface whose arm 4 (middle) is clearly best.
ConfigSurface
SyntheticSurface()
{
    std::vector<SurfaceArm> arms;
    const double energy[3][3] = {{30, 18, 16}, {20, 9, 12}, {24, 16, 15}};
    const double freqs[3] = {400, 800, 1200};
    const unsigned batches[3] = {2, 4, 6};
    for (int i = 0; i < 3; ++i)
    {
        for (int j = 0; j < 3; ++j)
        {
            arms.push_back({freqs[i], batches[j], 1.0, energy[i][j] * batches[j], "EST"});
        }
    }
    return ConfigSurface(arms, "synthetic", "toy", "synthetic");
}

} // namespace

// ---------------------------------------------------------------- surface

TEST(ConfigSurface, ParsesSelectsAndSorts)
{
    ConfigSurface s = ConfigSurface::ParseCsv(SmallCsv(), "s.csv", "dev", "m");
    ASSERT_EQ(s.GetNArms(), 4u);
    EXPECT_EQ(s.GetFrequenciesMhz(), (std::vector<double>{500, 1000}));
    EXPECT_EQ(s.GetBatches(), (std::vector<unsigned>{2, 4}));
    EXPECT_EQ(s.GetDefaultArm(), 3u);
    EXPECT_EQ(s.GetArm(3).flag, "SPEC");
    EXPECT_EQ(s.IndexOf(500, 4), 1u);
    ExpectError([&] { s.IndexOf(600, 4); }, {"(600 MHz, batch 4)", "not in s.csv"});
}

TEST(ConfigSurface, CostAndEdpClosedForms)
{
    ConfigSurface s = ConfigSurface::ParseCsv(SmallCsv(), "s.csv", "dev", "m");
    // Arm (500, 2): energy 10 / 2 = 5 J, latency (2 - 1) / (2 * 1) + 2 = 2.5 s.
    EXPECT_DOUBLE_EQ(s.GetEnergyPerRequestJ(0), 5.0);
    EXPECT_DOUBLE_EQ(s.GetLatencyPerRequestS(0, 1.0), 2.5);
    EXPECT_DOUBLE_EQ(s.GetLatencyPerRequestS(0, 2.0), 2.25);
    EXPECT_DOUBLE_EQ(s.GetEdpJs(0, 1.0), 12.5);
    // Default (1000, 4): 6 J, 1.5 + 1.5 = 3 s, EDP 18.
    EXPECT_DOUBLE_EQ(s.GetEdpJs(3, 1.0), 18.0);
    CostOptions o;
    std::vector<double> c = s.GetCosts(o);
    EXPECT_DOUBLE_EQ(c[3], 1.0);
    EXPECT_DOUBLE_EQ(c[0], 0.5 * 5.0 / 6.0 + 0.5 * 2.5 / 3.0);
    // (500, 4): 3 J, 4.5 s; (1000, 2): 8 J, 1.5 s.
    EXPECT_DOUBLE_EQ(c[1], 0.5 * 3.0 / 6.0 + 0.5 * 4.5 / 3.0);
    EXPECT_DOUBLE_EQ(c[2], 0.5 * 8.0 / 6.0 + 0.5 * 1.5 / 3.0);
    EXPECT_EQ(s.GetOptimumArm(o), 0u);
    EXPECT_EQ(s.GetEdpOptimumArm(1.0), 2u); // 8 * 1.5 = 12 < 12.5
    EXPECT_DOUBLE_EQ(s.GetEdpReductionVsDefault(o), 1.0 - 12.5 / 18.0);
    // Min-max: energy in [3, 8], latency in [1.5, 4.5].
    o.normalization = CostNormalization::MinMax;
    o.energyWeight = 0.25;
    c = s.GetCosts(o);
    EXPECT_DOUBLE_EQ(c[0], 0.25 * (5.0 - 3.0) / 5.0 + 0.75 * (2.5 - 1.5) / 3.0);
    EXPECT_DOUBLE_EQ(c[1], 0.75);
    EXPECT_DOUBLE_EQ(c[2], 0.25);
    ExpectError(
        [&] {
            s.GetCosts(CostOptions{1.5, 1.0, CostNormalization::DefaultArm});
        },
        {"EnergyWeight", "1.5", "[0, 1]"});
    ExpectError(
        [&] {
            s.GetCosts(CostOptions{0.5, 0.0, CostNormalization::DefaultArm});
        },
        {"ArrivalRate", "0"});
}

TEST(ConfigSurface, OneArmAndAllEqual)
{
    ConfigSurface one({{900, 8, 2.0, 40.0, "EST"}}, "d", "m", "one");
    EXPECT_EQ(one.GetDefaultArm(), 0u);
    EXPECT_EQ(one.GetOptimumArm(CostOptions()), 0u);
    EXPECT_DOUBLE_EQ(one.GetEdpReductionVsDefault(CostOptions()), 0.0);
    CostOptions mm{0.5, 1.0, CostNormalization::MinMax};
    EXPECT_DOUBLE_EQ(one.GetCosts(mm)[0], 0.0);
    ConfigSurface eq({{1, 1, 1.0, 1.0, "EST"}, {2, 1, 1.0, 1.0, "EST"}}, "d", "m", "eq");
    EXPECT_EQ(eq.GetOptimumArm(CostOptions()), 0u); // ties to the lowest index
    EXPECT_EQ(eq.GetDefaultArm(), 1u);
}

TEST(ConfigSurface, RejectsBadInput)
{
    auto parse = [](const std::string& rows) {
        return
            [rows] { ConfigSurface::ParseCsv(std::string(kHeader) + rows, "bad.csv", "dev", "m"); };
    };
    ExpectError(parse("dev,m,500,2,2,10,EST\ndev,m,500,2,2,10,EST\n"),
                {"bad.csv:3:7", "duplicate arm", "(500 MHz, batch 2)", "first on line 2"});
    ExpectError(parse("dev,m,500,2,2,10,EST\ndev,m,1000,4,2,10,EST\n"),
                {"bad.csv", "missing arm", "(500 MHz, batch 4)", "full grid"});
    ExpectError(parse("dev,m,500,2,0,10,EST\n"), {"bad.csv:2:13: invalid time_per_batch_s = 0"});
    ExpectError(parse("dev,m,500,2,1,-3,EST\n"),
                {"bad.csv:2:15: invalid energy_per_batch_j = -3", "(0, 1e+15] J"});
    ExpectError(parse("dev,m,-500,2,1,3,EST\n"), {"bad.csv:2:7: invalid freq_mhz = -500"});
    ExpectError(parse("dev,m,500,2,nan,3,EST\n"), {"bad.csv:2:13", "'nan'", "finite"});
    ExpectError(parse("dev,m,500,2,1,inf,EST\n"), {"bad.csv:2:15", "'inf'", "finite"});
    ExpectError(parse("dev,m,500,2,1,1e308,EST\n"), {"bad.csv:2:15", "1e+308"});
    ExpectError(parse("dev,m,500,2.5,1,3,EST\n"), {"bad.csv:2:11", "batch", "'2.5'", "whole"});
    ExpectError(parse("dev,m,500,0,1,3,EST\n"), {"bad.csv:2:11", "batch", "'0'"});
    ExpectError(parse("dev,m,500,2,1,3,GUESS\n"),
                {"bad.csv:2:17: invalid flag = 'GUESS'", "MEAS, SPEC or EST"});
    ExpectError(parse(",m,500,2,1,3,EST\n"), {"bad.csv:2:1", "'device' is empty"});
    ExpectError([] { ConfigSurface::ParseCsv(SmallCsv(), "s.csv", "dev", "llama"); },
                {"s.csv", "no rows for device 'dev' and model 'llama'", "dev/m, dev/other"});
    ExpectError([] { ConfigSurface::ParseCsv(SmallCsv(), "s.csv", "orin", "m"); },
                {"device 'orin'"});
    ExpectError([] { ConfigSurface::ParseCsv("device,model\n", "h.csv", "d", "m"); },
                {"h.csv", "missing required column 'freq_mhz'"});
    ExpectError([] { ConfigSurface::LoadCsv("/no/such/surface.csv", "d", "m"); },
                {"cannot open file '/no/such/surface.csv'"});
    ExpectError([] { ConfigSurface({}, "d", "m", "empty"); }, {"empty", "no arms"});
    ExpectError(
        [] {
            ConfigSurface({{900, 8, 2.0, 0.0, "EST"}}, "d", "m", "vec");
        },
        {"vec: arm (900 MHz, batch 8): invalid energy_per_batch_j = 0"});
    ExpectError(
        [] {
            ConfigSurface({{900, 8, 2.0, 1.0, "EST"}, {900, 8, 2.0, 1.0, "EST"}}, "d", "m", "v");
        },
        {"v: duplicate arm (900 MHz, batch 8)"});
}

// ---------------------------------------------------------------- noise

TEST(ObservationNoise, ClosedFormsAndValidation)
{
    ObservationNoise none;
    EXPECT_DOUBLE_EQ(none.Apply(3.0, 2.0), 3.0);
    ObservationNoise normal(0.1, ObservationNoise::Distribution::Normal);
    EXPECT_DOUBLE_EQ(normal.Apply(2.0, 1.5), 2.0 * 1.15);
    EXPECT_DOUBLE_EQ(normal.Apply(2.0, -20.0), 2.0 * 1e-3); // truncated at the floor
    ObservationNoise logn(0.2, ObservationNoise::Distribution::LogNormal);
    double s2 = std::log(1.0 + 0.04);
    EXPECT_DOUBLE_EQ(logn.Apply(5.0, 0.7), 5.0 * std::exp(std::sqrt(s2) * 0.7 - 0.5 * s2));
    // Mean and relative sd of the lognormal are exact: check by quadrature
    // over the standard normal (Gauss-Hermite-free: fine trapezoid on [-10, 10]).
    double m1 = 0;
    double m2 = 0;
    const double h = 1e-3;
    for (double z = -10; z <= 10; z += h)
    {
        double w = std::exp(-0.5 * z * z) / std::sqrt(2 * M_PI) * h;
        double v = logn.Apply(1.0, z);
        m1 += w * v;
        m2 += w * v * v;
    }
    EXPECT_NEAR(m1, 1.0, 1e-9);
    EXPECT_NEAR(std::sqrt(m2 - m1 * m1), 0.2, 1e-9);
    EXPECT_NEAR(ObservationNoise::FromUniform(0.975), 1.959963984540054, 1e-12);
    EXPECT_DOUBLE_EQ(ObservationNoise::FromUniform(0.5), 0.0);
    EXPECT_TRUE(std::isfinite(ObservationNoise::FromUniform(0.0)));
    EXPECT_EQ(ObservationNoise::ParseDistribution("lognormal"),
              ObservationNoise::Distribution::LogNormal);
    ExpectError([] { ObservationNoise::ParseDistribution("gauss"); },
                {"NoiseDistribution", "'gauss'", "none, normal or lognormal"});
    ExpectError([] { ObservationNoise(-0.1, ObservationNoise::Distribution::Normal); },
                {"NoiseSigmaRel", "-0.1"});
    ExpectError([] { ObservationNoise(0.1, ObservationNoise::Distribution::Normal, 0); },
                {"NoiseFloorFraction", "0"});
    ExpectError([] { ObservationNoise::FromUniform(1.5); }, {"uniform draw", "1.5"});
}

// ---------------------------------------------------------------- tuners

TEST(BanditTuner, DefaultOracleAndGridSearch)
{
    ConfigSurface s = SyntheticSurface();
    std::vector<double> costs = s.GetCosts(CostOptions());
    std::size_t best = s.GetOptimumArm(CostOptions());
    ASSERT_EQ(best, 4u);
    RandomDraws none = NoDraws();
    DefaultTuner def(9, s.GetDefaultArm());
    OracleTuner oracle(costs);
    const unsigned n = 3;
    GridSearchTuner grid(9, n);
    for (unsigned t = 0; t < 100; ++t)
    {
        EXPECT_EQ(def.Choose(none), 8u);
        EXPECT_EQ(oracle.Choose(none), best);
        std::size_t g = grid.Choose(none);
        if (t < n * 9)
        {
            EXPECT_EQ(g, t % 9);
        }
        else
        {
            EXPECT_EQ(g, best) << "round " << t;
        }
        // Noisy but ordered observations: the true cost +- 1 %.
        grid.Observe(g, costs[g] * (t % 2 == 0 ? 1.01 : 0.99));
    }
    EXPECT_EQ(grid.GetPulls(0), n);
    EXPECT_EQ(grid.GetName(), "grid");
    ExpectError([] { DefaultTuner(3, 3); }, {"default arm", "3"});
    ExpectError([] { GridSearchTuner(3, 0); }, {"GridPullsPerArm", "0"});
    ExpectError([] { OracleTuner({}); }, {"number of arms", "0"});
    ExpectError([&] { grid.Observe(9, 1.0); }, {"observed arm", "9"});
    ExpectError([&] { grid.Observe(0, NAN); }, {"observed cost", "nan"});
}

TEST(BanditTuner, EpsilonGreedyUsesItsDraws)
{
    EpsilonGreedyTuner eg(4, 0.25);
    std::vector<double> u = {0.9, 0.1, 0.8, 0.9, 0.2, 0.3};
    std::size_t k = 0;
    RandomDraws d;
    d.uniform = [&]() { return u.at(k++); };
    d.normal = []() { return 0.0; };
    EXPECT_EQ(eg.Choose(d), 0u); // 0.9 >= 0.25: greedy, arm 0 never observed
    eg.Observe(0, 1.0);
    eg.Observe(1, 0.5);
    eg.Observe(2, 2.0);
    eg.Observe(3, 3.0);
    EXPECT_EQ(eg.Choose(d), 3u); // 0.1 < 0.25: explore floor(0.8 * 4) = 3
    EXPECT_EQ(eg.Choose(d), 1u); // 0.9: greedy
    EXPECT_EQ(eg.Choose(d), 1u); // 0.2 < 0.25: explore floor(0.3 * 4) = 1
    EXPECT_EQ(k, 6u);
    ExpectError([] { EpsilonGreedyTuner(2, 1.5); }, {"Epsilon", "1.5"});
}

TEST(BanditTuner, Ucb1IndexFormula)
{
    Ucb1Tuner ucb(3, 0.5);
    RandomDraws none = NoDraws();
    for (std::size_t i = 0; i < 3; ++i)
    {
        EXPECT_EQ(ucb.Choose(none), i); // each arm once first
        ucb.Observe(i, 1.0 + 0.1 * i);
    }
    ucb.Observe(0, 1.2);
    // t = 4; arm 0: n = 2, mean 1.1; arm 1: n = 1, mean 1.1; arm 2: n = 1, mean 1.2.
    EXPECT_DOUBLE_EQ(ucb.GetIndex(0), -1.1 + 0.5 * std::sqrt(2 * std::log(4.0) / 2));
    EXPECT_DOUBLE_EQ(ucb.GetIndex(1), -1.1 + 0.5 * std::sqrt(2 * std::log(4.0) / 1));
    EXPECT_DOUBLE_EQ(ucb.GetIndex(2), -1.2 + 0.5 * std::sqrt(2 * std::log(4.0) / 1));
    EXPECT_EQ(ucb.Choose(none), 1u);
    ExpectError([] { Ucb1Tuner(2, 0); }, {"UcbExplorationScale", "0"});
}

TEST(ThompsonSampling, PosteriorMatchesConjugateClosedForm)
{
    const double mu = 1.0;
    const double s2 = 0.5;
    const double s1 = 0.1;
    ThompsonSamplingTuner ts(2, mu, s2, s1);
    EXPECT_DOUBLE_EQ(ts.GetPosteriorMean(0), mu);
    EXPECT_DOUBLE_EQ(ts.GetPosteriorSd(0), s2);
    std::vector<double> x = {0.8, 0.9, 0.7};
    for (double v : x)
    {
        ts.Observe(0, v);
    }
    double n = 3;
    double mean = (0.8 + 0.9 + 0.7) / 3;
    double tau = 1 / (s2 * s2) + n / (s1 * s1);
    EXPECT_DOUBLE_EQ(ts.GetPosteriorSd(0), 1 / std::sqrt(tau));
    EXPECT_NEAR(ts.GetPosteriorMean(0), (mu / (s2 * s2) + n * mean / (s1 * s1)) / tau, 1e-15);
    // Sequential updating (posterior as the next prior) gives the same.
    double m = mu;
    double var = s2 * s2;
    for (double v : x)
    {
        double post = 1 / (1 / var + 1 / (s1 * s1));
        m = post * (m / var + v / (s1 * s1));
        var = post;
    }
    EXPECT_NEAR(ts.GetPosteriorMean(0), m, 1e-14);
    EXPECT_NEAR(ts.GetPosteriorSd(0), std::sqrt(var), 1e-15);
    // Choose: theta~_i = mu_i + z_i sd_i, argmin; one normal draw per arm.
    std::vector<double> z = {0.0, -3.0};
    std::size_t k = 0;
    RandomDraws d;
    d.normal = [&]() { return z.at(k++); };
    d.uniform = []() { return 0.5; };
    // Arm 0: about 0.80; arm 1: 1 - 3 * 0.5 = -0.5: arm 1.
    EXPECT_EQ(ts.Choose(d), 1u);
    EXPECT_EQ(k, 2u);
    ExpectError([] { ThompsonSamplingTuner(2, 1.0, 0.0, 0.1); }, {"ThompsonPriorSd", "0"});
    ExpectError([] { ThompsonSamplingTuner(2, 1.0, 0.5, -1); }, {"ThompsonNoiseSd", "-1"});
}

// Convergence on the synthetic surface with 5 % lognormal noise: over 40
// seeds (0..39), in the last 100 of 400 batches the best arm is chosen at
// least 90 % of the time in >= 38 of the 40 replications (95 %). Thompson
// and UCB1 (c = 0.2: the costs span 0.8 here) both pass; the seeds are fixed,
// so the test is deterministic (no false alarms across runs). Read as a
// statistical test over random seeds, a tuner that meets the 90 % mark in
// 99 % of replications fails it (3 or more misses of 40) with probability
// 0.75 % (binomial), one that meets it in 95 % with probability 32 %.
TEST(BanditTuner, ThompsonAndUcbConvergeOnSyntheticSurface)
{
    ConfigSurface s = SyntheticSurface();
    std::size_t best = s.GetOptimumArm(CostOptions());
    ObservationNoise noise(0.05, ObservationNoise::Distribution::LogNormal);
    const std::size_t rounds = 400;
    const unsigned seeds = 40;
    unsigned tsOk = 0;
    unsigned ucbOk = 0;
    for (unsigned seed = 0; seed < seeds; ++seed)
    {
        auto lastShare = [&](const OfflineTuningResult& r) {
            std::size_t hits = 0;
            for (std::size_t t = rounds - 100; t < rounds; ++t)
            {
                hits += r.arms[t] == best ? 1 : 0;
            }
            return hits / 100.0;
        };
        SeededDraws d1(seed);
        ThompsonSamplingTuner ts(s.GetNArms());
        tsOk += lastShare(RunOfflineTuning(s, ts, rounds, noise, d1.draws)) >= 0.9 ? 1 : 0;
        SeededDraws d2(seed);
        Ucb1Tuner ucb(s.GetNArms(), 0.2);
        ucbOk += lastShare(RunOfflineTuning(s, ucb, rounds, noise, d2.draws)) >= 0.9 ? 1 : 0;
    }
    std::cout << "best arm >= 90 % of batches 301-400: thompson " << tsOk << "/" << seeds
              << " seeds, ucb1 " << ucbOk << "/" << seeds << "\n";
    EXPECT_GE(tsOk, 38u);
    EXPECT_GE(ucbOk, 38u);
}

TEST(OfflineTuning, RegretAndDeterminism)
{
    ConfigSurface s = SyntheticSurface();
    std::vector<double> costs = s.GetCosts(CostOptions());
    ObservationNoise noise(0.05, ObservationNoise::Distribution::Normal);
    SeededDraws d(7);
    OracleTuner oracle(costs);
    OfflineTuningResult r = RunOfflineTuning(s, oracle, 50, noise, d.draws);
    ASSERT_EQ(r.arms.size(), 50u);
    EXPECT_DOUBLE_EQ(r.cumulativeRegret.back(), 0.0);
    DefaultTuner def(s.GetNArms(), s.GetDefaultArm());
    r = RunOfflineTuning(s, def, 10, ObservationNoise(), d.draws);
    EXPECT_NEAR(r.cumulativeRegret.back(), 10 * (costs[8] - costs[4]), 1e-12);
    EXPECT_DOUBLE_EQ(r.observedCosts[0], 1.0); // no noise: the default costs 1
    // Same seed, same arms and costs; another seed, other choices.
    SeededDraws a(11);
    SeededDraws b(11);
    SeededDraws c(12);
    ThompsonSamplingTuner t1(9);
    ThompsonSamplingTuner t2(9);
    ThompsonSamplingTuner t3(9);
    auto r1 = RunOfflineTuning(s, t1, 60, noise, a.draws);
    auto r2 = RunOfflineTuning(s, t2, 60, noise, b.draws);
    auto r3 = RunOfflineTuning(s, t3, 60, noise, c.draws);
    EXPECT_EQ(r1.arms, r2.arms);
    EXPECT_EQ(r1.observedCosts, r2.observedCosts);
    EXPECT_NE(r1.observedCosts, r3.observedCosts);
    ConfigSurface small = ConfigSurface::ParseCsv(SmallCsv(), "s.csv", "dev", "m");
    ExpectError([&] { RunOfflineTuning(small, t1, 1, noise, a.draws); },
                {"tuner 'thompson' arms", "9", "4 arms", "s.csv"});
}

// ---------------------------------------------------------------- calibration

namespace
{

struct CamelCase
{
    const char* file;
    const char* model;
    double weightReadS;
    CamelFitTarget target;
};

std::vector<CamelCase>
CamelCases()
{
    // Memory-bound decode step: Q5_K_M weights (0.91 GB, 2.2 GB) over an
    // effective 110 GB/s (EST).
    return {{"camel/agx-orin-32gb-llama-3.2-1b.csv",
             "llama-3.2-1b",
             0.0083,
             CamelFitTarget{816, 20, 0.125, 0.298}},
            {"camel/agx-orin-32gb-qwen2.5-3b.csv",
             "qwen2.5-3b",
             0.020,
             CamelFitTarget{930.75, 24, 0.125, 0.298}}};
}

CamelSurfaceParameters
Prior(const CamelCase& c)
{
    CamelSurfaceParameters p;
    p.model = c.model;
    p.weightReadS = c.weightReadS;
    return p;
}

} // namespace

TEST(CamelCalibration, ShippedFilesAreTheFit)
{
    for (const auto& c : CamelCases())
    {
        CamelFitResult fit = FitCamelSurface(Prior(c), c.target);
        std::string text = FormatCamelSurfaceCsv(fit, c.target);
        if (std::getenv("LLM_EDGE_WRITE_CAMEL_DATA") != nullptr)
        {
            std::ofstream(DataFile(c.file), std::ios::binary) << text;
        }
        EXPECT_EQ(ReadText(DataFile(c.file)), text)
            << c.file << " differs from the fit; regenerate it with "
            << "LLM_EDGE_WRITE_CAMEL_DATA=1 llm-edge-unit-tests "
               "--gtest_filter=CamelCalibration.ShippedFilesAreTheFit";
        std::cout << c.model << ": knee " << fit.parameters.kneeBatch << ", k "
                  << fit.parameters.dynamicPowerW << " W, mu " << fit.parameters.clockShare
                  << ", margin " << 100 * fit.margin << " %, EDP reduction "
                  << 100 * fit.edpReduction << " %, " << fit.candidates << " candidates\n";
    }
}

TEST(CamelCalibration, ShippedSurfacesReproduceThePaper)
{
    for (const auto& c : CamelCases())
    {
        ConfigSurface s = ConfigSurface::LoadCsv(DataFile(c.file), "agx-orin-32gb", c.model);
        ASSERT_EQ(s.GetNArms(), 49u);
        EXPECT_EQ(s.GetFrequenciesMhz(), CamelFrequenciesMhz());
        EXPECT_EQ(s.GetBatches(), CamelBatches());
        const SurfaceArm& def = s.GetArm(s.GetDefaultArm());
        EXPECT_EQ(def.freqMhz, 930.75);
        EXPECT_EQ(def.batch, 28u);
        CostOptions paper; // a = 0.5, lambda = 1, default-arm normalization
        const SurfaceArm& best = s.GetArm(s.GetOptimumArm(paper));
        EXPECT_EQ(best.freqMhz, c.target.freqMhz) << c.model;
        EXPECT_EQ(best.batch, c.target.batch) << c.model;
        double reduction = s.GetEdpReductionVsDefault(paper);
        EXPECT_GE(reduction, 0.124) << c.model;
        EXPECT_LE(reduction, 0.299) << c.model;
        for (std::size_t i = 0; i < s.GetNArms(); ++i)
        {
            EXPECT_EQ(s.GetArm(i).flag, "EST");
        }
        std::cout << c.model << ": optimum (" << best.freqMhz << " MHz, " << best.batch
                  << "), EDP reduction " << 100 * reduction << " %; min-max optimum ("
                  << s.GetArm(s.GetOptimumArm({0.5, 1.0, CostNormalization::MinMax})).freqMhz
                  << ", " << s.GetArm(s.GetOptimumArm({0.5, 1.0, CostNormalization::MinMax})).batch
                  << "); EDP optimum (" << s.GetArm(s.GetEdpOptimumArm(1.0)).freqMhz << ", "
                  << s.GetArm(s.GetEdpOptimumArm(1.0)).batch << ")\n";
    }
}

TEST(CamelCalibration, UnreachableTargetIsAnError)
{
    CamelSurfaceParameters p;
    p.model = "x";
    ExpectError(
        [&] {
            FitCamelSurface(p, CamelFitTarget{306, 4, 0.9, 0.95});
        },
        {"Camel calibration of 'x'", "(306 MHz, batch 4)", "[0.9, 0.95]"});
}
