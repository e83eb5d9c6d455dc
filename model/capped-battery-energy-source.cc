/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "capped-battery-energy-source.h"

#include "ns3/config-error.h"

#include "ns3/double.h"
#include "ns3/nstime.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CappedBatteryEnergySource");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(CappedBatteryEnergySource);

namespace
{
// A crossing predicted for time t is scheduled one resolution step late so
// that the level has really been passed; the tolerance absorbs that step.
constexpr double kCrossingToleranceJ = 1e-6;
} // namespace

TypeId
CappedBatteryEnergySource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::CappedBatteryEnergySource")
            .SetParent<EnergySource>()
            .SetGroupName("LlmEdge")
            .AddConstructor<CappedBatteryEnergySource>()
            .AddAttribute("CapacityJ",
                          "Battery capacity Emax, J (> 0). Paper: 100 kJ.",
                          DoubleValue(100e3),
                          MakeDoubleAccessor(&CappedBatteryEnergySource::m_capacityJ),
                          MakeDoubleChecker<double>())
            .AddAttribute("InitialFraction",
                          "Initial energy as a fraction of CapacityJ, in [0, 1].",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&CappedBatteryEnergySource::m_initialFraction),
                          MakeDoubleChecker<double>())
            .AddAttribute("SupplyVoltageV",
                          "Supply voltage, V (> 0); converts device power to current. "
                          "Jetson AGX Orin developer kit input: 19 V.",
                          DoubleValue(19.0),
                          MakeDoubleAccessor(&CappedBatteryEnergySource::m_supplyVoltageV),
                          MakeDoubleChecker<double>())
            .AddAttribute("RechargeFraction",
                          "After a depletion, the device models are told the battery is "
                          "recharged when the stored energy rises above this fraction of "
                          "CapacityJ, in [0, 1) (ns-3's BasicEnergySource calls it "
                          "HighBatteryThreshold). 0: as soon as any energy is stored.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&CappedBatteryEnergySource::m_rechargeFraction),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("EnergyChangedInterval",
                          "Shortest time between two HandleEnergyChanged notifications of the "
                          "device models; changes in between are told once at its end. 0: every "
                          "change at once, as ns-3's BasicEnergySource. Depletion and recharge "
                          "are always told at once.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&CappedBatteryEnergySource::m_changedInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("GridSupply",
                          "A grid connection behind the battery (grid-only or hybrid supply); "
                          "null or mode \"none\": the battery alone.",
                          PointerValue(),
                          MakePointerAccessor(&CappedBatteryEnergySource::m_grid),
                          MakePointerChecker<GridSupply>())
            .AddTraceSource("RemainingEnergy",
                            "Stored energy, J.",
                            MakeTraceSourceAccessor(&CappedBatteryEnergySource::m_remainingEnergyJ),
                            "ns3::TracedValueCallback::Double")
            .AddTraceSource("Harvested",
                            "Energy harvested since the previous update, J (spilled part included).",
                            MakeTraceSourceAccessor(&CappedBatteryEnergySource::m_harvestedTrace),
                            "ns3::llmedge::CappedBatteryEnergySource::EnergyTracedCallback")
            .AddTraceSource("Spilled",
                            "Harvested energy that did not fit in the battery by this update, J.",
                            MakeTraceSourceAccessor(&CappedBatteryEnergySource::m_spilledTrace),
                            "ns3::llmedge::CappedBatteryEnergySource::EnergyTracedCallback");
    return tid;
}

CappedBatteryEnergySource::CappedBatteryEnergySource()
    : m_capacityJ(100e3),
      m_initialFraction(1.0),
      m_supplyVoltageV(19.0),
      m_rechargeFraction(0.0)
{
    NS_LOG_FUNCTION(this);
}

CappedBatteryEnergySource::~CappedBatteryEnergySource()
{
    NS_LOG_FUNCTION(this);
}

