/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "tcp-job-transport.h"

#include "inference-endpoint.h"
#include "inference-pipeline.h"

#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TcpJobTransport");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(TcpJobTransport);

namespace
{
constexpr uint32_t kChunkBytes = 64 * 1024; // largest packet handed to TCP at once
} // namespace

TypeId
TcpJobTransport::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::TcpJobTransport")
                            .SetParent<JobTransport>()
                            .SetGroupName("LlmEdge")
                            .AddConstructor<TcpJobTransport>();
    return tid;
}

TcpJobTransport::TcpJobTransport() = default;

TcpJobTransport::~TcpJobTransport() = default;

bool
TcpJobTransport::UsesNetwork() const
{
    return true;
}

void
TcpJobTransport::DoDispose()
{
    for (auto& [s, o] : m_outgoing)
    {
        o.timer.Cancel();
    }
    m_outgoing.clear();
    m_incoming.clear();
    m_open.clear();
    m_listeners.clear();
    m_byAddress.clear();
    m_sending.clear();
    JobTransport::DoDispose();
}

Address
TcpJobTransport::GetListenAddress(Ptr<const InferenceEndpoint> endpoint)
{
    Ptr<Ipv4> ip = endpoint->GetNode()->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(!ip || ip->GetNInterfaces() < 2,
                    "TcpJobTransport: node " << endpoint->GetNode()->GetId()
                                             << " has no IPv4 interface: install the internet "
                                                "stack and assign addresses before the TCP "
                                                "transport is used");
    return InetSocketAddress(ip->GetAddress(1, 0).GetLocal(), endpoint->GetPort());
}

void
TcpJobTransport::Attach(Ptr<InferenceEndpoint> endpoint)
{
    Ptr<Node> node = endpoint->GetNode();
    const uint16_t port = endpoint->GetPort();
    Ptr<Socket> listen = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
    if (listen->Bind(InetSocketAddress(Ipv4Address::GetAny(), port)) != 0)
    {
        NS_FATAL_ERROR("TcpJobTransport: cannot bind TCP port " << port << " on node "
                                                                << node->GetId());
    }
    listen->Listen();
    listen->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                              MakeCallback(&TcpJobTransport::HandleAccept, this));
    m_listeners[endpoint] = listen;
    m_byAddress[std::make_pair(node->GetId(), port)] = endpoint;
}

void
TcpJobTransport::Detach(Ptr<InferenceEndpoint> endpoint)
{
    auto it = m_listeners.find(endpoint);
    if (it == m_listeners.end())
    {
        return;
    }
    it->second->Close();
    it->second->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeNullCallback<void, Ptr<Socket>, const Address&>());
}

void
TcpJobTransport::Send(const InferenceJob& sent,
                      uint32_t hop,
                      Ptr<InferenceEndpoint> from,
                      Ptr<InferenceEndpoint> to)
{
    if (from->GetNode() == to->GetNode())
    {
        JobTransport::Send(sent, hop, from, to); // no link between them
        return;
    }
    NS_LOG_FUNCTION(this << sent.id << hop);
    const Address peer = GetListenAddress(to);
    InferenceJob job = sent;
    job.sentAt = Simulator::Now();
    auto key = std::make_pair(job.id, hop);
    NS_ASSERT_MSG(m_open.find(key) == m_open.end(),
                  "TcpJobTransport: job " << job.id << " already on hop " << hop);
    m_open[key] = Open{job, from, to->GetNode()->GetId()};
    GetPipeline()->NotifyTransferBegun(job, hop);
    Ptr<Socket> s = Socket::CreateSocket(from->GetNode(), TcpSocketFactory::GetTypeId());
    s->Bind();
    Outgoing o{from, job, hop, InferenceJobHeader::GetStaticSize() + job.payloadBytes, false,
               Simulator::Now(), EventId()};
    // One inactivity check per timeout period at most; removed on delivery.
    o.timer = Simulator::Schedule(from->GetTransferTimeout(),
                                  &TcpJobTransport::CheckProgress,
                                  this,
                                  s);
    m_outgoing[s] = o;
    ++m_sending[PeekPointer(from)];
    // Error callbacks stay until the transfer ends (delivered or failed).
    s->SetConnectCallback(MakeCallback(&TcpJobTransport::ConnectionSucceeded, this),
                          MakeCallback(&TcpJobTransport::ConnectionFailed, this));
    s->SetCloseCallbacks(MakeCallback(&TcpJobTransport::Fail, this),
                         MakeCallback(&TcpJobTransport::Fail, this));
    s->SetSendCallback(MakeCallback(&TcpJobTransport::SendMore, this));
    s->Connect(peer);
}

