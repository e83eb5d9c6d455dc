/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// GoogleTest for the data layer of sustainability-aware routing (issue 7):
// carbon-intensity traces and yearly tables, device profiles, request
// workloads, and the shipped data files. Pure core, no ns-3.

#include "ns3/carbon-intensity.h"
#include "ns3/config-error.h"
#include "ns3/device-profile.h"
#include "ns3/request-workload.h"

#include <cmath>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3::llmedge;

namespace
{

const double kPi = std::acos(-1.0);

std::string
Data(const std::string& rel)
{
    return std::string(LLM_EDGE_DATA_DIR) + "/" + rel;
}

/// The message of the ConfigError \p f throws ("" when it throws none).
template <typename F>
std::string
MessageOf(F f)
{
    try
    {
        f();
    }
    catch (const ConfigError& e)
    {
        return e.what();
    }
    return "";
}

/// \p message is non-empty and contains every fragment.
::testing::AssertionResult
Mentions(const std::string& message, const std::vector<std::string>& fragments)
{
    if (message.empty())
    {
        return ::testing::AssertionFailure() << "no ConfigError was thrown";
    }
    for (const auto& f : fragments)
    {
        if (message.find(f) == std::string::npos)
        {
            return ::testing::AssertionFailure() << "'" << message << "' lacks '" << f << "'";
        }
    }
    return ::testing::AssertionSuccess();
}

// ---- carbon intensity --------------------------------------------------------

const std::string kDirect = "Carbon Intensity gCO\xE2\x82\x82"
                            "eq/kWh (direct)";

/// An hourly trace text with header Datetime (UTC),Zone Id,<direct>.
std::string
Trace(const std::string& rows)
{
    return "Datetime (UTC),Zone Id," + kDirect + "\n" + rows;
}

CarbonIntensityTrace
ParseTrace(const std::string& text, const std::string& zone = "")
{
    std::istringstream in(text);
    return CarbonIntensityTrace::Parse(in, "ci.csv", zone, CarbonIntensityTrace::Column::Direct);
}

std::string
TraceError(const std::string& text, const std::string& zone = "")
{
    return MessageOf([&] { ParseTrace(text, zone); });
}

} // namespace

TEST(CarbonIntensity, GramsFromJoulesIsTheClosedForm)
{
    EXPECT_EQ(GridEnergyToGramsCo2(3.6e6, 400.0), 400.0);
    EXPECT_EQ(GridEnergyToGramsCo2(0.0, 400.0), 0.0);
    const double j = 1234.5;
    const double ci = 321.25;
    EXPECT_EQ(GridEnergyToGramsCo2(j, ci), j * ci / 3.6e6);
    EXPECT_EQ(kJoulesPerKWh, 3600.0 * 1000.0);
}

TEST(CarbonIntensity, ConstantTrace)
{
    CarbonIntensityTrace t = CarbonIntensityTrace::Constant(250.0);
    EXPECT_TRUE(t.IsConstant());
    EXPECT_EQ(t.GetIntensity(0), 250.0);
    EXPECT_EQ(t.GetIntensity(1e8), 250.0);
    EXPECT_EQ(t.GetMean(), 250.0);
    EXPECT_EQ(t.GetMeanIntensity(10, 99999), 250.0);
    EXPECT_EQ(t.GetPeriodS(), 0.0);
    EXPECT_EQ(CarbonIntensityTrace().GetIntensity(5), 0.0);
    EXPECT_TRUE(Mentions(MessageOf([] { CarbonIntensityTrace::Constant(-1); }),
                         {"constant carbon intensity", "-1", "[0, 10000]"}));
    EXPECT_TRUE(Mentions(MessageOf([] { CarbonIntensityTrace::Constant(std::nan("")); }),
                         {"constant carbon intensity", "nan"}));
    EXPECT_TRUE(Mentions(MessageOf([&] { t.GetIntensity(-1); }), {"carbon trace time", "-1"}));
}

