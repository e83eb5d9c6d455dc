/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_OFFLINE_TUNING_H
#define LLM_EDGE_OFFLINE_TUNING_H

#include "bandit-tuner.h"
#include "config-surface.h"
#include "observation-noise.h"

#include <cstddef>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief What one offline tuning run did, round by round.
 */
struct OfflineTuningResult
{
    std::vector<std::size_t> arms;     ///< arm chosen in each round
    std::vector<double> observedCosts; ///< noisy cost the tuner was told
    std::vector<double>
        cumulativeRegret; ///< sum over rounds of true cost(arm) - true cost(optimum)
};

/**
 * \ingroup llm-edge
 * \brief Run a tuner against a surface without a network: each round the
 * tuner chooses an arm; its batch's time and energy are measured with
 * \p noise (time first, then energy, each with one draws.normal()); the
 * measured energy per request and latency per request give the observed cost,
 * which the tuner observes. Regret uses the true costs.
 * \param surface the true surface
 * \param tuner the tuner (its arm count must equal the surface's)
 * \param rounds the number of batches
 * \param noise the measurement noise
 * \param draws the random draws (tuner and noise share them, in that order)
 * \param options the cost options
 * \return per-round arms, observed costs and cumulative regret
 */
OfflineTuningResult RunOfflineTuning(const ConfigSurface& surface,
                                     BanditTuner& tuner,
                                     std::size_t rounds,
                                     const ObservationNoise& noise,
                                     const RandomDraws& draws,
                                     const CostOptions& options = CostOptions());

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_OFFLINE_TUNING_H */
