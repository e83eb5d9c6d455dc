/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_DEVICE_JOB_SLOTS_H
#define LLM_EDGE_DEVICE_JOB_SLOTS_H

#include "ns3/callback.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The token counts of one request (0 and 0 for the paper's jobs,
 * which have no token model).
 */
struct JobTokens
{
    uint32_t input{0};  ///< prompt tokens
    uint32_t output{0}; ///< tokens to generate
};

/**
 * \ingroup llm-edge
 * \brief The jobs a device holds: a running batch (one job under the
 * Slotted and Continuous accounting) and the jobs waiting, in arrival order.
 *
 * A job enters as waiting (Hold), moves into service once (StartPending,
 * from the front) and leaves service once (Finish), completed or aborted.
 * How many may wait is the device's business (attribute QueueCapacity).
 */
class DeviceJobSlots
{
  public:
    /// Told when an accepted job ends: (job id, true if completed, false if aborted).
    typedef Callback<void, uint64_t, bool> DoneCallback;

    /// A job that waits.
    struct Waiting
    {
        uint64_t id{0};    ///< the job's identifier
        DoneCallback done; ///< its owner's callback (may be null)
        JobTokens tokens;  ///< its token counts
        Time arrived;      ///< when it was held
        Time mark;         ///< the accounting's clock reading when it was held
    };

    /// A job in or out of service.
    struct Finished
    {
        uint64_t id{0};    ///< the job's identifier
        DoneCallback done; ///< its owner's callback (may be null)
        Time start;        ///< when its service began
        Time batchWait;    ///< of its wait, the part spent waiting for its batch to form

        /// \brief Tell the job's owner. \param completed true if completed, false if aborted
        void Notify(bool completed) const;
    };

    /// \return true when a job is in service
    bool HasRunning() const;
    /// \return true when a job is waiting
    bool HasPending() const;
    /// \return jobs waiting
    uint32_t GetWaiting() const;
    /// \return jobs in service (the running batch's size)
    uint32_t GetRunning() const;
    /// \return jobs held: waiting plus running
    uint32_t GetHeld() const;
    /// \return when the running batch began (meaningful while HasRunning())
    Time GetRunningStart() const;
    /// \return the waiting jobs, oldest first
    const std::deque<Waiting>& GetWaitingJobs() const;

    /**
     * \brief Hold a job as waiting, at the back.
     * \param id the job's identifier
     * \param done its owner's callback
     * \param tokens its token counts
     * \param arrived when it arrives
     */
    void Hold(uint64_t id, DoneCallback done, JobTokens tokens = {}, Time arrived = Time());
    /// \brief Set the clock reading of the newest waiting job. \param mark the reading
    void MarkNewest(Time mark);
    /**
     * \brief Move the \p n oldest waiting jobs into service from \p now
     * (none may be running).
     * \param now the start of their service
     * \param n how many (1 .. GetWaiting())
     */
    void StartPending(Time now, uint32_t n = 1);
    /// \brief Set the batch wait of every job in service. \param clock the
    /// accounting's clock now (each gets clock minus its mark)
    void SetBatchWaits(Time clock);
    /// \brief Take the oldest job out of service. \return the job
    Finished Finish();
    /// \brief Forget every job (their callbacks are not called).
    void Clear();

  private:
    std::vector<Finished> m_running; ///< the running batch
    std::vector<Time> m_runningMarks; ///< their marks, in the same order
    std::deque<Waiting> m_waiting;   ///< the waiting jobs, oldest first
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_DEVICE_JOB_SLOTS_H */
