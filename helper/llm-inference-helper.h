/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_LLM_INFERENCE_HELPER_H
#define LLM_EDGE_LLM_INFERENCE_HELPER_H

#include "energy-harvesting-orin-device-helper.h"

#include "ns3/inference-pipeline.h"
#include "ns3/llm-block-application.h"
#include "ns3/llm-request-source.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Deploys an LLM split into layers on the user's own topology.
 *
 * Give one NodeContainer per layer (any number of layers, any sizes) and the
 * node of the request source. Links, the internet stack and addresses are
 * the user's (needed only for the "tcp" transport: each endpoint listens on
 * the first IPv4 address of its node). The helper installs on every layer
 * node an EnergyHarvestingOrinDevice (unless one is there already; configure
 * them through Devices()) and an LlmBlockApplication, on the source node an
 * LlmRequestSource, and ties them with an InferencePipeline and its
 * routing policy (a SemiMarkovScheduler unless SetPolicy names another
 * InferencePolicy).
 */
class LlmInferenceHelper
{
  public:
    LlmInferenceHelper();

    /// \return the helper that installs the devices (battery, harvester, modes)
    EnergyHarvestingOrinDeviceHelper& Devices();

    /**
     * \param name attribute of InferencePipeline (Transport, PayloadBytes)
     * \param value its value
     */
    void SetPipelineAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Choose the routing policy (default ns3::llmedge::SemiMarkovScheduler).
     * \param typeName the TypeId name of an InferencePolicy subclass
     */
    void SetPolicy(const std::string& typeName);
    /**
     * \param name attribute of the routing policy
     * \param value its value
     */
    void SetPolicyAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Same as SetPolicyAttribute (the policy is a SemiMarkovScheduler
     * by default: Policy, RiskLimit, ...).
     * \param name attribute of the policy
     * \param value its value
     */
    void SetSchedulerAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name attribute of LlmRequestSource (Arrivals, Probability, ...)
     * \param value its value
     */
    void SetSourceAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name attribute of LlmBlockApplication (Port)
     * \param value its value
     */
    void SetBlockAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param layers the nodes of each layer, in pipeline order
     * \param source the node of the request source (may also be a layer node)
     * \return the pipeline (its applications start at time 0)
     */
    Ptr<InferencePipeline> Install(const std::vector<NodeContainer>& layers, Ptr<Node> source) const;

    /**
     * \brief Fix the random streams of the deployment.
     * \param pipeline a pipeline installed by this helper
     * \param stream first stream index
     * \return streams used
     */
    static int64_t AssignStreams(Ptr<InferencePipeline> pipeline, int64_t stream);

    /**
     * \brief Node-specific uniform harvest around a mean (the paper's
     * setting, whose bounds it does not give): device j of each layer of N
     * draws U[m_j / 2, 3 m_j / 2] J per slot with m_j = m (0.5 + j / (N - 1)).
     * \param pipeline a pipeline whose devices use RandomSlotHarvester
     * \param meanJ the mean m, J per slot
     */
    static void SetNodeSpecificHarvest(Ptr<InferencePipeline> pipeline, double meanJ);

    /**
     * \brief Node-specific uniform harvest with a chosen spread: device j of
     * each layer of N draws U[(1 - w) m_j, (1 + w) m_j] J per slot with
     * m_j = m (1 - a + 2 a j / (N - 1)). a = w = 0.5 is the overload above.
     * \param pipeline a pipeline whose devices use RandomSlotHarvester
     * \param meanJ the mean m, J per slot
     * \param nodeSpread a in [0, 1]: spread of the device means around m
     * \param width w in [0, 1]: half-width of each device's uniform, relative to m_j
     */
    static void SetNodeSpecificHarvest(Ptr<InferencePipeline> pipeline,
                                       double meanJ,
                                       double nodeSpread,
                                       double width);

    /**
     * \brief The paper's layout: L layers of N nodes each (no links).
     * \param layers L
     * \param perLayer N
     * \return the node containers, one per layer
     */
    static std::vector<NodeContainer> CreateLayout(uint32_t layers, uint32_t perLayer);

  private:
    EnergyHarvestingOrinDeviceHelper m_devices; ///< device installation
    ObjectFactory m_pipeline;  ///< pipeline factory
    ObjectFactory m_policy;    ///< routing-policy factory
    ObjectFactory m_source;    ///< source factory
    ObjectFactory m_block;     ///< block application factory
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_LLM_INFERENCE_HELPER_H */
