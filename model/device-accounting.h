/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_DEVICE_ACCOUNTING_H
#define LLM_EDGE_DEVICE_ACCOUNTING_H

#include "capped-battery-energy-source.h"
#include "device-job-slots.h"
#include "ns3/device-spec.h"
#include "slot-energy-harvester.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <memory>
#include <string>

namespace ns3
{
namespace llmedge
{

class EnergyHarvestingOrinDevice;

/**
 * \ingroup llm-edge
 * \brief The device's batching attributes, as an accounting mode reads them
 * (only "Batched" does).
 */
struct BatchSettings
{
    std::string profileFile; ///< DeviceProfileFile
    std::string deviceKind;  ///< DeviceKind
    std::string modelName;   ///< ModelName
    uint32_t maxBatch{1};    ///< MaxBatch
    Time timeout;            ///< BatchTimeout
};

/**
 * \ingroup llm-edge
 * \brief How an EnergyHarvestingOrinDevice turns time, jobs and harvest into
 * battery updates: one subclass per accounting mode, chosen once when the
 * device initializes (attribute Accounting), as ns-3's Wi-Fi radio energy
 * model hands its transmit current to a WifiTxCurrentModel.
 *
 * The device keeps the jobs, the state and the statistics; a strategy decides
 * when a pending job enters service, when it completes and what the battery is
 * charged, through the protected calls below. A new mode is a subclass plus a
 * line in Create().
 */
class DeviceAccounting
{
  public:
    /// \param device the device accounted (outlives the strategy)
    explicit DeviceAccounting(EnergyHarvestingOrinDevice& device);
    virtual ~DeviceAccounting();

    /**
     * \param name "Slotted", "Continuous" or "Batched"
     * \param device the device accounted
     * \return the strategy, or null for an unknown name
     */
    static std::unique_ptr<DeviceAccounting> Create(const std::string& name,
                                                    EnergyHarvestingOrinDevice& device);
    /// \param name a mode name \return true if Create knows it
    static bool IsKnown(const std::string& name);

    /// \brief The device initialized: start accounting from now.
    virtual void Start() = 0;
    /// \brief A job was accepted and is pending.
    virtual void OnAccepted() = 0;
    /// \brief Bring the battery up to now with the draw in force (around state changes).
    virtual void Update();
    /// \return the device's current draw, A
    virtual double GetCurrentA() const;
    /// \brief The battery emptied.
    virtual void OnDepletion();
    /// \return the stored energy, J
    virtual double GetEnergyJ() const;
    /// \return true if the energy is held between battery updates (false: linear)
    virtual bool IsLevelHeld() const = 0;
    /// \param mode a power mode \return how long a job in that mode occupies the device
    virtual Time GetServiceTime(const PowerMode& mode) const;
    /// \return energy charged to the battery by the strategy itself, J (not via the
    /// battery's per-model integration)
    virtual double GetOwnEnergyJ() const;
    /// \brief Cancel what is scheduled.
    virtual void Halt();
    /// \return true if Restart is supported
    virtual bool SupportsRestart() const;
    /// \brief Start a new replication at slot \p slot. \param slot the first slot
    virtual void Restart(uint64_t slot);
    /// \param tokens a request's token counts \return false if it alone does not
    /// fit in the device's memory (refused with MEMORY)
    virtual bool Fits(const JobTokens& tokens) const;
    /**
     * \param tokens the token counts of a job offered now
     * \return the time from now until it would complete; here: the rest of
     *         the running job, each waiting job and its own, each in the
     *         current mode (whole slots under Slotted accounting)
     */
    virtual Time GetExpectedCompletion(const JobTokens& tokens) const;
    /// \param tokens the token counts of a job offered now \return the energy
    /// it would cost, J; here: the current mode's energy per job
    virtual double GetExpectedEnergyPerJobJ(const JobTokens& tokens) const;

