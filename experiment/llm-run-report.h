/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_LLM_RUN_REPORT_H
#define LLM_EDGE_LLM_RUN_REPORT_H

#include "ns3/inference-pipeline.h"
#include "ns3/nstime.h"

#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The system metrics of one run (doc/llm-edge.rst, Usage),
 * as named values so that replications can be aggregated generically.
 */
struct LlmRunReport
{
    /**
     * \brief Read a finished run.
     * \param pipeline the deployment
     * \param elapsed simulated time of the run
     * \return the report
     */
    static LlmRunReport Collect(Ptr<InferencePipeline> pipeline, Time elapsed);

    /// \return the metric names, in the order of Values(): the paper's set
    /// (the drops by the reasons before MEMORY), unchanged by later additions
    static std::vector<std::string> Names();
    /// \return the metric values
    std::vector<double> Values() const;
    /// \return Names() followed by the later metrics (dropped_memory,
    /// batch_wait_mean_s, grid_energy_j, carbon_g, carbon_per_job_g), in the
    /// order of AllValues()
    static std::vector<std::string> AllNames();
    /// \return Values() followed by the later metrics
    std::vector<double> AllValues() const;

    double arrived{0};              ///< jobs arrived at the source
    double completed{0};            ///< results back at the source
    double dropped{0};              ///< jobs dropped, all reasons
    std::vector<double> droppedBy;  ///< by InferencePipeline::DropReason (all reasons)
    double inFlight{0};             ///< held by devices + on the wire (independent counters)
    double normalizedThroughput{0}; ///< completed / arrived
    double powerSavingFraction{0};  ///< mean over devices of the time share in power saving
    double latencyMeanS{0};         ///< end-to-end latency, mean, s
    double latencyP50S{0};          ///< median, s
    double latencyP95S{0};          ///< 95th percentile, s
    double latencyP99S{0};          ///< 99th percentile, s
    double queueMeanS{0};           ///< of which waiting at busy or saving devices, mean, s
    double batchWaitMeanS{0};       ///< of which waiting at idle devices for a batch, mean, s
    double computeMeanS{0};         ///< of which running blocks, mean, s
    double networkMeanS{0};         ///< of which in transit, mean, s
    double energyPerJobJ{0};        ///< energy drawn by all devices per completed job, J
    double harvestedJ{0};           ///< energy harvested by all devices, J
    double gridEnergyJ{0};          ///< energy all devices drew from the grid, J
    double carbonG{0};              ///< carbon of that grid energy, g CO2eq
    double maxBalanceErrorJ{0};     ///< largest |energy balance error| of a device, J
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_LLM_RUN_REPORT_H */
