/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// LlmBlockApplication, LlmRequestSource and InferencePipeline: job
// conservation checked job by job from the traces, per-device energy balance,
// the latency split, the TCP transport over links with delay and rate, and
// link failures counted as drops.

#include "ns3/double.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/error-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/invariant-check.h"
#include "ns3/job-transport.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/llm-edge-trace-helper.h"
#include "ns3/llm-inference-helper.h"
#include "ns3/llm-run-report.h"
#include "ns3/paper-scenario.h"
#include "ns3/pointer.h"
#include "ns3/random-slot-harvester.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simple-channel.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

/// Jobs seen by the traces, to check conservation independently of counters.
struct Ledger
{
    std::set<uint64_t> completed;
    std::set<uint64_t> dropped;
    uint64_t duplicates{0};
    std::vector<InferencePipeline::Completion> splits;

    void Connect(Ptr<InferencePipeline> p)
    {
        p->TraceConnectWithoutContext(
            "Completed",
            MakeCallback(+[](Ledger* l, uint64_t id, Time) {
                             l->duplicates += l->completed.count(id) + l->dropped.count(id);
                             l->completed.insert(id);
                         }).Bind(this));
        p->TraceConnectWithoutContext(
            "Dropped",
            MakeCallback(+[](Ledger* l, uint64_t id, uint32_t, uint32_t) {
                             l->duplicates += l->completed.count(id) + l->dropped.count(id);
                             l->dropped.insert(id);
                         }).Bind(this));
    }
};

uint64_t
HeldByApps(Ptr<InferencePipeline> p)
{
    uint64_t n = 0;
    for (uint32_t l = 0; l < p->GetNLayers(); ++l)
    {
        for (const auto& a : p->GetLayer(l))
        {
            n += a->GetJobsHeld();
        }
    }
    return n;
}

} // namespace

/**
 * \ingroup llm-edge-tests
 * Zero-communication 3 x 3: conservation and energy balance for each policy.
 */
class ZeroCommunicationTestCase : public TestCase
{
  public:
    ZeroCommunicationTestCase(std::string policy, std::string accounting)
        : TestCase("Zero-communication 3x3 (" + policy + ", " + accounting +
                   "): job conservation, energy balance, latency split"),
          m_policy(policy),
          m_accounting(accounting)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(5);
        RngSeedManager::SetRun(9);
        LlmInferenceHelper h;
        h.Devices().SetBatteryAttribute("InitialFraction", DoubleValue(0.3));
        h.Devices().SetDeviceAttribute("Accounting", StringValue(m_accounting));
        h.SetSchedulerAttribute("Policy", StringValue(m_policy));
        h.SetSourceAttribute("Probability", DoubleValue(0.7));
        auto layers = LlmInferenceHelper::CreateLayout(3, 3);
        NodeContainer src;
        src.Create(1);
        Ptr<InferencePipeline> p = h.Install(layers, src.Get(0));
        LlmInferenceHelper::SetNodeSpecificHarvest(p, 300);
        LlmInferenceHelper::AssignStreams(p, 100);
        Ledger ledger;
        ledger.Connect(p);
        Time end = Seconds(100 * 2000);
        Simulator::Stop(end);
        Simulator::Run();
        LlmRunReport r = LlmRunReport::Collect(p, end);
        uint64_t arrived = p->GetSource()->GetGenerated();
        NS_TEST_ASSERT_MSG_GT(arrived, 1000u, "enough jobs");
        NS_TEST_ASSERT_MSG_EQ(ledger.duplicates, 0u, "a job ends once");
        NS_TEST_ASSERT_MSG_EQ(arrived,
                              ledger.completed.size() + ledger.dropped.size() + HeldByApps(p),
                              "arrived = completed + dropped + in flight (from the traces)");
        NS_TEST_ASSERT_MSG_EQ(p->GetHeld(), HeldByApps(p), "held counter = jobs in the tables");
        NS_TEST_ASSERT_MSG_EQ(p->GetOnWire(), 0u, "nothing on the wire in the baseline");
        auto violations = InvariantCheck::Check(p);
        NS_TEST_ASSERT_MSG_EQ(violations.size(), 0u, (violations.empty() ? "" : violations[0]));
        NS_TEST_ASSERT_MSG_GT(ledger.dropped.size(), 0u, "the harvest is scarce: some drops");
        NS_TEST_ASSERT_MSG_GT(ledger.completed.size(), 0u, "and some completions");
        NS_TEST_ASSERT_MSG_LT(r.maxBalanceErrorJ, 1e-6, "every device's energy balance");
        NS_TEST_ASSERT_MSG_GT(r.powerSavingFraction, 0.0, "power saving happens");
        for (const auto& c : p->GetCompletions())
        {
            NS_TEST_ASSERT_MSG_EQ(c.network, Seconds(0), "no network in the baseline");
            NS_TEST_ASSERT_MSG_EQ(c.latency, c.queueWait + c.compute, "latency split");
            NS_TEST_ASSERT_MSG_GT_OR_EQ(c.compute.GetSeconds(), 300.0, "three blocks of >= 100 s");
        }
        Simulator::Destroy();
    }

    std::string m_policy;
    std::string m_accounting;
};

