/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "solar-export.h"

#include "config-error.h"
#include "csv-table.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

namespace ns3
{
namespace llmedge
{

namespace
{

constexpr double kMaxIrradiance = 2000; // W/m^2: well above any at ground level (~1400)

std::string
Lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::vector<std::string>
SplitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
    {
        if (!l.empty() && l.back() == '\r')
        {
            l.pop_back();
        }
        lines.push_back(l);
    }
    return lines;
}

/// Every line outside [first, end) blanked, so CsvTable's line numbers stay the file's.
std::string
KeepLines(const std::vector<std::string>& lines, std::size_t first, std::size_t end)
{
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i)
    {
        if (i >= first && i < end)
        {
            out += lines[i];
        }
        out += '\n';
    }
    return out;
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long long
DaysFromCivil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

bool
ValidDate(long long y, unsigned m, unsigned d)
{
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
    {
        return false;
    }
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

/// A field that must be an integer in [lo, hi].
long long
GetInteger(const CsvTable& csv,
           const CsvTable::Row& row,
           std::size_t c,
           long long lo,
           long long hi,
           const std::string& what)
{
    double v = csv.GetDouble(row, c);
    if (!(v >= static_cast<double>(lo) && v <= static_cast<double>(hi)) || v != std::floor(v))
    {
        throw ConfigError(csv.Where(row, c) + ": " + what + " = " + FormatValue(v) +
                          " must be an integer in [" + std::to_string(lo) + ", " +
                          std::to_string(hi) + "]");
    }
    return static_cast<long long>(v);
}

/// An irradiance field, W/m^2, in [0, kMaxIrradiance].
double
GetIrradiance(const CsvTable& csv, const CsvTable::Row& row, std::size_t c)
{
    double g = csv.GetDouble(row, c);
    if (!(g >= 0 && g <= kMaxIrradiance))
    {
        throw ConfigError(csv.Where(row, c) + ": irradiance '" + csv.GetHeader()[c] + "' = " +
                          FormatValue(g) + " W/m^2 must lie in [0, " +
                          FormatValue(kMaxIrradiance) + "]");
    }
    return g;
}

void
CheckPanel(const SolarExport::Panel& p)
{
    if (!(p.areaM2 >= 0 && p.areaM2 <= 1e6))
    {
        ThrowConfigError("PanelAreaM2", FormatValue(p.areaM2), "must lie in [0, 1e6] m^2");
    }
    if (!(p.ratedW >= 0 && p.ratedW <= 1e9))
    {
        ThrowConfigError("RatedPowerW", FormatValue(p.ratedW), "must lie in [0, 1e9] W");
    }
    if ((p.areaM2 > 0) == (p.ratedW > 0))
    {
        ThrowConfigError("PanelAreaM2 / RatedPowerW",
                         FormatValue(p.areaM2) + " / " + FormatValue(p.ratedW),
                         "give exactly one: an area (with PanelEfficiency) or a rated power");
    }
    if (p.areaM2 > 0 && !(p.efficiency > 0 && p.efficiency <= 1))
    {
        ThrowConfigError("PanelEfficiency", FormatValue(p.efficiency), "must lie in (0, 1]");
    }
}

/// W per W/m^2 of the panel: area x efficiency, or rated power / 1000 W/m^2.
double
IrradianceScale(const SolarExport::Panel& p)
{
    return p.areaM2 > 0 ? p.areaM2 * p.efficiency : p.ratedW / 1000.0;
}

/// Times must increase row to row.
void
Append(const CsvTable& csv,
       const CsvTable::Row& row,
       std::size_t timeColumn,
       double tS,
       double powerW,
       std::vector<double>& t,
       std::vector<double>& p)
{
    if (!t.empty() && !(tS > t.back()))
    {
        throw ConfigError(csv.Where(row, timeColumn) + ": time " + FormatValue(tS) +
                          " s from the first row is not after the previous row's " +
                          FormatValue(t.back()) + " s (rows must be in time order)");
    }
    t.push_back(tS);
    p.push_back(powerW);
}

/// "Nominal power of the PV system (c-Si) (kWp):\t1.0" before the header; 0 when absent.
double
PvgisNominalKw(const std::vector<std::string>& lines, std::size_t header, const std::string& name)
{
    for (std::size_t i = 0; i < header; ++i)
    {
        std::string l = Lower(lines[i]);
        if (l.find("nominal power") == std::string::npos)
        {
            continue;
        }
        std::size_t colon = lines[i].rfind(':');
        std::istringstream v(colon == std::string::npos ? "" : lines[i].substr(colon + 1));
        double kw = 0;
        if (!(v >> kw) || !(kw > 0 && kw <= 1e6))
        {
            throw ConfigError(name + ":" + std::to_string(i + 1) +
                              ":1: nominal power of the PV system (kWp) must be a number in "
                              "(0, 1e6], not '" + lines[i] + "'");
        }
        return kw;
    }
    return 0;
}

/// "YYYYMMDD:HHMM" -> seconds since 1970 (UTC).
double
PvgisTime(const CsvTable& csv, const CsvTable::Row& row, std::size_t c)
{
    const std::string& s = csv.GetString(row, c);
    bool ok = s.size() == 13 && s[8] == ':' &&
              std::all_of(s.begin(), s.begin() + 8, [](unsigned char x) { return std::isdigit(x); }) &&
              std::all_of(s.begin() + 9, s.end(), [](unsigned char x) { return std::isdigit(x); });
    long long y = ok ? std::stoll(s.substr(0, 4)) : 0;
    unsigned mo = ok ? static_cast<unsigned>(std::stoul(s.substr(4, 2))) : 0;
    unsigned d = ok ? static_cast<unsigned>(std::stoul(s.substr(6, 2))) : 0;
    unsigned h = ok ? static_cast<unsigned>(std::stoul(s.substr(9, 2))) : 99;
    unsigned mi = ok ? static_cast<unsigned>(std::stoul(s.substr(11, 2))) : 99;
    if (!ok || !ValidDate(y, mo, d) || h > 23 || mi > 59)
    {
        throw ConfigError(csv.Where(row, c) + ": time '" + s +
                          "' is not a date and time YYYYMMDD:HHMM (PVGIS hourly CSV)");
    }
    return static_cast<double>(DaysFromCivil(y, mo, d)) * 86400.0 + h * 3600.0 + mi * 60.0;
}

/// The index of the first line starting with \p start (case-insensitive);
/// the metadata lines before it are not part of the table.
std::size_t
FindHeader(const std::vector<std::string>& lines,
           const std::string& start,
           const std::string& name,
           const std::string& hint)
{
    for (std::size_t i = 0; i < lines.size(); ++i)
    {
        if (Lower(lines[i]).rfind(Lower(start), 0) == 0)
        {
            return i;
        }
    }
    throw ConfigError(name + ": no header line starting with '" + start + "' (" + hint + ")");
}

PowerTrace
ParsePvgis(const std::vector<std::string>& lines,
           const std::string& name,
           const SolarExport::Panel& panel,
           double periodS)
{
    const std::size_t header =
        FindHeader(lines, "time,", name, "a PVGIS hourly CSV has 'time,P,G(i),...' after its "
                                         "metadata lines");
    std::size_t end = header + 1;
    while (end < lines.size() && !lines[end].empty())
    {
        ++end; // the rows end at the blank line before the legend
    }
    std::istringstream table(KeepLines(lines, header, end));
    CsvTable csv = CsvTable::Parse(table, name);
    const std::size_t ct = csv.RequireColumn("time");
    const int cp = csv.FindColumn("P");
    const bool usePower = panel.ratedW > 0 && cp >= 0;
    const std::size_t cg = usePower ? 0 : csv.RequireColumn("G(i)");
    double scale = IrradianceScale(panel);
    if (usePower)
    {
        double kw = PvgisNominalKw(lines, header, name);
        if (kw == 0)
        {
            throw ConfigError(name + ": column P needs the metadata line 'Nominal power of the "
                                     "PV system (kWp): ...' before the header, to scale P to "
                                     "RatedPowerW");
        }
        scale = panel.ratedW / (kw * 1000.0);
    }
    std::vector<double> t;
    std::vector<double> p;
    double t0 = 0;
    for (const auto& row : csv.GetRows())
    {
        double abs = PvgisTime(csv, row, ct);
        t0 = t.empty() ? abs : t0;
        double v = usePower ? csv.GetDouble(row, static_cast<std::size_t>(cp))
                            : GetIrradiance(csv, row, cg);
        if (usePower && !(v >= 0))
        {
            throw ConfigError(csv.Where(row, static_cast<std::size_t>(cp)) + ": P = " +
                              FormatValue(v) + " W must be >= 0");
        }
        Append(csv, row, ct, abs - t0, v * scale, t, p);
    }
    return PowerTrace(std::move(t), std::move(p), periodS, name);
}

PowerTrace
ParseNsrdb(const std::vector<std::string>& lines,
           const std::string& name,
           const SolarExport::Panel& panel,
           double periodS)
{
    const std::size_t header =
        FindHeader(lines, "Year,Month,Day,Hour", name, "an NSRDB/SAM CSV has two metadata "
                                                       "lines, then that header");
    std::istringstream table(KeepLines(lines, header, lines.size()));
    CsvTable csv = CsvTable::Parse(table, name);
    const std::size_t cy = csv.RequireColumn("Year");
    const std::size_t cm = csv.RequireColumn("Month");
    const std::size_t cd = csv.RequireColumn("Day");
    const std::size_t ch = csv.RequireColumn("Hour");
    const int cmin = csv.FindColumn("Minute");
    const std::size_t cg = csv.RequireColumn("GHI");
    // One year's rows keep their dates; a TMY's months come from different
    // years, so it runs through one 365-day year.
    bool oneYear = true;
    for (const auto& row : csv.GetRows())
    {
        oneYear = oneYear && csv.GetString(row, cy) == csv.GetString(csv.GetRows()[0], cy);
    }
    const double scale = IrradianceScale(panel);
    std::vector<double> t;
    std::vector<double> p;
    double t0 = 0;
    for (const auto& row : csv.GetRows())
    {
        long long y = oneYear ? GetInteger(csv, row, cy, 1, 9999, "Year") : 2001;
        auto mo = static_cast<unsigned>(GetInteger(csv, row, cm, 1, 12, "Month"));
        auto d = static_cast<unsigned>(GetInteger(csv, row, cd, 1, 31, "Day"));
        if (!ValidDate(y, mo, d))
        {
            throw ConfigError(csv.Where(row, cd) + ": day " + std::to_string(d) + " of month " +
                              std::to_string(mo) + " does not exist" +
                              (oneYear ? " in " + std::to_string(y)
                                       : " in a typical (365-day) year"));
        }
        long long h = GetInteger(csv, row, ch, 0, 23, "Hour");
        long long mi = cmin >= 0 ? GetInteger(csv, row, static_cast<std::size_t>(cmin), 0, 59,
                                              "Minute")
                                 : 0;
        double abs = static_cast<double>(DaysFromCivil(y, mo, d)) * 86400.0 +
                     static_cast<double>(h * 3600 + mi * 60);
        t0 = t.empty() ? abs : t0;
        Append(csv, row, ch, abs - t0, GetIrradiance(csv, row, cg) * scale, t, p);
    }
    return PowerTrace(std::move(t), std::move(p), periodS, name);
}

} // namespace

bool
SolarExport::IsFormat(const std::string& format)
{
    return format == "pvgis-hourly" || format == "nsrdb-tmy";
}

PowerTrace
SolarExport::Load(const std::string& path,
                  const std::string& format,
                  const Panel& panel,
                  double periodS)
{
    std::ifstream in(path);
    if (!in)
    {
        throw ConfigError(path + ": cannot open the solar export");
    }
    return Parse(in, path, format, panel, periodS);
}

PowerTrace
SolarExport::Parse(std::istream& in,
                   const std::string& sourceName,
                   const std::string& format,
                   const Panel& panel,
                   double periodS)
{
    if (!IsFormat(format))
    {
        ThrowConfigError("TraceFormat", "'" + format + "'",
                         "expected columns, pvgis-hourly or nsrdb-tmy");
    }
    CheckPanel(panel);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> lines = SplitLines(text);
    return format == "pvgis-hourly" ? ParsePvgis(lines, sourceName, panel, periodS)
                                    : ParseNsrdb(lines, sourceName, panel, periodS);
}

} // namespace llmedge
} // namespace ns3
