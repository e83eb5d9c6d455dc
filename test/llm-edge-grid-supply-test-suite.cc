/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ns-3 tests of GridSupply: grid-only and hybrid devices in Slotted and
// Continuous accounting against closed forms (jobs x energy per job, idle
// power x time, the hybrid switch and resume instants, carbon as grid J x
// g/kWh / 3.6e6 and as the hand integral of a step intensity), the energy
// and carbon balances, and mode "none" against a battery with no grid supply.

#include "ns3/capped-battery-energy-source.h"
#include "ns3/config-error.h"
#include "ns3/double.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/energy-harvesting-orin-device.h"
#include "ns3/function-compat.h"
#include "ns3/grid-supply.h"
#include "ns3/invariant-check.h"
#include "ns3/node-container.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

/// What a scenario sets.
struct Setup
{
    std::string accounting{"Slotted"};
    std::string gridMode{"none"};
    std::string rule{"below-threshold"};
    double threshold{0.5};
    double hysteresis{0.2};
    double intensity{0};
    Time resolution{Seconds(0)};
    GridSupply::IntensityFunction intensityFn;
    double capacityJ{10000};
    double initialFraction{1.0};
    double harvestPerSlotJ{600};
    bool agxLadder{false}; ///< AGX Orin ladder (idle 7.1 W) instead of paper-scaled 30W
    uint32_t jobs{10};     ///< jobs submitted back to back from t = 0
    Time stop{Seconds(3000)};
    bool detachGrid{false}; ///< no GridSupply at all (the "before" battery)
};

/// What a scenario observed, from the traces and the objects.
struct Outcome
{
    Ptr<EnergyHarvestingOrinDevice> device;
    Ptr<CappedBatteryEnergySource> battery;
    Ptr<GridSupply> grid;
    double drawSumJ{0};                          ///< sum of the Draw trace's J
    double drawSumG{0};                          ///< sum of the Draw trace's grams
    double tracedJ{0};                           ///< last GridEnergy value
    double tracedG{0};                           ///< last Carbon value
    std::vector<std::pair<double, bool>> onGrid; ///< (time s, state) changes
    uint64_t completed{0};
};

/// The device helper of a scenario: 100 s slots, s's battery, constant
/// harvest, power modes and grid supply.
EnergyHarvestingOrinDeviceHelper
ScenarioHelper(const Setup& s)
{
    EnergyHarvestingOrinDeviceHelper helper;
    helper.SetSlotDuration(Seconds(100));
    helper.SetBatteryAttribute("CapacityJ", DoubleValue(s.capacityJ));
    helper.SetBatteryAttribute("InitialFraction", DoubleValue(s.initialFraction));
    helper.SetHarvesterAttribute("SlotEnergyJ",
                                 StringValue("ns3::ConstantRandomVariable[Constant=" +
                                             std::to_string(s.harvestPerSlotJ) + "]"));
    helper.SetDeviceAttribute("Accounting", StringValue(s.accounting));
    if (s.agxLadder)
    {
        helper.SetDeviceAttribute("PowerModeFile",
                                  StringValue(std::string(LLM_EDGE_DATA_DIR) +
                                              "/power-modes/agx-orin-32gb-gpu-freq.csv"));
        helper.SetDeviceAttribute("PowerMode", StringValue("816MHz"));
    }
    else
    {
        helper.SetDeviceAttribute("PowerMode", StringValue("30W"));
    }
    helper.SetGridAttribute("Mode", StringValue(s.gridMode));
    helper.SetGridAttribute("SwitchRule", StringValue(s.rule));
    helper.SetGridAttribute("ThresholdFraction", DoubleValue(s.threshold));
    helper.SetGridAttribute("HysteresisFraction", DoubleValue(s.hysteresis));
    helper.SetGridAttribute("CarbonIntensity", DoubleValue(s.intensity));
    helper.SetGridAttribute("IntensityResolution", TimeValue(s.resolution));
    helper.SetCarbonIntensityFunction(s.intensityFn);
    return helper;
}

