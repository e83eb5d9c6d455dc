/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Misconfiguration of the ns-3 models ends the program with a message that
// names the parameter and the value (GoogleTest death tests fork a child).

#include "ns3/double.h"
#include "ns3/energy-harvesting-orin-device-helper.h"
#include "ns3/node-container.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::llmedge;

namespace
{

void
RunWith(const std::string& battery, double value, const std::string& device, const std::string& text)
{
    NodeContainer nodes;
    nodes.Create(1);
    EnergyHarvestingOrinDeviceHelper helper;
    if (!battery.empty())
    {
        helper.SetBatteryAttribute(battery, DoubleValue(value));
    }
    if (!device.empty())
    {
        helper.SetDeviceAttribute(device, StringValue(text));
    }
    helper.Install(nodes);
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    Simulator::Destroy();
}

void
RunWithFractions(double low, double high)
{
    NodeContainer nodes;
    nodes.Create(1);
    EnergyHarvestingOrinDeviceHelper helper;
    helper.SetDeviceAttribute("LowThresholdFraction", DoubleValue(low));
    helper.SetDeviceAttribute("HighThresholdFraction", DoubleValue(high));
    helper.Install(nodes);
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    Simulator::Destroy();
}

} // namespace

TEST(DeviceDeathTest, NegativeCapacity)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(RunWith("CapacityJ", -5, "", ""), "CapacityJ = -5");
}

TEST(DeviceDeathTest, InitialFractionAboveOne)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(RunWith("InitialFraction", 1.2, "", ""), "InitialFraction = 1.2");
}

TEST(DeviceDeathTest, ThresholdsInTheWrongOrder)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(RunWithFractions(0.3, 0.2), "0.3 >= 0.2: Elow must be below Ehigh");
}

TEST(DeviceDeathTest, UnknownAccounting)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(RunWith("", 0, "Accounting", "Hourly"), "Accounting = 'Hourly'");
}

TEST(DeviceDeathTest, UnsortedDynamicThresholds)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(RunWith("", 0, "DynamicThresholds", "0:15W,0.6:60W,0.4:30W"),
                 "DynamicThresholds = 0.6 then 0.4");
}

TEST(DeviceDeathTest, MissingModeFile)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(RunWith("", 0, "PowerModeFile", "/no/such/modes.csv"), "cannot open file '/no/such/modes.csv'");
}
