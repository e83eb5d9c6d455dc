/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "power-trace.h"

#include "config-error.h"
#include "csv-table.h"

#include <algorithm>
#include <cmath>
#include <fstream>

namespace ns3
{
namespace llmedge
{

PowerTrace::PowerTrace(std::vector<double> timesS,
                       std::vector<double> powersW,
                       double periodS,
                       std::string origin)
    : m_t(std::move(timesS)),
      m_p(std::move(powersW)),
      m_periodS(periodS),
      m_origin(std::move(origin))
{
    if (m_t.empty() || m_t.size() != m_p.size())
    {
        throw ConfigError(m_origin + ": a power trace needs at least one (time, power) row");
    }
    for (std::size_t i = 0; i < m_t.size(); ++i)
    {
        if (!(m_t[i] >= 0 && m_t[i] <= kMaxTimeS))
        {
            ThrowConfigError(m_origin + " time", FormatValue(m_t[i]),
                             "must lie in [0, " + FormatValue(kMaxTimeS) + "] s");
        }
        if (i > 0 && !(m_t[i] > m_t[i - 1]))
        {
            ThrowConfigError(m_origin + " time", FormatValue(m_t[i]),
                             "times must be strictly increasing (previous " +
                                 FormatValue(m_t[i - 1]) + ")");
        }
        if (!(m_p[i] >= 0 && m_p[i] <= kMaxPowerW))
        {
            ThrowConfigError(m_origin + " power", FormatValue(m_p[i]),
                             "must lie in [0, " + FormatValue(kMaxPowerW) + "] W");
        }
    }
    if (!(m_periodS >= 0 && m_periodS <= kMaxTimeS) ||
        (m_periodS > 0 && !(m_periodS > m_t.back())))
    {
        ThrowConfigError("RepeatPeriod", FormatValue(m_periodS) + " s",
                         "must be 0 (no repetition) or greater than the last trace time " +
                             FormatValue(m_t.back()) + " s");
    }
    m_cum.resize(m_t.size(), 0.0);
    for (std::size_t i = 1; i < m_t.size(); ++i)
    {
        m_cum[i] = m_cum[i - 1] + m_p[i - 1] * (m_t[i] - m_t[i - 1]);
    }
}

PowerTrace
PowerTrace::LoadCsv(const std::string& path,
                    const std::string& timeColumn,
                    const std::string& powerColumn,
                    double scale,
                    double periodS)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw ConfigError("cannot open file '" + path + "'");
    }
    return Parse(in, path, timeColumn, powerColumn, scale, periodS);
}

PowerTrace
PowerTrace::Parse(std::istream& in,
                  const std::string& path,
                  const std::string& timeColumn,
                  const std::string& powerColumn,
                  double scale,
                  double periodS)
{
    if (!(scale >= 0 && scale <= 1e6))
    {
        ThrowConfigError("PowerScale", FormatValue(scale), "must lie in [0, 1e6]");
    }
    CsvTable csv = CsvTable::Parse(in, path);
    std::size_t ct = csv.RequireColumn(timeColumn);
    std::size_t cp = csv.RequireColumn(powerColumn);
    std::vector<double> t;
    std::vector<double> p;
    for (const auto& row : csv.GetRows())
    {
        double ti = csv.GetDouble(row, ct);
        double pi = csv.GetDouble(row, cp);
        if (ti < 0 || ti > kMaxTimeS)
        {
            throw ConfigError(csv.Where(row, ct) + ": column '" + timeColumn + "' = " +
                              FormatValue(ti) + " must lie in [0, " + FormatValue(kMaxTimeS) +
                              "] s");
        }
        if (!t.empty() && !(ti > t.back()))
        {
            throw ConfigError(csv.Where(row, ct) + ": column '" + timeColumn + "' = " +
                              FormatValue(ti) + " is not after the previous row's " +
                              FormatValue(t.back()) + " (times must increase)");
        }
        if (pi < 0 || pi * scale > kMaxPowerW)
        {
            throw ConfigError(csv.Where(row, cp) + ": column '" + powerColumn + "' = " +
                              FormatValue(pi) + " must lie in [0, " + FormatValue(kMaxPowerW) +
                              "] W (after the scale " + FormatValue(scale) + ")");
        }
        t.push_back(ti);
        p.push_back(pi * scale);
    }
    return PowerTrace(std::move(t), std::move(p), periodS, path);
}

double
PowerTrace::GetPowerW(double tS) const
{
    if (m_periodS > 0)
    {
        tS = std::fmod(tS, m_periodS);
    }
    if (tS < m_t.front())
    {
        return 0.0;
    }
    auto it = std::upper_bound(m_t.begin(), m_t.end(), tS);
    return m_p[static_cast<std::size_t>(it - m_t.begin()) - 1];
}

double
PowerTrace::EnergyFromZero(double tS) const
{
    if (tS <= m_t.front())
    {
        return 0.0;
    }
    auto it = std::upper_bound(m_t.begin(), m_t.end(), tS);
    std::size_t i = static_cast<std::size_t>(it - m_t.begin()) - 1;
    return m_cum[i] + m_p[i] * (tS - m_t[i]);
}

double
PowerTrace::GetEnergyJ(double fromS, double toS) const
{
    if (!(toS >= fromS))
    {
        ThrowConfigError("trace interval", FormatValue(fromS) + ".." + FormatValue(toS),
                         "end before start");
    }
    if (m_periodS <= 0)
    {
        return EnergyFromZero(toS) - EnergyFromZero(fromS);
    }
    // Whole periods plus the two partial ends.
    double perPeriod = EnergyFromZero(m_periodS);
    auto cumulative = [&](double t) {
        double n = std::floor(t / m_periodS);
        return n * perPeriod + EnergyFromZero(t - n * m_periodS);
    };
    // Power is never negative, so a negative difference is rounding of two
    // large cumulative sums (about 1e-9 J), not data.
    return std::max(0.0, cumulative(toS) - cumulative(fromS));
}

} // namespace llmedge
} // namespace ns3