/**
 * \ingroup llm-edge-tests
 * A user's transport: every hop between two nodes takes a fixed delay (no
 * packets). What a JobTransport subclass must do: report each transfer to
 * the pipeline and count what each sender has on the wire.
 */
class FixedDelayTransport : public JobTransport
{
  public:
    explicit FixedDelayTransport(Time delay)
        : m_delay(delay)
    {
    }

    bool UsesNetwork() const override
    {
        return true;
    }

    void Send(const InferenceJob& job,
              uint32_t hop,
              Ptr<InferenceEndpoint> from,
              Ptr<InferenceEndpoint> to) override
    {
        if (from->GetNode() == to->GetNode())
        {
            JobTransport::Send(job, hop, from, to);
            return;
        }
        InferenceJob sent = job;
        sent.sentAt = Simulator::Now();
        GetPipeline()->NotifyTransferBegun(sent, hop);
        ++m_sending[PeekPointer(from)];
        ++sends;
        Simulator::Schedule(m_delay, &FixedDelayTransport::Arrive, this, sent, hop, from, to);
    }

    uint32_t GetTransfersOutstanding(Ptr<const InferenceEndpoint> sender) const override
    {
        auto it = m_sending.find(PeekPointer(sender));
        return it == m_sending.end() ? 0 : it->second;
    }

    uint64_t sends{0}; ///< transfers begun

  private:
    void Arrive(InferenceJob job, uint32_t hop, Ptr<InferenceEndpoint> from, Ptr<InferenceEndpoint> to)
    {
        --m_sending[PeekPointer(from)];
        GetPipeline()->NotifyTransferDelivered(job,
                                               hop,
                                               from->GetNode()->GetId(),
                                               to->GetNode()->GetId());
        job.network += Simulator::Now() - job.sentAt;
        to->ReceiveJob(job);
    }

    Time m_delay;
    std::map<const InferenceEndpoint*, uint32_t> m_sending;
};

/**
 * \ingroup llm-edge-tests
 * A user's JobTransport set on the pipeline carries every hop: each completed
 * job spent exactly (layers + 1) delays on the network, the accounts and
 * invariants hold with jobs still on the wire at the end.
 */
