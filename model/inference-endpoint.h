/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_INFERENCE_ENDPOINT_H
#define LLM_EDGE_INFERENCE_ENDPOINT_H

#include "inference-job-header.h"

#include "ns3/application.h"
#include "ns3/nstime.h"

namespace ns3
{
namespace llmedge
{

class InferencePipeline;

/**
 * \ingroup llm-edge
 * \brief Base of the applications that exchange jobs (the request source
 * and the block applications): an endpoint receives jobs and hands the jobs
 * it is done with to its pipeline, which picks the next endpoint and moves
 * the job there through its JobTransport.
 *
 * The transport owns whatever carries the job (with TcpJobTransport: the
 * endpoint's listening socket, on Port, and one connection per transfer);
 * the endpoint only holds the attributes of its side: the port it listens
 * on and how long a transfer it sends may make no progress
 * (TransferTimeout) before its job is dropped with LINK_FAILURE.
 */
class InferenceEndpoint : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    InferenceEndpoint();
    ~InferenceEndpoint() override;

    /// \param pipeline the pipeline this endpoint belongs to
    void SetPipeline(Ptr<InferencePipeline> pipeline);
    /// \return the pipeline
    Ptr<InferencePipeline> GetPipeline() const;

    /// \return the port on which a network transport receives jobs for it (attribute Port)
    uint16_t GetPort() const;
    /// \return how long a transfer it sends may make no progress (attribute TransferTimeout)
    Time GetTransferTimeout() const;

    /// \return its transfers not yet delivered or failed (0 without network)
    uint32_t GetTransfersOutstanding() const;

    /// \return its hop: the layer it serves, or the number of layers for the source
    uint32_t GetHop() const;

    /**
     * \brief A job arrives (from the transport).
     * \param job the job
     */
    void ReceiveJob(const InferenceJob& job);

  protected:
    /// Release the references held (ns-3 Object)
    void DoDispose() override;
    /// Start: attach to the pipeline's transport (ns-3 Application)
    void StartApplication() override;
    /// Stop: detach from the transport (ns-3 Application)
    void StopApplication() override;

  private:
    /**
     * \brief Handle a job that has arrived.
     * \param job the job
     */
    virtual void DoReceiveJob(const InferenceJob& job) = 0;

    /// \return the hop of this endpoint (see GetHop)
    virtual uint32_t DoGetHop() const = 0;

    uint16_t m_port;                   ///< attribute Port
    Time m_transferTimeout;            ///< attribute TransferTimeout
    Ptr<InferencePipeline> m_pipeline; ///< the pipeline
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_INFERENCE_ENDPOINT_H */
