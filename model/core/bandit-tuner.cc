/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bandit-tuner.h"

#include "config-error.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace llmedge
{

namespace
{

/// Largest number of arms a tuner accepts.
constexpr std::size_t kMaxArms = 1000000;

} // namespace

BanditTuner::BanditTuner(std::size_t nArms)
{
    if (nArms < 1 || nArms > kMaxArms)
    {
        ThrowConfigError("number of arms",
                         FormatValue(nArms),
                         "must lie in [1, " + FormatValue(kMaxArms) + "]");
    }
    m_pulls.assign(nArms, 0);
    m_sums.assign(nArms, 0.0);
}

std::size_t
BanditTuner::Choose(const RandomDraws& draws)
{
    std::size_t arm = DoChoose(draws);
    if (arm >= m_pulls.size())
    {
        throw ConfigError("tuner '" + GetName() + "' chose arm " + std::to_string(arm) + " of " +
                          std::to_string(m_pulls.size()));
    }
    return arm;
}

void
BanditTuner::Observe(std::size_t arm, double cost)
{
    if (arm >= m_pulls.size())
    {
        ThrowConfigError("observed arm",
                         FormatValue(arm),
                         "must be below the number of arms " + FormatValue(m_pulls.size()));
    }
    if (!std::isfinite(cost))
    {
        ThrowConfigError("observed cost", FormatValue(cost), "must be finite");
    }
    ++m_pulls[arm];
    m_sums[arm] += cost;
    ++m_total;
    DoObserve(arm, cost);
}

void
BanditTuner::DoObserve(std::size_t /* arm */, double /* cost */)
{
}

std::size_t
BanditTuner::GetNArms() const
{
    return m_pulls.size();
}

std::string
BanditTuner::GetName() const
{
    return DoGetName();
}

std::uint64_t
BanditTuner::GetPulls(std::size_t arm) const
{
    return m_pulls.at(arm);
}

double
BanditTuner::GetMeanCost(std::size_t arm) const
{
    return m_pulls.at(arm) == 0 ? 0.0 : m_sums[arm] / static_cast<double>(m_pulls[arm]);
}

std::uint64_t
BanditTuner::GetTotalPulls() const
{
    return m_total;
}

std::size_t
BanditTuner::GetGreedyArm() const
{
    std::size_t best = 0;
    for (std::size_t i = 0; i < m_pulls.size(); ++i)
    {
        if (m_pulls[i] == 0)
        {
            return i;
        }
        if (GetMeanCost(i) < GetMeanCost(best))
        {
            best = i;
        }
    }
    return best;
}

std::size_t
BanditTuner::ArgMin(const std::function<double(std::size_t)>& score) const
{
    std::size_t best = 0;
    double bestScore = 0;
    for (std::size_t i = 0; i < GetNArms(); ++i)
    {
        double v = score(i);
        if (i == 0 || v < bestScore)
        {
            best = i;
            bestScore = v;
        }
    }
    return best;
}

DefaultTuner::DefaultTuner(std::size_t nArms, std::size_t defaultArm)
    : BanditTuner(nArms),
      m_arm(defaultArm)
{
    if (defaultArm >= nArms)
    {
        ThrowConfigError("default arm",
                         FormatValue(defaultArm),
                         "must be below the number of arms " + FormatValue(nArms));
    }
}

std::size_t
DefaultTuner::DoChoose(const RandomDraws& /* draws */)
{
    return m_arm;
}

std::string
DefaultTuner::DoGetName() const
{
    return "default";
}

OracleTuner::OracleTuner(const std::vector<double>& trueCosts)
    : BanditTuner(trueCosts.size()),
      m_arm(0)
{
    for (std::size_t i = 0; i < trueCosts.size(); ++i)
    {
        if (!std::isfinite(trueCosts[i]))
        {
            ThrowConfigError("true cost of arm " + std::to_string(i),
                             FormatValue(trueCosts[i]),
                             "must be finite");
        }
        if (trueCosts[i] < trueCosts[m_arm])
        {
            m_arm = i;
        }
    }
}

std::size_t
OracleTuner::DoChoose(const RandomDraws& /* draws */)
{
    return m_arm;
}

std::string
OracleTuner::DoGetName() const
{
    return "oracle";
}

GridSearchTuner::GridSearchTuner(std::size_t nArms, unsigned pullsPerArm)
    : BanditTuner(nArms),
      m_n(pullsPerArm)
{
    if (pullsPerArm < 1)
    {
        ThrowConfigError("GridPullsPerArm", FormatValue(pullsPerArm), "must be at least 1");
    }
}

std::size_t
GridSearchTuner::DoChoose(const RandomDraws& /* draws */)
{
    std::uint64_t t = m_chosen++;
    if (t < static_cast<std::uint64_t>(m_n) * GetNArms())
    {
        return static_cast<std::size_t>(t % GetNArms());
    }
    return GetGreedyArm();
}

std::string
GridSearchTuner::DoGetName() const
{
    return "grid";
}

EpsilonGreedyTuner::EpsilonGreedyTuner(std::size_t nArms, double epsilon)
    : BanditTuner(nArms),
      m_epsilon(epsilon)
{
    if (!(epsilon >= 0 && epsilon <= 1))
    {
        ThrowConfigError("Epsilon", FormatValue(epsilon), "must lie in [0, 1]");
    }
}

std::size_t
EpsilonGreedyTuner::DoChoose(const RandomDraws& draws)
{
    if (draws.uniform() < m_epsilon)
    {
        auto arm = static_cast<std::size_t>(std::floor(draws.uniform() * GetNArms()));
        return std::min(arm, GetNArms() - 1);
    }
    return GetGreedyArm();
}

std::string
EpsilonGreedyTuner::DoGetName() const
{
    return "epsilon-greedy";
}

Ucb1Tuner::Ucb1Tuner(std::size_t nArms, double explorationScale)
    : BanditTuner(nArms),
      m_c(explorationScale)
{
    if (!(explorationScale > 0 && explorationScale <= 1e6))
    {
        ThrowConfigError("UcbExplorationScale",
                         FormatValue(explorationScale),
                         "must lie in (0, 1e6]");
    }
}

double
Ucb1Tuner::GetIndex(std::size_t arm) const
{
    auto n = static_cast<double>(GetPulls(arm));
    auto t = static_cast<double>(GetTotalPulls());
    return -GetMeanCost(arm) + m_c * std::sqrt(2.0 * std::log(t) / n);
}

std::size_t
Ucb1Tuner::DoChoose(const RandomDraws& /* draws */)
{
    for (std::size_t i = 0; i < GetNArms(); ++i)
    {
        if (GetPulls(i) == 0)
        {
            return i;
        }
    }
    return ArgMin([this](std::size_t i) { return -GetIndex(i); });
}

std::string
Ucb1Tuner::DoGetName() const
{
    return "ucb1";
}

} // namespace llmedge
} // namespace ns3
