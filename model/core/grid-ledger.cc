/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "grid-ledger.h"

#include "config-error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{
namespace llmedge
{

GridLedger::Mode
GridLedger::ParseMode(const std::string& text)
{
    if (text == "none")
    {
        return Mode::NONE;
    }
    if (text == "grid-only")
    {
        return Mode::GRID_ONLY;
    }
    if (text == "hybrid")
    {
        return Mode::HYBRID;
    }
    ThrowConfigError("Mode", "'" + text + "'", "expected \"none\", \"grid-only\" or \"hybrid\"");
}

GridLedger::Rule
GridLedger::ParseRule(const std::string& text)
{
    if (text == "below-threshold")
    {
        return Rule::BELOW_THRESHOLD;
    }
    if (text == "when-empty")
    {
        return Rule::WHEN_EMPTY;
    }
    ThrowConfigError("SwitchRule",
                     "'" + text + "'",
                     "expected \"below-threshold\" or \"when-empty\"");
}

namespace
{
/// ConfigError unless \p v is a finite fraction in [0, 1].
void
CheckFraction(const char* name, double v)
{
    if (!(v >= 0 && v <= 1))
    {
        ThrowConfigError(name, FormatValue(v), "must lie in [0, 1]");
    }
}
} // namespace

GridLedger::GridLedger(const Config& config, double capacityJ, double initialJ)
{
    m_mode = ParseMode(config.mode);
    Rule rule = ParseRule(config.rule);
    CheckFraction("ThresholdFraction", config.thresholdFraction);
    CheckFraction("HysteresisFraction", config.hysteresisFraction);
    if (!(config.intensityGPerKWh >= 0) || !std::isfinite(config.intensityGPerKWh))
    {
        ThrowConfigError("CarbonIntensity",
                         FormatValue(config.intensityGPerKWh) + " g/kWh",
                         "must be finite and >= 0");
    }
    double lowFraction = rule == Rule::WHEN_EMPTY ? 0.0 : config.thresholdFraction;
    if (lowFraction + config.hysteresisFraction > 1)
    {
        ThrowConfigError("HysteresisFraction",
                         FormatValue(config.hysteresisFraction),
                         "switch level + hysteresis (" +
                             FormatValue(lowFraction + config.hysteresisFraction) +
                             " of the capacity) must not exceed 1");
    }
    m_switchJ = lowFraction * capacityJ;
    m_resumeJ = (lowFraction + config.hysteresisFraction) * capacityJ;
    // A battery starting at or below L starts on the grid.
    m_onGrid = m_mode == Mode::HYBRID && initialJ <= m_switchJ;
}

double
GridLedger::GetFloorJ() const
{
    return m_onGrid ? m_resumeJ : m_switchJ;
}

bool
GridLedger::Observe(double energyJ, double toleranceJ)
{
    if (m_mode != Mode::HYBRID)
    {
        return false;
    }
    if (!m_onGrid && energyJ <= m_switchJ + toleranceJ && m_resumeJ > m_switchJ)
    {
        m_onGrid = true;
        return true;
    }
    if (m_onGrid && energyJ >= m_resumeJ - toleranceJ)
    {
        m_onGrid = false;
        return true;
    }
    return false;
}

double
GridLedger::NetBatteryPowerW(double harvestW, double drawW, double energyJ, double toleranceJ) const
{
    switch (m_mode)
    {
    case Mode::NONE:
        return harvestW - drawW;
    case Mode::GRID_ONLY:
        return harvestW;
    case Mode::HYBRID:
    default:
        break;
    }
    // At or below the floor the battery is not drawn: only a surplus charges it.
    if (energyJ <= GetFloorJ() + toleranceJ)
    {
        return std::max(harvestW - drawW, 0.0);
    }
    return harvestW - drawW;
}

double
GridLedger::GetWatchedLevelJ(bool& rising) const
{
    if (m_mode != Mode::HYBRID || !(m_resumeJ > m_switchJ))
    {
        rising = false;
        return m_mode == Mode::HYBRID ? m_switchJ : -1.0;
    }
    rising = m_onGrid;
    return m_onGrid ? m_resumeJ : m_switchJ;
}

double
GridLedger::AddDraw(double gridJ, double meanIntensity)
{
    if (!(gridJ >= 0) || !std::isfinite(gridJ))
    {
        ThrowConfigError("grid energy", FormatValue(gridJ) + " J", "must be finite and >= 0");
    }
    double grams = ToGrams(gridJ, meanIntensity);
    m_gridJ.Add(gridJ);
    m_carbonG.Add(grams);
    m_jTimesIntensity.Add(gridJ * meanIntensity);
    ++m_draws;
    return grams;
}

double
GridLedger::GetCarbonBalanceErrorG() const
{
    return m_carbonG.Get() - m_jTimesIntensity.Get() / kJoulesPerKWh;
}

double
GridLedger::MeanIntensity(const std::function<double(double)>& intensity,
                          double t0,
                          double t1,
                          double resolutionS)
{
    auto at = [&intensity](double t) {
        double v = intensity(t);
        if (!(v >= 0) || !std::isfinite(v))
        {
            ThrowConfigError("carbon intensity",
                             FormatValue(v) + " g/kWh at t = " + FormatValue(t) + " s",
                             "must be finite and >= 0");
        }
        return v;
    };
    if (!(resolutionS > 0) || !(t1 > t0))
    {
        return at(0.5 * (t0 + t1));
    }
    double k0 = std::floor(t0 / resolutionS);
    double k1 = std::ceil(t1 / resolutionS);
    if (k1 - k0 <= 1)
    {
        return at(0.5 * (t0 + t1)); // one piece: its value, exactly
    }
    double weighted = 0;
    for (double k = k0; k < k1; k += 1)
    {
        double a = std::max(t0, k * resolutionS);
        double b = std::min(t1, (k + 1) * resolutionS);
        if (b > a)
        {
            weighted += at(0.5 * (a + b)) * (b - a);
        }
    }
    return weighted / (t1 - t0);
}

} // namespace llmedge
} // namespace ns3
