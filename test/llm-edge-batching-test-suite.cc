/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ns-3 tests of Accounting "Batched" (BatchedAccounting) and of requests
// with token counts: batches follow the device profile exactly (time,
// energy, timeout, memory), the latency split sums to the latency, the
// latency-aware policy sees a queued batch, and requests are conserved.
// Expectations are closed forms computed here from the profile rows' fields
// (fixed + per-token x sum(input) + per-step x max(output)), not through
// DeviceProfileTable's batch formulas.

#include "ns3/config-error.h"
#include "ns3/device-profile.h"
#include "ns3/double.h"
#include "ns3/energy-aware-policy.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/energy-harvesting-orin-device.h"
#include "ns3/function-compat.h"
#include "ns3/inference-pipeline.h"
#include "ns3/invariant-check.h"
#include "ns3/latency-aware-policy.h"
#include "ns3/llm-block-application.h"
#include "ns3/llm-inference-helper.h"
#include "ns3/llm-request-source.h"
#include "ns3/llm-run-report.h"
#include "ns3/node-container.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

const std::string kModel = "llama-3.2-3b-q4km";

/// \param kind device kind \return its profile file
std::string
ProfileFile(const std::string& kind)
{
    return std::string(LLM_EDGE_DATA_DIR) + "/device-profiles/" + kind + ".csv";
}

/// \param kind device kind \param b batch size \return the profile row
DeviceProfileRow
Row(const std::string& kind, unsigned b)
{
    return DeviceProfileTable::LoadCsv(ProfileFile(kind)).Get(kind, kModel, b);
}

/// Closed forms of one batch from the row's fields.
struct Closed
{
    double timeS;   ///< batch time, s
    double energyJ; ///< batch energy, J
};

/// \param kind device kind \param batch the requests' tokens \return time and energy
Closed
BatchClosedForm(const std::string& kind, const std::vector<JobTokens>& batch)
{
    DeviceProfileRow r = Row(kind, static_cast<unsigned>(batch.size()));
    double in = 0;
    double out = 0;
    for (const auto& t : batch)
    {
        in += t.input;
        out = std::max(out, static_cast<double>(t.output));
    }
    return {r.fixedS + r.prefillSPerToken * in + r.decodeSPerStep * out,
            r.fixedJ + r.prefillJPerToken * in + r.decodeJPerStep * out};
}

/// Device settings of a test.
struct Setup
{
    std::string kind{"orin-nx-8gb"}; ///< device kind
    uint32_t maxBatch{4};            ///< B
    Time timeout{Seconds(5)};        ///< BatchTimeout
    uint32_t capacity{8};            ///< QueueCapacity
};

/// \param h a device helper \param s the settings (Batched, full 1 MJ battery, no harvest)
void
Configure(EnergyHarvestingOrinDeviceHelper& h, const Setup& s)
{
    h.SetBatteryAttribute("CapacityJ", DoubleValue(1e6));
    h.SetBatteryAttribute("InitialFraction", DoubleValue(1.0));
    h.SetHarvesterAttribute("SlotEnergyJ",
                            StringValue("ns3::ConstantRandomVariable[Constant=0]"));
    h.SetDeviceAttribute("Accounting", StringValue("Batched"));
    h.SetDeviceAttribute("DeviceProfileFile", StringValue(ProfileFile(s.kind)));
    h.SetDeviceAttribute("DeviceKind", StringValue(s.kind));
    h.SetDeviceAttribute("ModelName", StringValue(kModel));
    h.SetDeviceAttribute("MaxBatch", UintegerValue(s.maxBatch));
    h.SetDeviceAttribute("BatchTimeout", TimeValue(s.timeout));
    h.SetDeviceAttribute("QueueCapacity", UintegerValue(s.capacity));
}

/// \param s the settings \return one batched device on a fresh node
Ptr<EnergyHarvestingOrinDevice>
MakeDevice(const Setup& s)
{
    NodeContainer n;
    n.Create(1);
    EnergyHarvestingOrinDeviceHelper h;
    Configure(h, s);
    return h.Install(n.Get(0));
}

/// What a device did with the jobs offered in a test.
struct Log
{
    std::vector<Time> done;       ///< completion times, in completion order
    std::vector<Time> batchWaits; ///< their batch waits
    std::vector<Time> services;   ///< their service times
};

