/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Every trace source of the module reached by Config path, with wildcards
// over several nodes, each checked against the objects' own readings; and
// the time-series CSV of LlmEdgeTraceHelper checked against the trace
// sources and against closed-form battery levels.

#include "ns3/config.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/inference-pipeline.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/llm-edge-trace-helper.h"
#include "ns3/llm-inference-helper.h"
#include "ns3/llm-request-source.h"
#include "ns3/node-list.h"
#include "ns3/orin-device-holder.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simple-net-device-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

const std::string kDevice = "/NodeList/*/$ns3::llmedge::OrinDeviceHolder/Device/";
const std::string kPipeline = "/NodeList/*/$ns3::llmedge::InferencePipeline/";

/// \param context a trace context "/NodeList/<id>/..." \return the node id
uint32_t
NodeOf(const std::string& context)
{
    const std::string prefix = "/NodeList/";
    return static_cast<uint32_t>(std::stoul(context.substr(prefix.size())));
}

/// \param node a node id \return its device
Ptr<EnergyHarvestingOrinDevice>
DeviceOf(uint32_t node)
{
    return NodeList::GetNode(node)->GetObject<OrinDeviceHolder>()->GetDevice();
}

/// One row of the time-series CSV.
struct Row
{
    double t;
    uint32_t node;
    uint32_t device;
    std::string variable;
    double value;
};

/// \param file a time-series CSV \param header set to its first line \return its rows
std::vector<Row>
ReadRows(const std::string& file, std::string& header)
{
    std::ifstream in(file);
    std::getline(in, header);
    std::vector<Row> rows;
    std::string line;
    while (std::getline(in, line))
    {
        std::istringstream is(line);
        std::string f[5];
        for (auto& x : f)
        {
            std::getline(is, x, ',');
        }
        rows.push_back({std::stod(f[0]),
                        static_cast<uint32_t>(std::stoul(f[1])),
                        static_cast<uint32_t>(std::stoul(f[2])),
                        f[3],
                        std::stod(f[4])});
    }
    return rows;
}

/// (time s, value) pairs of one node's variable, in file order.
std::vector<std::pair<double, double>>
Series(const std::vector<Row>& rows, uint32_t node, const std::string& variable)
{
    std::vector<std::pair<double, double>> out;
    for (const auto& r : rows)
    {
        if (r.node == node && r.variable == variable)
        {
            out.emplace_back(r.t, r.value);
        }
    }
    return out;
}

/// What the sinks saw, per node: (time s, value) of every call.
struct Seen
{
    std::map<uint32_t, std::vector<std::pair<double, double>>> state, mode, completed, refused,
        saving, remaining, harvested, spilled, slot, available;
    std::map<uint32_t, std::vector<uint64_t>> slotIndex;
    uint32_t mismatches{0}; ///< a traced value differing from the object's reading
};

Seen g_seen; ///< filled by the sinks below

double
Now()
{
    return Simulator::Now().GetSeconds();
}

// A TracedValue calls its sinks before it stores the new value: the
// object's reading is then the old one.
void
OnAvailable(std::string ctx, bool old, bool v)
{
    g_seen.available[NodeOf(ctx)].emplace_back(Now(), v);
    // The sink runs before the value is stored; the device's reading is the new one.
    g_seen.mismatches += v != DeviceOf(NodeOf(ctx))->IsAvailable() || old == v;
}

void
OnState(std::string ctx, int32_t old, int32_t v)
{
    g_seen.state[NodeOf(ctx)].emplace_back(Now(), v);
    g_seen.mismatches += old != DeviceOf(NodeOf(ctx))->GetState();
}

void
OnMode(std::string ctx, uint32_t old, uint32_t v)
{
    g_seen.mode[NodeOf(ctx)].emplace_back(Now(), v);
    g_seen.mismatches += old != DeviceOf(NodeOf(ctx))->GetCurrentModeIndex();
}

