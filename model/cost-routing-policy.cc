/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cost-routing-policy.h"

#include "llm-block-application.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(CostRoutingPolicy);

namespace
{
/// \return true if a is below b by more than the tie tolerance
bool
Below(double a, double b)
{
    return a < b - 1e-12 * std::max(std::abs(a), std::abs(b));
}
} // namespace

TypeId
CostRoutingPolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::CostRoutingPolicy")
                            .SetParent<InferencePolicy>()
                            .SetGroupName("LlmEdge");
    return tid;
}

uint32_t
CostRoutingPolicy::DoRoute(const RoutingRequest& request)
{
    const auto& c = request.candidates;
    auto n = static_cast<uint32_t>(c.size());
    if (m_next.size() <= request.layer)
    {
        m_next.resize(request.layer + 1, 0);
    }
    uint32_t& next = m_next[request.layer];
    uint32_t best = NO_CANDIDATE;
    RouteCost bestCost;
    for (uint32_t k = 0; k < n; ++k)
    {
        uint32_t i = (next + k) % n;
        if (!request.IsAvailable(i))
        {
            continue;
        }
        RouteCost v = Cost(request, i);
        bool better = best == NO_CANDIDATE || Below(v.first, bestCost.first) ||
                      (!Below(bestCost.first, v.first) && Below(v.second, bestCost.second));
        if (better)
        {
            best = i;
            bestCost = v;
        }
    }
    if (best != NO_CANDIDATE)
    {
        next = (best + 1) % n;
    }
    return best;
}

} // namespace llmedge
} // namespace ns3
