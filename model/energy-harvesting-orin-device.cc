/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "energy-harvesting-orin-device.h"

#include "device-accounting.h"
#include "inference-policy.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

#include <cmath>
#include <numeric>

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
        AddAttributes(TypeId("ns3::llmedge::EnergyHarvestingOrinDevice")
                          .SetParent<DeviceEnergyModel>()
                          .SetGroupName("LlmEdge")
                          .AddConstructor<EnergyHarvestingOrinDevice>())
            .AddTraceSource("State",
                            "Device state: 0 idle, 1 busy, 2 power saving.",
                            MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_state),
                            "ns3::TracedValueCallback::Int32")
            .AddTraceSource("PowerMode",
                            "Index of the current power mode in the table.",
                            MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_mode),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("Available",
                            "IsAvailable(): the device would accept a job now (active, a free "
                            "place in its queue); fires when that changes.",
                            MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_available),
                            "ns3::TracedValueCallback::Bool")
            .AddTraceSource(
                "JobCompleted",
                "A job completed: (job id, service time).",
                MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_jobCompletedTrace),
                "ns3::llmedge::EnergyHarvestingOrinDevice::JobCompletedCallback")
            .AddTraceSource("JobRefused",
                            "A job was refused or aborted: (job id, DropReason).",
                            MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_jobRefusedTrace),
                            "ns3::llmedge::EnergyHarvestingOrinDevice::JobRefusedCallback")
            .AddTraceSource(
                "PowerSaving",
                "Power saving entered (true) or left (false).",
                MakeTraceSourceAccessor(&EnergyHarvestingOrinDevice::m_powerSavingTrace),
                "ns3::llmedge::EnergyHarvestingOrinDevice::PowerSavingCallback");
    return tid;
}

EnergyHarvestingOrinDevice::EnergyHarvestingOrinDevice()
    : m_state(IDLE),
      m_mode(0),
      m_available(false)
{
    NS_LOG_FUNCTION(this);
}

EnergyHarvestingOrinDevice::~EnergyHarvestingOrinDevice()
{
    NS_LOG_FUNCTION(this);
}

void
EnergyHarvestingOrinDevice::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    BuildSpec();
    m_battery->Initialize();
    m_accounting = DeviceAccounting::Create(m_accountingName, *this);
    m_battery->TraceConnectWithoutContext(
        "RemainingEnergy",
        MakeCallback(&EnergyHarvestingOrinDevice::AccumulateEnergyAverage, this));
    BeginReplication(m_battery->GetRemainingEnergy());
    m_accounting->Start();
    DeviceEnergyModel::DoInitialize();
}

void
EnergyHarvestingOrinDevice::BeginReplication(double energyJ)
{
    m_stats.Reset(Simulator::Now(), energyJ);
    SelectMode();
    // With the grid behind the battery there is no lack of energy to save for.
    bool saving = energyJ < m_spec.GetLowJ() && !m_battery->IsGridBacked();
    m_state = saving ? SAVING : IDLE;
    if (saving)
    {
        m_stats.EnterSaving(Simulator::Now());
        m_powerSavingTrace(true);
    }
    m_available = IsAvailable();
}

void
EnergyHarvestingOrinDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Halt();
    OrinDeviceAttributes::DoDispose();
}

void
EnergyHarvestingOrinDevice::AccumulateEnergyAverage(double oldJ, double newJ)
{
    m_stats.AddEnergySample(Simulator::Now(), oldJ, newJ, m_accounting->IsLevelHeld());
}

double
EnergyHarvestingOrinDevice::GetAverageEnergyJ() const
{
    bool held = !m_accounting || m_accounting->IsLevelHeld();
    double e = held ? 0.0 : m_battery->GetRemainingEnergy();
    return m_stats.GetAverageEnergyJ(Simulator::Now(), e, held);
}

