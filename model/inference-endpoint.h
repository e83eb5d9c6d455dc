/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_INFERENCE_ENDPOINT_H
#define LLM_EDGE_INFERENCE_ENDPOINT_H

#include "inference-job-header.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/socket.h"

#include <map>

namespace ns3
{
namespace llmedge
{

class InferencePipeline;

/**
 * \ingroup llm-edge
 * \brief Base of the applications that exchange jobs: receives and sends a
 * job's activations, either handed over directly (the paper's
 * zero-communication baseline) or as an InferenceJobHeader followed by the
 * payload over a TCP connection per transfer.
 *
 * A transfer is registered with the pipeline (InferencePipeline::
 * BeginTransfer) and stays in the sender's table, with the socket's error
 * callbacks, until it ends in exactly one way: the receiver holds the whole
 * payload (InferencePipeline::DeliverTransfer, which tells the sender), or
 * it fails (the connection fails or closes in error, or no progress, i.e. no
 * acknowledged bytes, for TransferTimeout) and the job is dropped with
 * LINK_FAILURE. The receiver is authoritative: a payload completed after the
 * sender gave up is discarded, a sender never drops a delivered job.
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

    /// \return the address peers send to (IPv4 address and Port)
    Address GetListenAddress() const;

    /**
     * \brief Send a job's activations to another endpoint over TCP.
     * \param peer its listen address
     * \param job the job (its sentAt is set here)
     * \param hop the hop (layer of the receiver; the number of layers for the
     * return to the source)
     */
    void SendJob(const Address& peer, InferenceJob job, uint32_t hop);

    /**
     * \brief The receiver of a transfer this endpoint sent holds its whole
     * payload (called by the pipeline): forget the transfer.
     * \param jobId the job
     * \param hop the hop
     */
    void NotifyDelivered(uint64_t jobId, uint32_t hop);

    /// \return transfers sent and not ended yet (delivered or failed)
    uint32_t GetTransfersOutstanding() const;

    /// \return the hop on which this endpoint receives jobs
    uint32_t GetHop() const;

    /**
     * \brief A job arrives (from the network or handed over directly).
     * \param job the job
     */
    void ReceiveJob(const InferenceJob& job);

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

  private:
    /**
     * \brief Handle a job that has arrived.
     * \param job the job
     */
    virtual void DoReceiveJob(const InferenceJob& job) = 0;

    /// \return the hop on which this endpoint receives jobs
    virtual uint32_t DoGetHop() const = 0;

    /// A transfer being sent, until delivered or failed.
    struct Outgoing
    {
        InferenceJob job;   ///< the job
        uint32_t hop;       ///< its hop
        uint32_t remaining; ///< bytes still to hand to the socket
        bool headerSent;    ///< header handed to the socket
        Time lastProgress;  ///< connection or acknowledged bytes, last time
        EventId timer;      ///< inactivity check
    };

    struct Incoming
    {
        Ptr<Packet> buffer;
        bool haveHeader{false};
        InferenceJob job;
        uint32_t payloadLeft{0};
    };

    void HandleAccept(Ptr<Socket> s, const Address& from);
    void HandleRead(Ptr<Socket> s);
    void HandlePeerClose(Ptr<Socket> s);
    void ConnectionSucceeded(Ptr<Socket> s);
    void ConnectionFailed(Ptr<Socket> s);
    void SendMore(Ptr<Socket> s, uint32_t available);
    void Fail(Ptr<Socket> s);
    void CheckProgress(Ptr<Socket> s);
    void Forget(std::map<Ptr<Socket>, Outgoing>::iterator it);

    uint16_t m_port;                            ///< attribute Port
    Time m_transferTimeout;                     ///< attribute TransferTimeout
    Ptr<InferencePipeline> m_pipeline;          ///< the pipeline
    Ptr<Socket> m_listen;                       ///< listening socket (TCP)
    std::map<Ptr<Socket>, Outgoing> m_outgoing; ///< transfers being sent
    std::map<Ptr<Socket>, Incoming> m_incoming; ///< transfers being received
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_INFERENCE_ENDPOINT_H */
