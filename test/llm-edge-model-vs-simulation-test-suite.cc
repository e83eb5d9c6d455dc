/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The semi-Markov battery model against long runs of EnergyHarvestingOrinDevice.
//
// 24 parameter sets (4 power policies x 3 harvests x 2 job rates) span
// energy-bound and time-bound regimes. For each, one long Slotted run
// (warm-up, then 40 batches) gives batch means of the downtime risk (time
// share with E < Eth), the mean energy and the throughput; the model's
// values must lie within the runs' confidence intervals at a family-wise
// 99 % level (Bonferroni over the 72 comparisons, Student t over batches).
// A negative control shows the comparison rejects a wrong model (the model
// at q + 0.05) in most sets; where the rate is saturated (time- or
// energy-bound) a small change of q changes nothing measurable. The same
// sets in Continuous accounting are printed for the record (no assertion):
// there jobs take their real time, not whole slots.

#include "ns3/bernoulli-job-source.h"
#include "ns3/double.h"
#include "ns3/function-compat.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/node-container.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/semi-markov-battery-model.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/summary-statistics.h"
#include "ns3/test.h"

#include <boost/math/distributions/students_t.hpp>

#include <cstdio>
#include <iostream>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

constexpr double kUnitJ = 100;
constexpr uint64_t kWarmupSlots = 2000;
constexpr uint64_t kBatches = 40;
constexpr uint64_t kBatchSlots = 2500;
constexpr int kComparisons = 72;

struct Case
{
    std::string mode;
    double lo;
    double hi;
    double q;
};

struct Measured
{
    SummaryStatistics risk;
    SummaryStatistics energy;
    SummaryStatistics throughput;
};

/// Per-slot harvest drawn exactly from the model's pmf (multiples of the unit).
Ptr<EmpiricalRandomVariable>
PmfVariable(const HarvestPmf& f)
{
    Ptr<EmpiricalRandomVariable> rv = CreateObject<EmpiricalRandomVariable>();
    rv->SetInterpolate(false);
    double cum = 0;
    const auto& p = f.GetProbabilities();
    for (std::size_t i = 0; i < p.size(); ++i)
    {
        if (p[i] > 0)
        {
            cum += p[i];
            rv->CDF(i * f.GetUnitJ(), std::min(cum, 1.0));
        }
    }
    rv->CDF((p.size() - 1) * f.GetUnitJ(), 1.0);
    return rv;
}

struct Sampler
{
    Ptr<EnergyHarvestingOrinDevice> device;
    double ethJ;
    uint64_t completed{0};
    uint64_t lastCompleted{0};
    double sumE{0};
    double below{0};
    uint64_t slots{0};
    Measured* out;

    void Sample()
    {
        double e = device->GetEnergyJ();
        sumE += e;
        below += e < ethJ ? 1 : 0;
        ++slots;
        if (slots == kBatchSlots)
        {
            uint64_t done = device->GetJobsCompleted();
            out->risk.Add(below / slots);
            out->energy.Add(sumE / slots);
            out->throughput.Add(static_cast<double>(done - lastCompleted) / slots);
            lastCompleted = done;
            sumE = below = 0;
            slots = 0;
        }
    }
};

Measured
Simulate(const Case& c, const std::string& accounting, uint32_t run)
{
    RngSeedManager::SetSeed(2024);
    RngSeedManager::SetRun(run);
    HarvestPmf pmf = HarvestPmf::FromUniform(c.lo, c.hi, kUnitJ);
    NodeContainer nodes;
    nodes.Create(1);
    EnergyHarvestingOrinDeviceHelper helper;
    helper.SetBatteryAttribute("InitialFraction", DoubleValue(0.5));
    helper.SetHarvesterAttribute("SlotEnergyJ", PointerValue(PmfVariable(pmf)));
    helper.SetDeviceAttribute("PowerMode", StringValue(c.mode));
    helper.SetDeviceAttribute("Accounting", StringValue(accounting));
    DeviceEnergyModelContainer d = helper.Install(nodes);
    EnergyHarvestingOrinDeviceHelper::AssignStreams(d, 1);
    Ptr<EnergyHarvestingOrinDevice> device = DynamicCast<EnergyHarvestingOrinDevice>(d.Get(0));
    Ptr<BernoulliJobSource> src = CreateObject<BernoulliJobSource>();
    src->SetAttribute("Probability", DoubleValue(c.q));
    src->AssignStreams(2);
    src->SetArrivalCallback(MakeFunctionCallback<void, uint64_t>(
        [device](uint64_t id) { device->SubmitJob(id, EnergyHarvestingOrinDevice::JobDoneCallback()); }));
    uint64_t total = kWarmupSlots + kBatches * kBatchSlots;
    src->Start(0, total);
    Measured m;
    Sampler s{device, 0.1 * 100e3, 0, 0, 0, 0, 0, &m};
    // The level held during slot i is read a quarter into the slot (the
    // arrival comes at half): the time-weighted level of Eqs. 2-3.
    for (uint64_t i = kWarmupSlots; i < total; ++i)
    {
        ScheduleFunction(Seconds(100.0 * i + 25.0), [&s, i]() {
            if (i == kWarmupSlots)
            {
                s.lastCompleted = s.device->GetJobsCompleted();
            }
            s.Sample();
        });
    }
    Simulator::Stop(Seconds(100.0 * total));
    Simulator::Run();
    Simulator::Destroy();
    return m;
}

