/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "config-surface.h"

#include "config-error.h"
#include "csv-table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <utility>

namespace ns3
{
namespace llmedge
{

namespace
{

/// Largest GPU frequency accepted, MHz (a sanity bound, far above any GPU).
constexpr double kMaxFreqMhz = 1e5;
/// Largest batch size accepted.
constexpr double kMaxBatch = 1e6;

bool
IsKnownFlag(const std::string& flag)
{
    return flag == "MEAS" || flag == "SPEC" || flag == "EST";
}

std::string
ArmText(double freqMhz, unsigned batch)
{
    return "(" + FormatValue(freqMhz) + " MHz, batch " + std::to_string(batch) + ")";
}

// Check one arm's numbers; the message starts with \p where ("file:line:col:").
void
CheckArm(const SurfaceArm& a, const std::string& where)
{
    auto fail = [&](const std::string& column, const std::string& value, const std::string& why) {
        throw ConfigError(where + " invalid " + column + " = " + value + ": " + why);
    };
    if (!(a.freqMhz > 0 && a.freqMhz <= kMaxFreqMhz))
    {
        fail("freq_mhz",
             FormatValue(a.freqMhz),
             "must lie in (0, " + FormatValue(kMaxFreqMhz) + "] MHz");
    }
    if (!(a.batch >= 1 && a.batch <= kMaxBatch))
    {
        fail("batch",
             FormatValue(a.batch),
             "must be a whole number in [1, " + FormatValue(kMaxBatch) + "]");
    }
    if (!(a.timePerBatchS > 0 && a.timePerBatchS <= kMaxTimeS))
    {
        fail("time_per_batch_s",
             FormatValue(a.timePerBatchS),
             "must lie in (0, " + FormatValue(kMaxTimeS) + "] s");
    }
    if (!(a.energyPerBatchJ > 0 && a.energyPerBatchJ <= kMaxEnergyJ))
    {
        fail("energy_per_batch_j",
             FormatValue(a.energyPerBatchJ),
             "must lie in (0, " + FormatValue(kMaxEnergyJ) + "] J");
    }
    if (!IsKnownFlag(a.flag))
    {
        fail("flag", "'" + a.flag + "'", "expected MEAS, SPEC or EST");
    }
}

} // namespace

ConfigSurface::ConfigSurface(std::vector<SurfaceArm> arms,
                             std::string deviceKind,
                             std::string model,
                             std::string origin)
    : m_arms(std::move(arms)),
      m_device(std::move(deviceKind)),
      m_model(std::move(model)),
      m_origin(std::move(origin))
{
    if (m_arms.empty())
    {
        throw ConfigError(m_origin + ": the configuration surface has no arms");
    }
    std::set<double> freqs;
    std::set<unsigned> batches;
    std::set<std::pair<double, unsigned>> seen;
    for (const auto& a : m_arms)
    {
        CheckArm(a, m_origin + ": arm " + ArmText(a.freqMhz, a.batch) + ":");
        if (!seen.insert({a.freqMhz, a.batch}).second)
        {
            throw ConfigError(m_origin + ": duplicate arm " + ArmText(a.freqMhz, a.batch));
        }
        freqs.insert(a.freqMhz);
        batches.insert(a.batch);
    }
    m_freqs.assign(freqs.begin(), freqs.end());
    m_batches.assign(batches.begin(), batches.end());
    for (double f : m_freqs)
    {
        for (unsigned b : m_batches)
        {
            if (seen.count({f, b}) == 0)
            {
                throw ConfigError(m_origin + ": missing arm " + ArmText(f, b) +
                                  ": the arms must form a full grid of the " +
                                  std::to_string(m_freqs.size()) + " frequencies and " +
                                  std::to_string(m_batches.size()) + " batch sizes");
            }
        }
    }
    std::sort(m_arms.begin(), m_arms.end(), [](const SurfaceArm& x, const SurfaceArm& y) {
        return x.freqMhz != y.freqMhz ? x.freqMhz < y.freqMhz : x.batch < y.batch;
    });
}

ConfigSurface
ConfigSurface::ParseCsv(const std::string& text,
                        const std::string& sourceName,
                        const std::string& deviceKind,
                        const std::string& model)
{
    std::istringstream in(text);
    CsvTable csv = CsvTable::Parse(in, sourceName);
    std::size_t cDevice = csv.RequireColumn("device");
    std::size_t cModel = csv.RequireColumn("model");
    std::size_t cFreq = csv.RequireColumn("freq_mhz");
    std::size_t cBatch = csv.RequireColumn("batch");
    std::size_t cTime = csv.RequireColumn("time_per_batch_s");
    std::size_t cEnergy = csv.RequireColumn("energy_per_batch_j");
    std::size_t cFlag = csv.RequireColumn("flag");
    std::vector<SurfaceArm> arms;
    std::map<std::pair<double, unsigned>, std::size_t> lineOf;
    std::set<std::string> available;
    for (const auto& row : csv.GetRows())
    {
        const std::string& device = csv.GetString(row, cDevice);
        const std::string& name = csv.GetString(row, cModel);
        for (std::size_t c : {cDevice, cModel})
        {
            if (csv.GetString(row, c).empty())
            {
                throw ConfigError(csv.Where(row, c) + ": column '" + csv.GetHeader()[c] +
                                  "' is empty");
            }
        }
        available.insert(device + "/" + name);
        if (device != deviceKind || name != model)
        {
            continue;
        }
        SurfaceArm a;
        a.freqMhz = csv.GetDouble(row, cFreq);
        double batch = csv.GetDouble(row, cBatch);
        if (!(batch >= 1 && batch <= kMaxBatch && std::floor(batch) == batch))
        {
            throw ConfigError(csv.Where(row, cBatch) + ": column 'batch' = '" +
                              csv.GetString(row, cBatch) + "' must be a whole number in [1, " +
                              FormatValue(kMaxBatch) + "]");
        }
        a.batch = static_cast<unsigned>(batch);
        a.timePerBatchS = csv.GetDouble(row, cTime);
        a.energyPerBatchJ = csv.GetDouble(row, cEnergy);
        a.flag = csv.GetString(row, cFlag);
        // The column of the first bad field, for the message.
        std::size_t badColumn = cFlag;
        if (!(a.freqMhz > 0 && a.freqMhz <= kMaxFreqMhz))
        {
            badColumn = cFreq;
        }
        else if (!(a.timePerBatchS > 0 && a.timePerBatchS <= kMaxTimeS))
        {
            badColumn = cTime;
        }
        else if (!(a.energyPerBatchJ > 0 && a.energyPerBatchJ <= kMaxEnergyJ))
        {
            badColumn = cEnergy;
        }
        CheckArm(a, csv.Where(row, badColumn) + ":");
        auto inserted = lineOf.insert({{a.freqMhz, a.batch}, row.line});
        if (!inserted.second)
        {
            throw ConfigError(csv.Where(row, cFreq) + ": duplicate arm " +
                              ArmText(a.freqMhz, a.batch) + " (first on line " +
                              std::to_string(inserted.first->second) + ")");
        }
        arms.push_back(a);
    }
    if (arms.empty())
    {
        std::string list;
        for (const auto& s : available)
        {
            list += (list.empty() ? "" : ", ") + s;
        }
        throw ConfigError(sourceName + ": no rows for device '" + deviceKind + "' and model '" +
                          model + "' (available device/model: " + (list.empty() ? "none" : list) +
                          ")");
    }
    return ConfigSurface(std::move(arms), deviceKind, model, sourceName);
}

ConfigSurface
ConfigSurface::LoadCsv(const std::string& path,
                       const std::string& deviceKind,
                       const std::string& model)
{
    return ParseCsv(ReadTextFile(path), path, deviceKind, model);
}

std::size_t
ConfigSurface::GetNArms() const
{
    return m_arms.size();
}

const SurfaceArm&
ConfigSurface::GetArm(std::size_t i) const
{
    return m_arms.at(i);
}

const std::vector<double>&
ConfigSurface::GetFrequenciesMhz() const
{
    return m_freqs;
}

const std::vector<unsigned>&
ConfigSurface::GetBatches() const
{
    return m_batches;
}

const std::string&
ConfigSurface::GetDeviceKind() const
{
    return m_device;
}

const std::string&
ConfigSurface::GetModel() const
{
    return m_model;
}

const std::string&
ConfigSurface::GetOrigin() const
{
    return m_origin;
}

std::size_t
ConfigSurface::IndexOf(double freqMhz, unsigned batch) const
{
    for (std::size_t i = 0; i < m_arms.size(); ++i)
    {
        if (m_arms[i].freqMhz == freqMhz && m_arms[i].batch == batch)
        {
            return i;
        }
    }
    ThrowConfigError("arm", ArmText(freqMhz, batch), "not in " + m_origin);
}

std::size_t
ConfigSurface::GetDefaultArm() const
{
    return m_arms.size() - 1; // sorted: maximum frequency, then maximum batch
}

double
ConfigSurface::GetEnergyPerRequestJ(std::size_t i) const
{
    const SurfaceArm& a = m_arms.at(i);
    return a.energyPerBatchJ / a.batch;
}

double
ConfigSurface::RequestLatencyS(unsigned batch, double timePerBatchS, double arrivalRatePerS)
{
    return (batch - 1.0) / (2.0 * arrivalRatePerS) + timePerBatchS;
}

double
ConfigSurface::GetLatencyPerRequestS(std::size_t i, double arrivalRatePerS) const
{
    const SurfaceArm& a = m_arms.at(i);
    return RequestLatencyS(a.batch, a.timePerBatchS, arrivalRatePerS);
}

double
ConfigSurface::GetEdpJs(std::size_t i, double arrivalRatePerS) const
{
    return GetEnergyPerRequestJ(i) * GetLatencyPerRequestS(i, arrivalRatePerS);
}

void
ConfigSurface::CheckOptions(const CostOptions& options)
{
    if (!(options.energyWeight >= 0 && options.energyWeight <= 1))
    {
        ThrowConfigError("EnergyWeight", FormatValue(options.energyWeight), "must lie in [0, 1]");
    }
    if (!(options.arrivalRatePerS > 0 && options.arrivalRatePerS <= 1e6))
    {
        ThrowConfigError("ArrivalRate",
                         FormatValue(options.arrivalRatePerS),
                         "must lie in (0, 1e6] requests/s");
    }
}

double
ConfigSurface::Cost(double energyPerRequestJ, double latencyS, const CostOptions& options) const
{
    CheckOptions(options);
    double eLo = 0;
    double eScale = GetEnergyPerRequestJ(GetDefaultArm());
    double lLo = 0;
    double lScale = GetLatencyPerRequestS(GetDefaultArm(), options.arrivalRatePerS);
    if (options.normalization == CostNormalization::MinMax)
    {
        double eHi = eLo = GetEnergyPerRequestJ(0);
        double lHi = lLo = GetLatencyPerRequestS(0, options.arrivalRatePerS);
        for (std::size_t i = 1; i < m_arms.size(); ++i)
        {
            double e = GetEnergyPerRequestJ(i);
            double l = GetLatencyPerRequestS(i, options.arrivalRatePerS);
            eLo = std::min(eLo, e);
            eHi = std::max(eHi, e);
            lLo = std::min(lLo, l);
            lHi = std::max(lHi, l);
        }
        // A dimension on which all arms agree contributes nothing.
        eScale = eHi > eLo ? eHi - eLo : 1.0;
        lScale = lHi > lLo ? lHi - lLo : 1.0;
    }
    double a = options.energyWeight;
    return a * (energyPerRequestJ - eLo) / eScale + (1 - a) * (latencyS - lLo) / lScale;
}

std::vector<double>
ConfigSurface::GetCosts(const CostOptions& options) const
{
    std::vector<double> costs(m_arms.size());
    for (std::size_t i = 0; i < m_arms.size(); ++i)
    {
        costs[i] = Cost(GetEnergyPerRequestJ(i),
                        GetLatencyPerRequestS(i, options.arrivalRatePerS),
                        options);
    }
    return costs;
}

std::size_t
ConfigSurface::GetOptimumArm(const CostOptions& options) const
{
    std::vector<double> costs = GetCosts(options);
    return static_cast<std::size_t>(std::min_element(costs.begin(), costs.end()) - costs.begin());
}

std::size_t
ConfigSurface::GetEdpOptimumArm(double arrivalRatePerS) const
{
    CheckOptions(CostOptions{0.5, arrivalRatePerS, CostNormalization::DefaultArm});
    std::size_t best = 0;
    for (std::size_t i = 1; i < m_arms.size(); ++i)
    {
        if (GetEdpJs(i, arrivalRatePerS) < GetEdpJs(best, arrivalRatePerS))
        {
            best = i;
        }
    }
    return best;
}

double
ConfigSurface::GetEdpReductionVsDefault(const CostOptions& options) const
{
    double lambda = options.arrivalRatePerS;
    return 1.0 - GetEdpJs(GetOptimumArm(options), lambda) / GetEdpJs(GetDefaultArm(), lambda);
}

} // namespace llmedge
} // namespace ns3
