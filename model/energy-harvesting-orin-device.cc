/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "energy-harvesting-orin-device.h"

#include "config-error.h"

#include "ns3/double.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EnergyHarvestingOrinDevice");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(EnergyHarvestingOrinDevice);

TypeId
EnergyHarvestingOrinDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::EnergyHarvestingOrinDevice")
            .SetParent<DeviceEnergyModel>()
            .SetGroupName("LlmEdge")
            .AddConstructor<EnergyHarvestingOrinDevice>()
            .AddAttribute("Accounting",
                          "Energy accounting: \"Slotted\" (the paper's Eq. 1, decisions at stage "
                          "boundaries) or \"Continuous\" (power through ns-3's energy framework).",
                          StringValue("Slotted"),
                          MakeStringAccessor(&EnergyHarvestingOrinDevice::m_accounting),
                          MakeStringChecker())
            .AddAttribute("SlotDuration",
                          "Slot length T (> 0). Paper: 100 s.",
                          TimeValue(Seconds(100)),
                          MakeTimeAccessor(&EnergyHarvestingOrinDevice::m_slot),
                          MakeTimeChecker())
            .AddAttribute("PowerModePreset",
                          "Built-in power-mode table: \"paper-scaled\" (the paper's energies / 10) "
                          "or \"paper-printed\" (as printed). Ignored when PowerModeFile is set.",
                          StringValue("paper-scaled"),
                          MakeStringAccessor(&EnergyHarvestingOrinDevice::m_preset),
                          MakeStringChecker())
            .AddAttribute("PowerModeFile",
                          "CSV power-mode table (columns name,time_per_job_s,energy_per_job_j"
                          "[,idle_power_w,saving_power_w,flag,source]); overrides the preset.",
                          StringValue(""),
                          MakeStringAccessor(&EnergyHarvestingOrinDevice::m_modeFile),
                          MakeStringChecker())
            .AddAttribute("PowerMode",
                          "\"dynamic\" or the name of a fixed mode of the table (e.g. \"30W\").",
                          StringValue("dynamic"),
                          MakeStringAccessor(&EnergyHarvestingOrinDevice::m_powerMode),
                          MakeStringChecker())
            .AddAttribute("DynamicThresholds",
                          "Dynamic policy: fraction:mode steps, first fraction 0, increasing.",
                          StringValue("0:15W,0.4:30W,0.6:60W"),
                          MakeStringAccessor(&EnergyHarvestingOrinDevice::m_thresholds),
                          MakeStringChecker())
            .AddAttribute("LowThresholdFraction",
                          "Elow / capacity: power saving starts below it. Paper: 0.1.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&EnergyHarvestingOrinDevice::m_lowFraction),
                          MakeDoubleChecker<double>())
            .AddAttribute("HighThresholdFraction",
                          "Ehigh / capacity: power saving ends at or above it (paper: unstated).",
                          DoubleValue(0.2),
                          MakeDoubleAccessor(&EnergyHarvestingOrinDevice::m_highFraction),
                          MakeDoubleChecker<double>())
            .AddTraceSource("State",
                            "Device state: 0 idle, 1 busy, 2 power saving.",
                            MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_state),
                            "ns3::TracedValueCallback::Int32")
            .AddTraceSource("PowerMode",
                            "Index of the current power mode in the table.",
                            MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_mode),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("JobCompleted",
                            "A job completed: (job id, service time).",
                            MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_jobCompletedTrace),
                            "ns3::llmedge::EnergyHarvestingOrinDevice::JobCompletedCallback")
            .AddTraceSource("JobRefused",
                            "A job was refused or aborted: (job id, Refusal).",
                            MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_jobRefusedTrace),
                            "ns3::llmedge::EnergyHarvestingOrinDevice::JobRefusedCallback")
            .AddTraceSource("PowerSaving",
                            "Power saving entered (true) or left (false).",
                            MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_powerSavingTrace),
                            "ns3::TracedValueCallback::Bool");
    return tid;
}