uint32_t
TcpJobTransport::GetTransfersOutstanding(Ptr<const InferenceEndpoint> sender) const
{
    auto it = m_sending.find(PeekPointer(sender));
    return it == m_sending.end() ? 0 : it->second;
}

void
TcpJobTransport::ForgetOpenTransfers()
{
    m_open.clear();
}

void
TcpJobTransport::ConnectionSucceeded(Ptr<Socket> s)
{
    auto it = m_outgoing.find(s);
    if (it != m_outgoing.end())
    {
        it->second.lastProgress = Simulator::Now();
    }
    SendMore(s, s->GetTxAvailable());
}

void
TcpJobTransport::ConnectionFailed(Ptr<Socket> s)
{
    NS_LOG_WARN("node " << s->GetNode()->GetId() << ": connection failed, errno "
                        << s->GetErrno());
    Fail(s);
}

void
TcpJobTransport::Forget(std::map<Ptr<Socket>, Outgoing>::iterator it)
{
    Ptr<Socket> s = it->first;
    if (!it->second.timer.IsExpired())
    {
        it->second.timer.Remove(); // not counted as an executed event
    }
    --m_sending[PeekPointer(it->second.sender)];
    m_outgoing.erase(it);
    s->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                          MakeNullCallback<void, Ptr<Socket>>());
    s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                         MakeNullCallback<void, Ptr<Socket>>());
    s->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
}

void
TcpJobTransport::Fail(Ptr<Socket> s)
{
    auto it = m_outgoing.find(s);
    if (it == m_outgoing.end())
    {
        return; // the transfer has ended already
    }
    const uint64_t jobId = it->second.job.id;
    const uint32_t hop = it->second.hop;
    NS_LOG_WARN("node " << s->GetNode()->GetId() << ": transfer of job " << jobId << " on hop "
                        << hop << " failed with " << it->second.remaining
                        << " bytes not handed to TCP, errno " << s->GetErrno());
    bool queued = it->second.remaining == 0;
    Forget(it);
    if (!queued)
    {
        s->Close(); // nothing more will be sent (already closing otherwise)
    }
    FailOpen(jobId, hop); // drops the job unless the receiver took it
}

void
TcpJobTransport::FailOpen(uint64_t jobId, uint32_t hop)
{
    auto it = m_open.find(std::make_pair(jobId, hop));
    if (it == m_open.end())
    {
        return; // delivered, or failed from the other side, already
    }
    InferenceJob job = it->second.job;
    m_open.erase(it);
    GetPipeline()->NotifyTransferFailed(job, hop);
}

void
TcpJobTransport::CheckProgress(Ptr<Socket> s)
{
    auto it = m_outgoing.find(s);
    if (it == m_outgoing.end())
    {
        return;
    }
    const Time timeout = it->second.sender->GetTransferTimeout();
    Time idle = Simulator::Now() - it->second.lastProgress;
    if (idle < timeout)
    {
        it->second.timer =
            Simulator::Schedule(timeout - idle, &TcpJobTransport::CheckProgress, this, s);
        return;
    }
    NS_LOG_WARN("node " << s->GetNode()->GetId() << ": transfer of job " << it->second.job.id
                        << " made no progress for " << idle.As(Time::S));
    Fail(s);
}

void
TcpJobTransport::SendMore(Ptr<Socket> s, uint32_t /* available */)
{
    auto it = m_outgoing.find(s);
    if (it == m_outgoing.end())
    {
        return;
    }
    Outgoing& o = it->second;
    // Called when acknowledgements free buffer space: progress.
    o.lastProgress = Simulator::Now();
    if (o.remaining == 0)
    {
        return; // all queued; waiting for delivery
    }
    while (o.remaining > 0)
    {
        uint32_t room = s->GetTxAvailable();
        if (!o.headerSent)
        {
            if (room < InferenceJobHeader::GetStaticSize())
            {
                return;
            }
            Ptr<Packet> p = Create<Packet>();
            p->AddHeader(InferenceJobHeader(o.job));
            if (s->Send(p) < 0)
            {
                return;
            }
            o.headerSent = true;
            o.remaining -= InferenceJobHeader::GetStaticSize();
            continue;
        }
        uint32_t n = std::min({o.remaining, room, kChunkBytes});
        if (n == 0)
        {
            return; // wait for the send callback
        }
        int sent = s->Send(Create<Packet>(n));
        if (sent < 0)
        {
            return;
        }
        o.remaining -= static_cast<uint32_t>(sent);
    }
    // All bytes queued: TCP sends the FIN after them. The transfer stays in
    // the table, with its error callbacks, until the receiver has it all.
    s->Close();
}