/// Record the grid supply's traces (Draw, GridEnergy, Carbon, OnGrid) in o.
void
ConnectGridTraces(Outcome* o)
{
    o->grid->TraceConnectWithoutContext(
        "Draw",
        MakeFunctionCallback<void, double, double, Time, Time>(
            [o](double j, double g, Time, Time) {
                o->drawSumJ += j;
                o->drawSumG += g;
            }));
    o->grid->TraceConnectWithoutContext(
        "GridEnergy",
        MakeFunctionCallback<void, double, double>([o](double, double v) { o->tracedJ = v; }));
    o->grid->TraceConnectWithoutContext(
        "Carbon",
        MakeFunctionCallback<void, double, double>([o](double, double v) { o->tracedG = v; }));
    o->grid->TraceConnectWithoutContext(
        "OnGrid",
        MakeFunctionCallback<void, bool, bool>(
            [o](bool, bool v) { o->onGrid.emplace_back(Simulator::Now().GetSeconds(), v); }));
}

/**
 * Jobs back to back from t = 0: the next one is offered when the previous
 * one ends.
 * \return the offering closure; set it to nullptr after the run to break
 *         its cycle with the jobs' done callbacks
 */
std::shared_ptr<std::function<void()>>
ScheduleJobs(uint32_t jobs, Ptr<EnergyHarvestingOrinDevice> dev)
{
    auto remaining = std::make_shared<uint32_t>(jobs);
    auto submit = std::make_shared<std::function<void()>>();
    std::function<void()>* next = submit.get(); // the job's done callback offers the next
    *submit = [remaining, next, dev]() {
        if (*remaining == 0)
        {
            return;
        }
        --*remaining;
        dev->SubmitJob(
            *remaining,
            MakeFunctionCallback<void, uint64_t, bool>([next](uint64_t, bool) { (*next)(); }));
    };
    if (jobs > 0)
    {
        ScheduleFunction(Seconds(0), [submit]() { (*submit)(); });
    }
    return submit;
}

/// A slotted device at 100 s slots: paper-scaled 30W (200 s, 2200 J, idle 0 W,
/// 2 slots per job) or the AGX ladder at 816 MHz (0.8 s, 13 J, idle 7.1 W);
/// constant harvest; jobs back to back.
std::shared_ptr<Outcome>
RunScenario(const Setup& s)
{
    auto out = std::make_shared<Outcome>();
    NodeContainer nodes;
    nodes.Create(1);
    EnergyHarvestingOrinDeviceHelper helper = ScenarioHelper(s);
    out->device = DynamicCast<EnergyHarvestingOrinDevice>(helper.Install(nodes).Get(0));
    out->battery = out->device->GetBattery();
    out->grid = out->battery->GetGridSupply();
    if (s.detachGrid)
    {
        out->battery->SetGridSupply(nullptr);
    }
    else
    {
        ConnectGridTraces(out.get());
    }
    auto submit = ScheduleJobs(s.jobs, out->device);
    // Slotted: past the stage ending at s.stop, so that stage is applied.
    Simulator::Stop(s.stop + (s.accounting == "Slotted" ? Seconds(50) : Seconds(0)));
    Simulator::Run();
    out->battery->GetRemainingEnergy(); // bring a continuous battery up to now
    out->completed = out->device->GetJobsCompleted();
    *submit = nullptr; // break the cycle
    return out;
}

/// A test case that checks a run's balances, counters against traces and invariants.
class GridTestCase : public TestCase
{
  public:
    using TestCase::TestCase;

  protected:
    /// \param o the run \param what names it in the messages
    void CheckBalances(const Outcome& o, const std::string& what)
    {
        Ptr<CappedBatteryEnergySource> b = o.battery;
        double lhs = b->GetInitialEnergy() + b->GetHarvestedEnergyJ() + b->GetGridEnergyJ() -
                     b->GetConsumedEnergyJ() - b->GetSpilledEnergyJ();
        NS_TEST_EXPECT_MSG_EQ_TOL(lhs, b->GetStoredEnergyJ(), 1e-6, what << ": energy balance");
        NS_TEST_EXPECT_MSG_EQ_TOL(b->GetBalanceErrorJ(), 0.0, 1e-6, what << ": balance error");
        NS_TEST_EXPECT_MSG_EQ(b->GetUnmetEnergyJ(), 0.0, what << ": nothing unmet with a grid");
        if (o.grid)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(o.grid->GetGridEnergyJ(),
                                      b->GetGridEnergyJ(),
                                      1e-9,
                                      what << ": grid counters");
            NS_TEST_EXPECT_MSG_EQ_TOL(o.drawSumJ,
                                      o.grid->GetGridEnergyJ(),
                                      1e-9,
                                      what << ": sum of the draws = grid J");
            NS_TEST_EXPECT_MSG_EQ_TOL(o.drawSumG,
                                      o.grid->GetCarbonGrams(),
                                      1e-12,
                                      what << ": sum of the draws' grams = total");
            NS_TEST_EXPECT_MSG_EQ_TOL(o.tracedJ,
                                      o.grid->GetGridEnergyJ(),
                                      1e-12,
                                      what << ": GridEnergy trace");
            NS_TEST_EXPECT_MSG_EQ_TOL(o.tracedG,
                                      o.grid->GetCarbonGrams(),
                                      1e-12,
                                      what << ": Carbon trace");
        }
        auto v = InvariantCheck::CheckDevice(o.device, what);
        NS_TEST_EXPECT_MSG_EQ(v.size(), 0u, what << ": " << (v.empty() ? "" : v.front()));
    }
};

