/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_ENERGY_HARVESTING_ORIN_DEVICE_H
#define LLM_EDGE_ENERGY_HARVESTING_ORIN_DEVICE_H

#include "device-job-slots.h"
#include "device-statistics.h"
#include "ns3/job-drop-reason.h"
#include "orin-device-attributes.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace ns3
{
namespace llmedge
{

class DeviceAccounting;
class InferencePolicy;

/**
 * \ingroup llm-edge
 * \brief A Jetson-Orin-like device that runs LLM blocks (jobs) on a capped,
 * solar-charged battery, with power modes and power-saving hysteresis.
 *
 * The device is an ns-3 DeviceEnergyModel drawing from a
 * CappedBatteryEnergySource and charged by a SlotEnergyHarvester; its
 * attributes, the DeviceSpec built from them and that plumbing are
 * OrinDeviceAttributes. This class runs the jobs: the job slots
 * (DeviceJobSlots), the state and power mode, the statistics
 * (DeviceStatistics) and the accounting mode (DeviceAccounting).
 *
 * - Power modes come from a table (preset or CSV); the mode of a job is
 *   chosen at its start by a fixed or dynamic (battery-driven) policy.
 * - Power saving is entered when the energy falls below Elow and left when
 *   it reaches Ehigh; meanwhile jobs are refused and a pending job is kept.
 * - QueueCapacity jobs may wait (default 1: while a job runs, one more may
 *   wait); further arrivals are refused (QUEUE_FULL).
 * - Accounting "Slotted" follows the paper exactly: stages of whole slots,
 *   Eq. 1 applied at each stage end, decisions at stage boundaries; a job
 *   occupies k = ceil(t/T) slots; a job handed over exactly at a boundary
 *   where an idle stage begins is served from that boundary. "Continuous"
 *   draws power through ns-3's
 *   energy framework: jobs take exactly t seconds at c/t watts, harvest
 *   arrives as power, and thresholds act when crossed (a running job is
 *   finished before power saving starts; a job whose battery empties is
 *   aborted and refused with reason DEPLETED). "Batched" is Continuous with
 *   requests run in batches of up to MaxBatch with the time and energy of a
 *   device profile (BatchedAccounting).
 */
class EnergyHarvestingOrinDevice : public OrinDeviceAttributes, public JobDropReasons
{
  public:
    /// Device state, as traced.
    enum State : int32_t
    {
        IDLE = 0,  ///< active, no job running
        BUSY = 1,  ///< active, running a job
        SAVING = 2 ///< power saving: refuses jobs, keeps a pending one
    };

    /// Told when an accepted job ends: (job id, true if completed, false if aborted).
    typedef DeviceJobSlots::DoneCallback JobDoneCallback;

    /**
     * TracedCallback signature of the JobCompleted trace source.
     * \param jobId the job's identifier
     * \param serviceTime the time the job took on the device
     */
    typedef void (*JobCompletedCallback)(uint64_t jobId, Time serviceTime);

    /**
     * TracedCallback signature of the JobRefused trace source.
     * \param jobId the job's identifier
     * \param reason why it was refused or aborted (a DropReason)
     */
    typedef void (*JobRefusedCallback)(uint64_t jobId, uint32_t reason);

    /**
     * TracedCallback signature of the PowerSaving trace source.
     * \param entered true when power saving starts, false when it ends
     */
    typedef void (*PowerSavingCallback)(bool entered);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    EnergyHarvestingOrinDevice();
    ~EnergyHarvestingOrinDevice() override;

    /**
     * \brief Offer a job.
     * \param jobId caller's job identifier
     * \param done called when the job completes or is aborted
     * \param reason set to the refusal reason when refused (MEMORY,
     *        POWER_SAVING or QUEUE_FULL; may be null)
     * \param tokens the request's token counts (used by Accounting "Batched")
     * \return true if accepted
     */
    bool SubmitJob(uint64_t jobId,
                   JobDoneCallback done,
                   DropReason* reason = nullptr,
                   JobTokens tokens = {});

    /// \return true if a job offered now would be accepted
    bool IsAvailable() const;
    /// \return the state
    State GetState() const;
    /// \return true when a job is pending (waiting, not running)
    bool HasPendingJob() const;
    /// \return the index of the current power mode in the table
    std::size_t GetCurrentModeIndex() const;
    /// \return the current power mode
    const PowerMode& GetCurrentMode() const;

    /// \return stored energy, J
    double GetEnergyJ() const;
    /// \return stored energy / capacity
    double GetEnergyFraction() const;

    /// \return jobs completed
    uint64_t GetJobsCompleted() const;
    /// \return jobs accepted
    uint64_t GetJobsAccepted() const;
    /// \return jobs held now: waiting plus running, from the device's state,
    /// not from the counters
    uint32_t GetJobsHeld() const;
    /// \param r a reason (POWER_SAVING, QUEUE_FULL, DEPLETED, MEMORY) \return jobs refused (or aborted) for it
    uint64_t GetJobsRefused(DropReason r) const;
    /// \return all refusals
    uint64_t GetJobsRefusedTotal() const;
    /// \return number of entries into power saving
    uint64_t GetPowerSavingEntries() const;
    /// \return time spent in power saving up to now
    Time GetTimeInPowerSaving() const;
    /// \return time-average of the stored energy since start, J
    double GetAverageEnergyJ() const;
    /// \return service time of the job that completed last (valid in its done callback)
    Time GetLastServiceTime() const;
    /// \return of the wait of the job that completed last, the part spent
    /// waiting for its batch to form (0 unless Batched; valid in its done callback)
    Time GetLastBatchWait() const;
    /**
     * \brief What a latency-aware router expects of this device now.
     * \param tokens the job's token counts (used by Accounting "Batched")
     * \return the time from now until a job accepted now would complete:
     *         the rest of the running job, the waiting jobs and its own, each
     *         in the current mode (whole slots under Slotted accounting);
     *         Batched: see BatchedAccounting::GetExpectedCompletion; waits
     *         for the end of power saving are not included
     */
    Time GetExpectedCompletion(const JobTokens& tokens = {}) const;
    /**
     * \brief What an energy-aware router expects of this device now.
     * \param tokens the job's token counts (used by Accounting "Batched")
     * \return the energy of a job accepted now, J: the current mode's energy
     *         per job; Batched: its batch's energy / batch size (see
     *         BatchedAccounting::GetExpectedEnergyPerJobJ)
     */
    double GetExpectedEnergyPerJobJ(const JobTokens& tokens = {}) const;

    /// \param s a state \return its name
    static std::string StateName(State s);

    // DeviceEnergyModel
    /**
     * \return energy this device drew, J: the demand of its stages (Slotted)
     * plus its continuous draw as integrated by the battery (Continuous);
     * other models on the same battery (a radio) are not included
     */
    double GetTotalEnergyConsumption() const override;
    /// The battery is empty: the running job is aborted (ns-3 DeviceEnergyModel)
    void HandleEnergyDepletion() override;

    /// \brief Stop at once: cancel the pending stage and forget the jobs
    /// held (their callbacks are not called). For ending a replication.
    void Halt();

    /**
     * \brief Start a new replication on the same objects (Slotted only):
     * the battery back to its initial energy, counters and averages zeroed,
     * stages from now, which must be a slot boundary.
     */
    void Restart();

  private:
    friend class DeviceAccounting; // the accounting strategies act through it

    void DoInitialize() override;
    void DoDispose() override;
    double DoGetCurrentA() const override;

    /// \brief Mode, state and statistics at the start of a replication. \param energyJ stored J
    void BeginReplication(double energyJ);
    void SetState(State s);
    void Refuse(uint64_t jobId, DropReason r);
    void SelectMode();
    void AccumulateEnergyAverage(double oldJ, double newJ);
    /// \brief Move the \p n oldest waiting jobs into service; the device becomes busy.
    /// \param n how many (a batch)
    void StartPendingJob(uint32_t n = 1);
    /// \return the job in service, completed (counted and traced)
    DeviceJobSlots::Finished CompleteRunningJob();
    /// \return the job in service, aborted as DEPLETED (counted and traced)
    DeviceJobSlots::Finished AbortRunningJob();

    std::unique_ptr<DeviceAccounting> m_accounting; ///< the accounting mode (set when initialized)

    DeviceJobSlots m_jobs;    ///< the job in service and the pending one
    Time m_lastService;       ///< service time of the job that completed last
    Time m_lastBatchWait;     ///< batch wait of the job that completed last
    DeviceStatistics m_stats; ///< counters and averages of the replication

    TracedValue<int32_t> m_state;                         ///< trace: State
    TracedValue<uint32_t> m_mode;                         ///< trace: power-mode index
    TracedValue<bool> m_available;                        ///< trace: IsAvailable()
    TracedCallback<uint64_t, Time> m_jobCompletedTrace;   ///< (job id, service time)
    TracedCallback<uint64_t, uint32_t> m_jobRefusedTrace; ///< (job id, DropReason)
    TracedCallback<bool> m_powerSavingTrace;              ///< true on entry, false on exit
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_ENERGY_HARVESTING_ORIN_DEVICE_H */
