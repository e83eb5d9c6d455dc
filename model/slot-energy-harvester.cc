/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "slot-energy-harvester.h"
#include "ns3/device-spec.h"

#include "ns3/config-error.h"

#include "ns3/energy-source.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SlotEnergyHarvester");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(SlotEnergyHarvester);

TypeId
SlotEnergyHarvester::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::SlotEnergyHarvester")
            .SetParent<EnergyHarvester>()
            .SetGroupName("LlmEdge")
            .AddAttribute("SlotDuration",
                          "Slot length T (> 0); must equal the device's. Paper: 100 s.",
                          TimeValue(Seconds(kDefaultSlotS)),
                          MakeTimeAccessor(&SlotEnergyHarvester::m_slot),
                          MakeTimeChecker())
            .AddTraceSource("SlotEnergy",
                            "Energy harvested in a slot: (slot index, J).",
                            MakeTraceSourceAccessor(&SlotEnergyHarvester::m_slotTrace),
                            "ns3::llmedge::SlotEnergyHarvester::SlotEnergyCallback");
    return tid;
}

SlotEnergyHarvester::SlotEnergyHarvester()
{
    NS_LOG_FUNCTION(this);
}

SlotEnergyHarvester::~SlotEnergyHarvester()
{
    NS_LOG_FUNCTION(this);
}

void
SlotEnergyHarvester::DoDispose()
{
    m_event.Cancel();
    Object::DoDispose(); // EnergyHarvester::DoDispose is private in 3.37
}

Time
SlotEnergyHarvester::GetSlotDuration() const
{
    return m_slot;
}

bool
SlotEnergyHarvester::GetSlotPmf(double unitJ, HarvestPmf& pmf, double& meanJ) const
{
    return DoGetSlotPmf(unitJ, pmf, meanJ);
}

bool
SlotEnergyHarvester::DoGetSlotPmf(double /* unitJ */,
                                  HarvestPmf& /* pmf */,
                                  double& /* meanJ */) const
{
    return false;
}

int64_t
SlotEnergyHarvester::AssignStreams(int64_t /* stream */)
{
    return 0;
}

double
SlotEnergyHarvester::GetSlotEnergyJ(uint64_t slot)
{
    if (slot + 1 == m_nextSlot)
    {
        return m_lastEnergyJ;
    }
    if (!m_slot.IsStrictlyPositive())
    {
        LLM_EDGE_CONFIG_ERROR("SlotEnergyHarvester: invalid SlotDuration = " << m_slot.As(Time::S)
                                                                      << ": must be > 0");
    }
    NS_ABORT_MSG_IF(slot + 1 < m_nextSlot,
                    "SlotEnergyHarvester: slot " << slot << " asked after slot " << m_nextSlot - 1);
    double lengthS = m_slot.GetSeconds();
    while (m_nextSlot <= slot)
    {
        double e = DoDrawSlotEnergyJ(m_nextSlot, m_nextSlot * lengthS, lengthS);
        if (!(e >= 0) || !std::isfinite(e))
        {
            LLM_EDGE_CONFIG_ERROR("SlotEnergyHarvester: slot " << m_nextSlot << " drew energy " << e
                                                        << " J: harvest must be finite and >= 0");
        }
        m_lastEnergyJ = e;
        m_slotTrace(m_nextSlot, e);
        ++m_nextSlot;
    }
    return m_lastEnergyJ;
}

void
SlotEnergyHarvester::SkipToSlot(uint64_t slot)
{
    m_nextSlot = std::max(m_nextSlot, slot);
}

void
SlotEnergyHarvester::StartContinuous()
{
    NS_LOG_FUNCTION(this);
    uint64_t slot = static_cast<uint64_t>(std::floor(Simulator::Now().GetSeconds() / m_slot.GetSeconds()));
    ContinuousSlot(slot);
}

void
SlotEnergyHarvester::ContinuousSlot(uint64_t slot)
{
    Ptr<EnergySource> source = GetEnergySource();
    NS_ABORT_MSG_IF(!source, "SlotEnergyHarvester: no energy source connected");
    source->UpdateEnergySource(); // integrate the old power up to now
    m_powerW = GetSlotEnergyJ(slot) / m_slot.GetSeconds();
    source->UpdateEnergySource(); // re-plan threshold crossings with the new power
    Time next = m_slot * static_cast<int64_t>(slot + 1) - Simulator::Now();
    m_event = Simulator::Schedule(next, &SlotEnergyHarvester::ContinuousSlot, this, slot + 1);
}

double
SlotEnergyHarvester::DoGetPower() const
{
    return m_powerW;
}

} // namespace llmedge
} // namespace ns3
