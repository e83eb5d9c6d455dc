/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// GoogleTest for the semi-Markov battery model and Eq. 5: closed forms,
// invariants, degenerate chains, and agreement with an independent dense
// implementation of the transition table given in doc/llm-edge.rst (the semi-Markov model).

#include "ns3/config-error.h"
#include "ns3/harvest-pmf.h"
#include "ns3/rate-limit.h"
#include "ns3/semi-markov-battery-model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace ns3::llmedge;

namespace
{

DeviceSpec
Spec(const std::string& mode, double capacityJ = 100e3, const std::string& preset = "paper-scaled")
{
    DeviceSpec s;
    s.capacityJ = capacityJ;
    s.modes = PowerModeTable::FromPreset(preset);
    s.policy = PowerModePolicy::Parse(mode, "0:15W,0.4:30W,0.6:60W", s.modes);
    return s;
}

/// Dense reference: the transition table written out state by state.
std::vector<double>
ReferenceStationary(const DeviceSpec& s, const HarvestPmf& f, double q)
{
    double u = f.GetUnitJ();
    int n = static_cast<int>(std::lround(s.capacityJ / u));
    int levels = n + 1;
    int states = 4 * levels;
    auto idx = [&](int Q, int act, int e) {
        int cls = Q == 0 ? (act ? 0 : 1) : (act ? 3 : 2);
        return cls * levels + e;
    };
    std::vector<std::vector<double>> P(states, std::vector<double>(states, 0.0));
    for (int Q = 0; Q <= 1; ++Q)
    {
        for (int act = 0; act <= 1; ++act)
        {
            for (int e = 0; e <= n; ++e)
            {
                const PowerMode& m = s.modes.Get(s.policy.Select(e * u / s.capacityJ));
                bool processing = Q == 1 && act == 1;
                int k = processing ? static_cast<int>(m.GetSlotsPerJob(s.slotS)) : 1;
                double cost = processing ? m.energyPerJobJ
                                         : (act ? m.idlePowerW : m.savingPowerW) * s.slotS;
                std::vector<double> h = f.Convolved(k);
                for (std::size_t i = 0; i < h.size(); ++i)
                {
                    double raw = e * u + i * u - cost;
                    int e2 = static_cast<int>(std::lround(std::max(std::min(raw, s.capacityJ), 0.0) / u));
                    int act2 = act ? (e2 * u < s.GetLowJ() ? 0 : 1) : (e2 * u >= s.GetHighJ() ? 1 : 0);
                    double pq = act == 0 ? static_cast<double>(Q) : (processing ? 1 - std::pow(1 - q, k) : q);
                    P[idx(Q, act, e)][idx(1, act2, e2)] += h[i] * pq;
                    P[idx(Q, act, e)][idx(0, act2, e2)] += h[i] * (1 - pq);
                }
            }
        }
    }
    // Power iteration on the lazy chain (aperiodic), long enough for these sizes.
    std::vector<double> x(states, 1.0 / states);
    for (int it = 0; it < 200000; ++it)
    {
        std::vector<double> y(states, 0.0);
        for (int a = 0; a < states; ++a)
        {
            if (x[a] == 0)
            {
                continue;
            }
            for (int b = 0; b < states; ++b)
            {
                y[b] += x[a] * P[a][b];
            }
        }
        double diff = 0;
        for (int a = 0; a < states; ++a)
        {
            y[a] = 0.5 * (y[a] + x[a]);
            diff += std::abs(y[a] - x[a]);
        }
        x.swap(y);
        if (diff < 1e-15)
        {
            break;
        }
    }
    return x;
}

} // namespace