TEST(CarbonIntensity, HourlyLookupWrapsAroundAndAverages)
{
    CarbonIntensityTrace t = ParseTrace(Trace("2024-01-01 00:00:00,AT,100\n"
                                              "2024-01-01 01:00:00,AT,200\n"
                                              "2024-01-01 02:00:00,AT,600\n"));
    EXPECT_FALSE(t.IsConstant());
    EXPECT_EQ(t.GetZoneId(), "AT");
    EXPECT_EQ(t.GetStartUtc(), "2024-01-01 00:00:00");
    EXPECT_EQ(t.GetPeriodS(), 3 * 3600.0);
    EXPECT_EQ(t.GetIntensity(0), 100);
    EXPECT_EQ(t.GetIntensity(3599.999), 100);
    EXPECT_EQ(t.GetIntensity(3600), 200);
    EXPECT_EQ(t.GetIntensity(2 * 3600 + 1), 600);
    // Past the end: periodic with the trace length.
    EXPECT_EQ(t.GetIntensity(3 * 3600), 100);
    EXPECT_EQ(t.GetIntensity(7 * 3600 + 10), 200);
    EXPECT_EQ(t.GetMean(), 300);
    // Exact integrals of the step function.
    EXPECT_DOUBLE_EQ(t.GetMeanIntensity(1800, 5400), 150);
    EXPECT_DOUBLE_EQ(t.GetMeanIntensity(0, 3 * 3600), 300);
    EXPECT_DOUBLE_EQ(t.GetMeanIntensity(5 * 3600, 11 * 3600), 300);
    EXPECT_DOUBLE_EQ(t.GetMeanIntensity(2.5 * 3600, 3.5 * 3600), (600 + 100) / 2.0);
    EXPECT_EQ(t.GetMeanIntensity(4000, 4000), 200);
    EXPECT_TRUE(Mentions(MessageOf([&] { t.GetMeanIntensity(10, 5); }),
                         {"interval end", "5", "start = 10"}));
}

TEST(CarbonIntensity, SelectsZoneAndColumnInBothExportLayouts)
{
    // 2021-2023 data-portal layout, two zones, comment line, BOM and CRLF.
    std::string old =
        "\xEF\xBB\xBF# exported\r\n"
        "Datetime (UTC),Country,Zone Name,Zone Id," +
        kDirect +
        ",Carbon Intensity gCO\xE2\x82\x82"
        "eq/kWh (LCA),Low Carbon Percentage,Renewable Percentage,Data Source,"
        "Data Estimated,Data Estimation Method\r\n"
        "2021-01-01 00:00:00,Sweden,Sweden,SE,2.54,30.02,99.42,60.13,svk.se,true,X\r\n"
        "2021-01-01 00:00:00,Poland,Poland,PL,700,750,10,9,pse.pl,false,\r\n"
        "2021-01-01 01:00:00,Sweden,Sweden,SE,3.5,31,99,60,svk.se,true,X\r\n"
        "2021-01-01 01:00:00,Poland,Poland,PL,710,760,10,9,pse.pl,false,\r\n";
    std::istringstream a(old);
    auto pl =
        CarbonIntensityTrace::Parse(a, "old.csv", "PL", CarbonIntensityTrace::Column::LifeCycle);
    EXPECT_EQ(pl.GetValues(), (std::vector<double>{750, 760}));
    std::istringstream b(old);
    auto se = CarbonIntensityTrace::Parse(b, "old.csv", "SE", CarbonIntensityTrace::Column::Direct);
    EXPECT_EQ(se.GetValues(), (std::vector<double>{2.54, 3.5}));
    // 2024+ layout: "Zone id", "(Life cycle)", ISO timestamps.
    std::istringstream c("Datetime (UTC),Zone id,Carbon intensity gCO\xE2\x82\x82"
                         "eq/kWh (Life cycle)\n"
                         "2024-07-01T00:00:00Z,DE,300\n2024-07-01T01:00:00+00:00,DE,320\n");
    auto de =
        CarbonIntensityTrace::Parse(c, "new.csv", "", CarbonIntensityTrace::Column::LifeCycle);
    EXPECT_EQ(de.GetValues(), (std::vector<double>{300, 320}));
    // ASCII "CO2" and no zone column; a date across a leap day.
    std::istringstream d("Datetime (UTC),Carbon Intensity gCO2eq/kWh (direct)\n"
                         "2024-02-28 23:00,1\n2024-02-29 00:00,2\n2024-02-29 01:00,3\n");
    EXPECT_EQ(CarbonIntensityTrace::Parse(d, "a.csv", "", CarbonIntensityTrace::Column::Direct)
                  .GetValues()
                  .size(),
              3u);
    EXPECT_EQ(CarbonIntensityTrace::ParseColumn("LCA"), CarbonIntensityTrace::Column::LifeCycle);
    EXPECT_EQ(CarbonIntensityTrace::ParseColumn("direct"), CarbonIntensityTrace::Column::Direct);
    EXPECT_TRUE(Mentions(MessageOf([] { CarbonIntensityTrace::ParseColumn("avg"); }),
                         {"'avg'", "direct or lca"}));
}