  protected:
    /// \return the device's battery
    Ptr<CappedBatteryEnergySource> Battery() const;
    /// \return the device's harvester (may be null)
    Ptr<SlotEnergyHarvester> Harvester() const;
    /// \return the device's specification
    const DeviceSpec& Spec() const;
    /// \return the slot length
    Time Slot() const;
    /// \return the device's state (EnergyHarvestingOrinDevice::State)
    int32_t State() const;
    /// \param s the device's new state (EnergyHarvestingOrinDevice::State)
    void SetState(int32_t s);
    /// \brief Let the power-mode policy choose from the energy now.
    void SelectMode();
    /// \return the current power mode
    const PowerMode& CurrentMode() const;
    /// \return true if a job is pending
    bool HasPending() const;
    /// \return true if a job is in service
    bool HasRunning() const;
    /// \brief Move the pending job into service; the device becomes busy.
    void StartPendingJob();
    /// \brief Move the \p n oldest waiting jobs into service as one batch.
    /// \param n how many
    void StartPendingJobs(uint32_t n);
    /// \return the device's jobs
    DeviceJobSlots& Jobs() const;
    /// \return the device's batching attributes
    BatchSettings Batching() const;
    /// \brief Tell a completed job's owner, with the device's last service time
    /// and batch wait set to the job's (for batches completed together).
    /// \param job the job, completed now
    void NotifyCompleted(const DeviceJobSlots::Finished& job);
    /// \brief The job in service completed (counted and traced). \return it, to notify
    DeviceJobSlots::Finished CompleteRunningJob();
    /// \brief The job in service was aborted because the battery emptied. \return it
    DeviceJobSlots::Finished AbortRunningJob();

    EventId m_event; ///< the strategy's next event

  private:
    EnergyHarvestingOrinDevice& m_device; ///< the device accounted
};

/**
 * \ingroup llm-edge
 * \brief The paper's accounting: stages of whole slots, Eq. 1 at each stage
 * end, decisions at stage boundaries; a job occupies k = ceil(t/T) slots.
 */
class SlottedAccounting : public DeviceAccounting
{
  public:
    using DeviceAccounting::DeviceAccounting;
    void Start() override;
    void OnAccepted() override;
    double GetEnergyJ() const override;
    bool IsLevelHeld() const override;
    Time GetServiceTime(const PowerMode& mode) const override;
    double GetOwnEnergyJ() const override;
    bool SupportsRestart() const override;
    void Restart(uint64_t slot) override;

  private:
    /// \brief A stage begins. \param slot its first slot
    void BeginStage(uint64_t slot);
    /// \brief The stage ends: Eq. 1, completion, hysteresis, next stage.
    void EndStage();

    uint64_t m_stageSlot{0};  ///< first slot of the stage
    Time m_stageStart;        ///< start of the stage
    unsigned m_stageSlots{1}; ///< slots in the stage
    double m_stageDrawJ{0};   ///< energy the stage demands, J
    double m_stageEnergyJ{0}; ///< energy demanded by the stages applied so far, J
};

/**
 * \ingroup llm-edge
 * \brief Power through ns-3's energy framework: jobs take exactly t seconds at
 * c/t watts, harvest arrives as power, thresholds act when crossed.
 */
class ContinuousAccounting : public DeviceAccounting
{
  public:
    using DeviceAccounting::DeviceAccounting;
    void Start() override;
    void OnAccepted() override;
    void Update() override;
    double GetCurrentA() const override;
    void OnDepletion() override;
    bool IsLevelHeld() const override;

  protected:
    /// \return the draw while idle, W (here: the current mode's idle power)
    virtual double GetIdlePowerW() const;
    /// \brief Start the pending job unless the update enters power saving.
    virtual void StartJob();
    /// \brief The job in service (or the running batch) completes.
    void FinishJob();
    /**
     * \brief The battery crossed a watched level.
     * \param levelJ the level, J
     * \param rising true if crossed upwards
     */
    void OnThreshold(double levelJ, bool rising);

    double m_runningPowerW{0}; ///< draw while busy, W
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_DEVICE_ACCOUNTING_H */