class UserTransportTestCase : public TestCase
{
  public:
    UserTransportTestCase()
        : TestCase("A user's JobTransport (fixed delay per hop) carries every hop")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(3);
        RngSeedManager::SetRun(4);
        LlmInferenceHelper h;
        h.Devices().SetBatteryAttribute("InitialFraction", DoubleValue(0.6));
        h.SetSourceAttribute("Probability", DoubleValue(0.5));
        auto layers = LlmInferenceHelper::CreateLayout(2, 2);
        NodeContainer src;
        src.Create(1);
        Ptr<InferencePipeline> p = h.Install(layers, src.Get(0));
        const Time delay = Seconds(7);
        auto t = CreateObject<FixedDelayTransport>(delay);
        p->SetTransport(t);
        NS_TEST_ASSERT_MSG_EQ(p->GetTransport(), Ptr<JobTransport>(t), "the pipeline's transport");
        NS_TEST_ASSERT_MSG_EQ(p->UsesNetwork(), true, "the transport's answer");
        LlmInferenceHelper::SetNodeSpecificHarvest(p, 500);
        LlmInferenceHelper::AssignStreams(p, 50);
        Ledger ledger;
        ledger.Connect(p);
        // Stop 1 s after the first transfer begun past 20 000 s: it is still
        // on the wire at the end.
        p->TraceConnectWithoutContext(
            "Transfer",
            MakeCallback(+[](uint64_t, uint32_t, uint32_t event) {
                static bool stopping = false;
                if (!stopping && event == InferencePipeline::TRANSFER_BEGUN &&
                    Simulator::Now() > Seconds(20000))
                {
                    stopping = true;
                    Simulator::Stop(Seconds(1));
                }
            }));
        Simulator::Stop(Seconds(100 * 1000)); // in case
        Simulator::Run();
        NS_TEST_ASSERT_MSG_GT(ledger.completed.size(), 50u, "jobs complete");
        NS_TEST_ASSERT_MSG_GT(t->sends, 3 * ledger.completed.size() - 1, "three hops per job");
        for (const auto& c : p->GetCompletions())
        {
            NS_TEST_ASSERT_MSG_EQ(c.network, 3 * delay, "network time: three hops of 7 s");
        }
        NS_TEST_ASSERT_MSG_GT(p->GetOnWire(), 0u, "jobs on the wire at the end");
        auto violations = InvariantCheck::Check(p);
        NS_TEST_ASSERT_MSG_EQ(violations.size(), 0u, (violations.empty() ? "" : violations[0]));
        Simulator::Destroy();
    }
};

/**
 * \ingroup llm-edge-tests
 * LlmEdgeTraceHelper::EnableJobPaths: every completed job visits each layer
 * once, in order, its times add up, and the end rows match the accounts.
 */
class JobPathsTestCase : public TestCase
{
  public:
    JobPathsTestCase()
        : TestCase("Job paths CSV: one served row per layer in order, times add up, ends counted")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(2);
        RngSeedManager::SetRun(5);
        LlmInferenceHelper h;
        h.Devices().SetBatteryAttribute("InitialFraction", DoubleValue(0.3));
        h.SetSourceAttribute("Probability", DoubleValue(0.7));
        NodeContainer src;
        src.Create(1);
        Ptr<InferencePipeline> p = h.Install(LlmInferenceHelper::CreateLayout(3, 2), src.Get(0));
        LlmInferenceHelper::SetNodeSpecificHarvest(p, 300);
        LlmInferenceHelper::AssignStreams(p, 9);
        std::string file = CreateTempDirFilename("paths.csv");
        auto stream = Create<OutputStreamWrapper>(file, std::ios::out);
        LlmEdgeTraceHelper().EnableJobPaths(stream, p);
        Simulator::Stop(Seconds(100 * 1500));
        Simulator::Run();
        stream->GetStream()->flush();
        std::ifstream in(file);
        std::string line;
        std::getline(in, line);
        NS_TEST_ASSERT_MSG_EQ(line, LlmEdgeTraceHelper::GetJobPathHeader(), "header");
        struct Visit
        {
            uint32_t layer;
            double arrived;
            double left;
        };
        std::map<uint64_t, std::vector<Visit>> served;
        uint64_t completed = 0;
        uint64_t dropped = 0;
        while (std::getline(in, line))
        {
            std::vector<std::string> f;
            std::stringstream ss(line);
            for (std::string x; std::getline(ss, x, ',');)
            {
                f.push_back(x);
            }
            NS_TEST_ASSERT_MSG_EQ(f.size(), 9u, "nine fields: " << line);
            uint64_t job = std::stoull(f[0]);
            uint32_t layer = static_cast<uint32_t>(std::stoul(f[1]));
            double arrived = std::stod(f[3]);
            double left = std::stod(f[4]);
            if (f[8] == "served")
            {
                double parts = std::stod(f[5]) + std::stod(f[6]) + std::stod(f[7]);
                NS_TEST_ASSERT_MSG_EQ_TOL(left - arrived, parts, 1e-6, "stay = queue + batch + service");
                bool inLayer = false;
                for (const auto& app : p->GetLayer(layer))
                {
                    inLayer = inLayer || f[2] == std::to_string(app->GetNode()->GetId());
                }
                NS_TEST_ASSERT_MSG_EQ(inLayer, true, "node " << f[2] << " serves layer " << layer);
                served[job].push_back({layer, arrived, left});
            }
            else if (f[8] == "completed")
            {
                ++completed;
                NS_TEST_ASSERT_MSG_EQ(layer, 3u, "completion at the source (hop L)");
                const auto& v = served[job];
                NS_TEST_ASSERT_MSG_EQ(v.size(), 3u, "three blocks before the result, job " << job);
                for (uint32_t l = 0; l < v.size(); ++l)
                {
                    NS_TEST_ASSERT_MSG_EQ(v[l].layer, l, "layers in order");
                    if (l > 0)
                    {
                        NS_TEST_ASSERT_MSG_EQ_TOL(v[l].arrived, v[l - 1].left, 1e-9, "no network");
                    }
                }
                NS_TEST_ASSERT_MSG_EQ_TOL(arrived, v.back().left, 1e-9, "result at once");
            }
            else
            {
                NS_TEST_ASSERT_MSG_EQ(f[8].rfind("dropped:", 0), 0u, "an end is completed or dropped");
                ++dropped;
            }
        }
        NS_TEST_ASSERT_MSG_GT(completed, 100u, "jobs completed");
        NS_TEST_ASSERT_MSG_EQ(completed, p->GetCompleted(), "completed rows = accounts");
        NS_TEST_ASSERT_MSG_EQ(dropped, p->GetDroppedTotal(), "dropped rows = accounts");
        Simulator::Destroy();
    }
};