EnergyHarvestingOrinDevice::EnergyHarvestingOrinDevice()
    : m_lowFraction(0.1),
      m_highFraction(0.2),
      m_state(IDLE),
      m_mode(0)
{
    NS_LOG_FUNCTION(this);
}

EnergyHarvestingOrinDevice::~EnergyHarvestingOrinDevice()
{
    NS_LOG_FUNCTION(this);
}

void
EnergyHarvestingOrinDevice::SetEnergySource(Ptr<EnergySource> source)
{
    NS_LOG_FUNCTION(this << source);
    m_battery = DynamicCast<CappedBatteryEnergySource>(source);
    NS_ABORT_MSG_IF(!m_battery,
                    "EnergyHarvestingOrinDevice needs a CappedBatteryEnergySource, got "
                        << (source ? source->GetInstanceTypeId().GetName() : "null"));
}

Ptr<CappedBatteryEnergySource>
EnergyHarvestingOrinDevice::GetBattery() const
{
    return m_battery;
}

void
EnergyHarvestingOrinDevice::SetHarvester(Ptr<SlotEnergyHarvester> harvester)
{
    m_harvester = harvester;
}

Ptr<SlotEnergyHarvester>
EnergyHarvestingOrinDevice::GetHarvester() const
{
    return m_harvester;
}

void
EnergyHarvestingOrinDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

Ptr<Node>
EnergyHarvestingOrinDevice::GetNode() const
{
    return m_node;
}

void
EnergyHarvestingOrinDevice::BuildSpec() const
{
    if (m_specBuilt)
    {
        return;
    }
    NS_ABORT_MSG_IF(!m_battery, "EnergyHarvestingOrinDevice: no energy source set");
    try
    {
        if (m_accounting != "Slotted" && m_accounting != "Continuous")
        {
            ThrowConfigError("Accounting", "'" + m_accounting + "'",
                             "expected \"Slotted\" or \"Continuous\"");
        }
        m_slotted = (m_accounting == "Slotted");
        DeviceSpec spec;
        spec.capacityJ = m_battery->GetCapacityJ();
        spec.slotS = m_slot.GetSeconds();
        spec.lowFraction = m_lowFraction;
        spec.highFraction = m_highFraction;
        spec.modes = m_modeFile.empty() ? PowerModeTable::FromPreset(m_preset)
                                        : PowerModeTable::LoadCsv(m_modeFile);
        spec.policy = PowerModePolicy::Parse(m_powerMode, m_thresholds, spec.modes);
        spec.Validate();
        if (m_harvester && m_harvester->GetSlotDuration() != m_slot)
        {
            ThrowConfigError("SlotDuration",
                             FormatValue(m_slot.GetSeconds()) + " s (harvester: " +
                                 FormatValue(m_harvester->GetSlotDuration().GetSeconds()) + " s)",
                             "the device and its harvester must use the same slot");
        }
        m_spec = std::move(spec);
        m_specBuilt = true;
    }
    catch (const ConfigError& e)
    {
        LLM_EDGE_CONFIG_ERROR("EnergyHarvestingOrinDevice: " << e.what());
    }
}

void
EnergyHarvestingOrinDevice::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    BuildSpec();
    m_battery->Initialize();
    m_started = true;
    m_startTime = Simulator::Now();
    m_lastEnergySample = m_startTime;
    m_lastEnergyJ = m_battery->GetRemainingEnergy();
    m_battery->TraceConnectWithoutContext(
        "RemainingEnergy",
        MakeCallback(&EnergyHarvestingOrinDevice::AccumulateEnergyAverage, this));
    SelectMode();
    bool saving = m_lastEnergyJ < m_spec.GetLowJ();
    m_state = saving ? SAVING : IDLE;
    if (saving)
    {
        ++m_savingEntries;
        m_savingSince = Simulator::Now();
        m_powerSavingTrace(true);
    }
    if (m_slotted)
    {
        // Stages follow the slot grid anchored at t = 0.
        double slots = std::ceil(Simulator::Now().GetSeconds() / m_spec.slotS - 1e-9);
        uint64_t first = static_cast<uint64_t>(slots);
        Time at = m_slot * static_cast<int64_t>(first) - Simulator::Now();
        m_event = Simulator::Schedule(at, &EnergyHarvestingOrinDevice::BeginStage, this, first);
    }
    else
    {
        m_battery->SetThresholdWatch(
            {m_spec.GetLowJ(), m_spec.GetHighJ()},
            MakeCallback(&EnergyHarvestingOrinDevice::OnThreshold, this));
        if (m_harvester)
        {
            m_harvester->StartContinuous();
        }
        m_battery->UpdateEnergySource();
    }
    DeviceEnergyModel::DoInitialize();
}

