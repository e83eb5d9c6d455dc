/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "inference-policy.h"

#include "ns3/config-error.h"
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
                            "ns3::llmedge::InferencePolicy::DecisionCallback")
            .AddTraceSource("Outcome",
                            "A tuned batch's measured outcome: (arm, J per request, s per "
                            "request).",
                            MakeTraceSourceAccessor(&InferencePolicy::m_outcomeTrace),
                            "ns3::llmedge::InferencePolicy::OutcomeCallback");
    return tid;
}

InferencePolicy::InferencePolicy() = default;

InferencePolicy::~InferencePolicy() = default;

const DeviceReport*
InferencePolicy::RoutingRequest::Report(uint32_t i) const
{
    if (!reports || !(*reports)[i].valid)
    {
        return nullptr;
    }
    return &(*reports)[i];
}

bool
InferencePolicy::RoutingRequest::IsAvailable(uint32_t i) const
{
    const DeviceReport* r = Report(i);
    return r ? r->available : candidates[i]->GetDevice()->IsAvailable();
}

int32_t
InferencePolicy::RoutingRequest::State(uint32_t i) const
{
    const DeviceReport* r = Report(i);
    return r ? r->state : candidates[i]->GetDevice()->GetState();
}

uint32_t
InferencePolicy::RoutingRequest::ModeIndex(uint32_t i) const
{
    const DeviceReport* r = Report(i);
    return r ? r->mode : static_cast<uint32_t>(candidates[i]->GetDevice()->GetCurrentModeIndex());
}

JobTokens
InferencePolicy::RoutingRequest::Tokens() const
{
    return JobTokens{job.inputTokens, job.outputTokens};
}

Time
InferencePolicy::RoutingRequest::ExpectedCompletion(uint32_t i) const
{
    const DeviceReport* r = Report(i);
    return r ? r->expectedCompletion : candidates[i]->GetDevice()->GetExpectedCompletion(Tokens());
}

double
InferencePolicy::RoutingRequest::ExpectedEnergyJ(uint32_t i) const
{
    const DeviceReport* r = Report(i);
    return r ? r->expectedEnergyJ : candidates[i]->GetDevice()->GetExpectedEnergyPerJobJ(Tokens());
}

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

uint32_t
InferencePolicy::Tune(const TuningRequest& request)
{
    uint32_t arm = DoTune(request);
    NS_ABORT_MSG_IF(arm >= GetNArms(),
                    GetInstanceTypeId().GetName() << ": DoTune returned arm " << arm << " of "
                                                  << GetNArms());
    return arm;
}

void
InferencePolicy::Observe(const Outcome& outcome)
{
    m_outcomeTrace(outcome.arm, outcome.energyPerRequestJ, outcome.latencyS);
    DoObserve(outcome);
}

uint32_t
InferencePolicy::GetNArms() const
{
    return 0;
}

uint32_t
InferencePolicy::DoRoute(const RoutingRequest& /* request */)
{
    ThrowConfigError("Policy", GetInstanceTypeId().GetName(), "does not route jobs");
}

uint32_t
InferencePolicy::DoTune(const TuningRequest& /* request */)
{
    ThrowConfigError("Policy", GetInstanceTypeId().GetName(), "does not tune devices");
}

void
InferencePolicy::DoObserve(const Outcome& /* outcome */)
{
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
