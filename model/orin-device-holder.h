/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_ORIN_DEVICE_HOLDER_H
#define LLM_EDGE_ORIN_DEVICE_HOLDER_H

#include "energy-harvesting-orin-device.h"

#include "ns3/object.h"
#include "ns3/ptr.h"

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Aggregated to a node, points to the node's EnergyHarvestingOrinDevice
 * so that Config paths reach the device, its battery and its harvester:
 * \code
 * /NodeList/[i]/$ns3::llmedge::OrinDeviceHolder/Device/State
 * /NodeList/[i]/$ns3::llmedge::OrinDeviceHolder/Device/Battery/RemainingEnergy
 * /NodeList/[i]/$ns3::llmedge::OrinDeviceHolder/Device/Harvester/SlotEnergy
 * \endcode
 *
 * The device itself cannot be aggregated to its node: the node's
 * EnergySourceContainer initializes (and disposes) the device models of its
 * sources, and Object::Initialize on an aggregated model walks every
 * aggregate of the node, the container included, while the container is still
 * initializing: endless recursion (ns-3 keeps its device energy models off the
 * node for the same reason). The holder has no behaviour of its own; its
 * Dispose (with the node's) drops the pointer.
 * EnergyHarvestingOrinDeviceHelper aggregates one to every node it installs a
 * device on (one device per node).
 */
class OrinDeviceHolder : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    OrinDeviceHolder();
    ~OrinDeviceHolder() override;

    /// \param device the node's device
    void SetDevice(Ptr<EnergyHarvestingOrinDevice> device);
    /// \return the node's device
    Ptr<EnergyHarvestingOrinDevice> GetDevice() const;

  private:
    void DoDispose() override;

    Ptr<EnergyHarvestingOrinDevice> m_device; ///< the node's device
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_ORIN_DEVICE_HOLDER_H */