TEST(CarbonIntensity, BadTraceMessagesNameFileLineColumnAndValue)
{
    // Columns: Datetime at 1, Zone Id at 21, the value at 24 ("2024-01-01 00:00:00,AT,").
    EXPECT_TRUE(Mentions(TraceError("Datetime (UTC),Zone Id\n2024-01-01 00:00:00,AT\n"),
                         {"ci.csv:1:1", "missing required column", "(direct)", "Zone Id"}));
    EXPECT_TRUE(Mentions(MessageOf([] {
                             std::istringstream in("# c\nDatetime (UTC),Zone Id\nx,AT\n");
                             CarbonIntensityTrace::Parse(in,
                                                         "ci.csv",
                                                         "AT",
                                                         CarbonIntensityTrace::Column::LifeCycle);
                         }),
                         {"ci.csv:2:1", "(LCA)", "(Life cycle)"}));

    struct Case
    {
        std::string rows;                   ///< data rows after the header line
        std::string zone;                   ///< zone to select
        std::vector<std::string> fragments; ///< expected in the message
    };

    const std::string h0 = "2024-01-01 00:00:00,AT,1\n";
    const std::vector<Case> cases = {
        {"2024-13-01 00:00:00,AT,1\n",
         "",
         {"ci.csv:2:1", "Datetime (UTC)", "'2024-13-01 00:00:00'", "not a UTC date"}},
        {"2023-02-29 00:00:00,AT,1\n", "", {"ci.csv:2:1", "'2023-02-29 00:00:00'"}},
        {"01/01/2024 00:00,AT,1\n", "", {"ci.csv:2:1", "'01/01/2024 00:00'"}},
        {"2024-01-01 00:00:00+01:00,AT,1\n", "", {"ci.csv:2:1", "+01:00"}},
        {h0 + h0, "", {"ci.csv:3:1", "'2024-01-01 00:00:00'", "duplicate", "'AT'"}},
        {"2024-01-01 01:00:00,AT,1\n" + h0, "", {"ci.csv:3:1", "before the previous"}},
        {h0 + "2024-01-01 02:00:00,AT,2\n",
         "",
         {"ci.csv:3:1", "'2024-01-01 02:00:00'", "2 h after", "hourly without gaps"}},
        {h0 + "2024-01-01 00:30:00,AT,2\n", "", {"ci.csv:3:1", "0.5 h after"}},
        {"2024-01-01 00:00:00,AT,-3\n", "", {"ci.csv:2:24", kDirect, "-3", "[0, 10000]"}},
        {"2024-01-01 00:00:00,AT,NaN\n", "", {"ci.csv:2:24", "'NaN'", "not a finite"}},
        {"2024-01-01 00:00:00,AT,inf\n", "", {"ci.csv:2:24", "'inf'", "not a finite"}},
        {"2024-01-01 00:00:00,AT,\n", "", {"ci.csv:2:24", "is empty", "missing data"}},
        {h0 + "2024-01-01 01:00:00,,1\n", "", {"ci.csv:3:21", "'Zone Id' is empty"}},
        {h0, "DE", {"ci.csv", "unknown zone 'DE'", "zones in the file: AT"}},
        {h0 + "2024-01-01 00:00:00,IT,1\n", "", {"ci.csv", "2 zones (AT, IT)", "select one"}},
        {"", "", {"ci.csv", "no data rows"}},
    };
    for (const auto& c : cases)
    {
        EXPECT_TRUE(Mentions(TraceError(Trace(c.rows), c.zone), c.fragments)) << c.rows;
    }
    EXPECT_TRUE(
        Mentions(TraceError("Datetime (UTC)," + kDirect + "\n2024-01-01 00:00:00,1\n", "AT"),
                 {"ci.csv:1:1", "unknown zone 'AT'", "no 'Zone Id' column"}));
    EXPECT_TRUE(Mentions(MessageOf([] {
                             CarbonIntensityTrace::LoadCsv("/nonexistent/ci.csv",
                                                           "",
                                                           CarbonIntensityTrace::Column::Direct);
                         }),
                         {"cannot open", "/nonexistent/ci.csv"}));
}

