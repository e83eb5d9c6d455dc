/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "inference-pipeline.h"

#include "ns3/config-error.h"
#include "inference-endpoint.h"

#include "llm-block-application.h"
#include "llm-request-source.h"
#include "tcp-job-transport.h"
#include "zero-communication-transport.h"

#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/packet.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("InferencePipeline");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(InferencePipeline);

namespace
{
constexpr uint16_t kBeaconPort = 9100; ///< the router's UDP port for beacons
} // namespace

TypeId
InferencePipeline::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::InferencePipeline")
            .SetParent<Object>()
            .SetGroupName("LlmEdge")
            .AddConstructor<InferencePipeline>()
            .AddAttribute("Transport",
                          "\"zero-communication\" (hand-over with no packets and no delay, the "
                          "paper's baseline) or \"tcp\" (activations over TCP on real links).",
                          StringValue("zero-communication"),
                          MakeStringAccessor(&InferencePipeline::m_transport),
                          MakeStringChecker())
            .AddAttribute("PayloadBytes",
                          "Activation bytes per hop (default 64 x 16 x 512 values of 2 bytes).",
                          UintegerValue(64 * 16 * 512 * 2),
                          MakeUintegerAccessor(&InferencePipeline::m_payloadBytes),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("LinkDelayWeight",
                          "Weight w of the newest transfer in the link-delay estimate that "
                          "latency-aware policies read (m <- (1 - w) m + w x), in (0, 1].",
                          DoubleValue(0.2),
                          MakeDoubleAccessor(&InferencePipeline::m_linkDelayWeight),
                          MakeDoubleChecker<double>())
            .AddAttribute("BeaconInterval",
                          "Devices report their state (availability, mode, battery, queue, "
                          "expectations) to the router every interval, over the links with the "
                          "tcp transport (UDP, BeaconBytes each) or at once without; policies "
                          "decide from the last report received. 0: the router knows every "
                          "device's state now (the paper's assumption).",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&InferencePipeline::m_beaconInterval),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("BeaconBytes",
                          "Payload bytes of one beacon (UDP).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&InferencePipeline::m_beaconBytes),
                          MakeUintegerChecker<uint32_t>(1, 65000))
            .AddAttribute("Policy",
                          "The InferencePolicy that picks the device of each layer (for "
                          "example a SemiMarkovScheduler).",
                          PointerValue(),
                          MakePointerAccessor(&InferencePipeline::SetPolicy,
                                              &InferencePipeline::GetPolicy),
                          MakePointerChecker<InferencePolicy>())
            .AddTraceSource("Completed",
                            "A job's result reached the source: (job id, latency).",
                            MakeTraceSourceAccessor(&InferencePipeline::m_completedTrace),
                            "ns3::llmedge::InferencePipeline::CompletedCallback")
            .AddTraceSource("Dropped",
                            "A job was dropped: (job id, layer, DropReason).",
                            MakeTraceSourceAccessor(&InferencePipeline::m_droppedTrace),
                            "ns3::llmedge::InferencePipeline::DroppedCallback")
            .AddTraceSource("Transfer",
                            "A transfer over the network began, was delivered or failed: (job "
                            "id, hop, TransferEvent).",
                            MakeTraceSourceAccessor(&InferencePipeline::m_transferTrace),
                            "ns3::llmedge::InferencePipeline::TransferCallback");
    return tid;
}

InferencePipeline::InferencePipeline()
    : m_transport("zero-communication"),
      m_payloadBytes(64 * 16 * 512 * 2),
      m_linkDelayWeight(0.2),
      m_beaconInterval(0),
      m_beaconBytes(64)
{
}

InferencePipeline::~InferencePipeline() = default;

void
InferencePipeline::DoDispose()
{
    m_policy = nullptr;
    m_layers.clear();
    m_beaconSink = nullptr;
    m_beaconSockets.clear();
    m_source = nullptr;
    if (m_transportObject)
    {
        m_transportObject->Dispose();
        m_transportObject = nullptr;
    }
    Object::DoDispose();
}

void
InferencePipeline::SetPolicy(Ptr<InferencePolicy> policy)
{
    m_policy = policy;
    if (m_policy)
    {
        m_policy->Initialize();
    }
}

Ptr<InferencePolicy>
InferencePipeline::GetPolicy() const
{
    return m_policy;
}

