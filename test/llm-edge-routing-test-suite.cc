/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The routing seam and the edge-cluster policies, in closed form: two
// devices with known modes, jobs placed on them by hand, and the decision
// each policy must make (latency-aware counts the running and the queued
// job; energy-aware the mode's energy per job; greedy the first idle, then
// round-robin). Then every policy drives a 3 x 3 pipeline through the
// Policy attribute with jobs conserved.

#include "ns3/boolean.h"
#include "ns3/carbon-aware-policy.h"
#include "ns3/grid-supply.h"
#include "ns3/config-error.h"
#include "ns3/double.h"
#include "ns3/edp-tuner-policy.h"
#include "ns3/energy-aware-policy.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/function-compat.h"
#include "ns3/greedy-policy.h"
#include "ns3/inference-pipeline.h"
#include "ns3/invariant-check.h"
#include "ns3/latency-aware-policy.h"
#include "ns3/llm-block-application.h"
#include "ns3/llm-inference-helper.h"
#include "ns3/node-container.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/test.h"

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

/// Devices (Continuous accounting, full battery) in the given fixed modes;
/// with \p intensities, grid-only at those constant carbon intensities.
std::vector<Ptr<LlmBlockApplication>>
MakeLayer(const std::vector<std::string>& modes, const std::vector<double>& intensities = {})
{
    std::vector<Ptr<LlmBlockApplication>> layer;
    for (std::size_t i = 0; i < modes.size(); ++i)
    {
        const std::string& m = modes[i];
        NodeContainer n;
        n.Create(1);
        EnergyHarvestingOrinDeviceHelper h;
        h.SetDeviceAttribute("Accounting", StringValue("Continuous"));
        h.SetDeviceAttribute("PowerMode", StringValue(m));
        h.SetBatteryAttribute("InitialFraction", DoubleValue(1.0));
        if (i < intensities.size())
        {
            h.SetGridAttribute("Mode", StringValue("grid-only"));
            h.SetGridAttribute("CarbonIntensity", DoubleValue(intensities[i]));
        }
        Ptr<LlmBlockApplication> app = CreateObject<LlmBlockApplication>();
        app->SetDevice(h.Install(n.Get(0)));
        layer.push_back(app);
    }
    return layer;
}

/// Route one job of layer 0 with \p policy now. \return the candidate chosen
uint32_t
RouteNow(Ptr<InferencePolicy> policy, const std::vector<Ptr<LlmBlockApplication>>& layer)
{
    static Ptr<InferencePipeline> pipeline = CreateObject<InferencePipeline>();
    InferenceJob job;
    return policy->Route({0, job, nullptr, layer, *pipeline});
}

/// Give device \p app a job now (running if idle, else pending).
void
Submit(const Ptr<LlmBlockApplication>& app, uint64_t id)
{
    app->GetDevice()->SubmitJob(id, MakeNullCallback<void, uint64_t, bool>());
}

} // namespace

/// Latency-aware: least (rest of the running job + queued job + own block).
class LatencyAwareTestCase : public TestCase
{
  public:
    LatencyAwareTestCase()
        : TestCase("Latency-aware picks the least expected completion, queued job included")
    {
    }

  private:
    void DoRun() override
    {
        // 60W: 100 s per job; 30W: 200 s per job (paper-scaled preset).
        auto layer = MakeLayer({"60W", "30W"});
        Ptr<LatencyAwarePolicy> p = CreateObject<LatencyAwarePolicy>();
        std::vector<uint32_t> chosen;
        std::vector<double> expected;
        ScheduleFunction(Seconds(1), [&]() {
            chosen.push_back(RouteNow(p, layer)); // both idle: 100 s < 200 s
            Submit(layer[0], 1);
        });
        ScheduleFunction(Seconds(51), [&]() {
            // A: 50 s left + 100 s = 150 s < 200 s.
            expected.push_back(layer[0]->GetDevice()->GetExpectedCompletion().GetSeconds());
            chosen.push_back(RouteNow(p, layer));
            Submit(layer[0], 2); // queued behind job 1
            // A: 50 + 100 + 100 = 250 s > 200 s.
            expected.push_back(layer[0]->GetDevice()->GetExpectedCompletion().GetSeconds());
            chosen.push_back(RouteNow(p, layer));
        });
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_EQ(chosen.size(), 3u, "three decisions");
        NS_TEST_ASSERT_MSG_EQ(chosen[0], 0u, "idle: the faster device");
        NS_TEST_ASSERT_MSG_EQ_TOL(expected[0], 150.0, 1e-9, "rest of job + own block");
        NS_TEST_ASSERT_MSG_EQ(chosen[1], 0u, "150 s < 200 s");
        NS_TEST_ASSERT_MSG_EQ_TOL(expected[1], 250.0, 1e-9, "rest + queued + own");
        NS_TEST_ASSERT_MSG_EQ(chosen[2], 1u, "250 s > 200 s: the idle slower device");
    }
};

