/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_CARBON_AWARE_POLICY_H
#define LLM_EDGE_CARBON_AWARE_POLICY_H

#include "cost-routing-policy.h"

#include "ns3/nstime.h"

namespace ns3
{
namespace llmedge
{

class EnergyHarvestingOrinDevice;

/**
 * \ingroup llm-edge
 * \brief Least carbon: the energy of the job's block on a candidate times
 * the share of it the grid would serve now times the carbon intensity of
 * the candidate's grid zone now (g = J x share x g/kWh / 3.6e6). The grid
 * share is 0 for a device without grid (harvest and battery only), 1 for a
 * grid-only device and for a hybrid device currently on the grid, 0 for a
 * hybrid device on its battery. Ties (e.g. every candidate on solar) go to
 * the least expected completion.
 *
 * With LatencyBound > 0, only candidates whose expected completion (as
 * LatencyAwarePolicy computes it) is within the bound are considered by
 * carbon; when none is, the choice falls back to the least expected
 * completion.
 */
class CarbonAwarePolicy : public CostRoutingPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    CarbonAwarePolicy();

    /**
     * \param device a device
     * \return the share of its next job's energy the grid would serve now (0 or 1)
     */
    static double GridShareNow(Ptr<EnergyHarvestingOrinDevice> device);

    /**
     * \param device a device
     * \param energyJ energy of a job on it, J
     * \return the job's expected grid carbon if it ran now, g CO2eq
     */
    static double ExpectedCarbonG(Ptr<EnergyHarvestingOrinDevice> device, double energyJ);

  protected:
    RouteCost Cost(const RoutingRequest& request, uint32_t i) override;

  private:
    Time m_latencyBound; ///< attribute LatencyBound (0: none)
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_CARBON_AWARE_POLICY_H */