double
HalfWidth(const SummaryStatistics& s)
{
    boost::math::students_t t(static_cast<double>(s.GetCount() - 1));
    double quantile = boost::math::quantile(boost::math::complement(t, 0.01 / kComparisons / 2));
    return quantile * s.GetStdDev() / std::sqrt(static_cast<double>(s.GetCount()));
}

bool
Within(double model, const SummaryStatistics& sim)
{
    if (sim.GetStdDev() == 0 && sim.GetMean() == 0)
    {
        // Never observed in kBatches * kBatchSlots samples: accept model
        // values below the rule-of-three style 99 % bound -ln(0.01) / n.
        return model <= 4.605 / static_cast<double>(kBatches * kBatchSlots);
    }
    return std::abs(model - sim.GetMean()) <= HalfWidth(sim) + 1e-12;
}

std::vector<Case>
Cases()
{
    std::vector<Case> cases;
    for (const char* mode : {"15W", "30W", "60W", "dynamic"})
    {
        for (auto h : {std::make_pair(100.0, 700.0), {400.0, 1000.0}, {800.0, 1600.0}})
        {
            for (double q : {0.3, 0.8})
            {
                cases.push_back({mode, h.first, h.second, q});
            }
        }
    }
    return cases;
}

} // namespace

/**
 * \ingroup llm-edge-tests
 * Model = Slotted simulation within the runs' confidence intervals.
 */
class ModelVsSimulationTestCase : public TestCase
{
  public:
    ModelVsSimulationTestCase()
        : TestCase("Semi-Markov model equals Slotted simulation on 24 parameter sets")
    {
    }

  private:
    void DoRun() override
    {
        std::printf("\n%-8s %5s %5s %4s | %-24s | %-26s | %-22s | continuous: risk, E, thr\n",
                    "mode", "lo", "hi", "q", "risk model / sim +- hw", "mean E kJ model / sim +- hw",
                    "thr model / sim +- hw");
        int rejectedWrong = 0;
        uint32_t run = 1;
        for (const Case& c : Cases())
        {
            DeviceSpec spec;
            spec.modes = PowerModeTable::FromPreset("paper-scaled");
            spec.policy = PowerModePolicy::Parse(c.mode, "0:15W,0.4:30W,0.6:60W", spec.modes);
            HarvestPmf pmf = HarvestPmf::FromUniform(c.lo, c.hi, kUnitJ);
            SemiMarkovBatteryModel model(spec, pmf);
            ChainMetrics m = model.Solve(c.q);
            Measured sim = Simulate(c, "Slotted", run);
            Measured cont = Simulate(c, "Continuous", run);
            ++run;
            std::printf("%-8s %5.0f %5.0f %4.1f | %.4f / %.4f +- %.4f | %6.2f / %6.2f +- %5.2f | "
                        "%.4f / %.4f +- %.4f | %.2e %6.2f %.4f\n",
                        c.mode.c_str(), c.lo, c.hi, c.q, m.risk, sim.risk.GetMean(),
                        HalfWidth(sim.risk), m.meanEnergyJ / 1e3, sim.energy.GetMean() / 1e3,
                        HalfWidth(sim.energy) / 1e3, m.throughput, sim.throughput.GetMean(),
                        HalfWidth(sim.throughput), cont.risk.GetMean(), cont.energy.GetMean() / 1e3,
                        cont.throughput.GetMean());
            NS_TEST_EXPECT_MSG_EQ(Within(m.risk, sim.risk), true, "risk, " << c.mode << " q=" << c.q);
            NS_TEST_EXPECT_MSG_EQ(Within(m.meanEnergyJ, sim.energy),
                                  true,
                                  "mean energy, " << c.mode << " q=" << c.q);
            NS_TEST_EXPECT_MSG_EQ(Within(m.throughput, sim.throughput),
                                  true,
                                  "throughput, " << c.mode << " q=" << c.q);
            // Negative control: the model of a slightly different job rate.
            ChainMetrics wrong = model.Solve(std::min(1.0, c.q + 0.05));
            if (!Within(wrong.throughput, sim.throughput) || !Within(wrong.meanEnergyJ, sim.energy))
            {
                ++rejectedWrong;
            }
        }
        std::printf("negative control (model at q + 0.05): rejected in %d of 24 sets\n",
                    rejectedWrong);
        NS_TEST_EXPECT_MSG_GT_OR_EQ(rejectedWrong, 12, "the comparison must detect a wrong model");
    }
};

/**
 * \ingroup llm-edge-tests
 * The model-versus-simulation suite.
 */
class LlmEdgeModelVsSimulationTestSuite : public TestSuite
{
  public:
    LlmEdgeModelVsSimulationTestSuite()
        : TestSuite("llm-edge-model-vs-simulation", TestSuite::Type::UNIT)
    {
        AddTestCase(new ModelVsSimulationTestCase);
    }
};

static LlmEdgeModelVsSimulationTestSuite g_llmEdgeModelVsSimulationTestSuite;
