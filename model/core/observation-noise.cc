/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "observation-noise.h"

#include "config-error.h"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

namespace ns3
{
namespace llmedge
{

ObservationNoise::ObservationNoise(double sigmaRel, Distribution distribution, double floorFraction)
    : m_sigmaRel(sigmaRel),
      m_distribution(distribution),
      m_floorFraction(floorFraction)
{
    if (!(sigmaRel >= 0 && sigmaRel <= 1))
    {
        ThrowConfigError("NoiseSigmaRel", FormatValue(sigmaRel), "must lie in [0, 1]");
    }
    if (!(floorFraction > 0 && floorFraction < 1))
    {
        ThrowConfigError("NoiseFloorFraction", FormatValue(floorFraction), "must lie in (0, 1)");
    }
    m_logSigma = std::sqrt(std::log1p(sigmaRel * sigmaRel));
}

ObservationNoise::Distribution
ObservationNoise::ParseDistribution(const std::string& name)
{
    if (name == "none")
    {
        return Distribution::None;
    }
    if (name == "normal")
    {
        return Distribution::Normal;
    }
    if (name == "lognormal")
    {
        return Distribution::LogNormal;
    }
    ThrowConfigError("NoiseDistribution", "'" + name + "'", "expected none, normal or lognormal");
}

double
ObservationNoise::FromUniform(double u)
{
    if (!(u >= 0 && u <= 1))
    {
        ThrowConfigError("uniform draw", FormatValue(u), "must lie in [0, 1]");
    }
    u = std::min(std::max(u, 1e-300), 1.0 - 1e-16);
    return boost::math::quantile(boost::math::normal_distribution<double>(0.0, 1.0), u);
}

double
ObservationNoise::Apply(double trueValue, double z) const
{
    switch (m_distribution)
    {
    case Distribution::Normal:
        return std::max(trueValue * (1.0 + m_sigmaRel * z), m_floorFraction * trueValue);
    case Distribution::LogNormal:
        return trueValue * std::exp(m_logSigma * z - 0.5 * m_logSigma * m_logSigma);
    case Distribution::None:
    default:
        return trueValue;
    }
}

} // namespace llmedge
} // namespace ns3
