/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "llm-run-report.h"

#include "ns3/grid-supply.h"

#include "ns3/llm-block-application.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>

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

namespace
{

/// One column of a report: its CSV name and how to read it.
struct Column
{
    std::string name;                              ///< CSV header
    std::function<double(const LlmRunReport&)> of; ///< the value of a report
};

/// A column of the report's field \p field.
Column
Field(const char* name, double LlmRunReport::*field)
{
    return {name, [field](const LlmRunReport& r) { return r.*field; }};
}

/// The drop count of one reason.
Column
DroppedBy(InferencePipeline::DropReason reason)
{
    return {"dropped_" + InferencePipeline::DropReasonName(reason),
            [reason](const LlmRunReport& r) { return r.droppedBy.at(reason); }};
}

/// The paper's columns (Names(), Values()), in their CSV order: one table,
/// so a name and its value cannot drift apart.
const std::vector<Column>&
PaperColumns()
{
    static const std::vector<Column> columns = [] {
        std::vector<Column> c = {Field("arrived", &LlmRunReport::arrived),
                                 Field("completed", &LlmRunReport::completed),
                                 Field("dropped", &LlmRunReport::dropped)};
        for (uint32_t i = 0; i < kPaperReasons; ++i)
        {
            c.push_back(DroppedBy(static_cast<InferencePipeline::DropReason>(i)));
        }
        for (auto& f : {Field("in_flight", &LlmRunReport::inFlight),
                        Field("normalized_throughput", &LlmRunReport::normalizedThroughput),
                        Field("power_saving_fraction", &LlmRunReport::powerSavingFraction),
                        Field("latency_mean_s", &LlmRunReport::latencyMeanS),
                        Field("latency_p50_s", &LlmRunReport::latencyP50S),
                        Field("latency_p95_s", &LlmRunReport::latencyP95S),
                        Field("latency_p99_s", &LlmRunReport::latencyP99S),
                        Field("queue_wait_mean_s", &LlmRunReport::queueMeanS),
                        Field("compute_mean_s", &LlmRunReport::computeMeanS),
                        Field("network_mean_s", &LlmRunReport::networkMeanS),
                        Field("energy_per_job_j", &LlmRunReport::energyPerJobJ),
                        Field("harvested_j", &LlmRunReport::harvestedJ),
                        Field("max_balance_error_j", &LlmRunReport::maxBalanceErrorJ)})
        {
            c.push_back(f);
        }
        return c;
    }();
    return columns;
}

/// The later columns, appended by AllNames() and AllValues().
const std::vector<Column>&
LaterColumns()
{
    static const std::vector<Column> columns = {
        DroppedBy(InferencePipeline::MEMORY),
        Field("batch_wait_mean_s", &LlmRunReport::batchWaitMeanS),
        Field("grid_energy_j", &LlmRunReport::gridEnergyJ),
        Field("carbon_g", &LlmRunReport::carbonG),
        {"carbon_per_job_g",
         [](const LlmRunReport& r) { return r.completed > 0 ? r.carbonG / r.completed : 0.0; }}};
    return columns;
}

std::vector<std::string>
NamesOf(std::initializer_list<const std::vector<Column>*> tables)
{
    std::vector<std::string> n;
    for (const auto* table : tables)
    {
        for (const auto& c : *table)
        {
            n.push_back(c.name);
        }
    }
    return n;
}

std::vector<double>
ValuesOf(const LlmRunReport& r, std::initializer_list<const std::vector<Column>*> tables)
{
    std::vector<double> v;
    for (const auto* table : tables)
    {
        for (const auto& c : *table)
        {
            v.push_back(c.of(r));
        }
    }
    return v;
}

} // namespace

std::vector<std::string>
LlmRunReport::Names()
{
    return NamesOf({&PaperColumns()});
}

std::vector<double>
LlmRunReport::Values() const
{
    return ValuesOf(*this, {&PaperColumns()});
}

std::vector<std::string>
LlmRunReport::AllNames()
{
    return NamesOf({&PaperColumns(), &LaterColumns()});
}

std::vector<double>
LlmRunReport::AllValues() const
{
    return ValuesOf(*this, {&PaperColumns(), &LaterColumns()});
}

} // namespace llmedge
} // namespace ns3
