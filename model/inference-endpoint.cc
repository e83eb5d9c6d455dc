/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "inference-endpoint.h"

#include "inference-pipeline.h"
#include "job-transport.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("InferenceEndpoint");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(InferenceEndpoint);

TypeId
InferenceEndpoint::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::InferenceEndpoint")
                            .SetParent<Application>()
                            .SetGroupName("LlmEdge")
                            .AddAttribute("Port",
                                          "Port on which a network transport (TcpJobTransport) receives "
                                          "this endpoint's jobs.",
                                          UintegerValue(9000),
                                          MakeUintegerAccessor(&InferenceEndpoint::m_port),
                                          MakeUintegerChecker<uint16_t>(1))
                            .AddAttribute("TransferTimeout",
                                          "A transfer this endpoint sends with no progress "
                                          "(connection set up or bytes acknowledged) for this "
                                          "long fails: its job is "
                                          "dropped with LINK_FAILURE. Above TCP's retransmission "
                                          "timeouts of a healthy link (s of backoff).",
                                          TimeValue(Seconds(30)),
                                          MakeTimeAccessor(&InferenceEndpoint::m_transferTimeout),
                                          MakeTimeChecker(MilliSeconds(1)));
    return tid;
}

InferenceEndpoint::InferenceEndpoint()
    : m_port(9000),
      m_transferTimeout(Seconds(30))
{
}

InferenceEndpoint::~InferenceEndpoint() = default;

void
InferenceEndpoint::SetPipeline(Ptr<InferencePipeline> pipeline)
{
    m_pipeline = pipeline;
}

Ptr<InferencePipeline>
InferenceEndpoint::GetPipeline() const
{
    return m_pipeline;
}

uint16_t
InferenceEndpoint::GetPort() const
{
    return m_port;
}

Time
InferenceEndpoint::GetTransferTimeout() const
{
    return m_transferTimeout;
}

void
InferenceEndpoint::DoDispose()
{
    m_pipeline = nullptr;
    Application::DoDispose();
}

void
InferenceEndpoint::StartApplication()
{
    NS_ABORT_MSG_IF(!m_pipeline, "InferenceEndpoint: no pipeline set");
    NS_ABORT_MSG_IF(!m_pipeline->GetTransport(),
                    "InferenceEndpoint: the pipeline has no layer (and so no transport) yet");
    m_pipeline->GetTransport()->Attach(this);
}

void
InferenceEndpoint::StopApplication()
{
    if (m_pipeline && m_pipeline->GetTransport())
    {
        m_pipeline->GetTransport()->Detach(this);
    }
}

void
InferenceEndpoint::ReceiveJob(const InferenceJob& job)
{
    NS_LOG_FUNCTION(this << job.id << job.layer);
    DoReceiveJob(job);
}

uint32_t
InferenceEndpoint::GetTransfersOutstanding() const
{
    if (!m_pipeline || !m_pipeline->GetTransport())
    {
        return 0;
    }
    return m_pipeline->GetTransport()->GetTransfersOutstanding(this);
}

uint32_t
InferenceEndpoint::GetHop() const
{
    return DoGetHop();
}

} // namespace llmedge
} // namespace ns3