void
Cleanup(const std::shared_ptr<Outcome>& o)
{
    o->device = nullptr;
    o->battery = nullptr;
    o->grid = nullptr;
    Simulator::Destroy();
}

/// Grid-only: N jobs draw N x c from the grid, plus the idle power x idle time.
class GridOnlyTestCase : public GridTestCase
{
  public:
    explicit GridOnlyTestCase(std::string accounting)
        : GridTestCase("grid-only, " + accounting +
                       ": grid J = N x c + idle, carbon = J x CI over 3.6e6"),
          m_accounting(std::move(accounting))
    {
    }

  private:
    void DoRun() override
    {
        // Paper-scaled 30W (idle 0 W): 10 jobs x 2200 J, no harvest, a
        // battery at 5 % (below Elow) that is never drawn.
        Setup s;
        s.accounting = m_accounting;
        s.gridMode = "grid-only";
        s.intensity = 250;
        s.initialFraction = 0.05;
        s.harvestPerSlotJ = 0;
        auto o = RunScenario(s);
        NS_TEST_EXPECT_MSG_EQ(o->completed, 10u, "all jobs completed");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->grid->GetGridEnergyJ(), 10 * 2200.0, 1e-6, "grid J");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->grid->GetCarbonGrams(),
                                  10 * 2200.0 * 250 / 3.6e6,
                                  1e-12,
                                  "carbon");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->battery->GetStoredEnergyJ(), 500.0, 1e-9, "battery untouched");
        NS_TEST_EXPECT_MSG_EQ(o->device->GetPowerSavingEntries(), 0u, "no power saving");
        CheckBalances(*o, "grid-only " + m_accounting);
        Cleanup(o);

        // AGX ladder (idle 7.1 W): 50 jobs x 13 J + 7.1 W over the rest,
        // harvest charging the unused battery (and spilled once full).
        s.agxLadder = true;
        s.jobs = 50;
        s.harvestPerSlotJ = 100;
        s.stop = Seconds(2000);
        s.initialFraction = 0.99;
        o = RunScenario(s);
        double expected;
        if (m_accounting == "Slotted")
        {
            // One slot per job (0.8 s < 100 s): the run holds 20 stages, each
            // a job of 13 J; no idle stage.
            expected = 20 * 13.0;
            NS_TEST_EXPECT_MSG_EQ(o->completed, 20u, "one job per stage");
        }
        else
        {
            expected = 50 * 13.0 + 7.1 * (2000 - 50 * 0.8);
            NS_TEST_EXPECT_MSG_EQ(o->completed, 50u, "all jobs completed");
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(o->grid->GetGridEnergyJ(), expected, 1e-6, "grid J with idle");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->grid->GetCarbonGrams(),
                                  o->grid->GetGridEnergyJ() * 250 / 3.6e6,
                                  1e-12,
                                  "carbon = J x CI over 3.6e6");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->battery->GetStoredEnergyJ(), 10000.0, 1e-6, "charged full");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->battery->GetSpilledEnergyJ(),
                                  2000 - 100,
                                  1e-6,
                                  "harvest spilled beyond the cap");
        CheckBalances(*o, "grid-only idle " + m_accounting);
        Cleanup(o);
    }

    std::string m_accounting;
};

/// Carbon with an hourly step intensity: the hand integral.
class StepIntensityTestCase : public GridTestCase
{
  public:
    StepIntensityTestCase()
        : GridTestCase("time-varying intensity (step at 1 h): carbon = hand integral")
    {
    }

