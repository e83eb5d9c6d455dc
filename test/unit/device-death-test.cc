/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Misconfiguration of the ns-3 models throws ConfigError with a message that
// names the parameter and the value; the programs turn it into one line and
// exit status 2 (RunProgram). (Before, these were death tests of an abort.)

#include "ns3/config-error.h"
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
RunWith(const std::string& battery,
        double value,
        const std::string& device,
        const std::string& text)
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

/// The ConfigError message of f(), or "" when f() does not throw one.
template <typename F>
std::string
ConfigErrorOf(F f)
{
    try
    {
        f();
    }
    catch (const ConfigError& e)
    {
        Simulator::Destroy();
        return e.what();
    }
    Simulator::Destroy();
    return "";
}

} // namespace

TEST(DeviceConfigError, NegativeCapacity)
{
    EXPECT_NE(ConfigErrorOf([] { RunWith("CapacityJ", -5, "", ""); }).find("CapacityJ = -5"),
              std::string::npos);
}

TEST(DeviceConfigError, InitialFractionAboveOne)
{
    EXPECT_NE(ConfigErrorOf([] {
                  RunWith("InitialFraction", 1.2, "", "");
              }).find("InitialFraction = 1.2"),
              std::string::npos);
}

TEST(DeviceConfigError, ThresholdsInTheWrongOrder)
{
    EXPECT_NE(ConfigErrorOf([] {
                  RunWithFractions(0.3, 0.2);
              }).find("0.3 >= 0.2: Elow must be below Ehigh"),
              std::string::npos);
}

TEST(DeviceConfigError, UnknownAccounting)
{
    EXPECT_NE(
        ConfigErrorOf([] { RunWith("", 0, "Accounting", "Hourly"); }).find("Accounting = 'Hourly'"),
        std::string::npos);
}

TEST(DeviceConfigError, UnsortedDynamicThresholds)
{
    EXPECT_NE(ConfigErrorOf([] {
                  RunWith("", 0, "DynamicThresholds", "0:15W,0.6:60W,0.4:30W");
              }).find("DynamicThresholds = 0.6 then 0.4"),
              std::string::npos);
}

TEST(DeviceConfigError, MissingModeFile)
{
    EXPECT_NE(ConfigErrorOf([] {
                  RunWith("", 0, "PowerModeFile", "/no/such/modes.csv");
              }).find("cannot open file '/no/such/modes.csv'"),
              std::string::npos);
}