void
OnCompleted(std::string ctx, uint64_t, Time service)
{
    g_seen.completed[NodeOf(ctx)].emplace_back(Now(), service.GetSeconds());
}

void
OnRefused(std::string ctx, uint64_t, uint32_t reason)
{
    g_seen.refused[NodeOf(ctx)].emplace_back(Now(), reason);
}

void
OnSaving(std::string ctx, bool entered)
{
    g_seen.saving[NodeOf(ctx)].emplace_back(Now(), entered ? 1 : 0);
}

void
OnRemaining(std::string ctx, double, double v)
{
    g_seen.remaining[NodeOf(ctx)].emplace_back(Now(), v);
    g_seen.mismatches += v != DeviceOf(NodeOf(ctx))->GetBattery()->GetStoredEnergyJ();
}

void
OnHarvested(std::string ctx, double j)
{
    g_seen.harvested[NodeOf(ctx)].emplace_back(Now(), j);
}

void
OnSpilled(std::string ctx, double j)
{
    g_seen.spilled[NodeOf(ctx)].emplace_back(Now(), j);
}

void
OnSlot(std::string ctx, uint64_t slot, double j)
{
    g_seen.slot[NodeOf(ctx)].emplace_back(100.0 * static_cast<double>(slot), j);
    g_seen.slotIndex[NodeOf(ctx)].push_back(slot);
}

double
Sum(const std::vector<std::pair<double, double>>& v)
{
    double s = 0;
    for (const auto& x : v)
    {
        s += x.second;
    }
    return s;
}

/// A helper installing devices with a constant harvest per 100 s slot.
EnergyHarvestingOrinDeviceHelper
Devices(double capacityJ, double initialFraction, double harvestJ)
{
    EnergyHarvestingOrinDeviceHelper h;
    h.SetSlotDuration(Seconds(100));
    h.SetBatteryAttribute("CapacityJ", DoubleValue(capacityJ));
    h.SetBatteryAttribute("InitialFraction", DoubleValue(initialFraction));
    std::ostringstream rv;
    rv << "ns3::ConstantRandomVariable[Constant=" << harvestJ << "]";
    h.SetHarvesterAttribute("SlotEnergyJ", StringValue(rv.str()));
    return h;
}

void
Submit(uint32_t node, uint64_t id)
{
    DeviceOf(node)->SubmitJob(id, EnergyHarvestingOrinDevice::JobDoneCallback());
}

} // namespace

/**
 * \ingroup llm-edge-tests
 * Device, battery and harvester trace sources by wildcard path over three
 * devices (and a node without one); the time series recorded alongside
 * equals what the trace sources said.
 */
class DevicePathsTestCase : public TestCase
{
  public:
    DevicePathsTestCase()
        : TestCase("Device, battery and harvester traces by Config path; time series = traces")
    {
    }

  private:
    /// Whether a failed assertion in a helper ends DoRun too, as it would
    /// have inline (NS_TEST_ASSERT_* return only from the helper).
    bool MustStop() const
    {
        return IsStatusFailure() && !MustContinueOnFailure();
    }