/// Offer a job with \p tokens to \p d now, logging its end in \p log.
bool
Offer(Ptr<EnergyHarvestingOrinDevice> d,
      uint64_t id,
      JobTokens tokens,
      Log* log,
      EnergyHarvestingOrinDevice::DropReason* reason = nullptr)
{
    auto cb = [d, log](uint64_t, bool ok) {
        if (ok)
        {
            log->done.push_back(Simulator::Now());
            log->batchWaits.push_back(d->GetLastBatchWait());
            log->services.push_back(d->GetLastServiceTime());
        }
    };
    return d->SubmitJob(id, MakeFunctionCallback<void, uint64_t, bool>(cb), reason, tokens);
}

} // namespace

/**
 * \ingroup llm-edge-tests
 * B requests arriving together form one batch of B that runs for the
 * profile's time; the battery drops by the profile's energy plus idle power
 * over the rest of the run.
 */
class BatchTimeEnergyTestCase : public TestCase
{
  public:
    BatchTimeEnergyTestCase()
        : TestCase("B requests together: one batch, table time and energy, battery drop")
    {
    }

  private:
    void DoRun() override
    {
        Setup s;
        Ptr<EnergyHarvestingOrinDevice> d = MakeDevice(s);
        std::vector<JobTokens> tokens{{100, 50}, {200, 30}, {50, 80}, {120, 60}};
        Log log;
        uint32_t busyEntries = 0;
        d->TraceConnectWithoutContext(
            "State",
            MakeBoundCallback(
                +[](uint32_t* n, int32_t, int32_t s) {
                    *n += s == EnergyHarvestingOrinDevice::BUSY ? 1 : 0;
                },
                &busyEntries));
        ScheduleFunction(Seconds(1), [&]() {
            for (uint64_t i = 0; i < tokens.size(); ++i)
            {
                Offer(d, i, tokens[i], &log);
            }
        });
        const double endS = 20;
        Simulator::Stop(Seconds(endS));
        Simulator::Run();
        Closed c = BatchClosedForm(s.kind, tokens);
        double idleW = Row(s.kind, 1).idlePowerW;
        NS_TEST_ASSERT_MSG_EQ(busyEntries, 1u, "one batch");
        NS_TEST_ASSERT_MSG_EQ(log.done.size(), 4u, "all four complete");
        for (std::size_t i = 0; i < log.done.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(log.done[i].GetSeconds(), 1 + c.timeS, 1e-9, "batch end");
            NS_TEST_ASSERT_MSG_EQ_TOL(log.services[i].GetSeconds(), c.timeS, 1e-9, "service");
            NS_TEST_ASSERT_MSG_EQ(log.batchWaits[i], Seconds(0), "a full batch starts at once");
        }
        double drop = 1e6 - d->GetBattery()->GetRemainingEnergy();
        NS_TEST_ASSERT_MSG_EQ_TOL(drop, c.energyJ + idleW * (endS - c.timeS), 1e-6, "battery drop");
        NS_TEST_ASSERT_MSG_EQ_TOL(d->GetTotalEnergyConsumption(), drop, 1e-6, "device's own draw");
        Simulator::Destroy();
    }
};

/**
 * \ingroup llm-edge-tests
 * Timeout rule: a lone request starts after exactly BatchTimeout; two
 * requests 2 s apart start together at the first one's timeout; requests
 * arriving while the device is busy start as soon as it is idle when the
 * oldest has waited the timeout.
 */
class BatchTimeoutTestCase : public TestCase
{
  public:
    BatchTimeoutTestCase()
        : TestCase("Timeout rule: a partial batch starts at its oldest request's timeout")
    {
    }