void
CappedBatteryEnergySource::EnsureLedger()
{
    if (m_ledgerReady)
    {
        return;
    }
    if (!(m_supplyVoltageV > 0) || !std::isfinite(m_supplyVoltageV))
    {
        LLM_EDGE_CONFIG_ERROR("CappedBatteryEnergySource: invalid SupplyVoltageV = " << m_supplyVoltageV
                                                                              << ": must be > 0");
    }
    if (!(m_rechargeFraction >= 0 && m_rechargeFraction < 1))
    {
        LLM_EDGE_CONFIG_ERROR("CappedBatteryEnergySource: invalid RechargeFraction = "
                       << m_rechargeFraction << ": must lie in [0, 1)");
    }
    if (!(m_initialFraction >= 0 && m_initialFraction <= 1))
    {
        LLM_EDGE_CONFIG_ERROR("CappedBatteryEnergySource: invalid InitialFraction = "
                       << m_initialFraction << ": must lie in [0, 1]");
    }
    try
    {
        m_ledger = BatteryLedger(m_capacityJ, m_initialFraction * m_capacityJ);
    }
    catch (const ConfigError& e)
    {
        LLM_EDGE_CONFIG_ERROR("CappedBatteryEnergySource: " << e.what());
    }
    if (m_grid)
    {
        m_grid->Configure(m_capacityJ, m_ledger.GetEnergyJ());
    }
    m_gridActive = m_grid && m_grid->IsActive();
    m_ledgerReady = true;
    m_lastUpdate = Simulator::Now();
    m_remainingEnergyJ = m_ledger.GetEnergyJ();
}

void
CappedBatteryEnergySource::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    EnsureLedger();
    EnergySource::DoInitialize();
}

void
CappedBatteryEnergySource::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_thresholdEvent.Cancel();
    m_changedEvent.Cancel();
    m_thresholdCb = ThresholdCallback();
    m_harvesters.clear();
    m_modelFlows.clear();
    m_grid = nullptr;
    BreakDeviceEnergyModelRefCycle(); // EnergySource::DoDispose is private in 3.37
    Object::DoDispose();
}

double
CappedBatteryEnergySource::GetSupplyVoltage() const
{
    return m_supplyVoltageV;
}

double
CappedBatteryEnergySource::GetInitialEnergy() const
{
    return m_initialFraction * m_capacityJ;
}

double
CappedBatteryEnergySource::GetCapacityJ() const
{
    return m_capacityJ;
}

double
CappedBatteryEnergySource::GetStoredEnergyJ() const
{
    return m_ledger.GetEnergyJ();
}

double
CappedBatteryEnergySource::GetRemainingEnergy()
{
    UpdateEnergySource();
    return m_ledger.GetEnergyJ();
}

double
CappedBatteryEnergySource::GetEnergyFraction()
{
    return GetRemainingEnergy() / m_capacityJ;
}

void
CappedBatteryEnergySource::TrackHarvester(Ptr<EnergyHarvester> harvester)
{
    NS_LOG_FUNCTION(this << harvester);
    NS_ASSERT_MSG(harvester, "null harvester");
    // Not ConnectEnergyHarvester: ns-3's list is never cleared, so it would
    // keep a source <-> harvester reference cycle alive after disposal.
    harvester->SetEnergySource(this);
    m_harvesters.push_back(harvester);
}

void
CappedBatteryEnergySource::Record(BatteryLedger::Outcome out, double harvestJ)
{
    m_remainingEnergyJ = m_ledger.GetEnergyJ();
    if (harvestJ > 0)
    {
        m_harvestedTrace(harvestJ);
    }
    if (out.spilledJ > 0)
    {
        m_spilledTrace(out.spilledJ);
    }
    if (m_ledger.GetEnergyJ() <= 0 && !m_depleted && !m_gridActive)
    {
        m_depleted = true;
        NotifyEnergyDrained();
    }
    else if (m_depleted && m_ledger.GetEnergyJ() > m_rechargeFraction * m_capacityJ)
    {
        m_depleted = false;
        NotifyEnergyRecharged();
    }
}

void
CappedBatteryEnergySource::ApplyStage(double harvestJ, double drawJ)
{
    ApplyStage(harvestJ, drawJ, Simulator::Now());
}

void
CappedBatteryEnergySource::ApplyStage(double harvestJ, double drawJ, Time since)
{
    NS_LOG_FUNCTION(this << harvestJ << drawJ << since);
    EnsureLedger();
    // Models that draw continuously (a radio) share the battery: their
    // energy up to now first, then the stage.
    Integrate(true);
    double before = m_ledger.GetEnergyJ();
    BatteryLedger::Outcome out = Move(harvestJ, drawJ, since);
    Record(out, harvestJ);
    NotifyChangedOnce(before);
}

