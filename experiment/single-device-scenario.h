/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_SINGLE_DEVICE_SCENARIO_H
#define LLM_EDGE_SINGLE_DEVICE_SCENARIO_H

#include <cstdint>
#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The one-device experiment of the paper (Fig. 2a): one
 * energy-harvesting AGX Orin with a 100 kJ battery, uniform harvest per slot
 * of 100 s, Bernoulli jobs, one replication per call.
 */
struct SingleDeviceScenario
{
    std::string preset{"paper-scaled"}; ///< power-mode preset
    std::string mode{"dynamic"};        ///< power mode (15W, 30W, 60W, dynamic)
    std::string accounting{"Slotted"};  ///< device accounting
    uint32_t slots{100};                ///< simulated slots of 100 s
    double q{0.55};                     ///< job probability per slot
    double harvestMinJ{750};            ///< lower harvest bound per slot, J
    double harvestMaxJ{2250};           ///< upper harvest bound per slot, J
    double initialFraction{0.2};        ///< initial battery fraction
    double lowFraction{0.1};            ///< Elow / capacity
    double highFraction{0.2};           ///< Ehigh / capacity

    /// The metrics of one replication.
    struct Result
    {
        double jobs;          ///< jobs completed
        double avgBatteryPct; ///< time-average battery, % of capacity
        double balanceErrorJ; ///< the battery's energy-balance error, J
    };

    /**
     * \param run the RngRun of this replication
     * \return its metrics (exit 3 on an invariant violation)
     */
    Result Run(uint32_t run) const;
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_SINGLE_DEVICE_SCENARIO_H */
