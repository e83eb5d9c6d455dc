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
main(int argc, char* argv[])
{
    double capacityJ = 100e3;
    double unitJ = 100;
    double harvestMinJ = 200;
    double harvestMaxJ = 1000;
    std::string harvestPmfFile;
    double q = -1;
    double qFrom = -1;
    double qTo = -1;
    double qStep = 0.05;
    std::string preset = "paper-scaled";
    std::string modeFile;
    std::string mode = "dynamic";
    std::string thresholds = "0:15W,0.4:30W,0.6:60W";
    double lowFraction = 0.1;
    double highFraction = 0.2;
    double ethFraction = -1;
    double riskLimit = -1;
    double slotS = 100;
    std::string solver = "auto";

    CommandLine cmd(__FILE__);
    cmd.Usage("Semi-Markov battery model of one energy-harvesting device. With a q range "
              "(--qFrom/--qTo/--qStep) or one --q it prints the CSV header "
              "q,risk,mean_energy_j,throughput,kbar and a row per q; with --riskLimit it "
              "prints q_lim_energy,q_lim_time,q_lim (Eq. 5). Both may be given.");
    cmd.AddValue("capacityJ", "Battery capacity Emax, J", capacityJ);
    cmd.AddValue("unitJ", "Energy unit u of the model, J (capacity must be a multiple)", unitJ);
    cmd.AddValue("harvestMinJ", "Lower bound of the uniform harvest per slot, J", harvestMinJ);
    cmd.AddValue("harvestMaxJ", "Upper bound of the uniform harvest per slot, J", harvestMaxJ);
    cmd.AddValue("harvestPmfFile",
                 "CSV pmf of the harvest per slot (columns energy_j,probability; energies in J, "
                 "multiples of unitJ); overrides the uniform bounds",
                 harvestPmfFile);
    cmd.AddValue("q", "One job probability per slot, in [0, 1]", q);
    cmd.AddValue("qFrom", "First job probability of a range, in [0, 1]", qFrom);
    cmd.AddValue("qTo", "Last job probability of a range, in [0, 1]", qTo);
    cmd.AddValue("qStep", "Step of the range (> 0)", qStep);
    cmd.AddValue("preset", "Power-mode preset: paper-scaled or paper-printed", preset);
    cmd.AddValue("modeFile", "Power-mode CSV table (overrides --preset)", modeFile);
    cmd.AddValue("mode", "dynamic, or the name of a fixed power mode (e.g. 60W)", mode);
    cmd.AddValue("thresholds", "Dynamic policy steps fraction:mode, e.g. 0:15W,0.4:30W,0.6:60W",
                 thresholds);
    cmd.AddValue("lowFraction", "Elow as a fraction of capacity (power saving below it)",
                 lowFraction);
    cmd.AddValue("highFraction", "Ehigh as a fraction of capacity (power saving ends at it)",
                 highFraction);
    cmd.AddValue("ethFraction", "Eth of the risk (Eq. 3) as a fraction of capacity (default: Elow)",
                 ethFraction);
    cmd.AddValue("riskLimit", "xi_lim of Eq. 5, in (0, 1) (paper: 0.01); enables the q_lim line",
                 riskLimit);
    cmd.AddValue("slotS", "Slot length T, s", slotS);
    cmd.AddValue("solver", "Stationary solver: auto, direct or aggregation", solver);
    cmd.Parse(argc, argv);

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
        if (q >= 0 || qFrom >= 0 || qTo >= 0)
        {
            if (q >= 0)
            {
                qs.push_back(q);
            }
            if (qFrom >= 0 || qTo >= 0)
            {
                if (!(qFrom >= 0 && qTo <= 1 && qFrom <= qTo))
                {
                    ThrowConfigError("qFrom/qTo", FormatValue(qFrom) + "/" + FormatValue(qTo),
                                     "need 0 <= qFrom <= qTo <= 1");
                }
                if (!(qStep > 0))
                {
                    ThrowConfigError("qStep", FormatValue(qStep), "must be > 0");
                }
                for (double v = qFrom; v <= qTo + 1e-12; v += qStep)
                {
                    qs.push_back(std::min(v, 1.0));
                }
            }
        }
        if (qs.empty() && riskLimit < 0)
        {
            std::cerr << "nothing to do: give --q, --qFrom/--qTo or --riskLimit (see --help)\n";
            return 2;
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
        if (riskLimit >= 0)
        {
            RateLimit r = ComputeRateLimit(model, riskLimit);
            std::cout << "q_lim_energy,q_lim_time,q_lim\n"
                      << r.qlimEnergy << "," << r.qlimTime << "," << r.qlim << "\n";
        }
    }
    catch (const ConfigError& e)
    {
        std::cerr << "llm-edge-markov: " << e.what() << "\n";
        return 2;
    }
    catch (const DegenerateChainError& e)
    {
        std::cerr << "llm-edge-markov: degenerate chain: " << e.what() << "\n";
        return 3;
    }
    return InvariantCheck::Finish("llm-edge-markov", false); // model only; stdout is the CSV
}