    /// The sinks' records against the objects' own counters and readings.
    void CheckTraces(uint32_t n0, uint32_t n1, uint32_t n2)
    {
        NS_TEST_ASSERT_MSG_EQ(g_seen.mismatches, 0u, "traced values equal the objects' readings");
        for (uint32_t n : {n0, n1, n2})
        {
            Ptr<EnergyHarvestingOrinDevice> d = DeviceOf(n);
            Ptr<CappedBatteryEnergySource> b = d->GetBattery();
            NS_TEST_ASSERT_MSG_GT(g_seen.state[n].size(), 0u, "State fired on node " << n);
            NS_TEST_ASSERT_MSG_GT(g_seen.available[n].size(),
                                  0u,
                                  "Available fired on node " << n);
            NS_TEST_ASSERT_MSG_GT(g_seen.remaining[n].size(), 0u, "RemainingEnergy fired");
            NS_TEST_ASSERT_MSG_EQ_TOL(Sum(g_seen.harvested[n]),
                                      b->GetHarvestedEnergyJ(),
                                      1e-6,
                                      "Harvested sums to the battery's total");
            NS_TEST_ASSERT_MSG_EQ_TOL(Sum(g_seen.spilled[n]),
                                      b->GetSpilledEnergyJ(),
                                      1e-6,
                                      "Spilled sums to the battery's total");
            NS_TEST_ASSERT_MSG_EQ(g_seen.completed[n].size(),
                                  d->GetJobsCompleted(),
                                  "JobCompleted once per completed job");
            NS_TEST_ASSERT_MSG_EQ(g_seen.refused[n].size(),
                                  d->GetJobsRefusedTotal(),
                                  "JobRefused once per refusal");
            NS_TEST_ASSERT_MSG_EQ(g_seen.slotIndex[n].size(), 20u, "SlotEnergy: 20 slots");
            for (std::size_t i = 0; i < g_seen.slotIndex[n].size(); ++i)
            {
                NS_TEST_ASSERT_MSG_EQ(g_seen.slotIndex[n][i], i, "slots in order");
                NS_TEST_ASSERT_MSG_EQ(g_seen.slot[n][i].second, 500.0, "constant harvest");
            }
            for (const auto& c : g_seen.completed[n])
            {
                NS_TEST_ASSERT_MSG_GT(c.second, 0.0, "service time");
            }
        }
        NS_TEST_ASSERT_MSG_EQ(g_seen.completed[n0].size(), 2u, "node 0 completes two jobs");
        NS_TEST_ASSERT_MSG_EQ(g_seen.completed[n1].size(), 1u, "node 1 completes one");
        NS_TEST_ASSERT_MSG_EQ(g_seen.refused[n0].size(), 1u, "node 0 refuses one");
        NS_TEST_ASSERT_MSG_EQ(g_seen.refused[n0][0].second,
                              static_cast<double>(EnergyHarvestingOrinDevice::QUEUE_FULL),
                              "queue full");
        NS_TEST_ASSERT_MSG_EQ(g_seen.refused[n2].size(), 1u, "node 2 refuses one");
        NS_TEST_ASSERT_MSG_EQ(g_seen.refused[n2][0].second,
                              static_cast<double>(EnergyHarvestingOrinDevice::POWER_SAVING),
                              "power saving");
        NS_TEST_ASSERT_MSG_GT(Sum(g_seen.spilled[n1]), 0.0, "a full battery spills");
        NS_TEST_ASSERT_MSG_GT(g_seen.mode[n0].size(), 0u, "PowerMode fired");
        NS_TEST_ASSERT_MSG_EQ(g_seen.saving[n2].size(), 2u, "node 2 enters and leaves saving");
        NS_TEST_ASSERT_MSG_EQ(g_seen.saving[n2][0].second, 1.0, "entered first");
        NS_TEST_ASSERT_MSG_EQ(g_seen.saving[n2][1].second, 0.0, "then left");
        NS_TEST_ASSERT_MSG_EQ(DeviceOf(n2)->GetPowerSavingEntries(), 1u, "one entry");
    }

