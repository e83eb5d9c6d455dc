/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "job-trace.h"

#include "config-error.h"
#include "csv-table.h"

#include <fstream>

namespace ns3
{
namespace llmedge
{

std::vector<double>
JobTrace::Parse(std::istream& in, const std::string& sourceName)
{
    CsvTable t = CsvTable::Parse(in, sourceName);
    std::size_t c = t.RequireColumn("time_s");
    std::vector<double> times;
    for (const auto& row : t.GetRows())
    {
        double v = t.GetDouble(row, c);
        if (v < 0 || v > kMaxTimeS || (!times.empty() && v < times.back()))
        {
            throw ConfigError(t.Where(row, c) + ": column 'time_s' = " + FormatValue(v) +
                              " must lie in [0, " + FormatValue(kMaxTimeS) +
                              "] s and not before the previous row");
        }
        times.push_back(v);
    }
    if (times.empty())
    {
        throw ConfigError(sourceName + ": the job trace has no arrivals (no data rows after the "
                                       "header time_s)");
    }
    return times;
}

std::vector<double>
JobTrace::LoadCsv(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw ConfigError("cannot open file '" + path + "'");
    }
    return Parse(in, path);
}

} // namespace llmedge
} // namespace ns3
