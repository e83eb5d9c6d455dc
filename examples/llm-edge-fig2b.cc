/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Reproduces Fig. 2b of Khoshsirat, Perin, Rossi (GLOBECOM 2024): downtime
// risk (Eq. 3, Eth = 10 %) against the job probability q for the fixed 15,
// 30, 60 W modes and the dynamic mode, and the maximum rates q_lim of Eq. 5
// for xi_lim = 0.01, in both energy presets, from the semi-Markov model.
//
//   ./ns3 run "llm-edge-fig2b --riskCsv=fig2b-risk.csv --qlimCsv=fig2b-qlim.csv"

#include "ns3/command-line.h"
#include "ns3/fatal-error.h"
#include "ns3/llm-edge-module.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

using namespace ns3;
using namespace ns3::llmedge;

int
Run(int argc, char* argv[])
{
    // The paper does not state the harvest of Fig. 2b: these bounds make 15 W
    // and 30 W time-bound and 60 W energy-bound, as the paper's figure does.
    double harvestMinJ = 400;
    double harvestMaxJ = 1400;
    double unitJ = 100;
    double riskLimit = 0.01;
    double ethFraction = 0.1;
    double highFraction = 0.2;
    double qStep = 0.02;
    std::string presets = "both";
    std::string riskCsv = "llm-edge-fig2b-risk.csv";
    std::string qlimCsv = "llm-edge-fig2b-qlim.csv";

    CommandLine cmd(__FILE__);
    ProgramOptions opt("llm-edge-fig2b", cmd);
    opt.AddReal("harvestMinJ",
                "Lower uniform harvest bound per slot, J, for paper-scaled (printed: 10x)",
                harvestMinJ, 0, 1e9);
    opt.AddReal("harvestMaxJ",
                "Upper uniform harvest bound per slot, J, for paper-scaled (printed: 10x)",
                harvestMaxJ, 0, 1e9);
    opt.AddReal("unitJ", "Energy unit of the model, J (printed preset: 10x)", unitJ, 0, 1e9, true);
    opt.AddReal("riskLimit", "xi_lim (paper: 0.01)", riskLimit, 0, 1, true, true);
    opt.AddReal("ethFraction", "Eth / capacity (paper: 0.1)", ethFraction, 0, 1);
    opt.AddReal("highFraction", "Ehigh / capacity (paper: unstated)", highFraction, 0, 1, true);
    opt.AddReal("qStep", "Step of the q grid of the risk curves", qStep, 1e-6, 1);
    opt.AddString("presets", "paper-scaled, paper-printed or both", presets,
                  {"paper-scaled", "paper-printed", "both"});
    opt.AddOutputFile("riskCsv", "Output CSV of the risk curves (\"none\": no file)", riskCsv);
    opt.AddOutputFile("qlimCsv", "Output CSV of q_lim (\"none\": no file)", qlimCsv);
    WorkDistributor distributor("llm-edge-fig2b", opt); // --shard, --mergeShards; mpirun
    distributor.SetIsolation(false); // model solves only: no simulator state to isolate
    opt.Parse(argc, argv);
    opt.RefuseRng("it solves the semi-Markov model exactly, with no random numbers");
    if (harvestMaxJ < harvestMinJ)
    {
        ThrowConfigError("--harvestMaxJ", FormatValue(harvestMaxJ),
                         "must be >= --harvestMinJ = " + FormatValue(harvestMinJ));
    }

    std::vector<std::string> presetList =
        presets == "both" ? std::vector<std::string>{"paper-scaled", "paper-printed"}
                          : std::vector<std::string>{presets};
    const std::vector<std::string> modes = {"15W", "30W", "60W", "dynamic"};
    const std::map<std::string, double> paper = {
        {"15W", 1.0 / 3}, {"30W", 0.5}, {"60W", 0.33}, {"dynamic", 0.64}};

    // Work units: one (preset, mode) each, its q_lim then its risk curve
    // (q, risk, mean energy, throughput, kbar per q), solved on MPI ranks or
    // SLURM shards when asked (see WorkDistributor), here otherwise.
    constexpr std::size_t kRiskWidth = 5;
    WorkDistributor::Results unitResults;
    try
    {
        if (!distributor.Run(
                static_cast<uint32_t>(presetList.size() * modes.size()),
                1,
                [&](uint32_t u) {
                    const std::string& preset = presetList[u / modes.size()];
                    const std::string& mode = modes[u % modes.size()];
                    double scale = preset == "paper-printed" ? 10 : 1;
                    DeviceSpec spec;
                    spec.highFraction = highFraction;
                    spec.modes = PowerModeTable::FromPreset(preset);
                    spec.policy =
                        PowerModePolicy::Parse(mode, "0:15W,0.4:30W,0.6:60W", spec.modes);
                    SemiMarkovBatteryModel model(spec,
                                                 HarvestPmf::FromUniform(harvestMinJ * scale,
                                                                         harvestMaxJ * scale,
                                                                         unitJ * scale),
                                                 ethFraction);
                    std::vector<double> out(4);
                    for (double q = qStep; q <= 1 + 1e-9 && riskCsv != "none"; q += qStep)
                    {
                        ChainMetrics m = model.Solve(std::min(q, 1.0));
                        out.insert(out.end(),
                                   {m.q, m.risk, m.meanEnergyJ, m.throughput, m.kbar});
                    }
                    RateLimit r = ComputeRateLimit(model, riskLimit);
                    out[0] = r.qlimEnergy;
                    out[1] = r.qlimTime;
                    out[2] = r.qlim;
                    out[3] = r.kbar;
                    return out;
                },
                "",
                unitResults))
        {
            return 0; // another process writes the results
        }
    }
    catch (const DegenerateChainError& e)
    {
        std::cerr << "llm-edge-fig2b: degenerate chain: " << e.what() << "\n";
        return 3;
    }
    std::ofstream risk;
    std::ofstream qlim;
    if (riskCsv != "none")
    {
        risk.open(riskCsv);
        risk << "preset,mode,q,risk,mean_energy_j,throughput,kbar\n";
    }
    if (qlimCsv != "none")
    {
        qlim.open(qlimCsv);
        qlim << "preset,mode,q_lim_energy,q_lim_time,q_lim,kbar,paper_q_lim,bound,harvest_min_j,"
                "harvest_max_j\n";
    }
    std::cout << "Fig. 2b: risk of E < Eth = " << 100 * ethFraction << " % vs q, xi_lim = "
              << riskLimit << ", Ehigh " << 100 * highFraction << " %, capacity 100 kJ\n"
              << "Harvest (ours; the paper does not state it): U[" << harvestMinJ << ", "
              << harvestMaxJ << "] J/slot for paper-scaled, 10x for paper-printed\n\n"
              << "preset         mode      paper q_lim  ours q_lim  q_lim_energy  1/kbar  bound\n";
    for (std::size_t u = 0; u < unitResults.size(); ++u)
    {
        const std::string& preset = presetList[u / modes.size()];
        const std::string& mode = modes[u % modes.size()];
        const std::vector<double>& v = unitResults[u];
        double scale = preset == "paper-printed" ? 10 : 1;
        for (std::size_t k = 4; k + kRiskWidth <= v.size() && risk; k += kRiskWidth)
        {
            risk << preset << "," << mode << "," << v[k] << "," << v[k + 1] << "," << v[k + 2]
                 << "," << v[k + 3] << "," << v[k + 4] << "\n";
        }
        RateLimit r;
        r.qlimEnergy = v[0];
        r.qlimTime = v[1];
        r.qlim = v[2];
        r.kbar = v[3];
        std::string bound = r.qlimEnergy < r.qlimTime ? "energy" : "time";
        char line[160];
        std::snprintf(line, sizeof(line), "%-14s %-9s %11.3f %11.3f %13.3f %7.3f  %s\n",
                      preset.c_str(), mode.c_str(), paper.at(mode), r.qlim, r.qlimEnergy,
                      r.qlimTime, bound.c_str());
        std::cout << line;
        if (qlim)
        {
            qlim << preset << "," << mode << "," << r.qlimEnergy << "," << r.qlimTime << ","
                 << r.qlim << "," << r.kbar << "," << paper.at(mode) << "," << bound << ","
                 << harvestMinJ * scale << "," << harvestMaxJ * scale << "\n";
        }
    }
    // How the CSVs were made, beside them (<csv>.meta.json).
    risk.close();
    qlim.close();
    ResultProvenance provenance = ResultProvenance::FromProgram("llm-edge-fig2b", opt);
    provenance.SetNoRandomness();
    for (const auto& file : {riskCsv, qlimCsv})
    {
        if (file != "none")
        {
            provenance.WriteSidecar(file);
        }
    }
    return InvariantCheck::Finish("llm-edge-fig2b", false); // model only: nothing simulated
}

int
main(int argc, char* argv[])
{
    return RunProgram("llm-edge-fig2b", [&]() { return Run(argc, argv); });
}
