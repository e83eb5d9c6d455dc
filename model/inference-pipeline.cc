/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "inference-pipeline.h"

#include "config-error.h"

#include "llm-block-application.h"
#include "llm-request-source.h"

#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("InferencePipeline");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(InferencePipeline);

TypeId
InferencePipeline::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::InferencePipeline")
            .SetParent<Object>()
            .SetGroupName("LlmEdge")
            .AddConstructor<InferencePipeline>()
            .AddAttribute("Transport",
                          "\"zero-communication\" (hand-over with no packets and no delay, the "
                          "paper's baseline) or \"tcp\" (activations over TCP on real links).",
                          StringValue("zero-communication"),
                          MakeStringAccessor(&InferencePipeline::m_transport),
                          MakeStringChecker())
            .AddAttribute("PayloadBytes",
                          "Activation bytes per hop (default 64 x 16 x 512 values of 2 bytes).",
                          UintegerValue(64 * 16 * 512 * 2),
                          MakeUintegerAccessor(&InferencePipeline::m_payloadBytes),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Completed",
                            "A job's result reached the source: (job id, latency).",
                            MakeTraceSourceAccessor(&InferencePipeline::m_completedTrace),
                            "ns3::llmedge::InferencePipeline::CompletedCallback")
            .AddTraceSource("Dropped",
                            "A job was dropped: (job id, layer, DropReason).",
                            MakeTraceSourceAccessor(&InferencePipeline::m_droppedTrace),
                            "ns3::llmedge::InferencePipeline::DroppedCallback");
    return tid;
}

InferencePipeline::InferencePipeline()
    : m_transport("zero-communication"),
      m_payloadBytes(64 * 16 * 512 * 2)
{
}

InferencePipeline::~InferencePipeline() = default;

void
InferencePipeline::DoDispose()
{
    m_scheduler = nullptr;
    m_layers.clear();
    m_appOf.clear();
    m_source = nullptr;
    Object::DoDispose();
}

void
InferencePipeline::SetScheduler(Ptr<SemiMarkovScheduler> scheduler)
{
    NS_ABORT_MSG_IF(!m_layers.empty(), "InferencePipeline: set the scheduler before the layers");
    m_scheduler = scheduler;
}

Ptr<SemiMarkovScheduler>
InferencePipeline::GetScheduler() const
{
    return m_scheduler;
}

uint32_t
InferencePipeline::AddLayer(const std::vector<Ptr<LlmBlockApplication>>& apps)
{
    NS_ABORT_MSG_IF(!m_scheduler, "InferencePipeline: no scheduler set");
    NS_ABORT_MSG_IF(apps.empty(), "InferencePipeline: layer " << m_layers.size() << " is empty");
    if (m_transport != "zero-communication" && m_transport != "tcp")
    {
        LLM_EDGE_CONFIG_ERROR("InferencePipeline: invalid Transport = '"
                       << m_transport << "': expected zero-communication or tcp");
    }
    std::vector<Ptr<EnergyHarvestingOrinDevice>> devices;
    uint32_t layer = static_cast<uint32_t>(m_layers.size());
    for (const auto& a : apps)
    {
        NS_ABORT_MSG_IF(!a || !a->GetDevice(),
                        "InferencePipeline: layer " << layer << " has an application without device");
        a->SetLayer(layer);
        a->SetPipeline(this);
        devices.push_back(a->GetDevice());
        m_appOf[PeekPointer(a->GetDevice())] = a;
    }
    uint32_t sl = m_scheduler->AddLayer(devices);
    NS_ASSERT(sl == layer);
    m_layers.push_back(apps);
    return layer;
}

uint32_t
InferencePipeline::GetNLayers() const
{
    return static_cast<uint32_t>(m_layers.size());
}

const std::vector<Ptr<LlmBlockApplication>>&
InferencePipeline::GetLayer(uint32_t layer) const
{
    return m_layers.at(layer);
}

void
InferencePipeline::SetSource(Ptr<LlmRequestSource> source)
{
    m_source = source;
    source->SetPipeline(this);
}

Ptr<LlmRequestSource>
InferencePipeline::GetSource() const
{
    return m_source;
}

bool
InferencePipeline::UsesNetwork() const
{
    return m_transport == "tcp";
}

uint32_t
InferencePipeline::GetPayloadBytes() const
{
    return m_payloadBytes;
}

void
InferencePipeline::Dispatch(InferenceJob job, uint32_t layer, Ptr<InferenceEndpoint> from)
{
    job.layer = layer;
    job.payloadBytes = m_payloadBytes;
    Ptr<EnergyHarvestingOrinDevice> d = m_scheduler->Select(layer);
    if (!d)
    {
        Drop(job, NO_DEVICE);
        return;
    }
    Ptr<LlmBlockApplication> to = m_appOf.at(PeekPointer(d));
    if (UsesNetwork() && to->GetNode() != from->GetNode())
    {
        from->SendJob(to->GetListenAddress(), job);
    }
    else
    {
        to->ReceiveJob(job);
    }
}

void
InferencePipeline::Finish(InferenceJob job, Ptr<InferenceEndpoint> from)
{
    NS_ABORT_MSG_IF(!m_source, "InferencePipeline: no request source set");
    if (UsesNetwork() && m_source->GetNode() != from->GetNode())
    {
        from->SendJob(m_source->GetListenAddress(), job);
    }
    else
    {
        m_source->ReceiveJob(job);
    }
}

void
InferencePipeline::NotifyArrival(const InferenceJob& /* job */)
{
    ++m_arrived;
}

void
InferencePipeline::NotifyCompletion(const InferenceJob& job)
{
    ++m_completed;
    Completion c{job.id, Simulator::Now() - job.created, job.queueWait, job.compute, job.network};
    m_completions.push_back(c);
    m_completedTrace(job.id, c.latency);
}

void
InferencePipeline::Drop(const InferenceJob& job, DropReason reason)
{
    ++m_dropped.at(reason);
    m_droppedTrace(job.id, job.layer, reason);
}

uint64_t
InferencePipeline::GetArrived() const
{
    return m_arrived;
}

uint64_t
InferencePipeline::GetCompleted() const
{
    return m_completed;
}

uint64_t
InferencePipeline::GetDropped(DropReason r) const
{
    return m_dropped.at(r);
}

uint64_t
InferencePipeline::GetDroppedTotal() const
{
    uint64_t n = 0;
    for (auto v : m_dropped)
    {
        n += v;
    }
    return n;
}

uint64_t
InferencePipeline::GetInFlight() const
{
    return m_arrived - m_completed - GetDroppedTotal();
}

const std::vector<InferencePipeline::Completion>&
InferencePipeline::GetCompletions() const
{
    return m_completions;
}

void
InferencePipeline::ResetStatistics()
{
    m_arrived = 0;
    m_completed = 0;
    m_dropped.fill(0);
    m_completions.clear();
}

std::string
InferencePipeline::DropReasonName(DropReason r)
{
    switch (r)
    {
    case NO_DEVICE:
        return "no-device";
    case QUEUE_FULL:
        return "queue-full";
    case POWER_SAVING:
        return "power-saving";
    case LINK_FAILURE:
        return "link-failure";
    case DEPLETED:
        return "depleted";
    default:
        return "unknown";
    }
}

} // namespace llmedge
} // namespace ns3
