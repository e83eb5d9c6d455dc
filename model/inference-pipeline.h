/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_INFERENCE_PIPELINE_H
#define LLM_EDGE_INFERENCE_PIPELINE_H

#include "inference-job-header.h"
#include "semi-markov-scheduler.h"

#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>
#include <string>
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
 * Transport "zero-communication" hands a job to the next device at once, with
 * no packets (the paper's baseline); "tcp" carries the activations
 * (PayloadBytes) over a TCP connection per hop on the user's links.
 */
class InferencePipeline : public Object
{
  public:
    /// Why a job was dropped.
    enum DropReason : uint32_t
    {
        NO_DEVICE = 0,    ///< no device of the next layer available
        QUEUE_FULL = 1,   ///< the chosen device already had a pending job on arrival
        POWER_SAVING = 2, ///< the chosen device was in power saving on arrival
        LINK_FAILURE = 3, ///< the transfer failed
        DEPLETED = 4,     ///< the device's battery emptied during the block (continuous)
        DROP_REASONS = 5  ///< number of reasons
    };

    /// A completed job's end-to-end record.
    struct Completion
    {
        uint64_t id;     ///< job id
        Time latency;    ///< arrival at the source to result at the source
        Time queueWait;  ///< waiting at devices
        Time compute;    ///< running blocks
        Time network;    ///< in transit
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    InferencePipeline();
    ~InferencePipeline() override;

    /// \param scheduler chooses the device of each layer
    void SetScheduler(Ptr<SemiMarkovScheduler> scheduler);
    /// \return the scheduler
    Ptr<SemiMarkovScheduler> GetScheduler() const;

    /**
     * \brief Append a layer (also added to the scheduler).
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

    /// \return true for the tcp transport
    bool UsesNetwork() const;
    /// \return the activation bytes per hop
    uint32_t GetPayloadBytes() const;

    /**
     * \brief Send a job to a device of \p layer chosen by the scheduler.
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
    /// \return arrived - completed - dropped
    uint64_t GetInFlight() const;
    /// \return the completions in order
    const std::vector<Completion>& GetCompletions() const;
    /// \param r a reason \return its name
    static std::string DropReasonName(DropReason r);

    /// \brief Zero the accounts (a new replication on the same deployment).
    void ResetStatistics();

  private:
    void DoDispose() override;

    std::string m_transport;  ///< attribute Transport
    uint32_t m_payloadBytes;  ///< attribute PayloadBytes
    Ptr<SemiMarkovScheduler> m_scheduler;
    std::vector<std::vector<Ptr<LlmBlockApplication>>> m_layers;
    std::map<EnergyHarvestingOrinDevice*, Ptr<LlmBlockApplication>> m_appOf;
    Ptr<LlmRequestSource> m_source;
    uint64_t m_arrived{0};
    uint64_t m_completed{0};
    std::array<uint64_t, DROP_REASONS> m_dropped{};
    std::vector<Completion> m_completions;
    TracedCallback<uint64_t, Time> m_completedTrace; ///< (job id, latency)
    TracedCallback<uint64_t, uint32_t, uint32_t> m_droppedTrace; ///< (job id, layer, reason)
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_INFERENCE_PIPELINE_H */