  private:
    void DoRun() override
    {
        auto step = [](double t) { return t < 3600 ? 100.0 : 300.0; };
        // Continuous, idle only (7.1 W), one draw over [0, 7200] s split at
        // the 1 h resolution.
        Setup s;
        s.accounting = "Continuous";
        s.gridMode = "grid-only";
        s.agxLadder = true;
        s.jobs = 0;
        s.harvestPerSlotJ = 0;
        s.intensityFn = step;
        s.resolution = Seconds(3600);
        s.stop = Seconds(7200);
        auto o = RunScenario(s);
        NS_TEST_EXPECT_MSG_EQ_TOL(o->grid->GetGridEnergyJ(), 7.1 * 7200, 1e-6, "grid J");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->grid->GetCarbonGrams(),
                                  7.1 * 3600 * (100 + 300) / 3.6e6,
                                  1e-12,
                                  "carbon split at the hour");
        CheckBalances(*o, "step continuous");
        Cleanup(o);

        // Slotted, 36 jobs of 2 slots back to back: 18 in each hour.
        s.accounting = "Slotted";
        s.agxLadder = false;
        s.jobs = 36;
        s.resolution = Seconds(0);
        o = RunScenario(s);
        NS_TEST_EXPECT_MSG_EQ(o->completed, 36u, "all jobs");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->grid->GetCarbonGrams(),
                                  18 * 2200.0 * (100 + 300) / 3.6e6,
                                  1e-12,
                                  "carbon per stage at its time");
        CheckBalances(*o, "step slotted");
        Cleanup(o);
    }
};

/// Hybrid, below-threshold with hysteresis: the switch and resume instants
/// and the grid energy in closed form, in both accountings.
class HybridSwitchTestCase : public GridTestCase
{
  public:
    explicit HybridSwitchTestCase(std::string accounting)
        : GridTestCase("hybrid below-threshold, " + accounting +
                       ": switch at L, back at L + hysteresis, no power saving"),
          m_accounting(std::move(accounting))
    {
    }

  private:
    void DoRun() override
    {
        // 30W: 11 W busy, 0 W idle; harvest 6 W (600 J per 100 s slot).
        // Busy: -5 W net, 10 kJ to L = 5 kJ in 1000 s (5 jobs); jobs 6-10 on
        // the grid at 5 W (5 x 1000 J). Idle from 2000 s: +6 W, from 5 kJ to
        // R = 7 kJ in 333.3 s (Slotted: at the 4th idle stage end, 2400 s).
        Setup s;
        s.accounting = m_accounting;
        s.gridMode = "hybrid";
        s.intensity = 400;
        auto o = RunScenario(s);
        NS_TEST_EXPECT_MSG_EQ(o->completed, 10u, "all jobs");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->grid->GetGridEnergyJ(), 5000.0, 1e-6, "grid J");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->grid->GetCarbonGrams(), 5000.0 * 400 / 3.6e6, 1e-12, "carbon");
        NS_TEST_EXPECT_MSG_EQ(o->device->GetPowerSavingEntries(), 0u, "no power saving");
        NS_TEST_ASSERT_MSG_EQ(o->onGrid.size(), 2u, "on, then off the grid");
        double resume = m_accounting == "Slotted" ? 2400 : 2000 + 2000.0 / 6;
        NS_TEST_EXPECT_MSG_EQ_TOL(o->onGrid[0].first, 1000.0, 1e-6, "switch to the grid at L");
        NS_TEST_EXPECT_MSG_EQ(o->onGrid[0].second, true, "on the grid");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->onGrid[1].first, resume, 1e-6, "back at R");
        NS_TEST_EXPECT_MSG_EQ(o->onGrid[1].second, false, "off the grid");
        // Full at 2000 + 5000 / 6 s, the rest of the harvest spilled.
        NS_TEST_EXPECT_MSG_EQ_TOL(o->battery->GetStoredEnergyJ(), 10000.0, 1e-6, "full at the end");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->battery->GetSpilledEnergyJ(), 1000.0, 1e-6, "spilled");
        CheckBalances(*o, "hybrid " + m_accounting);
        Cleanup(o);

        // The same run with the battery alone: it empties into power saving.
        s.gridMode = "none";
        o = RunScenario(s);
        NS_TEST_EXPECT_MSG_GT(o->device->GetPowerSavingEntries(), 0u, "battery alone saves");
        NS_TEST_EXPECT_MSG_EQ(o->grid->GetGridEnergyJ(), 0.0, "no grid");
        Cleanup(o);
    }

    std::string m_accounting;
};

