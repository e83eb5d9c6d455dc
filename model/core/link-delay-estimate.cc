/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "link-delay-estimate.h"

#include "config-error.h"


namespace ns3
{
namespace llmedge
{

LinkDelayEstimate::LinkDelayEstimate(double weight)
    : m_weight(weight)
{
    if (!(weight > 0 && weight <= 1))
    {
        ThrowConfigError("LinkDelayWeight", FormatValue(weight), "must be in (0, 1]");
    }
}

void
LinkDelayEstimate::Observe(uint32_t from, uint32_t to, double seconds)
{
    Pair& p = m_pairs[{from, to}];
    p.mean = p.count == 0 ? seconds : (1 - m_weight) * p.mean + m_weight * seconds;
    ++p.count;
}

double
LinkDelayEstimate::Estimate(uint32_t from, uint32_t to) const
{
    auto it = m_pairs.find({from, to});
    return it == m_pairs.end() ? 0.0 : it->second.mean;
}

uint64_t
LinkDelayEstimate::GetCount(uint32_t from, uint32_t to) const
{
    auto it = m_pairs.find({from, to});
    return it == m_pairs.end() ? 0 : it->second.count;
}

void
LinkDelayEstimate::Clear()
{
    m_pairs.clear();
}

} // namespace llmedge
} // namespace ns3
