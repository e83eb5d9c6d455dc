/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_GRID_SUPPLY_H
#define LLM_EDGE_GRID_SUPPLY_H

#include "ns3/grid-ledger.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <functional>
#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief A grid connection behind a CappedBatteryEnergySource: grid-only or
 * hybrid (harvest + battery first, grid behind) supply, with the grid energy
 * and its carbon accounted per battery (one battery per device).
 *
 * Attach it with CappedBatteryEnergySource::SetGridSupply (or the battery's
 * attribute GridSupply, or EnergyHarvestingOrinDeviceHelper, which gives
 * every device its own). The battery asks it, at every update (continuous
 * flows) and every stage (slotted accounting), how far the battery may be
 * drawn, hands it the energy the grid served with the interval it was drawn
 * over, and schedules an update when the level reaches the switch or resume
 * level. The rule and its arithmetic are GridLedger's (model/core/grid-ledger.h).
 *
 * Mode "none" (the default) makes the battery behave exactly as without a
 * grid supply. With a grid behind it (grid-only, hybrid) the battery never
 * reports depletion to its device models (the supply does not run out), and
 * an EnergyHarvestingOrinDevice on it never enters power saving.
 *
 * Carbon: each draw of J joules over [t0, t1] (at constant power) weighs
 * J x mean intensity over [t0, t1] / 3.6e6 grams CO2eq. The intensity is the
 * attribute CarbonIntensity, or a function of time set with
 * SetCarbonIntensityFunction (e.g. an hourly trace; set IntensityResolution
 * to its step so that draws spanning a step boundary are split exactly).
 */
class GridSupply : public Object
{
  public:
    /// Carbon intensity, g CO2eq/kWh, as a function of simulation time, s.
    typedef std::function<double(double)> IntensityFunction;

    /// Signature of the trace source Draw: (energy J, carbon g, start, end).
    typedef void (*DrawCallback)(double, double, Time, Time);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    GridSupply();
    ~GridSupply() override;

    /**
     * \brief Validate the attributes (ConfigError naming the attribute and
     * value) and start afresh with zero totals; called by the battery when
     * it builds its ledger.
     * \param capacityJ the battery's capacity, J
     * \param initialJ the battery's initial energy, J
     */
    void Configure(double capacityJ, double initialJ);

    /// \return true if the mode is not "none" (valid after Configure)
    bool IsActive() const;
    /// \return the ledger (the rule's state and the totals)
    const GridLedger& GetLedger() const;

    /**
     * \brief Account the energy the grid served over [from, to] (constant
     * power): totals, carbon and traces.
     * \param gridJ energy, J (0: nothing happens)
     * \param from start of the interval
     * \param to end of the interval
     */
    void Draw(double gridJ, Time from, Time to);

    /**
     * \brief The battery moved to \p energyJ: the hybrid rule's state
     * transition (traced by OnGrid).
     * \param energyJ stored energy now, J
     * \param toleranceJ a level within this counts as reached, J
     */
    void Observe(double energyJ, double toleranceJ);

    /**
     * \param f carbon intensity, g CO2eq/kWh, of the time in seconds; an
     * empty function restores the constant attribute CarbonIntensity
     */
    void SetCarbonIntensityFunction(IntensityFunction f);

    /// \param t a time \return the carbon intensity then, g CO2eq/kWh
    double GetCarbonIntensity(Time t) const;

    /// \return grid energy drawn, J
    double GetGridEnergyJ() const;
    /// \return carbon of the grid energy, g CO2eq
    double GetCarbonGrams() const;
    /// \return grams minus the same draws converted the other way round, g (0 up to rounding)
    double GetCarbonBalanceErrorG() const;
    /// \return the attribute Mode
    const std::string& GetMode() const;

  private:
    void DoDispose() override;

    std::string m_modeName;        ///< attribute Mode
    std::string m_ruleName;        ///< attribute SwitchRule
    double m_thresholdFraction;    ///< attribute ThresholdFraction
    double m_hysteresisFraction;   ///< attribute HysteresisFraction
    double m_intensityGPerKWh;     ///< attribute CarbonIntensity
    Time m_resolution;             ///< attribute IntensityResolution
    IntensityFunction m_intensity; ///< time-varying intensity (empty: constant)
    GridLedger m_ledger;           ///< the arithmetic
    bool m_configured{false};      ///< Configure has run

    TracedValue<double> m_gridEnergyJ;                      ///< trace: grid energy so far, J
    TracedValue<double> m_carbonG;                          ///< trace: carbon so far, g
    TracedValue<bool> m_onGrid;                             ///< trace: hybrid grid state
    TracedCallback<double, double, Time, Time> m_drawTrace; ///< (J, g, from, to) per draw
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_GRID_SUPPLY_H */