uint32_t
InferencePipeline::AddLayer(const std::vector<Ptr<LlmBlockApplication>>& apps)
{
    NS_ABORT_MSG_IF(apps.empty(), "InferencePipeline: layer " << m_layers.size() << " is empty");
    if (m_transport != "zero-communication" && m_transport != "tcp")
    {
        LLM_EDGE_CONFIG_ERROR("InferencePipeline: invalid Transport = '"
                       << m_transport << "': expected zero-communication or tcp");
    }
    if (m_layers.empty())
    {
        m_linkDelays = LinkDelayEstimate(m_linkDelayWeight); // checks the weight
    }
    if (!m_transportObject)
    {
        Ptr<JobTransport> t;
        if (m_transport == "tcp")
        {
            t = CreateObject<TcpJobTransport>();
        }
        else
        {
            t = CreateObject<ZeroCommunicationTransport>();
        }
        SetTransport(t);
    }
    uint32_t layer = static_cast<uint32_t>(m_layers.size());
    for (const auto& a : apps)
    {
        NS_ABORT_MSG_IF(!a || !a->GetDevice(),
                        "InferencePipeline: layer " << layer << " has an application without device");
        a->SetLayer(layer);
        a->SetPipeline(this);
    }
    m_layers.push_back(apps);
    m_held.assign(m_layers.size(), 0);
    m_onWire.assign(m_layers.size() + 1, 0);
    return layer;
}

uint32_t
InferencePipeline::GetNLayers() const
{
    return static_cast<uint32_t>(m_layers.size());
}

const std::vector<Ptr<LlmBlockApplication>>&
InferencePipeline::GetLayer(uint32_t layer) const
{
    return m_layers.at(layer);
}

void
InferencePipeline::SetSource(Ptr<LlmRequestSource> source)
{
    m_source = source;
    source->SetPipeline(this);
    if (m_beaconInterval.IsStrictlyPositive())
    {
        StartBeacons();
    }
}

void
InferencePipeline::StartBeacons()
{
    uint32_t total = 0;
    for (const auto& l : m_layers)
    {
        total += static_cast<uint32_t>(l.size());
    }
    m_reports.assign(m_layers.size(), {});
    uint32_t k = 0;
    for (uint32_t l = 0; l < m_layers.size(); ++l)
    {
        m_reports[l].assign(m_layers[l].size(), DeviceReport());
        for (uint32_t i = 0; i < m_layers[l].size(); ++i)
        {
            // Every device announces itself at once (the router knows each
            // from the start), then reports at staggered, deterministic
            // offsets (no random stream is used).
            Time offset = m_beaconInterval * (static_cast<double>(k++) / total);
            Simulator::ScheduleNow(&InferencePipeline::SendFirstBeacon, this, l, i, offset);
        }
    }
}

void
InferencePipeline::SendFirstBeacon(uint32_t layer, uint32_t index, Time offset)
{
    m_reports[layer][index] = DeviceReport::Of(m_layers[layer][index]->GetDevice(), m_refTokens);
    Simulator::Schedule(offset + m_beaconInterval, &InferencePipeline::SendBeacon, this, layer, index);
}

void
InferencePipeline::SendBeacon(uint32_t layer, uint32_t index)
{
    Ptr<LlmBlockApplication> app = m_layers[layer][index];
    DeviceReport r = DeviceReport::Of(app->GetDevice(), m_refTokens);
    ++m_beacons.sent;
    Ptr<Node> node = app->GetNode();
    if (!UsesNetwork() || !m_source || node == m_source->GetNode())
    {
        ++m_beacons.received;
        m_reports[layer][index] = r;
    }
    else
    {
        if (!m_beaconSink)
        {
            m_beaconSink = Socket::CreateSocket(m_source->GetNode(), UdpSocketFactory::GetTypeId());
            m_beaconSink->Bind(InetSocketAddress(Ipv4Address::GetAny(), kBeaconPort));
            m_beaconSink->SetRecvCallback(MakeCallback(&InferencePipeline::ReceiveBeacon, this));
        }
        Ptr<Socket>& s = m_beaconSockets[node->GetId()];
        if (!s)
        {
            s = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
            s->Bind();
            InetSocketAddress to = InetSocketAddress::ConvertFrom(TcpJobTransport::GetListenAddress(m_source));
            s->Connect(InetSocketAddress(to.GetIpv4(), kBeaconPort));
        }
        Ptr<Packet> p = Create<Packet>(m_beaconBytes);
        m_beaconsInFlight[p->GetUid()] = BeaconInFlight{layer, index, r};
        m_beacons.bytes += m_beaconBytes;
        s->Send(p);
    }
    Simulator::Schedule(m_beaconInterval, &InferencePipeline::SendBeacon, this, layer, index);
}