void
EnergyHarvestingOrinDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_event.Cancel();
    m_runningDone = JobDoneCallback();
    m_pendingDone = JobDoneCallback();
    m_battery = nullptr;
    if (m_harvester)
    {
        m_harvester->Dispose(); // not aggregated anywhere: the device owns it
    }
    m_harvester = nullptr;
    m_node = nullptr;
    DeviceEnergyModel::DoDispose();
}

void
EnergyHarvestingOrinDevice::AccumulateEnergyAverage(double oldJ, double newJ)
{
    Time now = Simulator::Now();
    // In time steps (integer, exact and cheap); converted to seconds on read.
    double dt = static_cast<double>((now - m_lastEnergySample).GetTimeStep());
    // Slotted: the level is held during a stage; continuous: it is linear
    // between updates, so the trapezoid is exact.
    m_energyIntegralJs += m_slotted ? oldJ * dt : 0.5 * (oldJ + newJ) * dt;
    m_lastEnergySample = now;
    m_lastEnergyJ = newJ;
}

double
EnergyHarvestingOrinDevice::GetAverageEnergyJ() const
{
    double e = m_slotted ? m_lastEnergyJ : m_battery->GetRemainingEnergy();
    Time now = Simulator::Now();
    double total = (now - m_startTime).GetSeconds();
    if (total <= 0)
    {
        return e;
    }
    double tail = static_cast<double>((now - m_lastEnergySample).GetTimeStep());
    double tailJs = m_slotted ? m_lastEnergyJ * tail : 0.5 * (m_lastEnergyJ + e) * tail;
    return (m_energyIntegralJs + tailJs) * TimeStep(1).GetSeconds() / total;
}

void
EnergyHarvestingOrinDevice::SelectMode()
{
    double fraction = GetEnergyJ() / m_spec.capacityJ;
    m_mode = static_cast<uint32_t>(m_spec.policy.Select(fraction));
}

void
EnergyHarvestingOrinDevice::SetState(State s)
{
    if (m_state == s)
    {
        return;
    }
    if (!m_slotted)
    {
        m_battery->UpdateEnergySource(); // integrate the old draw
    }
    if (s == SAVING)
    {
        ++m_savingEntries;
        m_savingSince = Simulator::Now();
        m_powerSavingTrace(true);
    }
    else if (m_state == SAVING)
    {
        m_savingTime += Simulator::Now() - m_savingSince;
        m_powerSavingTrace(false);
    }
    m_state = s;
    if (!m_slotted)
    {
        m_battery->UpdateEnergySource(); // re-plan crossings with the new draw
    }
}

void
EnergyHarvestingOrinDevice::Refuse(uint64_t jobId, Refusal r)
{
    ++m_refused[r];
    m_jobRefusedTrace(jobId, r);
}

bool
EnergyHarvestingOrinDevice::SubmitJob(uint64_t jobId, JobDoneCallback done, Refusal* reason)
{
    NS_LOG_FUNCTION(this << jobId);
    NS_ABORT_MSG_IF(!m_started, "EnergyHarvestingOrinDevice: SubmitJob before initialization");
    Refusal r = REFUSAL_COUNT;
    if (m_state == SAVING)
    {
        r = POWER_SAVING;
    }
    else if (m_hasPending)
    {
        r = QUEUE_FULL;
    }
    if (r != REFUSAL_COUNT)
    {
        Refuse(jobId, r);
        if (reason)
        {
            *reason = r;
        }
        return false;
    }
    ++m_accepted;
    m_hasPending = true;
    m_pendingId = jobId;
    m_pendingDone = done;
    if (!m_slotted && m_state == IDLE)
    {
        StartJob();
    }
    else if (m_slotted && m_state == IDLE && m_stageStart == Simulator::Now())
    {
        // A hand-off at the very boundary where an idle stage just began
        // (the previous layer's stage ended at the same instant): serve it
        // in this stage, as if it had arrived just before the boundary.
        m_event.Cancel();
        BeginStage(m_stageSlot);
    }
    return true;
}

