/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "inference-endpoint.h"

#include "inference-pipeline.h"

#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("InferenceEndpoint");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(InferenceEndpoint);

namespace
{
constexpr uint32_t kChunkBytes = 64 * 1024; // largest packet handed to TCP at once
} // namespace

TypeId
InferenceEndpoint::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::InferenceEndpoint")
                            .SetParent<Application>()
                            .SetGroupName("LlmEdge")
                            .AddAttribute("Port",
                                          "TCP port on which activations are received.",
                                          UintegerValue(9000),
                                          MakeUintegerAccessor(&InferenceEndpoint::m_port),
                                          MakeUintegerChecker<uint16_t>(1))
                            .AddAttribute("TransferTimeout",
                                          "A transfer with no progress (connection set up or "
                                          "bytes acknowledged) for this long fails: its job is "
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

void
InferenceEndpoint::DoDispose()
{
    m_pipeline = nullptr;
    m_listen = nullptr;
    for (auto& [s, o] : m_outgoing)
    {
        o.timer.Cancel();
    }
    m_outgoing.clear();
    m_incoming.clear();
    Application::DoDispose();
}

Address
InferenceEndpoint::GetListenAddress() const
{
    Ptr<Ipv4> ip = GetNode()->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(!ip || ip->GetNInterfaces() < 2,
                    "InferenceEndpoint: node " << GetNode()->GetId()
                                               << " has no IPv4 interface: install the internet "
                                                  "stack and assign addresses before the TCP "
                                                  "transport is used");
    return InetSocketAddress(ip->GetAddress(1, 0).GetLocal(), m_port);
}

void
InferenceEndpoint::StartApplication()
{
    NS_ABORT_MSG_IF(!m_pipeline, "InferenceEndpoint: no pipeline set");
    if (!m_pipeline->UsesNetwork())
    {
        return;
    }
    m_listen = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    if (m_listen->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0)
    {
        NS_FATAL_ERROR("InferenceEndpoint: cannot bind TCP port " << m_port << " on node "
                                                                  << GetNode()->GetId());
    }
    m_listen->Listen();
    m_listen->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                MakeCallback(&InferenceEndpoint::HandleAccept, this));
}

void
InferenceEndpoint::StopApplication()
{
    if (m_listen)
    {
        m_listen->Close();
        m_listen->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeNullCallback<void, Ptr<Socket>, const Address&>());
    }
}

void
InferenceEndpoint::ReceiveJob(const InferenceJob& job)
{
    DoReceiveJob(job);
}

void
InferenceEndpoint::SendJob(const Address& peer, InferenceJob job, uint32_t hop)
{
    NS_LOG_FUNCTION(this << job.id << hop);
    job.sentAt = Simulator::Now();
    m_pipeline->BeginTransfer(job, hop, this);
    Ptr<Socket> s = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    s->Bind();
    Outgoing o{job, hop, InferenceJobHeader::GetStaticSize() + job.payloadBytes, false,
               Simulator::Now(), EventId()};
    // One inactivity check per timeout period at most; removed on delivery.
    o.timer = Simulator::Schedule(m_transferTimeout, &InferenceEndpoint::CheckProgress, this, s);
    m_outgoing[s] = o;
    // Error callbacks stay until the transfer ends (delivered or failed).
    s->SetConnectCallback(MakeCallback(&InferenceEndpoint::ConnectionSucceeded, this),
                          MakeCallback(&InferenceEndpoint::ConnectionFailed, this));
    s->SetCloseCallbacks(MakeCallback(&InferenceEndpoint::Fail, this),
                         MakeCallback(&InferenceEndpoint::Fail, this));
    s->SetSendCallback(MakeCallback(&InferenceEndpoint::SendMore, this));
    s->Connect(peer);
}

void
InferenceEndpoint::ConnectionSucceeded(Ptr<Socket> s)
{
    auto it = m_outgoing.find(s);
    if (it != m_outgoing.end())
    {
        it->second.lastProgress = Simulator::Now();
    }
    SendMore(s, s->GetTxAvailable());
}

void
InferenceEndpoint::ConnectionFailed(Ptr<Socket> s)
{
    NS_LOG_WARN("node " << GetNode()->GetId() << ": connection failed, errno " << s->GetErrno());
    Fail(s);
}

