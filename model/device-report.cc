/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "device-report.h"

#include "energy-harvesting-orin-device.h"

#include "ns3/simulator.h"

namespace ns3
{
namespace llmedge
{

DeviceReport
DeviceReport::Of(Ptr<EnergyHarvestingOrinDevice> device, const JobTokens& tokens)
{
    DeviceReport r;
    r.valid = true;
    r.at = Simulator::Now();
    r.available = device->IsAvailable();
    r.state = device->GetState();
    r.mode = static_cast<uint32_t>(device->GetCurrentModeIndex());
    r.energyFraction = device->GetEnergyFraction();
    r.held = device->GetJobsHeld();
    r.expectedCompletion = device->GetExpectedCompletion(tokens);
    r.expectedEnergyJ = device->GetExpectedEnergyPerJobJ(tokens);
    return r;
}

} // namespace llmedge
} // namespace ns3
