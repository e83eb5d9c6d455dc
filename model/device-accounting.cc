/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "device-accounting.h"

#include "batched-accounting.h"
#include "energy-harvesting-orin-device.h"

#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DeviceAccounting");

namespace llmedge
{

using Device = EnergyHarvestingOrinDevice;

DeviceAccounting::DeviceAccounting(EnergyHarvestingOrinDevice& device)
    : m_device(device)
{
}

DeviceAccounting::~DeviceAccounting() = default;

std::unique_ptr<DeviceAccounting>
DeviceAccounting::Create(const std::string& name, EnergyHarvestingOrinDevice& device)
{
    if (name == "Slotted")
    {
        return std::make_unique<SlottedAccounting>(device);
    }
    if (name == "Continuous")
    {
        return std::make_unique<ContinuousAccounting>(device);
    }
    if (name == "Batched")
    {
        return std::make_unique<BatchedAccounting>(device);
    }
    return nullptr;
}

bool
DeviceAccounting::IsKnown(const std::string& name)
{
    return name == "Slotted" || name == "Continuous" || name == "Batched";
}

void
DeviceAccounting::Update()
{
}

double
DeviceAccounting::GetCurrentA() const
{
    return 0.0;
}

void
DeviceAccounting::OnDepletion()
{
}

double
DeviceAccounting::GetEnergyJ() const
{
    return Battery()->GetRemainingEnergy();
}

double
DeviceAccounting::GetOwnEnergyJ() const
{
    return 0.0;
}

void
DeviceAccounting::Halt()
{
    m_event.Cancel();
}

bool
DeviceAccounting::SupportsRestart() const
{
    return false;
}

void
DeviceAccounting::Restart(uint64_t /* slot */)
{
    NS_FATAL_ERROR("DeviceAccounting: this accounting mode cannot restart");
}

Ptr<CappedBatteryEnergySource>
DeviceAccounting::Battery() const
{
    return m_device.m_battery;
}

Ptr<SlotEnergyHarvester>
DeviceAccounting::Harvester() const
{
    return m_device.m_harvester;
}

const DeviceSpec&
DeviceAccounting::Spec() const
{
    return m_device.m_spec;
}

Time
DeviceAccounting::Slot() const
{
    return m_device.m_slot;
}

int32_t
DeviceAccounting::State() const
{
    return m_device.m_state;
}

void
DeviceAccounting::SetState(int32_t s)
{
    m_device.SetState(static_cast<Device::State>(s));
}

void
DeviceAccounting::SelectMode()
{
    m_device.SelectMode();
}

const PowerMode&
DeviceAccounting::CurrentMode() const
{
    return m_device.GetCurrentMode();
}

bool
DeviceAccounting::HasPending() const
{
    return m_device.m_jobs.HasPending();
}

bool
DeviceAccounting::HasRunning() const
{
    return m_device.m_jobs.HasRunning();
}

void
DeviceAccounting::StartPendingJob()
{
    m_device.StartPendingJob();
}

void
DeviceAccounting::StartPendingJobs(uint32_t n)
{
    m_device.StartPendingJob(n);
}

DeviceJobSlots&
DeviceAccounting::Jobs() const
{
    return m_device.m_jobs;
}

BatchSettings
DeviceAccounting::Batching() const
{
    return {m_device.m_profileFile,
            m_device.m_deviceKind,
            m_device.m_modelName,
            m_device.m_maxBatch,
            m_device.m_batchTimeout};
}

void
DeviceAccounting::NotifyCompleted(const DeviceJobSlots::Finished& job)
{
    m_device.m_lastService = Simulator::Now() - job.start;
    m_device.m_lastBatchWait = job.batchWait;
    job.Notify(true);
}

bool
DeviceAccounting::Fits(const JobTokens& /* tokens */) const
{
    return true;
}

Time
DeviceAccounting::GetExpectedCompletion(const JobTokens& /* tokens */) const
{
    Time service = GetServiceTime(CurrentMode());
    Time t = service;
    const DeviceJobSlots& jobs = m_device.m_jobs;
    if (jobs.HasRunning())
    {
        t += std::max(Time(0), service - (Simulator::Now() - jobs.GetRunningStart()));
    }
    return t + service * static_cast<int64_t>(jobs.GetWaiting());
}

double
DeviceAccounting::GetExpectedEnergyPerJobJ(const JobTokens& /* tokens */) const
{
    return CurrentMode().energyPerJobJ;
}

DeviceJobSlots::Finished
DeviceAccounting::CompleteRunningJob()
{
    return m_device.CompleteRunningJob();
}

DeviceJobSlots::Finished
DeviceAccounting::AbortRunningJob()
{
    return m_device.AbortRunningJob();
}

Time
DeviceAccounting::GetServiceTime(const PowerMode& mode) const
{
    return Seconds(mode.timePerJobS);
}

// ---------------------------------------------------------------- slotted

void
SlottedAccounting::Start()
{
    // Stages follow the slot grid anchored at t = 0.
    double slots = std::ceil(Simulator::Now().GetSeconds() / Spec().slotS - 1e-9);
    uint64_t first = static_cast<uint64_t>(slots);
    Time at = Slot() * static_cast<int64_t>(first) - Simulator::Now();
    m_event = Simulator::Schedule(at, &SlottedAccounting::BeginStage, this, first);
}

void
SlottedAccounting::OnAccepted()
{
    if (State() == Device::IDLE && m_stageStart == Simulator::Now())
    {
        // A hand-off at the very boundary where an idle stage just began
        // (the previous layer's stage ended at the same instant): serve it
        // in this stage, as if it had arrived just before the boundary.
        m_event.Cancel();
        BeginStage(m_stageSlot);
    }
}

double
SlottedAccounting::GetEnergyJ() const
{
    // Energy moves only at stage ends, no integration needed.
    return Battery()->GetStoredEnergyJ();
}

bool
SlottedAccounting::IsLevelHeld() const
{
    return true;
}

Time
SlottedAccounting::GetServiceTime(const PowerMode& mode) const
{
    return Slot() * static_cast<int64_t>(mode.GetSlotsPerJob(Spec().slotS));
}

double
SlottedAccounting::GetOwnEnergyJ() const
{
    return m_stageEnergyJ;
}

bool
SlottedAccounting::SupportsRestart() const
{
    return true;
}

void
SlottedAccounting::Restart(uint64_t slot)
{
    m_stageEnergyJ = 0;
    if (Harvester())
    {
        Harvester()->SkipToSlot(slot);
    }
    BeginStage(slot);
}

void
SlottedAccounting::BeginStage(uint64_t slot)
{
    NS_LOG_FUNCTION(this << slot);
    m_stageSlot = slot;
    m_stageStart = Simulator::Now();
    SelectMode();
    const PowerMode& mode = CurrentMode();
    if (State() != Device::SAVING && HasPending())
    {
        m_stageSlots = mode.GetSlotsPerJob(Spec().slotS);
        m_stageDrawJ = mode.energyPerJobJ;
        StartPendingJob();
    }
    else
    {
        m_stageSlots = 1;
        bool saving = State() == Device::SAVING;
        m_stageDrawJ = (saving ? mode.savingPowerW : mode.idlePowerW) * Spec().slotS;
        if (!saving)
        {
            SetState(Device::IDLE);
        }
    }
    m_event = Simulator::Schedule(Slot() * static_cast<int64_t>(m_stageSlots),
                                  &SlottedAccounting::EndStage,
                                  this);
}

void
SlottedAccounting::EndStage()
{
    double harvestJ = 0;
    if (Harvester())
    {
        for (unsigned i = 0; i < m_stageSlots; ++i)
        {
            harvestJ += Harvester()->GetSlotEnergyJ(m_stageSlot + i);
        }
    }
    Battery()->ApplyStage(harvestJ, m_stageDrawJ, m_stageStart);
    m_stageEnergyJ += m_stageDrawJ;
    if (HasRunning())
    {
        CompleteRunningJob().Notify(true);
    }
    // Hysteresis on the new level (doc: "Battery, harvest and power saving");
    // none with the grid behind the battery (doc/llm-edge.rst, "Grid-connected and hybrid devices").
    double e = GetEnergyJ();
    if (State() != Device::SAVING && e < Spec().GetLowJ() && !Battery()->IsGridBacked())
    {
        SetState(Device::SAVING);
    }
    else if (State() == Device::SAVING && e >= Spec().GetHighJ())
    {
        SetState(Device::IDLE);
    }
    BeginStage(m_stageSlot + m_stageSlots);
}

// ------------------------------------------------------------- continuous

void
ContinuousAccounting::Start()
{
    if (!Battery()->IsGridBacked()) // the grid backs the demand: no power saving
    {
        Battery()->SetThresholdWatch({Spec().GetLowJ(), Spec().GetHighJ()},
                                     MakeCallback(&ContinuousAccounting::OnThreshold, this));
    }
    if (Harvester())
    {
        Harvester()->StartContinuous();
    }
    Battery()->UpdateEnergySource();
}

void
ContinuousAccounting::OnAccepted()
{
    if (State() == Device::IDLE)
    {
        StartJob();
    }
}

void
ContinuousAccounting::Update()
{
    Battery()->UpdateEnergySource();
}

double
ContinuousAccounting::GetCurrentA() const
{
    double w = GetIdlePowerW();
    if (State() == Device::BUSY)
    {
        w = m_runningPowerW;
    }
    else if (State() == Device::SAVING)
    {
        w = CurrentMode().savingPowerW;
    }
    return w / Battery()->GetSupplyVoltage();
}

double
ContinuousAccounting::GetIdlePowerW() const
{
    return CurrentMode().idlePowerW;
}

bool
ContinuousAccounting::IsLevelHeld() const
{
    return false;
}

void
ContinuousAccounting::StartJob()
{
    NS_ASSERT(HasPending() && !HasRunning());
    Battery()->UpdateEnergySource();
    if (State() == Device::SAVING)
    {
        return; // the update crossed Elow or emptied the battery: job stays pending
    }
    SelectMode();
    const PowerMode& mode = CurrentMode();
    m_runningPowerW = mode.GetJobPowerW();
    StartPendingJob();
    m_event =
        Simulator::Schedule(Seconds(mode.timePerJobS), &ContinuousAccounting::FinishJob, this);
}

void
ContinuousAccounting::FinishJob()
{
    Battery()->UpdateEnergySource();
    if (!HasRunning())
    {
        return; // the battery emptied at this very instant: aborted as DEPLETED
    }
    std::vector<DeviceJobSlots::Finished> done; // one job, or a batch (Batched)
    while (HasRunning())
    {
        done.push_back(CompleteRunningJob());
    }
    if (Battery()->GetRemainingEnergy() < Spec().GetLowJ() && !Battery()->IsGridBacked())
    {
        SetState(Device::SAVING);
    }
    else if (HasPending())
    {
        StartJob();
    }
    else
    {
        SetState(Device::IDLE);
    }
    for (const auto& job : done)
    {
        NotifyCompleted(job);
    }
}

void
ContinuousAccounting::OnThreshold(double levelJ, bool rising)
{
    NS_LOG_FUNCTION(this << levelJ << rising);
    if (!rising && levelJ == Spec().GetLowJ() && State() == Device::IDLE)
    {
        SetState(Device::SAVING);
    }
    else if (rising && levelJ == Spec().GetHighJ() && State() == Device::SAVING)
    {
        SetState(Device::IDLE);
        if (HasPending())
        {
            StartJob();
        }
    }
}

void
ContinuousAccounting::OnDepletion()
{
    NS_LOG_FUNCTION(this);
    if (HasRunning())
    {
        m_event.Cancel();
        std::vector<DeviceJobSlots::Finished> aborted; // one job, or a batch (Batched)
        while (HasRunning())
        {
            aborted.push_back(AbortRunningJob());
        }
        SetState(Device::SAVING);
        for (const auto& job : aborted)
        {
            job.Notify(false);
        }
    }
    else if (State() != Device::SAVING)
    {
        SetState(Device::SAVING);
    }
}

} // namespace llmedge
} // namespace ns3
