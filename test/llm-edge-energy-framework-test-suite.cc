/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ns-3 tests of CappedBatteryEnergySource as a member of ns-3's energy
// framework: ns-3's own device models (SimpleDeviceEnergyModel, a model that
// reads the source from its notifications as WifiRadioEnergyModel does) and
// ns-3's BasicEnergyHarvester on the module's battery beside an
// EnergyHarvestingOrinDevice. The expectations are closed forms (current x
// voltage x time), independent of the battery's ledger.

#include "ns3/basic-energy-harvester-helper.h"
#include "ns3/capped-battery-energy-source.h"
#include "ns3/double.h"
#include "ns3/function-compat.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/energy-harvesting-orin-device.h"
#include "ns3/node-container.h"
#include "ns3/simple-device-energy-model.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

constexpr double kVolts = 19.0; // the battery's default SupplyVoltageV

/// One continuous Orin device with no harvest of its own on a fresh node;
/// the AGX Orin 32GB ladder, whose modes idle at 7.1 W (the paper's at 0 W).
Ptr<EnergyHarvestingOrinDevice>
MakeOrin(double capacityJ, double initialFraction, const std::string& mode = "816MHz")
{
    NodeContainer nodes;
    nodes.Create(1);
    EnergyHarvestingOrinDeviceHelper helper;
    helper.SetSlotDuration(Seconds(100));
    helper.SetBatteryAttribute("CapacityJ", DoubleValue(capacityJ));
    helper.SetBatteryAttribute("InitialFraction", DoubleValue(initialFraction));
    helper.SetHarvesterAttribute("SlotEnergyJ", StringValue("ns3::ConstantRandomVariable[Constant=0]"));
    helper.SetDeviceAttribute("Accounting", StringValue("Continuous"));
    helper.SetDeviceAttribute("PowerModeFile",
                              StringValue(std::string(LLM_EDGE_DATA_DIR) +
                                          "/power-modes/agx-orin-32gb-gpu-freq.csv"));
    helper.SetDeviceAttribute("PowerMode", StringValue(mode));
    return DynamicCast<EnergyHarvestingOrinDevice>(helper.Install(nodes).Get(0));
}

/// ns-3's SimpleDeviceEnergyModel on \p battery, as a user attaches one.
Ptr<SimpleDeviceEnergyModel>
AttachSimple(Ptr<CappedBatteryEnergySource> battery, double currentA)
{
    Ptr<SimpleDeviceEnergyModel> m = CreateObject<SimpleDeviceEnergyModel>();
    m->SetNode(battery->GetNode());
    m->SetEnergySource(battery);
    battery->AppendDeviceEnergyModel(m);
    m->SetCurrentA(currentA);
    return m;
}

/**
 * A device model that behaves as ns-3's radio models do: it reads the source
 * from HandleEnergyChanged (the call that overflowed the stack before), turns
 * itself off on depletion and on again on recharge, and records when.
 */
class RadioLikeModel : public DeviceEnergyModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::llmedge::test::RadioLikeModel")
                                .SetParent<DeviceEnergyModel>()
                                .SetGroupName("LlmEdge");
        return tid;
    }

    void SetEnergySource(Ptr<EnergySource> source) override
    {
        m_source = source;
    }

    double GetTotalEnergyConsumption() const override
    {
        return 0; // not needed: the battery integrates this model's current
    }

    void ChangeState(int /* newState */) override
    {
    }

    void HandleEnergyDepletion() override
    {
        depletions.push_back(Simulator::Now());
        SetOn(false);
    }

    void HandleEnergyRecharged() override
    {
        recharges.push_back(Simulator::Now());
        SetOn(true);
    }

    void HandleEnergyChanged() override
    {
        ++changes;
        lastSeenJ = m_source->GetRemainingEnergy(); // re-enters the source
    }

    void SetOn(bool on)
    {
        m_source->UpdateEnergySource(); // ns-3's contract: integrate the old current first
        m_on = on;
    }

    double onCurrentA{1.0};
    std::vector<Time> depletions;
    std::vector<Time> recharges;
    uint64_t changes{0};
    double lastSeenJ{-1};

  private:
    double DoGetCurrentA() const override
    {
        return m_on ? onCurrentA : 0.0;
    }

    Ptr<EnergySource> m_source;
    bool m_on{true};
};