TEST(CarbonIntensity, ShippedSyntheticTraceFollowsItsFormula)
{
    const std::string file = Data("carbon/synthetic-diurnal-2zones.csv");
    auto solar =
        CarbonIntensityTrace::LoadCsv(file, "SYN-SOLAR", CarbonIntensityTrace::Column::Direct);
    auto coal =
        CarbonIntensityTrace::LoadCsv(file, "SYN-COAL", CarbonIntensityTrace::Column::Direct);
    auto coalLca =
        CarbonIntensityTrace::LoadCsv(file, "SYN-COAL", CarbonIntensityTrace::Column::LifeCycle);
    ASSERT_EQ(solar.GetValues().size(), 7u * 24u);
    ASSERT_EQ(coal.GetValues().size(), 7u * 24u);
    double sines = 0;
    for (int h = 0; h < 24; ++h)
    {
        double s = std::max(0.0, std::sin(kPi * (h - 6) / 12));
        sines += s;
        for (int day : {0, 3, 6})
        {
            double t = (day * 24 + h) * 3600.0 + 1800;
            EXPECT_NEAR(solar.GetIntensity(t), 300 - 220 * s, 0.005 + 1e-9);
            EXPECT_NEAR(coal.GetIntensity(t),
                        720 + 40 * std::cos(2 * kPi * (h - 19) / 24),
                        0.005 + 1e-9);
            EXPECT_NEAR(coalLca.GetIntensity(t) - coal.GetIntensity(t), 60, 1e-9);
        }
    }
    EXPECT_EQ(solar.GetIntensity(12 * 3600), 80.0); // the midday dip
    EXPECT_NEAR(solar.GetMean(), 300 - 220 * sines / 24, 0.005);
    EXPECT_NEAR(coal.GetMean(), 720, 0.005);
    EXPECT_TRUE(
        Mentions(MessageOf([&] {
                     CarbonIntensityTrace::LoadCsv(file, "", CarbonIntensityTrace::Column::Direct);
                 }),
                 {"synthetic-diurnal-2zones.csv", "SYN-SOLAR, SYN-COAL"}));
}

TEST(CarbonIntensity, ShippedYearlyAveragesFromEmber)
{
    auto t = YearlyCarbonIntensityTable::LoadCsv(Data("carbon/yearly-average-ember-co2js.csv"));
    EXPECT_GE(t.GetEntries().size(), 25u);
    // Values as in @tgwf/co2 0.19.0 (average-intensities).
    EXPECT_EQ(t.GetIntensity("DE"), 342.06);
    EXPECT_EQ(t.GetIntensity("deu"), 342.06);
    EXPECT_EQ(t.GetIntensity("FR"), 44.18);
    EXPECT_EQ(t.GetIntensity("PL"), 614.98);
    EXPECT_EQ(t.GetIntensity("SE"), 35.89);
    EXPECT_EQ(t.GetIntensity("IN"), 708.96);
    EXPECT_EQ(t.GetIntensity("WORLD"), 472.94);
    for (const char* id : {"US", "CN", "IT", "ES", "GB", "NO", "AT", "EU"})
    {
        EXPECT_GT(t.GetIntensity(id), 0) << id;
    }
    EXPECT_TRUE(Mentions(MessageOf([&] { t.GetIntensity("XX"); }),
                         {"carbon zone", "'XX'", "yearly-average-ember-co2js.csv", "DE", "WORLD"}));
    // A constant trace from a country's yearly average.
    EXPECT_EQ(CarbonIntensityTrace::Constant(t.GetIntensity("AT")).GetIntensity(1e6), 102.62);
}

TEST(CarbonIntensity, BadYearlyTables)
{
    auto error = [](const std::string& text) {
        return MessageOf([&] {
            std::istringstream in(text);
            YearlyCarbonIntensityTable::Parse(in, "y.csv");
        });
    };
    const std::string h = "zone_id,iso3,intensity_g_per_kwh\n";
    EXPECT_TRUE(Mentions(error("zone_id,value\nDE,1\n"),
                         {"y.csv:1:1", "missing required column 'intensity_g_per_kwh'"}));
    EXPECT_TRUE(Mentions(error(h + "DE,DEU,1\nFR,DEU,2\n"), {"y.csv:3:4", "'DEU'", "line 2"}));
    EXPECT_TRUE(Mentions(error(h + "DE,DEU,1\nde,,2\n"), {"y.csv:3:1", "'de'", "line 2"}));
    EXPECT_TRUE(Mentions(error(h + ",DEU,1\n"), {"y.csv:2:1", "'zone_id' is empty"}));
    EXPECT_TRUE(Mentions(error(h + "DE,DEU,-5\n"), {"y.csv:2:8", "-5"}));
    EXPECT_TRUE(Mentions(error(h + "DE,DEU,1e5\n"), {"y.csv:2:8", "100000", "[0, 10000]"}));
    EXPECT_TRUE(Mentions(error(h), {"y.csv", "no data rows"}));
}