void
TcpJobTransport::HandleAccept(Ptr<Socket> s, const Address& /* from */)
{
    Address local;
    s->GetSockName(local);
    const uint16_t port = InetSocketAddress::ConvertFrom(local).GetPort();
    auto who = m_byAddress.find(std::make_pair(s->GetNode()->GetId(), port));
    NS_ASSERT_MSG(who != m_byAddress.end(),
                  "TcpJobTransport: connection to port " << port << " of node "
                                                         << s->GetNode()->GetId()
                                                         << ", where no endpoint listens");
    s->SetRecvCallback(MakeCallback(&TcpJobTransport::HandleRead, this));
    s->SetCloseCallbacks(MakeCallback(&TcpJobTransport::HandlePeerClose, this),
                         MakeCallback(&TcpJobTransport::HandlePeerClose, this));
    m_incoming[s] = Incoming{who->second, Create<Packet>(), false, InferenceJob(), 0};
}

void
TcpJobTransport::HandleRead(Ptr<Socket> s)
{
    auto found = m_incoming.find(s);
    if (found == m_incoming.end())
    {
        return; // not accepted by this transport (cannot happen: HandleAccept records it)
    }
    Incoming& in = found->second;
    Ptr<Packet> p;
    while ((p = s->Recv()))
    {
        if (p->GetSize() == 0)
        {
            break;
        }
        in.buffer->AddAtEnd(p);
        if (!in.haveHeader && in.buffer->GetSize() >= InferenceJobHeader::GetStaticSize())
        {
            InferenceJobHeader h;
            in.buffer->RemoveHeader(h);
            in.job = h.GetJob();
            in.payloadLeft = in.job.payloadBytes;
            in.haveHeader = true;
        }
        if (in.haveHeader)
        {
            uint32_t n = std::min(in.payloadLeft, in.buffer->GetSize());
            in.buffer->RemoveAtStart(n);
            in.payloadLeft -= n;
            if (in.payloadLeft == 0)
            {
                InferenceJob job = in.job;
                job.network += Simulator::Now() - job.sentAt;
                in = Incoming{in.receiver, Create<Packet>(), false, InferenceJob(), 0};
                Deliver(in.receiver, job);
            }
        }
    }
}

void
TcpJobTransport::Deliver(Ptr<InferenceEndpoint> receiver, InferenceJob job)
{
    const uint32_t hop = receiver->GetHop();
    auto it = m_open.find(std::make_pair(job.id, hop));
    if (it == m_open.end())
    {
        NS_LOG_WARN("node " << receiver->GetNode()->GetId() << ": job " << job.id
                            << " arrived after its sender gave up: discarded");
        return;
    }
    Open open = it->second;
    m_open.erase(it);
    GetPipeline()->NotifyTransferDelivered(open.job,
                                           hop,
                                           open.sender->GetNode()->GetId(),
                                           open.toNode);
    // The sender's side ends too (its socket closes if bytes remained).
    for (auto out = m_outgoing.begin(); out != m_outgoing.end(); ++out)
    {
        if (out->second.sender == open.sender && out->second.job.id == job.id &&
            out->second.hop == hop)
        {
            Ptr<Socket> s = out->first;
            bool queued = out->second.remaining == 0;
            Forget(out);
            if (!queued)
            {
                s->Close();
            }
            break;
        }
    }
    receiver->ReceiveJob(job);
}

void
TcpJobTransport::HandlePeerClose(Ptr<Socket> s)
{
    auto it = m_incoming.find(s);
    if (it != m_incoming.end() && it->second.haveHeader && it->second.payloadLeft > 0)
    {
        NS_LOG_WARN("node " << s->GetNode()->GetId() << ": peer closed job "
                            << it->second.job.id << " with " << it->second.payloadLeft
                            << " bytes missing");
        // Drops the job unless it already ended (the sender gave up first).
        FailOpen(it->second.job.id, it->second.receiver->GetHop());
    }
    m_incoming.erase(s);
}

} // namespace llmedge
} // namespace ns3
