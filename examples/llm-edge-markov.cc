/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Command-line front end of the semi-Markov battery model (paper Secs.
// III-IV): prints, as CSV, risk, mean energy, throughput and kbar for a range
// of job probabilities, and/or the rate limits of Eq. 5.
//
//   llm-edge-markov --mode=60W --harvestMinJ=200 --harvestMaxJ=1000 --qFrom=0.05 --qTo=1 --qStep=0.05
//   llm-edge-markov --mode=dynamic --riskLimit=0.01

#include "ns3/command-line.h"
#include "ns3/fatal-error.h"
#include "ns3/llm-edge-module.h"

#include <cmath>
#include <iomanip>
#include <iostream>

using namespace ns3;
using namespace ns3::llmedge;

int
Run(int argc, char* argv[])
{
    double capacityJ = 100e3;
    double unitJ = 100;
    double harvestMinJ = 200;
    double harvestMaxJ = 1000;
    std::string harvestPmfFile;
    double q = -1;
    double qFrom = -1;
    double qTo = -1;
    bool haveQ = false;
    bool haveQFrom = false;
    bool haveQTo = false;
    double qStep = 0.05;
    std::string preset = "paper-scaled";
    std::string modeFile;
    std::string mode = "dynamic";
    std::string thresholds = "0:15W,0.4:30W,0.6:60W";
    double lowFraction = 0.1;
    double highFraction = 0.2;
    double ethFraction = -1; // negative: Elow
    bool haveEth = false;
    double riskLimit = -1;
    bool haveRiskLimit = false;
    double slotS = 100;
    std::string solver = "auto";

    CommandLine cmd(__FILE__);
    ProgramOptions opt("llm-edge-markov", cmd);
    opt.Usage("Semi-Markov battery model of one energy-harvesting device. With a q range "
              "(--qFrom/--qTo/--qStep) or one --q it prints the CSV header "
              "q,risk,mean_energy_j,throughput,kbar and a row per q; with --riskLimit it "
              "prints q_lim_energy,q_lim_time,q_lim (Eq. 5). Both may be given. The first line is a # comment with the version "
              "(pandas: read_csv(..., comment='#')).");
    opt.AddReal("capacityJ", "Battery capacity Emax, J", capacityJ, 0, kMaxEnergyJ, true);
    opt.AddReal("unitJ", "Energy unit u of the model, J (capacity must be a multiple)", unitJ, 0,
                kMaxEnergyJ, true);
    opt.AddReal("harvestMinJ", "Lower bound of the uniform harvest per slot, J", harvestMinJ, 0,
                kMaxEnergyJ);
    opt.AddReal("harvestMaxJ", "Upper bound of the uniform harvest per slot, J", harvestMaxJ, 0,
                kMaxEnergyJ);
    opt.AddString("harvestPmfFile",
                  "CSV pmf of the harvest per slot (columns energy_j,probability; energies in J, "
                  "multiples of unitJ); overrides the uniform bounds",
                  harvestPmfFile);
    opt.AddOptionalReal("q", "One job probability per slot", q, haveQ, 0, 1);
    opt.AddOptionalReal("qFrom", "First job probability of a range", qFrom, haveQFrom, 0, 1);
    opt.AddOptionalReal("qTo", "Last job probability of a range", qTo, haveQTo, 0, 1);
    opt.AddReal("qStep", "Step of the range", qStep, 1e-6, 1);
    opt.AddString("preset", "Power-mode preset: paper-scaled or paper-printed", preset,
                  PowerModeTable::GetPresetNames());
    opt.AddString("modeFile", "Power-mode CSV table (overrides --preset)", modeFile);
    opt.AddString("mode", "dynamic, or the name of a fixed power mode (e.g. 60W)", mode);
    opt.AddString("thresholds", "Dynamic policy steps fraction:mode, e.g. 0:15W,0.4:30W,0.6:60W",
                  thresholds);
    opt.AddReal("lowFraction", "Elow as a fraction of capacity (power saving below it)",
                lowFraction, 0, 1, false, true);
    opt.AddReal("highFraction", "Ehigh as a fraction of capacity (power saving ends at it)",
                highFraction, 0, 1, true);
    opt.AddOptionalReal("ethFraction",
                        "Eth of the risk (Eq. 3) as a fraction of capacity (default: Elow)",
                        ethFraction, haveEth, 0, 1);
    opt.AddOptionalReal("riskLimit", "xi_lim of Eq. 5 (paper: 0.01); enables the q_lim line",
                        riskLimit, haveRiskLimit, 0, 1, true, true);
    opt.AddReal("slotS", "Slot length T, s", slotS, 0, kMaxTimeS, true);
    opt.AddString("solver", "Stationary solver: auto, direct or aggregation", solver,
                  {"auto", "direct", "aggregation"});
    opt.Parse(argc, argv);
    opt.RefuseRng("it solves the semi-Markov model exactly, with no random numbers");
    if (harvestMaxJ < harvestMinJ)
    {
        ThrowConfigError("--harvestMaxJ", FormatValue(harvestMaxJ),
                         "must be >= --harvestMinJ = " + FormatValue(harvestMinJ));
    }
    if (haveQFrom != haveQTo)
    {
        ThrowConfigError(haveQFrom ? "--qFrom" : "--qTo", FormatValue(haveQFrom ? qFrom : qTo),
                         "a q range needs both --qFrom and --qTo");
    }
    if (haveQFrom && qFrom > qTo)
    {
        ThrowConfigError("--qFrom/--qTo", FormatValue(qFrom) + "/" + FormatValue(qTo),
                         "need qFrom <= qTo");
    }
    if (!haveQ && !haveQFrom && !haveRiskLimit)
    {
        throw ConfigError("nothing to do: give --q, --qFrom/--qTo or --riskLimit (see --help)");
    }

    try
    {
        DeviceSpec spec;
        spec.capacityJ = capacityJ;
        spec.slotS = slotS;
        spec.lowFraction = lowFraction;
        spec.highFraction = highFraction;
        spec.modes = modeFile.empty() ? PowerModeTable::FromPreset(preset)
                                      : PowerModeTable::LoadCsv(modeFile);
        spec.policy = PowerModePolicy::Parse(mode, thresholds, spec.modes);
        HarvestPmf harvest = harvestPmfFile.empty()
                                 ? HarvestPmf::FromUniform(harvestMinJ, harvestMaxJ, unitJ)
                                 : HarvestPmf::LoadCsv(harvestPmfFile, unitJ);
        SemiMarkovBatteryModel model(spec, harvest, ethFraction);
        model.SetSolver(solver);

        std::vector<double> qs;
        if (haveQ)
        {
            qs.push_back(q);
        }
        if (haveQFrom)
        {
            // qStep >= 1e-6 keeps this at most 10^6 + 1 values.
            for (double v = qFrom; v <= qTo + 1e-12; v += qStep)
            {
                qs.push_back(std::min(v, 1.0));
            }
        }
        std::cout << std::setprecision(10);
        if (!qs.empty())
        {
            std::cout << "q,risk,mean_energy_j,throughput,kbar\n";
            for (double v : qs)
            {
                ChainMetrics m = model.Solve(v);
                std::cout << v << "," << m.risk << "," << m.meanEnergyJ << "," << m.throughput
                          << "," << m.kbar << "\n";
            }
        }
        if (haveRiskLimit)
        {
            RateLimit r = ComputeRateLimit(model, riskLimit);
            std::cout << "q_lim_energy,q_lim_time,q_lim\n"
                      << r.qlimEnergy << "," << r.qlimTime << "," << r.qlim << "\n";
        }
    }
    catch (const DegenerateChainError& e)
    {
        std::cerr << "llm-edge-markov: degenerate chain: " << e.what() << "\n";
        return 3;
    }
    return InvariantCheck::Finish("llm-edge-markov", false); // model only; stdout is the CSV
}

int
main(int argc, char* argv[])
{
    return RunProgram("llm-edge-markov", [&]() { return Run(argc, argv); });
}