bool
EnergyHarvestingOrinDevice::IsAvailable() const
{
    return m_started && m_state != SAVING && !m_hasPending;
}

EnergyHarvestingOrinDevice::State
EnergyHarvestingOrinDevice::GetState() const
{
    return static_cast<State>(m_state.Get());
}

bool
EnergyHarvestingOrinDevice::HasPendingJob() const
{
    return m_hasPending;
}

std::size_t
EnergyHarvestingOrinDevice::GetCurrentModeIndex() const
{
    return m_mode;
}

const PowerMode&
EnergyHarvestingOrinDevice::GetCurrentMode() const
{
    return m_spec.modes.Get(m_mode);
}

const DeviceSpec&
EnergyHarvestingOrinDevice::GetSpec() const
{
    BuildSpec();
    return m_spec;
}

const std::string&
EnergyHarvestingOrinDevice::GetAccounting() const
{
    return m_accounting;
}

double
EnergyHarvestingOrinDevice::GetEnergyJ() const
{
    // Slotted: energy moves only at stage ends, no integration needed.
    return m_slotted && m_started ? m_battery->GetStoredEnergyJ() : m_battery->GetRemainingEnergy();
}

double
EnergyHarvestingOrinDevice::GetEnergyFraction() const
{
    return GetEnergyJ() / m_battery->GetCapacityJ();
}

uint64_t
EnergyHarvestingOrinDevice::GetJobsCompleted() const
{
    return m_completed;
}

uint64_t
EnergyHarvestingOrinDevice::GetJobsAccepted() const
{
    return m_accepted;
}

uint32_t
EnergyHarvestingOrinDevice::GetJobsHeld() const
{
    return (m_hasPending ? 1 : 0) + (m_hasRunning ? 1 : 0);
}

uint64_t
EnergyHarvestingOrinDevice::GetJobsRefused(Refusal r) const
{
    return m_refused.at(r);
}

uint64_t
EnergyHarvestingOrinDevice::GetJobsRefusedTotal() const
{
    uint64_t n = 0;
    for (auto v : m_refused)
    {
        n += v;
    }
    return n;
}

uint64_t
EnergyHarvestingOrinDevice::GetPowerSavingEntries() const
{
    return m_savingEntries;
}

Time
EnergyHarvestingOrinDevice::GetTimeInPowerSaving() const
{
    Time t = m_savingTime;
    if (m_state == SAVING)
    {
        t += Simulator::Now() - m_savingSince;
    }
    return t;
}

Time
EnergyHarvestingOrinDevice::GetLastServiceTime() const
{
    return m_lastService;
}

std::string
EnergyHarvestingOrinDevice::RefusalName(Refusal r)
{
    switch (r)
    {
    case POWER_SAVING:
        return "power-saving";
    case QUEUE_FULL:
        return "queue-full";
    case DEPLETED:
        return "depleted";
    default:
        return "unknown";
    }
}

std::string
EnergyHarvestingOrinDevice::StateName(State s)
{
    switch (s)
    {
    case IDLE:
        return "idle";
    case BUSY:
        return "busy";
    case SAVING:
        return "saving";
    default:
        return "unknown";
    }
}

// ---------------------------------------------------------------- slotted