/// Orin device and two ns-3 SimpleDeviceEnergyModels on one battery.
class SharedBatteryTestCase : public TestCase
{
  public:
    SharedBatteryTestCase()
        : TestCase("several ns-3 device models and an Orin device on one battery: the drop "
                   "equals the sum of their consumptions")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<EnergyHarvestingOrinDevice> orin = MakeOrin(100e3, 1.0);
        Ptr<CappedBatteryEnergySource> b = orin->GetBattery();
        Ptr<SimpleDeviceEnergyModel> s1 = AttachSimple(b, 0.1);
        Ptr<SimpleDeviceEnergyModel> s2 = AttachSimple(b, 0.0);
        // ns-3's SimpleDeviceEnergyModel sets its new current before it tells
        // the source (WifiRadioEnergyModel tells first), so a source that
        // integrates at notifications, ns-3's BasicEnergySource included,
        // would charge the new current for the past interval: update first.
        ScheduleFunction(Seconds(30), [b, s2]() {
            b->UpdateEnergySource();
            s2->SetCurrentA(0.25);
        });
        ScheduleFunction(Seconds(70), [b, s2]() {
            b->UpdateEnergySource();
            s2->SetCurrentA(0.0);
        });
        Simulator::Stop(Seconds(100));
        Simulator::Run();
        b->UpdateEnergySource();

        double idleW = orin->GetCurrentMode().idlePowerW;
        NS_TEST_ASSERT_MSG_EQ(idleW, 7.1, "the table's idle power");
        double orinJ = idleW * 100;               // idle all along (no jobs)
        double s1J = 0.1 * kVolts * 100;          // 190 J
        double s2J = 0.25 * kVolts * 40;          // 190 J
        double tol = 1e-9 * 100e3;
        NS_TEST_ASSERT_MSG_EQ(orin->GetState(), EnergyHarvestingOrinDevice::IDLE, "stays idle");
        NS_TEST_ASSERT_MSG_EQ_TOL(orin->GetTotalEnergyConsumption(), orinJ, tol,
                                  "the Orin device's own consumption");
        NS_TEST_ASSERT_MSG_EQ_TOL(s1->GetTotalEnergyConsumption(), s1J, tol, "ns-3's own count");
        NS_TEST_ASSERT_MSG_EQ_TOL(s2->GetTotalEnergyConsumption(), s2J, tol, "ns-3's own count");
        NS_TEST_ASSERT_MSG_EQ_TOL(b->GetModelEnergyJ(s1), s1J, tol, "per-model integration");
        NS_TEST_ASSERT_MSG_EQ_TOL(b->GetModelEnergyJ(s2), s2J, tol, "per-model integration");
        NS_TEST_ASSERT_MSG_EQ_TOL(b->GetConsumedEnergyJ(), orinJ + s1J + s2J, tol,
                                  "battery consumption = sum of the models'");
        NS_TEST_ASSERT_MSG_EQ_TOL(100e3 - b->GetRemainingEnergy(), orinJ + s1J + s2J, tol,
                                  "drop = sum of the models' consumption");
        NS_TEST_ASSERT_MSG_EQ_TOL(b->GetBalanceErrorJ(), 0.0, tol, "balance");
        Simulator::Destroy();
    }
};