    /// One node's time series against what the sinks saw of it.
    void CheckNodeSeries(const std::vector<Row>& rows, uint32_t n)
    {
        auto changes = [](const std::vector<std::pair<double, double>>& v) {
            std::vector<std::pair<double, double>> out;
            for (const auto& x : v)
            {
                if (out.empty() || out.back().second != x.second)
                {
                    out.push_back(x);
                }
            }
            return out;
        };
        NS_TEST_ASSERT_MSG_EQ((Series(rows, n, "battery_j") == changes(g_seen.remaining[n])),
                              true,
                              "battery_j rows = RemainingEnergy changes, node " << n);
        auto frac = Series(rows, n, "battery_fraction");
        auto level = Series(rows, n, "battery_j");
        NS_TEST_ASSERT_MSG_EQ(frac.size(), level.size(), "one fraction per level");
        for (std::size_t i = 0; i < frac.size() && i < level.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(frac[i].second, level[i].second / 10e3, 1e-12, "fraction");
        }
        NS_TEST_ASSERT_MSG_EQ((Series(rows, n, "harvest_j") == g_seen.slot[n]),
                              true,
                              "harvest_j rows = SlotEnergy (at the slot start)");
        NS_TEST_ASSERT_MSG_EQ(Series(rows, n, "job_completed").size(),
                              g_seen.completed[n].size(),
                              "job_completed rows");
        for (std::size_t i = 0; i < g_seen.completed[n].size(); ++i)
        {
            auto r = Series(rows, n, "job_completed")[i];
            NS_TEST_ASSERT_MSG_EQ(r.first, g_seen.completed[n][i].first, "completion time");
            NS_TEST_ASSERT_MSG_EQ_TOL(r.second, g_seen.completed[n][i].second, 1e-9, "service");
        }
        NS_TEST_ASSERT_MSG_EQ((Series(rows, n, "job_refused") == g_seen.refused[n]),
                              true,
                              "job_refused rows = JobRefused");
        // Levels: the first row at 0 s, then the traced changes.
        auto state = Series(rows, n, "state");
        NS_TEST_ASSERT_MSG_EQ(state.front().first, 0.0, "state at the start");
        auto seenState = changes(g_seen.state[n]);
        for (const auto& s : seenState)
        {
            bool found = false;
            for (const auto& r : state)
            {
                found = found || (r.first == s.first && r.second == s.second);
            }
            NS_TEST_ASSERT_MSG_EQ(found, true, "state change " << s.second << " at " << s.first);
        }
    }

    /// The time-series CSV against what the sinks saw.
    void CheckTimeSeries(const std::string& csv, uint32_t n0, uint32_t n1, uint32_t n2)
    {
        // The time series: level rows = the traced changes (consecutive
        // repeats dropped, plus the start values), event rows = the events.
        std::string header;
        std::vector<Row> rows = ReadRows(csv, header);
        NS_TEST_ASSERT_MSG_EQ(header, "time_s,node,device,variable,value", "header");
        for (uint32_t n : {n0, n1, n2})
        {
            CheckNodeSeries(rows, n);
            if (MustStop())
            {
                return;
            }
        }
        auto saving = Series(rows, n2, "power_saving");
        NS_TEST_ASSERT_MSG_EQ(saving.size(), 2u, "power_saving: on at the start, then off");
        NS_TEST_ASSERT_MSG_EQ(saving[0].second, 1.0, "on");
        NS_TEST_ASSERT_MSG_EQ(saving[1].first, g_seen.saving[n2][1].first, "off when traced");
        NS_TEST_ASSERT_MSG_EQ(saving[1].second, 0.0, "off");
    }