// ---- device profiles ---------------------------------------------------------

namespace
{

DeviceProfileTable
ShippedProfiles()
{
    DeviceProfileTable t = DeviceProfileTable::LoadCsv(Data("device-profiles/orin-nx-8gb.csv"));
    t.Merge(DeviceProfileTable::LoadCsv(Data("device-profiles/rtx-2000-ada-16gb.csv")));
    return t;
}

const std::string kOrin = "orin-nx-8gb";
const std::string kAda = "rtx-2000-ada-16gb";
const std::string k3b = "llama-3.2-3b-q4km";
const std::string k8b = "llama-3.1-8b-q4km";

const std::string kProfileHeader =
    "device,model,batch,fixed_s,prefill_s_per_token,decode_s_per_step,fixed_j,"
    "prefill_j_per_token,decode_j_per_step,idle_power_w,memory_base_gb,kv_gb_per_token,"
    "device_memory_gb,flag\n";

std::string
ProfileError(const std::string& rows)
{
    return MessageOf([&] {
        std::istringstream in(kProfileHeader + rows);
        DeviceProfileTable::Parse(in, "p.csv");
    });
}

} // namespace

TEST(DeviceProfile, ShippedTablesCoverBothDevicesAndBatches1To16)
{
    DeviceProfileTable t = ShippedProfiles();
    EXPECT_EQ(t.GetDevices(), (std::vector<std::string>{kOrin, kAda}));
    for (const auto& d : {kOrin, kAda})
    {
        EXPECT_EQ(t.GetModels(d), (std::vector<std::string>{k3b, k8b}));
        for (const auto& m : {k3b, k8b})
        {
            EXPECT_EQ(t.GetMaxBatch(d, m), 16u);
            for (unsigned b = 1; b <= 16; ++b)
            {
                EXPECT_EQ(t.Get(d, m, b).flag, "EST");
            }
        }
    }
    EXPECT_EQ(t.GetIdlePowerW(kOrin), 4.5);
    EXPECT_EQ(t.GetIdlePowerW(kAda), 38.0);
    EXPECT_EQ(t.Get(kOrin, k3b, 1).deviceMemoryGb, 6.0);
    EXPECT_EQ(t.Get(kAda, k3b, 1).deviceMemoryGb, 15.0);
}

TEST(DeviceProfile, BatchTimeAndEnergyFollowTheTableExactly)
{
    DeviceProfileTable t = ShippedProfiles();
    // orin-nx-8gb, llama-3.2-3b-q4km, batch 4 row, typed from the file.
    BatchTokens batch = BatchTokens::Uniform(4, 200, 100);
    EXPECT_EQ(batch.sumInputTokens, 800u);
    EXPECT_EQ(batch.maxOutputTokens, 100u);
    EXPECT_DOUBLE_EQ(t.GetBatchTimeS(kOrin, k3b, batch), 0.050 + 0.0028011 * 800 + 0.107273 * 100);
    EXPECT_DOUBLE_EQ(t.GetBatchEnergyJ(kOrin, k3b, batch), 0.2250 + 0.053221 * 800 + 2.03818 * 100);
    // Unequal requests: prefill counts every prompt token, decode the longest output.
    BatchTokens mixed;
    mixed.Add(100, 50);
    mixed.Add(300, 200);
    EXPECT_EQ(mixed.requests, 2u);
    EXPECT_EQ(mixed.sumInputTokens, 400u);
    EXPECT_EQ(mixed.sumOutputTokens, 250u);
    EXPECT_EQ(mixed.maxOutputTokens, 200u);
    const DeviceProfileRow& r = t.Get(kAda, k8b, 2);
    EXPECT_DOUBLE_EQ(t.GetBatchTimeS(kAda, k8b, mixed),
                     r.fixedS + r.prefillSPerToken * 400 + r.decodeSPerStep * 200);
    EXPECT_DOUBLE_EQ(t.GetBatchEnergyJ(kAda, k8b, mixed),
                     r.fixedJ + r.prefillJPerToken * 400 + r.decodeJPerStep * 200);
}

