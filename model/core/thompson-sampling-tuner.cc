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
    m_mean.assign(nArms, priorMean);
    m_sd.assign(nArms, priorSd);
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
    // One draw per arm, in index order; the posterior is cached per arm
    // (only an observed arm's changes), so a choice costs the draws alone.
    std::size_t best = 0;
    double bestScore = 0;
    for (std::size_t i = 0; i < m_mean.size(); ++i)
    {
        double v = m_mean[i] + draws.normal() * m_sd[i];
        if (i == 0 || v < bestScore)
        {
            best = i;
            bestScore = v;
        }
    }
    return best;
}

void
ThompsonSamplingTuner::DoObserve(std::size_t arm, double /* cost */)
{
    m_mean[arm] = GetPosteriorMean(arm);
    m_sd[arm] = GetPosteriorSd(arm);
}

std::string
ThompsonSamplingTuner::DoGetName() const
{
    return "thompson";
}

} // namespace llmedge
} // namespace ns3