/**
 * \ingroup llm-edge-tests
 * TCP over links with delay and rate: activations arrive, network time counted.
 */
class TcpTransportTestCase : public TestCase
{
  public:
    TcpTransportTestCase(bool broken)
        : TestCase(broken ? "TCP transport: a dead link is a link-failure drop"
                          : "TCP transport over 100 Mbps 5 ms links with 1 MiB per hop"),
          m_broken(broken)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        // Source and one device per layer on one shared SimpleChannel.
        NodeContainer all;
        all.Create(4);
        Ptr<SimpleChannel> ch = CreateObject<SimpleChannel>();
        ch->SetAttribute("Delay", TimeValue(MilliSeconds(5)));
        NetDeviceContainer nd;
        for (uint32_t i = 0; i < all.GetN(); ++i)
        {
            Ptr<SimpleNetDevice> d = CreateObject<SimpleNetDevice>();
            d->SetAttribute("DataRate", DataRateValue(DataRate("100Mbps")));
            d->SetAddress(Mac48Address::Allocate());
            d->SetChannel(ch);
            all.Get(i)->AddDevice(d);
            nd.Add(d);
        }
        if (m_broken)
        {
            Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
            em->SetAttribute("ErrorRate", DoubleValue(1.0));
            em->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
            DynamicCast<SimpleNetDevice>(nd.Get(2))->SetAttribute("ReceiveErrorModel", PointerValue(em));
        }
        InternetStackHelper stack;
        stack.Install(all);
        Ipv4AddressHelper ip;
        ip.SetBase("10.1.0.0", "255.255.255.0");
        ip.Assign(nd);

