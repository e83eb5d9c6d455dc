/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "energy-harvesting-orin-device-helper.h"

#include "ns3/inference-policy.h"

#include "ns3/pointer.h"
#include "ns3/capped-battery-energy-source.h"
#include "ns3/energy-source-container.h"
#include "ns3/fatal-error.h"
#include "ns3/orin-device-holder.h"
#include "ns3/random-slot-harvester.h"

namespace ns3
{
namespace llmedge
{

namespace
{
/// Set \p factory's type to \p typeId, aborting unless it is \p base (when
/// \p baseAllowed) or a subclass of it; \p what names the role in the message.
void
SetCheckedType(ObjectFactory& factory,
               TypeId typeId,
               TypeId base,
               bool baseAllowed,
               const std::string& what)
{
    NS_ABORT_MSG_UNLESS((baseAllowed && typeId == base) || typeId.IsChildOf(base),
                        "EnergyHarvestingOrinDeviceHelper: " << what << " type " << typeId.GetName()
                                                             << " is not a " << base.GetName());
    factory.SetTypeId(typeId);
}
} // namespace

EnergyHarvestingOrinDeviceHelper::EnergyHarvestingOrinDeviceHelper()
{
    m_battery.SetTypeId(CappedBatteryEnergySource::GetTypeId());
    m_harvester.SetTypeId(RandomSlotHarvester::GetTypeId());
    m_device.SetTypeId(EnergyHarvestingOrinDevice::GetTypeId());
    m_grid.SetTypeId(GridSupply::GetTypeId());
}

void
EnergyHarvestingOrinDeviceHelper::SetGridSupplyType(TypeId typeId)
{
    SetCheckedType(m_grid, typeId, GridSupply::GetTypeId(), true, "grid supply");
}

void
EnergyHarvestingOrinDeviceHelper::SetGridAttribute(const std::string& name,
                                                   const AttributeValue& value)
{
    m_grid.Set(name, value);
}

void
EnergyHarvestingOrinDeviceHelper::SetCarbonIntensityFunction(GridSupply::IntensityFunction f)
{
    m_intensity = std::move(f);
}

void
EnergyHarvestingOrinDeviceHelper::SetBatteryAttribute(const std::string& name,
                                                      const AttributeValue& value)
{
    m_battery.Set(name, value);
}

void
EnergyHarvestingOrinDeviceHelper::SetHarvesterType(TypeId typeId)
{
    SetCheckedType(m_harvester, typeId, SlotEnergyHarvester::GetTypeId(), false, "harvester");
}

void
EnergyHarvestingOrinDeviceHelper::SetHarvesterAttribute(const std::string& name,
                                                        const AttributeValue& value)
{
    m_harvester.Set(name, value);
}

void
EnergyHarvestingOrinDeviceHelper::SetDeviceAttribute(const std::string& name,
                                                     const AttributeValue& value)
{
    m_device.Set(name, value);
}

void
EnergyHarvestingOrinDeviceHelper::SetTuner(const std::string& typeName)
{
    SetCheckedType(m_tuner,
                   TypeId::LookupByName(typeName),
                   InferencePolicy::GetTypeId(),
                   false,
                   "tuner");
    m_hasTuner = true;
}

void
EnergyHarvestingOrinDeviceHelper::SetTunerAttribute(const std::string& name,
                                                    const AttributeValue& value)
{
    m_tuner.Set(name, value);
}

void
EnergyHarvestingOrinDeviceHelper::SetSlotDuration(Time slot)
{
    m_device.Set("SlotDuration", TimeValue(slot));
    m_harvester.Set("SlotDuration", TimeValue(slot));
}

Ptr<EnergyHarvestingOrinDevice>
EnergyHarvestingOrinDeviceHelper::Install(Ptr<Node> node) const
{
    NS_ABORT_MSG_IF(!node, "EnergyHarvestingOrinDeviceHelper: null node");
    NS_ABORT_MSG_IF(GetDevice(node),
                    "EnergyHarvestingOrinDeviceHelper: node " << node->GetId()
                                                              << " already has a device");
    Ptr<CappedBatteryEnergySource> battery = m_battery.Create<CappedBatteryEnergySource>();
    battery->SetNode(node);
    Ptr<EnergySourceContainer> sources = node->GetObject<EnergySourceContainer>();
    if (!sources)
    {
        sources = CreateObject<EnergySourceContainer>();
        node->AggregateObject(sources);
    }
    sources->Add(battery);

    Ptr<GridSupply> grid = m_grid.Create<GridSupply>();
    if (m_intensity)
    {
        grid->SetCarbonIntensityFunction(m_intensity);
    }
    battery->SetGridSupply(grid);

    Ptr<SlotEnergyHarvester> harvester = m_harvester.Create<SlotEnergyHarvester>();
    harvester->SetNode(node);
    battery->TrackHarvester(harvester);

    Ptr<EnergyHarvestingOrinDevice> device = m_device.Create<EnergyHarvestingOrinDevice>();
    device->SetNode(node);
    device->SetEnergySource(battery);
    device->SetHarvester(harvester);
    if (m_hasTuner)
    {
        device->SetAttribute("Tuner", PointerValue(m_tuner.Create<InferencePolicy>()));
    }
    // Not aggregated to the node: the EnergySourceContainer initializes the
    // device models, and Initialize on an aggregated model would re-enter the
    // container's (endless recursion). A holder aggregated instead makes the
    // device reachable by Config path (see OrinDeviceHolder).
    battery->AppendDeviceEnergyModel(device);
    Ptr<OrinDeviceHolder> holder = CreateObject<OrinDeviceHolder>();
    holder->SetDevice(device);
    node->AggregateObject(holder);
    return device;
}

DeviceEnergyModelContainer
EnergyHarvestingOrinDeviceHelper::Install(NodeContainer nodes) const
{
    DeviceEnergyModelContainer devices;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        devices.Add(Install(*it));
    }
    return devices;
}

int64_t
EnergyHarvestingOrinDeviceHelper::AssignStreams(DeviceEnergyModelContainer devices, int64_t stream)
{
    int64_t used = 0;
    for (auto it = devices.Begin(); it != devices.End(); ++it)
    {
        Ptr<EnergyHarvestingOrinDevice> d = DynamicCast<EnergyHarvestingOrinDevice>(*it);
        if (d && d->GetHarvester())
        {
            used += d->GetHarvester()->AssignStreams(stream + used);
        }
    }
    return used;
}

Ptr<EnergyHarvestingOrinDevice>
EnergyHarvestingOrinDeviceHelper::GetDevice(Ptr<Node> node)
{
    Ptr<EnergySourceContainer> sources = node->GetObject<EnergySourceContainer>();
    if (!sources)
    {
        return nullptr;
    }
    for (auto it = sources->Begin(); it != sources->End(); ++it)
    {
        DeviceEnergyModelContainer models =
            (*it)->FindDeviceEnergyModels(EnergyHarvestingOrinDevice::GetTypeId());
        if (models.GetN() > 0)
        {
            return DynamicCast<EnergyHarvestingOrinDevice>(models.Get(0));
        }
    }
    return nullptr;
}

EnergySourceContainer
EnergyHarvestingOrinDeviceHelper::GetBatteries(NodeContainer nodes)
{
    EnergySourceContainer batteries;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<EnergyHarvestingOrinDevice> d = GetDevice(*it);
        NS_ABORT_MSG_IF(!d,
                        "EnergyHarvestingOrinDeviceHelper::GetBatteries: node "
                            << (*it)->GetId() << " has no EnergyHarvestingOrinDevice");
        batteries.Add(d->GetBattery());
    }
    return batteries;
}

} // namespace llmedge
} // namespace ns3
