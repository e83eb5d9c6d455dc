/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "thompson-sampling-tuner.h"

#include "config-error.h"

#include <cmath>

namespace ns3
{
namespace llmedge
{

ThompsonSamplingTuner::ThompsonSamplingTuner(std::size_t nArms,
                                             double priorMean,
                                             double priorSd,
                                             double noiseSd)
    : BanditTuner(nArms),
      m_mu(priorMean),
      m_s2(priorSd),
      m_s1(noiseSd)
{
    if (!std::isfinite(priorMean))
    {
        ThrowConfigError("ThompsonPriorMean", FormatValue(priorMean), "must be finite");
    }
    if (!(priorSd > 0 && priorSd <= 1e6))
    {
        ThrowConfigError("ThompsonPriorSd", FormatValue(priorSd), "must lie in (0, 1e6]");
    }
    if (!(noiseSd > 0 && noiseSd <= 1e6))
    {
        ThrowConfigError("ThompsonNoiseSd", FormatValue(noiseSd), "must lie in (0, 1e6]");
    }
}

double
ThompsonSamplingTuner::GetPosteriorMean(std::size_t arm) const
{
    auto n = static_cast<double>(GetPulls(arm));
    double priorPrecision = 1.0 / (m_s2 * m_s2);
    double dataPrecision = n / (m_s1 * m_s1);
    return (m_mu * priorPrecision + GetMeanCost(arm) * dataPrecision) /
           (priorPrecision + dataPrecision);
}

double
ThompsonSamplingTuner::GetPosteriorSd(std::size_t arm) const
{
    auto n = static_cast<double>(GetPulls(arm));
    return 1.0 / std::sqrt(1.0 / (m_s2 * m_s2) + n / (m_s1 * m_s1));
}

std::size_t
ThompsonSamplingTuner::DoChoose(const RandomDraws& draws)
{
    return ArgMin(
        [&](std::size_t i) { return GetPosteriorMean(i) + draws.normal() * GetPosteriorSd(i); });
}

std::string
ThompsonSamplingTuner::DoGetName() const
{
    return "thompson";
}

} // namespace llmedge
} // namespace ns3
