/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "llm-block-application.h"

#include "inference-pipeline.h"

#include "ns3/log.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LlmBlockApplication");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(LlmBlockApplication);

TypeId
LlmBlockApplication::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::LlmBlockApplication")
                            .SetParent<InferenceEndpoint>()
                            .SetGroupName("LlmEdge")
                            .AddConstructor<LlmBlockApplication>()
                            .AddTraceSource("BlockCompleted",
                                            "The block of a job ran here: (job id, layer, "
                                            "arrival here, service time, batch wait).",
                                            MakeTraceSourceAccessor(
                                                &LlmBlockApplication::m_blockCompletedTrace),
                                            "ns3::llmedge::LlmBlockApplication::"
                                            "BlockCompletedCallback");
    return tid;
}

LlmBlockApplication::LlmBlockApplication() = default;

LlmBlockApplication::~LlmBlockApplication() = default;

void
LlmBlockApplication::DoDispose()
{
    m_device = nullptr;
    m_jobs.clear();
    InferenceEndpoint::DoDispose();
}

void
LlmBlockApplication::SetDevice(Ptr<EnergyHarvestingOrinDevice> device)
{
    m_device = device;
}

Ptr<EnergyHarvestingOrinDevice>
LlmBlockApplication::GetDevice() const
{
    return m_device;
}

void
LlmBlockApplication::SetLayer(uint32_t layer)
{
    m_layer = layer;
}

uint32_t
LlmBlockApplication::GetLayer() const
{
    return m_layer;
}

uint32_t
LlmBlockApplication::GetJobsHeld() const
{
    return static_cast<uint32_t>(m_jobs.size());
}

void
LlmBlockApplication::Clear()
{
    for (std::size_t i = 0; i < m_jobs.size(); ++i)
    {
        GetPipeline()->NotifyReleased(m_layer);
    }
    m_jobs.clear();
}

uint32_t
LlmBlockApplication::DoGetHop() const
{
    return m_layer;
}

void
LlmBlockApplication::DoReceiveJob(const InferenceJob& job)
{
    uint64_t key = m_nextKey++;
    InferencePipeline::DropReason reason = InferencePipeline::DROP_REASONS;
    // Registered first: a slotted device may start the block at once.
    m_jobs[key] = Waiting{job, Simulator::Now()};
    GetPipeline()->NotifyHeld(m_layer);
    bool ok = m_device->SubmitJob(key,
                                  MakeCallback(&LlmBlockApplication::BlockDone, this),
                                  &reason,
                                  JobTokens{job.inputTokens, job.outputTokens});
    NS_LOG_INFO("node " << GetNode()->GetId() << " layer " << m_layer << ": job " << job.id
                        << (ok ? " accepted" : " refused"));
    if (!ok)
    {
        m_jobs.erase(key);
        GetPipeline()->NotifyReleased(m_layer);
        GetPipeline()->Drop(job, reason); // the device's reason is the pipeline's
    }
}

void
LlmBlockApplication::BlockDone(uint64_t key, bool completed)
{
    auto it = m_jobs.find(key);
    NS_ASSERT_MSG(it != m_jobs.end(), "unknown device job " << key);
    InferenceJob job = it->second.job;
    Time stay = Simulator::Now() - it->second.arrived;
    m_jobs.erase(it);
    GetPipeline()->NotifyReleased(m_layer);
    if (!completed)
    {
        GetPipeline()->Drop(job, InferencePipeline::DEPLETED);
        return;
    }
    Time service = m_device->GetLastServiceTime();
    Time batchWait = m_device->GetLastBatchWait();
    NS_LOG_INFO("node " << GetNode()->GetId() << " layer " << m_layer << ": job " << job.id
                        << " ran " << service.As(Time::S) << " after "
                        << (stay - service).As(Time::S) << " queued");
    job.compute += service;
    job.batchWait += batchWait;
    job.queueWait += stay - service - batchWait;
    m_blockCompletedTrace(job.id, m_layer, Simulator::Now() - stay, service, batchWait);
    if (m_layer + 1 < GetPipeline()->GetNLayers())
    {
        GetPipeline()->Dispatch(job, m_layer + 1, this);
    }
    else
    {
        GetPipeline()->Finish(job, this);
    }
}

} // namespace llmedge
} // namespace ns3
