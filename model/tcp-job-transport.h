/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_TCP_JOB_TRANSPORT_H
#define LLM_EDGE_TCP_JOB_TRANSPORT_H

#include "job-transport.h"

#include "ns3/address.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/socket.h"

#include <map>
#include <utility>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Activations over TCP on the real links
 * (InferencePipeline::Transport = "tcp"): one connection per transfer,
 * carrying an InferenceJobHeader then the payload.
 *
 * Owns every socket of the job path: a listening socket per endpoint (on
 * the endpoint's InferenceEndpoint::Port, first IPv4 address of its node),
 * the sending and the receiving side of each transfer. A transfer is
 * delivered when the receiver holds the whole payload, and fails when the
 * connection fails or closes early, or when it makes no progress
 * (connection set up or bytes acknowledged) for the sender's
 * InferenceEndpoint::TransferTimeout; its job is then dropped with
 * LINK_FAILURE. Hops between two endpoints of one node are handed over at
 * once.
 */
class TcpJobTransport : public JobTransport
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TcpJobTransport();
    ~TcpJobTransport() override;

    bool UsesNetwork() const override;
    void Attach(Ptr<InferenceEndpoint> endpoint) override;
    void Detach(Ptr<InferenceEndpoint> endpoint) override;
    void Send(const InferenceJob& job,
              uint32_t hop,
              Ptr<InferenceEndpoint> from,
              Ptr<InferenceEndpoint> to) override;
    uint32_t GetTransfersOutstanding(Ptr<const InferenceEndpoint> sender) const override;
    void ForgetOpenTransfers() override;

    /**
     * \param endpoint an endpoint
     * \return where it listens: the first IPv4 address of its node and its Port
     */
    static Address GetListenAddress(Ptr<const InferenceEndpoint> endpoint);

  protected:
    /// Release the references held (ns-3 Object)
    void DoDispose() override;

  private:
    /// A transfer between its start and its end (delivered or failed).
    struct Open
    {
        InferenceJob job;              ///< the job as sent
        Ptr<InferenceEndpoint> sender; ///< its sender
        uint32_t toNode{0};            ///< receiving node (for the delay estimate)
    };

    /// The sending side of a transfer.
    struct Outgoing
    {
        Ptr<InferenceEndpoint> sender; ///< the sending endpoint
        InferenceJob job;              ///< the job
        uint32_t hop;                  ///< its hop
        uint32_t remaining;            ///< bytes still to hand to the socket
        bool headerSent;               ///< header handed to the socket
        Time lastProgress;             ///< connection or acknowledged bytes, last time
        EventId timer;                 ///< inactivity check
    };

    /// The receiving side of a transfer.
    struct Incoming
    {
        Ptr<InferenceEndpoint> receiver; ///< the receiving endpoint
        Ptr<Packet> buffer;              ///< bytes received, not yet consumed
        bool haveHeader{false};          ///< header read
        InferenceJob job;                ///< the job, from the header
        uint32_t payloadLeft{0};         ///< payload bytes still to come
    };

    void HandleAccept(Ptr<Socket> s, const Address& from);
    void HandleRead(Ptr<Socket> s);
    void HandlePeerClose(Ptr<Socket> s);
    void ConnectionSucceeded(Ptr<Socket> s);
    void ConnectionFailed(Ptr<Socket> s);
    void SendMore(Ptr<Socket> s, uint32_t available);
    void Fail(Ptr<Socket> s);
    void CheckProgress(Ptr<Socket> s);
    /// \brief End the sending side (timer, callbacks). \param it the transfer
    void Forget(std::map<Ptr<Socket>, Outgoing>::iterator it);
    /**
     * \brief The receiver holds the whole payload: end the transfer and hand
     * the job over (discarded when its sender gave up first).
     * \param receiver the receiving endpoint \param job the job as received
     */
    void Deliver(Ptr<InferenceEndpoint> receiver, InferenceJob job);
    /**
     * \brief End an open transfer as failed (its job is dropped).
     * \param jobId the job \param hop the hop
     */
    void FailOpen(uint64_t jobId, uint32_t hop);

    std::map<std::pair<uint64_t, uint32_t>, Open> m_open; ///< by (job id, hop)
    std::map<Ptr<Socket>, Outgoing> m_outgoing;           ///< transfers being sent
    std::map<Ptr<Socket>, Incoming> m_incoming;           ///< transfers being received
    std::map<Ptr<InferenceEndpoint>, Ptr<Socket>> m_listeners; ///< listening sockets
    std::map<std::pair<uint32_t, uint16_t>, Ptr<InferenceEndpoint>>
        m_byAddress;                                      ///< by (node id, port)
    std::map<const InferenceEndpoint*, uint32_t> m_sending; ///< outgoing, by sender
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_TCP_JOB_TRANSPORT_H */
