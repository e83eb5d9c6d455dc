/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_GRID_LEDGER_H
#define LLM_EDGE_GRID_LEDGER_H

#include "battery-ledger.h"

#include <functional>
#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The arithmetic of a grid connection behind a battery (no ns-3
 * types): the supply mode, the hybrid switch rule with its hysteresis, and
 * the grid energy and carbon totals.
 *
 * - "none": no grid (the battery alone, as in the paper).
 * - "grid-only": the grid serves all demand; harvest only charges the battery.
 * - "hybrid": harvest, then the battery serve the demand; the battery is not
 *   drawn below a floor, and the grid serves the rest. In the battery state
 *   the floor is the switch level L (rule "below-threshold": L =
 *   ThresholdFraction x capacity; rule "when-empty": L = 0). When the level
 *   reaches L the ledger enters the grid state, whose floor is the resume
 *   level R = L + HysteresisFraction x capacity: the battery is not drawn
 *   (harvest still serves first, its surplus charges the battery) until the
 *   level reaches R, then the battery state again. With no hysteresis
 *   (R = L) the battery hovers at L while the grid serves the deficit.
 *
 * Carbon of a draw of J joules over [t0, t1] at constant power:
 * grams = J x mean intensity over [t0, t1] (g CO2eq/kWh) / 3.6e6.
 */
class GridLedger
{
  public:
    /// Supply mode.
    enum class Mode
    {
        NONE,      ///< battery alone
        GRID_ONLY, ///< grid serves all demand
        HYBRID     ///< harvest + battery first, grid behind
    };

    /// When the hybrid supply turns to the grid.
    enum class Rule
    {
        BELOW_THRESHOLD, ///< at ThresholdFraction x capacity
        WHEN_EMPTY       ///< at 0
    };

    /// The user's choices, as the attributes hold them.
    struct Config
    {
        std::string mode{"none"};            ///< attribute Mode
        std::string rule{"below-threshold"}; ///< attribute SwitchRule
        double thresholdFraction{0.1};       ///< attribute ThresholdFraction
        double hysteresisFraction{0.1};      ///< attribute HysteresisFraction
        double intensityGPerKWh{0};          ///< attribute CarbonIntensity
    };

    /// Joules per kWh.
    static constexpr double kJoulesPerKWh = 3.6e6;

    GridLedger() = default;

    /**
     * \brief Validate \p config (ConfigError naming the attribute and value)
     * and start with zero totals.
     * \param config the choices
     * \param capacityJ the battery's capacity, J (> 0)
     * \param initialJ the battery's initial energy, J (sets the initial state)
     */
    GridLedger(const Config& config, double capacityJ, double initialJ);

    /// \return the mode
    Mode GetMode() const
    {
        return m_mode;
    }

    /// \return true unless the mode is "none"
    bool IsActive() const
    {
        return m_mode != Mode::NONE;
    }

    /// \return false in grid-only mode (harvest and battery serve no demand)
    bool UsesLocal() const
    {
        return m_mode == Mode::HYBRID;
    }

    /// \return true in the hybrid grid state (battery held until the resume level)
    bool IsOnGrid() const
    {
        return m_onGrid;
    }

    /// \return the level the battery is not drawn below now, J
    double GetFloorJ() const;

    /// \return switch level L, J
    double GetSwitchJ() const
    {
        return m_switchJ;
    }

    /// \return resume level R, J
    double GetResumeJ() const
    {
        return m_resumeJ;
    }

    /**
     * \brief State transition after the battery moved to \p energyJ.
     * \param energyJ the stored energy now, J
     * \param toleranceJ a level within this of L or R counts as reached, J
     * \return true if the state changed
     */
    bool Observe(double energyJ, double toleranceJ);

    /**
     * \brief The battery's net power as the supply lets it flow.
     * \param harvestW harvest power, W
     * \param drawW demand power, W
     * \param energyJ stored energy now, J
     * \param toleranceJ a level within this of the floor counts as at it, J
     * \return the rate of change of the stored energy (before the cap), W
     */
    double NetBatteryPowerW(double harvestW, double drawW, double energyJ, double toleranceJ) const;

    /**
     * \brief The level whose crossing changes the hybrid state: L while
     * falling in the battery state, R while rising in the grid state.
     * \param rising set to the direction of the crossing watched
     * \return the level, J, or a negative number if none (not hybrid, or L = R)
     */
    double GetWatchedLevelJ(bool& rising) const;

    /**
     * \brief Account a grid draw.
     * \param gridJ energy drawn, J (>= 0)
     * \param meanIntensity mean carbon intensity over the draw, g CO2eq/kWh (>= 0)
     * \return the draw's carbon, g CO2eq
     */
    double AddDraw(double gridJ, double meanIntensity);

    /// \return grid energy in total, J
    double GetGridJ() const
    {
        return m_gridJ.Get();
    }

    /// \return carbon in total (sum of the draws' grams), g CO2eq
    double GetCarbonG() const
    {
        return m_carbonG.Get();
    }

    /// \return number of draws
    unsigned long long GetDraws() const
    {
        return m_draws;
    }

    /**
     * \return total grams minus sum(J x intensity) / 3.6e6 accumulated the
     * other way round (conversion once at the end), g: 0 up to rounding
     */
    double GetCarbonBalanceErrorG() const;

    /// \param j energy, J \param gPerKWh intensity \return grams CO2eq
    static double ToGrams(double j, double gPerKWh)
    {
        return j * gPerKWh / kJoulesPerKWh;
    }

    /**
     * \brief Mean of an intensity over [t0, t1]: the midpoint value, or with
     * \p resolutionS > 0 the exact time average of a function constant on
     * [k r, (k + 1) r) (e.g. an hourly trace with r = 3600 s).
     * \param intensity g CO2eq/kWh as a function of time, s
     * \param t0 start, s
     * \param t1 end, s (>= t0)
     * \param resolutionS r, s (0: midpoint)
     * \return the mean, g CO2eq/kWh; ConfigError if the function returns a
     *         negative or non-finite value
     */
    static double MeanIntensity(const std::function<double(double)>& intensity,
                                double t0,
                                double t1,
                                double resolutionS);

    /// \param text a mode name \return the mode (ConfigError for an unknown name)
    static Mode ParseMode(const std::string& text);
    /// \param text a rule name \return the rule (ConfigError for an unknown name)
    static Rule ParseRule(const std::string& text);

  private:
    using Sum = CompensatedSum; ///< running totals

    Mode m_mode{Mode::NONE};       ///< the mode
    double m_switchJ{0};           ///< L, J
    double m_resumeJ{0};           ///< R, J
    bool m_onGrid{false};          ///< hybrid grid state
    Sum m_gridJ;                   ///< grid energy, J
    Sum m_carbonG;                 ///< sum of the draws' grams
    Sum m_jTimesIntensity;         ///< sum of J x g/kWh (converted at the end)
    unsigned long long m_draws{0}; ///< draws counted
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_GRID_LEDGER_H */
