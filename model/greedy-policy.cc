/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "greedy-policy.h"

#include "llm-block-application.h"

namespace ns3
{
namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(GreedyPolicy);

TypeId
GreedyPolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::GreedyPolicy")
                            .SetParent<InferencePolicy>()
                            .SetGroupName("LlmEdge")
                            .AddConstructor<GreedyPolicy>();
    return tid;
}

uint32_t
GreedyPolicy::DoRoute(const RoutingRequest& request)
{
    const auto& c = request.candidates;
    auto n = static_cast<uint32_t>(c.size());
    for (uint32_t i = 0; i < n; ++i)
    {
        if (request.State(i) == EnergyHarvestingOrinDevice::IDLE && request.IsAvailable(i))
        {
            return i;
        }
    }
    if (m_next.size() <= request.layer)
    {
        m_next.resize(request.layer + 1, 0);
    }
    uint32_t& next = m_next[request.layer];
    for (uint32_t k = 0; k < n; ++k)
    {
        uint32_t i = (next + k) % n;
        if (request.IsAvailable(i))
        {
            next = (i + 1) % n;
            return i;
        }
    }
    return NO_CANDIDATE;
}

} // namespace llmedge
} // namespace ns3
