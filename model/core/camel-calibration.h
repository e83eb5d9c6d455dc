/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_CAMEL_CALIBRATION_H
#define LLM_EDGE_CAMEL_CALIBRATION_H

#include "config-surface.h"

#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Parameters of the physical form behind the shipped Camel surfaces
 * (estimates, not measurements). With r = fMax / f and c = weightReadS /
 * kneeBatch:
 *
 *   decode step  s(f, b) = max(weightReadS (1 - clockShare + clockShare r), c b r)
 *   batch time   T(f, b) = overheadS + outputTokens s(f, b) + prefillTokens c b r
 *   power        P(f)    = staticPowerW + dynamicPowerW (f / fMax)^powerExponent
 *   batch energy E(f, b) = P(f) T(f, b)
 *
 * A roofline: a decode step reads the weights once (memory-bound, only the
 * clockShare part slows with the GPU clock) until the batch's arithmetic
 * (c per sequence, scaling with 1/f) takes longer, beyond kneeBatch at fMax.
 */
struct CamelSurfaceParameters
{
    std::string deviceKind{"agx-orin-32gb"}; ///< device kind written to the CSV
    std::string model;                       ///< model name written to the CSV
    double fMaxMhz{930.75};                  ///< maximum GPU frequency, MHz
    double outputTokens{70};                 ///< decode steps per batch (the paper's cap)
    double prefillTokens{10};                ///< prompt work in decode-step units per sequence
    double overheadS{0.05};                  ///< fixed time per batch, s
    double staticPowerW{8.6};                ///< board power not scaling with the GPU clock, W
    double powerExponent{3};                 ///< exponent of the GPU clock in the dynamic power
    double weightReadS{0.0085};              ///< memory-bound decode step at fMax, s
    double kneeBatch{24};                    ///< batch where decode turns compute-bound at fMax
    double dynamicPowerW{6};                 ///< GPU dynamic power at fMax, W
    double clockShare{0.5};                  ///< share of a memory-bound step that scales with 1/f
};

/**
 * \ingroup llm-edge
 * \brief What the calibration must reproduce: the paper's best arm under its
 * cost, and an EDP reduction of that arm against the default in a range.
 */
struct CamelFitTarget
{
    double freqMhz{816};           ///< the paper's best frequency, MHz
    unsigned batch{20};            ///< the paper's best batch size
    double minEdpReduction{0.125}; ///< lowest accepted 1 - EDP(best) / EDP(default)
    double maxEdpReduction{0.298}; ///< highest accepted reduction
};

/**
 * \ingroup llm-edge
 * \brief The outcome of FitCamelSurface.
 */
struct CamelFitResult
{
    CamelSurfaceParameters parameters; ///< the fitted parameters
    double margin{0};                  ///< least cost of another arm / cost of the target - 1
    double edpReduction{0};            ///< 1 - EDP(target) / EDP(default)
    std::size_t candidates{0};         ///< grid points meeting the target
};

/// \return the AGX Orin 32GB GPU frequencies of the Camel arms, MHz (JetPack 6)
std::vector<double> CamelFrequenciesMhz();
/// \return the Camel batch sizes 4, 8, ..., 28
std::vector<unsigned> CamelBatches();

/**
 * \param p the parameters
 * \return the surface of the Camel arms (flags EST)
 */
ConfigSurface BuildCamelSurface(const CamelSurfaceParameters& p);

/**
 * \brief Fit kneeBatch, dynamicPowerW and clockShare (the other parameters
 * stay as given) by an exhaustive search of the grid kneeBatch = 12, 12.5,
 * ..., 40; dynamicPowerW = 0.5, 1, ..., 20 W; clockShare = 0, 0.1, ..., 1.
 * Among the points where the paper's cost (a = 0.5, lambda = 1 request/s,
 * default-arm normalization) is least on the target arm and the EDP reduction
 * lies in the target range, it keeps the one where the target arm beats its
 * runner-up by the widest relative margin (the most robust optimum); ties
 * (within 1e-9) go to the dynamic power nearest the given dynamicPowerW, then
 * to the grid order. Throws ConfigError when no point meets the target.
 * \param prior the fixed parameters and the tie-break dynamic power
 * \param target the paper's best arm and reduction range
 * \return the fit
 */
CamelFitResult FitCamelSurface(const CamelSurfaceParameters& prior, const CamelFitTarget& target);

/**
 * \brief The CSV text of a fitted surface, with a header that states the
 * form, the parameters and the fit (the shipped data/camel files are exactly
 * this text).
 * \param fit the fit
 * \param target the target it met
 * \return the CSV text
 */
std::string FormatCamelSurfaceCsv(const CamelFitResult& fit, const CamelFitTarget& target);

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_CAMEL_CALIBRATION_H */