TEST(DeviceProfile, ShippedProfilesHaveTheKneeAtBatchFour)
{
    DeviceProfileTable t = ShippedProfiles();
    for (const auto& d : {kOrin, kAda})
    {
        for (const auto& m : {k3b, k8b})
        {
            auto rate = [&](unsigned b) { return b / t.Get(d, m, b).decodeSPerStep; };
            auto joulesPerToken = [&](unsigned b) { return t.Get(d, m, b).decodeJPerStep / b; };
            EXPECT_GT(rate(4) / rate(1), 3.0) << d << " " << m;
            EXPECT_LT(rate(16) / rate(4), 1.25) << d << " " << m;
            EXPECT_LT(joulesPerToken(4), 0.5 * joulesPerToken(1)) << d << " " << m;
            EXPECT_LT(std::abs(joulesPerToken(16) / joulesPerToken(4) - 1), 0.25) << d << " " << m;
        }
    }
}

TEST(DeviceProfile, MemoryCheckSaysWhetherAndWhy)
{
    DeviceProfileTable t = ShippedProfiles();
    MemoryCheck small = t.CheckMemory(kOrin, k8b, BatchTokens::Uniform(1, 500, 500));
    EXPECT_TRUE(small.fits);
    EXPECT_TRUE(small.reason.empty());
    EXPECT_DOUBLE_EQ(small.neededGb,
                     t.Get(kOrin, k8b, 1).memoryBaseGb + 1000 * 2 * 32 * 8 * 128 * 2 / 1e9);
    MemoryCheck big = t.CheckMemory(kOrin, k8b, BatchTokens::Uniform(16, 1000, 1000));
    EXPECT_FALSE(big.fits);
    EXPECT_EQ(big.availableGb, 6.0);
    EXPECT_GT(big.neededGb, 6.0);
    EXPECT_TRUE(Mentions(big.reason, {"needs", "32000 tokens", "orin-nx-8gb has 6 GB"}));
    EXPECT_TRUE(t.CheckMemory(kAda, k3b, BatchTokens::Uniform(16, 1000, 1000)).fits);
    MemoryCheck tooMany = t.CheckMemory(kAda, k3b, BatchTokens::Uniform(17, 10, 10));
    EXPECT_FALSE(tooMany.fits);
    EXPECT_TRUE(Mentions(tooMany.reason, {"no profile row for batch 17", "largest batch 16"}));
    EXPECT_TRUE(Mentions(
        MessageOf([&] { t.CheckMemory("jetson-nano", k3b, BatchTokens::Uniform(1, 1, 1)); }),
        {"'jetson-nano/llama-3.2-3b-q4km'", "orin-nx-8gb/llama-3.2-3b-q4km"}));
}

TEST(DeviceProfile, LookupErrorsNameWhatTheTableHolds)
{
    DeviceProfileTable t = ShippedProfiles();
    EXPECT_TRUE(Mentions(
        MessageOf([&] { t.Get(kOrin, "gpt-4", 1); }),
        {"'orin-nx-8gb/gpt-4'", "no such device/model", "rtx-2000-ada-16gb/llama-3.1-8b-q4km"}));
    EXPECT_TRUE(
        Mentions(MessageOf([&] { t.GetBatchTimeS(kOrin, k3b, BatchTokens::Uniform(20, 1, 1)); }),
                 {"batch size", "20", "1, 2, 3", "16"}));
    EXPECT_TRUE(Mentions(MessageOf([&] { t.GetIdlePowerW("pi5"); }), {"'pi5'", kOrin, kAda}));
    DeviceProfileTable twice = ShippedProfiles();
    EXPECT_TRUE(
        Mentions(MessageOf([&] { twice.Merge(t); }),
                 {"duplicate row", "device 'orin-nx-8gb', model 'llama-3.2-3b-q4km', batch 1"}));
}

