/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_BERNOULLI_JOB_SOURCE_H
#define LLM_EDGE_BERNOULLI_JOB_SOURCE_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The paper's job arrivals: in each slot a job arrives with probability q.
 *
 * The arrival of slot i happens at (i + ArrivalOffset) T, inside the slot, so
 * that it never ties with a stage boundary: a slotted device then sees it
 * exactly as the semi-Markov model does (accepted during the slot, served
 * from the next stage boundary).
 */
class BernoulliJobSource : public Object
{
  public:
    /// Receives each arrival's job id.
    typedef Callback<void, uint64_t> ArrivalCallback;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    BernoulliJobSource();
    ~BernoulliJobSource() override;

    /// \param cb called at each arrival
    void SetArrivalCallback(ArrivalCallback cb);

    /**
     * \brief Generate arrivals in slots [first, first + count).
     * \param firstSlot first slot index
     * \param count number of slots
     */
    void Start(uint64_t firstSlot, uint64_t count);

    /// \brief Generate no more arrivals (Start begins again).
    void Stop();

    /// \return number of arrivals so far
    uint64_t GetArrivals() const;

    /**
     * \param stream first stream index
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    void DoDispose() override;
    void Slot(uint64_t slot);

    double m_probability;          ///< attribute Probability
    Time m_slot;                   ///< attribute SlotDuration
    double m_offset;               ///< attribute ArrivalOffset
    Ptr<UniformRandomVariable> m_rng; ///< draws
    ArrivalCallback m_cb;          ///< sink
    uint64_t m_arrivals{0};        ///< count
    uint64_t m_end{0};             ///< first slot not generated
    EventId m_event;               ///< next slot
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_BERNOULLI_JOB_SOURCE_H */
