/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_RATE_LIMIT_H
#define LLM_EDGE_RATE_LIMIT_H

#include "semi-markov-battery-model.h"

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The largest sustainable job rate of a device (paper Eq. 5).
 */
struct RateLimit
{
    double qlimEnergy{0}; ///< largest q in [0, 1] with risk(q) <= riskLimit
    double qlimTime{0};   ///< 1 / kbar, kbar evaluated at qlimEnergy
    double qlim{0};       ///< min(qlimEnergy, qlimTime)
    double kbar{0};       ///< Eq. 4 at qlimEnergy
    double riskAtOne{0};  ///< risk(1)
    unsigned evaluations{0}; ///< chain solves used by the root finder
};

/**
 * \brief Eq. 5: qlim = min(qlim_energy, 1 / kbar). qlim_energy solves
 * risk(q) = riskLimit by Boost.Math's TOMS 748 bracketing root finder (the
 * modern equivalent of the paper's Brent method); it is 1 when risk(1) is
 * within the limit and 0 when even risk(0) exceeds it.
 * \param model the device's chain
 * \param riskLimit xi_lim in (0, 1) (paper: 0.01)
 * \return the limits
 */
RateLimit ComputeRateLimit(const SemiMarkovBatteryModel& model, double riskLimit);

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_RATE_LIMIT_H */
