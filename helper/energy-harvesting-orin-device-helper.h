/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_ENERGY_HARVESTING_ORIN_DEVICE_HELPER_H
#define LLM_EDGE_ENERGY_HARVESTING_ORIN_DEVICE_HELPER_H

#include "ns3/attribute.h"
#include "ns3/device-energy-model-container.h"
#include "ns3/energy-source-container.h"
#include "ns3/energy-harvesting-orin-device.h"
#include "ns3/grid-supply.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"

#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Installs, on each node, a CappedBatteryEnergySource, a harvester
 * and an EnergyHarvestingOrinDevice, wired together.
 *
 * The battery goes into the node's EnergySourceContainer (created and
 * aggregated when missing, as ns-3's energy helpers do); the device is a
 * device energy model of that battery, found with GetDevice(node), and is
 * initialized with the node at simulation start. An OrinDeviceHolder
 * aggregated to the node makes the device, its battery and its harvester
 * reachable by Config path:
 * /NodeList/[i]/$ns3::llmedge::OrinDeviceHolder/Device/{State, PowerMode,
 * JobCompleted, JobRefused, PowerSaving, Battery/RemainingEnergy,
 * Battery/Harvested, Battery/Spilled, Harvester/SlotEnergy}.
 *
 * Every battery gets its own GridSupply (mode "none" unless set here or by
 * the attribute default ns3::llmedge::GridSupply::Mode), so grid energy and
 * carbon are accounted per device.
 */
class EnergyHarvestingOrinDeviceHelper
{
  public:
    EnergyHarvestingOrinDeviceHelper();

    /**
     * \param name attribute of CappedBatteryEnergySource
     * \param value its value
     */
    void SetBatteryAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param typeId a SlotEnergyHarvester subclass (default RandomSlotHarvester)
     */
    void SetHarvesterType(TypeId typeId);

    /**
     * \param name attribute of the harvester
     * \param value its value
     */
    void SetHarvesterAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param name attribute of EnergyHarvestingOrinDevice
     * \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param typeId a GridSupply type (default GridSupply)
     */
    void SetGridSupplyType(TypeId typeId);

    /**
     * \param name attribute of GridSupply (e.g. "Mode", "CarbonIntensity")
     * \param value its value
     */
    void SetGridAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief A time-varying carbon intensity for every grid supply installed
     * (GridSupply::SetCarbonIntensityFunction).
     * \param f g CO2eq/kWh as a function of the time in seconds (empty: constant)
     */
    void SetCarbonIntensityFunction(GridSupply::IntensityFunction f);

    /**
     * \brief Set the slot length of the device and of its harvester at once.
     * \param slot the slot length T
     */
    void SetSlotDuration(Time slot);

    /**
     * \brief Give every device its own tuner of the power mode of each job
     * (the device's Tuner attribute), e.g. ns3::llmedge::EdpTunerPolicy with
     * SurfaceFile "power-modes".
     * \param typeName an InferencePolicy TypeId name that tunes
     */
    void SetTuner(const std::string& typeName);
    /**
     * \param name attribute of the tuner
     * \param value its value
     */
    void SetTunerAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param nodes the nodes
     * \return the devices, in node order
     */
    DeviceEnergyModelContainer Install(NodeContainer nodes) const;

    /**
     * \param node a node
     * \return the device
     */
    Ptr<EnergyHarvestingOrinDevice> Install(Ptr<Node> node) const;

    /**
     * \param devices devices installed by this helper
     * \param stream first stream index
     * \return number of streams used
     */
    static int64_t AssignStreams(DeviceEnergyModelContainer devices, int64_t stream);

    /**
     * \param node a node
     * \return its device, or null
     */
    static Ptr<EnergyHarvestingOrinDevice> GetDevice(Ptr<Node> node);

    /**
     * \brief The batteries of the devices on \p nodes, in node order, for
     * ns-3's energy helpers: e.g. WifiRadioEnergyModelHelper::Install(netDevices,
     * batteries) puts the radios on the same batteries as the compute.
     * \param nodes nodes with a device installed by this helper
     * \return one CappedBatteryEnergySource per node
     */
    static EnergySourceContainer GetBatteries(NodeContainer nodes);

  private:
    ObjectFactory m_battery;   ///< battery factory
    ObjectFactory m_harvester; ///< harvester factory
    ObjectFactory m_device;    ///< device factory
    ObjectFactory m_grid;      ///< grid supply factory
    ObjectFactory m_tuner;     ///< tuner factory (no TypeId: no tuner)
    bool m_hasTuner{false};    ///< SetTuner was called
    /// Carbon intensity function given to each grid supply (empty: none).
    GridSupply::IntensityFunction m_intensity;
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_ENERGY_HARVESTING_ORIN_DEVICE_HELPER_H */
