/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "job-transport.h"

#include "inference-endpoint.h"
#include "inference-pipeline.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("JobTransport");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(JobTransport);

TypeId
JobTransport::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::JobTransport").SetParent<Object>().SetGroupName("LlmEdge");
    return tid;
}

JobTransport::JobTransport() = default;

JobTransport::~JobTransport() = default;

void
JobTransport::SetPipeline(Ptr<InferencePipeline> pipeline)
{
    m_pipeline = pipeline;
}

Ptr<InferencePipeline>
JobTransport::GetPipeline() const
{
    return m_pipeline;
}

void
JobTransport::DoDispose()
{
    m_pipeline = nullptr;
    Object::DoDispose();
}

void
JobTransport::Attach(Ptr<InferenceEndpoint> /* endpoint */)
{
}

void
JobTransport::Detach(Ptr<InferenceEndpoint> /* endpoint */)
{
}

void
JobTransport::Send(const InferenceJob& job,
                   uint32_t hop,
                   Ptr<InferenceEndpoint> /* from */,
                   Ptr<InferenceEndpoint> to)
{
    NS_LOG_FUNCTION(this << job.id << hop);
    to->ReceiveJob(job);
}

uint32_t
JobTransport::GetTransfersOutstanding(Ptr<const InferenceEndpoint> /* sender */) const
{
    return 0;
}

void
JobTransport::ForgetOpenTransfers()
{
}

} // namespace llmedge
} // namespace ns3
