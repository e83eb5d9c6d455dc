/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// GoogleTest for the grid arithmetic: the battery ledger with a grid behind
// it, the hybrid switch rule, carbon and intensity averaging, bad values.

#include "ns3/battery-ledger.h"
#include "ns3/config-error.h"
#include "ns3/grid-ledger.h"

#include <cmath>
#include <gtest/gtest.h>
#include <random>
#include <string>

using namespace ns3::llmedge;

namespace
{
GridLedger::Config
Hybrid(double threshold, double hysteresis, const std::string& rule = "below-threshold")
{
    GridLedger::Config c;
    c.mode = "hybrid";
    c.rule = rule;
    c.thresholdFraction = threshold;
    c.hysteresisFraction = hysteresis;
    c.intensityGPerKWh = 300;
    return c;
}

std::string
MessageOf(const GridLedger::Config& c)
{
    try
    {
        GridLedger g(c, 1000, 500);
    }
    catch (const ConfigError& e)
    {
        return e.what();
    }
    return "";
}
} // namespace

TEST(BatteryLedgerWithGrid, FloorZeroIsEquationOneWithTheUnmetPartOnTheGrid)
{
    BatteryLedger a(1000, 300);
    BatteryLedger b(1000, 300);
    auto oa = a.Apply(100, 700); // 300 unmet
    auto ob = b.ApplyWithGrid(100, 700, 0, true);
    EXPECT_EQ(a.GetEnergyJ(), b.GetEnergyJ());
    EXPECT_DOUBLE_EQ(oa.unmetJ, ob.gridJ);
    EXPECT_DOUBLE_EQ(ob.unmetJ, 0);
    EXPECT_DOUBLE_EQ(b.GetConsumedJ(), 700); // the grid's share is consumed too
    EXPECT_DOUBLE_EQ(b.GetGridJ(), 300);
    EXPECT_DOUBLE_EQ(b.GetBalanceErrorJ(), 0);
}

TEST(BatteryLedgerWithGrid, FloorAndGridOnly)
{
    BatteryLedger b(1000, 600);
    auto o = b.ApplyWithGrid(50, 400, 500, true); // battery gives 100, harvest 50
    EXPECT_DOUBLE_EQ(b.GetEnergyJ(), 500);
    EXPECT_DOUBLE_EQ(o.gridJ, 250);
    o = b.ApplyWithGrid(300, 100, 800, true); // below the floor: harvest serves, surplus charges
    EXPECT_DOUBLE_EQ(o.gridJ, 0);
    EXPECT_DOUBLE_EQ(b.GetEnergyJ(), 700);
    o = b.ApplyWithGrid(500, 100, 0, false); // grid only: harvest charges, 200 spilled
    EXPECT_DOUBLE_EQ(o.gridJ, 100);
    EXPECT_DOUBLE_EQ(o.spilledJ, 200);
    EXPECT_DOUBLE_EQ(b.GetEnergyJ(), 1000);
    EXPECT_DOUBLE_EQ(b.GetGridJ(), 350);
    EXPECT_NEAR(b.GetBalanceErrorJ(), 0, 1e-12);
    EXPECT_THROW(b.ApplyWithGrid(0, 1, -1, true), ConfigError);
}

TEST(BatteryLedgerWithGrid, BalanceOverAMillionRandomSteps)
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> h(0, 3000);
    std::uniform_real_distribution<double> c(0, 3000);
    std::uniform_real_distribution<double> f(0, 100e3);
    BatteryLedger b(100e3, 37e3);
    for (int i = 0; i < 1000000; ++i)
    {
        b.ApplyWithGrid(h(rng), c(rng), f(rng), i % 5 != 0);
        ASSERT_GE(b.GetEnergyJ(), 0);
        ASSERT_LE(b.GetEnergyJ(), 100e3);
    }
    EXPECT_NEAR(b.GetBalanceErrorJ(), 0, 1e-6);
    EXPECT_EQ(b.GetUnmetJ(), 0);
    EXPECT_GT(b.GetGridJ(), 0);
}

TEST(GridLedger, HybridSwitchAndResumeWithHysteresis)
{
    GridLedger g(Hybrid(0.2, 0.3), 1000, 800);
    EXPECT_FALSE(g.IsOnGrid());
    EXPECT_DOUBLE_EQ(g.GetFloorJ(), 200);
    bool rising = true;
    EXPECT_DOUBLE_EQ(g.GetWatchedLevelJ(rising), 200);
    EXPECT_FALSE(rising);
    EXPECT_FALSE(g.Observe(300, 1e-6));
    EXPECT_TRUE(g.Observe(200, 1e-6)); // reached L: on the grid
    EXPECT_TRUE(g.IsOnGrid());
    EXPECT_DOUBLE_EQ(g.GetFloorJ(), 500);
    EXPECT_DOUBLE_EQ(g.GetWatchedLevelJ(rising), 500);
    EXPECT_TRUE(rising);
    EXPECT_DOUBLE_EQ(g.NetBatteryPowerW(5, 11, 200, 1e-6), 0); // held: no drain
    EXPECT_DOUBLE_EQ(g.NetBatteryPowerW(6, 1, 200, 1e-6), 5);  // surplus charges
    EXPECT_FALSE(g.Observe(499, 1e-6));
    EXPECT_TRUE(g.Observe(500, 1e-6)); // reached R: back to the battery
    EXPECT_FALSE(g.IsOnGrid());
    EXPECT_DOUBLE_EQ(g.NetBatteryPowerW(5, 11, 500, 1e-6), -6);
}

