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
                                          MakeUintegerChecker<uint16_t>(1));
    return tid;
}

InferenceEndpoint::InferenceEndpoint()
    : m_port(9000)
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
InferenceEndpoint::SendJob(const Address& peer, InferenceJob job)
{
    job.sentAt = Simulator::Now();
    Ptr<Socket> s = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    s->Bind();
    m_outgoing[s] = Outgoing{job, InferenceJobHeader::GetStaticSize() + job.payloadBytes, false};
    s->SetConnectCallback(MakeCallback(&InferenceEndpoint::ConnectionSucceeded, this),
                          MakeCallback(&InferenceEndpoint::ConnectionFailed, this));
    s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                         MakeCallback(&InferenceEndpoint::Fail, this));
    s->SetSendCallback(MakeCallback(&InferenceEndpoint::SendMore, this));
    s->Connect(peer);
}

void
InferenceEndpoint::ConnectionSucceeded(Ptr<Socket> s)
{
    SendMore(s, s->GetTxAvailable());
}

void
InferenceEndpoint::ConnectionFailed(Ptr<Socket> s)
{
    NS_LOG_WARN("node " << GetNode()->GetId() << ": connection failed, errno " << s->GetErrno());
    Fail(s);
}

void
InferenceEndpoint::Fail(Ptr<Socket> s)
{
    auto it = m_outgoing.find(s);
    if (it == m_outgoing.end())
    {
        return; // everything was handed to TCP already
    }
    InferenceJob job = it->second.job;
    NS_LOG_WARN("node " << GetNode()->GetId() << ": transfer of job " << job.id << " failed with "
                        << it->second.remaining << " bytes unsent, errno " << s->GetErrno());
    m_outgoing.erase(it);
    m_pipeline->Drop(job, InferencePipeline::LINK_FAILURE);
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
    // All bytes queued: TCP delivers them before the FIN.
    m_outgoing.erase(it);
    s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(), MakeNullCallback<void, Ptr<Socket>>());
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
                ReceiveJob(job);
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
        m_pipeline->Drop(it->second.job, InferencePipeline::LINK_FAILURE);
    }
    m_incoming.erase(s);
}

} // namespace llmedge
} // namespace ns3
