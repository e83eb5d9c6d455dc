/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_GREEDY_POLICY_H
#define LLM_EDGE_GREEDY_POLICY_H

#include "inference-policy.h"

#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The edge-cluster study's greedy baseline: the first idle device of
 * the layer (in the layer's order); when none is idle, round-robin over the
 * devices that can take the job (a free pending slot, not in power saving);
 * with none, the job is dropped. It knows nothing of energy, carbon or the
 * links.
 */
class GreedyPolicy : public InferencePolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

  protected:
    uint32_t DoRoute(const RoutingRequest& request) override;

  private:
    std::vector<uint32_t> m_next; ///< per layer: where the round-robin resumes
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_GREEDY_POLICY_H */