TEST(DeviceProfile, BadFilesNameFileLineColumnAndValue)
{
    const std::string ok = "d,m,1,0.1,0.001,0.05,1,0.01,1,5,3,0.0001,8,EST\n";
    // Column starts in "d,m,1,0.1,0.001,0.05,1,0.01,1,5,3,0.0001,8,EST":
    // batch 5, fixed_s 7, decode_s_per_step 17, fixed_j 22, idle 31, device memory 42, flag 44.
    std::istringstream good(kProfileHeader + ok);
    EXPECT_EQ(DeviceProfileTable::Parse(good, "p.csv").GetRows().at(0).line, 2u);
    EXPECT_TRUE(Mentions(MessageOf([] {
                             std::istringstream in("device,model,batch\nd,m,1\n");
                             DeviceProfileTable::Parse(in, "p.csv");
                         }),
                         {"p.csv:1:1", "missing required column 'fixed_s'"}));
    EXPECT_TRUE(Mentions(ProfileError("d,m,2.5,0.1,0.001,0.05,1,0.01,1,5,3,0.0001,8,EST\n"),
                         {"p.csv:2:5", "'batch' = '2.5'", "whole number"}));
    EXPECT_TRUE(Mentions(ProfileError("d,m,0,0.1,0.001,0.05,1,0.01,1,5,3,0.0001,8,EST\n"),
                         {"p.csv:2:5", "'0'"}));
    EXPECT_TRUE(Mentions(ProfileError("d,m,1,0.1,0.001,0.05,-1,0.01,1,5,3,0.0001,8,EST\n"),
                         {"p.csv:2:22", "'fixed_j' = -1", "[0, "}));
    EXPECT_TRUE(Mentions(ProfileError("d,m,1,0.1,0.001,0,1,0.01,1,5,3,0.0001,8,EST\n"),
                         {"p.csv:2:17", "'decode_s_per_step' = 0", "(0, "}));
    EXPECT_TRUE(Mentions(ProfileError("d,m,1,nan,0.001,0.05,1,0.01,1,5,3,0.0001,8,EST\n"),
                         {"p.csv:2:7", "'nan'", "not a finite"}));
    EXPECT_TRUE(Mentions(ProfileError("d,m,1,0.1,0.001,0.05,1,0.01,1,5,3,0.0001,8,GUESS\n"),
                         {"p.csv:2:44", "'GUESS'", "MEAS, SPEC, DER or EST"}));
    EXPECT_TRUE(Mentions(ProfileError(",m,1,0.1,0.001,0.05,1,0.01,1,5,3,0.0001,8,EST\n"),
                         {"p.csv:2:1", "'device' is empty"}));
    EXPECT_TRUE(Mentions(ProfileError(ok + ok), {"p.csv:3", "duplicate row", "batch 1", "line 2"}));
    EXPECT_TRUE(Mentions(ProfileError(ok + "d,m,2,0.1,0.001,0.05,1,0.01,1,6,3,0.0001,8,EST\n"),
                         {"p.csv:3", "idle_power_w = 6", "line 2 has 5", "one value per device"}));
    EXPECT_TRUE(Mentions(ProfileError(""), {"p.csv", "no data rows"}));
}

// ---- request workload --------------------------------------------------------

TEST(RequestWorkload, ShippedSyntheticTrace)
{
    auto reqs = RequestWorkload::LoadCsv(Data("workload/synthetic-prompts.csv"));
    ASSERT_EQ(reqs.size(), 300u);
    EXPECT_EQ(reqs.front().arrivalS, 0.783);
    EXPECT_EQ(reqs.front().inputTokens, 88u);
    EXPECT_EQ(reqs.front().outputTokens, 151u);
    for (std::size_t i = 0; i < reqs.size(); ++i)
    {
        EXPECT_GE(reqs[i].inputTokens, 8u);
        EXPECT_LE(reqs[i].inputTokens, 2048u);
        EXPECT_GE(reqs[i].outputTokens, 4u);
        EXPECT_LE(reqs[i].outputTokens, 1024u);
        if (i > 0)
        {
            EXPECT_GE(reqs[i].arrivalS, reqs[i - 1].arrivalS);
        }
    }
    // 300 Poisson(0.5/s) arrivals span about 600 s (sd about 35 s).
    EXPECT_NEAR(reqs.back().arrivalS, 600, 150);
}

