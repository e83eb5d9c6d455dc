/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_DEVICE_SPEC_H
#define LLM_EDGE_DEVICE_SPEC_H

#include "power-mode-policy.h"
#include "power-mode-table.h"

#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/// The paper's slot length T, s: the default of every SlotDuration attribute
/// (device, harvester, job and request sources). Programs that need the slot
/// of a built topology read it from its devices (DeviceSpec::slotS).
constexpr double kDefaultSlotS = 100.0;

/**
 * \ingroup llm-edge
 * \brief Everything that defines one device's battery dynamics, free of ns-3
 * types: shared by the ns-3 device model and the semi-Markov battery model so
 * that both read the very same numbers.
 */
struct DeviceSpec
{
    double capacityJ{100e3};   ///< battery capacity Emax, J (> 0)
    double lowFraction{0.10};  ///< Elow / Emax: power saving entered below it
    double highFraction{0.20}; ///< Ehigh / Emax: power saving left at or above it
    double slotS{kDefaultSlotS}; ///< slot length T, s (> 0)
    PowerModeTable modes;      ///< the device's power modes
    PowerModePolicy policy;    ///< fixed or dynamic mode choice

    /// Throws ConfigError naming the first invalid field and its value.
    void Validate() const;

    /// \return every field the battery chain depends on, as numbers (a cache
    ///         key kept here, beside the fields, so the two stay in step)
    std::vector<double> GetChainKey() const;

    /// The power-mode inputs of a device, as its attributes give them.
    struct ModeInputs
    {
        std::string preset;     ///< built-in table name (used when file is empty)
        std::string file;       ///< CSV power-mode table, or empty
        std::string powerMode;  ///< "dynamic" or a mode name
        std::string thresholds; ///< dynamic policy steps
    };

    /**
     * \brief Assemble and validate a specification.
     * \param capacityJ battery capacity, J
     * \param slotS slot length, s
     * \param lowFraction Elow / Emax
     * \param highFraction Ehigh / Emax
     * \param modes where the power modes and their policy come from
     * \return the validated specification
     * \throws ConfigError naming the value at fault
     */
    static DeviceSpec Build(double capacityJ,
                            double slotS,
                            double lowFraction,
                            double highFraction,
                            const ModeInputs& modes);

    /// \return Elow in joules
    double GetLowJ() const
    {
        return lowFraction * capacityJ;
    }

    /// \return Ehigh in joules
    double GetHighJ() const
    {
        return highFraction * capacityJ;
    }
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_DEVICE_SPEC_H */
