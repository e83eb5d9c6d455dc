/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_DEVICE_REPORT_H
#define LLM_EDGE_DEVICE_REPORT_H

#include "device-job-slots.h"

#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <cstdint>

namespace ns3
{
namespace llmedge
{

class EnergyHarvestingOrinDevice;

/**
 * \ingroup llm-edge
 * \brief What a device tells the router about itself in a beacon: its state
 * at the instant it sent it (InferencePipeline attribute BeaconInterval).
 * A policy deciding from reports decides from what the router last
 * received, not from the device's state now.
 */
struct DeviceReport
{
    bool valid{false};        ///< a report was received
    Time at;                  ///< when the device measured it
    bool available{false};    ///< it would have accepted a job
    int32_t state{0};         ///< EnergyHarvestingOrinDevice::State
    uint32_t mode{0};         ///< power-mode index
    double energyFraction{0}; ///< stored energy / capacity
    uint32_t held{0};         ///< jobs held (running and waiting)
    Time expectedCompletion;  ///< for a job of the reference tokens
    double expectedEnergyJ{0}; ///< per job of the reference tokens, J

    /**
     * \param device a device
     * \param tokens the reference job's tokens (the expectations depend on them)
     * \return its report now
     */
    static DeviceReport Of(Ptr<EnergyHarvestingOrinDevice> device, const JobTokens& tokens);
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_DEVICE_REPORT_H */