void
InferencePipeline::ReceiveBeacon(Ptr<Socket> s)
{
    Ptr<Packet> p;
    while ((p = s->Recv()))
    {
        auto it = m_beaconsInFlight.find(p->GetUid());
        if (it == m_beaconsInFlight.end())
        {
            continue;
        }
        DeviceReport& held = m_reports[it->second.layer][it->second.index];
        if (!held.valid || held.at <= it->second.report.at) // never go back to an older one
        {
            held = it->second.report;
        }
        ++m_beacons.received;
        m_beaconsInFlight.erase(it);
    }
}

InferencePipeline::BeaconStats
InferencePipeline::GetBeaconStats() const
{
    return m_beacons;
}

const std::vector<DeviceReport>&
InferencePipeline::GetReports(uint32_t layer) const
{
    static const std::vector<DeviceReport> none;
    return layer < m_reports.size() ? m_reports[layer] : none;
}

Ptr<LlmRequestSource>
InferencePipeline::GetSource() const
{
    return m_source;
}

bool
InferencePipeline::UsesNetwork() const
{
    return m_transportObject ? m_transportObject->UsesNetwork() : m_transport == "tcp";
}

void
InferencePipeline::SetTransport(Ptr<JobTransport> transport)
{
    NS_ABORT_MSG_IF(!transport, "InferencePipeline: null transport");
    m_transportObject = transport;
    m_transportObject->SetPipeline(this);
}

Ptr<JobTransport>
InferencePipeline::GetTransport() const
{
    return m_transportObject;
}

uint32_t
InferencePipeline::GetPayloadBytes() const
{
    return m_payloadBytes;
}

Time
InferencePipeline::EstimateLinkDelay(Ptr<Node> from, Ptr<Node> to) const
{
    if (!UsesNetwork() || !from || !to || from == to)
    {
        return Time(0);
    }
    return Seconds(m_linkDelays.Estimate(from->GetId(), to->GetId()));
}

void
InferencePipeline::Dispatch(InferenceJob job, uint32_t layer, Ptr<InferenceEndpoint> from)
{
    job.layer = layer;
    job.payloadBytes = m_payloadBytes;
    NS_ABORT_MSG_IF(!m_policy, "InferencePipeline: no policy set");
    const auto& candidates = m_layers.at(layer);
    if (job.inputTokens > 0 || job.outputTokens > 0)
    {
        m_refTokens = JobTokens{job.inputTokens, job.outputTokens};
    }
    const std::vector<DeviceReport>* known =
        m_beaconInterval.IsStrictlyPositive() ? &m_reports.at(layer) : nullptr;
    uint32_t i = m_policy->Route({layer, job, from->GetNode(), candidates, *this, known});
    if (i == InferencePolicy::NO_CANDIDATE)
    {
        Drop(job, NO_DEVICE);
        return;
    }
    NS_LOG_INFO("job " << job.id << " layer " << layer << " -> node "
                       << candidates[i]->GetNode()->GetId());
    Forward(job, layer, from, candidates[i]);
}

void
InferencePipeline::Finish(InferenceJob job, Ptr<InferenceEndpoint> from)
{
    NS_ABORT_MSG_IF(!m_source, "InferencePipeline: no request source set");
    Forward(job, GetNLayers(), from, m_source);
}

void
InferencePipeline::Forward(const InferenceJob& job,
                           uint32_t hop,
                           Ptr<InferenceEndpoint> from,
                           Ptr<InferenceEndpoint> to)
{
    NS_LOG_FUNCTION(this << job.id << hop);
    m_transportObject->Send(job, hop, from, to);
}

void
InferencePipeline::NotifyArrival(const InferenceJob& job)
{
    NS_LOG_INFO("job " << job.id << " arrived");
    ++m_arrived;
}

