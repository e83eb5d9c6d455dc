/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_INFERENCE_POLICY_H
#define LLM_EDGE_INFERENCE_POLICY_H

#include "device-report.h"
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
 * \brief The one seam of every decision the module makes: where a job goes
 * (Route: given the devices of the layer that runs the job's next block,
 * pick one) and how a device runs its next batch (Tune: pick a
 * configuration arm, e.g. GPU frequency x batch size; Observe: learn from
 * the outcome).
 *
 * InferencePipeline owns the layers and asks its policy (attribute Policy)
 * at every hop; the policy answers with an index into the layer's
 * candidates, or NO_CANDIDATE to drop the job (reason NO_DEVICE). The paper's
 * SemiMarkovScheduler (uniform, long-term, adaptive) and the routing policies
 * of the edge-cluster study (greedy, latency-, energy- and carbon-aware) are
 * subclasses; a user's own policy is one more: subclass, implement DoRoute,
 * and hand it to LlmInferenceHelper::SetPolicy (see llm-edge-custom-policy).
 *
 * A policy overrides the decisions it makes (DoRoute, DoTune, DoObserve);
 * asking a policy for a decision it does not make is a configuration error
 * (ConfigError naming the policy), e.g. a tuner set as a pipeline's router.
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
        /// The candidates' last beacons (null: the router knows their state
        /// now, perfectly). A candidate without a report yet is read live.
        const std::vector<DeviceReport>* reports{nullptr};

        /// \param i a candidate \return what the router knows: it would accept a job
        bool IsAvailable(uint32_t i) const;
        /// \param i a candidate \return what the router knows: its State
        int32_t State(uint32_t i) const;
        /// \param i a candidate \return what the router knows: its power-mode index
        uint32_t ModeIndex(uint32_t i) const;
        /// \param i a candidate \return what the router knows: a job's completion
        /// there, counted from the report (or from now)
        Time ExpectedCompletion(uint32_t i) const;
        /// \param i a candidate \return what the router knows: energy of a job there, J
        double ExpectedEnergyJ(uint32_t i) const;
        /// \return the job's tokens
        JobTokens Tokens() const;

      private:
        /// \param i a candidate \return its report, or null to read it live
        const DeviceReport* Report(uint32_t i) const;
    };

    /// One tuning decision to make: the configuration of a device's next batch.
    struct TuningRequest
    {
        Ptr<EnergyHarvestingOrinDevice> device; ///< the device (null when tuned offline)
    };

    /// What one batch run in an arm cost, as the device measured it.
    struct Outcome
    {
        uint32_t arm;             ///< the arm the batch ran in
        double energyPerRequestJ; ///< measured energy per request, J
        double latencyS;          ///< measured latency per request, s
        Ptr<EnergyHarvestingOrinDevice> device; ///< the device (null when tuned offline)
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
     * \brief Choose the arm of a device's next batch (DoTune).
     * \param request the decision
     * \return the arm, in [0, GetNArms())
     */
    uint32_t Tune(const TuningRequest& request);

    /**
     * \brief Learn from a batch's outcome (DoObserve).
     * \param outcome what it cost
     */
    void Observe(const Outcome& outcome);

    /// \return the number of arms a tuning policy chooses among (0: it does not tune)
    virtual uint32_t GetNArms() const;

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
    /**
     * \brief TracedCallback signature of Outcome.
     * \param arm the arm
     * \param energyPerRequestJ measured energy per request, J
     * \param latencyS measured latency per request, s
     */
    typedef void (*OutcomeCallback)(uint32_t arm, double energyPerRequestJ, double latencyS);

  protected:
    /**
     * \brief The routing policy itself (default: a ConfigError, the policy
     * does not route).
     * \param request the decision
     * \return an index into request.candidates, or NO_CANDIDATE
     */
    virtual uint32_t DoRoute(const RoutingRequest& request);
    /**
     * \brief The tuning policy itself (default: a ConfigError, the policy
     * does not tune).
     * \param request the decision
     * \return an arm
     */
    virtual uint32_t DoTune(const TuningRequest& request);
    /**
     * \brief Learn from an outcome (default: nothing to learn).
     * \param outcome the outcome
     */
    virtual void DoObserve(const Outcome& outcome);

    /**
     * \brief Fire the Decision trace (for decisions made outside Route).
     * \param layer the layer
     * \param device the chosen device, or null
     */
    void TraceDecision(uint32_t layer, Ptr<EnergyHarvestingOrinDevice> device);

  private:
    TracedCallback<uint32_t, Ptr<EnergyHarvestingOrinDevice>> m_decisionTrace; ///< Decision
    TracedCallback<uint32_t, double, double> m_outcomeTrace; ///< Outcome: (arm, J, s)
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_INFERENCE_POLICY_H */
