/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ns-3's WifiRadioEnergyModel on the module's battery, beside an
// EnergyHarvestingOrinDevice: installing it works (it used to overflow the
// stack), the battery's drop is the radio's plus the device's consumption,
// depletion turns the radio off and recharge on again. Built only where
// ns-3's wifi module is (llm-edge itself does not need it).

#include "ns3/basic-energy-harvester-helper.h"
#include "ns3/capped-battery-energy-source.h"
#include "ns3/double.h"
#include "ns3/function-compat.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/energy-harvesting-orin-device.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/mobility-helper.h"
#include "ns3/node-container.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"
#include "ns3/wifi-radio-energy-model-helper.h"
#include "ns3/wifi-radio-energy-model.h"
#include "ns3/yans-wifi-helper.h"

#include <string>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

/// Two 802.11a ad hoc nodes, each with an Orin device (Continuous, no
/// harvest) and ns-3's Wi-Fi radio energy model on the device's battery.
struct WifiPair
{
    NodeContainer nodes;
    NetDeviceContainer wifi;
    DeviceEnergyModelContainer orins;
    DeviceEnergyModelContainer radios;
    EnergySourceContainer batteries;

    WifiPair(double capacityJ, double rechargeFraction)
    {
        nodes.Create(2);
        WifiHelper w;
        w.SetStandard(WIFI_STANDARD_80211a);
        w.SetRemoteStationManager("ns3::ConstantRateWifiManager", "DataMode",
                                  StringValue("OfdmRate6Mbps"));
        YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
        YansWifiPhyHelper phy;
        phy.SetChannel(channel.Create());
        WifiMacHelper mac;
        mac.SetType("ns3::AdhocWifiMac");
        wifi = w.Install(phy, mac, nodes);
        MobilityHelper mobility;
        mobility.Install(nodes); // both at the origin: every frame is received

        EnergyHarvestingOrinDeviceHelper orin;
        orin.SetSlotDuration(Seconds(100));
        orin.SetBatteryAttribute("CapacityJ", DoubleValue(capacityJ));
        orin.SetBatteryAttribute("RechargeFraction", DoubleValue(rechargeFraction));
        orin.SetHarvesterAttribute("SlotEnergyJ",
                                   StringValue("ns3::ConstantRandomVariable[Constant=0]"));
        orin.SetDeviceAttribute("Accounting", StringValue("Continuous"));
        orin.SetDeviceAttribute("PowerModeFile",
                                StringValue(std::string(LLM_EDGE_DATA_DIR) +
                                            "/power-modes/agx-orin-32gb-gpu-freq.csv"));
        orin.SetDeviceAttribute("PowerMode", StringValue("816MHz")); // idles at 7.1 W
        orins = orin.Install(nodes);
        // Add, not '=': EnergySourceContainer is an ns-3 Object, whose
        // implicit copy assignment shares (and frees twice) its aggregates.
        batteries.Add(EnergyHarvestingOrinDeviceHelper::GetBatteries(nodes));

        WifiRadioEnergyModelHelper radio; // ns-3's default currents
        radios = radio.Install(wifi, batteries);

        InternetStackHelper internet;
        internet.Install(nodes);
        Ipv4AddressHelper ip;
        ip.SetBase("10.9.0.0", "255.255.255.0");
        ip.Assign(wifi);
    }

    Ptr<CappedBatteryEnergySource> Battery(uint32_t i) const
    {
        return DynamicCast<CappedBatteryEnergySource>(batteries.Get(i));
    }

    Ptr<WifiPhy> Phy(uint32_t i) const
    {
        return DynamicCast<WifiNetDevice>(wifi.Get(i))->GetPhy();
    }

    /// 1000-byte UDP datagrams from node 1 to node 0 every \p gap until \p end.
    void StartTraffic(Time gap, Time end)
    {
        Ptr<Socket> rx = Socket::CreateSocket(nodes.Get(0), UdpSocketFactory::GetTypeId());
        rx->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7000));
        Ptr<Socket> tx = Socket::CreateSocket(nodes.Get(1), UdpSocketFactory::GetTypeId());
        tx->Connect(InetSocketAddress(Ipv4Address("10.9.0.1"), 7000));
        for (Time t = Seconds(1); t < end; t += gap)
        {
            ScheduleFunction(t, [tx]() { tx->Send(Create<Packet>(1000)); });
        }
    }
};

class WifiSharedBatteryTestCase : public TestCase
{
  public:
    WifiSharedBatteryTestCase()
        : TestCase("WifiRadioEnergyModel and an Orin device on one battery: the install works "
                   "and the drop equals the radio's plus the device's consumption")
    {
    }