  private:
    void DoRun() override
    {
        Setup s; // B = 4, timeout 5 s
        Ptr<EnergyHarvestingOrinDevice> d = MakeDevice(s);
        Log log;
        JobTokens a{100, 50};
        JobTokens b{300, 20};
        ScheduleFunction(Seconds(1), [&]() { Offer(d, 1, a, &log); });
        ScheduleFunction(Seconds(20), [&]() { Offer(d, 2, a, &log); });
        ScheduleFunction(Seconds(22), [&]() { Offer(d, 3, b, &log); });
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        double t1 = BatchClosedForm(s.kind, {a}).timeS;
        double t2 = BatchClosedForm(s.kind, {a, b}).timeS;
        NS_TEST_ASSERT_MSG_EQ(log.done.size(), 3u, "three complete");
        NS_TEST_ASSERT_MSG_EQ_TOL(log.done.at(0).GetSeconds(), 6 + t1, 1e-9, "lone: starts at 1 + 5 s");
        NS_TEST_ASSERT_MSG_EQ(log.batchWaits.at(0), Seconds(5), "lone: batch wait = timeout");
        NS_TEST_ASSERT_MSG_EQ_TOL(log.done.at(1).GetSeconds(), 25 + t2, 1e-9, "pair: at 20 + 5 s");
        NS_TEST_ASSERT_MSG_EQ_TOL(log.done.at(2).GetSeconds(), 25 + t2, 1e-9, "pair: together");
        NS_TEST_ASSERT_MSG_EQ(log.batchWaits.at(1), Seconds(5), "first of the pair waited 5 s");
        NS_TEST_ASSERT_MSG_EQ(log.batchWaits.at(2), Seconds(3), "second of the pair waited 3 s");
        Simulator::Destroy();

        // Arrivals while busy: the batch after the running one starts when
        // the device turns idle if its oldest has waited the timeout.
        Ptr<EnergyHarvestingOrinDevice> e = MakeDevice(Setup{"orin-nx-8gb", 1, Seconds(0.5), 8});
        Log l2;
        JobTokens big{100, 200}; // about 18 s on the Orin NX
        ScheduleFunction(Seconds(1), [&]() {
            Offer(e, 1, big, &l2);
            Offer(e, 2, a, &l2); // waits behind (B = 1)
        });
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        double tb = BatchClosedForm(s.kind, {big}).timeS;
        NS_TEST_ASSERT_MSG_EQ(l2.done.size(), 2u, "both complete");
        NS_TEST_ASSERT_MSG_EQ_TOL(l2.done.at(0).GetSeconds(), 1 + tb, 1e-9, "B = 1: at once");
        NS_TEST_ASSERT_MSG_EQ_TOL(l2.done.at(1).GetSeconds(), 1 + tb + t1, 1e-9, "then the next");
        NS_TEST_ASSERT_MSG_EQ(l2.batchWaits.at(1), Seconds(0), "queued, not batch-waiting");
        Simulator::Destroy();
    }
};

/**
 * \ingroup llm-edge-tests
 * Memory: a request that alone does not fit is refused with MEMORY; a batch
 * is formed only up to what fits.
 */
class BatchMemoryTestCase : public TestCase
{
  public:
    BatchMemoryTestCase()
        : TestCase("Memory: a request too large alone is refused (MEMORY); batches fit")
    {
    }

  private:
    void DoRun() override
    {
        Setup s; // B = 4
        Ptr<EnergyHarvestingOrinDevice> d = MakeDevice(s);
        DeviceProfileTable table = DeviceProfileTable::LoadCsv(ProfileFile(s.kind));
        // Per-request tokens such that two fit together and three do not.
        DeviceProfileRow r2 = table.Get(s.kind, kModel, 2);
        uint32_t perRequest =
            static_cast<uint32_t>((r2.deviceMemoryGb - r2.memoryBaseGb) / r2.kvGbPerToken / 2.5);
        JobTokens mid{perRequest - 20, 20};
        NS_TEST_ASSERT_MSG_EQ(table.CheckMemory(s.kind, kModel, BatchTokens::Uniform(2, mid.input, 20)).fits,
                              true,
                              "precondition: two fit");
        NS_TEST_ASSERT_MSG_EQ(table.CheckMemory(s.kind, kModel, BatchTokens::Uniform(3, mid.input, 20)).fits,
                              false,
                              "precondition: three do not");
        JobTokens huge{200000, 10};
        Log log;
        EnergyHarvestingOrinDevice::DropReason reason = EnergyHarvestingOrinDevice::DROP_REASONS;
        bool accepted = true;
        ScheduleFunction(Seconds(1), [&]() {
            accepted = Offer(d, 0, huge, &log, &reason);
            for (uint64_t i = 1; i <= 3; ++i)
            {
                Offer(d, i, mid, &log);
            }
        });
        Simulator::Stop(Seconds(600));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(accepted, false, "too large alone: refused");
        NS_TEST_ASSERT_MSG_EQ(reason, EnergyHarvestingOrinDevice::MEMORY, "reason MEMORY");
        NS_TEST_ASSERT_MSG_EQ(JobDropReasons::DropReasonName(reason), "memory", "its name");
        NS_TEST_ASSERT_MSG_EQ(d->GetJobsRefused(EnergyHarvestingOrinDevice::MEMORY), 1u, "counted");
        NS_TEST_ASSERT_MSG_EQ(log.done.size(), 3u, "the three that fit alone complete");
        double t2 = BatchClosedForm(s.kind, {mid, mid}).timeS;
        double t1 = BatchClosedForm(s.kind, {mid}).timeS;
        // Two batches: 2 (memory-limited, so at once) and then 1.
        NS_TEST_ASSERT_MSG_EQ_TOL(log.done.at(0).GetSeconds(), 1 + t2, 1e-9, "first batch of 2");
        NS_TEST_ASSERT_MSG_EQ(log.done.at(1), log.done.at(0), "first batch of 2: together");
        // The third waited since 1 s, longer than the timeout: it starts at once.
        NS_TEST_ASSERT_MSG_EQ_TOL(log.done.at(2).GetSeconds(), 1 + t2 + t1, 1e-9, "then alone");
        Simulator::Destroy();
    }
};

