/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// GoogleTest for the pure core's parsing and validation: CSV reading, power
// mode tables, policies, device specifications, power traces, and the
// shipped data files.

#include "ns3/config-error.h"
#include "ns3/csv-table.h"
#include "ns3/device-spec.h"
#include "ns3/power-mode-policy.h"
#include "ns3/power-mode-table.h"
#include "ns3/power-trace.h"

#include "expect-config-error.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

using namespace ns3::llmedge;
using ns3::llmedge::test::DataFile;
using ns3::llmedge::test::ExpectError;

namespace
{

std::string
WriteTemp(const std::string& name, const std::string& text)
{
    std::string path = ::testing::TempDir() + name;
    std::ofstream(path) << text;
    return path;
}

} // namespace

TEST(CsvTable, CommentsQuotesAndLineNumbers)
{
    std::istringstream in("# provenance\n\nA, b ,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n# mid\n2,z,w\r\n");
    CsvTable t = CsvTable::Parse(in, "t.csv");
    ASSERT_EQ(t.GetRows().size(), 2u);
    EXPECT_EQ(t.GetRows()[0].line, 4u);
    EXPECT_EQ(t.GetRows()[1].line, 6u);
    EXPECT_EQ(t.GetString(t.GetRows()[0], 1), "x, y");
    EXPECT_EQ(t.GetString(t.GetRows()[0], 2), "say \"hi\"");
    EXPECT_EQ(t.FindColumn("B"), 1);
    EXPECT_EQ(t.GetString(t.GetRows()[1], 2), "w");
    EXPECT_DOUBLE_EQ(t.GetDouble(t.GetRows()[1], 0), 2.0);
}

TEST(CsvTable, RejectsMalformedRows)
{
    ExpectError([] {
        std::istringstream in("a,b\n1,2\n3\n");
        CsvTable::Parse(in, "m.csv");
    },
                {"m.csv:3", "expected 2 columns, found 1"});
    ExpectError([] {
        std::istringstream in("a,a\n");
        CsvTable::Parse(in, "d.csv");
    },
                {"d.csv:1", "duplicate column"});
    ExpectError([] {
        std::istringstream in("a\n\"open\n");
        CsvTable::Parse(in, "q.csv");
    },
                {"q.csv:2", "unterminated"});
    ExpectError([] {
        std::istringstream in("# only comments\n");
        CsvTable::Parse(in, "e.csv");
    },
                {"e.csv", "no header"});
    ExpectError([] { CsvTable::ParseFile("/nonexistent/x.csv"); }, {"cannot open", "/nonexistent/x.csv"});
}

TEST(ParseFiniteDouble, AcceptsOnlyWholeFiniteNumbers)
{
    double v = 0;
    EXPECT_TRUE(ParseFiniteDouble(" 1.5e3 ", v));
    EXPECT_DOUBLE_EQ(v, 1500);
    EXPECT_FALSE(ParseFiniteDouble("12W", v));
    EXPECT_FALSE(ParseFiniteDouble("", v));
    EXPECT_FALSE(ParseFiniteDouble("nan", v));
    EXPECT_FALSE(ParseFiniteDouble("inf", v));
    EXPECT_FALSE(ParseFiniteDouble("1e999", v));
}

TEST(PowerModeTable, PresetsMatchThePaper)
{
    PowerModeTable printed = PowerModeTable::FromPreset("paper-printed");
    PowerModeTable scaled = PowerModeTable::FromPreset("paper-scaled");
    ASSERT_EQ(printed.GetN(), 4u);
    const double times[] = {300, 200, 205, 100};
    const double kj[] = {26, 22, 23.5, 23};
    const unsigned k[] = {3, 2, 3, 1};
    for (std::size_t i = 0; i < 4; ++i)
    {
        EXPECT_DOUBLE_EQ(printed.Get(i).timePerJobS, times[i]);
        EXPECT_DOUBLE_EQ(printed.Get(i).energyPerJobJ, kj[i] * 1000);
        EXPECT_DOUBLE_EQ(scaled.Get(i).energyPerJobJ, kj[i] * 100);
        EXPECT_EQ(scaled.Get(i).GetSlotsPerJob(100.0), k[i]);
    }
    EXPECT_NEAR(scaled.Get(3).GetJobPowerW(), 23.0, 1e-12);
    ExpectError([] { PowerModeTable::FromPreset("paper"); }, {"PowerModePreset", "'paper'"});
}

