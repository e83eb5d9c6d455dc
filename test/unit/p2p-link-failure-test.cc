/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The reproduction on a real PointToPointNetDevice (standalone build
// only: the ns-3 suites may not depend on point-to-point): one job, source
// and one device on one 100 Mbit/s 5 ms link, a RateErrorModel on both ends
// switched to rate 1 at a time swept over both hand-offs (in particular a
// few milliseconds after the job's last bytes leave, where the job used to
// stay "in flight" forever). Every run ends with the job completed or
// dropped for link failure, nothing held or on the wire.

#include "ns3/double.h"
#include "ns3/error-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/invariant-check.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/llm-inference-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <gtest/gtest.h>
#include <map>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

struct Result
{
    InferencePipeline::JobAccounts accounts;
    uint64_t held{0};
    uint64_t onWire{0};
    std::vector<std::string> violations;
    std::map<uint32_t, std::pair<Time, Time>> transfers; ///< hop: begun, delivered
};

void
OnTransfer(Result* r, uint64_t, uint32_t hop, uint32_t ev)
{
    if (ev == InferencePipeline::TRANSFER_BEGUN)
    {
        r->transfers[hop].first = Simulator::Now();
    }
    else if (ev == InferencePipeline::TRANSFER_DELIVERED)
    {
        r->transfers[hop].second = Simulator::Now();
    }
}

Result
RunOneJob(double failAt)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    NodeContainer nodes;
    nodes.Create(2);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    NetDeviceContainer devs = p2p.Install(nodes);
    std::vector<Ptr<RateErrorModel>> ems;
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
        em->SetAttribute("ErrorRate", DoubleValue(0.0));
        em->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
        devs.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(em));
        ems.push_back(em);
    }
    InternetStackHelper stack;
    stack.Install(nodes);
    Ipv4AddressHelper ip;
    ip.SetBase("10.7.0.0", "255.255.255.252");
    ip.Assign(devs);
    LlmInferenceHelper h;
    h.SetPipelineAttribute("Transport", StringValue("tcp"));
    h.SetSourceAttribute("Probability", DoubleValue(1.0));
    h.Devices().SetHarvesterAttribute("SlotEnergyJ",
                                      StringValue("ns3::ConstantRandomVariable[Constant=5000]"));
    Ptr<InferencePipeline> p = h.Install({NodeContainer(nodes.Get(1))}, nodes.Get(0));
    LlmInferenceHelper::AssignStreams(p, 0);
    Result r;
    p->TraceConnectWithoutContext("Transfer", MakeBoundCallback(&OnTransfer, &r));
    Ptr<LlmRequestSource> src = p->GetSource();
    Simulator::Schedule(Seconds(60), [src]() { src->Halt(); }); // one job, at 50 s
    if (failAt >= 0)
    {
        Simulator::Schedule(Seconds(failAt), [ems]() {
            for (const auto& em : ems)
            {
                em->SetRate(1.0);
            }
        });
    }
    Simulator::Stop(Seconds(1000));
    Simulator::Run();
    r.accounts = p->GetAccounts();
    r.held = p->GetHeld();
    r.onWire = p->GetOnWire();
    r.violations = InvariantCheck::Check(p);
    Simulator::Destroy();
    return r;
}

} // namespace

TEST(PointToPointLinkFailure, EveryFailureTimeEndsTheJob)
{
    Result ref = RunOneJob(-1);
    ASSERT_EQ(ref.accounts.completed, 1u);
    ASSERT_EQ(ref.transfers.size(), 2u); // forward (hop 0) and return (hop 1)
    std::vector<double> times;
    for (const auto& [hop, t] : ref.transfers)
    {
        double b = t.first.GetSeconds();
        double d = t.second.GetSeconds();
        for (int k = -1; k <= 12; ++k)
        {
            times.push_back(b + (d - b) * k / 10.0);
        }
        for (double ms : {0.1, 1.0, 2.0, 3.0, 5.0, 8.0, 11.0, 20.0})
        {
            times.push_back(d + ms / 1000);
        }
    }
    uint64_t completed = 0;
    uint64_t failures = 0;
    for (double t : times)
    {
        Result r = RunOneJob(t);
        SCOPED_TRACE("link dies at " + std::to_string(t) + " s");
        EXPECT_EQ(r.accounts.arrived, 1u);
        EXPECT_EQ(r.onWire, 0u);
        EXPECT_EQ(r.held, 0u);
        uint64_t lf = r.accounts.dropped[InferencePipeline::LINK_FAILURE];
        EXPECT_EQ(r.accounts.completed + lf, 1u);
        EXPECT_TRUE(r.violations.empty()) << (r.violations.empty() ? "" : r.violations[0]);
        completed += r.accounts.completed;
        failures += lf;
    }
    std::cout << "point-to-point: " << times.size() << " failure times, " << completed
              << " completed, " << failures << " link failures\n";
    EXPECT_GT(completed, 0u);
    EXPECT_GT(failures, 0u);
}
