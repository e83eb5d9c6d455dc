/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// SolarExport: the PVGIS hourly and NSRDB/SAM layouts read into per-slot
// energies of a panel (the samples in data/harvest/, values by hand), and
// bad files rejected with file and line.

#include "expect-config-error.h"

#include "ns3/solar-export.h"

#include <gtest/gtest.h>
#include <sstream>

using namespace ns3::llmedge;
using ns3::llmedge::test::DataFile;
using ns3::llmedge::test::ExpectError;

namespace
{

SolarExport::Panel
Rated(double w)
{
    return SolarExport::Panel{0, 0, w};
}

SolarExport::Panel
Area(double m2, double efficiency)
{
    return SolarExport::Panel{m2, efficiency, 0};
}

PowerTrace
ParseText(const std::string& text, const std::string& format, const SolarExport::Panel& panel)
{
    std::istringstream in(text);
    return SolarExport::Parse(in, "f.csv", format, panel, 0);
}

const std::string kPvgisHead = "Nominal power of the PV system (c-Si) (kWp):\t2.0\n"
                               "time,P,G(i),H_sun,T2m,WS10m,Int\n";

} // namespace

TEST(SolarExport, PvgisRatedPowerScalesPFromTheNominalPower)
{
    const std::string f = DataFile("harvest/pvgis-hourly-sample.csv");
    PowerTrace t = SolarExport::Load(f, "pvgis-hourly", Rated(30), 0);
    EXPECT_EQ(t.GetN(), 24u);
    // Row 12:10 (12 h after the first row): P = 855.3 W of a 1 kWp system;
    // a 30 W panel makes 855.3 x 30 / 1000 W; one 100 s slot.
    EXPECT_NEAR(t.GetEnergyJ(12 * 3600, 12 * 3600 + 100), 855.3 * 0.03 * 100, 1e-9);
    EXPECT_NEAR(t.GetEnergyJ(3 * 3600, 3 * 3600 + 100), 0.0, 1e-12); // night
    // A slot across 06:10 -> 07:10: 50 s of each row's power.
    EXPECT_NEAR(t.GetEnergyJ(7 * 3600 - 50, 7 * 3600 + 50), (178.8 + 349.8) * 0.03 * 50, 1e-9);
}

TEST(SolarExport, PvgisAreaUsesTheIrradianceOnThePlane)
{
    PowerTrace t =
        SolarExport::Load(DataFile("harvest/pvgis-hourly-sample.csv"), "pvgis-hourly", Area(0.2, 0.18), 0);
    // 12:10: G(i) = 994.5 W/m^2 on 0.2 m^2 at 18 %.
    EXPECT_NEAR(t.GetEnergyJ(12 * 3600, 12 * 3600 + 100), 994.5 * 0.2 * 0.18 * 100, 1e-9);
}

TEST(SolarExport, PvgisWithoutPUsesIrradianceAtTheRatedPower)
{
    PowerTrace t = ParseText("time,G(i)\n20230101:0010,0\n20230101:0110,500\n", "pvgis-hourly",
                             Rated(40));
    EXPECT_NEAR(t.GetPowerW(3600 + 1), 500.0 / 1000 * 40, 1e-12);
}

TEST(SolarExport, NsrdbTypicalYearRunsAcrossItsYearsInOrder)
{
    PowerTrace t = SolarExport::Load(DataFile("harvest/nsrdb-tmy-sample.csv"), "nsrdb-tmy", Area(1.0, 0.2), 0);
    EXPECT_EQ(t.GetN(), 48u);
    // Jan 31 (2009) 12:30 is 12 h after the first row; Feb 1 (2014) 11:30 is 35 h after.
    EXPECT_NEAR(t.GetEnergyJ(12 * 3600, 12 * 3600 + 100), 592.6 * 0.2 * 100, 1e-9);
    EXPECT_NEAR(t.GetEnergyJ(35 * 3600, 35 * 3600 + 100), 592.6 * 0.2 * 100, 1e-9);
    // Midnight between the two months: Jan 31 23:30 -> Feb 1 00:30, both dark.
    EXPECT_NEAR(t.GetEnergyJ(23 * 3600, 25 * 3600), 0.0, 1e-12);
}