void
InferenceEndpoint::Forget(std::map<Ptr<Socket>, Outgoing>::iterator it)
{
    Ptr<Socket> s = it->first;
    if (!it->second.timer.IsExpired())
    {
        it->second.timer.Remove(); // not counted as an executed event
    }
    m_outgoing.erase(it);
    s->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                          MakeNullCallback<void, Ptr<Socket>>());
    s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                         MakeNullCallback<void, Ptr<Socket>>());
    s->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
}

void
InferenceEndpoint::Fail(Ptr<Socket> s)
{
    auto it = m_outgoing.find(s);
    if (it == m_outgoing.end())
    {
        return; // the transfer has ended already
    }
    InferenceJob job = it->second.job;
    uint32_t hop = it->second.hop;
    NS_LOG_WARN("node " << GetNode()->GetId() << ": transfer of job " << job.id << " on hop "
                        << hop << " failed with " << it->second.remaining
                        << " bytes not handed to TCP, errno " << s->GetErrno());
    bool queued = it->second.remaining == 0;
    Forget(it);
    if (!queued)
    {
        s->Close(); // nothing more will be sent (already closing otherwise)
    }
    m_pipeline->FailTransfer(job.id, hop); // drops the job unless the receiver took it
}

void
InferenceEndpoint::CheckProgress(Ptr<Socket> s)
{
    auto it = m_outgoing.find(s);
    if (it == m_outgoing.end())
    {
        return;
    }
    Time idle = Simulator::Now() - it->second.lastProgress;
    if (idle < m_transferTimeout)
    {
        it->second.timer = Simulator::Schedule(m_transferTimeout - idle,
                                               &InferenceEndpoint::CheckProgress,
                                               this,
                                               s);
        return;
    }
    NS_LOG_WARN("node " << GetNode()->GetId() << ": transfer of job " << it->second.job.id
                        << " made no progress for " << idle.As(Time::S));
    Fail(s);
}

void
InferenceEndpoint::NotifyDelivered(uint64_t jobId, uint32_t hop)
{
    NS_LOG_FUNCTION(this << jobId << hop);
    for (auto it = m_outgoing.begin(); it != m_outgoing.end(); ++it)
    {
        if (it->second.job.id == jobId && it->second.hop == hop)
        {
            Ptr<Socket> s = it->first;
            bool queued = it->second.remaining == 0;
            Forget(it);
            if (!queued)
            {
                s->Close();
            }
            return;
        }
    }
}

uint32_t
InferenceEndpoint::GetTransfersOutstanding() const
{
    return static_cast<uint32_t>(m_outgoing.size());
}

uint32_t
InferenceEndpoint::GetHop() const
{
    return DoGetHop();
}

void
InferenceEndpoint::SendMore(Ptr<Socket> s, uint32_t /* available */)
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
InferenceEndpoint::HandleAccept(Ptr<Socket> s, const Address& /* from */)
{
    s->SetRecvCallback(MakeCallback(&InferenceEndpoint::HandleRead, this));
    s->SetCloseCallbacks(MakeCallback(&InferenceEndpoint::HandlePeerClose, this),
                         MakeCallback(&InferenceEndpoint::HandlePeerClose, this));
    m_incoming[s] = Incoming{Create<Packet>(), false, InferenceJob(), 0};
}

void
InferenceEndpoint::HandleRead(Ptr<Socket> s)
{
    Incoming& in = m_incoming[s];
    if (!in.buffer)
    {
        in.buffer = Create<Packet>();
    }
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
                in = Incoming{Create<Packet>(), false, InferenceJob(), 0};
                if (m_pipeline->DeliverTransfer(job.id, GetHop()))
                {
                    ReceiveJob(job);
                }
                else
                {
                    NS_LOG_WARN("node " << GetNode()->GetId() << ": job " << job.id
                                        << " arrived after its sender gave up: discarded");
                }
            }
        }
    }
}

void
InferenceEndpoint::HandlePeerClose(Ptr<Socket> s)
{
    auto it = m_incoming.find(s);
    if (it != m_incoming.end() && it->second.haveHeader && it->second.payloadLeft > 0)
    {
        NS_LOG_WARN("node " << GetNode()->GetId() << ": peer closed job " << it->second.job.id
                            << " with " << it->second.payloadLeft << " bytes missing");
        // Drops the job unless it already ended (the sender gave up first).
        m_pipeline->FailTransfer(it->second.job.id, GetHop());
    }
    m_incoming.erase(s);
}

} // namespace llmedge
} // namespace ns3