BatteryLedger::Outcome
CappedBatteryEnergySource::Move(double harvestJ, double drawJ, Time from)
{
    BatteryLedger::Outcome out;
    try
    {
        if (!m_gridActive)
        {
            return m_ledger.Apply(harvestJ, drawJ);
        }
        const GridLedger& g = m_grid->GetLedger();
        out = m_ledger.ApplyWithGrid(harvestJ, drawJ, g.GetFloorJ(), g.UsesLocal());
    }
    catch (const ConfigError& e)
    {
        LLM_EDGE_CONFIG_ERROR("CappedBatteryEnergySource: " << e.what());
    }
    m_grid->Draw(out.gridJ, from, Simulator::Now());
    m_grid->Observe(m_ledger.GetEnergyJ(), kCrossingToleranceJ);
    return out;
}

double
CappedBatteryEnergySource::NetPowerW(double harvestW, double drawW) const
{
    if (!m_gridActive)
    {
        return harvestW - drawW;
    }
    return m_grid->GetLedger().NetBatteryPowerW(harvestW,
                                                drawW,
                                                m_ledger.GetEnergyJ(),
                                                kCrossingToleranceJ);
}

void
CappedBatteryEnergySource::SetGridSupply(Ptr<GridSupply> grid)
{
    NS_LOG_FUNCTION(this << grid);
    m_grid = grid;
    if (m_ledgerReady)
    {
        if (m_grid)
        {
            m_grid->Configure(m_capacityJ, m_ledger.GetEnergyJ());
        }
        m_gridActive = m_grid && m_grid->IsActive();
    }
}

Ptr<GridSupply>
CappedBatteryEnergySource::GetGridSupply() const
{
    return m_grid;
}

bool
CappedBatteryEnergySource::IsGridBacked() const
{
    const_cast<CappedBatteryEnergySource*>(this)->EnsureLedger(); // validates the supply
    return m_gridActive;
}

double
CappedBatteryEnergySource::GetGridEnergyJ() const
{
    return m_ledger.GetGridJ();
}

void
CappedBatteryEnergySource::ScanModels()
{
    // EnergySource keeps its models private and finds them only by exact
    // TypeId: ask for every DeviceEnergyModel TypeId (listed again whenever
    // new ones were registered) and remember what it returns.
    uint32_t n = TypeId::GetRegisteredN();
    if (n != m_typesSeen)
    {
        m_modelTypes.clear();
        TypeId base = DeviceEnergyModel::GetTypeId();
        for (uint32_t i = 0; i < n; ++i)
        {
            TypeId t = TypeId::GetRegistered(i);
            if (t != base && t.IsChildOf(base))
            {
                m_modelTypes.push_back(t);
            }
        }
        m_typesSeen = n;
    }
    for (const TypeId& t : m_modelTypes)
    {
        DeviceEnergyModelContainer c = FindDeviceEnergyModels(t);
        for (auto it = c.Begin(); it != c.End(); ++it)
        {
            const DeviceEnergyModel* m = PeekPointer(*it);
            if (std::none_of(m_modelFlows.begin(), m_modelFlows.end(),
                             [m](const ModelFlow& x) { return x.model == m; }))
            {
                m_modelFlows.push_back(ModelFlow{m, 0.0, 0.0});
            }
        }
    }
    m_updatesSinceScan = 0;
}

std::pair<double, double>
CappedBatteryEnergySource::CurrentFlowsW()
{
    double harvestW = 0;
    for (const auto& h : m_harvesters)
    {
        harvestW += h->GetPower();
    }
    // CalculateTotalCurrent nets the models' current against harvesters
    // connected the ns-3 way; the models' own current tells the two apart.
    // The models are scanned once and then again every kRescanUpdates
    // updates, or at once if the difference shows a model not yet known
    // (negative harvest): models are normally attached before the run.
    double netA = CalculateTotalCurrent();
    bool fresh = ++m_updatesSinceScan >= kRescanUpdates || TypeId::GetRegisteredN() != m_typesSeen;
    if (fresh)
    {
        ScanModels();
    }
    double modelsA = 0;
    for (int pass = 0; pass < 2; ++pass)
    {
        modelsA = 0;
        for (auto& f : m_modelFlows)
        {
            f.currentA = f.model->GetCurrentA();
            modelsA += f.currentA;
        }
        double slack = 1e-12 * (std::abs(modelsA) + std::abs(netA)) + 1e-300;
        if (fresh || modelsA - netA > -slack)
        {
            break;
        }
        ScanModels();
        fresh = true;
    }
    double drawW = std::max(modelsA, 0.0) * m_supplyVoltageV;
    harvestW += std::max(modelsA - netA, 0.0) * m_supplyVoltageV;
    return {drawW, harvestW};
}

