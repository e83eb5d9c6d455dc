/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// RateLimitCache: one solve per distinct chain, a hit for an identical one
// (same numbers as a direct solve), a miss for any input that changes the
// chain, and Clear forgets.

#include "ns3/harvest-pmf.h"
#include "ns3/rate-limit-cache.h"
#include "ns3/semi-markov-battery-model.h"

#include <gtest/gtest.h>

using namespace ns3::llmedge;

namespace
{
DeviceSpec
FixedSpec(const std::string& mode)
{
    DeviceSpec s;
    s.modes = PowerModeTable::FromPreset("paper-scaled");
    s.policy = PowerModePolicy::Parse(mode, "0:15W,0.4:30W,0.6:60W", s.modes);
    return s;
}
} // namespace

TEST(RateLimitCache, SolvesEachDistinctChainOnce)
{
    RateLimitCache cache;
    DeviceSpec s = FixedSpec("30W");
    HarvestPmf f = HarvestPmf::FromUniform(200, 900, 100);
    const RateLimit& a = cache.Get(s, f, 0.01, -1);
    EXPECT_EQ(cache.GetSolves(), 1u);
    RateLimit direct = ComputeRateLimit(SemiMarkovBatteryModel(s, f, -1), 0.01);
    EXPECT_EQ(a.qlim, direct.qlim); // the cached value is the solve's, bit for bit
    cache.Get(FixedSpec("30W"), HarvestPmf::FromUniform(200, 900, 100), 0.01, -1);
    EXPECT_EQ(cache.GetSolves(), 1u) << "identical chain: a hit";
    cache.Get(s, f, 0.02, -1);
    cache.Get(s, HarvestPmf::FromUniform(300, 900, 100), 0.01, -1);
    cache.Get(FixedSpec("60W"), f, 0.01, -1);
    DeviceSpec bigger = s;
    bigger.capacityJ = 200e3;
    cache.Get(bigger, f, 0.01, -1);
    EXPECT_EQ(cache.GetSolves(), 5u) << "risk limit, pmf, mode, capacity: each a new chain";
    EXPECT_EQ(cache.GetSize(), 5u);
    cache.Clear();
    EXPECT_EQ(cache.GetSize(), 0u);
    cache.Get(s, f, 0.01, -1);
    EXPECT_EQ(cache.GetSolves(), 6u) << "cleared: solved again";
}