TEST(HarvestPmf, UniformDiscretizationAndConvolution)
{
    HarvestPmf f = HarvestPmf::FromUniform(150, 450, 100);
    // [150, 450] over levels 1.5..4.5: level 2 gets [1.5,2.5), 3 gets [2.5,3.5), 4 gets [3.5,4.5].
    ASSERT_EQ(f.GetProbabilities().size(), 5u);
    EXPECT_NEAR(f.GetProbabilities()[2], 1.0 / 3, 1e-12);
    EXPECT_NEAR(f.GetProbabilities()[4], 1.0 / 3, 1e-12);
    EXPECT_NEAR(f.GetMeanJ(), 300, 1e-9);
    auto c = f.Convolved(3);
    EXPECT_NEAR(std::accumulate(c.begin(), c.end(), 0.0), 1.0, 1e-12);
    double mean = 0;
    for (std::size_t i = 0; i < c.size(); ++i)
    {
        mean += i * c[i];
    }
    EXPECT_NEAR(mean * 100, 900, 1e-9);
    HarvestPmf point = HarvestPmf::FromUniform(500, 500, 100);
    EXPECT_EQ(point.GetProbabilities().size(), 6u);
    EXPECT_DOUBLE_EQ(point.GetProbabilities()[5], 1.0);
}

TEST(HarvestPmf, RejectsInvalidPmfs)
{
    EXPECT_THROW(HarvestPmf({0.5, 0.6}, 100, "t"), ConfigError);
    EXPECT_THROW(HarvestPmf({1.2, -0.2}, 100, "t"), ConfigError);
    EXPECT_THROW(HarvestPmf({1.0}, 0, "t"), ConfigError);
    EXPECT_THROW(HarvestPmf({}, 100, "t"), ConfigError);
    EXPECT_THROW(HarvestPmf::FromUniform(500, 100, 100), ConfigError);
    try
    {
        HarvestPmf({0.5, 0.6}, 100, "pmf.csv");
        FAIL();
    }
    catch (const ConfigError& e)
    {
        EXPECT_NE(std::string(e.what()).find("total probability = 1.1"), std::string::npos)
            << e.what();
    }
}

TEST(SemiMarkovBatteryModel, MatchesIndependentDenseReference)
{
    // Small battery (6 kJ, 100 J units: 61 levels), idle and saving power,
    // dynamic policy: every branch of the table is exercised.
    for (const std::string mode : {"dynamic", "15W", "60W"})
    {
        DeviceSpec s = Spec(mode, 6000);
        s.lowFraction = 0.2;
        s.highFraction = 0.4;
        PowerModeTable t({{"15W", 300, 1300, 1.0, 2.0, "", ""},
                          {"30W", 200, 1100, 1.0, 2.0, "", ""},
                          {"60W", 100, 1200, 2.0, 1.0, "", ""}},
                         "test");
        s.modes = t;
        s.policy = PowerModePolicy::Parse(mode, "0:15W,0.4:30W,0.6:60W", t);
        HarvestPmf f({0.2, 0.1, 0.0, 0.3, 0.1, 0.0, 0.0, 0.2, 0.1}, 100, "test");
        SemiMarkovBatteryModel m(s, f);
        for (double q : {0.0, 0.3, 0.8, 1.0})
        {
            auto ref = ReferenceStationary(s, f, q);
            auto pi = m.StationaryDistribution(q);
            ASSERT_EQ(pi.size(), ref.size());
            double l1 = 0;
            for (std::size_t i = 0; i < pi.size(); ++i)
            {
                l1 += std::abs(pi[i] - ref[i]);
                ASSERT_GE(pi[i], 0.0);
            }
            EXPECT_LT(l1, 1e-9) << mode << " q=" << q;
            m.SetSolver("aggregation");
            auto agg = m.StationaryDistribution(q);
            m.SetSolver("auto");
            double l1a = 0;
            for (std::size_t i = 0; i < pi.size(); ++i)
            {
                l1a += std::abs(agg[i] - ref[i]);
            }
            EXPECT_LT(l1a, 1e-9) << "aggregation, " << mode << " q=" << q;
        }
    }
}