  private:
    void DoRun() override
    {
        WifiPair p(100e3, 0.0);
        p.StartTraffic(MilliSeconds(10), Seconds(9));
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        for (uint32_t i = 0; i < 2; ++i)
        {
            Ptr<CappedBatteryEnergySource> b = p.Battery(i);
            double drop = 100e3 - b->GetRemainingEnergy();
            double radioJ = p.radios.Get(i)->GetTotalEnergyConsumption();
            auto orin = DynamicCast<EnergyHarvestingOrinDevice>(p.orins.Get(i));
            double orinJ = orin->GetTotalEnergyConsumption();
            // Tolerance: 1e-9 of the capacity (sums of ~10^4 updates).
            double tol = 1e-9 * 100e3;
            NS_TEST_ASSERT_MSG_EQ_TOL(orinJ, orin->GetCurrentMode().idlePowerW * 10, tol,
                                      "the device idled for 10 s");
            double idleOnlyJ = 0.273 * 19.0 * 10; // ns-3's IdleCurrentA, 19 V, 10 s
            NS_TEST_ASSERT_MSG_GT(radioJ, idleOnlyJ, "the radio sent or received");
            NS_TEST_ASSERT_MSG_LT(radioJ, 0.380 * 19.0 * 10, "below TxCurrentA all along");
            NS_TEST_ASSERT_MSG_EQ_TOL(drop, radioJ + orinJ, tol,
                                      "drop = radio + device (node " << i << ")");
            NS_TEST_ASSERT_MSG_EQ_TOL(b->GetModelEnergyJ(p.radios.Get(i)), radioJ, tol,
                                      "the battery integrated what the radio counted");
            NS_TEST_ASSERT_MSG_EQ_TOL(b->GetBalanceErrorJ(), 0.0, tol, "balance");
        }
        Simulator::Destroy();
    }
};

class WifiDepletionTestCase : public TestCase
{
  public:
    WifiDepletionTestCase()
        : TestCase("depletion turns the Wi-Fi radio off, recharge (ns-3's BasicEnergyHarvester) "
                   "turns it on again")
    {
    }

  private:
    void DoRun() override
    {
        // 100 J: the radio (5.2 W idle) and the device (7.1 W) empty it in ~8 s.
        WifiPair p(100.0, 0.2);
        BasicEnergyHarvesterHelper hh;
        hh.Set("PeriodicHarvestedPowerUpdateInterval", TimeValue(Seconds(1)));
        hh.Set("HarvestablePower", StringValue("ns3::ConstantRandomVariable[Constant=0]"));
        EnergySourceContainer first;
        first.Add(p.Battery(0));
        EnergyHarvesterContainer hs = hh.Install(first);
        // Sun from t = 30 s: 200 W, far above what the device draws in saving.
        ScheduleFunction(Seconds(30), [hs]() {
            hs.Get(0)->SetAttribute("HarvestablePower",
                                    StringValue("ns3::ConstantRandomVariable[Constant=200]"));
        });
        bool offAt29 = false;
        bool onAt34 = false;
        double levelAt29 = -1;
        ScheduleFunction(Seconds(29), [&]() {
            offAt29 = p.Phy(0)->IsStateOff();
            levelAt29 = p.Battery(0)->GetRemainingEnergy();
        });
        // Checked at 34 s, before the radio has drawn more than the initial
        // energy (WifiRadioEnergyModel asserts that in debug builds of ns-3).
        ScheduleFunction(Seconds(34), [&]() { onAt34 = !p.Phy(0)->IsStateOff(); });
        Simulator::Stop(Seconds(35));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ_TOL(levelAt29, 0.0, 1e-9, "the battery is empty at 29 s");
        NS_TEST_ASSERT_MSG_EQ(offAt29, true, "depleted: the radio is off");
        NS_TEST_ASSERT_MSG_EQ(onAt34, true, "recharged: the radio is on again");
        NS_TEST_ASSERT_MSG_GT(p.Battery(0)->GetRemainingEnergy(), 20.0, "charging");
        NS_TEST_ASSERT_MSG_EQ_TOL(p.Battery(0)->GetBalanceErrorJ(), 0.0, 1e-9, "balance");
        Simulator::Destroy();
    }
};

class LlmEdgeWifiEnergyTestSuite : public TestSuite
{
  public:
    LlmEdgeWifiEnergyTestSuite()
        : TestSuite("llm-edge-wifi-energy", TestSuite::Type::UNIT)
    {
        AddTestCase(new WifiSharedBatteryTestCase);
        AddTestCase(new WifiDepletionTestCase);
    }
};

LlmEdgeWifiEnergyTestSuite g_llmEdgeWifiEnergyTestSuite;

} // namespace
