/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Energy-delay tuning of GPU frequency x batch size (the Camel paper) on the
// module's calibrated AGX Orin 32GB surfaces: each tuner (behind the policy
// seam, EdpTunerPolicy) chooses the arm of every batch from noisy
// measurements of energy and latency per request; after the given number of
// batches, the arm it settled on (the most chosen in the last fifth) is
// compared with the default arm (maximum frequency, maximum batch) by the
// energy-delay product, beside the paper's stated 12.4-29.9 % reduction.
// The surfaces are calibrated estimates (EST), not measurements. Also: the
// batches each tuner needed until it chose the best arm in >= 90 % of 50
// consecutive batches, the mean cumulative regret per batch (--regretCsv),
// a sweep of the cost weight a, and, beyond the paper, the tuner inside the
// simulation: on the paper's 3 x 3 pipeline every device tunes the power
// mode of each job (Thompson sampling, fixed or battery-aware weight)
// against the fixed 15/30/60 W modes and the dynamic policy.
//
//   ./ns3 run "llm-edge-edp-tuner --rounds=500 --replications=20"

#include "ns3/core-module.h"
#include "ns3/llm-edge-module.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

/// What one tuning run ended with.
struct RunResult
{
    double edpReduction;  ///< 1 - EDP(settled arm) / EDP(default arm)
    double optimumShare;  ///< share of the last fifth of batches on the cost optimum
    double regret;        ///< cumulative true-cost regret against the optimum
    std::size_t settled;  ///< the settled arm
    double energyJ;       ///< energy per request of the settled arm, J
    double latencyS;      ///< latency per request of the settled arm, s
    double until90;       ///< batches until the optimum holds >= 90 % of a 50-batch window
    std::vector<double> regretCurve; ///< cumulative regret after each batch
};

/// Batches until the optimum takes >= 90 % of the next 50 (rounds if never).
double
BatchesUntil90(const std::vector<uint32_t>& arms, std::size_t best)
{
    const std::size_t w = 50;
    std::size_t hits = 0;
    for (std::size_t i = 0; i < arms.size(); ++i)
    {
        hits += arms[i] == best;
        if (i >= w)
        {
            hits -= arms[i - w] == best;
        }
        if (i + 1 >= w && hits * 10 >= 9 * w)
        {
            return static_cast<double>(i + 1 - w);
        }
    }
    return static_cast<double>(arms.size());
}

RunResult
TuneOnce(const std::string& tuner,
         const std::string& model,
         uint32_t rounds,
         const ObservationNoise& noise,
         double energyWeight,
         uint32_t run)
{
    RngSeedManager::SetRun(run);
    Ptr<EdpTunerPolicy> p = CreateObject<EdpTunerPolicy>();
    p->SetAttribute("Tuner", StringValue(tuner));
    p->SetAttribute("EnergyWeight", DoubleValue(energyWeight));
    p->SetAttribute("SurfaceFile",
                    StringValue(std::string(LLM_EDGE_DATA_DIR) + "/camel/agx-orin-32gb-" + model +
                                ".csv"));
    p->SetAttribute("ModelName", StringValue(model));
    p->AssignStreams(0);
    p->Initialize();
    Ptr<NormalRandomVariable> z = CreateObject<NormalRandomVariable>();
    z->SetStream(2);
    const ConfigSurface& s = p->GetSurface();
    CostOptions o = p->GetCostOptions();
    std::vector<double> cost = s.GetCosts(o);
    std::size_t best = s.GetOptimumArm(o);
    std::vector<uint32_t> lateCount(s.GetNArms(), 0);
    double regret = 0;
    std::vector<double> curve;
    std::vector<uint32_t> arms;
    uint32_t late = rounds - rounds / 5;
    for (uint32_t r = 0; r < rounds; ++r)
    {
        uint32_t arm = p->Tune({nullptr});
        double e = noise.Apply(s.GetEnergyPerRequestJ(arm), z->GetValue());
        double l = noise.Apply(s.GetLatencyPerRequestS(arm, o.arrivalRatePerS), z->GetValue());
        p->Observe({arm, e, l, nullptr});
        regret += cost[arm] - cost[best];
        curve.push_back(regret);
        arms.push_back(arm);
        if (r >= late)
        {
            ++lateCount[arm];
        }
    }
    std::size_t settled =
        std::max_element(lateCount.begin(), lateCount.end()) - lateCount.begin();
    double lam = o.arrivalRatePerS;
    return {1 - s.GetEdpJs(settled, lam) / s.GetEdpJs(s.GetDefaultArm(), lam),
            static_cast<double>(lateCount[best]) / (rounds - late),
            regret,
            settled,
            s.GetEnergyPerRequestJ(settled),
            s.GetLatencyPerRequestS(settled, lam),
            BatchesUntil90(arms, best),
            curve};
}