    void DoRun() override
    {
        g_seen = Seen();
        NodeContainer nodes;
        nodes.Create(4); // node 3: no device
        Devices(10e3, 1.0, 500).Install(NodeContainer(nodes.Get(0), nodes.Get(1)));
        Devices(10e3, 0.05, 500).Install(nodes.Get(2)); // starts in power saving
        const uint32_t n0 = nodes.Get(0)->GetId();
        const uint32_t n1 = nodes.Get(1)->GetId();
        const uint32_t n2 = nodes.Get(2)->GetId();

        NS_TEST_ASSERT_MSG_EQ(Config::LookupMatches(kDevice.substr(0, kDevice.size() - 1)).GetN(),
                              3u,
                              "the wildcard path matches the three devices");
        Config::Connect(kDevice + "State", MakeCallback(&OnState));
        Config::Connect(kDevice + "PowerMode", MakeCallback(&OnMode));
        Config::Connect(kDevice + "JobCompleted", MakeCallback(&OnCompleted));
        Config::Connect(kDevice + "JobRefused", MakeCallback(&OnRefused));
        Config::Connect(kDevice + "PowerSaving", MakeCallback(&OnSaving));
        Config::Connect(kDevice + "Available", MakeCallback(&OnAvailable));
        Config::Connect(kDevice + "Battery/RemainingEnergy", MakeCallback(&OnRemaining));
        Config::Connect(kDevice + "Battery/Harvested", MakeCallback(&OnHarvested));
        Config::Connect(kDevice + "Battery/Spilled", MakeCallback(&OnSpilled));
        Config::Connect(kDevice + "Harvester/SlotEnergy", MakeCallback(&OnSlot));

        const std::string csv = CreateTempDirFilename("config-paths-ts.csv");
        LlmEdgeTraceHelper traces;
        NS_TEST_ASSERT_MSG_EQ(traces.EnableTimeSeries(csv, nodes), 3u, "three devices recorded");

        // Node 0: one job runs, one waits, one is refused (queue full);
        // node 1: one job; node 2: refused (power saving).
        // (a job waits for the next stage boundary: the second and third
        // arrive while the first runs)
        Simulator::Schedule(Seconds(1), &Submit, n0, 1);
        Simulator::Schedule(Seconds(150), &Submit, n0, 2);
        Simulator::Schedule(Seconds(150), &Submit, n0, 3);
        Simulator::Schedule(Seconds(1), &Submit, n1, 4);
        Simulator::Schedule(Seconds(1), &Submit, n2, 5);
        Simulator::Stop(Seconds(2000) + TimeStep(1));
        Simulator::Run();

        CheckTraces(n0, n1, n2);
        if (MustStop())
        {
            return;
        }
        Simulator::Destroy();
        CheckTimeSeries(csv, n0, n1, n2);
    }
};

/**
 * \ingroup llm-edge-tests
 * One device, constant harvest, no jobs: battery levels in closed form,
 * on change and sampled.
 */
class TimeSeriesClosedFormTestCase : public TestCase
{
  public:
    /// \param intervalS sampling period, s (0: on change)
    explicit TimeSeriesClosedFormTestCase(double intervalS)
        : TestCase(intervalS > 0 ? "Time series sampled every 250 s: battery in closed form"
                                 : "Time series on change: battery in closed form"),
          m_intervalS(intervalS)
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(1);
        Devices(10e3, 0.5, 500).Install(nodes);
        const std::string csv = CreateTempDirFilename("closed-form-ts.csv");
        LlmEdgeTraceHelper traces;
        traces.SetInterval(Seconds(m_intervalS));
        NS_TEST_ASSERT_MSG_EQ(traces.GetInterval(), Seconds(m_intervalS), "interval");
        traces.EnableTimeSeriesAll(csv);
        Simulator::Stop(Seconds(1500) + TimeStep(1));
        Simulator::Run();
        Simulator::Destroy();