TEST(GridLedger, StartsOnTheGridAtOrBelowTheSwitchLevel)
{
    EXPECT_TRUE(GridLedger(Hybrid(0.2, 0.1), 1000, 100).IsOnGrid());
    EXPECT_TRUE(GridLedger(Hybrid(0.2, 0.1, "when-empty"), 1000, 0).IsOnGrid());
    EXPECT_FALSE(GridLedger(Hybrid(0.2, 0.1, "when-empty"), 1000, 100).IsOnGrid());
    GridLedger e(Hybrid(0.7, 0.1, "when-empty"), 1000, 100); // threshold ignored
    EXPECT_DOUBLE_EQ(e.GetSwitchJ(), 0);
    EXPECT_DOUBLE_EQ(e.GetResumeJ(), 100);
}

TEST(GridLedger, ModesAndNetPower)
{
    GridLedger::Config c;
    GridLedger none(c, 1000, 500);
    EXPECT_FALSE(none.IsActive());
    EXPECT_DOUBLE_EQ(none.NetBatteryPowerW(3, 5, 500, 0), -2);
    c.mode = "grid-only";
    GridLedger only(c, 1000, 500);
    EXPECT_TRUE(only.IsActive());
    EXPECT_FALSE(only.UsesLocal());
    EXPECT_DOUBLE_EQ(only.NetBatteryPowerW(3, 5, 500, 0), 3);
    bool rising;
    EXPECT_LT(only.GetWatchedLevelJ(rising), 0);
}

TEST(GridLedger, CarbonIsJoulesTimesIntensityOver3p6e6)
{
    GridLedger g(Hybrid(0.1, 0.1), 1000, 500);
    EXPECT_DOUBLE_EQ(g.AddDraw(3.6e6, 250), 250);
    EXPECT_DOUBLE_EQ(g.AddDraw(1800, 400), 0.2);
    EXPECT_DOUBLE_EQ(g.GetGridJ(), 3.6e6 + 1800);
    EXPECT_DOUBLE_EQ(g.GetCarbonG(), 250.2);
    EXPECT_EQ(g.GetDraws(), 2u);
    EXPECT_NEAR(g.GetCarbonBalanceErrorG(), 0, 1e-12);
    EXPECT_THROW(g.AddDraw(-1, 100), ConfigError);
}

TEST(GridLedger, MeanIntensityOfAStepFunction)
{
    auto step = [](double t) { return t < 3600 ? 100.0 : 300.0; };
    // Midpoint sampling (resolution 0), and exact pieces with resolution 1 h.
    EXPECT_DOUBLE_EQ(GridLedger::MeanIntensity(step, 0, 3600, 0), 100);
    EXPECT_DOUBLE_EQ(GridLedger::MeanIntensity(step, 0, 7200, 0), 300);
    EXPECT_DOUBLE_EQ(GridLedger::MeanIntensity(step, 0, 7200, 3600), 200);
    EXPECT_DOUBLE_EQ(GridLedger::MeanIntensity(step, 2700, 4500, 3600), 200);
    EXPECT_DOUBLE_EQ(GridLedger::MeanIntensity(step, 1800, 9000, 3600),
                     (1800 * 100.0 + 5400 * 300.0) / 7200);
    EXPECT_DOUBLE_EQ(GridLedger::MeanIntensity(step, 5000, 5000, 3600), 300);
    auto bad = [](double t) { return t < 10 ? 1.0 : -3.0; };
    try
    {
        GridLedger::MeanIntensity(bad, 0, 100, 0);
        FAIL() << "no error";
    }
    catch (const ConfigError& e)
    {
        EXPECT_NE(std::string(e.what()).find("carbon intensity = -3 g/kWh at t = 50 s"),
                  std::string::npos)
            << e.what();
    }
    auto nan = [](double) { return std::nan(""); };
    EXPECT_THROW(GridLedger::MeanIntensity(nan, 0, 1, 0), ConfigError);
}

TEST(GridLedger, BadValuesNameTheAttributeAndValue)
{
    GridLedger::Config c = Hybrid(0.1, 0.1);
    c.mode = "solar";
    EXPECT_EQ(MessageOf(c),
              "invalid Mode = 'solar': expected \"none\", \"grid-only\" or \"hybrid\"");
    c = Hybrid(0.1, 0.1, "never");
    EXPECT_EQ(MessageOf(c),
              "invalid SwitchRule = 'never': expected \"below-threshold\" or \"when-empty\"");
    EXPECT_EQ(MessageOf(Hybrid(1.5, 0)), "invalid ThresholdFraction = 1.5: must lie in [0, 1]");
    EXPECT_EQ(MessageOf(Hybrid(-0.5, 0)), "invalid ThresholdFraction = -0.5: must lie in [0, 1]");
    EXPECT_EQ(MessageOf(Hybrid(0.1, std::nan(""))),
              "invalid HysteresisFraction = nan: must lie in [0, 1]");
    EXPECT_EQ(MessageOf(Hybrid(0.8, 0.3)),
              "invalid HysteresisFraction = 0.3: switch level + hysteresis (1.1 of the "
              "capacity) must not exceed 1");
    c = Hybrid(0.1, 0.1);
    c.intensityGPerKWh = -1;
    EXPECT_EQ(MessageOf(c), "invalid CarbonIntensity = -1 g/kWh: must be finite and >= 0");
    c.mode = "none"; // validated in every mode
    EXPECT_EQ(MessageOf(c), "invalid CarbonIntensity = -1 g/kWh: must be finite and >= 0");
}
