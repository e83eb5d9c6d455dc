/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_LLM_REQUEST_SOURCE_H
#define LLM_EDGE_LLM_REQUEST_SOURCE_H

#include "bernoulli-job-source.h"
#include "inference-endpoint.h"
#include "ns3/request-workload.h"

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
 * time_s) or "workload" (a RequestWorkload CSV: arrival time, input and
 * output tokens). Outside "workload" a request's token counts are drawn
 * from InputTokens and OutputTokens (rounded to whole tokens >= 1), or are 0
 * (the paper's jobs) when those are not set. The source records each job's
 * end-to-end latency with its split into batch wait, queue wait, compute and
 * network.
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
    /// Start the arrivals (ns-3 Application)
    void StartApplication() override;
    /// Stop the arrivals (ns-3 Application)
    void StopApplication() override;

  private:
    void DoDispose() override;
    void DoReceiveJob(const InferenceJob& job) override;
    uint32_t DoGetHop() const override;
    void NewJob();
    /// A Bernoulli slot drew an arrival. \param arrival its index
    void OnBernoulliArrival(uint64_t arrival);
    void ScheduleNext();
    /// \param rv a token-count variable (may be null) \return a draw rounded
    /// to a whole count in [1, kMaxTokensPerRequest], or 0 when \p rv is null
    static uint32_t DrawTokens(const Ptr<RandomVariableStream>& rv);

    std::string m_arrivals;       ///< attribute Arrivals
    double m_probability;         ///< attribute Probability
    double m_rate;                ///< attribute RatePerSecond
    Time m_slot;                  ///< attribute SlotDuration
    std::string m_traceFile;      ///< attribute TraceFile
    Ptr<BernoulliJobSource> m_bernoulli;        ///< Bernoulli arrivals (one per slot)
    Ptr<ExponentialRandomVariable> m_exponential; ///< Poisson gaps
    std::vector<double> m_trace;  ///< trace arrival times
    std::size_t m_traceIndex{0};  ///< next trace arrival
    std::string m_workloadFile;   ///< attribute WorkloadFile
    std::vector<LlmRequestSpec> m_workload; ///< workload requests
    Ptr<RandomVariableStream> m_inputTokens;  ///< attribute InputTokens (may be null)
    Ptr<RandomVariableStream> m_outputTokens; ///< attribute OutputTokens (may be null)
    uint64_t m_generated{0};      ///< jobs generated
    EventId m_event;              ///< next arrival
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_LLM_REQUEST_SOURCE_H */