/// ns-3's BasicEnergyHarvester feeding the module's battery.
class BasicHarvesterTestCase : public TestCase
{
  public:
    BasicHarvesterTestCase()
        : TestCase("ns-3's BasicEnergyHarvester: its energy arrives in the battery as harvest, "
                   "not as negative consumption")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<EnergyHarvestingOrinDevice> orin = MakeOrin(100e3, 0.5);
        Ptr<CappedBatteryEnergySource> b = orin->GetBattery();
        Ptr<SimpleDeviceEnergyModel> s = AttachSimple(b, 0.1);
        BasicEnergyHarvesterHelper hh;
        hh.Set("PeriodicHarvestedPowerUpdateInterval", TimeValue(Seconds(1)));
        hh.Set("HarvestablePower", StringValue("ns3::ConstantRandomVariable[Constant=5]"));
        EnergySourceContainer sources;
        sources.Add(b);
        EnergyHarvesterContainer hs = hh.Install(sources);
        double harvesterTotalJ = 0;
        hs.Get(0)->TraceConnectWithoutContext(
            "TotalEnergyHarvested",
            MakeBoundCallback(
                +[](double* out, double, double v) { *out = v; }, &harvesterTotalJ));
        // Past the harvester's update at 100 s (events at one instant run in
        // the order scheduled, and Stop was scheduled before it).
        Simulator::Stop(Seconds(100) + TimeStep(1));
        Simulator::Run();
        b->UpdateEnergySource();

        double orinJ = orin->GetCurrentMode().idlePowerW * 100;
        double sJ = 0.1 * kVolts * 100;
        double tol = 1e-9 * 100e3;
        NS_TEST_ASSERT_MSG_EQ_TOL(b->GetHarvestedEnergyJ(), 500.0, tol, "5 W for 100 s");
        NS_TEST_ASSERT_MSG_EQ_TOL(b->GetHarvestedEnergyJ(), harvesterTotalJ, tol,
                                  "the battery received what the harvester counted");
        NS_TEST_ASSERT_MSG_EQ_TOL(b->GetConsumedEnergyJ(), orinJ + sJ, tol,
                                  "consumption not netted against harvest");
        NS_TEST_ASSERT_MSG_EQ_TOL(b->GetRemainingEnergy(), 50e3 + 500.0 - orinJ - sJ, tol,
                                  "E = E0 + harvested - consumed");
        NS_TEST_ASSERT_MSG_EQ_TOL(b->GetSpilledEnergyJ(), 0.0, tol, "nothing spilled");
        NS_TEST_ASSERT_MSG_EQ_TOL(s->GetTotalEnergyConsumption(), sJ, tol, "ns-3's own count");
        Simulator::Destroy();
    }
};

/// Depletion and recharge delivered on time to a model that reads the
/// source from its notifications.
class DepletionRechargeTestCase : public TestCase
{
  public:
    DepletionRechargeTestCase()
        : TestCase("depletion at 0 and recharge above RechargeFraction reach every model on "
                   "time; a model reading the source from its handler does not recurse")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        Ptr<CappedBatteryEnergySource> b = CreateObject<CappedBatteryEnergySource>();
        b->SetAttribute("CapacityJ", DoubleValue(100));
        b->SetAttribute("RechargeFraction", DoubleValue(0.1));
        b->SetNode(node);
        Ptr<RadioLikeModel> radio = CreateObject<RadioLikeModel>();
        radio->SetEnergySource(b);
        b->AppendDeviceEnergyModel(radio);
        BasicEnergyHarvesterHelper hh;
        hh.Set("PeriodicHarvestedPowerUpdateInterval", TimeValue(Seconds(1)));
        hh.Set("HarvestablePower", StringValue("ns3::ConstantRandomVariable[Constant=2]"));
        EnergySourceContainer sources;
        sources.Add(b);
        hh.Install(sources);
        b->Initialize();
        Simulator::Stop(Seconds(20));
        Simulator::Run();

        // Net -17 W from 100 J: empty at 100/17 s; then +2 W up to 10 J: 5 s;
        // then -17 W from 10 J: 10/17 s; and so on.
        double t1 = 100.0 / 17;
        double t2 = t1 + 5;
        double t3 = t2 + 10.0 / 17;
        double tol = 1e-6;
        NS_TEST_ASSERT_MSG_GT_OR_EQ(radio->depletions.size(), 2u, "two depletions at least");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(radio->recharges.size(), 1u, "one recharge at least");
        NS_TEST_ASSERT_MSG_EQ_TOL(radio->depletions[0].GetSeconds(), t1, tol,
                                  "depletion when the battery reaches 0, not later");
        NS_TEST_ASSERT_MSG_EQ_TOL(radio->recharges[0].GetSeconds(), t2, tol,
                                  "recharge when the level passes 10 % of capacity");
        NS_TEST_ASSERT_MSG_EQ_TOL(radio->depletions[1].GetSeconds(), t3, tol, "again empty");
        NS_TEST_ASSERT_MSG_GT(radio->changes, 0u, "energy changes were notified");
        NS_TEST_ASSERT_MSG_LT(radio->changes, 1000u, "only real changes are notified");
        NS_TEST_ASSERT_MSG_EQ_TOL(b->GetBalanceErrorJ(), 0.0, 1e-9, "balance");
        Simulator::Destroy();
    }
};