/// One replication of the in-simulation study: the paper's 3 x 3 pipeline
/// with every device's power mode fixed, dynamic, or tuned per job.
/// \return completed, dropped fraction, energy per job J, mean latency s
std::vector<double>
RunPipeline(const std::string& config, uint32_t slots, double q, double harvestJ, uint32_t run)
{
    RngSeedManager::SetRun(run);
    LlmInferenceHelper llm;
    llm.SetPolicyAttribute("Policy", StringValue("uniform"));
    llm.SetSourceAttribute("Probability", DoubleValue(q));
    llm.Devices().SetBatteryAttribute("InitialFraction", DoubleValue(0.5));
    if (config == "thompson" || config == "thompson-battery")
    {
        llm.Devices().SetTuner("ns3::llmedge::EdpTunerPolicy");
        llm.Devices().SetTunerAttribute("SurfaceFile", StringValue("power-modes"));
        if (config == "thompson-battery")
        {
            llm.Devices().SetTunerAttribute("EnergyWeightAtEmpty", DoubleValue(1.0));
        }
    }
    else
    {
        llm.Devices().SetDeviceAttribute("PowerMode", StringValue(config));
    }
    NodeContainer source;
    source.Create(1);
    Ptr<InferencePipeline> p = llm.Install(LlmInferenceHelper::CreateLayout(3, 3), source.Get(0));
    LlmInferenceHelper::SetNodeSpecificHarvest(p, harvestJ);
    int64_t stream = LlmInferenceHelper::AssignStreams(p, 0);
    double energyJ = 0;
    std::vector<Ptr<EnergyHarvestingOrinDevice>> devices;
    for (uint32_t l = 0; l < p->GetNLayers(); ++l)
    {
        for (const auto& app : p->GetLayer(l))
        {
            devices.push_back(app->GetDevice());
            PointerValue t;
            app->GetDevice()->GetAttribute("Tuner", t);
            if (t.Get<InferencePolicy>())
            {
                stream += t.Get<InferencePolicy>()->AssignStreams(stream);
            }
        }
    }
    Simulator::Stop(Seconds(100.0 * slots));
    Simulator::Run();
    InvariantCheck::Enforce(p, "edp-tuner " + config + ", RngRun " + std::to_string(run));
    for (const auto& d : devices)
    {
        energyJ += d->GetTotalEnergyConsumption();
    }
    LlmRunReport r = LlmRunReport::Collect(p, Seconds(100.0 * slots));
    double n = std::max(r.completed, 1.0);
    double arrived = static_cast<double>(p->GetArrived());
    std::vector<double> v = {r.completed,
                             arrived > 0 ? static_cast<double>(p->GetDroppedTotal()) / arrived : 0,
                             energyJ / n,
                             r.latencyMeanS};
    Simulator::Destroy();
    return v;
}

/// \return the items of a comma-separated list
std::vector<std::string>
Split(const std::string& list)
{
    std::vector<std::string> v;
    std::stringstream ss(list);
    std::string x;
    while (std::getline(ss, x, ','))
    {
        v.push_back(x);
    }
    return v;
}

