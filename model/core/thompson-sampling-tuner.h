/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_THOMPSON_SAMPLING_TUNER_H
#define LLM_EDGE_THOMPSON_SAMPLING_TUNER_H

#include "bandit-tuner.h"

#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Thompson sampling with the Camel paper's hierarchical Gaussian
 * model: an observed cost of arm i is c ~ N(theta_i, s1^2), and
 * theta_i ~ N(mu, s2^2) a priori, the same mu and s2 for every arm.
 *
 * Conjugate update after n_i costs of mean m_i (s1 and s2 known):
 *   precision  tau_i = 1 / s2^2 + n_i / s1^2,
 *   mean       mu_i  = (mu / s2^2 + n_i m_i / s1^2) / tau_i.
 * Choose draws theta~_i = mu_i + z_i / sqrt(tau_i) with one standard normal
 * z_i per arm (in index order) and returns argmin theta~_i.
 *
 * Priors (our reading; the paper's values are not known): with costs
 * normalized by the default arm, the default costs 1, so mu = 1 and s2 = 0.5
 * (arms within about +-1 of the default); s1 = 0.1, the noise of one batch's
 * cost at 5-10 % relative measurement noise.
 */
class ThompsonSamplingTuner : public BanditTuner
{
  public:
    /**
     * \param nArms the arms
     * \param priorMean mu, cost units (finite)
     * \param priorSd s2 (> 0)
     * \param noiseSd s1 (> 0)
     */
    ThompsonSamplingTuner(std::size_t nArms,
                          double priorMean = 1.0,
                          double priorSd = 0.5,
                          double noiseSd = 0.1);

    /// \param arm an arm \return its posterior mean mu_i
    double GetPosteriorMean(std::size_t arm) const;
    /// \param arm an arm \return its posterior standard deviation 1 / sqrt(tau_i)
    double GetPosteriorSd(std::size_t arm) const;

  private:
    std::size_t DoChoose(const RandomDraws& draws) override;
    void DoObserve(std::size_t arm, double cost) override;
    std::string DoGetName() const override;

    double m_mu; ///< prior mean
    double m_s2; ///< prior standard deviation
    double m_s1; ///< observation standard deviation
    std::vector<double> m_mean; ///< posterior means, updated when an arm is observed
    std::vector<double> m_sd;   ///< posterior standard deviations, likewise
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_THOMPSON_SAMPLING_TUNER_H */