/// Notifications: only when the energy changed.
class NotifyOnlyOnChangeTestCase : public TestCase
{
  public:
    NotifyOnlyOnChangeTestCase()
        : TestCase("HandleEnergyChanged only when the stored energy changed")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        Ptr<CappedBatteryEnergySource> b = CreateObject<CappedBatteryEnergySource>();
        b->SetNode(node);
        Ptr<RadioLikeModel> radio = CreateObject<RadioLikeModel>();
        radio->onCurrentA = 0.0; // draws nothing: the energy never changes
        radio->SetEnergySource(b);
        b->AppendDeviceEnergyModel(radio);
        b->Initialize();
        for (int i = 1; i <= 10; ++i)
        {
            Simulator::Schedule(Seconds(i), &CappedBatteryEnergySource::UpdateEnergySource, b);
        }
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(radio->changes, 0u, "no change, no notification");
        radio->onCurrentA = 1.0;
        for (int i = 11; i <= 20; ++i)
        {
            Simulator::Schedule(Seconds(i - 10), &RadioLikeModel::SetOn, radio, true);
        }
        Simulator::Stop(Seconds(10.5)); // before the battery would empty
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(radio->changes, 10u, "one notification per real change");
        NS_TEST_ASSERT_MSG_EQ_TOL(radio->lastSeenJ, 100e3 - 10 * kVolts * 1.0 + 0.0, 1e-6,
                                  "the handler reads the current level");
        Simulator::Destroy();
    }
};

/// EnergyChangedInterval: changes closer than it are told once, at its end.
class ChangedIntervalTestCase : public TestCase
{
  public:
    ChangedIntervalTestCase()
        : TestCase("EnergyChangedInterval coalesces HandleEnergyChanged notifications")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        Ptr<CappedBatteryEnergySource> b = CreateObject<CappedBatteryEnergySource>();
        b->SetAttribute("EnergyChangedInterval", TimeValue(Seconds(5)));
        b->SetNode(node);
        Ptr<RadioLikeModel> radio = CreateObject<RadioLikeModel>();
        radio->SetEnergySource(b);
        b->AppendDeviceEnergyModel(radio);
        b->Initialize();
        for (int i = 1; i <= 10; ++i)
        {
            Simulator::Schedule(Seconds(i), &RadioLikeModel::SetOn, radio, true);
        }
        Simulator::Stop(Seconds(10.5));
        Simulator::Run();
        // Changes at 1..10 s: told at 1 s, then the one due at 6 s (with the
        // change at 6 s); those of 7..10 s wait for 11 s.
        NS_TEST_ASSERT_MSG_EQ(radio->changes, 2u, "two rounds in 10.5 s");
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(radio->changes, 3u, "the deferred round at 11 s");
        NS_TEST_ASSERT_MSG_EQ_TOL(radio->lastSeenJ, 100e3 - 11 * kVolts, 1e-6,
                                  "it reads the level of its own time");
        Simulator::Destroy();
    }
};

class LlmEdgeEnergyFrameworkTestSuite : public TestSuite
{
  public:
    LlmEdgeEnergyFrameworkTestSuite()
        : TestSuite("llm-edge-energy-framework", TestSuite::Type::UNIT)
    {
        AddTestCase(new SharedBatteryTestCase);
        AddTestCase(new BasicHarvesterTestCase);
        AddTestCase(new DepletionRechargeTestCase);
        AddTestCase(new NotifyOnlyOnChangeTestCase);
        AddTestCase(new ChangedIntervalTestCase);
    }
};

LlmEdgeEnergyFrameworkTestSuite g_llmEdgeEnergyFrameworkTestSuite;

} // namespace