void
EnergyHarvestingOrinDevice::SelectMode()
{
    if (m_tuner)
    {
        uint32_t arm = m_tuner->Tune({this});
        NS_ABORT_MSG_IF(arm >= m_spec.modes.GetModes().size(),
                        "EnergyHarvestingOrinDevice: tuner arm " << arm << " is not a power mode");
        m_mode = arm;
        return;
    }
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
    NS_LOG_LOGIC(this << " " << StateName(GetState()) << " -> " << StateName(s));
    m_accounting->Update(); // integrate the old draw
    if (s == SAVING)
    {
        m_stats.EnterSaving(Simulator::Now());
        m_powerSavingTrace(true);
    }
    else if (m_state == SAVING)
    {
        m_stats.LeaveSaving(Simulator::Now());
        m_powerSavingTrace(false);
    }
    m_state = s;
    m_available = IsAvailable();
    m_accounting->Update(); // re-plan crossings with the new draw
}

void
EnergyHarvestingOrinDevice::Refuse(uint64_t jobId, DropReason r)
{
    NS_LOG_INFO(this << " job " << jobId << " refused: " << DropReasonName(r));
    ++m_stats.refused[r];
    m_jobRefusedTrace(jobId, r);
}

void
EnergyHarvestingOrinDevice::StartPendingJob(uint32_t n)
{
    m_jobs.StartPending(Simulator::Now(), n);
    SetState(BUSY);
    m_available = IsAvailable();
}

DeviceJobSlots::Finished
EnergyHarvestingOrinDevice::CompleteRunningJob()
{
    DeviceJobSlots::Finished job = m_jobs.Finish();
    ++m_stats.completed;
    m_lastService = Simulator::Now() - job.start;
    m_lastBatchWait = job.batchWait;
    NS_LOG_INFO(this << " job " << job.id << " completed in " << m_lastService.As(Time::S));
    m_jobCompletedTrace(job.id, m_lastService);
    if (m_tuner)
    {
        m_tuner->Observe({static_cast<uint32_t>(m_mode),
                          GetCurrentMode().energyPerJobJ,
                          m_lastService.GetSeconds(),
                          this});
    }
    return job;
}

DeviceJobSlots::Finished
EnergyHarvestingOrinDevice::AbortRunningJob()
{
    DeviceJobSlots::Finished job = m_jobs.Finish();
    Refuse(job.id, DEPLETED);
    return job;
}

bool
EnergyHarvestingOrinDevice::SubmitJob(uint64_t jobId,
                                      JobDoneCallback done,
                                      DropReason* reason,
                                      JobTokens tokens)
{
    NS_LOG_FUNCTION(this << jobId);
    NS_ABORT_MSG_IF(!m_accounting, "EnergyHarvestingOrinDevice: SubmitJob before initialization");
    DropReason r = !m_accounting->Fits(tokens) ? MEMORY
                   : m_state == SAVING         ? POWER_SAVING
                   : m_jobs.GetWaiting() >= m_queueCapacity ? QUEUE_FULL
                                                            : DROP_REASONS;
    if (r != DROP_REASONS)
    {
        Refuse(jobId, r);
        if (reason)
        {
            *reason = r;
        }
        return false;
    }
    ++m_stats.accepted;
    m_jobs.Hold(jobId, done, tokens, Simulator::Now());
    m_available = IsAvailable();
    m_accounting->OnAccepted();
    return true;
}

bool
EnergyHarvestingOrinDevice::IsAvailable() const
{
    return m_accounting && m_state != SAVING && m_jobs.GetWaiting() < m_queueCapacity;
}

EnergyHarvestingOrinDevice::State
EnergyHarvestingOrinDevice::GetState() const
{
    return static_cast<State>(m_state.Get());
}

