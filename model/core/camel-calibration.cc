/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "camel-calibration.h"

#include "config-error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace ns3
{
namespace llmedge
{

namespace
{

std::string
Num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.6g", v);
    return buf;
}

// Least cost of another arm over the target's, minus 1 (negative when the
// target is not the optimum).
double
Margin(const std::vector<double>& costs, std::size_t target)
{
    double runnerUp = 0;
    bool first = true;
    for (std::size_t i = 0; i < costs.size(); ++i)
    {
        if (i != target && (first || costs[i] < runnerUp))
        {
            runnerUp = costs[i];
            first = false;
        }
    }
    return runnerUp / costs[target] - 1.0;
}

} // namespace

std::vector<double>
CamelFrequenciesMhz()
{
    return {306, 408, 510, 612, 714, 816, 930.75};
}

std::vector<unsigned>
CamelBatches()
{
    return {4, 8, 12, 16, 20, 24, 28};
}

ConfigSurface
BuildCamelSurface(const CamelSurfaceParameters& p)
{
    std::vector<SurfaceArm> arms;
    double c = p.weightReadS / p.kneeBatch;
    for (double f : CamelFrequenciesMhz())
    {
        double r = p.fMaxMhz / f;
        double power = p.staticPowerW + p.dynamicPowerW * std::pow(f / p.fMaxMhz, p.powerExponent);
        for (unsigned b : CamelBatches())
        {
            double step =
                std::max(p.weightReadS * (1.0 - p.clockShare + p.clockShare * r), c * b * r);
            double t = p.overheadS + p.outputTokens * step + p.prefillTokens * c * b * r;
            arms.push_back(SurfaceArm{f, b, t, power * t, "EST"});
        }
    }
    return ConfigSurface(std::move(arms), p.deviceKind, p.model, "camel:" + p.model);
}

CamelFitResult
FitCamelSurface(const CamelSurfaceParameters& prior, const CamelFitTarget& target)
{
    const CostOptions paper; // a = 0.5, lambda = 1, default-arm normalization
    CamelFitResult best;
    bool found = false;
    CamelSurfaceParameters p = prior;
    for (int iKnee = 0; iKnee <= 56; ++iKnee)
    {
        p.kneeBatch = 12.0 + 0.5 * iKnee;
        for (int iPower = 1; iPower <= 40; ++iPower)
        {
            p.dynamicPowerW = 0.5 * iPower;
            for (int iShare = 0; iShare <= 10; ++iShare)
            {
                p.clockShare = 0.1 * iShare;
                ConfigSurface s = BuildCamelSurface(p);
                std::size_t t = s.IndexOf(target.freqMhz, target.batch);
                double margin = Margin(s.GetCosts(paper), t);
                if (margin <= 0)
                {
                    continue;
                }
                double reduction = 1.0 - s.GetEdpJs(t, paper.arrivalRatePerS) /
                                             s.GetEdpJs(s.GetDefaultArm(), paper.arrivalRatePerS);
                if (reduction < target.minEdpReduction || reduction > target.maxEdpReduction)
                {
                    continue;
                }
                ++best.candidates;
                bool better = !found || margin > best.margin + 1e-9;
                bool tie = found && std::abs(margin - best.margin) <= 1e-9;
                if (tie && std::abs(p.dynamicPowerW - prior.dynamicPowerW) <
                               std::abs(best.parameters.dynamicPowerW - prior.dynamicPowerW))
                {
                    better = true;
                }
                if (better)
                {
                    best.parameters = p;
                    best.margin = margin;
                    best.edpReduction = reduction;
                    found = true;
                }
            }
        }
    }
    if (!found)
    {
        throw ConfigError("Camel calibration of '" + prior.model +
                          "': no grid point puts the "
                          "cost optimum on (" +
                          FormatValue(target.freqMhz) + " MHz, batch " +
                          std::to_string(target.batch) + ") with an EDP reduction in [" +
                          FormatValue(target.minEdpReduction) + ", " +
                          FormatValue(target.maxEdpReduction) + "]");
    }
    return best;
}

std::string
FormatCamelSurfaceCsv(const CamelFitResult& fit, const CamelFitTarget& target)
{
    const CamelSurfaceParameters& p = fit.parameters;
    ConfigSurface s = BuildCamelSurface(p);
    std::ostringstream os;
    os << "# Jetson AGX Orin 32GB (JetPack 6 GPU frequency steps), " << p.model
       << ", llama.cpp, Camel setting:\n"
       << "# time and energy (board) per batch for 7 GPU frequencies x batch 4..28.\n"
       << "# CALIBRATED ESTIMATES, NOT MEASUREMENTS (flag EST): a physical form whose\n"
       << "# parameters were fitted so that the Camel paper's cost (a = 0.5, lambda = 1\n"
       << "# request/s, <= 70 output tokens, energy and latency divided by the default\n"
       << "# arm's) is least on its stated best arm (" << Num(target.freqMhz) << " MHz, batch "
       << target.batch << ") and the EDP\n"
       << "# reduction of that arm against the default (930.75 MHz, 28) lies in\n"
       << "# [" << Num(target.minEdpReduction) << ", " << Num(target.maxEdpReduction)
       << "] (paper: 12.4-29.9 %). Generated by FitCamelSurface and\n"
       << "# FormatCamelSurfaceCsv (model/core/camel-calibration.cc); a unit test regenerates it.\n"
       << "# Form (r = " << Num(p.fMaxMhz) << " / f, c = m / b_k):\n"
       << "#   T = t_o + N_out max(m (1 - mu + mu r), c b r) + N_pre c b r\n"
       << "#   E = (P_s + k (f / " << Num(p.fMaxMhz) << ")^alpha) T\n"
       << "# Fixed: N_out = " << Num(p.outputTokens) << ", N_pre = " << Num(p.prefillTokens)
       << ", t_o = " << Num(p.overheadS) << " s, P_s = " << Num(p.staticPowerW)
       << " W, alpha = " << Num(p.powerExponent) << ", m = " << Num(p.weightReadS) << " s.\n"
       << "# Fitted: b_k = " << Num(p.kneeBatch) << ", k = " << Num(p.dynamicPowerW)
       << " W, mu = " << Num(p.clockShare) << "; margin over the runner-up "
       << Num(100 * fit.margin) << " %,\n"
       << "# EDP reduction " << Num(100 * fit.edpReduction)
       << " %. See doc/llm-edge.rst (Camel).\n"
       << "device,model,freq_mhz,batch,time_per_batch_s,energy_per_batch_j,flag\n";
    for (std::size_t i = 0; i < s.GetNArms(); ++i)
    {
        const SurfaceArm& a = s.GetArm(i);
        os << p.deviceKind << "," << p.model << "," << Num(a.freqMhz) << "," << a.batch << ","
           << Num(a.timePerBatchS) << "," << Num(a.energyPerBatchJ) << "," << a.flag << "\n";
    }
    return os.str();
}

} // namespace llmedge
} // namespace ns3
