/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Fits the parameters the paper (Khoshsirat, Perin, Rossi, GLOBECOM 2024)
// leaves unstated to the numbers it reports: Fig. 2a (one device), Fig. 2b
// (q_lim, semi-Markov model) or the stated effects of Figs. 3-4, for one
// energy preset. Loss: sum of weight x squared relative error; GSL's
// Nelder-Mead simplex inside the bounds; the same RngRuns for every
// evaluation (common random numbers); a final evaluation of the hand-chosen
// and the fitted values at more replications. Prints the paper's numbers
// beside ours before and after, the sensitivity of each fitted value, and
// which numbers no value within the bounds reaches, with the reason.
//
//   ./ns3 run "llm-edge-calibrate --experiment=fig2a --preset=paper-scaled"

#include "ns3/command-line.h"
#include "ns3/llm-edge-module.h"
#include "ns3/rng-seed-manager.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

std::vector<std::string>
SplitList(const std::string& s)
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

/// "name=value,name=value" with names among \p names and values finite reals.
std::map<std::string, double>
ParseAssignments(const std::string& option,
                 const std::string& text,
                 const std::vector<std::string>& names)
{
    std::map<std::string, double> out;
    if (text.empty())
    {
        return out;
    }
    for (const auto& item : SplitList(text))
    {
        auto eq = item.find('=');
        std::string name = item.substr(0, eq);
        if (eq == std::string::npos || std::find(names.begin(), names.end(), name) == names.end())
        {
            std::string list;
            for (const auto& n : names)
            {
                list += (list.empty() ? "" : ", ") + n;
            }
            ThrowConfigError("--" + option, "'" + text + "'",
                             "expected name=value items with names among " + list);
        }
        out[name] = ParseRealOption(option, item.substr(eq + 1), -1e15, 1e15);
    }
    return out;
}

std::string
Fixed(double v, int digits = 3)
{
    char b[64];
    std::snprintf(b, sizeof(b), "%.*f", digits, v);
    return b;
}

} // namespace