        std::string header;
        std::vector<Row> rows = ReadRows(csv, header);
        auto level = Series(rows, 0, "battery_j");
        // E(t) = min(10 kJ, 5 kJ + 500 J per whole slot ended by t).
        auto closedForm = [](double t) {
            return std::min(10e3, 5e3 + 500.0 * std::floor(t / 100.0 + 1e-9));
        };
        if (m_intervalS == 0)
        {
            // A row at 0 s, then one at each stage end until the battery is full.
            NS_TEST_ASSERT_MSG_EQ(level.size(), 11u, "start + 10 increments, then full");
            for (std::size_t k = 0; k < level.size(); ++k)
            {
                NS_TEST_ASSERT_MSG_EQ(level[k].first, 100.0 * k, "at each slot end");
                NS_TEST_ASSERT_MSG_EQ_TOL(level[k].second, closedForm(100.0 * k), 1e-9, "level");
            }
        }
        else
        {
            NS_TEST_ASSERT_MSG_EQ(level.size(), 7u, "0, 250, ..., 1500 s");
            for (std::size_t k = 0; k < level.size(); ++k)
            {
                double t = m_intervalS * k;
                NS_TEST_ASSERT_MSG_EQ(level[k].first, t, "sample time");
                if (std::fmod(t, 100.0) != 0)
                {
                    NS_TEST_ASSERT_MSG_EQ_TOL(level[k].second, closedForm(t), 1e-9, "level");
                }
            }
            NS_TEST_ASSERT_MSG_EQ(Series(rows, 0, "state").size(), 7u, "every level sampled");
        }
        auto harvest = Series(rows, 0, "harvest_j");
        NS_TEST_ASSERT_MSG_EQ(harvest.size(), 15u, "15 slots");
        for (std::size_t k = 0; k < harvest.size(); ++k)
        {
            NS_TEST_ASSERT_MSG_EQ(harvest[k].first, 100.0 * k, "slot start");
            NS_TEST_ASSERT_MSG_EQ(harvest[k].second, 500.0, "slot energy");
        }
    }

    double m_intervalS;
};

/**
 * \ingroup llm-edge-tests
 * The pipeline's traces by wildcard path over two request-source nodes: a
 * healthy pipeline over TCP (Completed, Transfer) and one whose devices are
 * empty (Dropped).
 */
class PipelinePathsTestCase : public TestCase
{
  public:
    PipelinePathsTestCase()
        : TestCase("Pipeline traces by Config path over two source nodes")
    {
    }

  private:
    struct Counts
    {
        std::map<uint32_t, uint64_t> completed, dropped;
        std::map<uint32_t, std::map<uint32_t, uint64_t>> transfer; ///< node -> event -> count
        std::map<uint32_t, std::vector<Time>> latency;
    };

    static Counts s_counts; ///< filled by the sinks

    static void OnCompleted(std::string ctx, uint64_t, Time latency)
    {
        s_counts.completed[NodeOf(ctx)]++;
        s_counts.latency[NodeOf(ctx)].push_back(latency);
    }

    static void OnDropped(std::string ctx, uint64_t, uint32_t, uint32_t)
    {
        s_counts.dropped[NodeOf(ctx)]++;
    }

    static void OnTransfer(std::string ctx, uint64_t, uint32_t, uint32_t event)
    {
        s_counts.transfer[NodeOf(ctx)][event]++;
    }

