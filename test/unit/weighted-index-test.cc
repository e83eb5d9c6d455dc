/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// WeightedIndex: Find returns what a scan of the cumulative weights returns,
// through many updates (rebuilds included); weight-0 items are never found;
// bad weights are refused with the item and value named.

#include "ns3/config-error.h"
#include "ns3/weighted-index.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace ns3::llmedge;

namespace
{
/// The smallest i with w_0 + ... + w_i > target, by a scan (exact for the
/// dyadic weights used below).
std::size_t
Scan(const std::vector<double>& w, double target)
{
    double acc = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
    {
        acc += w[i];
        if (acc > target)
        {
            return i;
        }
    }
    return w.size();
}
} // namespace

TEST(WeightedIndex, FindEqualsAScanThroughManyUpdates)
{
    std::mt19937_64 rng(7);
    for (std::size_t n : {1u, 2u, 3u, 7u, 64u, 1000u})
    {
        WeightedIndex index(n);
        std::vector<double> w(n, 0.0);
        EXPECT_EQ(index.Find(0.0), n) << "all weights 0";
        // Multiples of 1/8 below 64: every sum is exact, so the scan is the truth.
        std::uniform_int_distribution<int> weight(0, 511);
        std::uniform_int_distribution<std::size_t> item(0, n - 1);
        for (int update = 0; update < 20 * static_cast<int>(n) + 50; ++update)
        {
            std::size_t i = item(rng);
            double v = update % 3 == 0 ? 0.0 : weight(rng) / 8.0;
            w[i] = v;
            index.Set(i, v);
            double total = 0;
            for (double x : w)
            {
                total += x;
            }
            ASSERT_EQ(index.Total(), total) << "n " << n << " update " << update;
            if (total == 0)
            {
                ASSERT_EQ(index.Find(0.0), n);
                continue;
            }
            std::uniform_real_distribution<double> u(0.0, total);
            for (int k = 0; k < 5; ++k)
            {
                double target = std::floor(u(rng) * 8) / 8; // on the grid: boundaries too
                std::size_t found = index.Find(target);
                ASSERT_EQ(found, Scan(w, target)) << "n " << n << " target " << target;
                ASSERT_GT(w[found], 0.0);
            }
        }
    }
}

TEST(WeightedIndex, RoundingPastTheTotalGivesTheLastPositiveItem)
{
    WeightedIndex index(5);
    index.Set(1, 0.1);
    index.Set(2, 0.2);
    EXPECT_EQ(index.Find(index.Total()), 2u);
    EXPECT_EQ(index.Find(1e9), 2u);
    EXPECT_EQ(index.Find(0.0), 1u);
    EXPECT_DOUBLE_EQ(index.Get(2), 0.2);
}

TEST(WeightedIndex, DriftStaysAtRoundingLevel)
{
    // Irrational-looking weights set and cleared a million times: the total
    // of the tree stays within rounding of the true sum.
    const std::size_t n = 300;
    WeightedIndex index(n);
    std::vector<double> w(n, 0.0);
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> weight(0.0, 1.0);
    for (int update = 0; update < 1000000; ++update)
    {
        std::size_t i = rng() % n;
        w[i] = rng() % 2 ? weight(rng) : 0.0;
        index.Set(i, w[i]);
    }
    double total = 0;
    for (double x : w)
    {
        total += x;
    }
    EXPECT_NEAR(index.Total(), total, 1e-9 * total);
}

TEST(WeightedIndex, BadWeightsAreRefusedWithItemAndValue)
{
    WeightedIndex index(3);
    for (double bad : {-1.0, std::nan(""), std::numeric_limits<double>::infinity()})
    {
        try
        {
            index.Set(1, bad);
            FAIL() << "weight " << bad << " accepted";
        }
        catch (const ConfigError& e)
        {
            EXPECT_NE(std::string(e.what()).find("item 1 of 3"), std::string::npos) << e.what();
        }
    }
    EXPECT_THROW(index.Set(3, 1.0), ConfigError);
}