void
EnergyHarvestingOrinDevice::BeginStage(uint64_t slot)
{
    m_stageSlot = slot;
    m_stageStart = Simulator::Now();
    const DeviceSpec& s = m_spec;
    SelectMode();
    if (m_state != SAVING && m_hasPending)
    {
        const PowerMode& mode = s.modes.Get(m_mode);
        m_hasRunning = true;
        m_runningId = m_pendingId;
        m_runningDone = m_pendingDone;
        m_runningStart = Simulator::Now();
        m_hasPending = false;
        m_pendingDone = JobDoneCallback();
        m_stageSlots = mode.GetSlotsPerJob(s.slotS);
        m_stageDrawJ = mode.energyPerJobJ;
        SetState(BUSY);
    }
    else
    {
        m_stageSlots = 1;
        const PowerMode& mode = s.modes.Get(m_mode);
        m_stageDrawJ = (m_state == SAVING ? mode.savingPowerW : mode.idlePowerW) * s.slotS;
        if (m_state != SAVING)
        {
            SetState(IDLE);
        }
    }
    m_event = Simulator::Schedule(m_slot * static_cast<int64_t>(m_stageSlots),
                                  &EnergyHarvestingOrinDevice::EndStage,
                                  this);
}

void
EnergyHarvestingOrinDevice::EndStage()
{
    double harvestJ = 0;
    if (m_harvester)
    {
        for (unsigned i = 0; i < m_stageSlots; ++i)
        {
            harvestJ += m_harvester->GetSlotEnergyJ(m_stageSlot + i);
        }
    }
    m_battery->ApplyStage(harvestJ, m_stageDrawJ);
    m_stageEnergyJ += m_stageDrawJ;
    if (m_hasRunning)
    {
        m_hasRunning = false;
        ++m_completed;
        m_lastService = Simulator::Now() - m_runningStart;
        m_jobCompletedTrace(m_runningId, m_lastService);
        JobDoneCallback done = m_runningDone;
        m_runningDone = JobDoneCallback();
        if (!done.IsNull())
        {
            done(m_runningId, true);
        }
    }
    // Hysteresis on the new level (spec 3: s' from s and E').
    double e = GetEnergyJ();
    if (m_state != SAVING && e < m_spec.GetLowJ())
    {
        SetState(SAVING);
    }
    else if (m_state == SAVING && e >= m_spec.GetHighJ())
    {
        SetState(IDLE);
    }
    BeginStage(m_stageSlot + m_stageSlots);
}

// ------------------------------------------------------------- continuous

double
EnergyHarvestingOrinDevice::DoGetCurrentA() const
{
    if (m_slotted || !m_started)
    {
        return 0.0;
    }
    const PowerMode& mode = m_spec.modes.Get(m_mode);
    double w = 0;
    switch (m_state.Get())
    {
    case BUSY:
        w = m_runningPowerW;
        break;
    case SAVING:
        w = mode.savingPowerW;
        break;
    default:
        w = mode.idlePowerW;
        break;
    }
    return w / m_battery->GetSupplyVoltage();
}

void
EnergyHarvestingOrinDevice::StartJob()
{
    NS_ASSERT(m_hasPending && !m_hasRunning);
    m_battery->UpdateEnergySource();
    if (m_state == SAVING)
    {
        return; // the update crossed Elow or emptied the battery: job stays pending
    }
    SelectMode();
    const PowerMode& mode = m_spec.modes.Get(m_mode);
    m_hasRunning = true;
    m_runningId = m_pendingId;
    m_runningDone = m_pendingDone;
    m_runningStart = Simulator::Now();
    m_hasPending = false;
    m_pendingDone = JobDoneCallback();
    m_runningPowerW = mode.GetJobPowerW();
    SetState(BUSY);
    m_event = Simulator::Schedule(Seconds(mode.timePerJobS),
                                  &EnergyHarvestingOrinDevice::FinishJob,
                                  this);
}

void
EnergyHarvestingOrinDevice::FinishJob()
{
    m_battery->UpdateEnergySource();
    if (!m_hasRunning)
    {
        return; // the battery emptied at this very instant: aborted as DEPLETED
    }
    m_hasRunning = false;
    ++m_completed;
    m_lastService = Simulator::Now() - m_runningStart;
    m_jobCompletedTrace(m_runningId, m_lastService);
    JobDoneCallback done = m_runningDone;
    m_runningDone = JobDoneCallback();
    uint64_t id = m_runningId;
    if (m_battery->GetRemainingEnergy() < m_spec.GetLowJ())
    {
        SetState(SAVING);
    }
    else if (m_hasPending)
    {
        StartJob();
    }
    else
    {
        SetState(IDLE);
    }
    if (!done.IsNull())
    {
        done(id, true);
    }
}