TEST(SemiMarkovBatteryModel, InvariantsAndStationarity)
{
    DeviceSpec s = Spec("dynamic");
    SemiMarkovBatteryModel m(s, HarvestPmf::FromUniform(300, 900, 100));
    for (double q : {0.1, 0.5, 0.9})
    {
        auto pi = m.StationaryDistribution(q);
        double sum = std::accumulate(pi.begin(), pi.end(), 0.0);
        EXPECT_NEAR(sum, 1.0, 1e-12);
        EXPECT_GE(*std::min_element(pi.begin(), pi.end()), 0.0);
        auto next = m.Step(pi, q);
        double res = 0;
        for (std::size_t i = 0; i < pi.size(); ++i)
        {
            res += std::abs(next[i] - pi[i]);
        }
        EXPECT_LT(res, 1e-10);
        ChainMetrics c = m.Solve(q);
        EXPECT_NEAR(c.totalProbability, 1.0, 1e-9);
        EXPECT_GE(c.risk, 0);
        EXPECT_LE(c.risk, 1);
        EXPECT_GE(c.kbar, 1);
        EXPECT_LE(c.kbar, 3 + 1e-9);
    }
}

TEST(SemiMarkovBatteryModel, NoJobsMeansAFullBattery)
{
    SemiMarkovBatteryModel m(Spec("60W"), HarvestPmf::FromUniform(100, 300, 100));
    ChainMetrics c = m.Solve(0.0);
    EXPECT_NEAR(c.meanEnergyJ, 100e3, 1e-6);
    EXPECT_NEAR(c.risk, 0, 1e-12);
    EXPECT_NEAR(c.throughput, 0, 1e-12);
}

TEST(SemiMarkovBatteryModel, AmpleDeterministicHarvestIsTimeBound)
{
    // 5 kJ per slot covers any job: the battery stays full, every stage processes.
    HarvestPmf f = HarvestPmf::FromUniform(5000, 5000, 100);
    const std::pair<const char*, double> cases[] = {{"15W", 3}, {"30W", 2}, {"60W", 1}};
    for (const auto& [mode, k] : cases)
    {
        SemiMarkovBatteryModel m(Spec(mode), f);
        ChainMetrics c = m.Solve(1.0);
        EXPECT_NEAR(c.kbar, k, 1e-12) << mode;
        EXPECT_NEAR(c.throughput, 1.0 / k, 1e-12) << mode;
        EXPECT_NEAR(c.meanEnergyJ, 100e3, 1e-6) << mode;
        RateLimit r = ComputeRateLimit(m, 0.01);
        EXPECT_DOUBLE_EQ(r.qlimEnergy, 1.0);
        EXPECT_NEAR(r.qlim, 1.0 / k, 1e-12) << mode << ": time-bound q_lim is exactly 1/k";
    }
}

TEST(SemiMarkovBatteryModel, ThroughputClosedFormWithoutEnergyLimits)
{
    // With the battery never limiting, a fixed mode of k slots is a renewal
    // process: after a stage a job waits with probability 1-(1-q)^k, else
    // idle slots until an arrival (mean 1/q). Jobs per slot:
    // 1 / (k + (1-q)^k / q).
    HarvestPmf f = HarvestPmf::FromUniform(5000, 5000, 100);
    for (const char* mode : {"15W", "30W", "60W"})
    {
        SemiMarkovBatteryModel m(Spec(mode), f);
        double k = PowerModeTable::FromPreset("paper-scaled")
                       .Get(PowerModeTable::FromPreset("paper-scaled").IndexOf(mode, "mode"))
                       .GetSlotsPerJob(100);
        for (double q : {0.1, 0.4, 0.7})
        {
            double expected = 1.0 / (k + std::pow(1 - q, k) / q);
            EXPECT_NEAR(m.Solve(q).throughput, expected, 1e-12) << mode << " q=" << q;
        }
    }
}

