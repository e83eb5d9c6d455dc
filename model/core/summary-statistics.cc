/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "summary-statistics.h"

#include "config-error.h"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace ns3
{
namespace llmedge
{

void
SummaryStatistics::Add(double x)
{
    ++m_n;
    double d = x - m_mean;
    m_mean += d / static_cast<double>(m_n);
    m_m2 += d * (x - m_mean);
}

uint64_t
SummaryStatistics::GetCount() const
{
    return m_n;
}

double
SummaryStatistics::GetMean() const
{
    return m_mean;
}

double
SummaryStatistics::GetStdDev() const
{
    return m_n < 2 ? 0.0 : std::sqrt(m_m2 / static_cast<double>(m_n - 1));
}

double
SummaryStatistics::GetCiHalfWidth(double level) const
{
    if (!(level > 0 && level < 1))
    {
        ThrowConfigError("confidence level", FormatValue(level), "must lie in (0, 1)");
    }
    if (m_n < 2)
    {
        return 0.0;
    }
    boost::math::students_t dist(static_cast<double>(m_n - 1));
    double t = boost::math::quantile(boost::math::complement(dist, (1 - level) / 2));
    return t * GetStdDev() / std::sqrt(static_cast<double>(m_n));
}

} // namespace llmedge
} // namespace ns3
