/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// GoogleTest for the battery arithmetic (Eq. 1) and replication statistics.

#include "ns3/battery-ledger.h"
#include "ns3/config-error.h"
#include "ns3/summary-statistics.h"

#include <gtest/gtest.h>

#include <random>

using namespace ns3::llmedge;

TEST(BatteryLedger, EquationOneCases)
{
    BatteryLedger b(1000, 500);
    auto o = b.Apply(200, 100); // plain
    EXPECT_DOUBLE_EQ(b.GetEnergyJ(), 600);
    EXPECT_DOUBLE_EQ(o.spilledJ, 0);
    o = b.Apply(900, 100); // min(.., Emax): 400 spilled
    EXPECT_DOUBLE_EQ(b.GetEnergyJ(), 1000);
    EXPECT_DOUBLE_EQ(o.spilledJ, 400);
    o = b.Apply(0, 1300); // max(.., 0): 300 unmet, 1000 consumed
    EXPECT_DOUBLE_EQ(b.GetEnergyJ(), 0);
    EXPECT_DOUBLE_EQ(o.unmetJ, 300);
    EXPECT_DOUBLE_EQ(b.GetConsumedJ(), 100 + 100 + 1000);
    EXPECT_DOUBLE_EQ(b.GetHarvestedJ(), 1100);
    EXPECT_DOUBLE_EQ(b.GetSpilledJ(), 400);
    EXPECT_DOUBLE_EQ(b.GetBalanceErrorJ(), 0);
}

TEST(BatteryLedger, BalanceOverAMillionRandomSteps)
{
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> h(0, 3000);
    std::uniform_real_distribution<double> c(0, 3000);
    BatteryLedger b(100e3, 37e3);
    for (int i = 0; i < 1000000; ++i)
    {
        b.Apply(h(rng), c(rng));
        ASSERT_GE(b.GetEnergyJ(), 0);
        ASSERT_LE(b.GetEnergyJ(), 100e3);
    }
    EXPECT_NEAR(b.GetBalanceErrorJ(), 0, 1e-6);
    EXPECT_GT(b.GetSpilledJ(), 0);
    EXPECT_GT(b.GetUnmetJ(), 0);
}

TEST(BatteryLedger, RejectsBadInput)
{
    EXPECT_THROW(BatteryLedger(-1, 0), ConfigError);
    EXPECT_THROW(BatteryLedger(100, 150), ConfigError);
    BatteryLedger b(100, 50);
    EXPECT_THROW(b.Apply(-1, 0), ConfigError);
    EXPECT_THROW(b.Apply(0, std::nan("")), ConfigError);
    try
    {
        BatteryLedger(100, 150);
    }
    catch (const ConfigError& e)
    {
        EXPECT_NE(std::string(e.what()).find("150 J"), std::string::npos) << e.what();
    }
}

TEST(SummaryStatistics, MeanSdAndStudentInterval)
{
    SummaryStatistics s;
    for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0})
    {
        s.Add(x);
    }
    EXPECT_DOUBLE_EQ(s.GetMean(), 5.0);
    EXPECT_NEAR(s.GetStdDev(), std::sqrt(32.0 / 7.0), 1e-12);
    // t_{0.975, 7} = 2.364624252 (tables).
    EXPECT_NEAR(s.GetCiHalfWidth(0.95), 2.364624252 * std::sqrt(32.0 / 7.0) / std::sqrt(8.0), 1e-8);
    EXPECT_THROW(s.GetCiHalfWidth(1.5), ConfigError);
    SummaryStatistics one;
    one.Add(3);
    EXPECT_EQ(one.GetStdDev(), 0);
    EXPECT_EQ(one.GetCiHalfWidth(), 0);
}
