/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_POWER_MODE_POLICY_H
#define LLM_EDGE_POWER_MODE_POLICY_H

#include "power-mode-table.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Chooses a power mode from the battery fraction at the start of a job.
 *
 * Fixed: always one mode. Dynamic (the paper's): a staircase of
 * (threshold fraction, mode) steps; the mode of the highest threshold not
 * above the current fraction is used. The paper's list is
 * "0:15W,0.4:30W,0.6:60W".
 */
class PowerModePolicy
{
  public:
    /// One step of a dynamic policy.
    struct Step
    {
        double fromFraction; ///< battery fraction in [0, 1] at which the step starts
        std::size_t mode;    ///< index into the mode table
    };

    PowerModePolicy() = default;

    /**
     * \param mode the index of the fixed mode
     * \return a fixed policy
     */
    static PowerModePolicy Fixed(std::size_t mode);

    /**
     * \param steps thresholds strictly increasing, the first one 0
     * \return a dynamic policy
     */
    static PowerModePolicy Dynamic(std::vector<Step> steps);

    /**
     * \brief Build from the two user-facing strings.
     * \param powerMode "dynamic" or the name of a mode in \p table
     * \param thresholds for "dynamic": "fraction:mode,..." e.g. "0:15W,0.4:30W,0.6:60W"
     * \param table the mode table the names refer to
     * \return the policy
     */
    static PowerModePolicy Parse(const std::string& powerMode,
                                 const std::string& thresholds,
                                 const PowerModeTable& table);

    /**
     * \param energyFraction battery energy / capacity, in [0, 1]
     * \return the index of the mode to use
     */
    std::size_t Select(double energyFraction) const;

    /// \return true for a dynamic policy
    bool IsDynamic() const;

    /// \return the steps (one step at 0 for a fixed policy)
    const std::vector<Step>& GetSteps() const;

    /**
     * \param table the table the indices refer to
     * \return e.g. "fixed:60W" or "dynamic:0:15W,0.4:30W,0.6:60W"
     */
    std::string Describe(const PowerModeTable& table) const;

  private:
    std::vector<Step> m_steps{{0.0, 0}}; ///< staircase, first threshold 0
    bool m_dynamic{false};               ///< dynamic or fixed
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_POWER_MODE_POLICY_H */
