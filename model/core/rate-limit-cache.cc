/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "rate-limit-cache.h"

#include "semi-markov-battery-model.h"

namespace ns3
{
namespace llmedge
{

RateLimitCache&
RateLimitCache::Global()
{
    static RateLimitCache cache;
    return cache;
}

const RateLimit&
RateLimitCache::Get(const DeviceSpec& spec,
                    const HarvestPmf& pmf,
                    double riskLimit,
                    double ethFraction)
{
    std::vector<double> key = spec.GetChainKey();
    key.insert(key.end(), {riskLimit, ethFraction, pmf.GetUnitJ(), -1.0});
    key.insert(key.end(), pmf.GetProbabilities().begin(), pmf.GetProbabilities().end());
    auto it = m_limits.find(key);
    if (it == m_limits.end())
    {
        SemiMarkovBatteryModel model(spec, pmf, ethFraction);
        it = m_limits.emplace(std::move(key), ComputeRateLimit(model, riskLimit)).first;
        ++m_solves;
    }
    return it->second;
}

void
RateLimitCache::Clear()
{
    m_limits.clear();
}

std::size_t
RateLimitCache::GetSize() const
{
    return m_limits.size();
}

uint64_t
RateLimitCache::GetSolves() const
{
    return m_solves;
}

} // namespace llmedge
} // namespace ns3
