/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "bernoulli-job-source.h"
#include "ns3/device-spec.h"

#include "ns3/config-error.h"

#include "ns3/double.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BernoulliJobSource");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(BernoulliJobSource);

TypeId
BernoulliJobSource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::BernoulliJobSource")
            .SetParent<Object>()
            .SetGroupName("LlmEdge")
            .AddConstructor<BernoulliJobSource>()
            .AddAttribute("Probability",
                          "Job probability per slot q, in [0, 1].",
                          DoubleValue(0.3),
                          MakeDoubleAccessor(&BernoulliJobSource::m_probability),
                          MakeDoubleChecker<double>())
            .AddAttribute("SlotDuration",
                          "Slot length T (> 0).",
                          TimeValue(Seconds(kDefaultSlotS)),
                          MakeTimeAccessor(&BernoulliJobSource::m_slot),
                          MakeTimeChecker())
            .AddAttribute("ArrivalOffset",
                          "Position of an arrival inside its slot, as a fraction in (0, 1).",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&BernoulliJobSource::m_offset),
                          MakeDoubleChecker<double>());
    return tid;
}

BernoulliJobSource::BernoulliJobSource()
    : m_probability(0.3),
      m_offset(0.5),
      m_rng(CreateObject<UniformRandomVariable>())
{
}

BernoulliJobSource::~BernoulliJobSource() = default;

void
BernoulliJobSource::DoDispose()
{
    m_event.Cancel();
    m_cb = ArrivalCallback();
    Object::DoDispose();
}

void
BernoulliJobSource::SetArrivalCallback(ArrivalCallback cb)
{
    m_cb = cb;
}

int64_t
BernoulliJobSource::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

uint64_t
BernoulliJobSource::GetArrivals() const
{
    return m_arrivals;
}

void
BernoulliJobSource::Start(uint64_t firstSlot, uint64_t count)
{
    if (!(m_probability >= 0 && m_probability <= 1))
    {
        LLM_EDGE_CONFIG_ERROR("BernoulliJobSource: invalid Probability = " << m_probability
                                                                    << ": must lie in [0, 1]");
    }
    if (!(m_offset > 0 && m_offset < 1))
    {
        LLM_EDGE_CONFIG_ERROR("BernoulliJobSource: invalid ArrivalOffset = " << m_offset
                                                                      << ": must lie in (0, 1)");
    }
    if (!m_slot.IsStrictlyPositive())
    {
        LLM_EDGE_CONFIG_ERROR("BernoulliJobSource: invalid SlotDuration = " << m_slot.As(Time::S)
                                                                     << ": must be > 0");
    }
    // count may run to the end of time (LlmRequestSource: until stopped).
    m_end = count > UINT64_MAX - firstSlot ? UINT64_MAX : firstSlot + count;
    if (count == 0)
    {
        return;
    }
    Time at = m_slot * static_cast<int64_t>(firstSlot) + m_slot * m_offset - Simulator::Now();
    NS_ABORT_MSG_IF(at.IsNegative(), "BernoulliJobSource: first slot already past");
    m_event = Simulator::Schedule(at, &BernoulliJobSource::Slot, this, firstSlot);
}

void
BernoulliJobSource::Stop()
{
    m_event.Cancel();
}

void
BernoulliJobSource::Slot(uint64_t slot)
{
    if (m_rng->GetValue() < m_probability)
    {
        uint64_t id = m_arrivals++;
        if (!m_cb.IsNull())
        {
            m_cb(id);
        }
    }
    if (slot + 1 < m_end)
    {
        m_event = Simulator::Schedule(m_slot, &BernoulliJobSource::Slot, this, slot + 1);
    }
}

} // namespace llmedge
} // namespace ns3
