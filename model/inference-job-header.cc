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
constexpr uint32_t kTokenMask = 0xFFFFFF; // a token count on the wire: 24 bits
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
    // magic, id, tokens (two 24-bit counts), layer, payload, six times
    return 4 + 8 + 6 + 4 + 4 + 6 * 8;
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
    // Two 24-bit counts (kMaxTokensPerRequest = 2^20 fits) in 6 bytes.
    uint64_t tokens = (static_cast<uint64_t>(m_job.inputTokens & kTokenMask) << 24) |
                      (m_job.outputTokens & kTokenMask);
    i.WriteHtonU16(static_cast<uint16_t>(tokens >> 32));
    i.WriteHtonU32(static_cast<uint32_t>(tokens));
    i.WriteHtonU32(m_job.layer);
    i.WriteHtonU32(m_job.payloadBytes);
    for (const Time* t : {&m_job.created,
                          &m_job.queueWait,
                          &m_job.batchWait,
                          &m_job.compute,
                          &m_job.network,
                          &m_job.sentAt})
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
    uint64_t tokens = static_cast<uint64_t>(i.ReadNtohU16()) << 32;
    tokens |= i.ReadNtohU32();
    m_job.inputTokens = static_cast<uint32_t>(tokens >> 24) & kTokenMask;
    m_job.outputTokens = static_cast<uint32_t>(tokens) & kTokenMask;
    m_job.layer = i.ReadNtohU32();
    m_job.payloadBytes = i.ReadNtohU32();
    for (Time* t : {&m_job.created,
                    &m_job.queueWait,
                    &m_job.batchWait,
                    &m_job.compute,
                    &m_job.network,
                    &m_job.sentAt})
    {
        *t = TimeStep(static_cast<int64_t>(i.ReadNtohU64()));
    }
    return GetStaticSize();
}

void
InferenceJobHeader::Print(std::ostream& os) const
{
    os << "job=" << m_job.id << " layer=" << m_job.layer << " payload=" << m_job.payloadBytes
       << " tokens=" << m_job.inputTokens << "+" << m_job.outputTokens;
}

} // namespace llmedge
} // namespace ns3
