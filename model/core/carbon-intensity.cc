/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "carbon-intensity.h"

#include "config-error.h"
#include "csv-table.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>

namespace ns3
{
namespace llmedge
{

namespace
{

std::string
Lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return s;
}

// Digits at [pos, pos + n) as a number, or -1.
long
Digits(const std::string& s, std::size_t pos, std::size_t n)
{
    if (pos + n > s.size())
    {
        return -1;
    }
    long v = 0;
    for (std::size_t i = pos; i < pos + n; ++i)
    {
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
        {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
long
DaysFromCivil(long y, long m, long d)
{
    y -= m <= 2 ? 1 : 0;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// Parse "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DDTHH:MM[:SS][Z|+00:00]" (UTC)
// into seconds since 1970-01-01 00:00:00 UTC.
bool
ParseUtc(const std::string& text, double& seconds)
{
    const std::string& s = text;
    long y = Digits(s, 0, 4);
    long mo = Digits(s, 5, 2);
    long d = Digits(s, 8, 2);
    long h = Digits(s, 11, 2);
    long mi = Digits(s, 14, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s[4] != '-' || s[7] != '-' ||
        (s[10] != ' ' && s[10] != 'T') || s[13] != ':')
    {
        return false;
    }
    std::size_t pos = 16;
    long sec = 0;
    if (pos < s.size() && s[pos] == ':')
    {
        sec = Digits(s, pos + 1, 2);
        if (sec < 0)
        {
            return false;
        }
        pos += 3;
    }
    std::string zone = s.substr(pos);
    if (!(zone.empty() || zone == "Z" || zone == "+00:00"))
    {
        return false;
    }
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || (mo == 2 && d == 29 && !leap) ||
        h > 23 || mi > 59 || sec > 59)
    {
        return false;
    }
    seconds = DaysFromCivil(y, mo, d) * 86400.0 + h * 3600.0 + mi * 60.0 + sec;
    return true;
}

// Intensity column spellings: the data portal's (2021-2023 exports), the
// 2024+ exports', the portal page's, and ASCII "CO2" variants.
std::vector<std::string>
ColumnNames(CarbonIntensityTrace::Column column)
{
    std::vector<std::string> suffixes;
    if (column == CarbonIntensityTrace::Column::Direct)
    {
        suffixes = {"(direct)"};
    }
    else
    {
        suffixes = {"(LCA)", "(Life cycle)", "(life cycle assessment)"};
    }
    std::vector<std::string> names;
    for (const char* co2 : {"gCO\xE2\x82\x82"
                            "eq/kWh ",
                            "gCO2eq/kWh "})
    {
        for (const auto& suffix : suffixes)
        {
            names.push_back(std::string("Carbon Intensity ") + co2 + suffix);
        }
    }
    return names;
}

// Check an intensity value read from a table cell.
void
CheckIntensity(const CsvTable& csv, const CsvTable::Row& row, std::size_t column, double v)
{
    if (!(v >= 0 && v <= kMaxCarbonIntensity))
    {
        throw ConfigError(csv.Where(row, column) + ": column '" + csv.GetHeader().at(column) +
                          "' = " + FormatValue(v) + ": carbon intensity must lie in [0, " +
                          FormatValue(kMaxCarbonIntensity) + "] gCO2eq/kWh");
    }
}

// Read a numeric intensity cell, naming a missing (empty) value.
double
ReadIntensity(const CsvTable& csv, const CsvTable::Row& row, std::size_t column)
{
    if (csv.GetString(row, column).empty())
    {
        throw ConfigError(csv.Where(row, column) + ": column '" + csv.GetHeader().at(column) +
                          "' is empty (missing data): fill the hour or cut the trace");
    }
    double v = csv.GetDouble(row, column);
    CheckIntensity(csv, row, column, v);
    return v;
}

// The zone to read: zoneId, or the file's only zone when zoneId is empty
// (cZone < 0: the file has no 'Zone Id' column, it holds one unnamed zone).
std::string
SelectZone(const CsvTable& csv,
           int cZone,
           const std::string& sourceName,
           const std::string& zoneId)
{
    if (cZone < 0 && !zoneId.empty())
    {
        throw ConfigError(sourceName + ":" + std::to_string(csv.GetHeaderLine()) +
                          ":1: unknown zone '" + zoneId +
                          "': the file has no 'Zone Id' column (it holds one unnamed zone; "
                          "select it with an empty zone id)");
    }
    // Zones in file order; every row's zone id must be non-empty.
    std::vector<std::string> zones;
    for (const auto& row : csv.GetRows())
    {
        if (cZone < 0)
        {
            break;
        }
        const std::string& z = csv.GetString(row, cZone);
        if (z.empty())
        {
            throw ConfigError(csv.Where(row, cZone) + ": column 'Zone Id' is empty");
        }
        if (std::find(zones.begin(), zones.end(), z) == zones.end())
        {
            zones.push_back(z);
        }
    }
    std::string list;
    for (const auto& z : zones)
    {
        list += (list.empty() ? "" : ", ") + z;
    }
    std::string selected = zoneId;
    if (cZone >= 0 && zoneId.empty())
    {
        if (zones.size() > 1)
        {
            throw ConfigError(sourceName + ": the file holds " + std::to_string(zones.size()) +
                              " zones (" + list + "): select one by its Zone Id");
        }
        selected = zones.empty() ? "" : zones.front();
    }
    else if (cZone >= 0 && std::find(zones.begin(), zones.end(), zoneId) == zones.end())
    {
        throw ConfigError(sourceName + ": unknown zone '" + zoneId +
                          "' (zones in the file: " + (list.empty() ? "none" : list) + ")");
    }
    return selected;
}

// The selected zone's intensities in file order, checking that its
// timestamps step by exactly one hour; startUtc gets the first timestamp as
// written.
std::vector<double>
ReadHourlyValues(const CsvTable& csv,
                 std::size_t cTime,
                 std::size_t cValue,
                 int cZone,
                 const std::string& selected,
                 std::string& startUtc)
{
    constexpr double kHourS = CarbonIntensityTrace::kHourS;
    std::vector<double> values;
    double previous = 0;
    for (const auto& row : csv.GetRows())
    {
        if (cZone >= 0 && csv.GetString(row, cZone) != selected)
        {
            continue;
        }
        const std::string& stamp = csv.GetString(row, cTime);
        double s = 0;
        if (!ParseUtc(stamp, s))
        {
            throw ConfigError(csv.Where(row, cTime) + ": column 'Datetime (UTC)' = '" + stamp +
                              "' is not a UTC date and time 'YYYY-MM-DD HH:MM[:SS]' (or ISO "
                              "8601 with T and Z)");
        }
        if (!values.empty())
        {
            double step = s - previous;
            if (step <= 0)
            {
                throw ConfigError(csv.Where(row, cTime) + ": column 'Datetime (UTC)' = '" + stamp +
                                  "' is " + (step == 0 ? "a duplicate of" : "before") +
                                  " the previous timestamp of zone '" + selected +
                                  "' (timestamps must increase)");
            }
            if (step != kHourS)
            {
                throw ConfigError(csv.Where(row, cTime) + ": column 'Datetime (UTC)' = '" + stamp +
                                  "' is " + FormatValue(step / kHourS) +
                                  " h after the previous timestamp of zone '" + selected +
                                  "': the trace must be hourly without gaps");
            }
        }
        else
        {
            startUtc = stamp;
        }
        previous = s;
        values.push_back(ReadIntensity(csv, row, cValue));
    }
    return values;
}

} // namespace

double
GridEnergyToGramsCo2(double gridEnergyJ, double intensityGPerKWh)
{
    return gridEnergyJ * intensityGPerKWh / kJoulesPerKWh;
}

CarbonIntensityTrace
CarbonIntensityTrace::Constant(double gPerKWh)
{
    if (!(gPerKWh >= 0 && gPerKWh <= kMaxCarbonIntensity))
    {
        ThrowConfigError("constant carbon intensity",
                         FormatValue(gPerKWh),
                         "must lie in [0, " + FormatValue(kMaxCarbonIntensity) + "] gCO2eq/kWh");
    }
    CarbonIntensityTrace t;
    t.m_values = {gPerKWh};
    t.m_prefix = {0.0, gPerKWh * kHourS};
    t.m_mean = gPerKWh;
    return t;
}

CarbonIntensityTrace::Column
CarbonIntensityTrace::ParseColumn(const std::string& name)
{
    std::string n = Lower(name);
    if (n == "direct")
    {
        return Column::Direct;
    }
    if (n == "lca" || n == "life-cycle" || n == "lifecycle")
    {
        return Column::LifeCycle;
    }
    ThrowConfigError("carbon intensity column", "'" + name + "'", "expected direct or lca");
}

CarbonIntensityTrace
CarbonIntensityTrace::Parse(std::istream& in,
                            const std::string& sourceName,
                            const std::string& zoneId,
                            Column column)
{
    CsvTable csv = CsvTable::Parse(in, sourceName);
    std::size_t cTime = csv.RequireAnyColumn({"Datetime (UTC)"});
    std::size_t cValue = csv.RequireAnyColumn(ColumnNames(column));
    int cZone = csv.FindColumn("Zone Id");
    std::string selected = SelectZone(csv, cZone, sourceName, zoneId);

    CarbonIntensityTrace t;
    t.m_constant = false;
    t.m_zoneId = selected;
    t.m_origin = sourceName;
    t.m_values = ReadHourlyValues(csv, cTime, cValue, cZone, selected, t.m_startUtc);
    if (t.m_values.empty())
    {
        throw ConfigError(sourceName + ": no data rows" +
                          (selected.empty() ? std::string() : " for zone '" + selected + "'"));
    }
    t.m_prefix.assign(1, 0.0);
    for (double v : t.m_values)
    {
        t.m_prefix.push_back(t.m_prefix.back() + v * kHourS);
    }
    t.m_mean = t.m_prefix.back() / (kHourS * t.m_values.size());
    return t;
}

CarbonIntensityTrace
CarbonIntensityTrace::LoadCsv(const std::string& path, const std::string& zoneId, Column column)
{
    std::ifstream in = OpenInputFile(path);
    return Parse(in, path, zoneId, column);
}

double
CarbonIntensityTrace::GetIntensity(double secondsSinceStart) const
{
    if (!(secondsSinceStart >= 0 && secondsSinceStart <= kMaxTimeS))
    {
        ThrowConfigError("carbon trace time",
                         FormatValue(secondsSinceStart),
                         "must lie in [0, " + FormatValue(kMaxTimeS) + "] s");
    }
    if (m_constant)
    {
        return m_values.front();
    }
    auto n = static_cast<double>(m_values.size());
    double hours = std::floor(secondsSinceStart / kHourS);
    auto i = static_cast<std::size_t>(std::fmod(hours, n));
    return m_values[std::min(i, m_values.size() - 1)];
}

double
CarbonIntensityTrace::Integral(double t) const
{
    if (m_constant)
    {
        return m_values.front() * t;
    }
    double period = GetPeriodS();
    double whole = std::floor(t / period);
    // Rounding may leave rest a hair below 0 (t just under a whole period).
    double rest = std::max(0.0, t - whole * period);
    auto i = std::min(static_cast<std::size_t>(rest / kHourS), m_values.size() - 1);
    return whole * m_prefix.back() + m_prefix[i] + m_values[i] * (rest - i * kHourS);
}

double
CarbonIntensityTrace::GetMeanIntensity(double startS, double endS) const
{
    double atStart = GetIntensity(startS); // validates startS
    if (!(endS >= startS && endS <= kMaxTimeS))
    {
        ThrowConfigError("carbon trace interval end",
                         FormatValue(endS),
                         "must lie in [start = " + FormatValue(startS) + ", " +
                             FormatValue(kMaxTimeS) + "] s");
    }
    if (endS == startS)
    {
        return atStart;
    }
    return (Integral(endS) - Integral(startS)) / (endS - startS);
}

double
CarbonIntensityTrace::GetMean() const
{
    return m_mean;
}

bool
CarbonIntensityTrace::IsConstant() const
{
    return m_constant;
}

const std::vector<double>&
CarbonIntensityTrace::GetValues() const
{
    return m_values;
}

double
CarbonIntensityTrace::GetPeriodS() const
{
    return m_constant ? 0.0 : kHourS * m_values.size();
}

const std::string&
CarbonIntensityTrace::GetZoneId() const
{
    return m_zoneId;
}

const std::string&
CarbonIntensityTrace::GetStartUtc() const
{
    return m_startUtc;
}

const std::string&
CarbonIntensityTrace::GetOrigin() const
{
    return m_origin;
}

YearlyCarbonIntensityTable
YearlyCarbonIntensityTable::Parse(std::istream& in, const std::string& sourceName)
{
    CsvTable csv = CsvTable::Parse(in, sourceName);
    std::size_t cZone = csv.RequireAnyColumn({"zone_id"});
    std::size_t cValue = csv.RequireAnyColumn({"intensity_g_per_kwh"});
    int cIso3 = csv.FindColumn("iso3");
    int cName = csv.FindColumn("name");
    YearlyCarbonIntensityTable t;
    t.m_origin = sourceName;
    for (const auto& row : csv.GetRows())
    {
        Entry e;
        e.zoneId = csv.GetString(row, cZone);
        e.iso3 = cIso3 < 0 ? "" : csv.GetString(row, cIso3);
        e.name = cName < 0 ? "" : csv.GetString(row, cName);
        e.line = row.line;
        if (e.zoneId.empty())
        {
            throw ConfigError(csv.Where(row, cZone) + ": column 'zone_id' is empty");
        }
        for (const auto& id :
             {std::make_pair(e.zoneId, static_cast<int>(cZone)), std::make_pair(e.iso3, cIso3)})
        {
            int seen = id.first.empty() ? -1 : t.Find(id.first);
            if (seen >= 0)
            {
                throw ConfigError(csv.Where(row, id.second) + ": id '" + id.first +
                                  "' already used on line " +
                                  std::to_string(t.m_entries[seen].line));
            }
        }
        e.intensityGPerKWh = ReadIntensity(csv, row, cValue);
        t.m_entries.push_back(e);
    }
    if (t.m_entries.empty())
    {
        throw ConfigError(sourceName + ": no data rows");
    }
    return t;
}

YearlyCarbonIntensityTable
YearlyCarbonIntensityTable::LoadCsv(const std::string& path)
{
    std::ifstream in = OpenInputFile(path);
    return Parse(in, path);
}

int
YearlyCarbonIntensityTable::Find(const std::string& id) const
{
    std::string key = Lower(id);
    for (std::size_t i = 0; i < m_entries.size(); ++i)
    {
        if (Lower(m_entries[i].zoneId) == key ||
            (!m_entries[i].iso3.empty() && Lower(m_entries[i].iso3) == key))
        {
            return static_cast<int>(i);
        }
    }
    return -1;
}

double
YearlyCarbonIntensityTable::GetIntensity(const std::string& id) const
{
    int i = Find(id);
    if (i < 0)
    {
        std::string list;
        for (const auto& e : m_entries)
        {
            list += (list.empty() ? "" : ", ") + e.zoneId;
        }
        ThrowConfigError("carbon zone",
                         "'" + id + "'",
                         "not in " + m_origin + " (zones: " + list + ")");
    }
    return m_entries[i].intensityGPerKWh;
}

const std::vector<YearlyCarbonIntensityTable::Entry>&
YearlyCarbonIntensityTable::GetEntries() const
{
    return m_entries;
}

const std::string&
YearlyCarbonIntensityTable::GetOrigin() const
{
    return m_origin;
}

} // namespace llmedge
} // namespace ns3