void
CappedBatteryEnergySource::Integrate(bool forStage)
{
    // A stage of slotted devices alone moves no continuous energy. While the
    // last look found no flow and no model has called UpdateEnergySource()
    // since (ns-3's models call it before their current changes), a stage
    // skips the look and leaves the interval to the next one, which
    // integrates it from m_lastUpdate: exact, and cheap on the paper's path.
    // A model that never calls is still seen within kRescanUpdates stages.
    if (forStage && m_quiet && ++m_quietStages < kRescanUpdates)
    {
        return;
    }
    double dt = (Simulator::Now() - m_lastUpdate).GetSeconds();
    if (dt <= 0)
    {
        return;
    }
    auto [drawW, harvestW] = CurrentFlowsW();
    m_quiet = forStage && drawW == 0 && harvestW == 0;
    m_quietStages = 0;
    Time from = m_lastUpdate;
    m_lastUpdate = Simulator::Now();
    for (auto& f : m_modelFlows)
    {
        f.energyJ += f.currentA * m_supplyVoltageV * dt;
    }
    if (drawW == 0 && harvestW == 0)
    {
        return; // nothing flows (slotted devices alone): leave the ledger as is
    }
    double harvestJ = harvestW * dt;
    BatteryLedger::Outcome out = Move(harvestJ, drawW * dt, from);
    Record(out, harvestJ);
}

void
CappedBatteryEnergySource::NotifyChangedOnce(double beforeJ)
{
    // As ns-3's BasicEnergySource: only a real change is news, and a model
    // that reads the source from its handler must not start another round.
    if (m_ledger.GetEnergyJ() == beforeJ || m_notifying)
    {
        return;
    }
    // With EnergyChangedInterval > 0, changes closer than that are told once,
    // at the end of the interval (ns-3's WifiRadioEnergyModel schedules a new
    // event at every notification and only cancels the old one).
    if (m_changedInterval.IsStrictlyPositive())
    {
        Time due = m_lastChangedNotice + m_changedInterval;
        if (m_noticeSent && Simulator::Now() < due)
        {
            if (m_changedEvent.IsExpired())
            {
                m_changedEvent = Simulator::Schedule(due - Simulator::Now(),
                                                     &CappedBatteryEnergySource::DeliverChanged,
                                                     this);
            }
            return;
        }
    }
    m_changedEvent.Cancel();
    DeliverChanged();
}

void
CappedBatteryEnergySource::DeliverChanged()
{
    m_noticeSent = true;
    m_lastChangedNotice = Simulator::Now();
    m_notifying = true;
    NotifyEnergyChanged();
    m_notifying = false;
}

void
CappedBatteryEnergySource::UpdateEnergySource()
{
    NS_LOG_FUNCTION(this);
    EnsureLedger();
    double before = m_ledger.GetEnergyJ();
    m_quiet = false; // a model may be about to change its current
    Integrate(false);
    CheckThresholds(before);
    NotifyChangedOnce(before);
    // The notifications may have changed the draw: plan with current flows.
    auto [drawW, harvestW] = CurrentFlowsW();
    ScheduleThresholdEvent(NetPowerW(harvestW, drawW));
}

void
CappedBatteryEnergySource::SetThresholdWatch(std::vector<double> levelsJ, ThresholdCallback cb)
{
    EnsureLedger();
    m_levels = std::move(levelsJ);
    m_thresholdCb = cb;
    m_above.clear();
    for (double l : m_levels)
    {
        m_above.push_back(m_ledger.GetEnergyJ() >= l);
    }
}

