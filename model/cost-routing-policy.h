/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_COST_ROUTING_POLICY_H
#define LLM_EDGE_COST_ROUTING_POLICY_H

#include "inference-policy.h"

#include <utility>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Base of the policies that send a job to the available device of
 * least cost (latency, energy, carbon): a subclass gives Cost. Devices that
 * cannot take the job now (power saving, pending slot taken) are skipped;
 * with none available the job is dropped. A cost has two terms compared in
 * order (e.g. carbon, then latency). Ties (equal within 1e-12 relative) go
 * round-robin, so identical devices share the load instead of
 * the first taking every job.
 */
class CostRoutingPolicy : public InferencePolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// A cost: compared by its first term, then (within 1e-12 relative) by its second.
    typedef std::pair<double, double> RouteCost;

  protected:
    uint32_t DoRoute(const RoutingRequest& request) override;

    /**
     * \brief The cost of sending the job to one candidate (lower is better).
     * \param request the decision
     * \param i an available candidate
     * \return its cost, finite
     */
    virtual RouteCost Cost(const RoutingRequest& request, uint32_t i) = 0;

  private:
    std::vector<uint32_t> m_next; ///< per layer: where tie-breaking resumes
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_COST_ROUTING_POLICY_H */
