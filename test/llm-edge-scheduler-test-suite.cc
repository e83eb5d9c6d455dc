/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// SemiMarkovScheduler: the weights are the intended ones (uniform, Eq. 6,
// Algorithm 1, renormalized over available devices), and the empirical
// choice frequencies match them by a chi-square goodness-of-fit test.
// False-alarm rate: each chi-square test rejects a correct scheduler with
// probability 0.001 (3 such tests: 0.3 % for the suite); the seeds are
// fixed, so a run is reproducible.

#include "ns3/double.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/node-container.h"
#include "ns3/rate-limit.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/semi-markov-battery-model.h"
#include "ns3/semi-markov-scheduler.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <boost/math/distributions/chi_squared.hpp>

#include <sstream>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

/// Three dynamic-mode devices with distinct harvest and initial charge.
std::vector<Ptr<EnergyHarvestingOrinDevice>>
MakeLayer(const std::vector<double>& initial)
{
    const double lo[] = {100, 300, 500};
    std::vector<Ptr<EnergyHarvestingOrinDevice>> layer;
    for (std::size_t i = 0; i < initial.size(); ++i)
    {
        NodeContainer n;
        n.Create(1);
        EnergyHarvestingOrinDeviceHelper h;
        std::ostringstream rv;
        rv << "ns3::UniformRandomVariable[Min=" << lo[i % 3] << "|Max=" << lo[i % 3] + 600 << "]";
        h.SetHarvesterAttribute("SlotEnergyJ", StringValue(rv.str()));
        h.SetBatteryAttribute("InitialFraction", DoubleValue(initial[i]));
        layer.push_back(DynamicCast<EnergyHarvestingOrinDevice>(h.Install(n).Get(0)));
    }
    // Initialize the devices (nodes start at t = 0).
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    return layer;
}

/// Pearson chi-square test of counts against probabilities at level 0.001.
bool
ChiSquareAccepts(const std::vector<uint64_t>& counts, const std::vector<double>& p, double& stat)
{
    uint64_t n = 0;
    for (auto c : counts)
    {
        n += c;
    }
    stat = 0;
    int df = -1;
    for (std::size_t i = 0; i < p.size(); ++i)
    {
        if (p[i] > 0)
        {
            double e = n * p[i];
            stat += (counts[i] - e) * (counts[i] - e) / e;
            ++df;
        }
        else if (counts[i] > 0)
        {
            return false; // drawn with probability 0
        }
    }
    if (df < 1)
    {
        return true;
    }
    boost::math::chi_squared dist(df);
    return stat <= boost::math::quantile(dist, 1 - 0.001);
}

} // namespace

/**
 * \ingroup llm-edge-tests
 * Weights and frequencies for one policy.
 */
class SchedulerPolicyTestCase : public TestCase
{
  public:
    SchedulerPolicyTestCase(std::string policy)
        : TestCase("Scheduler policy " + policy + ": intended weights and chi-square frequencies"),
          m_policy(policy)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(11);
        RngSeedManager::SetRun(1);
        // Device 0 at 20 % runs the critical 15 W mode; 1 and 2 at 90 % run 60 W.
        auto layer = MakeLayer({0.2, 0.9, 0.9});
        Ptr<SemiMarkovScheduler> s = CreateObject<SemiMarkovScheduler>();
        s->SetAttribute("Policy", StringValue(m_policy));
        s->AssignStreams(5);
        uint32_t l = s->AddLayer(layer);

        // Intended weights, computed here from the model directly.
        std::vector<double> q(3);
        const double lo[] = {100, 300, 500};
        for (int i = 0; i < 3; ++i)
        {
            SemiMarkovBatteryModel m(layer[i]->GetSpec(),
                                     HarvestPmf::FromUniform(lo[i], lo[i] + 600, 100));
            q[i] = ComputeRateLimit(m, 0.01).qlim;
            NS_TEST_ASSERT_MSG_EQ_TOL(s->GetRateLimit(layer[i]).qlim, q[i], 1e-12, "cached q_lim");
        }
        NS_TEST_ASSERT_MSG_LT(q[0], q[2], "richer harvest, larger q_lim");
        std::vector<double> w(3, 1.0);
        if (m_policy != "uniform")
        {
            w = q;
        }
        if (m_policy == "adaptive")
        {
            w[0] *= 1.0 / 3; // alpha = 1 device in 15 W, N_l = 3
        }
        double sum = w[0] + w[1] + w[2];
        std::vector<double> p = s->GetProbabilities(l);
        for (int i = 0; i < 3; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(p[i], w[i] / sum, 1e-12, "probability of device " << i);
        }
        std::vector<uint64_t> counts(3, 0);
        const int draws = 30000;
        for (int k = 0; k < draws; ++k)
        {
            Ptr<EnergyHarvestingOrinDevice> d = s->Select(l);
            for (int i = 0; i < 3; ++i)
            {
                counts[i] += (d == layer[i]);
            }
        }
        double stat = 0;
        NS_TEST_ASSERT_MSG_EQ(ChiSquareAccepts(counts, p, stat),
                              true,
                              "chi-square " << stat << " counts " << counts[0] << "/" << counts[1]
                                            << "/" << counts[2]);
        Simulator::Destroy();
    }

    std::string m_policy;
};

/**
 * \ingroup llm-edge-tests
 * Devices in power saving are never chosen; none available gives null.
 */
class SchedulerAvailabilityTestCase : public TestCase
{
  public:
    SchedulerAvailabilityTestCase()
        : TestCase("Scheduler renormalizes over available devices and returns null when none")
    {
    }

  private:
    void DoRun() override
    {
        // Device 1 starts at 5 %, below Elow: power saving.
        auto layer = MakeLayer({0.9, 0.05, 0.9});
        Ptr<SemiMarkovScheduler> s = CreateObject<SemiMarkovScheduler>();
        uint32_t l = s->AddLayer(layer);
        std::vector<double> p = s->GetProbabilities(l);
        NS_TEST_ASSERT_MSG_EQ(p[1], 0.0, "power saving: not available");
        NS_TEST_ASSERT_MSG_EQ_TOL(p[0] + p[2], 1.0, 1e-12, "renormalized");
        for (int k = 0; k < 2000; ++k)
        {
            NS_TEST_ASSERT_MSG_NE(s->Select(l), layer[1], "never the device in power saving");
        }
        Simulator::Destroy();
        auto saving = MakeLayer({0.05, 0.05});
        Ptr<SemiMarkovScheduler> s2 = CreateObject<SemiMarkovScheduler>();
        uint32_t l2 = s2->AddLayer(saving);
        NS_TEST_ASSERT_MSG_EQ(s2->Select(l2), Ptr<EnergyHarvestingOrinDevice>(), "none available");
        Simulator::Destroy();
    }
};

/**
 * \ingroup llm-edge-tests
 * The scheduler suite.
 */
class LlmEdgeSchedulerTestSuite : public TestSuite
{
  public:
    LlmEdgeSchedulerTestSuite()
        : TestSuite("llm-edge-scheduler", TestSuite::Type::UNIT)
    {
        AddTestCase(new SchedulerPolicyTestCase("uniform"));
        AddTestCase(new SchedulerPolicyTestCase("long-term"));
        AddTestCase(new SchedulerPolicyTestCase("adaptive"));
        AddTestCase(new SchedulerAvailabilityTestCase);
    }
};

static LlmEdgeSchedulerTestSuite g_llmEdgeSchedulerTestSuite;