TEST(RequestWorkload, BadTracesNameFileLineColumnAndValue)
{
    auto error = [](const std::string& rows) {
        return MessageOf([&] {
            std::istringstream in("arrival_s,input_tokens,output_tokens\n" + rows);
            RequestWorkload::Parse(in, "w.csv");
        });
    };
    std::istringstream good("# c\narrival_s,input_tokens,output_tokens\n0,10,5\n0,3,4\n2.5,1,1\n");
    auto reqs = RequestWorkload::Parse(good, "w.csv");
    ASSERT_EQ(reqs.size(), 3u);
    EXPECT_EQ(reqs[2].arrivalS, 2.5);
    EXPECT_EQ(reqs[1].inputTokens, 3u);
    EXPECT_TRUE(Mentions(MessageOf([] {
                             std::istringstream in("arrival_s,input_tokens\n1,2\n");
                             RequestWorkload::Parse(in, "w.csv");
                         }),
                         {"w.csv:1:1", "missing required column 'output_tokens'"}));
    EXPECT_TRUE(Mentions(error("5,10,10\n4,10,10\n"),
                         {"w.csv:3:1", "'arrival_s' = 4", "previous arrival 5"}));
    EXPECT_TRUE(Mentions(error("-1,10,10\n"), {"w.csv:2:1", "'arrival_s' = -1"}));
    EXPECT_TRUE(Mentions(error("1,0,10\n"), {"w.csv:2:3", "'input_tokens' = '0'", "whole number"}));
    EXPECT_TRUE(Mentions(error("1,10,2.5\n"), {"w.csv:2:6", "'output_tokens' = '2.5'"}));
    EXPECT_TRUE(Mentions(error("1,10,1e9\n"), {"w.csv:2:6", "'1e9'", "1048576"}));
    EXPECT_TRUE(Mentions(error("1,NaN,10\n"), {"w.csv:2:3", "'NaN'", "not a finite"}));
    EXPECT_TRUE(Mentions(error(""), {"w.csv", "no requests"}));
}

TEST(RequestWorkload, TokenCountQuantilesAreClosedForms)
{
    auto fixed = TokenCountDistribution::Fixed(64);
    fixed.Validate("x");
    EXPECT_EQ(fixed.Quantile(0.001), 64u);
    EXPECT_EQ(fixed.Quantile(0.999), 64u);
    auto uni = TokenCountDistribution::Uniform(10, 13);
    uni.Validate("x");
    for (unsigned k = 0; k < 4; ++k)
    {
        EXPECT_EQ(uni.Quantile((k + 0.5) / 4), 10 + k);
    }
    EXPECT_EQ(uni.Quantile(1e-12), 10u);
    EXPECT_EQ(uni.Quantile(1 - 1e-12), 13u);
    auto ln = TokenCountDistribution::LogNormal(std::log(200.0), 0.8, 8, 2048);
    ln.Validate("x");
    EXPECT_EQ(ln.Quantile(0.5), 200u);
    // Phi(1) = 0.841344746068543: one sigma above the median.
    EXPECT_EQ(ln.Quantile(0.841344746068543),
              static_cast<std::uint32_t>(std::round(200 * std::exp(0.8))));
    EXPECT_EQ(ln.Quantile(1e-9), 8u);        // clamped low
    EXPECT_EQ(ln.Quantile(1 - 1e-9), 2048u); // clamped high
    EXPECT_TRUE(Mentions(MessageOf([&] { ln.Quantile(0); }), {"probability", "(0, 1)"}));
}

TEST(RequestWorkload, ModelParametersAreValidated)
{
    RequestWorkloadModel m;
    m.input = TokenCountDistribution::LogNormal(std::log(200.0), 0.8, 8, 2048);
    m.output = TokenCountDistribution::Uniform(4, 512);
    m.arrivalRatePerS = 0.5;
    m.Validate();
    m.arrivalRatePerS = 0;
    EXPECT_TRUE(Mentions(MessageOf([&] { m.Validate(); }), {"arrival rate", "0"}));
    EXPECT_TRUE(Mentions(
        MessageOf([] { TokenCountDistribution::LogNormal(5, 0, 1, 10).Validate("InputTokens"); }),
        {"InputTokens sigma", "0", "(0, 5]"}));
    EXPECT_TRUE(
        Mentions(MessageOf([] { TokenCountDistribution::LogNormal(-1, 1, 1, 10).Validate("In"); }),
                 {"In mu", "-1"}));
    EXPECT_TRUE(
        Mentions(MessageOf([] { TokenCountDistribution::LogNormal(1, 1, 10, 5).Validate("In"); }),
                 {"In clamp", "[10, 5]"}));
    EXPECT_TRUE(Mentions(MessageOf([] { TokenCountDistribution::Uniform(9, 3).Validate("Out"); }),
                         {"Out high", "3", "low = 9"}));
    EXPECT_TRUE(Mentions(MessageOf([] { TokenCountDistribution::Fixed(0).Validate("Out"); }),
                         {"Out value", "0", "whole number"}));
}
