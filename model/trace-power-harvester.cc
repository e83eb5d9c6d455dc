/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "trace-power-harvester.h"

#include "ns3/config-error.h"
#include "ns3/solar-export.h"

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
                          "CSV file: with TraceFormat 'columns' a time column (s) and a power "
                          "column (W); else a solar export (see TraceFormat).",
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
                          MakeTimeChecker())
            .AddAttribute("TraceFormat",
                          "Layout of TraceFile: 'columns' (TimeColumn, PowerColumn, "
                          "PowerScale), 'pvgis-hourly' (PVGIS hourly time series CSV: P or "
                          "G(i)) or 'nsrdb-tmy' (NREL NSRDB/SAM CSV: GHI); the exports need "
                          "the panel: PanelAreaM2 with PanelEfficiency, or RatedPowerW.",
                          StringValue("columns"),
                          MakeStringAccessor(&TracePowerHarvester::m_format),
                          MakeStringChecker())
            .AddAttribute("PanelAreaM2",
                          "Solar exports: panel area, m^2 (power = irradiance x area x "
                          "PanelEfficiency); 0 to use RatedPowerW.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&TracePowerHarvester::m_areaM2),
                          MakeDoubleChecker<double>())
            .AddAttribute("PanelEfficiency",
                          "Solar exports with PanelAreaM2: conversion efficiency, (0, 1].",
                          DoubleValue(0.2),
                          MakeDoubleAccessor(&TracePowerHarvester::m_efficiency),
                          MakeDoubleChecker<double>())
            .AddAttribute("RatedPowerW",
                          "Solar exports: the panel's rated power at 1000 W/m^2, W (PVGIS' P "
                          "is scaled from the export's nominal power to it); 0 to use "
                          "PanelAreaM2.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&TracePowerHarvester::m_ratedW),
                          MakeDoubleChecker<double>());
    return tid;
}

TracePowerHarvester::TracePowerHarvester()
    : m_scale(1.0),
      m_format("columns")
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
            if (m_format == "columns")
            {
                m_trace = PowerTrace::LoadCsv(m_file, m_timeColumn, m_powerColumn, m_scale,
                                              m_period.GetSeconds());
            }
            else
            {
                m_trace = SolarExport::Load(m_file,
                                            m_format,
                                            {m_areaM2, m_efficiency, m_ratedW},
                                            m_period.GetSeconds());
            }
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
