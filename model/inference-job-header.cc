/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "inference-job-header.h"

namespace ns3
{
namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(InferenceJobHeader);

namespace
{
constexpr uint32_t kMagic = 0x4C4C4D45; // "LLME": guards against stream misalignment
} // namespace

TypeId
InferenceJobHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::InferenceJobHeader")
                            .SetParent<Header>()
                            .SetGroupName("LlmEdge")
                            .AddConstructor<InferenceJobHeader>();
    return tid;
}

TypeId
InferenceJobHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

InferenceJobHeader::InferenceJobHeader() = default;

InferenceJobHeader::InferenceJobHeader(const InferenceJob& job)
    : m_job(job)
{
}

const InferenceJob&
InferenceJobHeader::GetJob() const
{
    return m_job;
}

uint32_t
InferenceJobHeader::GetStaticSize()
{
    return 4 + 8 + 4 + 4 + 4 + 5 * 8;
}

uint32_t
InferenceJobHeader::GetSerializedSize() const
{
    return GetStaticSize();
}

void
InferenceJobHeader::Serialize(Buffer::Iterator i) const
{
    i.WriteHtonU32(kMagic);
    i.WriteHtonU64(m_job.id);
    i.WriteHtonU32(m_job.sourceNode);
    i.WriteHtonU32(m_job.layer);
    i.WriteHtonU32(m_job.payloadBytes);
    for (const Time* t : {&m_job.created, &m_job.queueWait, &m_job.compute, &m_job.network, &m_job.sentAt})
    {
        i.WriteHtonU64(static_cast<uint64_t>(t->GetTimeStep()));
    }
}

uint32_t
InferenceJobHeader::Deserialize(Buffer::Iterator i)
{
    uint32_t magic = i.ReadNtohU32();
    NS_ABORT_MSG_IF(magic != kMagic, "InferenceJobHeader: corrupt stream (magic " << magic << ")");
    m_job.id = i.ReadNtohU64();
    m_job.sourceNode = i.ReadNtohU32();
    m_job.layer = i.ReadNtohU32();
    m_job.payloadBytes = i.ReadNtohU32();
    for (Time* t : {&m_job.created, &m_job.queueWait, &m_job.compute, &m_job.network, &m_job.sentAt})
    {
        *t = TimeStep(static_cast<int64_t>(i.ReadNtohU64()));
    }
    return GetStaticSize();
}

void
InferenceJobHeader::Print(std::ostream& os) const
{
    os << "job=" << m_job.id << " layer=" << m_job.layer << " payload=" << m_job.payloadBytes;
}

} // namespace llmedge
} // namespace ns3
