/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The module's file readers behind one call, for the fuzz targets and the
// bad-input catalogue's llm-edge-read-input driver. Pure C++ (no ns-3).
#include "readers.h"

#include "../../model/core/carbon-intensity.h"
#include "../../model/core/config-error.h"
#include "../../model/core/config-surface.h"
#include "../../model/core/csv-table.h"
#include "../../model/core/device-profile.h"
#include "../../model/core/harvest-pmf.h"
#include "../../model/core/job-trace.h"
#include "../../model/core/power-mode-table.h"
#include "../../model/core/power-trace.h"
#include "../../model/core/solar-export.h"
#include "../../model/core/request-workload.h"

#include <algorithm>
#include <sstream>

namespace ns3
{
namespace llmedge
{

std::vector<std::string>
ReaderNames()
{
    return {"csv-table",
            "power-modes",
            "power-trace",
            "harvest-pmf",
            "job-trace",
            "carbon-trace",
            "carbon-yearly",
            "device-profile",
            "request-workload",
            "config-surface",
            "pvgis-hourly",
            "nsrdb-tmy"};
}

namespace
{

/// A CSV table, every field parsed as a number and located.
void
ReadCsvTable(std::istream& in, const std::string& sourceName, std::ostream& out)
{
    CsvTable t = CsvTable::Parse(in, sourceName);
    out << t.GetHeader().size() << " columns, " << t.GetRows().size() << " rows";
    for (const auto& row : t.GetRows())
    {
        for (std::size_t c = 0; c < row.fields.size(); ++c)
        {
            double v;
            ParseFiniteDouble(t.GetString(row, c), v);
            t.Where(row, c);
        }
    }
}

/// A power-mode table, each mode's slots per job at 100 s slots.
void
ReadPowerModes(const std::string& data, const std::string& sourceName, std::ostream& out)
{
    PowerModeTable m = PowerModeTable::ParseCsv(data, sourceName);
    for (const auto& mode : m.GetModes())
    {
        mode.GetSlotsPerJob(100.0);
    }
    out << m.GetN() << " power modes";
}

/// A carbon-intensity trace: the file's only zone, direct intensities (a
/// multi-zone file needs a zone id).
void
ReadCarbonTrace(std::istream& in, const std::string& sourceName, std::ostream& out)
{
    auto t = CarbonIntensityTrace::Parse(in, sourceName, "", CarbonIntensityTrace::Column::Direct);
    out << t.GetValues().size() << " hourly values of zone '" << t.GetZoneId() << "', mean "
        << t.GetMean() << " g/kWh, "
        << t.GetMeanIntensity(0, std::min(2 * t.GetPeriodS(), kMaxTimeS))
        << " g/kWh over two periods";
}

/// A table of yearly carbon intensities by zone.
void
ReadCarbonYearly(std::istream& in, const std::string& sourceName, std::ostream& out)
{
    auto t = YearlyCarbonIntensityTable::Parse(in, sourceName);
    out << t.GetEntries().size() << " zones, first " << t.GetEntries().front().zoneId << " "
        << t.GetIntensity(t.GetEntries().front().zoneId) << " g/kWh";
}

/// A device profile, every row's batch time, energy and memory checked.
void
ReadDeviceProfile(std::istream& in, const std::string& sourceName, std::ostream& out)
{
    auto t = DeviceProfileTable::Parse(in, sourceName);
    for (const auto& r : t.GetRows())
    {
        auto batch = BatchTokens::Uniform(r.batch, 128, 128);
        t.GetBatchTimeS(r.device, r.model, batch);
        t.GetBatchEnergyJ(r.device, r.model, batch);
        t.CheckMemory(r.device, r.model, batch);
    }
    out << t.GetRows().size() << " profile rows, " << t.GetDevices().size() << " devices";
}

/// A configuration surface, for the device and model of its first data row.
void
ReadConfigSurface(std::istream& in,
                  const std::string& data,
                  const std::string& sourceName,
                  std::ostream& out)
{
    // Select the device and model of the first data row (so that every
    // file exercises the arm checks); a file without rows selects
    // agx-orin-32gb / llama-3.2-1b and is refused as having none.
    std::string device = "agx-orin-32gb";
    std::string model = "llama-3.2-1b";
    CsvTable t = CsvTable::Parse(in, sourceName);
    int cDevice = t.FindColumn("device");
    int cModel = t.FindColumn("model");
    if (!t.GetRows().empty() && cDevice >= 0 && cModel >= 0)
    {
        device = t.GetString(t.GetRows()[0], cDevice);
        model = t.GetString(t.GetRows()[0], cModel);
    }
    ConfigSurface s = ConfigSurface::ParseCsv(data, sourceName, device, model);
    CostOptions paper;
    out << s.GetNArms() << " arms of " << device << "/" << model << ", optimum arm "
        << s.GetOptimumArm(paper) << ", EDP reduction vs default "
        << s.GetEdpReductionVsDefault(paper);
}

} // namespace

std::string
ReadWith(const std::string& reader, const std::string& data, const std::string& sourceName)
{
    std::istringstream in(data);
    std::ostringstream out;
    if (reader == "csv-table")
    {
        ReadCsvTable(in, sourceName, out);
    }
    else if (reader == "power-modes")
    {
        ReadPowerModes(data, sourceName, out);
    }
    else if (reader == "power-trace")
    {
        PowerTrace p = PowerTrace::Parse(in, sourceName, "time_s", "power_w", 1.0, 0.0);
        out << p.GetN() << " trace rows, " << p.GetEnergyJ(0, 86400) << " J in the first day";
    }
    else if (SolarExport::IsFormat(reader))
    {
        PowerTrace p = SolarExport::Parse(in, sourceName, reader, SolarExport::Panel{0, 0, 30}, 0.0);
        out << p.GetN() << " export rows, " << p.GetEnergyJ(0, 86400)
            << " J in the first day (30 W panel)";
    }
    else if (reader == "harvest-pmf")
    {
        HarvestPmf h = HarvestPmf::Parse(in, sourceName, 100.0);
        out << h.GetProbabilities().size() << " pmf levels, mean " << h.GetMeanJ() << " J";
    }
    else if (reader == "job-trace")
    {
        out << JobTrace::Parse(in, sourceName).size() << " arrivals";
    }
    else if (reader == "carbon-trace")
    {
        ReadCarbonTrace(in, sourceName, out);
    }
    else if (reader == "carbon-yearly")
    {
        ReadCarbonYearly(in, sourceName, out);
    }
    else if (reader == "device-profile")
    {
        ReadDeviceProfile(in, sourceName, out);
    }
    else if (reader == "request-workload")
    {
        auto reqs = RequestWorkload::Parse(in, sourceName);
        out << reqs.size() << " requests, last at " << reqs.back().arrivalS << " s";
    }
    else if (reader == "config-surface")
    {
        ReadConfigSurface(in, data, sourceName, out);
    }
    else
    {
        ThrowConfigError("reader",
                         "'" + reader + "'",
                         "expected csv-table, power-modes, power-trace, harvest-pmf, job-trace, "
                         "carbon-trace, carbon-yearly, device-profile, request-workload, "
                         "config-surface, pvgis-hourly or nsrdb-tmy");
    }
    return out.str();
}

} // namespace llmedge
} // namespace ns3
