/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_LATENCY_AWARE_POLICY_H
#define LLM_EDGE_LATENCY_AWARE_POLICY_H

#include "cost-routing-policy.h"

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Least expected completion: the link delay from the job's node to
 * the candidate (the pipeline's estimate) plus the candidate's queue wait and
 * compute time in its current mode, or under Batched accounting the batch it
 * would join (EnergyHarvestingOrinDevice::GetExpectedCompletion with the
 * job's token counts).
 */
class LatencyAwarePolicy : public CostRoutingPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param request a decision
     * \param i a candidate
     * \return the expected completion of the job's block on it, s
     */
    static double ExpectedCompletionS(const RoutingRequest& request, uint32_t i);

  protected:
    RouteCost Cost(const RoutingRequest& request, uint32_t i) override;
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_LATENCY_AWARE_POLICY_H */