/// \return "(f MHz, b B)" of an arm of a model's surface
std::string
ArmName(const std::string& model, std::size_t arm)
{
    Ptr<EdpTunerPolicy> p = CreateObject<EdpTunerPolicy>();
    p->SetAttribute("SurfaceFile",
                    StringValue(std::string(LLM_EDGE_DATA_DIR) + "/camel/agx-orin-32gb-" + model +
                                ".csv"));
    p->SetAttribute("ModelName", StringValue(model));
    const SurfaceArm& a = p->GetSurface().GetArm(arm);
    std::ostringstream os;
    os << "(" << a.freqMhz << " MHz, b " << a.batch << ")";
    return os.str();
}

} // namespace

int
Run(int argc, char* argv[])
{
    uint32_t rounds = 500;
    uint32_t replications = 20;
    uint32_t workers = 0;
    double sigma = 0.05;
    double energyWeight = 0.5;
    std::string distribution = "lognormal";
    std::string models = "llama-3.2-1b,qwen2.5-3b";
    std::string tuners = "thompson,ucb1,epsilon-greedy,grid-search,default,oracle";
    std::string csv = "llm-edge-edp-tuner.csv";
    std::string regretCsv = "none";
    uint32_t pipelineSlots = 1000;
    double pipelineQ = 0.5;
    double pipelineHarvestJ = 550;
    CommandLine cmd(__FILE__);
    ProgramOptions opt("llm-edge-edp-tuner", cmd);
    opt.AddCount("rounds", "Batches per tuning run", rounds, 50, 10000000);
    opt.AddCount("replications", "Tuning runs per tuner (RngRun, RngRun+1, ...)", replications,
                 1, 1000000);
    opt.AddCount("workers", "Worker processes of the pipeline study (0: one per core)", workers,
                 0, 1024);
    opt.AddReal("noise", "Relative standard deviation of each measurement", sigma, 0, 1);
    opt.AddReal("energyWeight", "Cost weight a of the normalized energy (paper 0.5)",
                energyWeight, 0, 1);
    opt.AddString("noiseDistribution", "none, normal or lognormal", distribution,
                  {"none", "normal", "lognormal"});
    opt.AddList("models", "Comma-separated: llama-3.2-1b, qwen2.5-3b", models,
                {"llama-3.2-1b", "qwen2.5-3b"});
    opt.AddList("tuners", "Comma-separated: thompson, ucb1, epsilon-greedy, grid-search, "
                          "default, oracle",
                tuners, {"thompson", "ucb1", "epsilon-greedy", "grid-search", "default",
                         "oracle"});
    opt.AddCount("pipelineSlots", "In-simulation study: slots of 100 s (0: skip)", pipelineSlots,
                 0, 10000000);
    opt.AddReal("pipelineQ", "In-simulation study: job probability per slot", pipelineQ, 0, 1);
    opt.AddReal("pipelineHarvestJ", "In-simulation study: mean harvest per slot m, J",
                pipelineHarvestJ, 0, 1e9);
    opt.AddOutputFile("csv", "Output CSV (\"none\": no file)", csv);
    opt.AddOutputFile("regretCsv", "Mean cumulative regret per batch (\"none\": no file)",
                      regretCsv);
    opt.Parse(argc, argv);
    const uint32_t firstRun = opt.GetFirstRun(replications);
    ObservationNoise noise(sigma, ObservationNoise::ParseDistribution(distribution));
    {
        Ptr<EdpTunerPolicy> check = CreateObject<EdpTunerPolicy>();
        check->Initialize(); // attributes given with --ns3::llmedge::EdpTunerPolicy::... checked
    }

    std::ofstream out;
    if (csv != "none")
    {
        out.open(csv);
        if (!out)
        {
            ThrowConfigError("--csv", "'" + csv + "'", "cannot be opened for writing");
        }
        out << "study,model,tuner,energy_weight,metric,mean,sd,ci95,replications\n";
    }
    std::ofstream regretOut;
    if (regretCsv != "none")
    {
        regretOut.open(regretCsv);
        if (!regretOut)
        {
            ThrowConfigError("--regretCsv", "'" + regretCsv + "'", "cannot be opened for writing");
        }
        regretOut << "model,tuner,batch,mean_cumulative_regret\n";
    }
    auto write = [&](const std::string& study, const std::string& model, const std::string& tuner,
                     double a, const std::string& metric, const SummaryStatistics& st) {
        if (out)
        {
            out << study << "," << model << "," << tuner << "," << a << "," << metric << ","
                << st.GetMean() << "," << st.GetStdDev() << "," << st.GetCiHalfWidth() << ","
                << st.GetCount() << "\n";
        }
    };
    std::printf("Energy-delay tuning on the AGX Orin 32GB surfaces (EST): %u batches, %g %s "
                "noise, a = %g, %u replications\n\n%-13s %-15s %15s %9s %9s %9s %7s %8s %s\n",
                rounds, sigma, distribution.c_str(), energyWeight, replications, "model", "tuner",
                "EDP vs default%", "J/req", "s/req", "to 90%", "opt %", "regret",
                "settled arm (most often)");
    for (const auto& model : Split(models))
    {
        for (const auto& tuner : Split(tuners))
        {
            std::map<std::string, SummaryStatistics> st;
            std::map<std::size_t, uint32_t> settled;
            std::vector<double> curve(rounds, 0.0);
            for (uint32_t r = 0; r < replications; ++r)
            {
                RunResult res = TuneOnce(tuner, model, rounds, noise, energyWeight, firstRun + r);
                st["edp_reduction_pct"].Add(100 * res.edpReduction);
                st["energy_per_request_j"].Add(res.energyJ);
                st["latency_per_request_s"].Add(res.latencyS);
                st["batches_until_90pct"].Add(res.until90);
                st["optimum_share_pct"].Add(100 * res.optimumShare);
                st["cumulative_regret"].Add(res.regret);
                ++settled[res.settled];
                for (uint32_t k = 0; k < rounds; ++k)
                {
                    curve[k] += res.regretCurve[k] / replications;
                }
            }
            auto mode = std::max_element(settled.begin(), settled.end(),
                                         [](auto& a, auto& b) { return a.second < b.second; });
            std::printf("%-13s %-15s %8.1f ± %-4.1f %9.2f %9.2f %9.0f %7.1f %8.1f %s in %u/%u\n",
                        model.c_str(), tuner.c_str(), st["edp_reduction_pct"].GetMean(),
                        st["edp_reduction_pct"].GetCiHalfWidth(),
                        st["energy_per_request_j"].GetMean(),
                        st["latency_per_request_s"].GetMean(),
                        st["batches_until_90pct"].GetMean(), st["optimum_share_pct"].GetMean(),
                        st["cumulative_regret"].GetMean(), ArmName(model, mode->first).c_str(),
                        mode->second, replications);
            for (const auto& [metric, s] : st)
            {
                write("tuners", model, tuner, energyWeight, metric, s);
            }
            if (regretOut)
            {
                for (uint32_t k = 0; k < rounds; ++k)
                {
                    regretOut << model << "," << tuner << "," << k + 1 << "," << curve[k] << "\n";
                }
            }
        }
    }
    std::printf("\nto 90%%: batches until the best arm took >= 90 %% of 50 consecutive batches "
                "(%u: never); opt %%: share of the last fifth on the best arm.\n",
                rounds);
    std::printf("Paper (Camel, AGX Orin 32GB, llama.cpp): EDP 12.4-29.9 %% below the default; "
                "best arms (816 MHz, b 20) for Llama-3.2-1B and (930.75 MHz, b 24) for "
                "Qwen2.5-3B. Ours: surfaces calibrated to those statements (EST).\n\n");

    std::printf("Sweep of the cost weight a (oracle's optimum; Thompson's settled arm)\n%-13s "
                "%6s %-24s %12s %-24s\n",
                "model", "a", "optimum arm", "EDP vs def%", "Thompson settled");
    for (const auto& model : Split(models))
    {
        for (double a : {0.0, 0.25, 0.5, 0.75, 1.0})
        {
            SummaryStatistics edp;
            std::map<std::size_t, uint32_t> settled;
            std::size_t best = 0;
            for (uint32_t r = 0; r < replications; ++r)
            {
                RunResult o = TuneOnce("oracle", model, 50, noise, a, firstRun + r);
                best = o.settled;
                RunResult t = TuneOnce("thompson", model, rounds, noise, a, firstRun + r);
                edp.Add(100 * t.edpReduction);
                ++settled[t.settled];
            }
            RunResult o = TuneOnce("oracle", model, 50, noise, a, firstRun);
            auto mode = std::max_element(settled.begin(), settled.end(),
                                         [](auto& x, auto& y) { return x.second < y.second; });
            std::printf("%-13s %6.2f %-24s %12.1f %-24s\n", model.c_str(), a,
                        ArmName(model, best).c_str(), 100 * o.edpReduction,
                        (ArmName(model, mode->first) + " " + std::to_string(mode->second) + "/" +
                         std::to_string(replications))
                            .c_str());
            write("a-sweep", model, "thompson", a, "edp_reduction_pct", edp);
        }
    }

    if (pipelineSlots > 0)
    {
        std::printf("\nInside the simulation: the paper's 3 x 3 pipeline (uniform routing, q = "
                    "%g, mean harvest %g J/slot, %u slots), each device's power mode per job\n"
                    "%-17s %10s %9s %11s %11s %13s\n",
                    pipelineQ, pipelineHarvestJ, pipelineSlots, "modes", "completed", "dropped",
                    "J/job", "latency s", "EDP kJ s/job");
        for (const std::string config :
             {"15W", "30W", "60W", "dynamic", "thompson", "thompson-battery"})
        {
            auto runs = ReplicationRunner::Run(
                replications, workers,
                [&](uint32_t r) {
                    return RunPipeline(config, pipelineSlots, pipelineQ, pipelineHarvestJ,
                                       firstRun + r);
                },
                "");
            std::vector<SummaryStatistics> s(4);
            SummaryStatistics edp;
            for (const auto& v : runs)
            {
                for (std::size_t k = 0; k < v.size(); ++k)
                {
                    s[k].Add(v[k]);
                }
                edp.Add(v[2] * v[3] / 1e3);
            }
            std::printf("%-17s %10.1f %9.4f %11.1f %11.1f %13.1f\n", config.c_str(),
                        s[0].GetMean(), s[1].GetMean(), s[2].GetMean(), s[3].GetMean(),
                        edp.GetMean());
            const char* names[] = {"completed", "dropped_fraction", "energy_per_job_j",
                                   "latency_mean_s"};
            for (std::size_t k = 0; k < 4; ++k)
            {
                write("pipeline", "3x3-paper-scaled", config, energyWeight, names[k], s[k]);
            }
            write("pipeline", "3x3-paper-scaled", config, energyWeight, "edp_kj_s_per_job", edp);
        }
        std::printf("thompson: a = 0.5; thompson-battery: a rises from 0.5 (full) to 1 (empty).\n");
    }
    if (out)
    {
        out.close();
        ResultProvenance provenance = ResultProvenance::FromProgram("llm-edge-edp-tuner", opt);
        provenance.SetRuns(RngSeedManager::GetSeed(), firstRun, replications);
        provenance.WriteSidecar(csv);
        std::printf("CSV written to %s\n", csv.c_str());
    }
    return InvariantCheck::Finish("llm-edge-edp-tuner");
}

int
main(int argc, char* argv[])
{
    return RunProgram("llm-edge-edp-tuner", [&]() { return Run(argc, argv); });
}
