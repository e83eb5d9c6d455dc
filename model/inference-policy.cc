/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "inference-policy.h"

#include "llm-block-application.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("InferencePolicy");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(InferencePolicy);

TypeId
InferencePolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::InferencePolicy")
            .SetParent<Object>()
            .SetGroupName("LlmEdge")
            .AddTraceSource("Decision",
                            "A routing decision: (layer, chosen device or null when none).",
                            MakeTraceSourceAccessor(&InferencePolicy::m_decisionTrace),
                            "ns3::llmedge::InferencePolicy::DecisionCallback");
    return tid;
}

InferencePolicy::InferencePolicy() = default;

InferencePolicy::~InferencePolicy() = default;

uint32_t
InferencePolicy::Route(const RoutingRequest& request)
{
    uint32_t i = DoRoute(request);
    // A policy answering outside the layer is a programming error in the
    // policy, not bad input: stop with the policy's name.
    NS_ABORT_MSG_IF(i != NO_CANDIDATE && i >= request.candidates.size(),
                    GetInstanceTypeId().GetName()
                        << ": DoRoute returned candidate " << i << " of a layer of "
                        << request.candidates.size());
    Ptr<EnergyHarvestingOrinDevice> d =
        i == NO_CANDIDATE ? nullptr : request.candidates[i]->GetDevice();
    NS_LOG_LOGIC("job " << request.job.id << " layer " << request.layer << ": candidate "
                        << (i == NO_CANDIDATE ? -1 : static_cast<int64_t>(i)));
    m_decisionTrace(request.layer, d);
    return i;
}

int64_t
InferencePolicy::AssignStreams(int64_t /* stream */)
{
    return 0;
}

void
InferencePolicy::TraceDecision(uint32_t layer, Ptr<EnergyHarvestingOrinDevice> device)
{
    m_decisionTrace(layer, device);
}

} // namespace llmedge
} // namespace ns3