/// \param s settings \return a block application on a batched device
Ptr<LlmBlockApplication>
MakeApp(Setup s)
{
    Ptr<LlmBlockApplication> app = CreateObject<LlmBlockApplication>();
    app->SetDevice(MakeDevice(s));
    return app;
}

/**
 * \ingroup llm-edge-tests
 * Latency-aware routing over batched devices: the expectation includes the
 * running batch and a queued batch; energy-aware reads the batch share.
 */
class BatchRoutingTestCase : public TestCase
{
  public:
    BatchRoutingTestCase()
        : TestCase("Latency-aware picks the least completion including a queued batch")
    {
    }

  private:
    void DoRun() override
    {
        // A: RTX 2000 Ada, B = 2, no timeout; O: Orin NX, B = 2, no timeout.
        // A runs a lone request; then two more wait as a batch of 2.
        std::vector<Ptr<LlmBlockApplication>> layer{
            MakeApp(Setup{"rtx-2000-ada-16gb", 2, Seconds(0), 8}),
            MakeApp(Setup{"orin-nx-8gb", 2, Seconds(0), 8})};
        Ptr<InferencePipeline> pipeline = CreateObject<InferencePipeline>();
        Ptr<LatencyAwarePolicy> latency = CreateObject<LatencyAwarePolicy>();
        Ptr<EnergyAwarePolicy> energy = CreateObject<EnergyAwarePolicy>();
        JobTokens job{100, 50};
        JobTokens q{100, 200};
        InferenceJob j;
        j.inputTokens = job.input;
        j.outputTokens = job.output;
        std::vector<uint32_t> chosen;
        std::vector<double> expectedA;
        double energyShare = 0;
        Log log;
        auto route = [&](Ptr<InferencePolicy> p) {
            return p->Route({0, j, nullptr, layer, *pipeline});
        };
        ScheduleFunction(Seconds(1), [&]() {
            Ptr<EnergyHarvestingOrinDevice> a = layer[0]->GetDevice();
            Offer(a, 1, job, &log); // timeout 0: runs alone at once
            expectedA.push_back(a->GetExpectedCompletion(job).GetSeconds());
            chosen.push_back(route(latency));
            Offer(a, 3, q, &log);
            Offer(a, 4, q, &log); // a queued batch of 2 behind it
            expectedA.push_back(a->GetExpectedCompletion(job).GetSeconds());
            chosen.push_back(route(latency));
            // The idle Orin (timeout 0 s): the job would run alone.
            energyShare = layer[1]->GetDevice()->GetExpectedEnergyPerJobJ(job);
        });
        Simulator::Stop(Seconds(1.5));
        Simulator::Run();
        double running = BatchClosedForm("rtx-2000-ada-16gb", {job}).timeS;
        double queued = BatchClosedForm("rtx-2000-ada-16gb", {q, q}).timeS;
        double own = BatchClosedForm("rtx-2000-ada-16gb", {job}).timeS;
        double orin = BatchClosedForm("orin-nx-8gb", {job}).timeS;
        NS_TEST_ASSERT_MSG_EQ(chosen.size(), 2u, "two decisions");
        NS_TEST_ASSERT_MSG_EQ_TOL(expectedA.at(0), running + own, 1e-9, "running batch + own");
        NS_TEST_ASSERT_MSG_EQ_TOL(expectedA.at(1), running + queued + own, 1e-9,
                                  "running + queued batch + own");
        NS_TEST_ASSERT_MSG_LT(running + own, orin, "precondition: A wins without the queue");
        NS_TEST_ASSERT_MSG_GT(running + queued + own, orin, "precondition: O wins with it");
        NS_TEST_ASSERT_MSG_EQ(chosen[0], 0u, "A: the least completion");
        NS_TEST_ASSERT_MSG_EQ(chosen[1], 1u, "the queued batch makes the idle Orin faster");
        NS_TEST_ASSERT_MSG_EQ_TOL(energyShare,
                                  BatchClosedForm("orin-nx-8gb", {job}).energyJ,
                                  1e-9,
                                  "energy of the batch the job would join / its size");
        Simulator::Destroy();

        // Energy share of a batch being formed: one request waits (timeout
        // 10 s), a new one would join it: energy of the pair / 2.
        Ptr<EnergyHarvestingOrinDevice> d = MakeDevice(Setup{"orin-nx-8gb", 4, Seconds(10), 8});
        double share = 0;
        Time expected;
        ScheduleFunction(Seconds(1), [&]() { Offer(d, 1, q, &log); });
        ScheduleFunction(Seconds(3), [&]() {
            share = d->GetExpectedEnergyPerJobJ(job);
            expected = d->GetExpectedCompletion(job);
        });
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ_TOL(share, BatchClosedForm("orin-nx-8gb", {q, job}).energyJ / 2, 1e-9,
                                  "pair's energy / 2");
        NS_TEST_ASSERT_MSG_EQ_TOL(expected.GetSeconds(),
                                  8 + BatchClosedForm("orin-nx-8gb", {q, job}).timeS,
                                  1e-9,
                                  "starts at the oldest's timeout (11 s), 8 s from now");
        Simulator::Destroy();
    }
};