    void DoRun() override
    {
        s_counts = Counts();
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(3);
        // Pipeline A: source and one device per layer on one SimpleChannel.
        NodeContainer a;
        a.Create(4);
        SimpleNetDeviceHelper link;
        link.SetChannelAttribute("Delay", TimeValue(MilliSeconds(5)));
        link.SetDeviceAttribute("DataRate", DataRateValue(DataRate("100Mbps")));
        NetDeviceContainer nd = link.Install(a);
        InternetStackHelper stack;
        stack.Install(a);
        Ipv4AddressHelper ip;
        ip.SetBase("10.1.0.0", "255.255.255.0");
        ip.Assign(nd);
        LlmInferenceHelper ha;
        ha.SetPipelineAttribute("Transport", StringValue("tcp"));
        ha.Devices().SetHarvesterAttribute(
            "SlotEnergyJ",
            StringValue("ns3::ConstantRandomVariable[Constant=5000]"));
        ha.SetSourceAttribute("Probability", DoubleValue(0.2));
        Ptr<InferencePipeline> pa =
            ha.Install({NodeContainer(a.Get(1)), NodeContainer(a.Get(2)), NodeContainer(a.Get(3))},
                       a.Get(0));
        LlmInferenceHelper::AssignStreams(pa, 7);

        // Pipeline B: zero communication, devices empty and never charged.
        NodeContainer b;
        b.Create(3);
        LlmInferenceHelper hb;
        hb.Devices().SetBatteryAttribute("InitialFraction", DoubleValue(0.0));
        hb.Devices().SetHarvesterAttribute("SlotEnergyJ",
                                           StringValue("ns3::ConstantRandomVariable[Constant=0]"));
        hb.SetSourceAttribute("Probability", DoubleValue(1.0));
        Ptr<InferencePipeline> pb =
            hb.Install({NodeContainer(b.Get(1)), NodeContainer(b.Get(2))}, b.Get(0));
        LlmInferenceHelper::AssignStreams(pb, 100);

        NS_TEST_ASSERT_MSG_EQ(
            Config::LookupMatches("/NodeList/*/$ns3::llmedge::InferencePipeline").GetN(),
            2u,
            "two pipelines by path");
        Config::Connect(kPipeline + "Completed", MakeCallback(&OnCompleted));
        Config::Connect(kPipeline + "Dropped", MakeCallback(&OnDropped));
        Config::Connect(kPipeline + "Transfer", MakeCallback(&OnTransfer));
        Simulator::Stop(Seconds(100 * 40));
        Simulator::Run();

        const uint32_t sa = a.Get(0)->GetId();
        const uint32_t sb = b.Get(0)->GetId();
        NS_TEST_ASSERT_MSG_GT(s_counts.completed[sa], 0u, "A completes jobs");
        NS_TEST_ASSERT_MSG_EQ(s_counts.completed[sa], pa->GetCompleted(), "Completed = counter");
        NS_TEST_ASSERT_MSG_EQ(s_counts.dropped[sa], pa->GetDroppedTotal(), "Dropped = counter (A)");
        const auto& completions = pa->GetCompletions();
        NS_TEST_ASSERT_MSG_EQ(completions.size(), s_counts.latency[sa].size(), "one per job");
        for (std::size_t i = 0; i < completions.size() && i < s_counts.latency[sa].size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(s_counts.latency[sa][i], completions[i].latency, "latency");
        }
        // Every transfer begun was delivered, failed or is still on the wire;
        // a completed job crossed 4 hops.
        auto& t = s_counts.transfer[sa];
        NS_TEST_ASSERT_MSG_EQ(t[InferencePipeline::TRANSFER_BEGUN],
                              t[InferencePipeline::TRANSFER_DELIVERED] +
                                  t[InferencePipeline::TRANSFER_FAILED] + pa->GetOnWire(),
                              "transfers begun = delivered + failed + on the wire");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(t[InferencePipeline::TRANSFER_DELIVERED],
                                    4 * pa->GetCompleted(),
                                    "4 deliveries per completed job");
        NS_TEST_ASSERT_MSG_EQ(s_counts.completed[sb], 0u, "B completes nothing");
        NS_TEST_ASSERT_MSG_GT(s_counts.dropped[sb], 0u, "B drops");
        NS_TEST_ASSERT_MSG_EQ(s_counts.dropped[sb], pb->GetDroppedTotal(), "Dropped = counter (B)");
        NS_TEST_ASSERT_MSG_EQ(s_counts.transfer[sb].size(), 0u, "no network in B");
        Simulator::Destroy();
    }
};

PipelinePathsTestCase::Counts PipelinePathsTestCase::s_counts;

/**
 * \ingroup llm-edge-tests
 * Every trace source of the module reachable by Config path.
 */
class LlmEdgeConfigPathsTestSuite : public TestSuite
{
  public:
    LlmEdgeConfigPathsTestSuite()
        : TestSuite("llm-edge-config-paths", TestSuite::Type::UNIT)
    {
        AddTestCase(new DevicePathsTestCase());
        AddTestCase(new TimeSeriesClosedFormTestCase(0));
        AddTestCase(new TimeSeriesClosedFormTestCase(250));
        AddTestCase(new PipelinePathsTestCase());
    }
};

/// The suite's instance.
static LlmEdgeConfigPathsTestSuite g_llmEdgeConfigPathsTestSuite;
