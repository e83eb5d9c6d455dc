/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_LLM_REQUEST_SOURCE_H
#define LLM_EDGE_LLM_REQUEST_SOURCE_H

#include "inference-endpoint.h"

#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"

#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Where inference requests (jobs) come from and results return to.
 *
 * Arrivals: "bernoulli" (the paper: a job in each slot with probability
 * Probability, in the middle of the slot), "poisson" (rate RatePerSecond) or
 * "trace" (arrival times in seconds, one per line or in a CSV column
 * time_s). The source records each job's end-to-end latency with its
 * split into queue wait, compute and network.
 */
class LlmRequestSource : public InferenceEndpoint
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    LlmRequestSource();
    ~LlmRequestSource() override;

    /// \return jobs generated so far
    uint64_t GetGenerated() const;

    /**
     * \param stream first stream index
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

    /// \brief Stop generating (end of a replication).
    void Halt();
    /// \brief Generate again from now (a new replication).
    void Restart();

  protected:
    void StartApplication() override;
    void StopApplication() override;

  private:
    void DoDispose() override;
    void DoReceiveJob(const InferenceJob& job) override;
    uint32_t DoGetHop() const override;
    void NewJob();
    void ScheduleNext();

    std::string m_arrivals;       ///< attribute Arrivals
    double m_probability;         ///< attribute Probability
    double m_rate;                ///< attribute RatePerSecond
    Time m_slot;                  ///< attribute SlotDuration
    std::string m_traceFile;      ///< attribute TraceFile
    Ptr<UniformRandomVariable> m_uniform;      ///< Bernoulli draws
    Ptr<ExponentialRandomVariable> m_exponential; ///< Poisson gaps
    std::vector<double> m_trace;  ///< trace arrival times
    std::size_t m_traceIndex{0};  ///< next trace arrival
    uint64_t m_slotIndex{0};      ///< current slot (Bernoulli)
    uint64_t m_generated{0};      ///< jobs generated
    EventId m_event;              ///< next arrival
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_LLM_REQUEST_SOURCE_H */