TEST(PowerModeTable, ShippedFilesLoadAndMatchPresets)
{
    for (const char* preset : {"paper-printed", "paper-scaled"})
    {
        PowerModeTable file =
            PowerModeTable::LoadCsv(DataFile(std::string("power-modes/agx-orin-64gb-") + preset + ".csv"));
        PowerModeTable built = PowerModeTable::FromPreset(preset);
        ASSERT_EQ(file.GetN(), built.GetN());
        for (std::size_t i = 0; i < file.GetN(); ++i)
        {
            EXPECT_EQ(file.Get(i).name, built.Get(i).name);
            EXPECT_DOUBLE_EQ(file.Get(i).timePerJobS, built.Get(i).timePerJobS);
            EXPECT_DOUBLE_EQ(file.Get(i).energyPerJobJ, built.Get(i).energyPerJobJ);
            EXPECT_FALSE(file.Get(i).flag.empty());
        }
    }
    PowerModeTable nx = PowerModeTable::LoadCsv(DataFile("power-modes/orin-nx-8gb.csv"));
    EXPECT_EQ(nx.GetN(), 4u);
    EXPECT_NE(nx.Get(0).flag.find("EST"), std::string::npos);
    EXPECT_NEAR(nx.Get(3).GetJobPowerW(), 19.0, 1e-6);
    PowerModeTable ladder = PowerModeTable::LoadCsv(DataFile("power-modes/agx-orin-32gb-gpu-freq.csv"));
    EXPECT_EQ(ladder.GetN(), 7u);
    EXPECT_EQ(ladder.Get(6).name, "930.75MHz");
    EXPECT_DOUBLE_EQ(ladder.Get(0).idlePowerW, 7.1);
}

TEST(PowerModeTable, RejectsBadFields)
{
    const std::string header = "name,time_per_job_s,energy_per_job_j\n";
    ExpectError([&] { PowerModeTable::ParseCsv(header + "A,0,100\n", "z.csv"); },
                {"z.csv:2", "time_per_job_s", "= 0", "must lie in (0,"});
    ExpectError([&] { PowerModeTable::ParseCsv(header + "A,10,-5\n", "n.csv"); },
                {"n.csv:2", "energy_per_job_j", "-5"});
    ExpectError([&] { PowerModeTable::ParseCsv(header + "A,10,abc\n", "x.csv"); },
                {"x.csv:2:6", "energy_per_job_j", "'abc'", "not a finite decimal number"});
    ExpectError([&] { PowerModeTable::ParseCsv(header + "A,10\n", "c.csv"); },
                {"c.csv:2", "expected 3 columns, found 2"});
    ExpectError([&] { PowerModeTable::ParseCsv("name,time_per_job_s\nA,1\n", "h.csv"); },
                {"h.csv", "missing required column 'energy_per_job_j'"});
    ExpectError([&] { PowerModeTable::ParseCsv(header + "A,1,1\nA,2,2\n", "u.csv"); },
                {"duplicate power mode name 'A'"});
    ExpectError([&] { PowerModeTable::ParseCsv(header, "empty.csv"); }, {"empty.csv", "no modes"});
    ExpectError([&] {
        PowerModeTable::ParseCsv("name,time_per_job_s,energy_per_job_j,idle_power_w\nA,1,1,-2\n",
                                 "i.csv");
    },
                {"i.csv:2", "idle_power_w", "-2"});
}

TEST(PowerModePolicy, DynamicStaircase)
{
    PowerModeTable t = PowerModeTable::FromPreset("paper-scaled");
    PowerModePolicy p = PowerModePolicy::Parse("dynamic", "0:15W,0.4:30W,0.6:60W", t);
    EXPECT_TRUE(p.IsDynamic());
    EXPECT_EQ(t.Get(p.Select(0.0)).name, "15W");
    EXPECT_EQ(t.Get(p.Select(0.3999)).name, "15W");
    EXPECT_EQ(t.Get(p.Select(0.4)).name, "30W");
    EXPECT_EQ(t.Get(p.Select(0.5999)).name, "30W");
    EXPECT_EQ(t.Get(p.Select(0.6)).name, "60W");
    EXPECT_EQ(t.Get(p.Select(1.0)).name, "60W");
    EXPECT_EQ(p.Describe(t), "dynamic:0:15W,0.4:30W,0.6:60W");
    PowerModePolicy f = PowerModePolicy::Parse("30W", "", t);
    EXPECT_FALSE(f.IsDynamic());
    EXPECT_EQ(t.Get(f.Select(0.99)).name, "30W");
}

TEST(PowerModePolicy, RejectsBadThresholds)
{
    PowerModeTable t = PowerModeTable::FromPreset("paper-scaled");
    ExpectError([&] { PowerModePolicy::Parse("dynamic", "0:15W,0.6:60W,0.4:30W", t); },
                {"DynamicThresholds", "0.6 then 0.4", "strictly increasing"});
    ExpectError([&] { PowerModePolicy::Parse("dynamic", "0.1:15W,0.6:60W", t); },
                {"DynamicThresholds", "0.1", "first threshold must be 0"});
    ExpectError([&] { PowerModePolicy::Parse("dynamic", "0:15W,1.5:60W", t); },
                {"DynamicThresholds", "1.5", "[0, 1]"});
    ExpectError([&] { PowerModePolicy::Parse("dynamic", "0:15W,0.5:90W", t); },
                {"DynamicThresholds", "'90W'", "no such power mode"});
    ExpectError([&] { PowerModePolicy::Parse("dynamic", "0:15W,x:30W", t); },
                {"DynamicThresholds", "'x'", "not a number"});
    ExpectError([&] { PowerModePolicy::Parse("dynamic", "0-15W", t); },
                {"DynamicThresholds", "fraction:mode"});
    ExpectError([&] { PowerModePolicy::Parse("45W", "", t); }, {"PowerMode", "'45W'", "15W, 30W"});
}