/// Hybrid, when-empty: the battery empties, the device keeps working.
class HybridWhenEmptyTestCase : public GridTestCase
{
  public:
    HybridWhenEmptyTestCase()
        : GridTestCase("hybrid when-empty, Continuous: battery at 0, no depletion, no power saving")
    {
    }

  private:
    void DoRun() override
    {
        // 30 jobs (6000 s) at -5 W net: empty at 2000 s, then 4000 s on the
        // grid at 5 W = 20 kJ; idle +6 W: back at R = 3 kJ at 6500 s; 6 kJ at 7000 s.
        Setup s;
        s.accounting = "Continuous";
        s.gridMode = "hybrid";
        s.rule = "when-empty";
        s.threshold = 0.9; // ignored by when-empty
        s.hysteresis = 0.3;
        s.intensity = 100;
        s.jobs = 30;
        s.stop = Seconds(7000);
        auto o = RunScenario(s);
        NS_TEST_EXPECT_MSG_EQ(o->completed, 30u, "all jobs, none aborted");
        NS_TEST_EXPECT_MSG_EQ(o->device->GetJobsRefusedTotal(), 0u, "nothing refused");
        NS_TEST_EXPECT_MSG_EQ(o->device->GetPowerSavingEntries(), 0u, "no power saving");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->grid->GetGridEnergyJ(), 20000.0, 1e-6, "grid J");
        NS_TEST_ASSERT_MSG_EQ(o->onGrid.size(), 2u, "on, then off the grid");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->onGrid[0].first, 2000.0, 1e-6, "on the grid when empty");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->onGrid[1].first, 6500.0, 1e-6, "off at R");
        NS_TEST_EXPECT_MSG_EQ_TOL(o->battery->GetStoredEnergyJ(), 6000.0, 1e-6, "final level");
        CheckBalances(*o, "hybrid when-empty");
        Cleanup(o);
    }
};

/// Mode "none" gives exactly the numbers of a battery with no grid supply.
class NoneIsUnchangedTestCase : public TestCase
{
  public:
    explicit NoneIsUnchangedTestCase(std::string accounting)
        : TestCase("mode none, " + accounting + ": same numbers as no grid supply"),
          m_accounting(std::move(accounting))
    {
    }

  private:
    void DoRun() override
    {
        Setup s;
        s.accounting = m_accounting;
        s.jobs = 14;
        s.harvestPerSlotJ = 350;
        s.stop = Seconds(5000);
        s.intensity = 500; // irrelevant without a grid
        // Each run ends (Simulator::Destroy) before the next one starts.
        auto snapshot = [](const Outcome& o) {
            Ptr<CappedBatteryEnergySource> b = o.battery;
            Ptr<EnergyHarvestingOrinDevice> d = o.device;
            return std::vector<double>{b->GetStoredEnergyJ(),
                                       b->GetConsumedEnergyJ(),
                                       b->GetUnmetEnergyJ(),
                                       b->GetSpilledEnergyJ(),
                                       b->GetHarvestedEnergyJ(),
                                       static_cast<double>(o.completed),
                                       static_cast<double>(d->GetJobsRefusedTotal()),
                                       static_cast<double>(d->GetPowerSavingEntries()),
                                       d->GetTimeInPowerSaving().GetSeconds(),
                                       d->GetAverageEnergyJ()};
        };
        const char* names[] = {"stored",
                               "consumed",
                               "unmet",
                               "spilled",
                               "harvested",
                               "completed",
                               "refused",
                               "saving entries",
                               "saving time",
                               "average energy"};
        auto a = RunScenario(s);
        NS_TEST_EXPECT_MSG_GT(a->device->GetPowerSavingEntries(), 0u, "the run saves power");
        NS_TEST_EXPECT_MSG_EQ(a->grid->GetGridEnergyJ(), 0.0, "no grid energy");
        NS_TEST_EXPECT_MSG_EQ(a->grid->GetCarbonGrams(), 0.0, "no carbon");
        std::vector<double> withNone = snapshot(*a);
        Cleanup(a);
        s.detachGrid = true;
        auto b = RunScenario(s);
        std::vector<double> without = snapshot(*b);
        Cleanup(b);
        for (std::size_t k = 0; k < withNone.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(withNone[k], without[k], names[k] << ": identical");
        }
    }

    std::string m_accounting;
};