/**
 * \ingroup llm-edge-tests
 * A pipeline of batched devices fed with token-count requests: the latency
 * split sums to the latency for every completion, requests are conserved,
 * and tokens travel with the job.
 */
class BatchPipelineTestCase : public TestCase
{
  public:
    BatchPipelineTestCase(std::string arrivals)
        : TestCase("Batched 2 x 3 pipeline (" + arrivals +
                   "): latency split sums, requests conserved"),
          m_arrivals(arrivals)
    {
    }

  private:
    void DoRun() override
    {
        LlmInferenceHelper llm;
        Configure(llm.Devices(), Setup{"orin-nx-8gb", 4, Seconds(2), 4});
        llm.SetPolicy("ns3::llmedge::LatencyAwarePolicy");
        if (m_arrivals == "workload")
        {
            llm.SetSourceAttribute("Arrivals", StringValue("workload"));
            llm.SetSourceAttribute("WorkloadFile",
                                   StringValue(std::string(LLM_EDGE_DATA_DIR) +
                                               "/workload/synthetic-prompts.csv"));
        }
        else
        {
            llm.SetSourceAttribute("Arrivals", StringValue("poisson"));
            llm.SetSourceAttribute("RatePerSecond", DoubleValue(1.0));
            llm.SetSourceAttribute(
                "InputTokens",
                StringValue("ns3::UniformRandomVariable[Min=10|Max=400]"));
            llm.SetSourceAttribute(
                "OutputTokens",
                StringValue("ns3::ExponentialRandomVariable[Mean=60|Bound=400]"));
        }
        NodeContainer source;
        source.Create(1);
        Ptr<InferencePipeline> p = llm.Install(LlmInferenceHelper::CreateLayout(2, 3), source.Get(0));
        LlmInferenceHelper::AssignStreams(p, 11);
        Simulator::Stop(Seconds(400));
        Simulator::Run();
        std::vector<std::string> violations = InvariantCheck::Check(p);
        NS_TEST_ASSERT_MSG_EQ(violations.empty(), true, (violations.empty() ? "" : violations.front()));
        NS_TEST_ASSERT_MSG_GT(p->GetCompleted(), 50u, "requests complete");
        InferencePipeline::JobAccounts a = p->GetAccounts();
        uint64_t dropped = 0;
        for (auto v : a.dropped)
        {
            dropped += v;
        }
        NS_TEST_ASSERT_MSG_EQ(a.arrived, a.completed + dropped + p->GetHeld() + p->GetOnWire(),
                              "arrived = completed + dropped + held + on the wire");
        Time batchWait;
        uint64_t withTokens = 0;
        for (const auto& c : p->GetCompletions())
        {
            NS_TEST_ASSERT_MSG_EQ(c.batchWait + c.queueWait + c.compute + c.network,
                                  c.latency,
                                  "split of job " << c.id);
            batchWait += c.batchWait;
            withTokens += c.inputTokens >= 1 && c.outputTokens >= 1 ? 1 : 0;
        }
        NS_TEST_ASSERT_MSG_GT(batchWait, Seconds(0), "some requests waited for a batch");
        NS_TEST_ASSERT_MSG_EQ(withTokens, p->GetCompletions().size(), "tokens travel with jobs");
        LlmRunReport r = LlmRunReport::Collect(p, Seconds(400));
        NS_TEST_ASSERT_MSG_EQ(LlmRunReport::AllNames().size(), r.AllValues().size(), "columns");
        auto names = LlmRunReport::AllNames();
        std::size_t k = std::find(names.begin(), names.end(), "batch_wait_mean_s") - names.begin();
        NS_TEST_ASSERT_MSG_LT(k, names.size(), "batch wait column");
        NS_TEST_ASSERT_MSG_GT(r.AllValues().at(k), 0.0, "mean batch wait");
        Simulator::Destroy();
    }

