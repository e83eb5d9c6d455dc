/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_OBSERVATION_NOISE_H
#define LLM_EDGE_OBSERVATION_NOISE_H

#include <functional>
#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Random draws supplied by the caller, so that ns-3's
 * RandomVariableStream objects (or a test's fixed sequence) drive every
 * random choice of the pure core: same draws, same results.
 */
struct RandomDraws
{
    std::function<double()> normal;  ///< a standard normal draw N(0, 1)
    std::function<double()> uniform; ///< a uniform draw in [0, 1)
};

/**
 * \ingroup llm-edge
 * \brief Multiplicative measurement noise of relative standard deviation
 * sigma_rel on a true, positive value (a batch's time or energy), the way a
 * device's power sampling makes each measurement scatter.
 *
 * - "none": the true value.
 * - "normal": v (1 + sigma_rel z), truncated below at floorFraction x v
 *   (default 1e-3) so that a measurement stays positive. The truncation
 *   touches P(z < -(1 - floor) / sigma_rel) of the draws: below 10^-20 for
 *   sigma_rel <= 0.1, 3 x 10^-7 at 0.2, 4 x 10^-4 at 0.3 (then the mean is
 *   biased upward; prefer "lognormal" for large sigma_rel).
 * - "lognormal": v exp(s z - s^2 / 2) with s^2 = ln(1 + sigma_rel^2):
 *   mean exactly v and relative standard deviation exactly sigma_rel.
 *
 * z is a standard normal draw supplied by the caller; FromUniform turns a
 * uniform draw into one (the normal quantile, Boost.Math).
 */
class ObservationNoise
{
  public:
    /// The distribution of the noise
    enum class Distribution
    {
        None,     ///< no noise
        Normal,   ///< truncated normal
        LogNormal ///< mean-preserving lognormal
    };

    /// No noise.
    ObservationNoise() = default;

    /**
     * \param sigmaRel relative standard deviation, in [0, 1]
     * \param distribution the distribution
     * \param floorFraction lowest measurement as a fraction of the true value
     *        (normal only), in (0, 1)
     */
    ObservationNoise(double sigmaRel, Distribution distribution, double floorFraction = 1e-3);

    /**
     * \param name "none", "normal" or "lognormal"
     * \return the distribution; throws ConfigError naming the value otherwise
     */
    static Distribution ParseDistribution(const std::string& name);

    /**
     * \param u a uniform draw in (0, 1) (0 and 1 are moved 1e-300 inside)
     * \return the standard normal quantile of u
     */
    static double FromUniform(double u);

    /**
     * \param trueValue the true value (> 0)
     * \param z a standard normal draw
     * \return the noisy measurement (> 0)
     */
    double Apply(double trueValue, double z) const;

  private:
    double m_sigmaRel{0};                            ///< relative standard deviation
    Distribution m_distribution{Distribution::None}; ///< distribution
    double m_floorFraction{1e-3};                    ///< truncation floor (normal)
    double m_logSigma{0};                            ///< s of the lognormal
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_OBSERVATION_NOISE_H */