void
CappedBatteryEnergySource::CheckThresholds(double beforeJ)
{
    double e = m_ledger.GetEnergyJ();
    for (std::size_t i = 0; i < m_levels.size(); ++i)
    {
        if (m_above[i] && e <= m_levels[i] + kCrossingToleranceJ && e < beforeJ)
        {
            m_above[i] = false;
            if (!m_thresholdCb.IsNull())
            {
                m_thresholdCb(m_levels[i], false);
            }
        }
        else if (!m_above[i] && e >= m_levels[i] - kCrossingToleranceJ && e > beforeJ)
        {
            m_above[i] = true;
            if (!m_thresholdCb.IsNull())
            {
                m_thresholdCb(m_levels[i], true);
            }
        }
    }
}

void
CappedBatteryEnergySource::ScheduleThresholdEvent(double netPowerW)
{
    // Removed, not cancelled: a radio updates the battery at every PHY state
    // change, and cancelled events stay queued until their (hours away) time:
    // millions of them held 12 GB in a 100-slot Wi-Fi run.
    if (!m_thresholdEvent.IsExpired())
    {
        Simulator::Remove(m_thresholdEvent);
    }
    double e = m_ledger.GetEnergyJ();
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < m_levels.size(); ++i)
    {
        double t = best;
        if (m_above[i] && netPowerW < 0)
        {
            t = (e - m_levels[i]) / -netPowerW;
        }
        else if (!m_above[i] && netPowerW > 0 && m_levels[i] <= m_capacityJ)
        {
            t = (m_levels[i] - e) / netPowerW;
        }
        best = std::min(best, std::max(t, 0.0));
    }
    if (e > 0 && netPowerW < 0)
    {
        best = std::min(best, e / -netPowerW); // empty: the models must hear of it
    }
    if (m_gridActive)
    {
        // The grid takes over at the switch level and hands back at the
        // resume level: an update there keeps each interval's grid power
        // constant (its carbon is timed by it).
        bool rising = false;
        double level = m_grid->GetLedger().GetWatchedLevelJ(rising);
        if (level >= 0 && !rising && netPowerW < 0 && e > level + kCrossingToleranceJ)
        {
            best = std::min(best, (e - level) / -netPowerW);
        }
        else if (level >= 0 && rising && netPowerW > 0 && e < level)
        {
            best = std::min(best, (level - e) / netPowerW);
        }
    }
    double rechargeJ = m_rechargeFraction * m_capacityJ;
    if (m_depleted && netPowerW > 0 && e <= rechargeJ)
    {
        best = std::min(best, (rechargeJ - e) / netPowerW); // recharged: likewise
    }
    // A crossing beyond what a Time can hold (about 292 years at ns
    // resolution) never comes: Seconds() would overflow into a negative delay
    // (an assertion in ns-3's debug builds, an event in the past otherwise).
    const double horizonS = (Time::Max() - Simulator::Now()).GetSeconds() / 2;
    if (std::isfinite(best) && best < horizonS)
    {
        // One step late, so the level has really been crossed when checked.
        Time delay = Seconds(best) + TimeStep(1);
        m_thresholdEvent =
            Simulator::Schedule(delay, &CappedBatteryEnergySource::UpdateEnergySource, this);
    }
}

void
CappedBatteryEnergySource::Reset()
{
    m_thresholdEvent.Cancel();
    m_ledgerReady = false;
    m_depleted = false;
    for (auto& f : m_modelFlows)
    {
        f.energyJ = 0;
    }
    EnsureLedger();
}

double
CappedBatteryEnergySource::GetHarvestedEnergyJ() const
{
    return m_ledger.GetHarvestedJ();
}

double
CappedBatteryEnergySource::GetConsumedEnergyJ() const
{
    return m_ledger.GetConsumedJ();
}

double
CappedBatteryEnergySource::GetSpilledEnergyJ() const
{
    return m_ledger.GetSpilledJ();
}

double
CappedBatteryEnergySource::GetUnmetEnergyJ() const
{
    return m_ledger.GetUnmetJ();
}

double
CappedBatteryEnergySource::GetModelEnergyJ(Ptr<const DeviceEnergyModel> model) const
{
    for (const auto& f : m_modelFlows)
    {
        if (f.model == PeekPointer(model))
        {
            return f.energyJ;
        }
    }
    return 0.0;
}

double
CappedBatteryEnergySource::GetBalanceErrorJ() const
{
    return m_ledger.GetBalanceErrorJ();
}

} // namespace llmedge
} // namespace ns3