void
InferencePipeline::NotifyCompletion(const InferenceJob& job)
{
    NS_LOG_INFO("job " << job.id << " completed in " << (Simulator::Now() - job.created).As(Time::S));
    ++m_completed;
    Completion c{job.id,
                 Simulator::Now() - job.created,
                 job.queueWait,
                 job.compute,
                 job.network,
                 job.batchWait,
                 job.inputTokens,
                 job.outputTokens};
    m_completions.push_back(c);
    m_completedTrace(job.id, c.latency);
}

void
InferencePipeline::Drop(const InferenceJob& job, DropReason reason)
{
    NS_LOG_INFO("job " << job.id << " dropped at layer " << job.layer << ": "
                        << DropReasonName(reason));
    ++m_dropped.at(reason);
    m_droppedTrace(job.id, job.layer, reason);
}

uint64_t
InferencePipeline::GetArrived() const
{
    return m_arrived;
}

uint64_t
InferencePipeline::GetCompleted() const
{
    return m_completed;
}

uint64_t
InferencePipeline::GetDropped(DropReason r) const
{
    return m_dropped.at(r);
}

uint64_t
InferencePipeline::GetDroppedTotal() const
{
    uint64_t n = 0;
    for (auto v : m_dropped)
    {
        n += v;
    }
    return n;
}

uint64_t
InferencePipeline::GetInFlight() const
{
    return GetHeld() + GetOnWire();
}

uint64_t
InferencePipeline::GetHeld() const
{
    int64_t n = 0;
    for (auto v : m_held)
    {
        n += v;
    }
    return static_cast<uint64_t>(n);
}

int64_t
InferencePipeline::GetHeld(uint32_t layer) const
{
    return m_held.at(layer);
}

uint64_t
InferencePipeline::GetOnWire() const
{
    int64_t n = 0;
    for (auto v : m_onWire)
    {
        n += v;
    }
    return static_cast<uint64_t>(n);
}

int64_t
InferencePipeline::GetOnWire(uint32_t hop) const
{
    return m_onWire.at(hop);
}

InferencePipeline::JobAccounts
InferencePipeline::GetAccounts() const
{
    JobAccounts a;
    a.arrived = m_arrived;
    a.completed = m_completed;
    a.dropped = m_dropped;
    a.heldByLayer = m_held;
    a.onWireByHop = m_onWire;
    return a;
}

void
InferencePipeline::NotifyHeld(uint32_t layer)
{
    ++m_held.at(layer);
}

void
InferencePipeline::NotifyReleased(uint32_t layer)
{
    --m_held.at(layer);
}

void
InferencePipeline::NotifyTransferBegun(const InferenceJob& job, uint32_t hop)
{
    NS_LOG_FUNCTION(this << job.id << hop);
    ++m_onWire.at(hop);
    m_transferTrace(job.id, hop, TRANSFER_BEGUN);
}

void
InferencePipeline::NotifyTransferDelivered(const InferenceJob& job,
                                           uint32_t hop,
                                           uint32_t fromNode,
                                           uint32_t toNode)
{
    NS_LOG_FUNCTION(this << job.id << hop);
    m_linkDelays.Observe(fromNode, toNode, (Simulator::Now() - job.sentAt).GetSeconds());
    --m_onWire.at(hop);
    m_transferTrace(job.id, hop, TRANSFER_DELIVERED);
}

void
InferencePipeline::NotifyTransferFailed(const InferenceJob& job, uint32_t hop)
{
    NS_LOG_FUNCTION(this << job.id << hop);
    --m_onWire.at(hop);
    m_transferTrace(job.id, hop, TRANSFER_FAILED);
    Drop(job, LINK_FAILURE);
}

const std::vector<InferencePipeline::Completion>&
InferencePipeline::GetCompletions() const
{
    return m_completions;
}

void
InferencePipeline::ResetStatistics()
{
    m_arrived = 0;
    m_completed = 0;
    m_dropped.fill(0);
    std::fill(m_held.begin(), m_held.end(), 0);
    std::fill(m_onWire.begin(), m_onWire.end(), 0);
    if (m_transportObject)
    {
        m_transportObject->ForgetOpenTransfers();
    }
    m_completions.clear();
    m_linkDelays.Clear(); // replications learn independently
    m_beacons = BeaconStats();
}

} // namespace llmedge
} // namespace ns3