TEST(SemiMarkovBatteryModel, EnergyBoundSixtyWattsRiskRisesWithQ)
{
    SemiMarkovBatteryModel m(Spec("60W"), HarvestPmf::FromUniform(200, 1000, 100));
    double prev = -1;
    for (double q : {0.1, 0.3, 0.5, 0.7, 0.9})
    {
        double r = m.Solve(q).risk;
        EXPECT_GE(r, prev);
        prev = r;
    }
    RateLimit r = ComputeRateLimit(m, 0.01);
    EXPECT_GT(r.qlimEnergy, 0.0);
    EXPECT_LT(r.qlimEnergy, 1.0);
    EXPECT_NEAR(m.Solve(r.qlimEnergy).risk, 0.01, 1e-3);
    EXPECT_DOUBLE_EQ(r.qlim, std::min(r.qlimEnergy, r.qlimTime));
}

TEST(SemiMarkovBatteryModel, DegenerateChainsAreReported)
{
    // No harvest: jobs drain the battery into power saving, where each level
    // (with or without a held job) is absorbing: reducible.
    SemiMarkovBatteryModel dead(Spec("60W"), HarvestPmf({1.0}, 100, "zero"));
    for (double q : {0.0, 0.5})
    {
        try
        {
            dead.Solve(q);
            FAIL() << "q=" << q;
        }
        catch (const DegenerateChainError& e)
        {
            EXPECT_NE(std::string(e.what()).find("reducible"), std::string::npos) << e.what();
        }
    }
    // 100 J harvested, 200 J drawn per slot whatever the state: the battery
    // ends at 0 in power saving and stays there.
    DeviceSpec s;
    s.capacityJ = 10e3;
    s.modes = PowerModeTable({{"A", 100, 1000, 2.0, 2.0, "", ""}}, "drain");
    s.policy = PowerModePolicy::Fixed(0);
    SemiMarkovBatteryModel drain(s, HarvestPmf({0.0, 1.0}, 100, "one"));
    try
    {
        drain.Solve(0.0);
        FAIL();
    }
    catch (const DegenerateChainError& e)
    {
        EXPECT_NE(std::string(e.what()).find("power saving"), std::string::npos) << e.what();
    }
}

TEST(SemiMarkovBatteryModel, RejectsBadParameters)
{
    EXPECT_THROW(SemiMarkovBatteryModel(Spec("60W"), HarvestPmf::FromUniform(0, 300, 300)), ConfigError)
        << "100 kJ is not a multiple of 300 J";
    EXPECT_THROW(SemiMarkovBatteryModel(Spec("60W"), HarvestPmf::FromUniform(0, 300, 100), 1.5),
                 ConfigError);
    SemiMarkovBatteryModel m(Spec("60W"), HarvestPmf::FromUniform(0, 300, 100));
    EXPECT_THROW(m.Solve(1.5), ConfigError);
    EXPECT_THROW(m.Solve(-0.1), ConfigError);
    EXPECT_THROW(ComputeRateLimit(m, 0.0), ConfigError);
    EXPECT_THROW(ComputeRateLimit(m, 1.0), ConfigError);
    EXPECT_THROW(m.SetSolver("magic"), ConfigError);
}

TEST(SemiMarkovBatteryModel, SolvesChainsSpanningHundredsOfOrdersOfMagnitude)
{
    // Nearly always full or nearly always empty batteries put the stationary
    // probabilities of far levels below 1e-300: the solve must stay exact
    // where the mass is (regression: 15 W, U[800, 1600], q = 0.35 once failed).
    for (const char* mode : {"15W", "30W", "60W", "dynamic"})
    {
        for (auto h : {std::make_pair(100.0, 700.0), {400.0, 1000.0}, {800.0, 1600.0}})
        {
            for (double q : {0.05, 0.35, 0.85})
            {
                SemiMarkovBatteryModel m(Spec(mode), HarvestPmf::FromUniform(h.first, h.second, 100));
                std::vector<double> pi;
                ASSERT_NO_THROW(pi = m.StationaryDistribution(q)) << mode << " " << h.first << " " << q;
                auto next = m.Step(pi, q);
                double res = 0;
                for (std::size_t i = 0; i < pi.size(); ++i)
                {
                    res += std::abs(next[i] - pi[i]);
                }
                EXPECT_LT(res, 1e-9) << mode << " " << h.first << " " << q;
            }
        }
    }
}
