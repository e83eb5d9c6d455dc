/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "device-profile.h"

#include "config-error.h"
#include "csv-table.h"

#include <algorithm>
#include <cmath>
#include <fstream>

namespace ns3
{
namespace llmedge
{

namespace
{

// The numeric columns of a profile row, with their bounds (all >= 0).
struct NumericColumn
{
    const char* name;                // CSV column
    double DeviceProfileRow::*field; // where it goes
    double max;                      // largest accepted value
    const char* unit;                // for messages
};

const std::vector<NumericColumn>&
NumericColumns()
{
    static const std::vector<NumericColumn> columns = {
        {"fixed_s", &DeviceProfileRow::fixedS, kMaxTimeS, "s"},
        {"prefill_s_per_token", &DeviceProfileRow::prefillSPerToken, kMaxTimeS, "s"},
        {"decode_s_per_step", &DeviceProfileRow::decodeSPerStep, kMaxTimeS, "s"},
        {"fixed_j", &DeviceProfileRow::fixedJ, kMaxEnergyJ, "J"},
        {"prefill_j_per_token", &DeviceProfileRow::prefillJPerToken, kMaxEnergyJ, "J"},
        {"decode_j_per_step", &DeviceProfileRow::decodeJPerStep, kMaxEnergyJ, "J"},
        {"idle_power_w", &DeviceProfileRow::idlePowerW, kMaxPowerW, "W"},
        {"memory_base_gb", &DeviceProfileRow::memoryBaseGb, kMaxMemoryGb, "GB"},
        {"kv_gb_per_token", &DeviceProfileRow::kvGbPerToken, kMaxMemoryGb, "GB"},
        {"device_memory_gb", &DeviceProfileRow::deviceMemoryGb, kMaxMemoryGb, "GB"},
    };
    return columns;
}

std::string
Key(const DeviceProfileRow& r)
{
    return "device '" + r.device + "', model '" + r.model + "', batch " + std::to_string(r.batch);
}

std::string
Join(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& s : items)
    {
        out += (out.empty() ? "" : ", ") + s;
    }
    return out;
}

// Throw when \p row repeats a (device, model, batch) of \p rows or disagrees
// with them on a per-device value; \p where locates the row for messages.
void
CheckAgainst(const std::vector<DeviceProfileRow>& rows,
             const DeviceProfileRow& row,
             const std::string& where)
{
    for (const auto& other : rows)
    {
        if (other.device != row.device)
        {
            continue;
        }
        if (other.model == row.model && other.batch == row.batch)
        {
            throw ConfigError(where + ": duplicate row for " + Key(row) + " (first on line " +
                              std::to_string(other.line) + ")");
        }
        if (other.idlePowerW != row.idlePowerW || other.deviceMemoryGb != row.deviceMemoryGb)
        {
            throw ConfigError(where + ": device '" + row.device +
                              "' has idle_power_w = " + FormatValue(row.idlePowerW) +
                              " and device_memory_gb = " + FormatValue(row.deviceMemoryGb) +
                              " but line " + std::to_string(other.line) + " has " +
                              FormatValue(other.idlePowerW) + " and " +
                              FormatValue(other.deviceMemoryGb) + " (one value per device)");
        }
    }
}

// fixed + perInputToken x sum(input) + perStep x max(output): the batch
// time or energy of DeviceProfileRow.
double
BatchCost(double fixed, double perInputToken, double perStep, const BatchTokens& tokens)
{
    return fixed + perInputToken * static_cast<double>(tokens.sumInputTokens) +
           perStep * static_cast<double>(tokens.maxOutputTokens);
}

} // namespace

void
BatchTokens::Add(std::uint64_t inputTokens, std::uint64_t outputTokens)
{
    ++requests;
    sumInputTokens += inputTokens;
    sumOutputTokens += outputTokens;
    maxOutputTokens = std::max(maxOutputTokens, outputTokens);
}

BatchTokens
BatchTokens::Uniform(unsigned batch, std::uint64_t inputTokens, std::uint64_t outputTokens)
{
    BatchTokens b;
    for (unsigned i = 0; i < batch; ++i)
    {
        b.Add(inputTokens, outputTokens);
    }
    return b;
}

DeviceProfileTable
DeviceProfileTable::Parse(std::istream& in, const std::string& sourceName)
{
    CsvTable csv = CsvTable::Parse(in, sourceName);
    std::size_t cDevice = csv.RequireAnyColumn({"device"});
    std::size_t cModel = csv.RequireAnyColumn({"model"});
    std::size_t cBatch = csv.RequireAnyColumn({"batch"});
    std::vector<std::size_t> cNumeric;
    for (const auto& col : NumericColumns())
    {
        cNumeric.push_back(csv.RequireAnyColumn({col.name}));
    }
    std::size_t cFlag = csv.RequireAnyColumn({"flag"});
    int cSource = csv.FindColumn("source");
    DeviceProfileTable t;
    for (const auto& row : csv.GetRows())
    {
        DeviceProfileRow r;
        r.line = row.line;
        for (auto c : {cDevice, cModel})
        {
            if (csv.GetString(row, c).empty())
            {
                throw ConfigError(csv.Where(row, c) + ": column '" + csv.GetHeader().at(c) +
                                  "' is empty");
            }
        }
        r.device = csv.GetString(row, cDevice);
        r.model = csv.GetString(row, cModel);
        double b = csv.GetDouble(row, cBatch);
        if (!(b >= 1 && b <= kMaxBatchSize && b == std::floor(b)))
        {
            throw ConfigError(csv.Where(row, cBatch) + ": column 'batch' = '" +
                              csv.GetString(row, cBatch) + "' must be a whole number in [1, " +
                              std::to_string(kMaxBatchSize) + "]");
        }
        r.batch = static_cast<unsigned>(b);
        for (std::size_t k = 0; k < NumericColumns().size(); ++k)
        {
            const auto& col = NumericColumns()[k];
            double v = csv.GetDouble(row, cNumeric[k]);
            bool positive = col.field == &DeviceProfileRow::decodeSPerStep ||
                            col.field == &DeviceProfileRow::deviceMemoryGb;
            if (!((positive ? v > 0 : v >= 0) && v <= col.max))
            {
                throw ConfigError(csv.Where(row, cNumeric[k]) + ": column '" + col.name + "' = " +
                                  FormatValue(v) + " must lie in " + (positive ? "(0, " : "[0, ") +
                                  FormatValue(col.max) + "] " + col.unit);
            }
            r.*col.field = v;
        }
        r.flag = csv.GetString(row, cFlag);
        if (r.flag != "MEAS" && r.flag != "SPEC" && r.flag != "DER" && r.flag != "EST")
        {
            throw ConfigError(csv.Where(row, cFlag) + ": column 'flag' = '" + r.flag +
                              "' must be MEAS, SPEC, DER or EST");
        }
        r.source = cSource < 0 ? "" : csv.GetString(row, cSource);
        CheckAgainst(t.m_rows, r, csv.Where(row));
        t.m_rows.push_back(r);
    }
    if (t.m_rows.empty())
    {
        throw ConfigError(sourceName + ": no data rows");
    }
    return t;
}

DeviceProfileTable
DeviceProfileTable::LoadCsv(const std::string& path)
{
    std::ifstream in = OpenInputFile(path);
    return Parse(in, path);
}

void
DeviceProfileTable::Merge(const DeviceProfileTable& other)
{
    for (const auto& r : other.m_rows)
    {
        CheckAgainst(m_rows, r, "merging device profiles, line " + std::to_string(r.line));
        m_rows.push_back(r);
    }
}

std::vector<unsigned>
DeviceProfileTable::Batches(const std::string& device, const std::string& model) const
{
    std::vector<unsigned> batches;
    for (const auto& r : m_rows)
    {
        if (r.device == device && r.model == model)
        {
            batches.push_back(r.batch);
        }
    }
    if (batches.empty())
    {
        std::vector<std::string> known;
        for (const auto& r : m_rows)
        {
            std::string k = r.device + "/" + r.model;
            if (std::find(known.begin(), known.end(), k) == known.end())
            {
                known.push_back(k);
            }
        }
        ThrowConfigError("device profile",
                         "'" + device + "/" + model + "'",
                         "no such device/model (profiles: " + Join(known) + ")");
    }
    std::sort(batches.begin(), batches.end());
    return batches;
}

const DeviceProfileRow&
DeviceProfileTable::Get(const std::string& device, const std::string& model, unsigned batch) const
{
    std::vector<unsigned> batches = Batches(device, model);
    for (const auto& r : m_rows)
    {
        if (r.device == device && r.model == model && r.batch == batch)
        {
            return r;
        }
    }
    std::vector<std::string> list;
    for (unsigned b : batches)
    {
        list.push_back(std::to_string(b));
    }
    ThrowConfigError("batch size for " + device + "/" + model,
                     std::to_string(batch),
                     "no profile row (batch sizes: " + Join(list) + ")");
}

double
DeviceProfileTable::GetBatchTimeS(const std::string& device,
                                  const std::string& model,
                                  const BatchTokens& tokens) const
{
    const DeviceProfileRow& r = Get(device, model, tokens.requests);
    return BatchCost(r.fixedS, r.prefillSPerToken, r.decodeSPerStep, tokens);
}

double
DeviceProfileTable::GetBatchEnergyJ(const std::string& device,
                                    const std::string& model,
                                    const BatchTokens& tokens) const
{
    const DeviceProfileRow& r = Get(device, model, tokens.requests);
    return BatchCost(r.fixedJ, r.prefillJPerToken, r.decodeJPerStep, tokens);
}

MemoryCheck
DeviceProfileTable::CheckMemory(const std::string& device,
                                const std::string& model,
                                const BatchTokens& tokens) const
{
    std::vector<unsigned> batches = Batches(device, model);
    MemoryCheck m;
    const DeviceProfileRow* row = nullptr;
    for (const auto& r : m_rows)
    {
        if (r.device == device && r.model == model)
        {
            m.availableGb = r.deviceMemoryGb;
            if (r.batch == tokens.requests)
            {
                row = &r;
            }
        }
    }
    if (row == nullptr)
    {
        m.reason = "no profile row for batch " + std::to_string(tokens.requests) + " of " + device +
                   "/" + model + " (largest batch " + std::to_string(batches.back()) + ")";
        return m;
    }
    double tokensHeld = static_cast<double>(tokens.sumInputTokens + tokens.sumOutputTokens);
    m.neededGb = row->memoryBaseGb + row->kvGbPerToken * tokensHeld;
    m.fits = m.neededGb <= m.availableGb;
    if (!m.fits)
    {
        m.reason = "needs " + FormatValue(m.neededGb) + " GB (" + FormatValue(row->memoryBaseGb) +
                   " GB base + KV cache of " + FormatValue(tokensHeld) + " tokens) but " + device +
                   " has " + FormatValue(m.availableGb) + " GB for the model";
    }
    return m;
}

unsigned
DeviceProfileTable::GetMaxBatch(const std::string& device, const std::string& model) const
{
    return Batches(device, model).back();
}

double
DeviceProfileTable::GetIdlePowerW(const std::string& device) const
{
    for (const auto& r : m_rows)
    {
        if (r.device == device)
        {
            return r.idlePowerW;
        }
    }
    ThrowConfigError("device kind",
                     "'" + device + "'",
                     "not in the profiles (devices: " + Join(GetDevices()) + ")");
}

std::vector<std::string>
DeviceProfileTable::GetDevices() const
{
    std::vector<std::string> devices;
    for (const auto& r : m_rows)
    {
        if (std::find(devices.begin(), devices.end(), r.device) == devices.end())
        {
            devices.push_back(r.device);
        }
    }
    return devices;
}

std::vector<std::string>
DeviceProfileTable::GetModels(const std::string& device) const
{
    std::vector<std::string> models;
    for (const auto& r : m_rows)
    {
        if (r.device == device && std::find(models.begin(), models.end(), r.model) == models.end())
        {
            models.push_back(r.model);
        }
    }
    return models;
}

const std::vector<DeviceProfileRow>&
DeviceProfileTable::GetRows() const
{
    return m_rows;
}

} // namespace llmedge
} // namespace ns3
