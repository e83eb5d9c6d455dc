/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "harvest-pmf.h"

#include "config-error.h"
#include "csv-table.h"

#include <cmath>
#include <fstream>
#include <numeric>

namespace ns3
{
namespace llmedge
{

HarvestPmf::HarvestPmf(std::vector<double> probabilities, double unitJ, std::string origin)
    : m_p(std::move(probabilities)),
      m_unitJ(unitJ)
{
    if (!(unitJ > 0) || !std::isfinite(unitJ))
    {
        ThrowConfigError("energy unit", FormatValue(unitJ) + " J", "must be > 0");
    }
    if (m_p.empty())
    {
        throw ConfigError(origin + ": the harvest pmf is empty");
    }
    double sum = 0;
    for (std::size_t i = 0; i < m_p.size(); ++i)
    {
        if (!(m_p[i] >= 0) || !std::isfinite(m_p[i]))
        {
            ThrowConfigError(origin + " probability of " + FormatValue(i * unitJ) + " J",
                             FormatValue(m_p[i]), "must be finite and >= 0");
        }
        sum += m_p[i];
    }
    if (std::abs(sum - 1.0) > 1e-9)
    {
        ThrowConfigError(origin + " total probability", FormatValue(sum), "must be 1 (within 1e-9)");
    }
    for (auto& p : m_p)
    {
        p /= sum;
    }
    while (m_p.size() > 1 && m_p.back() == 0.0)
    {
        m_p.pop_back();
    }
}

HarvestPmf
HarvestPmf::FromUniform(double minJ, double maxJ, double unitJ)
{
    if (!(minJ >= 0) || !std::isfinite(minJ))
    {
        ThrowConfigError("harvest minimum", FormatValue(minJ) + " J", "must be finite and >= 0");
    }
    if (!(maxJ >= minJ) || !std::isfinite(maxJ))
    {
        ThrowConfigError("harvest maximum", FormatValue(maxJ) + " J",
                         "must be finite and >= the minimum " + FormatValue(minJ) + " J");
    }
    if (!(unitJ > 0) || !std::isfinite(unitJ))
    {
        ThrowConfigError("energy unit", FormatValue(unitJ) + " J", "must be > 0");
    }
    double a = minJ / unitJ;
    double b = maxJ / unitJ;
    if (!(b + 1 <= kMaxPmfLevels))
    {
        ThrowConfigError("harvest maximum / energy unit",
                         FormatValue(maxJ) + " J / " + FormatValue(unitJ) + " J",
                         "the pmf would have " + FormatValue(b + 1) + " levels, above the limit " +
                             FormatValue(kMaxPmfLevels));
    }
    std::size_t top = static_cast<std::size_t>(std::floor(b + 0.5));
    std::vector<double> p(top + 1, 0.0);
    if (b - a < 1e-12)
    {
        p[top] = 1.0;
        return HarvestPmf(p, unitJ, "uniform");
    }
    for (std::size_t i = 0; i <= top; ++i)
    {
        double lo = std::max(a, i - 0.5);
        double hi = std::min(b, i + 0.5);
        p[i] = hi > lo ? (hi - lo) / (b - a) : 0.0;
    }
    return HarvestPmf(p, unitJ, "uniform");
}

HarvestPmf
HarvestPmf::LoadCsv(const std::string& path, double unitJ)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw ConfigError("cannot open file '" + path + "'");
    }
    return Parse(in, path, unitJ);
}

HarvestPmf
HarvestPmf::Parse(std::istream& in, const std::string& path, double unitJ)
{
    if (!(unitJ > 0) || !std::isfinite(unitJ))
    {
        ThrowConfigError("energy unit", FormatValue(unitJ) + " J", "must be > 0");
    }
    CsvTable csv = CsvTable::Parse(in, path);
    std::size_t ce = csv.RequireColumn("energy_j");
    std::size_t cp = csv.RequireColumn("probability");
    std::vector<double> p;
    for (const auto& row : csv.GetRows())
    {
        double e = csv.GetDouble(row, ce);
        double pr = csv.GetDouble(row, cp);
        double level = e / unitJ;
        if (!(level + 1 <= kMaxPmfLevels))
        {
            throw ConfigError(csv.Where(row, ce) + ": column 'energy_j' = " + FormatValue(e) +
                              " J is " + FormatValue(level) + " energy units of " +
                              FormatValue(unitJ) + " J, above the limit of " +
                              FormatValue(kMaxPmfLevels) + " pmf levels");
        }
        if (e < 0 || std::abs(level - std::round(level)) > 1e-9 * std::max(1.0, level))
        {
            throw ConfigError(csv.Where(row, ce) + ": column 'energy_j' = " + FormatValue(e) +
                              " must be >= 0 and a multiple of the energy unit " +
                              FormatValue(unitJ) + " J");
        }
        if (pr < 0)
        {
            throw ConfigError(csv.Where(row, cp) + ": column 'probability' = " +
                              FormatValue(pr) + " must be >= 0");
        }
        auto i = static_cast<std::size_t>(std::llround(level));
        if (p.size() <= i)
        {
            p.resize(i + 1, 0.0);
        }
        p[i] += pr;
    }
    return HarvestPmf(p, unitJ, path);
}

double
HarvestPmf::GetMeanJ() const
{
    double m = 0;
    for (std::size_t i = 0; i < m_p.size(); ++i)
    {
        m += i * m_p[i];
    }
    return m * m_unitJ;
}

std::vector<double>
HarvestPmf::Convolved(unsigned k) const
{
    if (k == 0)
    {
        ThrowConfigError("convolution power", "0", "must be >= 1");
    }
    std::vector<double> r = m_p;
    for (unsigned j = 1; j < k; ++j)
    {
        std::vector<double> n(r.size() + m_p.size() - 1, 0.0);
        for (std::size_t a = 0; a < r.size(); ++a)
        {
            if (r[a] == 0)
            {
                continue;
            }
            for (std::size_t b = 0; b < m_p.size(); ++b)
            {
                n[a + b] += r[a] * m_p[b];
            }
        }
        r.swap(n);
    }
    return r;
}

} // namespace llmedge
} // namespace ns3
