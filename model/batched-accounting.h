/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_BATCHED_ACCOUNTING_H
#define LLM_EDGE_BATCHED_ACCOUNTING_H

#include "device-accounting.h"
#include "ns3/device-profile.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Accounting "Batched": requests with token counts run in batches of
 * up to MaxBatch with the time and energy of a DeviceProfileTable, power
 * drawn through ns-3's energy framework as in ContinuousAccounting.
 *
 * - A batch starts, when the device is idle, as soon as MaxBatch requests
 *   wait, or the batch is as large as memory allows, or the oldest waiting
 *   request has waited BatchTimeout.
 * - A batch takes the oldest waiting requests, up to MaxBatch and up to
 *   what fits in memory (the first request that would overflow waits for
 *   the next batch); a request that alone does not fit is refused (MEMORY).
 * - A batch of b requests with token counts runs for the profile's
 *   batch time at power energy / time; idle, the device draws the profile's
 *   idle power; in power saving, the power mode's saving power. Power modes
 *   do not scale batches.
 * - Thresholds and depletion as in ContinuousAccounting; depletion aborts
 *   every request of the running batch (DEPLETED).
 * - Of a request's wait, the part spent while the device was idle is its
 *   batch wait (waiting for the batch to form); the rest (device busy or in
 *   power saving) is queue.
 */
class BatchedAccounting : public ContinuousAccounting
{
  public:
    using ContinuousAccounting::ContinuousAccounting;

    void Start() override;
    void OnAccepted() override;
    void Update() override;
    void OnDepletion() override;
    void Halt() override;
    bool Fits(const JobTokens& tokens) const override;
    /**
     * \brief The batched expectation, exact if no other request arrives: the
     * waiting requests and this one are cut into batches as the device
     * would (oldest first, up to MaxBatch, up to memory); the first starts
     * at the end of the running batch (or now), each later one at the end
     * of the one before, a last partial one not before its oldest request's
     * timeout; the job completes with the batch it joins. Waits for the end
     * of power saving are not included.
     * \param tokens the job's token counts
     * \return the time from now until the job would complete
     */
    Time GetExpectedCompletion(const JobTokens& tokens) const override;
    /**
     * \param tokens the job's token counts
     * \return the energy of the batch the job would join (as in
     * GetExpectedCompletion) divided by its size, J
     */
    double GetExpectedEnergyPerJobJ(const JobTokens& tokens) const override;

  private:
    /// \return the profile's idle power, W
    double GetIdlePowerW() const override;
    void StartJob() override;

    /// The batch a job would join.
    struct Plan
    {
        Time completion;      ///< from now until it completes
        double energyPerJobJ; ///< its batch's energy / batch size, J
    };

    /// \param tokens the job's token counts \return the batch it would join
    Plan PlanFor(const JobTokens& tokens) const;
    /**
     * \param queue token counts, oldest first
     * \param first index of the batch's first request
     * \return how many requests from \p first form the batch (>= 1)
     */
    uint32_t FormBatch(const std::vector<JobTokens>& queue, std::size_t first) const;
    /**
     * \param queue token counts
     * \param first index of the first request
     * \param n requests
     * \return the batch's token counts
     */
    static BatchTokens Tokens(const std::vector<JobTokens>& queue, std::size_t first, uint32_t n);
    /// \return the token counts of the waiting requests, oldest first
    std::vector<JobTokens> WaitingTokens() const;
    /// \return time the device has been idle since the start (the batch-wait clock)
    Time IdleClock() const;

    BatchSettings m_settings;   ///< the device's batching attributes
    DeviceProfileTable m_table; ///< batch time, energy and memory
    double m_idlePowerW{0};     ///< the profile's idle power, W
    EventId m_timeout;          ///< start of a partial batch at the oldest request's timeout
    Time m_batchEnd;            ///< end of the running batch
    Time m_idleTotal;           ///< idle time up to m_clockAt
    Time m_clockAt;             ///< last clock update
    bool m_clockIdle{false};    ///< idle since m_clockAt
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_BATCHED_ACCOUNTING_H */
