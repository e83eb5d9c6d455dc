/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_INFERENCE_POLICY_H
#define LLM_EDGE_INFERENCE_POLICY_H

#include "inference-job-header.h"

#include "ns3/node.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace ns3
{
namespace llmedge
{

class EnergyHarvestingOrinDevice;
class InferencePipeline;
class LlmBlockApplication;

/**
 * \ingroup llm-edge
 * \brief The one seam through which the module decides where a job goes:
 * given the devices of the layer that runs the job's next block, pick one.
 *
 * InferencePipeline owns the layers and asks its policy (attribute Policy)
 * at every hop; the policy answers with an index into the layer's
 * candidates, or NO_CANDIDATE to drop the job (reason NO_DEVICE). The paper's
 * SemiMarkovScheduler (uniform, long-term, adaptive) and the routing policies
 * of the edge-cluster study (greedy, latency-, energy- and carbon-aware) are
 * subclasses; a user's own policy is one more: subclass, implement DoRoute,
 * and hand it to LlmInferenceHelper::SetPolicy (see llm-edge-custom-policy).
 *
 * What a policy may know of a candidate is what it reads through the
 * candidate's application and device (state, mode, queue, battery) at the
 * instant of the decision, and the pipeline's estimate of the link delay
 * from the job's node to the candidate's (InferencePipeline::
 * EstimateLinkDelay, learnt from the transfers seen so far).
 */
class InferencePolicy : public Object
{
  public:
    /// DoRoute's answer when no candidate may take the job (the job is dropped).
    static constexpr uint32_t NO_CANDIDATE = std::numeric_limits<uint32_t>::max();

    /// One routing decision to make.
    struct RoutingRequest
    {
        uint32_t layer;          ///< the layer whose block the job runs next
        const InferenceJob& job; ///< the job (ids, times so far, payload)
        Ptr<Node> from;          ///< the node that holds the job now
        const std::vector<Ptr<LlmBlockApplication>>& candidates; ///< the layer, in order
        const InferencePipeline& pipeline; ///< asking (link delay estimates, transport)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    InferencePolicy();
    ~InferencePolicy() override;

    /**
     * \brief Decide (DoRoute), check the answer, trace it.
     * \param request the decision
     * \return an index into request.candidates, or NO_CANDIDATE
     */
    uint32_t Route(const RoutingRequest& request);

    /**
     * \brief Use fixed random streams (for policies that draw).
     * \param stream first stream index
     * \return streams used (0 here)
     */
    virtual int64_t AssignStreams(int64_t stream);

    /**
     * \brief TracedCallback signature of Decision.
     * \param layer the layer
     * \param device the chosen device, or null when none
     */
    typedef void (*DecisionCallback)(uint32_t layer, Ptr<EnergyHarvestingOrinDevice> device);

  protected:
    /**
     * \brief The policy itself.
     * \param request the decision
     * \return an index into request.candidates, or NO_CANDIDATE
     */
    virtual uint32_t DoRoute(const RoutingRequest& request) = 0;

    /**
     * \brief Fire the Decision trace (for decisions made outside Route).
     * \param layer the layer
     * \param device the chosen device, or null
     */
    void TraceDecision(uint32_t layer, Ptr<EnergyHarvestingOrinDevice> device);

  private:
    TracedCallback<uint32_t, Ptr<EnergyHarvestingOrinDevice>> m_decisionTrace; ///< Decision
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_INFERENCE_POLICY_H */
