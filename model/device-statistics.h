/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_DEVICE_STATISTICS_H
#define LLM_EDGE_DEVICE_STATISTICS_H

#include "ns3/job-drop-reason.h"

#include "ns3/nstime.h"

#include <array>
#include <cstdint>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief What a device counts and averages over one replication, reset in one place.
 */
struct DeviceStatistics
{
    uint64_t completed{0};             ///< jobs completed
    uint64_t accepted{0};              ///< jobs accepted
    std::array<uint64_t, JobDropReasons::DROP_REASONS> refused{}; ///< jobs refused, by DropReason
    uint64_t savingEntries{0};         ///< entries into power saving
    Time savingTime;                   ///< time in power saving, closed periods
    Time savingSince;                  ///< start of the open power-saving period
    Time startTime;                    ///< start of the replication
    double energyIntegralJs{0};        ///< integral of the energy, J x time steps
    Time lastEnergySample;             ///< time of the last energy sample
    double lastEnergyJ{0};             ///< the last energy sample, J

    /**
     * \brief Zero everything, start from \p now at energy \p energyJ.
     * \param now start of the replication
     * \param energyJ stored energy then, J
     */
    void Reset(Time now, double energyJ);
    /// \brief Power saving entered. \param now when
    void EnterSaving(Time now);
    /// \brief Power saving left. \param now when
    void LeaveSaving(Time now);
    /**
     * \param now the time
     * \param saving true while in power saving
     * \return time in power saving up to \p now
     */
    Time GetSavingTime(Time now, bool saving) const;
    /**
     * \brief The energy changed from \p oldJ to \p newJ at \p now.
     * \param now time of the change
     * \param oldJ energy before, J
     * \param newJ energy after, J
     * \param held true if the energy was held at \p oldJ since the last sample
     * (slotted), false if it moved linearly (continuous: the trapezoid is exact)
     */
    void AddEnergySample(Time now, double oldJ, double newJ, bool held);
    /**
     * \param now the time
     * \param energyJ energy now, J (used when not held)
     * \param held as in AddEnergySample
     * \return the time-average of the energy since the start, J
     */
    double GetAverageEnergyJ(Time now, double energyJ, bool held) const;
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_DEVICE_STATISTICS_H */
