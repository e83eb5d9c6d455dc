/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_ENERGY_AWARE_POLICY_H
#define LLM_EDGE_ENERGY_AWARE_POLICY_H

#include "cost-routing-policy.h"

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Least energy per request: the candidate's expected energy for the
 * job (EnergyHarvestingOrinDevice::GetExpectedEnergyPerJobJ: its current
 * power mode's energy per job, or under Batched accounting its share of the
 * batch it would join); ties by expected completion.
 */
class EnergyAwarePolicy : public CostRoutingPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

  protected:
    RouteCost Cost(const RoutingRequest& request, uint32_t i) override;
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_ENERGY_AWARE_POLICY_H */