        LlmInferenceHelper h;
        h.SetPipelineAttribute("Transport", StringValue("tcp"));
        h.Devices().SetHarvesterAttribute("SlotEnergyJ", StringValue("ns3::ConstantRandomVariable[Constant=5000]"));
        h.SetSourceAttribute("Probability", DoubleValue(0.2));
        std::vector<NodeContainer> layers = {NodeContainer(all.Get(1)), NodeContainer(all.Get(2)),
                                             NodeContainer(all.Get(3))};
        Ptr<InferencePipeline> p = h.Install(layers, all.Get(0));
        LlmInferenceHelper::AssignStreams(p, 7);
        Ledger ledger;
        ledger.Connect(p);
        Time end = Seconds(100 * 150);
        Simulator::Stop(end);
        Simulator::Run();
        uint64_t arrived = p->GetSource()->GetGenerated();
        NS_TEST_ASSERT_MSG_GT(arrived, 20u, "jobs arrived");
        NS_TEST_ASSERT_MSG_EQ(ledger.duplicates, 0u, "a job ends once");
        if (m_broken)
        {
            NS_TEST_ASSERT_MSG_GT(p->GetDropped(InferencePipeline::LINK_FAILURE), 0u, "link failures");
            NS_TEST_ASSERT_MSG_EQ(p->GetCompleted(), 0u, "nothing crosses the dead link");
        }
        else
        {
            // One device per layer: a job dispatched while the next device
            // holds a pending job is dropped (no device available).
            NS_TEST_ASSERT_MSG_EQ(p->GetDropped(InferencePipeline::LINK_FAILURE), 0u, "no link failure");
            NS_TEST_ASSERT_MSG_GT(p->GetCompleted(), arrived * 7 / 10, "most jobs complete");
            for (const auto& c : p->GetCompletions())
            {
                // 4 hops of 1 MiB at 100 Mbit/s plus handshakes: well above 4 x 84 ms.
                NS_TEST_ASSERT_MSG_GT(c.network.GetSeconds(), 4 * 0.084, "network time");
                NS_TEST_ASSERT_MSG_LT(c.network.GetSeconds(), 10.0, "but not absurd");
                NS_TEST_ASSERT_MSG_EQ(c.latency, c.queueWait + c.compute + c.network, "latency split");
            }
        }
        // Conservation from independent terms: the traces' jobs, the held
        // and on-the-wire counters (each moved where a job enters or leaves).
        NS_TEST_ASSERT_MSG_EQ(arrived,
                              ledger.completed.size() + ledger.dropped.size() + p->GetHeld() +
                                  p->GetOnWire(),
                              "conservation");
        NS_TEST_ASSERT_MSG_EQ(p->GetHeld(), HeldByApps(p), "held counter = jobs in the tables");
        auto violations = InvariantCheck::Check(p);
        NS_TEST_ASSERT_MSG_EQ(violations.size(), 0u, (violations.empty() ? "" : violations[0]));
        Simulator::Destroy();
    }

    bool m_broken;
};

/**
 * \ingroup llm-edge-tests
 * Replications on reset objects equal replications on fresh objects.
 */
class RunSeriesTestCase : public TestCase
{
  public:
    RunSeriesTestCase(std::string policy)
        : TestCase("PaperScenario::RunSeries equals Run for each RngRun (" + policy + ")"),
          m_policy(policy)
    {
    }

  private:
    void DoRun() override
    {
        PaperScenario sc;
        sc.policy = m_policy;
        sc.q = 0.7;
        sc.initialFraction = 0.15;
        auto series = sc.RunSeries(3, 15);
        NS_TEST_ASSERT_MSG_EQ(series.size(), 15u, "one report per run");
        for (uint32_t i = 0; i < 15; ++i)
        {
            std::vector<double> fresh = sc.Run(3 + i).Values();
            std::vector<double> reused = series[i].Values();
            for (std::size_t k = 0; k < fresh.size(); ++k)
            {
                NS_TEST_ASSERT_MSG_EQ_TOL(reused[k],
                                          fresh[k],
                                          1e-9 * std::max(1.0, std::abs(fresh[k])),
                                          "run " << 3 + i << ", " << LlmRunReport::Names()[k]);
            }
        }
    }

    std::string m_policy;
};

/**
 * \ingroup llm-edge-tests
 * The pipeline suite.
 */
class LlmEdgePipelineTestSuite : public TestSuite
{
  public:
    LlmEdgePipelineTestSuite()
        : TestSuite("llm-edge-pipeline", TestSuite::Type::UNIT)
    {
        for (const char* pol : {"uniform", "long-term", "adaptive"})
        {
            AddTestCase(new ZeroCommunicationTestCase(pol, "Slotted"));
        }
        AddTestCase(new ZeroCommunicationTestCase("adaptive", "Continuous"));
        for (const char* pol : {"uniform", "long-term", "adaptive"})
        {
            AddTestCase(new RunSeriesTestCase(pol));
        }
        AddTestCase(new UserTransportTestCase());
        AddTestCase(new JobPathsTestCase());
        AddTestCase(new TcpTransportTestCase(false));
        AddTestCase(new TcpTransportTestCase(true));
    }
};

static LlmEdgePipelineTestSuite g_llmEdgePipelineTestSuite;
