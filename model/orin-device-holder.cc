/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "orin-device-holder.h"

#include "ns3/log.h"
#include "ns3/pointer.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("OrinDeviceHolder");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(OrinDeviceHolder);

TypeId
OrinDeviceHolder::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::OrinDeviceHolder")
                            .SetParent<Object>()
                            .SetGroupName("LlmEdge")
                            .AddConstructor<OrinDeviceHolder>()
                            .AddAttribute("Device",
                                          "The node's EnergyHarvestingOrinDevice.",
                                          PointerValue(),
                                          MakePointerAccessor(&OrinDeviceHolder::m_device),
                                          MakePointerChecker<EnergyHarvestingOrinDevice>());
    return tid;
}

OrinDeviceHolder::OrinDeviceHolder()
{
    NS_LOG_FUNCTION(this);
}

OrinDeviceHolder::~OrinDeviceHolder()
{
    NS_LOG_FUNCTION(this);
}

void
OrinDeviceHolder::SetDevice(Ptr<EnergyHarvestingOrinDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    m_device = device;
}

Ptr<EnergyHarvestingOrinDevice>
OrinDeviceHolder::GetDevice() const
{
    return m_device;
}

void
OrinDeviceHolder::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_device = nullptr;
    Object::DoDispose();
}

} // namespace llmedge
} // namespace ns3
