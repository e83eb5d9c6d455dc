/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "offline-tuning.h"

#include "config-error.h"

#include <algorithm>

namespace ns3
{
namespace llmedge
{

OfflineTuningResult
RunOfflineTuning(const ConfigSurface& surface,
                 BanditTuner& tuner,
                 std::size_t rounds,
                 const ObservationNoise& noise,
                 const RandomDraws& draws,
                 const CostOptions& options)
{
    if (tuner.GetNArms() != surface.GetNArms())
    {
        ThrowConfigError("tuner '" + tuner.GetName() + "' arms",
                         FormatValue(tuner.GetNArms()),
                         "must equal the surface's " + FormatValue(surface.GetNArms()) + " arms (" +
                             surface.GetOrigin() + ")");
    }
    std::vector<double> trueCosts = surface.GetCosts(options);
    double best = *std::min_element(trueCosts.begin(), trueCosts.end());
    OfflineTuningResult r;
    r.arms.reserve(rounds);
    r.observedCosts.reserve(rounds);
    r.cumulativeRegret.reserve(rounds);
    double regret = 0;
    for (std::size_t t = 0; t < rounds; ++t)
    {
        std::size_t arm = tuner.Choose(draws);
        const SurfaceArm& a = surface.GetArm(arm);
        double timeS = noise.Apply(a.timePerBatchS, draws.normal());
        double energyJ = noise.Apply(a.energyPerBatchJ, draws.normal());
        double latencyS = ConfigSurface::RequestLatencyS(a.batch, timeS, options.arrivalRatePerS);
        double cost = surface.Cost(energyJ / a.batch, latencyS, options);
        tuner.Observe(arm, cost);
        regret += trueCosts[arm] - best;
        r.arms.push_back(arm);
        r.observedCosts.push_back(cost);
        r.cumulativeRegret.push_back(regret);
    }
    return r;
}

} // namespace llmedge
} // namespace ns3
