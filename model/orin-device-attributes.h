/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_ORIN_DEVICE_ATTRIBUTES_H
#define LLM_EDGE_ORIN_DEVICE_ATTRIBUTES_H

#include "capped-battery-energy-source.h"
#include "llm-edge-compat.h"
#include "slot-energy-harvester.h"

#include "ns3/device-energy-model.h"
#include "ns3/device-spec.h"
#include "ns3/node.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace llmedge
{

class InferencePolicy;

/**
 * \ingroup llm-edge
 * \brief What an EnergyHarvestingOrinDevice is configured with: its
 * attributes, the validated DeviceSpec built from them on first use, and its
 * place in ns-3's energy framework (battery, harvester, node).
 *
 * Kept apart from the device, which runs the jobs, so that a new attribute
 * or a new check touches this class alone. It has no TypeId of its own: the
 * device registers these attributes on its TypeId (AddAttributes), so they
 * are the device's by name, Config path and default.
 */
class OrinDeviceAttributes : public DeviceEnergyModel
{
  public:
    OrinDeviceAttributes();
    ~OrinDeviceAttributes() override;

    /**
     * \param source must be a CappedBatteryEnergySource
     */
    void SetEnergySource(Ptr<EnergySource> source) override;
    /// \return the battery
    Ptr<CappedBatteryEnergySource> GetBattery() const;

    /**
     * \param harvester the harvester charging the battery (may be null: no harvest)
     */
    void SetHarvester(Ptr<SlotEnergyHarvester> harvester);
    /// \return the harvester
    Ptr<SlotEnergyHarvester> GetHarvester() const;

    /// \param node the node the device belongs to
    void SetNode(Ptr<Node> node);
    /// \return the node
    Ptr<Node> GetNode() const;

    /// \return the validated specification (built from the attributes on first use)
    const DeviceSpec& GetSpec() const;
    /// \return "Slotted", "Continuous" or "Batched"
    const std::string& GetAccounting() const;

    // DeviceEnergyModel: the state follows jobs and the battery, so
    // ChangeState is refused; recharge and changes need no action.
    /// \param newState not used: the device sets its own state (ns-3 DeviceEnergyModel)
    void ChangeState(int newState) override;
    /// The battery holds energy again after a depletion (ns-3 DeviceEnergyModel)
    void HandleEnergyRecharged() override;
    /// The battery's energy changed (ns-3 DeviceEnergyModel)
    void HandleEnergyChanged() override;

  protected:
    /**
     * \brief Register the attributes on the device's own TypeId (so that
     * Config::SetDefault and --ns3::llmedge::EnergyHarvestingOrinDevice::X
     * find them: ns-3 looks defaults up in the named TypeId only).
     * \param tid the device's TypeId being built
     * \return tid with the attributes
     */
    static TypeId AddAttributes(TypeId tid);
    /// Release the references held (ns-3 Object)
    void DoDispose() override;
    /**
     * \brief GetTypeId's second half: the job queue, Batched accounting and
     * the read-only plumbing.
     * \param tid the TypeId being built
     * \return tid with these attributes
     */
    static TypeId AddQueueAndBatchAttributes(TypeId tid);
    /**
     * \brief Validate the attributes and build the spec (once).
     * \throws ConfigError naming the attribute and its value
     */
    void BuildSpec() const;

    std::string m_accountingName; ///< "Slotted" or "Continuous"
    Time m_slot;                  ///< slot length
    std::string m_preset;         ///< power-mode preset
    std::string m_modeFile;       ///< power-mode CSV (overrides the preset)
    std::string m_powerMode;      ///< "dynamic" or a mode name
    std::string m_thresholds;     ///< dynamic steps
    double m_lowFraction;         ///< Elow / Emax
    double m_highFraction;        ///< Ehigh / Emax
    Ptr<InferencePolicy> m_tuner; ///< attribute Tuner (null: the power-mode policy)
    uint32_t m_queueCapacity{1};  ///< jobs that may wait
    std::string m_profileFile;    ///< Batched: device profile CSV
    std::string m_deviceKind;     ///< Batched: device kind in the profile
    std::string m_modelName;      ///< Batched: model in the profile
    uint32_t m_maxBatch{1};       ///< Batched: largest batch B
    Time m_batchTimeout;          ///< Batched: longest wait of the oldest request

    mutable DeviceSpec m_spec;                      ///< validated parameters
    mutable bool m_specBuilt{false};                ///< m_spec built from the attributes
    Ptr<CappedBatteryEnergySource> m_battery; ///< battery
    Ptr<SlotEnergyHarvester> m_harvester;     ///< harvester
    Ptr<Node> m_node;                         ///< owner node
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_ORIN_DEVICE_ATTRIBUTES_H */