TEST(DeviceSpec, RejectsBadParameters)
{
    DeviceSpec s;
    s.modes = PowerModeTable::FromPreset("paper-scaled");
    s.policy = PowerModePolicy::Fixed(0);
    EXPECT_NO_THROW(s.Validate());
    auto with = [&](auto change) {
        DeviceSpec c = s;
        change(c);
        return [c] { c.Validate(); };
    };
    ExpectError(with([](DeviceSpec& c) { c.capacityJ = -5; }), {"CapacityJ", "-5", "must lie in (0,"});
    ExpectError(with([](DeviceSpec& c) { c.lowFraction = 0.3; c.highFraction = 0.2; }),
                {"LowThresholdFraction/HighThresholdFraction", "0.3 >= 0.2", "Elow must be below Ehigh"});
    ExpectError(with([](DeviceSpec& c) { c.slotS = 0; }), {"SlotDuration", "0 s"});
    ExpectError(with([](DeviceSpec& c) { c.highFraction = 1.5; }), {"HighThresholdFraction", "1.5"});
    ExpectError(with([](DeviceSpec& c) { c.lowFraction = -0.1; }), {"LowThresholdFraction", "-0.1"});
}

TEST(PowerTrace, IntegralsAndRepetition)
{
    PowerTrace t({0, 100, 300}, {1, 3, 2}, 0, "t");
    EXPECT_DOUBLE_EQ(t.GetEnergyJ(0, 100), 100);
    EXPECT_DOUBLE_EQ(t.GetEnergyJ(50, 150), 50 + 150);
    EXPECT_DOUBLE_EQ(t.GetEnergyJ(300, 400), 200); // last value holds
    EXPECT_DOUBLE_EQ(t.GetPowerW(299.9), 3);
    PowerTrace r({0, 100}, {1, 3}, 400, "r");
    // One period = 100*1 + 300*3 = 1000 J.
    EXPECT_DOUBLE_EQ(r.GetEnergyJ(0, 400), 1000);
    EXPECT_DOUBLE_EQ(r.GetEnergyJ(350, 450), 50 * 3 + 50 * 1);
    EXPECT_DOUBLE_EQ(r.GetEnergyJ(0, 4000), 10000);
    PowerTrace late({10}, {5}, 0, "late");
    EXPECT_DOUBLE_EQ(late.GetEnergyJ(0, 20), 50); // nothing before the first row
}

TEST(PowerTrace, RejectsBadFiles)
{
    std::string unsorted = WriteTemp("unsorted.csv", "time_s,power_w\n0,1\n100,2\n50,3\n");
    ExpectError([&] { PowerTrace::LoadCsv(unsorted, "time_s", "power_w", 1, 0); },
                {"unsorted.csv:4", "'time_s' = 50", "not after"});
    std::string negative = WriteTemp("negative.csv", "time_s,power_w\n0,1\n100,-2\n");
    ExpectError([&] { PowerTrace::LoadCsv(negative, "time_s", "power_w", 1, 0); },
                {"negative.csv:3", "'power_w' = -2"});
    std::string text = WriteTemp("text.csv", "time_s,power_w\n0,sunny\n");
    ExpectError([&] { PowerTrace::LoadCsv(text, "time_s", "power_w", 1, 0); },
                {"text.csv:2", "'sunny'"});
    std::string ok = WriteTemp("ok.csv", "time_s,power_w\n0,1\n100,2\n");
    ExpectError([&] { PowerTrace::LoadCsv(ok, "time_s", "P", 1, 0); }, {"missing required column 'P'"});
    ExpectError([&] { PowerTrace::LoadCsv(ok, "time_s", "power_w", 1, 50); },
                {"RepeatPeriod", "50 s", "greater than the last trace time"});
    ExpectError([&] { PowerTrace::LoadCsv(ok, "time_s", "power_w", -1, 0); }, {"PowerScale", "-1"});
    PowerTrace shipped = PowerTrace::LoadCsv(DataFile("harvest/synthetic-clear-sky-30wp.csv"), "time_s",
                                             "power_w", 1, 86400);
    EXPECT_EQ(shipped.GetN(), 24u);
    EXPECT_GT(shipped.GetEnergyJ(0, 86400), 0);
}
