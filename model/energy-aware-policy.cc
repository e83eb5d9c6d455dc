/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "energy-aware-policy.h"

#include "latency-aware-policy.h"
#include "llm-block-application.h"

namespace ns3
{
namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(EnergyAwarePolicy);

TypeId
EnergyAwarePolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::EnergyAwarePolicy")
                            .SetParent<CostRoutingPolicy>()
                            .SetGroupName("LlmEdge")
                            .AddConstructor<EnergyAwarePolicy>();
    return tid;
}

CostRoutingPolicy::RouteCost
EnergyAwarePolicy::Cost(const RoutingRequest& request, uint32_t i)
{
    double energyJ = request.ExpectedEnergyJ(i);
    return {energyJ, LatencyAwarePolicy::ExpectedCompletionS(request, i)};
}

} // namespace llmedge
} // namespace ns3