int
Run(int argc, char* argv[])
{
    std::string experiment = "fig2a";
    std::string preset = "paper-scaled";
    std::string targetsFile = std::string(LLM_EDGE_DATA_DIR) + "/paper/khoshsirat-2024-targets.csv";
    uint32_t searchReplications = 0;
    uint32_t finalReplications = 0;
    uint32_t maxEvaluations = 150;
    uint32_t reachEvaluations = 30;
    uint32_t workers = 0;
    double tolerance = 1e-3;
    std::string weights;
    std::string fit = "all";
    std::string start;
    std::string synthetic;
    std::string csv = "llm-edge-calibration.csv";
    std::string valuesCsv = "none";

    CommandLine cmd(__FILE__);
    ProgramOptions opt("llm-edge-calibrate", cmd);
    opt.AddString("experiment", "fig2a, fig2b or fig34", experiment,
                  CalibrationExperiment::GetNames());
    opt.AddString("preset", "paper-scaled or paper-printed", preset,
                  {"paper-scaled", "paper-printed"});
    opt.AddString("targets", "CSV of the paper's numbers (data/paper/...)", targetsFile);
    opt.AddCount("searchReplications",
                 "Replications per evaluation in the search, the same RngRuns every time (0: 100 "
                 "for fig2a, 4 for fig34)",
                 searchReplications, 0, 1000000);
    opt.AddCount("finalReplications",
                 "Replications of the final before/after evaluation (0: 1000 for fig2a, 20 for "
                 "fig34)",
                 finalReplications, 0, 1000000);
    opt.AddCount("maxEvaluations", "Model evaluations of the joint fit at most", maxEvaluations, 1,
                 100000);
    opt.AddCount("reachEvaluations",
                 "Model evaluations of each per-target reachability search at most (0: history only)",
                 reachEvaluations, 0, 100000);
    opt.AddCount("workers", "Worker processes for fig34 (0: one per core)", workers, 0, 1024);
    opt.AddReal("tolerance", "Stop when the simplex is smaller than this (transformed space)",
                tolerance, 0, 10, true);
    opt.AddString("weights", "Loss weights, target=weight,... (default 1 each)", weights);
    opt.AddString("fit", "Parameters to fit, comma-separated (\"all\"); the others stay at start",
                  fit);
    opt.AddString("start", "Start values, name=value,... (default: the hand-chosen values)", start);
    opt.AddString("syntheticTargets",
                  "Replace the paper's numbers by ours at name=value,... (at the search "
                  "replications): a self-test that the fit recovers them",
                  synthetic);
    opt.AddOutputFile("csv", "Output CSV: paper vs ours before and after (\"none\": no file)", csv);
    opt.AddOutputFile("valuesCsv",
                      "Output CSV: the values and whether to use them (\"none\": no file)",
                      valuesCsv);
    opt.Parse(argc, argv);
    const uint32_t firstRun = opt.GetFirstRun(1);

    auto exp = CalibrationExperiment::Create(experiment, preset);
    if (searchReplications == 0)
    {
        searchReplications = experiment == "fig34" ? 4 : 100;
    }
    if (finalReplications == 0)
    {
        finalReplications = experiment == "fig34" ? 20 : 1000;
    }
    if (!exp->IsStochastic())
    {
        searchReplications = finalReplications = 1;
    }
    std::vector<FitParameter> all = exp->GetParameters();
    std::vector<std::string> paramNames;
    for (const auto& p : all)
    {
        paramNames.push_back(p.name);
    }
    const std::vector<double> hand = [&] {
        std::vector<double> v;
        for (const auto& p : all)
        {
            v.push_back(p.start);
        }
        return v;
    }();
    for (const auto& [name, value] : ParseAssignments("start", start, paramNames))
    {
        auto& p = all[std::find(paramNames.begin(), paramNames.end(), name) - paramNames.begin()];
        if (value < p.lower || value > p.upper)
        {
            ThrowConfigError("--start", name + "=" + FormatValue(value),
                             "must be inside the bounds [" + FormatValue(p.lower) + ", " +
                                 FormatValue(p.upper) + "]");
        }
        p.start = value;
    }
    std::vector<std::size_t> free;
    if (fit == "all")
    {
        for (std::size_t i = 0; i < all.size(); ++i)
        {
            free.push_back(i);
        }
    }
    else
    {
        for (const auto& name : SplitList(fit))
        {
            auto it = std::find(paramNames.begin(), paramNames.end(), name);
            if (it == paramNames.end())
            {
                ThrowConfigError("--fit", "'" + fit + "'",
                                 "'" + name + "' is not a parameter of " + experiment);
            }
            free.push_back(it - paramNames.begin());
        }
    }

    std::vector<FitTarget> targets = ReadPaperTargets(targetsFile, experiment, exp->GetOutputIds());
    std::vector<std::string> targetIds = exp->GetOutputIds();
    for (const auto& [id, w] : ParseAssignments("weights", weights, targetIds))
    {
        if (w < 0)
        {
            ThrowConfigError("--weights", id + "=" + FormatValue(w), "must not be negative");
        }
        targets[std::find(targetIds.begin(), targetIds.end(), id) - targetIds.begin()].weight = w;
    }

    // Full parameter vector from the free ones (the rest at their start).
    auto full = [&](const std::vector<double>& x) {
        std::vector<double> p;
        for (const auto& a : all)
        {
            p.push_back(a.start);
        }
        for (std::size_t k = 0; k < free.size(); ++k)
        {
            p[free[k]] = x[k];
        }
        return p;
    };
    uint32_t evaluations = 0;
    // A fit of Figs. 3-4 runs for half an hour or more: a line on stderr at
    // most every 10 s says how far it is (stdout and the CSVs stay as they are).
    const char* phase = "search";
    double bestLoss = std::numeric_limits<double>::infinity();
    auto began = std::chrono::steady_clock::now();
    auto lastProgress = began;
    FitModel search = [&](const std::vector<double>& x) {
        ++evaluations;
        std::vector<double> out = exp->Evaluate(full(x), firstRun, searchReplications, workers);
        bestLoss = std::min(bestLoss, WeightedLoss(targets, out));
        auto now = std::chrono::steady_clock::now();
        if (now - lastProgress >= std::chrono::seconds(10))
        {
            lastProgress = now;
            std::fprintf(stderr, "[%s %s] %.0f s: %u evaluations (%s), lowest loss %.4g\n",
                         experiment.c_str(), preset.c_str(),
                         std::chrono::duration<double>(now - began).count(), evaluations, phase,
                         bestLoss);
        }
        return out;
    };
    std::vector<FitParameter> freeParams;
    for (auto i : free)
    {
        freeParams.push_back(all[i]);
    }

    if (!synthetic.empty())
    {
        auto truth = ParseAssignments("syntheticTargets", synthetic, paramNames);
        std::vector<double> p = hand;
        for (const auto& [name, v] : truth)
        {
            p[std::find(paramNames.begin(), paramNames.end(), name) - paramNames.begin()] = v;
        }
        std::vector<double> out = exp->Evaluate(p, firstRun, searchReplications, workers);
        for (std::size_t t = 0; t < targets.size(); ++t)
        {
            targets[t].paper = out[t];
            targets[t].uncertainty = 1e-9 + 1e-6 * std::abs(out[t]);
            targets[t].source = "synthetic: ours at " + synthetic;
        }
    }

    std::cout << "Calibration of " << experiment << " (" << preset << ") to "
              << (synthetic.empty() ? targetsFile : "synthetic targets (" + synthetic + ")")
              << "\nLoss: sum of weight x ((ours - paper) / paper)^2; GSL Nelder-Mead "
                 "(nmsimplex2) inside the bounds; "
              << (exp->IsStochastic() ? "RngRun " + std::to_string(firstRun) + ".." +
                                            std::to_string(firstRun + searchReplications - 1) +
                                            " for every evaluation (common random numbers), " +
                                            std::to_string(finalReplications) +
                                            " replications for the final evaluation"
                                      : std::string("the semi-Markov model (no randomness)"))
              << "\n\n";

    auto t0 = std::chrono::steady_clock::now();
    FitOptions fo;
    fo.maxEvaluations = maxEvaluations;
    fo.tolerance = tolerance;
    FitResult result = FitParameters(freeParams, targets, search, fo);
    std::vector<double> best = full(result.best);
    phase = "sensitivity";
    std::vector<FitSensitivity> sens =
        ComputeSensitivity(freeParams, targets, search, result.best, 0.1);
    phase = "reachability";
    FitOptions ro = fo;
    ro.maxEvaluations = reachEvaluations;
    std::vector<FitReach> reach = CheckReachability(freeParams, targets, search, result.history, ro);
    double searchSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    // Final evaluation, more replications, same first RngRun.
    std::fprintf(stderr, "[%s %s] %.0f s: %u evaluations done; final evaluation at %u replications\n",
                 experiment.c_str(), preset.c_str(), searchSeconds, evaluations, finalReplications);
    std::vector<double> before = exp->Evaluate(hand, firstRun, finalReplications, workers);
    std::vector<double> after = exp->Evaluate(best, firstRun, finalReplications, workers);
    double lossBefore = WeightedLoss(targets, before);
    double lossAfter = WeightedLoss(targets, after);
    bool useFitted = lossAfter < lossBefore;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    std::printf("%-16s %12s %12s %12s %12s %10s\n", "parameter", "lower", "upper", "hand", "fitted",
                "loss rise");
    for (std::size_t i = 0; i < all.size(); ++i)
    {
        auto k = std::find(free.begin(), free.end(), i);
        std::string rise = k == free.end() ? "(fixed)" : Fixed(sens[k - free.begin()].rise, 4);
        std::printf("%-16s %12.4g %12.4g %12.4g %12.4g %10s\n", all[i].name.c_str(), all[i].lower,
                    all[i].upper, hand[i], best[i], rise.c_str());
    }
    std::printf("(loss rise: the largest increase of the loss when the fitted value moves 10 %% "
                "up or down, the others kept)\n\n");
    std::printf("%-34s %9s %9s %8s %9s %8s  %s\n", "target", "paper", "before", "error",
                "after", "error", "reachable in the bounds");
    for (std::size_t t = 0; t < targets.size(); ++t)
    {
        std::string r = reach[t].reachable ? "yes"
                                           : "NO (closest " + Fixed(reach[t].closest, 4) + ")";
        std::printf("%-34s %9.4g %9.4g %+7.1f%% %9.4g %+7.1f%%  %s\n", targets[t].id.c_str(),
                    targets[t].paper, before[t], 100 * RelativeError(before[t], targets[t].paper),
                    after[t], 100 * RelativeError(after[t], targets[t].paper), r.c_str());
    }
    std::printf("\nloss: hand-chosen %.4f, fitted %.4f (%u replications) -> %s\n", lossBefore,
                lossAfter, finalReplications,
                useFitted ? "use the fitted values" : "keep the hand-chosen values");
    std::vector<std::string> reasons(targets.size());
    bool anyUnreachable = false;
    for (std::size_t t = 0; t < targets.size(); ++t)
    {
        if (reach[t].reachable)
        {
            continue;
        }
        if (!anyUnreachable)
        {
            std::printf("\nPaper numbers no value within the bounds reaches (closest found, and "
                        "why):\n");
        }
        anyUnreachable = true;
        std::vector<double> at = full(reach[t].parameters);
        std::string why = exp->Explain(targets[t].id, at);
        std::string bounds;
        for (auto i : free)
        {
            if (at[i] <= all[i].lower + 1e-3 * (all[i].upper - all[i].lower) ||
                at[i] >= all[i].upper - 1e-3 * (all[i].upper - all[i].lower))
            {
                bounds += (bounds.empty() ? "" : ", ") + all[i].name + " = " + FormatValue(at[i]);
            }
        }
        if (!bounds.empty())
        {
            why += std::string(why.empty() ? "" : "; ") + "the closest point has " + bounds +
                   " at its bound";
        }
        reasons[t] = why;
        std::printf("  %s: paper %g +- %g, closest %.4g. %s\n", targets[t].id.c_str(),
                    targets[t].paper, targets[t].uncertainty, reach[t].closest, why.c_str());
    }
    if (!anyUnreachable)
    {
        std::printf("\nEvery paper number is reachable within the bounds (alone).\n");
    }
    std::printf("\nprogram options: hand-chosen %s\n                 fitted      %s\n",
                exp->GetProgramOptions(hand).c_str(), exp->GetProgramOptions(best).c_str());
    std::printf("%u evaluations at %u replications (search, sensitivity, reachability) in %.1f s; "
                "%.1f s in all\n",
                evaluations, searchReplications, searchSeconds, seconds);

    ResultProvenance provenance = ResultProvenance::FromProgram("llm-edge-calibrate", opt);
    if (exp->IsStochastic())
    {
        provenance.SetRuns(RngSeedManager::GetSeed(), firstRun, finalReplications);
    }
    else
    {
        provenance.SetNoRandomness();
    }
    if (csv != "none")
    {
        std::ofstream out(csv);
        out.precision(10);
        out << "experiment,preset,target,paper,uncertainty,weight,ours_hand,rel_error_hand,"
               "ours_fitted,rel_error_fitted,reachable,closest,reason,source\n";
        for (std::size_t t = 0; t < targets.size(); ++t)
        {
            out << experiment << "," << preset << "," << targets[t].id << "," << targets[t].paper
                << "," << targets[t].uncertainty << "," << targets[t].weight << "," << before[t]
                << "," << RelativeError(before[t], targets[t].paper) << "," << after[t] << ","
                << RelativeError(after[t], targets[t].paper) << ","
                << (reach[t].reachable ? "yes" : "no") << "," << reach[t].closest << ",\""
                << reasons[t] << "\",\"" << targets[t].source << "\"\n";
        }
        out.close();
        provenance.WriteSidecar(csv);
    }
    if (valuesCsv != "none")
    {
        std::ofstream out(valuesCsv);
        out.precision(10);
        out << "experiment,preset,parameter,lower,upper,hand_value,fitted_value,loss_rise_10pct,"
               "loss_hand,loss_fitted,final_replications,use,program_options\n";
        for (std::size_t i = 0; i < all.size(); ++i)
        {
            auto k = std::find(free.begin(), free.end(), i);
            out << experiment << "," << preset << "," << all[i].name << "," << all[i].lower << ","
                << all[i].upper << "," << hand[i] << "," << best[i] << ","
                << (k == free.end() ? std::string("fixed")
                                    : FormatValue(sens[k - free.begin()].rise))
                << "," << lossBefore << "," << lossAfter << "," << finalReplications << ","
                << (useFitted ? "fitted" : "hand") << ","
                << exp->GetProgramOptions(useFitted ? best : hand) << "\n";
        }
        out.close();
        provenance.WriteSidecar(valuesCsv);
    }
    return 0;
}

int
main(int argc, char* argv[])
{
    return RunProgram("llm-edge-calibrate", [&]() { return Run(argc, argv); });
}
