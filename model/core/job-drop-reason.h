/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_JOB_DROP_REASON_H
#define LLM_EDGE_JOB_DROP_REASON_H

#include <cstdint>
#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Why a job ended without completing: one list for the devices
 * (refusals, aborts) and the pipeline (drops), so a device's reason is the
 * pipeline's without translation. Classes that speak of reasons derive from
 * it (InferencePipeline::QUEUE_FULL and EnergyHarvestingOrinDevice::QUEUE_FULL
 * are the same value).
 */
struct JobDropReasons
{
    /// Why a job was dropped (refused or aborted by a device, or lost on the way).
    enum DropReason : uint32_t
    {
        NO_DEVICE = 0,    ///< no device of the next layer available
        QUEUE_FULL = 1,   ///< the chosen device already had a pending job on arrival
        POWER_SAVING = 2, ///< the chosen device was in power saving on arrival
        LINK_FAILURE = 3, ///< the transfer failed
        DEPLETED = 4,     ///< the device's battery emptied during the block (continuous)
        MEMORY = 5,       ///< the request alone does not fit in the device's memory (batched)
        DROP_REASONS = 6  ///< number of reasons
    };

    /// \param r a reason \return its name, e.g. "power-saving"
    static std::string DropReasonName(DropReason r)
    {
        switch (r)
        {
        case NO_DEVICE:
            return "no-device";
        case QUEUE_FULL:
            return "queue-full";
        case POWER_SAVING:
            return "power-saving";
        case LINK_FAILURE:
            return "link-failure";
        case DEPLETED:
            return "depleted";
        case MEMORY:
            return "memory";
        default:
            return "unknown";
        }
    }
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_JOB_DROP_REASON_H */
