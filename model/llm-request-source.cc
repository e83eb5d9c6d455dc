/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "llm-request-source.h"
#include "ns3/device-spec.h"

#include "ns3/config-error.h"
#include "ns3/job-trace.h"
#include "ns3/csv-table.h"
#include "inference-pipeline.h"

#include "ns3/double.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <algorithm>
#include <cmath>
#include <fstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LlmRequestSource");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(LlmRequestSource);

TypeId
LlmRequestSource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::LlmRequestSource")
            .SetParent<InferenceEndpoint>()
            .SetGroupName("LlmEdge")
            .AddConstructor<LlmRequestSource>()
            .AddAttribute("Arrivals",
                          "\"bernoulli\" (per slot, the paper), \"poisson\", \"trace\" or "
                          "\"workload\" (WorkloadFile, with token counts).",
                          StringValue("bernoulli"),
                          MakeStringAccessor(&LlmRequestSource::m_arrivals),
                          MakeStringChecker())
            .AddAttribute("Probability",
                          "Bernoulli: job probability per slot q, in [0, 1].",
                          DoubleValue(0.3),
                          MakeDoubleAccessor(&LlmRequestSource::m_probability),
                          MakeDoubleChecker<double>())
            .AddAttribute("RatePerSecond",
                          "Poisson: mean arrivals per second (> 0).",
                          DoubleValue(0.003),
                          MakeDoubleAccessor(&LlmRequestSource::m_rate),
                          MakeDoubleChecker<double>())
            .AddAttribute("SlotDuration",
                          "Bernoulli: slot length T (> 0).",
                          TimeValue(Seconds(kDefaultSlotS)),
                          MakeTimeAccessor(&LlmRequestSource::m_slot),
                          MakeTimeChecker())
            .AddAttribute("TraceFile",
                          "Trace: CSV with a column time_s of arrival times (s, increasing).",
                          StringValue(""),
                          MakeStringAccessor(&LlmRequestSource::m_traceFile),
                          MakeStringChecker())
            .AddAttribute("WorkloadFile",
                          "Workload: CSV with columns arrival_s,input_tokens,output_tokens "
                          "(RequestWorkload).",
                          StringValue(""),
                          MakeStringAccessor(&LlmRequestSource::m_workloadFile),
                          MakeStringChecker())
            .AddAttribute("InputTokens",
                          "Prompt tokens per request (rounded, >= 1), except under \"workload\"; "
                          "unset: 0 tokens (the paper's jobs).",
                          PointerValue(),
                          MakePointerAccessor(&LlmRequestSource::m_inputTokens),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("OutputTokens",
                          "Generated tokens per request (rounded, >= 1), except under "
                          "\"workload\"; unset: 0 tokens (the paper's jobs).",
                          PointerValue(),
                          MakePointerAccessor(&LlmRequestSource::m_outputTokens),
                          MakePointerChecker<RandomVariableStream>());
    return tid;
}

LlmRequestSource::LlmRequestSource()
    : m_arrivals("bernoulli"),
      m_probability(0.3),
      m_rate(0.003),
      m_bernoulli(CreateObject<BernoulliJobSource>()),
      m_exponential(CreateObject<ExponentialRandomVariable>())
{
}

LlmRequestSource::~LlmRequestSource() = default;

void
LlmRequestSource::DoDispose()
{
    m_event.Cancel();
    m_bernoulli->Dispose();
    InferenceEndpoint::DoDispose();
}

int64_t
LlmRequestSource::AssignStreams(int64_t stream)
{
    m_bernoulli->AssignStreams(stream);
    m_exponential->SetStream(stream + 1);
    int64_t n = 2;
    for (const auto& rv : {m_inputTokens, m_outputTokens})
    {
        if (rv)
        {
            rv->SetStream(stream + n++);
        }
    }
    return n;
}

uint64_t
LlmRequestSource::GetGenerated() const
{
    return m_generated;
}

