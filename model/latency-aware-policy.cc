/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "latency-aware-policy.h"

#include "inference-pipeline.h"
#include "llm-block-application.h"

namespace ns3
{
namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(LatencyAwarePolicy);

TypeId
LatencyAwarePolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::LatencyAwarePolicy")
                            .SetParent<CostRoutingPolicy>()
                            .SetGroupName("LlmEdge")
                            .AddConstructor<LatencyAwarePolicy>();
    return tid;
}

double
LatencyAwarePolicy::ExpectedCompletionS(const RoutingRequest& request, uint32_t i)
{
    const auto& app = request.candidates[i];
    Time link = request.pipeline.EstimateLinkDelay(request.from, app->GetNode());
    return (link + request.ExpectedCompletion(i)).GetSeconds();
}

CostRoutingPolicy::RouteCost
LatencyAwarePolicy::Cost(const RoutingRequest& request, uint32_t i)
{
    return {ExpectedCompletionS(request, i), 0.0};
}

} // namespace llmedge
} // namespace ns3