    std::string m_arrivals;
};

/**
 * \ingroup llm-edge-tests
 * Bad batching attributes fail with a ConfigError naming the attribute.
 */
class BatchBadAttributeTestCase : public TestCase
{
  public:
    BatchBadAttributeTestCase()
        : TestCase("Bad batching attributes: clear ConfigError messages")
    {
    }

  private:
    /// \return the message of the ConfigError thrown by initializing a
    /// device with \p name = \p value (empty if none)
    std::string Error(const std::string& name, const AttributeValue& value)
    {
        NodeContainer n;
        n.Create(1);
        EnergyHarvestingOrinDeviceHelper h;
        Configure(h, Setup{});
        h.SetDeviceAttribute(name, value);
        std::string message;
        try
        {
            Ptr<EnergyHarvestingOrinDevice> d = h.Install(n.Get(0));
            d->Initialize();
        }
        catch (const ConfigError& e)
        {
            message = e.what();
        }
        Simulator::Destroy();
        return message;
    }

    void Expect(const std::string& message, const std::vector<std::string>& words)
    {
        for (const auto& w : words)
        {
            NS_TEST_EXPECT_MSG_NE(message.find(w), std::string::npos,
                                  "'" << w << "' in: " << message);
        }
    }

    void DoRun() override
    {
        Expect(Error("DeviceProfileFile", StringValue("")), {"DeviceProfileFile", "needs a device profile"});
        Expect(Error("DeviceProfileFile", StringValue("/no/such/profile.csv")),
               {"/no/such/profile.csv"});
        Expect(Error("DeviceKind", StringValue("tpu-9000")), {"tpu-9000"});
        Expect(Error("ModelName", StringValue("gpt-9")), {"gpt-9"});
        Expect(Error("MaxBatch", UintegerValue(17)), {"MaxBatch = 17", "no profile row"});
        Expect(Error("MaxBatch", UintegerValue(0)), {"MaxBatch", "must lie in [1, 4096]"});
        Expect(Error("QueueCapacity", UintegerValue(0)), {"QueueCapacity", "must lie in [1, 1e6]"});
        Expect(Error("BatchTimeout", TimeValue(Seconds(-1))), {"BatchTimeout", "must be >= 0"});
        Expect(Error("Accounting", StringValue("Batch")), {"Accounting", "\"Batched\""});
    }
};

/// The suite.
class LlmEdgeBatchingTestSuite : public TestSuite
{
  public:
    LlmEdgeBatchingTestSuite()
        : TestSuite("llm-edge-batching", TestSuite::Type::UNIT)
    {
        AddTestCase(new BatchTimeEnergyTestCase);
        AddTestCase(new BatchTimeoutTestCase);
        AddTestCase(new BatchMemoryTestCase);
        AddTestCase(new BatchRoutingTestCase);
        AddTestCase(new BatchPipelineTestCase("poisson"));
        AddTestCase(new BatchPipelineTestCase("workload"));
        AddTestCase(new BatchBadAttributeTestCase);
    }
};

/// Static instance.
static LlmEdgeBatchingTestSuite g_llmEdgeBatchingTestSuite;