bool
EnergyHarvestingOrinDevice::HasPendingJob() const
{
    return m_jobs.HasPending();
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

double
EnergyHarvestingOrinDevice::GetEnergyJ() const
{
    return m_accounting ? m_accounting->GetEnergyJ() : m_battery->GetRemainingEnergy();
}

double
EnergyHarvestingOrinDevice::GetEnergyFraction() const
{
    return GetEnergyJ() / m_battery->GetCapacityJ();
}

uint64_t
EnergyHarvestingOrinDevice::GetJobsCompleted() const
{
    return m_stats.completed;
}

uint64_t
EnergyHarvestingOrinDevice::GetJobsAccepted() const
{
    return m_stats.accepted;
}

uint32_t
EnergyHarvestingOrinDevice::GetJobsHeld() const
{
    return m_jobs.GetHeld();
}

uint64_t
EnergyHarvestingOrinDevice::GetJobsRefused(DropReason r) const
{
    return m_stats.refused.at(r);
}

uint64_t
EnergyHarvestingOrinDevice::GetJobsRefusedTotal() const
{
    return std::accumulate(m_stats.refused.begin(), m_stats.refused.end(), uint64_t{0});
}

uint64_t
EnergyHarvestingOrinDevice::GetPowerSavingEntries() const
{
    return m_stats.savingEntries;
}

Time
EnergyHarvestingOrinDevice::GetTimeInPowerSaving() const
{
    return m_stats.GetSavingTime(Simulator::Now(), m_state == SAVING);
}

Time
EnergyHarvestingOrinDevice::GetLastServiceTime() const
{
    return m_lastService;
}

Time
EnergyHarvestingOrinDevice::GetLastBatchWait() const
{
    return m_lastBatchWait;
}

Time
EnergyHarvestingOrinDevice::GetExpectedCompletion(const JobTokens& tokens) const
{
    NS_ABORT_MSG_IF(!m_accounting, "EnergyHarvestingOrinDevice: queried before initialization");
    return m_accounting->GetExpectedCompletion(tokens);
}

double
EnergyHarvestingOrinDevice::GetExpectedEnergyPerJobJ(const JobTokens& tokens) const
{
    NS_ABORT_MSG_IF(!m_accounting, "EnergyHarvestingOrinDevice: queried before initialization");
    return m_accounting->GetExpectedEnergyPerJobJ(tokens);
}

std::string
EnergyHarvestingOrinDevice::StateName(State s)
{
    static const char* const names[] = {"idle", "busy", "saving"};
    return s >= IDLE && s <= SAVING ? names[s] : "unknown";
}

double
EnergyHarvestingOrinDevice::DoGetCurrentA() const
{
    return m_accounting ? m_accounting->GetCurrentA() : 0.0;
}

void
EnergyHarvestingOrinDevice::HandleEnergyDepletion()
{
    NS_LOG_FUNCTION(this);
    if (m_accounting)
    {
        m_accounting->OnDepletion(); // Slotted: Eq. 1 clamps at 0, the stage's job completes
    }
}

void
EnergyHarvestingOrinDevice::Halt()
{
    if (m_accounting)
    {
        m_accounting->Halt();
    }
    m_jobs.Clear();
    m_available = IsAvailable();
}

void
EnergyHarvestingOrinDevice::Restart()
{
    NS_ABORT_MSG_UNLESS(m_accounting && m_accounting->SupportsRestart(),
                        "EnergyHarvestingOrinDevice::Restart needs an initialized Slotted device");
    Halt();
    m_battery->Reset();
    Time now = Simulator::Now();
    double slots = now.GetSeconds() / m_spec.slotS;
    NS_ABORT_MSG_IF(std::abs(slots - std::round(slots)) > 1e-9,
                    "EnergyHarvestingOrinDevice::Restart off a slot boundary: " << now.As(Time::S));
    BeginReplication(m_battery->GetStoredEnergyJ());
    m_accounting->Restart(static_cast<uint64_t>(std::llround(slots)));
}

double
EnergyHarvestingOrinDevice::GetTotalEnergyConsumption() const
{
    // Its own draw only: ns-3's radios may share the battery.
    return (m_accounting ? m_accounting->GetOwnEnergyJ() : 0.0) +
           (m_battery ? m_battery->GetModelEnergyJ(this) : 0.0);
}

} // namespace llmedge
} // namespace ns3
