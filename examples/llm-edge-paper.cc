/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Reproduces Figs. 3a, 3b, 4a, 4b of Khoshsirat, Perin, Rossi (GLOBECOM
// 2024): 3 layers x 3 devices in the dynamic power mode, the zero-
// communication baseline, uniform vs long-term vs adaptive scheduling,
// replications of 100 slots per point, in both energy presets. Writes one
// tidy CSV (figure,preset,policy,x_name,x,metric,mean,sd,ci95,replications)
// with every metric of each point; llm-edge-plots.py draws the figures and
// the table of the paper's effects from it.
//
//   ./ns3 run "llm-edge-paper --replications=1000 --csv=fig3-4.csv"

#include "ns3/command-line.h"
#include "ns3/fatal-error.h"
#include "ns3/llm-edge-module.h"
#include "ns3/rng-seed-manager.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

struct Point
{
    std::string figure;
    std::string preset;
    std::string policy;
    std::string xName;
    double x;
    double meanHarvestJ;
    double q;
};

std::vector<std::string>
Split(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        out.push_back(item);
    }
    return out;
}

} // namespace

int
Run(int argc, char* argv[])
{
    uint32_t replications = 1000;
    uint32_t slots = 100;
    uint32_t workers = 0;
    std::string figures = "3a,3b,4a,4b";
    std::string presets = "paper-scaled,paper-printed";
    std::string policies = "uniform,long-term,adaptive";
    double initialFraction = 0.15;
    double highFraction = 0.2;
    double nodeSpread = 0.5;
    double harvestWidth = 0.5;
    std::string csv = "llm-edge-fig3-4.csv";

    CommandLine cmd(__FILE__);
    ProgramOptions opt("llm-edge-paper", cmd);
    opt.AddCount("replications",
                 "Replications per point (RngRun, RngRun+1, ...; --RngRun sets the first)",
                 replications, 1, 1000000);
    opt.AddCount("slots", "Slots of 100 s per replication (paper: 100)", slots, 1, 10000000);
    opt.AddCount("workers", "Worker processes (0: one per core)", workers, 0, 1024);
    opt.AddList("figures", "Comma-separated figures among 3a,3b,4a,4b", figures,
                {"3a", "3b", "4a", "4b"});
    opt.AddList("presets", "Comma-separated presets (paper-scaled, paper-printed)", presets,
                PowerModeTable::GetPresetNames());
    opt.AddList("policies", "Comma-separated policies (uniform, long-term, adaptive)", policies,
                {"uniform", "long-term", "adaptive"});
    opt.AddReal("initialFraction", "Initial battery fraction (paper: unstated)", initialFraction,
                0, 1);
    opt.AddReal("highFraction", "Ehigh / capacity (paper: unstated; Elow is 0.1)", highFraction,
                0.1, 1, true);
    opt.AddReal("nodeSpread",
                "a: device j of a layer has mean harvest m (1 - a + 2a j/(N-1)) (paper: unstated)",
                nodeSpread, 0, 1);
    opt.AddReal("harvestWidth",
                "w: device j harvests U[(1 - w) m_j, (1 + w) m_j] per slot (paper: unstated)",
                harvestWidth, 0, 1);
    opt.AddOutputFile("csv", "Output CSV (\"none\": no file)", csv);
    WorkDistributor distributor("llm-edge-paper", opt); // --shard, --mergeShards; mpirun
    opt.Parse(argc, argv);
    const uint32_t firstRun = opt.GetFirstRun(replications);

    // The paper's axes; paper-printed uses 10x the harvest (the same harvest
    // per job energy as paper-scaled).
    std::vector<Point> points;
    for (const auto& preset : Split(presets))
    {
        double scale = preset == "paper-printed" ? 10.0 : 1.0;
        for (const auto& fig : Split(figures))
        {
            std::vector<double> xs;
            std::string xName;
            if (fig == "3a")
            {
                xName = "mean_harvest_j";
                xs = {100, 200, 300, 400, 500};
            }
            else if (fig == "4a")
            {
                xName = "mean_harvest_j";
                xs = {20, 40, 60, 80, 100, 120, 140};
            }
            else if (fig == "3b" || fig == "4b")
            {
                xName = "q";
                xs = {0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.9, 1.0};
            }
            else
            {
                ThrowConfigError("--figures", "'" + fig + "'", "expected 3a, 3b, 4a or 4b");
            }
            for (const auto& policy : Split(policies))
            {
                for (double x : xs)
                {
                    bool harvestAxis = xName == "mean_harvest_j";
                    points.push_back({fig, preset, policy, xName, x,
                                      (harvestAxis ? x : 550.0) * scale, harvestAxis ? 0.3 : x});
                }
            }
        }
    }
    // 3b and 4b are two metrics of the same q sweep: simulate each distinct
    // configuration once.
    std::vector<std::size_t> runOf(points.size());
    std::vector<std::size_t> firstPoint;
    for (std::size_t i = 0; i < points.size(); ++i)
    {
        runOf[i] = firstPoint.size();
        for (std::size_t j = 0; j < firstPoint.size(); ++j)
        {
            const Point& a = points[firstPoint[j]];
            if (a.preset == points[i].preset && a.policy == points[i].policy &&
                a.meanHarvestJ == points[i].meanHarvestJ && a.q == points[i].q)
            {
                runOf[i] = j;
                break;
            }
        }
        if (runOf[i] == firstPoint.size())
        {
            firstPoint.push_back(i);
        }
    }
    std::vector<std::string> names = LlmRunReport::Names();
    std::cout << "Figs. 3-4: 3 x 3 devices, dynamic mode, zero-communication, " << slots
              << " slots, " << replications << " replications per point, " << points.size()
              << " points\nParameters the paper leaves out (ours): device j of a layer harvests ";
    if (nodeSpread == 0.5 && harvestWidth == 0.5)
    {
        std::cout << "U[m_j/2, 3m_j/2] with m_j = m (0.5 + j/2)";
    }
    else
    {
        std::cout << "U[" << 1 - harvestWidth << " m_j, " << 1 + harvestWidth << " m_j] with m_j = m ("
                  << 1 - nodeSpread << " + " << nodeSpread << " j)";
    }
    std::cout << " around the swept mean m (paper-printed: 10x); initial charge "
              << 100 * initialFraction << " %; Ehigh " << 100 * highFraction
              << " %; Elow 10 %; q = 0.3 for the harvest sweeps, m = 550 J/slot for the q sweeps\n";

    auto start = std::chrono::steady_clock::now();
    // Work units: each distinct point's replications in blocks (one
    // machine's cores, MPI ranks or SLURM shards; see WorkDistributor).
    ReplicationBlocks blocks(static_cast<uint32_t>(firstPoint.size()),
                             replications,
                             distributor.GetUnitReplications());
    WorkDistributor::Results unitResults;
    if (!distributor.Run(
            blocks.GetUnits(),
            workers,
            [&](uint32_t u) {
                const Point& pt = points[firstPoint[blocks.Point(u)]];
                PaperScenario sc;
                sc.preset = pt.preset;
                sc.policy = pt.policy;
                sc.slots = slots;
                sc.meanHarvestJ = pt.meanHarvestJ;
                sc.q = pt.q;
                sc.initialFraction = initialFraction;
                sc.highFraction = highFraction;
                sc.nodeSpread = nodeSpread;
                sc.harvestWidth = harvestWidth;
                // RngRun firstRun + First(u) ... on one set of objects:
                // identical to fresh runs, twice as fast (PaperScenario::RunSeries).
                std::vector<double> out;
                for (const auto& report :
                     sc.RunSeries(firstRun + blocks.First(u), blocks.Count(u)))
                {
                    std::vector<double> v = report.Values();
                    out.insert(out.end(), v.begin(), v.end());
                }
                return out;
            },
            "points",
            unitResults))
    {
        return 0; // another process writes the results
    }
    std::vector<std::vector<double>> distinct(firstPoint.size());
    for (uint32_t i = 0; i < firstPoint.size(); ++i)
    {
        std::vector<SummaryStatistics> stats(names.size());
        blocks.ForEach(unitResults, i, names.size(), [&](const double* v) {
            for (std::size_t k = 0; k < names.size(); ++k)
            {
                stats[k].Add(v[k]);
            }
        });
        for (const auto& s : stats)
        {
            distinct[i].insert(distinct[i].end(),
                               {s.GetMean(), s.GetStdDev(), s.GetCiHalfWidth(0.95)});
        }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<std::vector<double>> results(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
    {
        results[i] = distinct[runOf[i]];
    }

    if (csv != "none")
    {
        std::ofstream out(csv);
        if (!out)
        {
            ThrowConfigError("--csv", "'" + csv + "'", "cannot be opened for writing");
        }
        out << "figure,preset,policy,x_name,x,metric,mean,sd,ci95,replications\n";
        out.precision(10);
        for (std::size_t i = 0; i < points.size(); ++i)
        {
            for (std::size_t k = 0; k < names.size(); ++k)
            {
                out << points[i].figure << "," << points[i].preset << "," << points[i].policy << ","
                    << points[i].xName << "," << points[i].x << "," << names[k] << ","
                    << results[i][3 * k] << "," << results[i][3 * k + 1] << ","
                    << results[i][3 * k + 2] << "," << replications << "\n";
            }
        }
        out.close();
        ResultProvenance provenance = ResultProvenance::FromProgram("llm-edge-paper", opt);
        provenance.SetRuns(RngSeedManager::GetSeed(), firstRun, replications);
        provenance.WriteSidecar(csv);
        std::cout << "CSV written to " << csv << " (provenance in "
                  << ResultProvenance::SidecarPath(csv) << ")\n";
    }
    // Headline metric of each figure, mean over replications.
    auto index = [&](const std::string& n) {
        return static_cast<std::size_t>(std::find(names.begin(), names.end(), n) - names.begin());
    };
    double worstBalance = 0;
    for (std::size_t i = 0; i < points.size(); ++i)
    {
        worstBalance = std::max(worstBalance, results[i][3 * index("max_balance_error_j")]);
    }
    std::cout << "\nfigure preset         policy     x      headline metric (mean +- sd)\n";
    for (std::size_t i = 0; i < points.size(); ++i)
    {
        const Point& pt = points[i];
        std::string metric = pt.figure[0] == '3' ? "power_saving_fraction"
                             : pt.figure == "4a" ? "normalized_throughput"
                                                 : "dropped";
        std::size_t k = index(metric);
        std::printf("%-6s %-14s %-10s %-6g %s = %.4f +- %.4f\n", pt.figure.c_str(),
                    pt.preset.c_str(), pt.policy.c_str(), pt.x, metric.c_str(), results[i][3 * k],
                    results[i][3 * k + 1]);
    }
    std::printf("\n%zu simulated points x %u replications in %.1f s on %u worker(s) (%.3f s per "
                "point); largest mean per-run energy-balance error %.2e J\n",
                firstPoint.size(), replications, seconds,
                workers == 0 ? ReplicationRunner::Cores() : workers, seconds / firstPoint.size(),
                worstBalance);
    return InvariantCheck::Finish("llm-edge-paper"); // exit 3 earlier on a violation
}

int
main(int argc, char* argv[])
{
    return RunProgram("llm-edge-paper", [&]() { return Run(argc, argv); });
}