void
LlmRequestSource::StartApplication()
{
    InferenceEndpoint::StartApplication();
    if (m_arrivals == "bernoulli")
    {
        if (!(m_probability >= 0 && m_probability <= 1))
        {
            LLM_EDGE_CONFIG_ERROR("LlmRequestSource: invalid Probability = " << m_probability
                                                                      << ": must lie in [0, 1]");
        }
        if (!m_slot.IsStrictlyPositive())
        {
            LLM_EDGE_CONFIG_ERROR("LlmRequestSource: invalid SlotDuration = " << m_slot.As(Time::S)
                                                                      << ": must be > 0");
        }
        m_bernoulli->SetAttribute("Probability", DoubleValue(m_probability));
        m_bernoulli->SetAttribute("SlotDuration", TimeValue(m_slot));
        m_bernoulli->SetArrivalCallback(MakeCallback(&LlmRequestSource::OnBernoulliArrival, this));
    }
    else if (m_arrivals == "poisson")
    {
        // The mean gap 1 / rate is at most 1e6 s, so that every drawn gap
        // (at most about 37 means) stays far inside Time's range.
        if (!(m_rate >= 1e-6 && m_rate <= 1e9))
        {
            LLM_EDGE_CONFIG_ERROR("LlmRequestSource: invalid RatePerSecond = "
                                  << m_rate << ": must lie in [1e-06, 1e9] per second");
        }
        m_exponential->SetAttribute("Mean", DoubleValue(1.0 / m_rate));
    }
    else if (m_arrivals == "trace" || m_arrivals == "workload")
    {
        bool trace = m_arrivals == "trace";
        try
        {
            if (trace)
            {
                m_trace = JobTrace::LoadCsv(m_traceFile);
            }
            else
            {
                m_workload = RequestWorkload::LoadCsv(m_workloadFile);
                m_trace.clear(); // arrivals as a trace; tokens by the same index
                for (const auto& r : m_workload)
                {
                    m_trace.push_back(r.arrivalS);
                }
            }
        }
        catch (const ConfigError& e)
        {
            LLM_EDGE_CONFIG_ERROR("LlmRequestSource: " << (trace ? "TraceFile" : "WorkloadFile")
                                                       << ": " << e.what());
        }
        while (m_traceIndex < m_trace.size() && m_trace[m_traceIndex] < Simulator::Now().GetSeconds())
        {
            ++m_traceIndex;
        }
    }
    else
    {
        LLM_EDGE_CONFIG_ERROR("LlmRequestSource: invalid Arrivals = '"
                       << m_arrivals << "': expected bernoulli, poisson, trace or workload");
    }
    ScheduleNext();
}

void
LlmRequestSource::Halt()
{
    m_event.Cancel();
    m_bernoulli->Stop();
}

void
LlmRequestSource::Restart()
{
    Halt();
    ScheduleNext();
}

void
LlmRequestSource::StopApplication()
{
    Halt();
    InferenceEndpoint::StopApplication();
}

void
LlmRequestSource::ScheduleNext()
{
    Time now = Simulator::Now();
    if (m_arrivals == "bernoulli")
    {
        // From the slot that starts at or after now, one draw per slot in its
        // middle (ArrivalOffset 0.5: never on a stage boundary), until halted.
        auto first = static_cast<uint64_t>(std::ceil(now.GetSeconds() / m_slot.GetSeconds() - 1e-9));
        m_bernoulli->Start(first, UINT64_MAX);
    }
    else if (m_arrivals == "poisson")
    {
        m_event = Simulator::Schedule(Seconds(m_exponential->GetValue()), &LlmRequestSource::NewJob, this);
    }
    else if (m_traceIndex < m_trace.size())
    {
        m_event = Simulator::Schedule(Seconds(m_trace[m_traceIndex]) - now, &LlmRequestSource::NewJob, this);
    }
}

void
LlmRequestSource::NewJob()
{
    InferenceJob job;
    if (m_arrivals == "workload")
    {
        job.inputTokens = m_workload[m_traceIndex].inputTokens;
        job.outputTokens = m_workload[m_traceIndex].outputTokens;
        ++m_traceIndex;
    }
    else if (m_arrivals == "trace")
    {
        ++m_traceIndex;
    }
    if (m_arrivals != "workload")
    {
        job.inputTokens = DrawTokens(m_inputTokens);
        job.outputTokens = DrawTokens(m_outputTokens);
    }
    job.id = m_generated++;
    job.created = Simulator::Now();
    GetPipeline()->NotifyArrival(job);
    GetPipeline()->Dispatch(job, 0, this);
    if (m_arrivals != "bernoulli") // the Bernoulli source keeps its own slots
    {
        ScheduleNext();
    }
}

void
LlmRequestSource::OnBernoulliArrival(uint64_t /* arrival */)
{
    NewJob();
}

uint32_t
LlmRequestSource::DrawTokens(const Ptr<RandomVariableStream>& rv)
{
    if (!rv)
    {
        return 0;
    }
    double v = std::round(rv->GetValue());
    if (!(v >= 1)) // also NaN
    {
        return 1;
    }
    return static_cast<uint32_t>(std::min(v, static_cast<double>(kMaxTokensPerRequest)));
}

uint32_t
LlmRequestSource::DoGetHop() const
{
    return GetPipeline()->GetNLayers(); // the return hop
}

void
LlmRequestSource::DoReceiveJob(const InferenceJob& job)
{
    GetPipeline()->NotifyCompletion(job);
}

} // namespace llmedge
} // namespace ns3
