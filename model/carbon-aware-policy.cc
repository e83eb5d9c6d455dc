/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "carbon-aware-policy.h"

#include "ns3/carbon-intensity.h"
#include "grid-supply.h"
#include "latency-aware-policy.h"
#include "llm-block-application.h"

#include "ns3/nstime.h"
#include "ns3/simulator.h"

namespace ns3
{
namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(CarbonAwarePolicy);

namespace
{
/// First cost term of a candidate beyond the latency bound: above any carbon,
/// finite so that comparisons with it stay exact.
constexpr double kBeyondBound = 1e300;
} // namespace

TypeId
CarbonAwarePolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::CarbonAwarePolicy")
            .SetParent<CostRoutingPolicy>()
            .SetGroupName("LlmEdge")
            .AddConstructor<CarbonAwarePolicy>()
            .AddAttribute("LatencyBound",
                          "Consider by carbon only candidates whose expected completion is "
                          "within this bound (0: no bound); none within: least completion.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&CarbonAwarePolicy::m_latencyBound),
                          MakeTimeChecker(Time(0)));
    return tid;
}

CarbonAwarePolicy::CarbonAwarePolicy()
    : m_latencyBound(0)
{
}

double
CarbonAwarePolicy::GridShareNow(Ptr<EnergyHarvestingOrinDevice> device)
{
    Ptr<GridSupply> grid = device->GetBattery()->GetGridSupply();
    if (!grid || !grid->IsActive())
    {
        return 0.0;
    }
    return grid->GetMode() == "grid-only" || grid->GetLedger().IsOnGrid() ? 1.0 : 0.0;
}

double
CarbonAwarePolicy::ExpectedCarbonG(Ptr<EnergyHarvestingOrinDevice> device, double energyJ)
{
    double share = GridShareNow(device);
    if (share == 0)
    {
        return 0.0;
    }
    Ptr<GridSupply> grid = device->GetBattery()->GetGridSupply();
    return GridEnergyToGramsCo2(energyJ * share, grid->GetCarbonIntensity(Simulator::Now()));
}

CostRoutingPolicy::RouteCost
CarbonAwarePolicy::Cost(const RoutingRequest& request, uint32_t i)
{
    double latencyS = LatencyAwarePolicy::ExpectedCompletionS(request, i);
    if (m_latencyBound.IsStrictlyPositive() && latencyS > m_latencyBound.GetSeconds())
    {
        return {kBeyondBound, latencyS};
    }
    Ptr<EnergyHarvestingOrinDevice> d = request.candidates[i]->GetDevice();
    return {ExpectedCarbonG(d, request.ExpectedEnergyJ(i)), latencyS};
}

} // namespace llmedge
} // namespace ns3