/// Bad attribute values: ConfigError naming the attribute and the value.
class BadAttributeTestCase : public TestCase
{
  public:
    BadAttributeTestCase()
        : TestCase("bad GridSupply attributes: ConfigError with attribute and value")
    {
    }

  private:
    void Expect(const std::string& attribute,
                const AttributeValue& value,
                const std::vector<std::string>& words)
    {
        Ptr<GridSupply> g = CreateObject<GridSupply>();
        g->SetAttribute(attribute, value);
        Ptr<CappedBatteryEnergySource> b = CreateObject<CappedBatteryEnergySource>();
        b->SetAttribute("GridSupply", PointerValue(g));
        std::string message;
        try
        {
            b->Initialize();
        }
        catch (const ConfigError& e)
        {
            message = e.what();
        }
        for (const auto& w : words)
        {
            NS_TEST_EXPECT_MSG_NE(message.find(w),
                                  std::string::npos,
                                  "'" << w << "' in '" << message << "'");
        }
        b->Dispose();
    }

    void DoRun() override
    {
        Expect("Mode", StringValue("solar"), {"GridSupply", "Mode", "'solar'"});
        Expect("SwitchRule", StringValue("sometimes"), {"SwitchRule", "'sometimes'"});
        Expect("ThresholdFraction", DoubleValue(1.5), {"ThresholdFraction", "1.5", "[0, 1]"});
        Expect("ThresholdFraction", DoubleValue(-0.1), {"ThresholdFraction", "-0.1"});
        Expect("HysteresisFraction", DoubleValue(0.95), {"HysteresisFraction", "0.95", "exceed 1"});
        Expect("CarbonIntensity", DoubleValue(-5), {"CarbonIntensity", "-5", ">= 0"});
        Expect("IntensityResolution", TimeValue(Seconds(-1)), {"IntensityResolution", "-1"});

        // A negative intensity from the function, when a draw is priced.
        Setup s;
        s.gridMode = "grid-only";
        s.jobs = 1;
        s.intensityFn = [](double t) { return t < 100 ? 10.0 : -2.0; };
        std::string message;
        try
        {
            RunScenario(s);
        }
        catch (const ConfigError& e)
        {
            message = e.what();
        }
        NS_TEST_EXPECT_MSG_NE(message.find("carbon intensity = -2"),
                              std::string::npos,
                              "message: " << message);
        Simulator::Destroy();
    }
};

/// The grid checks of InvariantCheck can fail.
class GridInvariantTestCase : public TestCase
{
  public:
    GridInvariantTestCase()
        : TestCase("InvariantCheck::CheckGridSupply reports disagreeing grid counters")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<GridSupply> g = CreateObject<GridSupply>();
        g->SetAttribute("Mode", StringValue("grid-only"));
        g->SetAttribute("CarbonIntensity", DoubleValue(200));
        g->Configure(1000, 500);
        g->Draw(3600, Seconds(0), Seconds(10));
        NS_TEST_EXPECT_MSG_EQ_TOL(g->GetCarbonGrams(), 0.2, 1e-15, "3600 J at 200 g/kWh");
        NS_TEST_EXPECT_MSG_EQ(InvariantCheck::CheckGridSupply("d", 3600, g).size(),
                              0u,
                              "counters agree");
        auto v = InvariantCheck::CheckGridSupply("d", 3599, g);
        NS_TEST_ASSERT_MSG_EQ(v.size(), 1u, "1 J missing is reported");
        NS_TEST_EXPECT_MSG_NE(v[0].find("grid energy of d"), std::string::npos, v[0]);
        g->Dispose();
    }
};

class LlmEdgeGridSupplyTestSuite : public TestSuite
{
  public:
    LlmEdgeGridSupplyTestSuite()
        : TestSuite("llm-edge-grid-supply", TestSuite::Type::UNIT)
    {
        for (const char* a : {"Slotted", "Continuous"})
        {
            AddTestCase(new GridOnlyTestCase(a));
            AddTestCase(new HybridSwitchTestCase(a));
            AddTestCase(new NoneIsUnchangedTestCase(a));
        }
        AddTestCase(new StepIntensityTestCase);
        AddTestCase(new HybridWhenEmptyTestCase);
        AddTestCase(new BadAttributeTestCase);
        AddTestCase(new GridInvariantTestCase);
    }
};

LlmEdgeGridSupplyTestSuite g_llmEdgeGridSupplyTestSuite;

} // namespace