TEST(SolarExport, NsrdbSingleYearKeepsItsLeapDay)
{
    std::string text = "Source,x\nNSRDB,1\nYear,Month,Day,Hour,Minute,GHI\n"
                       "2016,2,28,23,30,0\n2016,2,29,0,30,100\n2016,3,1,0,30,200\n";
    PowerTrace t = ParseText(text, "nsrdb-tmy", Rated(10));
    EXPECT_NEAR(t.GetPowerW(3600 + 1), 1.0, 1e-12);        // Feb 29, 100 W/m^2 x 10 W / 1000
    EXPECT_NEAR(t.GetPowerW(25 * 3600 + 1), 2.0, 1e-12);   // Mar 1, one day later
}

TEST(SolarExport, RejectsBadFilesWithFileAndLine)
{
    // A malformed time on line 4 (the second row).
    ExpectError([] { ParseText(kPvgisHead + "20230101:0010,1,1,0,0,0,0\n2023011:0110,1,1,0,0,0,0\n",
                               "pvgis-hourly", Rated(30)); },
                {"f.csv:4:", "2023011:0110", "YYYYMMDD:HHMM"});
    // A date that does not exist.
    ExpectError([] { ParseText(kPvgisHead + "20230230:0010,1,1,0,0,0,0\n", "pvgis-hourly", Rated(30)); },
                {"f.csv:3:", "20230230:0010"});
    // Rows out of order.
    ExpectError([] { ParseText(kPvgisHead + "20230101:0110,1,1,0,0,0,0\n20230101:0010,1,1,0,0,0,0\n",
                               "pvgis-hourly", Rated(30)); },
                {"f.csv:4:", "not after"});
    // P without the nominal power it is scaled from.
    ExpectError([] { ParseText("time,P,G(i)\n20230101:0010,1,1\n", "pvgis-hourly", Rated(30)); },
                {"f.csv", "Nominal power"});
    // Negative irradiance.
    ExpectError([] { ParseText("time,G(i)\n20230101:0010,-5\n", "pvgis-hourly", Area(1, 0.2)); },
                {"f.csv:2:", "G(i)", "-5"});
    // 1e308 W/m^2.
    ExpectError([] { ParseText("time,G(i)\n20230101:0010,1e308\n", "pvgis-hourly", Area(1, 0.2)); },
                {"f.csv:2:", "1e+308"});
    // No header at all.
    ExpectError([] { ParseText("Latitude:\t45\n\n", "pvgis-hourly", Rated(30)); },
                {"f.csv", "time,"});
    ExpectError([] { ParseText("a,b\n1,2\n", "nsrdb-tmy", Rated(30)); },
                {"f.csv", "Year,Month,Day,Hour"});
    // Feb 29 in a typical year (rows of several years).
    ExpectError([] { ParseText("Year,Month,Day,Hour,GHI\n2009,1,31,0,0\n2012,2,29,0,0\n",
                               "nsrdb-tmy", Rated(30)); },
                {"f.csv:3:", "day 29 of month 2", "typical"});
    // Hour 24, a fractional month.
    ExpectError([] { ParseText("Year,Month,Day,Hour,GHI\n2009,1,1,24,0\n", "nsrdb-tmy", Rated(30)); },
                {"f.csv:2:", "Hour = 24"});
    ExpectError([] { ParseText("Year,Month,Day,Hour,GHI\n2009,1.5,1,0,0\n", "nsrdb-tmy", Rated(30)); },
                {"f.csv:2:", "Month = 1.5"});
    // A missing GHI column, named with the header.
    ExpectError([] { ParseText("Year,Month,Day,Hour,DNI\n2009,1,1,0,0\n", "nsrdb-tmy", Rated(30)); },
                {"f.csv", "missing required column 'GHI'", "Year,Month,Day,Hour,DNI"});
}

TEST(SolarExport, RejectsAmbiguousOrBadPanels)
{
    ExpectError([] { ParseText(kPvgisHead, "pvgis-hourly", SolarExport::Panel{1, 0.2, 30}); },
                {"PanelAreaM2 / RatedPowerW", "exactly one"});
    ExpectError([] { ParseText(kPvgisHead, "pvgis-hourly", SolarExport::Panel{0, 0, 0}); },
                {"PanelAreaM2 / RatedPowerW"});
    ExpectError([] { ParseText(kPvgisHead, "pvgis-hourly", Area(1, 1.5)); },
                {"PanelEfficiency", "1.5"});
    ExpectError([] { ParseText(kPvgisHead, "pvgis-hourly", Rated(-1)); }, {"RatedPowerW", "-1"});
    ExpectError([] { ParseText(kPvgisHead, "pvgis-daily", Rated(30)); },
                {"TraceFormat", "pvgis-daily"});
}
