/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_CAPPED_BATTERY_ENERGY_SOURCE_H
#define LLM_EDGE_CAPPED_BATTERY_ENERGY_SOURCE_H

#include "ns3/battery-ledger.h"
#include "grid-supply.h"
#include "llm-edge-compat.h"

#include "ns3/callback.h"
#include "ns3/device-energy-model.h"
#include "ns3/energy-harvester.h"
#include "ns3/energy-source.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <utility>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief A battery that never holds more than its capacity nor less than 0.
 *
 * ns-3's BasicEnergySource lets harvested energy grow past the initial value;
 * this source caps it at CapacityJ and counts what is spilled, and counts
 * demand it cannot serve at 0 as unmet. Every joule is accounted for:
 * initial + harvested - consumed - spilled = remaining.
 *
 * Two ways to move energy, which may be mixed on one battery:
 * - continuous: UpdateEnergySource() integrates the device models' current
 *   and the harvesters' power since the last update, and schedules an update
 *   at the instant the level will cross a watched threshold or reach 0;
 * - slotted: ApplyStage() applies the paper's Eq. 1 for one whole stage
 *   (after integrating the continuous flows up to now).
 *
 * It behaves as ns-3's own sources do towards every DeviceEnergyModel on it
 * (ns-3's WifiRadioEnergyModel, the module's EnergyHarvestingOrinDevice, a
 * user's model): HandleEnergyChanged() only when the stored energy changed,
 * never re-entrantly (a model may read the source from its handler);
 * HandleEnergyDepletion() when the battery reaches 0 and
 * HandleEnergyRecharged() when it rises above RechargeFraction of CapacityJ
 * again. Consumption and harvest are accounted apart: a harvester connected
 * the ns-3 way (EnergySource::ConnectEnergyHarvester, as
 * BasicEnergyHarvesterHelper does) counts as harvest, not as negative
 * consumption, so GetConsumedEnergyJ() + GetUnmetEnergyJ() is the sum of the
 * models' consumption.
 *
 * A GridSupply behind the battery (SetGridSupply, attribute GridSupply) in
 * mode "grid-only" or "hybrid" serves the demand the battery does not (see
 * GridSupply and GridLedger): nothing is unmet, the consumed energy includes
 * the grid's share, the balance reads initial + harvested + grid - consumed
 * - spilled = remaining, and depletion is never reported (the supply does
 * not run out). Mode "none" leaves the battery exactly as without it.
 */
class CappedBatteryEnergySource : public EnergySource
{
  public:
    /// Called when the level crosses a watched threshold: (level J, rising).
    typedef Callback<void, double, bool> ThresholdCallback;

    /**
     * TracedCallback signature of the Harvested and Spilled trace sources.
     * \param energyJ the energy moved by one update, J
     */
    typedef void (*EnergyTracedCallback)(double energyJ);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    CappedBatteryEnergySource();
    ~CappedBatteryEnergySource() override;

    /// \return the supply voltage, V (ns-3 EnergySource)
    double GetSupplyVoltage() const override;
    /// \return the initial energy, J (ns-3 EnergySource)
    double GetInitialEnergy() const override;
    /// \return the energy stored now, J, after bringing it up to date (ns-3 EnergySource)
    double GetRemainingEnergy() override;
    /// \return stored energy / capacity (ns-3 EnergySource)
    double GetEnergyFraction() override;
    /// Bring the stored energy up to date with the devices' draw (ns-3 EnergySource)
    void UpdateEnergySource() override;

    /// \return capacity, J
    double GetCapacityJ() const;

    /// \return stored energy as of the last update, J (no integration: for
    ///         slotted accounting, where energy moves only in ApplyStage)
    double GetStoredEnergyJ() const;

    /**
     * \brief Connect a harvester so that its power is accounted as harvest
     * (not as negative consumption) and capped.
     * \param harvester the harvester; its energy source is set to this
     */
    void TrackHarvester(Ptr<EnergyHarvester> harvester);

    /**
     * \brief The paper's Eq. 1 for one stage (slotted accounting).
     * \param harvestJ energy harvested during the stage, J
     * \param drawJ energy the device demands for the stage, J
     */
    void ApplyStage(double harvestJ, double drawJ);

    /**
     * \brief ApplyStage for a stage that began at \p since: a grid supply
     * spreads the stage's grid energy evenly over [since, now] for its carbon.
     * \param harvestJ energy harvested during the stage, J
     * \param drawJ energy the device demands for the stage, J
     * \param since start of the stage
     */
    void ApplyStage(double harvestJ, double drawJ, Time since);

    /**
     * \param grid the grid connection behind this battery (null: none); it
     * is validated (ConfigError) when the battery builds its ledger
     */
    void SetGridSupply(Ptr<GridSupply> grid);
    /// \return the grid connection, or null
    Ptr<GridSupply> GetGridSupply() const;
    /// \return true if a grid supply in mode "grid-only" or "hybrid" backs the battery
    bool IsGridBacked() const;
    /// \return total demand served by the grid (included in the consumed energy), J
    double GetGridEnergyJ() const;

    /**
     * \brief Watch levels for crossings in continuous accounting.
     * \param levelsJ the levels, J
     * \param cb called with (level, rising) at each crossing
     */
    void SetThresholdWatch(std::vector<double> levelsJ, ThresholdCallback cb);

    /// \return total harvested energy (including spilled), J
    double GetHarvestedEnergyJ() const;
    /// \return total energy drawn, J
    double GetConsumedEnergyJ() const;
    /// \return total spilled energy, J
    double GetSpilledEnergyJ() const;
    /// \return total demand that could not be served, J
    double GetUnmetEnergyJ() const;
    /// \return initial + harvested + grid - consumed - spilled - remaining, J
    double GetBalanceErrorJ() const;

    /**
     * \brief Energy a device model drew continuously from this battery, as
     * integrated here from its current between updates (ns-3's contract: a
     * model calls UpdateEnergySource() before its current changes).
     * Stages applied by ApplyStage() are not included.
     * \param model a device model on this battery
     * \return its energy up to the last update, J (0 for an unknown model)
     */
    double GetModelEnergyJ(Ptr<const DeviceEnergyModel> model) const;

    /// \brief Start afresh at the initial energy with zero totals (for a new
    /// replication on the same objects; slotted accounting).
    void Reset();

  private:
    void DoInitialize() override;
    void DoDispose() override;

    void EnsureLedger();
    /// Moves energy through the ledger (and the grid supply, if active).
    /// \param harvestJ harvest, J \param drawJ demand, J \param from start
    /// of the interval moved \return what the update did
    BatteryLedger::Outcome Move(double harvestJ, double drawJ, Time from);
    /// \param harvestW harvest \param drawW demand \return the stored
    /// energy's rate of change as the supply lets it flow, W
    double NetPowerW(double harvestW, double drawW) const;
    void Record(BatteryLedger::Outcome out, double harvestJ);
    void ScheduleThresholdEvent(double netPowerW);
    void CheckThresholds(double beforeJ);
    /// Integrates the continuous flows since the last update.
    /// \param forStage called by ApplyStage (may skip a look while quiet)
    void Integrate(bool forStage);
    /// Current flows: (draw of the device models, harvest), W.
    std::pair<double, double> CurrentFlowsW();
    /// Finds the device models on this source (ns-3 lists them only by TypeId).
    void ScanModels();
    /// Updates between two scans for device models attached during the run.
    static constexpr uint32_t kRescanUpdates = 256;
    /// Tells the models the energy changed, unless already telling them.
    void NotifyChangedOnce(double beforeJ);
    /// Calls NotifyEnergyChanged.
    void DeliverChanged();

    double m_capacityJ;     ///< attribute CapacityJ
    double m_initialFraction; ///< attribute InitialFraction
    double m_supplyVoltageV;  ///< attribute SupplyVoltageV
    double m_rechargeFraction; ///< attribute RechargeFraction
    bool m_ledgerReady{false}; ///< ledger built from the attributes
    BatteryLedger m_ledger;  ///< the accounting
    Time m_lastUpdate;       ///< last continuous update
    bool m_depleted{false};  ///< at 0, depletion notified
    bool m_notifying{false}; ///< inside NotifyEnergyChanged
    Time m_changedInterval;  ///< attribute EnergyChangedInterval
    Time m_lastChangedNotice; ///< last HandleEnergyChanged round
    bool m_noticeSent{false}; ///< a round has been delivered
    EventId m_changedEvent;   ///< a deferred round
    std::vector<TypeId> m_modelTypes; ///< DeviceEnergyModel TypeIds known
    /// Per model: (model, current A at the last look, energy J so far).
    struct ModelFlow
    {
        const DeviceEnergyModel* model;
        double currentA;
        double energyJ;
    };
    std::vector<ModelFlow> m_modelFlows; ///< the models' flows
    uint32_t m_typesSeen{0};          ///< TypeId::GetRegisteredN() when collected
    uint32_t m_updatesSinceScan{kRescanUpdates}; ///< updates since ScanModels
    bool m_quiet{false};        ///< the last look by a stage found no flow
    uint32_t m_quietStages{0};  ///< stages that skipped the look since
    std::vector<Ptr<EnergyHarvester>> m_harvesters; ///< tracked harvesters
    std::vector<double> m_levels;  ///< watched levels, J
    std::vector<bool> m_above;     ///< side of each level the energy is on
    ThresholdCallback m_thresholdCb; ///< crossing callback
    EventId m_thresholdEvent;      ///< next predicted crossing
    Ptr<GridSupply> m_grid;        ///< grid connection (attribute GridSupply)
    bool m_gridActive{false};      ///< m_grid is configured and not "none"

    TracedValue<double> m_remainingEnergyJ;     ///< trace: stored energy, J
    TracedCallback<double> m_harvestedTrace;  ///< trace: energy harvested by an update, J
    TracedCallback<double> m_spilledTrace;    ///< trace: energy spilled by an update, J
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_CAPPED_BATTERY_ENERGY_SOURCE_H */
