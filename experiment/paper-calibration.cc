/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "paper-calibration.h"

#include "llm-run-report.h"
#include "paper-scenario.h"
#include "replication-runner.h"
#include "single-device-scenario.h"

#include "ns3/config-error.h"
#include "ns3/csv-table.h"
#include "ns3/harvest-pmf.h"
#include "ns3/log.h"
#include "ns3/rate-limit.h"
#include "ns3/semi-markov-battery-model.h"
#include "ns3/summary-statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace ns3
{
namespace llmedge
{

NS_LOG_COMPONENT_DEFINE("PaperCalibration");

namespace
{

const std::vector<std::string> kModes = {"15W", "30W", "60W", "dynamic"};
const char* const kDynamicPolicy = "0:15W,0.4:30W,0.6:60W";

/// Harvest per job energy is the same in both presets: printed is 10x.
double
PresetScale(const std::string& preset)
{
    return preset == "paper-printed" ? 10.0 : 1.0;
}

std::string
Options(const std::vector<std::pair<std::string, double>>& values)
{
    std::ostringstream os;
    os.precision(8);
    for (const auto& [name, v] : values)
    {
        os << (os.tellp() > 0 ? " " : "") << "--" << name << "=" << v;
    }
    return os.str();
}

/**
 * Fig. 2a: one device, 100 slots, the four modes. Parameters: q, the mean
 * harvest per slot and its relative half-width (U[m (1 - s), m (1 + s)]),
 * the initial charge and Ehigh.
 */
class Fig2aExperiment : public CalibrationExperiment
{
  public:
    explicit Fig2aExperiment(std::string preset)
        : m_preset(std::move(preset)),
          m_scale(PresetScale(m_preset))
    {
    }

    std::vector<FitParameter> GetParameters() const override
    {
        return {{"q", 0.3, 0.95, 0.55},
                {"harvestMeanJ", 300 * m_scale, 3000 * m_scale, 1500 * m_scale},
                {"harvestSpread", 0.05, 0.95, 0.5},
                {"initialFraction", 0.05, 1.0, 0.2},
                {"highFraction", 0.11, 0.6, 0.2}};
    }

    std::vector<std::string> GetOutputIds() const override
    {
        std::vector<std::string> ids;
        for (const char* metric : {"jobs_", "battery_"})
        {
            for (const auto& m : kModes)
            {
                ids.push_back(metric + m);
            }
        }
        return ids;
    }

    std::vector<double> Evaluate(const std::vector<double>& p,
                                 uint32_t firstRun,
                                 uint32_t replications,
                                 uint32_t /* workers: 100 slots of one device are too quick */) const override
    {
        std::vector<double> jobs;
        std::vector<double> battery;
        for (const auto& mode : kModes)
        {
            SingleDeviceScenario sc = Scenario(p);
            sc.mode = mode;
            SummaryStatistics j;
            SummaryStatistics b;
            for (uint32_t r = 0; r < replications; ++r)
            {
                SingleDeviceScenario::Result res = sc.Run(firstRun + r);
                j.Add(res.jobs);
                b.Add(res.avgBatteryPct);
            }
            jobs.push_back(j.GetMean());
            battery.push_back(b.GetMean());
        }
        jobs.insert(jobs.end(), battery.begin(), battery.end());
        return jobs;
    }

    std::string Explain(const std::string& targetId, const std::vector<double>& p) const override
    {
        if (targetId.rfind("battery_", 0) != 0)
        {
            return "";
        }
        // What the harvest can give over 100 slots against what a mode spends.
        SingleDeviceScenario sc = Scenario(p);
        double harvestKj = 100 * 0.5 * (sc.harvestMinJ + sc.harvestMaxJ) / 1000;
        std::ostringstream os;
        os.precision(3);
        os << "at the closest point the mean harvest over 100 slots is " << harvestKj
           << " kJ against a 100 kJ battery; the average battery is bounded by the initial "
              "charge, the harvest and the spill at a full battery";
        return os.str();
    }

    std::string GetProgramOptions(const std::vector<double>& p) const override
    {
        SingleDeviceScenario sc = Scenario(p);
        // llm-edge-single-device takes paper-scaled harvest bounds (printed: 10x).
        return "--presets=" + m_preset + " " +
               Options({{"q", sc.q},
                        {"harvestMinJ", sc.harvestMinJ / m_scale},
                        {"harvestMaxJ", sc.harvestMaxJ / m_scale},
                        {"initialFraction", sc.initialFraction},
                        {"highFraction", sc.highFraction}});
    }

  private:
    SingleDeviceScenario Scenario(const std::vector<double>& p) const
    {
        SingleDeviceScenario sc;
        sc.preset = m_preset;
        sc.q = p[0];
        sc.harvestMinJ = p[1] * (1 - p[2]);
        sc.harvestMaxJ = p[1] * (1 + p[2]);
        sc.initialFraction = p[3];
        sc.highFraction = p[4];
        return sc;
    }

    std::string m_preset;
    double m_scale;
};

/**
 * Fig. 2b: q_lim of Eq. 5 for the four modes from the semi-Markov model.
 * Parameters: the mean harvest per slot, its relative half-width and Ehigh.
 */
class Fig2bExperiment : public CalibrationExperiment
{
  public:
    explicit Fig2bExperiment(std::string preset)
        : m_preset(std::move(preset)),
          m_scale(PresetScale(m_preset))
    {
    }

    std::vector<FitParameter> GetParameters() const override
    {
        return {{"harvestMeanJ", 200 * m_scale, 3000 * m_scale, 900 * m_scale},
                {"harvestSpread", 0.05, 0.95, 500.0 / 900.0},
                {"highFraction", 0.11, 0.6, 0.2}};
    }

    std::vector<std::string> GetOutputIds() const override
    {
        std::vector<std::string> ids;
        for (const auto& m : kModes)
        {
            ids.push_back("qlim_" + m);
        }
        return ids;
    }

    bool IsStochastic() const override
    {
        return false;
    }

    std::vector<double> Evaluate(const std::vector<double>& p,
                                 uint32_t /* firstRun */,
                                 uint32_t /* replications */,
                                 uint32_t /* workers */) const override
    {
        std::vector<double> out;
        for (const auto& mode : kModes)
        {
            out.push_back(Limit(p, mode).qlim);
        }
        return out;
    }

    std::string Explain(const std::string& targetId, const std::vector<double>& p) const override
    {
        std::string mode = targetId.substr(std::string("qlim_").size());
        RateLimit r = Limit(p, mode);
        std::ostringstream os;
        os.precision(3);
        os << "at the closest point q_lim_energy = " << r.qlimEnergy << " and 1/kbar = "
           << r.qlimTime << " (kbar = " << r.kbar << " slots at q = q_lim_energy): "
           << (r.qlimEnergy < r.qlimTime ? "energy-bound" : "time-bound");
        if (mode == "dynamic" && r.qlimEnergy >= r.qlimTime)
        {
            os << "; the dynamic mode slows to 30 W and 15 W (2 and 3 slots per job) as the "
                  "battery falls, which keeps its risk below xi_lim for every q, so its limit "
                  "is 1/kbar with kbar at q = 1; 0.64 needs kbar <= 1.56, i.e. mostly 60 W "
                  "at one job per slot, which only a harvest that also makes 60 W alone "
                  "energy-unbounded gives";
        }
        return os.str();
    }

    std::string GetProgramOptions(const std::vector<double>& p) const override
    {
        return "--presets=" + m_preset + " " +
               Options({{"harvestMinJ", p[0] * (1 - p[1]) / m_scale},
                        {"harvestMaxJ", p[0] * (1 + p[1]) / m_scale},
                        {"highFraction", p[2]}});
    }

  private:
    RateLimit Limit(const std::vector<double>& p, const std::string& mode) const
    {
        DeviceSpec spec;
        spec.highFraction = p[2];
        spec.modes = PowerModeTable::FromPreset(m_preset);
        spec.policy = PowerModePolicy::Parse(mode, kDynamicPolicy, spec.modes);
        // Same resolution as llm-edge-fig2b: 100 J (printed: 1 kJ).
        SemiMarkovBatteryModel model(
            spec,
            HarvestPmf::FromUniform(p[0] * (1 - p[1]), p[0] * (1 + p[1]), 100 * m_scale),
            0.1);
        return ComputeRateLimit(model, 0.01);
    }

    std::string m_preset;
    double m_scale;
};

/**
 * The stated effects of Figs. 3-4: the paper's sweeps for the three
 * policies. Parameters: initial charge, Ehigh, the spread a of the devices'
 * mean harvests and the relative half-width w of each device's uniform.
 */
class Fig34Experiment : public CalibrationExperiment
{
  public:
    explicit Fig34Experiment(std::string preset)
        : m_preset(std::move(preset)),
          m_scale(PresetScale(m_preset))
    {
    }

    std::vector<FitParameter> GetParameters() const override
    {
        return {{"initialFraction", 0.05, 1.0, 0.15},
                {"highFraction", 0.11, 0.6, 0.2},
                {"nodeSpread", 0.0, 1.0, 0.5},
                {"harvestWidth", 0.0, 1.0, 0.5}};
    }

    std::vector<std::string> GetOutputIds() const override
    {
        return PaperEffects::Ids();
    }

    std::vector<double> Evaluate(const std::vector<double>& p,
                                 uint32_t firstRun,
                                 uint32_t replications,
                                 uint32_t workers) const override
    {
        // The paper's axes (llm-edge-paper); 3b and 4b share the q sweep.
        const std::vector<double> harvest3a = {100, 200, 300, 400, 500};
        const std::vector<double> harvest4a = {20, 40, 60, 80, 100, 120, 140};
        const std::vector<double> qs = {0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.9, 1.0};
        const std::vector<std::string> policies = {"uniform", "long-term", "adaptive"};
        struct Point
        {
            double meanJ;
            double q;
        };
        std::vector<Point> points;
        for (double m : harvest3a)
        {
            points.push_back({m, 0.3});
        }
        for (double m : harvest4a)
        {
            points.push_back({m, 0.3});
        }
        for (double q : qs)
        {
            points.push_back({550, q});
        }
        const std::vector<std::string> names = LlmRunReport::Names();
        auto index = [&names](const std::string& n) {
            return static_cast<std::size_t>(std::find(names.begin(), names.end(), n) -
                                            names.begin());
        };
        const std::size_t ps = index("power_saving_fraction");
        const std::size_t tp = index("normalized_throughput");
        const std::size_t dr = index("dropped");
        // One work unit per distinct mean harvest, running every policy and
        // job probability at it: the q_lim chains depend on the harvest, not
        // on q or the policy, and the chain cache lives in the unit's
        // process, so each is solved once per evaluation instead of once per
        // (policy, point). Streams are assigned explicitly (AssignStreams),
        // so the numbers do not depend on what ran before in the process.
        std::vector<double> means;
        std::vector<std::size_t> unitOf(points.size());
        for (std::size_t k = 0; k < points.size(); ++k)
        {
            auto it = std::find(means.begin(), means.end(), points[k].meanJ);
            unitOf[k] = static_cast<std::size_t>(it - means.begin());
            if (it == means.end())
            {
                means.push_back(points[k].meanJ);
            }
        }
        auto units = ReplicationRunner::Run(
            static_cast<uint32_t>(means.size()),
            workers,
            [&](uint32_t u) {
                std::vector<double> out; // (policy, point of this unit) x 3 metrics
                for (const auto& policy : policies)
                {
                    for (std::size_t k = 0; k < points.size(); ++k)
                    {
                        if (unitOf[k] != u)
                        {
                            continue;
                        }
                        PaperScenario sc;
                        sc.preset = m_preset;
                        sc.policy = policy;
                        sc.meanHarvestJ = points[k].meanJ * m_scale;
                        sc.q = points[k].q;
                        sc.initialFraction = p[0];
                        sc.highFraction = p[1];
                        sc.nodeSpread = p[2];
                        sc.harvestWidth = p[3];
                        SummaryStatistics s[3];
                        for (const auto& report : sc.RunSeries(firstRun, replications))
                        {
                            std::vector<double> v = report.Values();
                            s[0].Add(v[ps]);
                            s[1].Add(v[tp]);
                            s[2].Add(v[dr]);
                        }
                        out.insert(out.end(), {s[0].GetMean(), s[1].GetMean(), s[2].GetMean()});
                    }
                }
                return out;
            },
            "");
        // Back to one row per (policy, point), in the order policy-major.
        std::vector<std::vector<double>> results(policies.size() * points.size());
        std::vector<std::size_t> taken(means.size(), 0);
        for (std::size_t pol = 0; pol < policies.size(); ++pol)
        {
            for (std::size_t k = 0; k < points.size(); ++k)
            {
                const auto& u = units[unitOf[k]];
                std::size_t at = 3 * taken[unitOf[k]]++;
                results[pol * points.size() + k].assign(u.begin() + at, u.begin() + at + 3);
            }
        }
        auto sweep = [&](std::size_t from, const std::vector<double>& x, std::size_t metric) {
            PaperEffects::Sweep s;
            s.x = x;
            s.y.resize(policies.size());
            for (std::size_t pol = 0; pol < policies.size(); ++pol)
            {
                for (std::size_t k = 0; k < x.size(); ++k)
                {
                    s.y[pol].push_back(results[pol * points.size() + from + k][metric]);
                }
            }
            return s;
        };
        const std::size_t q0 = harvest3a.size() + harvest4a.size();
        return PaperEffects::Compute(sweep(0, harvest3a, 0),
                                     sweep(q0, qs, 0),
                                     sweep(harvest3a.size(), harvest4a, 1),
                                     sweep(q0, qs, 2));
    }

    std::string GetProgramOptions(const std::vector<double>& p) const override
    {
        return "--presets=" + m_preset + " " +
               Options({{"initialFraction", p[0]},
                        {"highFraction", p[1]},
                        {"nodeSpread", p[2]},
                        {"harvestWidth", p[3]}});
    }

  private:
    std::string m_preset;
    double m_scale;
};

double
Mean(const std::vector<double>& v)
{
    if (v.empty())
    {
        return std::numeric_limits<double>::quiet_NaN();
    }
    double s = 0;
    for (double x : v)
    {
        s += x;
    }
    return s / static_cast<double>(v.size());
}

/// 100 (b - a) / a over the points with a > 0.
std::vector<double>
RelativeChangesPct(const std::vector<double>& a, const std::vector<double>& b)
{
    std::vector<double> out;
    for (std::size_t i = 0; i < a.size(); ++i)
    {
        if (a[i] > 0)
        {
            out.push_back(100.0 * (b[i] - a[i]) / a[i]);
        }
    }
    return out;
}

double
Max(const std::vector<double>& v)
{
    return v.empty() ? std::numeric_limits<double>::quiet_NaN()
                     : *std::max_element(v.begin(), v.end());
}

std::vector<double>
Negated(std::vector<double> v)
{
    for (double& x : v)
    {
        x = -x;
    }
    return v;
}

} // namespace

std::unique_ptr<CalibrationExperiment>
CalibrationExperiment::Create(const std::string& name, const std::string& preset)
{
    if (preset != "paper-scaled" && preset != "paper-printed")
    {
        ThrowConfigError("preset", "'" + preset + "'", "expected paper-scaled or paper-printed");
    }
    if (name == "fig2a")
    {
        return std::make_unique<Fig2aExperiment>(preset);
    }
    if (name == "fig2b")
    {
        return std::make_unique<Fig2bExperiment>(preset);
    }
    if (name == "fig34")
    {
        return std::make_unique<Fig34Experiment>(preset);
    }
    ThrowConfigError("experiment", "'" + name + "'", "expected fig2a, fig2b or fig34");
}

std::vector<std::string>
CalibrationExperiment::GetNames()
{
    return {"fig2a", "fig2b", "fig34"};
}

std::string
CalibrationExperiment::Explain(const std::string& /* targetId */,
                               const std::vector<double>& /* p */) const
{
    return "";
}

bool
CalibrationExperiment::IsStochastic() const
{
    return true;
}

std::vector<FitTarget>
ReadPaperTargets(const std::string& path,
                 const std::string& experiment,
                 const std::vector<std::string>& ids)
{
    CsvTable t = CsvTable::ParseFile(path);
    std::size_t ce = t.RequireColumn("experiment");
    std::size_t ct = t.RequireColumn("target");
    std::size_t cv = t.RequireColumn("value");
    std::size_t cu = t.RequireColumn("uncertainty");
    std::size_t co = t.RequireColumn("origin");
    std::size_t cs = t.RequireColumn("source");
    std::vector<FitTarget> out;
    for (const auto& id : ids)
    {
        bool found = false;
        for (const auto& row : t.GetRows())
        {
            if (t.GetString(row, ce) != experiment || t.GetString(row, ct) != id)
            {
                continue;
            }
            FitTarget f;
            f.id = id;
            f.paper = t.GetDouble(row, cv);
            f.uncertainty = t.GetDouble(row, cu);
            if (f.paper == 0 || f.uncertainty < 0)
            {
                throw ConfigError(t.Where(row) + ": target " + id +
                                  ": value must not be 0 and uncertainty not negative");
            }
            f.source = t.GetString(row, co) + ": " + t.GetString(row, cs);
            out.push_back(f);
            found = true;
            break;
        }
        if (!found)
        {
            throw ConfigError(path + ": no row for experiment " + experiment + ", target " + id);
        }
    }
    return out;
}

std::vector<std::string>
PaperEffects::Ids()
{
    return {"3a_lt_vs_uniform_reduction_pct", "3a_ad_vs_lt_max_reduction_pct",
            "3b_lt_over_uniform_ratio",       "3b_ad_vs_lt_max_reduction_pct",
            "3b_ad_power_saving_at_q1",       "4a_lt_vs_uniform_gain_lowest_pct",
            "4a_ad_vs_lt_gain_mean_pct",      "4b_drops_uniform_minus_lt",
            "4b_drops_uniform_minus_ad",      "4b_elbow_q"};
}

std::vector<double>
PaperEffects::Compute(const Sweep& fig3a, const Sweep& fig3b, const Sweep& fig4a, const Sweep& fig4b)
{
    enum
    {
        U = 0,
        LT = 1,
        AD = 2
    };
    std::vector<double> out;
    out.push_back(Mean(Negated(RelativeChangesPct(fig3a.y[U], fig3a.y[LT]))));
    out.push_back(Max(Negated(RelativeChangesPct(fig3a.y[LT], fig3a.y[AD]))));
    std::vector<double> ratio;
    for (std::size_t i = 0; i < fig3b.x.size(); ++i)
    {
        if (fig3b.y[U][i] > 0)
        {
            ratio.push_back(fig3b.y[LT][i] / fig3b.y[U][i]);
        }
    }
    out.push_back(Mean(ratio));
    out.push_back(Max(Negated(RelativeChangesPct(fig3b.y[LT], fig3b.y[AD]))));
    out.push_back(fig3b.y[AD].back());
    out.push_back(fig4a.y[U][0] > 0 ? 100.0 * (fig4a.y[LT][0] - fig4a.y[U][0]) / fig4a.y[U][0]
                                    : std::numeric_limits<double>::quiet_NaN());
    out.push_back(Mean(RelativeChangesPct(fig4a.y[LT], fig4a.y[AD])));
    std::vector<double> dLt;
    std::vector<double> dAd;
    for (std::size_t i = 0; i < fig4b.x.size(); ++i)
    {
        if (fig4b.x[i] >= 0.65)
        {
            dLt.push_back(fig4b.y[U][i] - fig4b.y[LT][i]);
            dAd.push_back(fig4b.y[U][i] - fig4b.y[AD][i]);
        }
    }
    out.push_back(Mean(dLt));
    out.push_back(Mean(dAd));
    // Elbow: where the slope of the uniform curve first reaches half its final slope.
    const auto& x = fig4b.x;
    const auto& u = fig4b.y[U];
    double elbow = x.front();
    if (x.size() > 1)
    {
        double final = (u.back() - u[u.size() - 2]) / (x.back() - x[x.size() - 2]);
        for (std::size_t i = 0; i + 1 < x.size() && final != 0; ++i)
        {
            if ((u[i + 1] - u[i]) / (x[i + 1] - x[i]) >= 0.5 * final)
            {
                elbow = x[i];
                break;
            }
        }
    }
    out.push_back(elbow);
    return out;
}

} // namespace llmedge
} // namespace ns3