void
EnergyHarvestingOrinDevice::OnThreshold(double levelJ, bool rising)
{
    NS_LOG_FUNCTION(this << levelJ << rising);
    if (!rising && levelJ == m_spec.GetLowJ() && m_state == IDLE)
    {
        SetState(SAVING);
    }
    else if (rising && levelJ == m_spec.GetHighJ() && m_state == SAVING)
    {
        LeaveSaving();
    }
}

void
EnergyHarvestingOrinDevice::LeaveSaving()
{
    SetState(IDLE);
    if (m_hasPending)
    {
        StartJob();
    }
}

void
EnergyHarvestingOrinDevice::HandleEnergyDepletion()
{
    NS_LOG_FUNCTION(this);
    if (m_slotted || !m_started)
    {
        return; // Eq. 1 clamps at 0; the stage's job still completes
    }
    if (m_hasRunning)
    {
        m_event.Cancel();
        m_hasRunning = false;
        Refuse(m_runningId, DEPLETED);
        JobDoneCallback done = m_runningDone;
        m_runningDone = JobDoneCallback();
        SetState(SAVING);
        if (!done.IsNull())
        {
            done(m_runningId, false);
        }
    }
    else if (m_state != SAVING)
    {
        SetState(SAVING);
    }
}

void
EnergyHarvestingOrinDevice::HandleEnergyRecharged()
{
}

void
EnergyHarvestingOrinDevice::HandleEnergyChanged()
{
}

void
EnergyHarvestingOrinDevice::Halt()
{
    m_event.Cancel();
    m_hasRunning = false;
    m_hasPending = false;
    m_runningDone = JobDoneCallback();
    m_pendingDone = JobDoneCallback();
}

void
EnergyHarvestingOrinDevice::Restart()
{
    NS_ABORT_MSG_UNLESS(m_started && m_slotted,
                        "EnergyHarvestingOrinDevice::Restart needs an initialized Slotted device");
    Halt();
    m_battery->Reset();
    Time now = Simulator::Now();
    double slots = now.GetSeconds() / m_spec.slotS;
    NS_ABORT_MSG_IF(std::abs(slots - std::round(slots)) > 1e-9,
                    "EnergyHarvestingOrinDevice::Restart off a slot boundary: " << now.As(Time::S));
    m_completed = 0;
    m_stageEnergyJ = 0;
    m_accepted = 0;
    m_refused.fill(0);
    m_savingEntries = 0;
    m_savingTime = Seconds(0);
    m_startTime = now;
    m_lastEnergySample = now;
    m_energyIntegralJs = 0;
    m_lastEnergyJ = m_battery->GetStoredEnergyJ();
    SelectMode();
    bool saving = m_lastEnergyJ < m_spec.GetLowJ();
    m_state = saving ? SAVING : IDLE;
    if (saving)
    {
        ++m_savingEntries;
        m_savingSince = now;
        m_powerSavingTrace(true);
    }
    if (m_harvester)
    {
        m_harvester->SkipToSlot(static_cast<uint64_t>(std::llround(slots)));
    }
    BeginStage(static_cast<uint64_t>(std::llround(slots)));
}

double
EnergyHarvestingOrinDevice::GetTotalEnergyConsumption() const
{
    // Its own draw only: ns-3's radios may share the battery.
    return m_stageEnergyJ + (m_battery ? m_battery->GetModelEnergyJ(this) : 0.0);
}

void
EnergyHarvestingOrinDevice::ChangeState(int newState)
{
    NS_FATAL_ERROR("EnergyHarvestingOrinDevice: the state follows jobs and the battery; "
                   "ChangeState("
                   << newState << ") is not supported");
}

} // namespace llmedge
} // namespace ns3
