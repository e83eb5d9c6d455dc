/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "grid-supply.h"

#include "ns3/config-error.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("GridSupply");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(GridSupply);

TypeId
GridSupply::GetTypeId()
{
    // Checkers are unbounded: Configure reports bad values as ConfigError
    // (exit status 2 in the programs) instead of ns-3's abort.
    static TypeId tid =
        TypeId("ns3::llmedge::GridSupply")
            .SetParent<Object>()
            .SetGroupName("LlmEdge")
            .AddConstructor<GridSupply>()
            .AddAttribute("Mode",
                          "\"none\" (battery alone, as without a grid supply), \"grid-only\" "
                          "(the grid serves all demand) or \"hybrid\" (harvest and battery "
                          "first, the grid behind them).",
                          StringValue("none"),
                          MakeStringAccessor(&GridSupply::m_modeName),
                          MakeStringChecker())
            .AddAttribute("SwitchRule",
                          "Hybrid: \"below-threshold\" (the battery is not drawn below "
                          "ThresholdFraction of its capacity) or \"when-empty\" (drawn to 0).",
                          StringValue("below-threshold"),
                          MakeStringAccessor(&GridSupply::m_ruleName),
                          MakeStringChecker())
            .AddAttribute("ThresholdFraction",
                          "Hybrid, below-threshold: switch level / capacity, in [0, 1].",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&GridSupply::m_thresholdFraction),
                          MakeDoubleChecker<double>())
            .AddAttribute("HysteresisFraction",
                          "Hybrid: once on the grid, the battery is drawn again only when it "
                          "has risen this fraction of its capacity above the switch level, in "
                          "[0, 1] (switch level + hysteresis <= 1). 0: no hysteresis.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&GridSupply::m_hysteresisFraction),
                          MakeDoubleChecker<double>())
            .AddAttribute("CarbonIntensity",
                          "Constant carbon intensity of the grid energy, g CO2eq/kWh (>= 0); "
                          "SetCarbonIntensityFunction overrides it.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&GridSupply::m_intensityGPerKWh),
                          MakeDoubleChecker<double>())
            .AddAttribute("IntensityResolution",
                          "Step of a piecewise-constant intensity function (e.g. 1 h for an "
                          "hourly trace): a draw is split at multiples of it. 0: the intensity "
                          "at the middle of each draw.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&GridSupply::m_resolution),
                          MakeTimeChecker())
            .AddTraceSource("GridEnergy",
                            "Grid energy drawn so far, J.",
                            MakeTraceSourceAccessor(&GridSupply::m_gridEnergyJ),
                            "ns3::TracedValueCallback::Double")
            .AddTraceSource("Carbon",
                            "Carbon of the grid energy so far, g CO2eq.",
                            MakeTraceSourceAccessor(&GridSupply::m_carbonG),
                            "ns3::TracedValueCallback::Double")
            .AddTraceSource("OnGrid",
                            "Hybrid: true while the battery is held and the grid serves the "
                            "demand harvest does not (between the switch and resume levels).",
                            MakeTraceSourceAccessor(&GridSupply::m_onGrid),
                            "ns3::TracedValueCallback::Bool")
            .AddTraceSource("Draw",
                            "One grid draw: (energy J, carbon g, start, end).",
                            MakeTraceSourceAccessor(&GridSupply::m_drawTrace),
                            "ns3::llmedge::GridSupply::DrawCallback");
    return tid;
}

GridSupply::GridSupply()
    : m_modeName("none"),
      m_ruleName("below-threshold"),
      m_thresholdFraction(0.1),
      m_hysteresisFraction(0.1),
      m_intensityGPerKWh(0.0)
{
    NS_LOG_FUNCTION(this);
}

GridSupply::~GridSupply()
{
    NS_LOG_FUNCTION(this);
}

void
GridSupply::DoDispose()
{
    m_intensity = IntensityFunction();
    Object::DoDispose();
}

void
GridSupply::Configure(double capacityJ, double initialJ)
{
    NS_LOG_FUNCTION(this << capacityJ << initialJ);
    try
    {
        if (m_resolution.IsStrictlyNegative())
        {
            ThrowConfigError("IntensityResolution",
                             FormatValue(m_resolution.GetSeconds()) + " s",
                             "must be >= 0");
        }
        GridLedger::Config c;
        c.mode = m_modeName;
        c.rule = m_ruleName;
        c.thresholdFraction = m_thresholdFraction;
        c.hysteresisFraction = m_hysteresisFraction;
        c.intensityGPerKWh = m_intensityGPerKWh;
        m_ledger = GridLedger(c, capacityJ, initialJ);
    }
    catch (const ConfigError& e)
    {
        LLM_EDGE_CONFIG_ERROR("GridSupply: " << e.what());
    }
    m_configured = true;
    m_gridEnergyJ = 0;
    m_carbonG = 0;
    m_onGrid = m_ledger.IsOnGrid();
}

void
GridSupply::Observe(double energyJ, double toleranceJ)
{
    if (m_ledger.Observe(energyJ, toleranceJ))
    {
        NS_LOG_LOGIC(this << " grid " << (m_ledger.IsOnGrid() ? "on" : "off") << " at " << energyJ
                          << " J");
        m_onGrid = m_ledger.IsOnGrid();
    }
}

bool
GridSupply::IsActive() const
{
    return m_configured && m_ledger.IsActive();
}

const GridLedger&
GridSupply::GetLedger() const
{
    return m_ledger;
}

void
GridSupply::SetCarbonIntensityFunction(IntensityFunction f)
{
    m_intensity = std::move(f);
}

double
GridSupply::GetCarbonIntensity(Time t) const
{
    if (!m_intensity)
    {
        return m_intensityGPerKWh;
    }
    return GridLedger::MeanIntensity(m_intensity, t.GetSeconds(), t.GetSeconds(), 0);
}

void
GridSupply::Draw(double gridJ, Time from, Time to)
{
    if (!(gridJ > 0))
    {
        return;
    }
    double mean = m_intensityGPerKWh;
    try
    {
        if (m_intensity)
        {
            mean = GridLedger::MeanIntensity(m_intensity,
                                             from.GetSeconds(),
                                             to.GetSeconds(),
                                             m_resolution.GetSeconds());
        }
        double grams = m_ledger.AddDraw(gridJ, mean);
        NS_LOG_LOGIC(this << " grid " << gridJ << " J over [" << from.GetSeconds() << ", "
                          << to.GetSeconds() << "] s at " << mean << " g/kWh: " << grams << " g");
        m_gridEnergyJ = m_ledger.GetGridJ();
        m_carbonG = m_ledger.GetCarbonG();
        m_drawTrace(gridJ, grams, from, to);
    }
    catch (const ConfigError& e)
    {
        LLM_EDGE_CONFIG_ERROR("GridSupply: " << e.what());
    }
}

double
GridSupply::GetGridEnergyJ() const
{
    return m_ledger.GetGridJ();
}

double
GridSupply::GetCarbonGrams() const
{
    return m_ledger.GetCarbonG();
}

double
GridSupply::GetCarbonBalanceErrorG() const
{
    return m_ledger.GetCarbonBalanceErrorG();
}

const std::string&
GridSupply::GetMode() const
{
    return m_modeName;
}

} // namespace llmedge
} // namespace ns3
