/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_JOB_TRANSPORT_H
#define LLM_EDGE_JOB_TRANSPORT_H

#include "inference-job-header.h"

#include "ns3/object.h"
#include "ns3/ptr.h"

namespace ns3
{
namespace llmedge
{

class InferenceEndpoint;
class InferencePipeline;

/**
 * \ingroup llm-edge
 * \brief How a job's activations move from one endpoint to the next: the
 * last step of the job's path (source -> policy -> device -> transport ->
 * next layer).
 *
 * The one owner of whatever carries jobs (sockets, connections, transfer
 * state): endpoints only receive jobs and the pipeline only counts. A
 * transport reports every transfer's outcome to its pipeline
 * (InferencePipeline::NotifyTransferBegun, NotifyTransferDelivered,
 * NotifyTransferFailed), so jobs on the wire are accounted for and a failed
 * transfer ends its job as dropped (LINK_FAILURE).
 *
 * The base class hands a job over at once, with no packet and no delay (the
 * paper's zero-communication baseline, and every hop between two endpoints
 * of one node). Subclasses carry it over the network (TcpJobTransport); a
 * user's own transport (UDP, a modelled delay) overrides Send and, when it
 * listens, Attach and Detach.
 */
class JobTransport : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    JobTransport();
    ~JobTransport() override;

    /// \param pipeline the pipeline told of every transfer's outcome
    void SetPipeline(Ptr<InferencePipeline> pipeline);

    /// \return true when jobs between nodes cross the network (packets, delay)
    virtual bool UsesNetwork() const = 0;

    /**
     * \brief An endpoint starts (its application's StartApplication): a
     * network transport starts listening for it.
     * \param endpoint the endpoint
     */
    virtual void Attach(Ptr<InferenceEndpoint> endpoint);

    /**
     * \brief An endpoint stops: a network transport stops listening for it.
     * \param endpoint the endpoint
     */
    virtual void Detach(Ptr<InferenceEndpoint> endpoint);

    /**
     * \brief Move a job to the endpoint that runs its next step. The base
     * class hands it over at once (to->ReceiveJob).
     * \param job the job
     * \param hop its hop (layer of the receiver; the number of layers for the
     * return to the source)
     * \param from the sending endpoint
     * \param to the receiving endpoint
     */
    virtual void Send(const InferenceJob& job,
                      uint32_t hop,
                      Ptr<InferenceEndpoint> from,
                      Ptr<InferenceEndpoint> to);

    /**
     * \param sender an endpoint
     * \return its transfers not yet delivered or failed (0 without network)
     */
    virtual uint32_t GetTransfersOutstanding(Ptr<const InferenceEndpoint> sender) const;

    /**
     * \brief A new replication on the same deployment: transfers still open
     * end unaccounted (their late deliveries are discarded, their failures
     * drop nothing).
     */
    virtual void ForgetOpenTransfers();

  protected:
    /// Release the references held (ns-3 Object)
    void DoDispose() override;

    /// \return the pipeline
    Ptr<InferencePipeline> GetPipeline() const;

  private:
    Ptr<InferencePipeline> m_pipeline; ///< told of outcomes
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_JOB_TRANSPORT_H */
