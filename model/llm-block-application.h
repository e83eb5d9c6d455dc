/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_LLM_BLOCK_APPLICATION_H
#define LLM_EDGE_LLM_BLOCK_APPLICATION_H

#include "energy-harvesting-orin-device.h"
#include "inference-endpoint.h"

#include "ns3/traced-callback.h"

#include <map>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Runs one layer's LLM block on an EnergyHarvestingOrinDevice.
 *
 * A job's activations arrive (directly or over TCP); the block runs on the
 * device (time and energy from its current power mode; refused jobs are
 * dropped with the device's reason); the output goes to the next layer's
 * device chosen by the pipeline's SemiMarkovScheduler, or back to the
 * request source after the last layer (the policy is the pipeline's; the
 * SemiMarkovScheduler is one).
 *
 * Trace source BlockCompleted: the block of a job ran here (job id, layer,
 * time the job arrived here, service time, batch wait), as the job leaves.
 */
class LlmBlockApplication : public InferenceEndpoint
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    LlmBlockApplication();
    ~LlmBlockApplication() override;

    /// \param device the device that runs the block
    void SetDevice(Ptr<EnergyHarvestingOrinDevice> device);
    /// \return the device
    Ptr<EnergyHarvestingOrinDevice> GetDevice() const;
    /// \param layer the layer this application serves
    void SetLayer(uint32_t layer);
    /// \return the layer
    uint32_t GetLayer() const;
    /// \return jobs accepted by the device and not finished yet
    uint32_t GetJobsHeld() const;
    /// \brief Forget the jobs held (end of a replication; they leave the
    /// pipeline's held counter without being completed or dropped).
    void Clear();

    /**
     * \brief TracedCallback signature of BlockCompleted.
     * \param jobId the job
     * \param layer the layer served
     * \param arrived when the job arrived at this application
     * \param service the block's running time
     * \param batchWait time waiting at the idle device for a batch to form
     */
    typedef void (*BlockCompletedCallback)(uint64_t jobId,
                                           uint32_t layer,
                                           Time arrived,
                                           Time service,
                                           Time batchWait);

  private:
    void DoDispose() override;
    void DoReceiveJob(const InferenceJob& job) override;
    uint32_t DoGetHop() const override;
    void BlockDone(uint64_t key, bool completed);

    struct Waiting
    {
        InferenceJob job;
        Time arrived;
    };

    Ptr<EnergyHarvestingOrinDevice> m_device; ///< the device
    uint32_t m_layer{0};                      ///< layer served
    uint64_t m_nextKey{0};                    ///< device job ids
    std::map<uint64_t, Waiting> m_jobs;       ///< jobs accepted by the device
    TracedCallback<uint64_t, uint32_t, Time, Time, Time>
        m_blockCompletedTrace; ///< (job id, layer, arrived, service, batch wait)
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_LLM_BLOCK_APPLICATION_H */
