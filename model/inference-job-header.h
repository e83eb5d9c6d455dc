/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_INFERENCE_JOB_HEADER_H
#define LLM_EDGE_INFERENCE_JOB_HEADER_H

#include "ns3/header.h"
#include "ns3/nstime.h"

#include <cstdint>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief What travels with a job's activations: its identity, where it is in
 * the pipeline and the time it has spent so far, split by cause.
 */
struct InferenceJob
{
    uint64_t id{0};          ///< job id (unique per request source)
    uint32_t inputTokens{0};  ///< prompt tokens of the request (0: no token model)
    uint32_t outputTokens{0}; ///< tokens the request generates (0: no token model)
    uint32_t layer{0};       ///< layer whose block runs next (or ran last)
    uint32_t payloadBytes{0}; ///< activation bytes carried between layers
    Time created;            ///< arrival at the source
    Time queueWait;          ///< total time waiting at devices while they were busy or saving
    Time batchWait;          ///< total time waiting at idle devices for a batch to form
    Time compute;            ///< total time running blocks
    Time network;            ///< total time in transit
    Time sentAt;             ///< when the current transfer started
};

/**
 * \ingroup llm-edge
 * \brief ns-3 header carrying an InferenceJob before its payload (TCP).
 */
class InferenceJobHeader : public Header
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// \return the TypeId of this header (ns-3 Header)
    TypeId GetInstanceTypeId() const override;
    InferenceJobHeader();
    /// \param job the job to carry
    explicit InferenceJobHeader(const InferenceJob& job);

    /// \return the job
    const InferenceJob& GetJob() const;

    /// \return serialized size, bytes (constant)
    static uint32_t GetStaticSize();

    /// \return the header's size on the wire, bytes (ns-3 Header)
    uint32_t GetSerializedSize() const override;
    /// \param start where to write the header (ns-3 Header)
    void Serialize(Buffer::Iterator start) const override;
    /// \param start where to read the header \return bytes read (ns-3 Header)
    uint32_t Deserialize(Buffer::Iterator start) override;
    /// \param os the stream to print the header's fields to (ns-3 Header)
    void Print(std::ostream& os) const override;

  private:
    InferenceJob m_job; ///< the job
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_INFERENCE_JOB_HEADER_H */
