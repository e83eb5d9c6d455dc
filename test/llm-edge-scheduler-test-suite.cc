/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// SemiMarkovScheduler: the weights are the intended ones (uniform, Eq. 6,
// Algorithm 1, renormalized over available devices), and the empirical
// choice frequencies match them by a chi-square goodness-of-fit test.
// False-alarm rate: each chi-square test rejects a correct scheduler with
// probability 0.001 (3 such tests: 0.3 % for the suite); the seeds are
// fixed, so a run is reproducible. The indexed draw of large layers is
// checked exactly: the share of [0, 1) it maps to each device equals the
// scan's probability, before and after the devices' states change.

#include "ns3/double.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/layer-draw-index.h"
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
 * LayerDrawIndex gives each device of a large layer the scan's probability,
 * and keeps it as the devices' availability and power modes change.
 */
class SchedulerIndexedDrawTestCase : public TestCase
{
  public:
    SchedulerIndexedDrawTestCase(std::string policy)
        : TestCase("Scheduler " + policy + ": the indexed draw of a 300-device layer has the "
                   "scan's probabilities as states change"),
          m_policy(policy)
    {
    }

  private:
    /// Compare the index's share of [0, 1) per device with the scan's probability.
    void Compare(Ptr<SemiMarkovScheduler> s,
                 uint32_t l,
                 const LayerDrawIndex& index,
                 const std::string& when)
    {
        std::vector<double> p = s->GetProbabilities(l);
        const uint32_t grid = 400000;
        std::vector<double> share(p.size() + 1, 0.0);
        for (uint32_t k = 0; k < grid; ++k)
        {
            share[index.Draw((k + 0.5) / grid, -1.0)] += 1.0 / grid;
        }
        uint32_t positive = 0;
        for (std::size_t i = 0; i < p.size(); ++i)
        {
            positive += p[i] > 0;
            // Each device owns one interval of [0, 1) (two under "adaptive":
            // none is both critical and not), so the grid is off by < 1 / grid.
            NS_TEST_ASSERT_MSG_EQ_TOL(share[i], p[i], 1.0 / grid, when << ": device " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(share[p.size()], 0.0, when << ": no draw without a device");
        NS_TEST_ASSERT_MSG_GT(positive, 50u, when << ": many devices available");
        NS_TEST_ASSERT_MSG_LT(positive, p.size(), when << ": some devices unavailable");
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(3);
        RngSeedManager::SetRun(1);
        // 300 devices: three harvests, and charges from power saving (5 %)
        // through the critical 15 W mode (20-35 %) to 60 W (90 %).
        std::vector<double> initial;
        for (int i = 0; i < 300; ++i)
        {
            const double f[] = {0.05, 0.2, 0.35, 0.5, 0.9};
            initial.push_back(f[(i / 3) % 5]);
        }
        auto layer = MakeLayer(initial);
        Ptr<SemiMarkovScheduler> s = CreateObject<SemiMarkovScheduler>();
        s->SetAttribute("Policy", StringValue(m_policy));
        uint32_t l = s->AddLayer(layer);
        std::vector<double> w(layer.size(), 1.0);
        std::vector<uint32_t> critical;
        for (std::size_t i = 0; i < layer.size(); ++i)
        {
            if (m_policy != "uniform")
            {
                w[i] = s->GetRateLimit(layer[i]).qlim;
            }
            if (m_policy == "adaptive")
            {
                critical.push_back(
                    static_cast<uint32_t>(layer[i]->GetSpec().policy.Select(0.0)));
            }
        }
        LayerDrawIndex index(layer, w, critical);
        Compare(s, l, index, "at the start");
        // Jobs fill the queues of every fourth device: unavailable at once.
        for (std::size_t i = 0; i < layer.size(); i += 4)
        {
            layer[i]->SubmitJob(i, EnergyHarvestingOrinDevice::JobDoneCallback());
        }
        Compare(s, l, index, "after submitting jobs");
        // Jobs start and end, batteries and power modes move.
        for (int stage = 1; stage <= 6; ++stage)
        {
            for (std::size_t i = stage % 3; i < layer.size(); i += 3)
            {
                layer[i]->SubmitJob(1000 * stage + i, EnergyHarvestingOrinDevice::JobDoneCallback());
            }
            Simulator::Stop(Seconds(250));
            Simulator::Run();
            Compare(s, l, index, "after stage " + std::to_string(stage));
        }
        Simulator::Destroy();
    }

    std::string m_policy;
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
        AddTestCase(new SchedulerIndexedDrawTestCase("uniform"));
        AddTestCase(new SchedulerIndexedDrawTestCase("long-term"));
        AddTestCase(new SchedulerIndexedDrawTestCase("adaptive"));
    }
};

static LlmEdgeSchedulerTestSuite g_llmEdgeSchedulerTestSuite;
