/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "trace-power-harvester.h"

#include "ns3/config-error.h"

#include "ns3/double.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TracePowerHarvester");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(TracePowerHarvester);

TypeId
TracePowerHarvester::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::TracePowerHarvester")
            .SetParent<SlotEnergyHarvester>()
            .SetGroupName("LlmEdge")
            .AddConstructor<TracePowerHarvester>()
            .AddAttribute("TraceFile",
                          "CSV file with a time column (s) and a power column (W).",
                          StringValue(""),
                          MakeStringAccessor(&TracePowerHarvester::m_file),
                          MakeStringChecker())
            .AddAttribute("TimeColumn",
                          "Name of the time column (seconds from simulation start).",
                          StringValue("time_s"),
                          MakeStringAccessor(&TracePowerHarvester::m_timeColumn),
                          MakeStringChecker())
            .AddAttribute("PowerColumn",
                          "Name of the power column (W).",
                          StringValue("power_w"),
                          MakeStringAccessor(&TracePowerHarvester::m_powerColumn),
                          MakeStringChecker())
            .AddAttribute("PowerScale",
                          "Factor applied to every power value (e.g. panel area ratio), >= 0.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&TracePowerHarvester::m_scale),
                          MakeDoubleChecker<double>())
            .AddAttribute("RepeatPeriod",
                          "Repeat the trace with this period (0: hold the last value).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&TracePowerHarvester::m_period),
                          MakeTimeChecker());
    return tid;
}

TracePowerHarvester::TracePowerHarvester()
    : m_scale(1.0)
{
    NS_LOG_FUNCTION(this);
}

TracePowerHarvester::~TracePowerHarvester()
{
    NS_LOG_FUNCTION(this);
}

const PowerTrace&
TracePowerHarvester::GetTrace()
{
    if (!m_loaded)
    {
        if (m_file.empty())
        {
            LLM_EDGE_CONFIG_ERROR("TracePowerHarvester: attribute TraceFile is empty");
        }
        try
        {
            m_trace = PowerTrace::LoadCsv(m_file, m_timeColumn, m_powerColumn, m_scale,
                                          m_period.GetSeconds());
        }
        catch (const ConfigError& e)
        {
            LLM_EDGE_CONFIG_ERROR("TracePowerHarvester: " << e.what());
        }
        m_loaded = true;
    }
    return m_trace;
}

double
TracePowerHarvester::DoDrawSlotEnergyJ(uint64_t /* slot */, double startS, double lengthS)
{
    return GetTrace().GetEnergyJ(startS, startS + lengthS);
}

} // namespace llmedge
} // namespace ns3
