/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "llm-run-report.h"

#include "ns3/grid-supply.h"

#include "ns3/llm-block-application.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace llmedge
{

namespace
{

/// Nearest-rank percentile of sorted values.
double
Percentile(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
    {
        return 0.0;
    }
    std::size_t rank = static_cast<std::size_t>(std::ceil(p / 100.0 * sorted.size()));
    return sorted[std::min(sorted.size(), std::max<std::size_t>(rank, 1)) - 1];
}

/// The drop reasons of Names(): those before MEMORY (later reasons are
/// appended by AllNames(), so that the paper's columns keep their place).
constexpr uint32_t kPaperReasons = InferencePipeline::MEMORY;

} // namespace

LlmRunReport
LlmRunReport::Collect(Ptr<InferencePipeline> pipeline, Time elapsed)
{
    LlmRunReport r;
    r.arrived = static_cast<double>(pipeline->GetArrived());
    r.completed = static_cast<double>(pipeline->GetCompleted());
    r.dropped = static_cast<double>(pipeline->GetDroppedTotal());
    for (uint32_t i = 0; i < InferencePipeline::DROP_REASONS; ++i)
    {
        r.droppedBy.push_back(
            static_cast<double>(pipeline->GetDropped(static_cast<InferencePipeline::DropReason>(i))));
    }
    r.inFlight = static_cast<double>(pipeline->GetInFlight());
    r.normalizedThroughput = r.arrived > 0 ? r.completed / r.arrived : 0.0;
    std::vector<double> lat;
    for (const auto& c : pipeline->GetCompletions())
    {
        lat.push_back(c.latency.GetSeconds());
        r.queueMeanS += c.queueWait.GetSeconds();
        r.batchWaitMeanS += c.batchWait.GetSeconds();
        r.computeMeanS += c.compute.GetSeconds();
        r.networkMeanS += c.network.GetSeconds();
    }
    if (!lat.empty())
    {
        double n = static_cast<double>(lat.size());
        r.queueMeanS /= n;
        r.batchWaitMeanS /= n;
        r.computeMeanS /= n;
        r.networkMeanS /= n;
        double sum = 0;
        for (double v : lat)
        {
            sum += v;
        }
        r.latencyMeanS = sum / n;
        std::sort(lat.begin(), lat.end());
        r.latencyP50S = Percentile(lat, 50);
        r.latencyP95S = Percentile(lat, 95);
        r.latencyP99S = Percentile(lat, 99);
    }
    double saving = 0;
    double consumed = 0;
    uint32_t devices = 0;
    for (uint32_t l = 0; l < pipeline->GetNLayers(); ++l)
    {
        for (const auto& app : pipeline->GetLayer(l))
        {
            Ptr<EnergyHarvestingOrinDevice> d = app->GetDevice();
            saving += elapsed.IsStrictlyPositive()
                          ? d->GetTimeInPowerSaving().GetSeconds() / elapsed.GetSeconds()
                          : 0.0;
            Ptr<CappedBatteryEnergySource> b = d->GetBattery();
            b->GetRemainingEnergy(); // brings a continuous battery up to date
            consumed += b->GetConsumedEnergyJ();
            r.harvestedJ += b->GetHarvestedEnergyJ();
            r.gridEnergyJ += b->GetGridEnergyJ();
            if (b->GetGridSupply())
            {
                r.carbonG += b->GetGridSupply()->GetCarbonGrams();
            }
            r.maxBalanceErrorJ = std::max(r.maxBalanceErrorJ, std::abs(b->GetBalanceErrorJ()));
            ++devices;
        }
    }
    r.powerSavingFraction = devices ? saving / devices : 0.0;
    r.energyPerJobJ = r.completed > 0 ? consumed / r.completed : 0.0;
    return r;
}

std::vector<std::string>
LlmRunReport::Names()
{
    std::vector<std::string> n = {"arrived", "completed", "dropped"};
    for (uint32_t i = 0; i < kPaperReasons; ++i)
    {
        n.push_back("dropped_" + InferencePipeline::DropReasonName(
                                     static_cast<InferencePipeline::DropReason>(i)));
    }
    for (const char* s : {"in_flight",
                          "normalized_throughput",
                          "power_saving_fraction",
                          "latency_mean_s",
                          "latency_p50_s",
                          "latency_p95_s",
                          "latency_p99_s",
                          "queue_wait_mean_s",
                          "compute_mean_s",
                          "network_mean_s",
                          "energy_per_job_j",
                          "harvested_j",
                          "max_balance_error_j"})
    {
        n.emplace_back(s);
    }
    return n;
}

std::vector<double>
LlmRunReport::Values() const
{
    std::vector<double> v = {arrived, completed, dropped};
    v.insert(v.end(), droppedBy.begin(), droppedBy.begin() + kPaperReasons);
    v.insert(v.end(),
             {inFlight,
              normalizedThroughput,
              powerSavingFraction,
              latencyMeanS,
              latencyP50S,
              latencyP95S,
              latencyP99S,
              queueMeanS,
              computeMeanS,
              networkMeanS,
              energyPerJobJ,
              harvestedJ,
              maxBalanceErrorJ});
    return v;
}

std::vector<std::string>
LlmRunReport::AllNames()
{
    std::vector<std::string> n = Names();
    n.insert(n.end(), {"dropped_memory", "batch_wait_mean_s", "grid_energy_j", "carbon_g",
                       "carbon_per_job_g"});
    return n;
}

std::vector<double>
LlmRunReport::AllValues() const
{
    std::vector<double> v = Values();
    v.insert(v.end(),
             {droppedBy.at(InferencePipeline::MEMORY),
              batchWaitMeanS,
              gridEnergyJ,
              carbonG,
              completed > 0 ? carbonG / completed : 0.0});
    return v;
}

} // namespace llmedge
} // namespace ns3
