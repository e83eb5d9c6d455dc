/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_DEVICE_JOB_SLOTS_H
#define LLM_EDGE_DEVICE_JOB_SLOTS_H

#include "ns3/callback.h"
#include "ns3/nstime.h"

#include <cstdint>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The jobs a device holds: at most one in service and one pending.
 *
 * A job enters as pending (Hold), moves into service once (StartPending) and
 * leaves service once (Finish), completed or aborted.
 */
class DeviceJobSlots
{
  public:
    /// Told when an accepted job ends: (job id, true if completed, false if aborted).
    typedef Callback<void, uint64_t, bool> DoneCallback;

    /// A job that left service.
    struct Finished
    {
        uint64_t id{0};    ///< the job's identifier
        DoneCallback done; ///< its owner's callback (may be null)
        Time start;        ///< when its service began

        /// \brief Tell the job's owner. \param completed true if completed, false if aborted
        void Notify(bool completed) const;
    };

    /// \return true when a job is in service
    bool HasRunning() const;
    /// \return true when a job is pending
    bool HasPending() const;
    /// \return jobs held: pending plus running (0, 1 or 2)
    uint32_t GetHeld() const;
    /// \return when the job in service began (meaningful while HasRunning())
    Time GetRunningStart() const;

    /**
     * \brief Hold a job as pending (there must be none).
     * \param id the job's identifier
     * \param done its owner's callback
     */
    void Hold(uint64_t id, DoneCallback done);
    /// \brief Move the pending job into service from \p now (none may be running).
    /// \param now the start of its service
    void StartPending(Time now);
    /// \brief Take the job out of service. \return the job
    Finished Finish();
    /// \brief Forget both jobs (their callbacks are not called).
    void Clear();

  private:
    bool m_hasRunning{false};   ///< a job is in service
    Finished m_running;         ///< the job in service
    bool m_hasPending{false};   ///< a job is pending
    uint64_t m_pendingId{0};    ///< the pending job's identifier
    DoneCallback m_pendingDone; ///< the pending job's callback
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_DEVICE_JOB_SLOTS_H */
