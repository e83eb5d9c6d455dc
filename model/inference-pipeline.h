/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_INFERENCE_PIPELINE_H
#define LLM_EDGE_INFERENCE_PIPELINE_H

#include "inference-job-header.h"
#include "inference-policy.h"
#include "ns3/job-drop-reason.h"
#include "device-report.h"
#include "job-transport.h"
#include "ns3/link-delay-estimate.h"

#include "ns3/object.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace llmedge
{

class InferenceEndpoint;
class LlmBlockApplication;
class LlmRequestSource;

/**
 * \ingroup llm-edge
 * \brief One deployment of an LLM split into layers: routes each job from the
 * request source through one device per layer and back, and keeps the
 * system's accounts (arrived, completed, dropped by reason, latency split).
 *
 * The job's path runs one way: the source hands a new job to Dispatch; the
 * pipeline's policy (attribute Policy, any InferencePolicy) picks a member of
 * the next layer; the transport carries the job there; the device runs the
 * block; its application hands the job to Dispatch for the next layer, or to
 * Finish after the last. The pipeline is the one owner of the layers.
 *
 * Transport "zero-communication" hands a job to the next device at once, with
 * no packets (the paper's baseline); "tcp" carries the activations
 * (PayloadBytes) over a TCP connection per hop on the user's links.
 */
class InferencePipeline : public Object, public JobDropReasons
{
  public:

    /**
     * \brief The job accounts, each term counted where the job enters and
     * leaves its place (none derived from the others), so that
     * arrived = completed + dropped + held + on the wire can fail.
     */
    struct JobAccounts
    {
        uint64_t arrived{0};                          ///< jobs arrived at the source
        uint64_t completed{0};                        ///< results back at the source
        std::array<uint64_t, DROP_REASONS> dropped{}; ///< dropped, by DropReason
        std::vector<int64_t> heldByLayer;             ///< held by the layer's devices (queued or running)
        std::vector<int64_t> onWireByHop; ///< in transfer on hop h (h < L: into layer h; h = L: back to the source)
    };

    /// What happened to a transfer (trace source Transfer).
    enum TransferEvent : uint32_t
    {
        TRANSFER_BEGUN = 0,     ///< the sender started it
        TRANSFER_DELIVERED = 1, ///< the receiver holds the whole payload
        TRANSFER_FAILED = 2     ///< it failed; the job was dropped (LINK_FAILURE)
    };

    /// A completed job's end-to-end record.
    struct Completion
    {
        uint64_t id;     ///< job id
        Time latency;    ///< arrival at the source to result at the source
        Time queueWait;  ///< waiting at devices while they were busy or saving
        Time compute;    ///< running blocks
        Time network;    ///< in transit
        Time batchWait;  ///< waiting at idle devices for a batch to form (Batched)
        uint32_t inputTokens{0};  ///< the request's prompt tokens
        uint32_t outputTokens{0}; ///< the request's generated tokens
    };

    /**
     * \brief TracedCallback signature of Completed.
     * \param jobId the job
     * \param latency arrival at the source to result at the source
     */
    typedef void (*CompletedCallback)(uint64_t jobId, Time latency);
    /**
     * \brief TracedCallback signature of Dropped.
     * \param jobId the job
     * \param layer the layer it was bound for
     * \param reason a DropReason
     */
    typedef void (*DroppedCallback)(uint64_t jobId, uint32_t layer, uint32_t reason);
    /**
     * \brief TracedCallback signature of Transfer.
     * \param jobId the job
     * \param hop the hop (h < L: into layer h; h = L: back to the source)
     * \param event a TransferEvent
     */
    typedef void (*TransferCallback)(uint64_t jobId, uint32_t hop, uint32_t event);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    InferencePipeline();
    ~InferencePipeline() override;

    /**
     * \brief Set the policy that picks the device of each layer (it is
     * initialized here, so that its configuration is checked at once).
     * \param policy the policy
     */
    void SetPolicy(Ptr<InferencePolicy> policy);
    /// \return the policy
    Ptr<InferencePolicy> GetPolicy() const;

    /**
     * \brief Append a layer.
     * \param apps the block applications of the layer's devices
     * \return the layer index
     */
    uint32_t AddLayer(const std::vector<Ptr<LlmBlockApplication>>& apps);
    /// \return number of layers
    uint32_t GetNLayers() const;
    /// \param layer a layer \return its applications
    const std::vector<Ptr<LlmBlockApplication>>& GetLayer(uint32_t layer) const;

    /// \param source the request source
    void SetSource(Ptr<LlmRequestSource> source);
    /// \return the request source
    Ptr<LlmRequestSource> GetSource() const;

    /// \return true when jobs cross the network (the transport's answer)
    bool UsesNetwork() const;
    /**
     * \brief Carry jobs with this transport instead of the one the
     * Transport attribute names (for a user's own JobTransport). Any time
     * before the simulation starts (endpoints attach to it when they start).
     * \param transport the transport
     */
    void SetTransport(Ptr<JobTransport> transport);
    /// \return the transport (null until the first layer is added or SetTransport)
    Ptr<JobTransport> GetTransport() const;
    /// \return the activation bytes per hop
    uint32_t GetPayloadBytes() const;
    /**
     * \brief What a router can know of a hop's delay: the weighted mean of
     * the transfers delivered so far between the two nodes (attribute
     * LinkDelayWeight); 0 for the zero-communication transport, for a node to
     * itself and for a pair not seen yet.
     * \param from the sending node
     * \param to the receiving node
     * \return the estimate
     */
    Time EstimateLinkDelay(Ptr<Node> from, Ptr<Node> to) const;

    /**
     * \brief Send a job to a device of \p layer chosen by the policy.
     * \param job the job
     * \param layer the layer
     * \param from the endpoint sending it
     */
    void Dispatch(InferenceJob job, uint32_t layer, Ptr<InferenceEndpoint> from);

    /**
     * \brief The last layer has run: return the result to the source.
     * \param job the job
     * \param from the endpoint sending it
     */
    void Finish(InferenceJob job, Ptr<InferenceEndpoint> from);

    /**
     * \brief Account a new job.
     * \param job the job
     */
    void NotifyArrival(const InferenceJob& job);

    /**
     * \brief Account a completed job (result back at the source).
     * \param job the job
     */
    void NotifyCompletion(const InferenceJob& job);

    /**
     * \brief Account a dropped job.
     * \param job the job
     * \param reason why
     */
    void Drop(const InferenceJob& job, DropReason reason);

    /// \return jobs arrived
    uint64_t GetArrived() const;
    /// \return jobs completed
    uint64_t GetCompleted() const;
    /// \param r a reason \return jobs dropped for it
    uint64_t GetDropped(DropReason r) const;
    /// \return jobs dropped in total
    uint64_t GetDroppedTotal() const;
    /// \return jobs held by devices plus jobs on the wire (independent counters)
    uint64_t GetInFlight() const;
    /// \return jobs held by the devices of all layers (queued or running)
    uint64_t GetHeld() const;
    /// \param layer a layer \return jobs held by its devices
    int64_t GetHeld(uint32_t layer) const;
    /// \return jobs on the wire, all hops
    uint64_t GetOnWire() const;
    /// \param hop a hop (h < L: into layer h; h = L: back to the source) \return jobs on it
    int64_t GetOnWire(uint32_t hop) const;
    /// \return every counter, for the conservation check
    JobAccounts GetAccounts() const;

    /**
     * \brief A device of \p layer accepted a job (the job enters "held").
     * \param layer the layer
     */
    void NotifyHeld(uint32_t layer);
    /**
     * \brief A device of \p layer let a job go (done, aborted or forgotten).
     * \param layer the layer
     */
    void NotifyReleased(uint32_t layer);

    /**
     * \brief From the transport: a transfer over the network starts (the
     * job enters "on the wire" of \p hop).
     * \param job the job as sent
     * \param hop the hop (h < L: into layer h; h = L: back to the source)
     */
    void NotifyTransferBegun(const InferenceJob& job, uint32_t hop);
    /**
     * \brief From the transport: the receiver holds the whole payload of an
     * open transfer (the transport hands the job over next). Feeds the
     * link-delay estimate.
     * \param job the job as sent (its sentAt)
     * \param hop the hop
     * \param fromNode the sending node's id
     * \param toNode the receiving node's id
     */
    void NotifyTransferDelivered(const InferenceJob& job,
                                 uint32_t hop,
                                 uint32_t fromNode,
                                 uint32_t toNode);
    /**
     * \brief From the transport: an open transfer failed (connection failed
     * or closed in error, inactivity timeout, peer closed early); the job is
     * dropped with LINK_FAILURE. A transfer ends once: delivered or failed.
     * \param job the job as sent
     * \param hop the hop
     */
    void NotifyTransferFailed(const InferenceJob& job, uint32_t hop);
    /// \return the completions in order
    const std::vector<Completion>& GetCompletions() const;

    /// \brief Zero the accounts (a new replication on the same deployment).
    void ResetStatistics();

    /// Beacon counters (attribute BeaconInterval).
    struct BeaconStats
    {
        uint64_t sent{0};     ///< beacons the devices sent
        uint64_t received{0}; ///< beacons the router received
        uint64_t bytes{0};    ///< payload bytes sent on the links (0 without network)
    };
    /// \return the beacon counters since the last ResetStatistics
    BeaconStats GetBeaconStats() const;
    /// \param layer a layer \return the reports the router holds of its devices
    const std::vector<DeviceReport>& GetReports(uint32_t layer) const;

  private:
    void DoDispose() override;
    /**
     * \brief Carry a job from one endpoint to another: over TCP when the
     * transport is tcp and they are on different nodes, else handed over.
     * \param job the job
     * \param hop the hop (the receiver's layer, or the number of layers)
     * \param from the sender
     * \param to the receiver
     */
    void Forward(const InferenceJob& job,
                 uint32_t hop,
                 Ptr<InferenceEndpoint> from,
                 Ptr<InferenceEndpoint> to);

    std::string m_transport;  ///< attribute Transport
    Ptr<JobTransport> m_transportObject; ///< carries the jobs
    uint32_t m_payloadBytes;  ///< attribute PayloadBytes
    Ptr<InferencePolicy> m_policy; ///< attribute Policy
    double m_linkDelayWeight;      ///< attribute LinkDelayWeight
    LinkDelayEstimate m_linkDelays; ///< observed transfer times
    Time m_beaconInterval;         ///< attribute BeaconInterval (0: live knowledge)
    uint32_t m_beaconBytes;        ///< attribute BeaconBytes
    std::vector<std::vector<DeviceReport>> m_reports; ///< per layer and device: last received
    JobTokens m_refTokens;         ///< tokens of the last dispatched job (reports' reference)
    BeaconStats m_beacons;         ///< counters
    Ptr<Socket> m_beaconSink;      ///< the router's UDP socket (tcp transport)
    std::map<uint32_t, Ptr<Socket>> m_beaconSockets; ///< per device node: its UDP socket
    /// A beacon on the wire: whose, and what it says (simulator bookkeeping).
    struct BeaconInFlight
    {
        uint32_t layer;       ///< the device's layer
        uint32_t index;       ///< its index in the layer
        DeviceReport report;  ///< the report
    };
    std::map<uint64_t, BeaconInFlight> m_beaconsInFlight; ///< by packet uid

    /// \brief Schedule every device's first beacon (staggered over one interval).
    void StartBeacons();
    /// \brief Device (layer, index) registers with the router at the start (its
    /// first report, not counted as a beacon on the links), then beacons
    /// from \p offset + one interval. \param layer the layer \param index the
    /// device \param offset its stagger
    void SendFirstBeacon(uint32_t layer, uint32_t index, Time offset);
    /// \brief Device (layer, index) sends a beacon, and schedules the next.
    /// \param layer the layer \param index the device
    void SendBeacon(uint32_t layer, uint32_t index);
    /// \brief A beacon reached the router's socket. \param s the socket
    void ReceiveBeacon(Ptr<Socket> s);
    std::vector<std::vector<Ptr<LlmBlockApplication>>> m_layers;
    Ptr<LlmRequestSource> m_source;

    uint64_t m_arrived{0};
    uint64_t m_completed{0};
    std::array<uint64_t, DROP_REASONS> m_dropped{};
    std::vector<int64_t> m_held;   ///< per layer, counted by NotifyHeld / NotifyReleased
    std::vector<int64_t> m_onWire; ///< per hop, counted by NotifyTransfer*
    std::vector<Completion> m_completions;
    TracedCallback<uint64_t, Time> m_completedTrace; ///< (job id, latency)
    TracedCallback<uint64_t, uint32_t, uint32_t> m_droppedTrace; ///< (job id, layer, reason)
    TracedCallback<uint64_t, uint32_t, uint32_t> m_transferTrace; ///< (job id, hop, TransferEvent)
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_INFERENCE_PIPELINE_H */