/// Energy-aware: least energy per job among the available devices.
class EnergyAwareTestCase : public TestCase
{
  public:
    EnergyAwareTestCase()
        : TestCase("Energy-aware picks the least energy per job among available devices")
    {
    }

  private:
    void DoRun() override
    {
        // 60W: 2300 J per job; 30W: 2200 J per job.
        auto layer = MakeLayer({"60W", "30W"});
        Ptr<EnergyAwarePolicy> p = CreateObject<EnergyAwarePolicy>();
        std::vector<uint32_t> chosen;
        ScheduleFunction(Seconds(1), [&]() {
            chosen.push_back(RouteNow(p, layer));
            Submit(layer[1], 1);
            chosen.push_back(RouteNow(p, layer)); // 30W busy, pending slot free
            Submit(layer[1], 2);
            chosen.push_back(RouteNow(p, layer)); // 30W full: the other one
            Submit(layer[0], 3);
            Submit(layer[0], 4);
            chosen.push_back(RouteNow(p, layer)); // both full: none
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_EQ(chosen[0], 1u, "2200 J < 2300 J");
        NS_TEST_ASSERT_MSG_EQ(chosen[1], 1u, "still available (pending slot)");
        NS_TEST_ASSERT_MSG_EQ(chosen[2], 0u, "the cheaper device is full");
        NS_TEST_ASSERT_MSG_EQ(chosen[3], InferencePolicy::NO_CANDIDATE, "none available");
    }
};

/// Carbon-aware: least energy x intensity of the grid share; bound falls back to latency.
class CarbonAwareTestCase : public TestCase
{
  public:
    CarbonAwareTestCase()
        : TestCase("Carbon-aware picks the least J x g per kWh; beyond the latency bound, latency")
    {
    }

  private:
    void DoRun() override
    {
        // 60W: 2300 J at 400 g/kWh = 255.6 g; 30W: 2200 J at 500 g/kWh = 305.6 g;
        // 15W: 2600 J on its own battery (no grid) = 0 g.
        auto layer = MakeLayer({"60W", "30W"}, {400, 500});
        Ptr<CarbonAwarePolicy> p = CreateObject<CarbonAwarePolicy>();
        std::vector<uint32_t> chosen;
        std::vector<double> grams;
        ScheduleFunction(Seconds(1), [&]() {
            for (const auto& a : layer)
            {
                grams.push_back(CarbonAwarePolicy::ExpectedCarbonG(
                    a->GetDevice(), a->GetDevice()->GetCurrentMode().energyPerJobJ));
            }
            chosen.push_back(RouteNow(p, layer));
            Submit(layer[0], 1);
            Submit(layer[0], 2); // 60W full: the 30W one
            chosen.push_back(RouteNow(p, layer));
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_EQ_TOL(grams[0], 2300 * 400 / 3.6e6, 1e-12, "J x g/kWh / 3.6e6");
        NS_TEST_ASSERT_MSG_EQ_TOL(grams[1], 2200 * 500 / 3.6e6, 1e-12, "J x g/kWh / 3.6e6");
        NS_TEST_ASSERT_MSG_EQ(chosen[0], 0u, "255.6 g < 305.6 g although 2300 J > 2200 J");
        NS_TEST_ASSERT_MSG_EQ(chosen[1], 1u, "the cleaner device is full");

        // A solar device (no grid: 0 g) that is slow, and a bound it misses.
        auto mixed = MakeLayer({"60W", "15W"}, {400});
        Ptr<CarbonAwarePolicy> free = CreateObject<CarbonAwarePolicy>();
        Ptr<CarbonAwarePolicy> bounded = CreateObject<CarbonAwarePolicy>();
        bounded->SetAttribute("LatencyBound", TimeValue(Seconds(200)));
        std::vector<uint32_t> c2;
        ScheduleFunction(Seconds(1), [&]() {
            c2.push_back(RouteNow(free, mixed));    // 0 g on the 15W device
            c2.push_back(RouteNow(bounded, mixed)); // 15W takes 300 s > 200 s: 60W
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_EQ(c2[0], 1u, "harvest-only device: no grid carbon");
        NS_TEST_ASSERT_MSG_EQ(c2[1], 0u, "the 0 g device misses the bound");
    }
};

/// Greedy: the first idle device, else round-robin over the available ones.
class GreedyTestCase : public TestCase
{
  public:
    GreedyTestCase()
        : TestCase("Greedy takes the first idle device, then goes round-robin")
    {
    }

  private:
    void DoRun() override
    {
        auto layer = MakeLayer({"30W", "30W", "30W"});
        Ptr<GreedyPolicy> p = CreateObject<GreedyPolicy>();
        std::vector<uint32_t> chosen;
        ScheduleFunction(Seconds(1), [&]() {
            for (uint64_t id = 1; id <= 3; ++id)
            {
                uint32_t i = RouteNow(p, layer);
                chosen.push_back(i);
                Submit(layer[i], id);
            }
            // All busy, pending slots free: round-robin 0, 1, 2, then none.
            for (uint64_t id = 4; id <= 7; ++id)
            {
                uint32_t i = RouteNow(p, layer);
                chosen.push_back(i);
                if (i != InferencePolicy::NO_CANDIDATE)
                {
                    Submit(layer[i], id);
                }
            }
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Simulator::Destroy();
        std::vector<uint32_t> want = {0, 1, 2, 0, 1, 2, InferencePolicy::NO_CANDIDATE};
        for (std::size_t k = 0; k < want.size(); ++k)
        {
            NS_TEST_ASSERT_MSG_EQ(chosen[k], want[k], "decision " << k);
        }
    }
};

/// Every policy through the pipeline's Policy attribute: jobs conserved.
class PolicyThroughPipelineTestCase : public TestCase
{
  public:
    PolicyThroughPipelineTestCase(std::string type)
        : TestCase("Policy " + type + " drives a 3 x 3 pipeline with jobs conserved"),
          m_type(type)
    {
    }

  private:
    void DoRun() override
    {
        LlmInferenceHelper llm;
        llm.SetPolicy(m_type);
        llm.SetSourceAttribute("Probability", DoubleValue(0.4));
        NodeContainer source;
        source.Create(1);
        Ptr<InferencePipeline> p =
            llm.Install(LlmInferenceHelper::CreateLayout(3, 3), source.Get(0));
        LlmInferenceHelper::AssignStreams(p, 7);
        NS_TEST_ASSERT_MSG_EQ(p->GetPolicy()->GetInstanceTypeId().GetName(), m_type, "policy set");
        PointerValue v;
        p->GetAttribute("Policy", v);
        NS_TEST_ASSERT_MSG_EQ(v.Get<InferencePolicy>(), p->GetPolicy(), "Policy attribute");
        uint64_t decisions = 0;
        p->GetPolicy()->TraceConnectWithoutContext(
            "Decision",
            MakeBoundCallback(
                +[](uint64_t* n, uint32_t, Ptr<EnergyHarvestingOrinDevice>) { ++*n; },
                &decisions));
        Simulator::Stop(Seconds(100.0 * 500));
        Simulator::Run();
        std::vector<std::string> violations = InvariantCheck::Check(p);
        NS_TEST_ASSERT_MSG_EQ(violations.empty(),
                              true,
                              (violations.empty() ? "" : violations.front()));
        NS_TEST_ASSERT_MSG_GT(p->GetCompleted(), 50u, "jobs complete");
        NS_TEST_ASSERT_MSG_GT(decisions, p->GetCompleted(), "one decision per hop");
        Simulator::Destroy();
    }

    std::string m_type;
};

/// Tuning through the same seam: the oracle always picks the surface's
/// optimum, grid search commits to it after its sweep, and each kind of
/// policy refuses the other kind of decision with a ConfigError.
class TuningSeamTestCase : public TestCase
{
  public:
    TuningSeamTestCase()
        : TestCase("Tuners behind the seam: oracle and grid search settle on the optimum arm")
    {
    }

  private:
    void DoRun() override
    {
        for (const char* tuner : {"oracle", "grid-search"})
        {
            Ptr<EdpTunerPolicy> p = CreateObject<EdpTunerPolicy>();
            p->SetAttribute("Tuner", StringValue(tuner));
            p->SetAttribute("PullsPerArm", UintegerValue(1));
            p->Initialize();
            const ConfigSurface& s = p->GetSurface();
            CostOptions o = p->GetCostOptions();
            std::size_t best = s.GetOptimumArm(o);
            NS_TEST_ASSERT_MSG_EQ(p->GetNArms(), s.GetNArms(), "arms of the surface");
            uint32_t arm = 0;
            for (uint32_t r = 0; r < p->GetNArms() + 5; ++r)
            {
                arm = p->Tune({nullptr});
                // Exact measurements: the tuner sees the true cost.
                p->Observe({arm,
                            s.GetEnergyPerRequestJ(arm),
                            s.GetLatencyPerRequestS(arm, o.arrivalRatePerS),
                            nullptr});
            }
            NS_TEST_ASSERT_MSG_EQ(arm, best, tuner << " settles on the optimum");
        }
        Ptr<EdpTunerPolicy> tuner = CreateObject<EdpTunerPolicy>();
        std::vector<Ptr<LlmBlockApplication>> none;
        bool refused = false;
        try
        {
            RouteNow(tuner, none);
        }
        catch (const ConfigError& e)
        {
            refused = std::string(e.what()).find("does not route jobs") != std::string::npos;
        }
        NS_TEST_ASSERT_MSG_EQ(refused, true, "a tuner does not route");
        Ptr<GreedyPolicy> router = CreateObject<GreedyPolicy>();
        refused = false;
        try
        {
            router->Tune({nullptr});
        }
        catch (const ConfigError& e)
        {
            refused = std::string(e.what()).find("does not tune devices") != std::string::npos;
        }
        NS_TEST_ASSERT_MSG_EQ(refused, true, "a router does not tune");
    }
};

/// Stale knowledge: a policy reads the last report, not the device now;
/// beacons are sent every interval from staggered offsets.
class BeaconTestCase : public TestCase
{
  public:
    BeaconTestCase()
        : TestCase("Policies decide from the last beacon; beacons go out every interval")
    {
    }

  private:
    void DoRun() override
    {
        auto layer = MakeLayer({"30W", "30W"});
        Ptr<GreedyPolicy> p = CreateObject<GreedyPolicy>();
        Ptr<InferencePipeline> pipeline = CreateObject<InferencePipeline>();
        std::vector<uint32_t> chosen;
        ScheduleFunction(Seconds(1), [&]() {
            std::vector<DeviceReport> reports = {DeviceReport::Of(layer[0]->GetDevice(), {}),
                                                 DeviceReport::Of(layer[1]->GetDevice(), {})};
            Submit(layer[0], 1);
            Submit(layer[0], 2); // device 0 is now full, its report still says idle
            InferenceJob job;
            chosen.push_back(p->Route({0, job, nullptr, layer, *pipeline, &reports}));
            chosen.push_back(p->Route({0, job, nullptr, layer, *pipeline, nullptr}));
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_EQ(chosen[0], 0u, "stale report: the full device looks idle");
        NS_TEST_ASSERT_MSG_EQ(chosen[1], 1u, "live knowledge: the idle one");

        // A 3 x 3 pipeline, zero-communication, beacons every 100 s for 5000 s:
        // each of the 9 devices registers at 0 and beacons from k/9 x 100 s +
        // 100 s on: 49 beacons each before 5000 s (device 0's 50th at 5000 s
        // is not run: the simulation stops first).
        LlmInferenceHelper llm;
        llm.SetPolicy("ns3::llmedge::LatencyAwarePolicy");
        llm.SetPipelineAttribute("BeaconInterval", TimeValue(Seconds(100)));
        llm.SetSourceAttribute("Probability", DoubleValue(0.5));
        NodeContainer source;
        source.Create(1);
        Ptr<InferencePipeline> pl =
            llm.Install(LlmInferenceHelper::CreateLayout(3, 3), source.Get(0));
        LlmInferenceHelper::AssignStreams(pl, 3);
        Simulator::Stop(Seconds(5000));
        Simulator::Run();
        InferencePipeline::BeaconStats b = pl->GetBeaconStats();
        NS_TEST_ASSERT_MSG_EQ(b.sent, 9u * 49u, "one beacon per device per interval");
        NS_TEST_ASSERT_MSG_EQ(b.received, b.sent, "without links every beacon arrives");
        NS_TEST_ASSERT_MSG_EQ(b.bytes, 0u, "no bytes on links without links");
        std::vector<std::string> violations = InvariantCheck::Check(pl);
        NS_TEST_ASSERT_MSG_EQ(violations.empty(), true, "jobs conserved");
        Simulator::Destroy();
    }
};

/// The suite.
class LlmEdgeRoutingTestSuite : public TestSuite
{
  public:
    LlmEdgeRoutingTestSuite()
        : TestSuite("llm-edge-routing", TestSuite::Type::UNIT)
    {
        AddTestCase(new LatencyAwareTestCase());
        AddTestCase(new EnergyAwareTestCase());
        AddTestCase(new GreedyTestCase());
        AddTestCase(new CarbonAwareTestCase());
        AddTestCase(new TuningSeamTestCase());
        AddTestCase(new BeaconTestCase());
        for (const char* t : {"ns3::llmedge::SemiMarkovScheduler",
                              "ns3::llmedge::GreedyPolicy",
                              "ns3::llmedge::LatencyAwarePolicy",
                              "ns3::llmedge::EnergyAwarePolicy",
                              "ns3::llmedge::CarbonAwarePolicy"})
        {
            AddTestCase(new PolicyThroughPipelineTestCase(t));
        }
    }
};

static LlmEdgeRoutingTestSuite g_llmEdgeRoutingTestSuite; ///< the suite
