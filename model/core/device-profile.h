/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_DEVICE_PROFILE_H
#define LLM_EDGE_DEVICE_PROFILE_H

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/// Largest batch size accepted from any input.
constexpr unsigned kMaxBatchSize = 4096;
/// Largest memory accepted from any input, GB.
constexpr double kMaxMemoryGb = 1e6;

/**
 * \ingroup llm-edge
 * \brief The token counts of one batch of requests, accumulated request by
 * request.
 */
struct BatchTokens
{
    unsigned requests{0};             ///< batch size b
    std::uint64_t sumInputTokens{0};  ///< sum of the requests' input (prompt) tokens
    std::uint64_t sumOutputTokens{0}; ///< sum of the requests' output tokens
    std::uint64_t maxOutputTokens{0}; ///< largest output of any request

    /**
     * \brief Add one request.
     * \param inputTokens its prompt tokens
     * \param outputTokens its generated tokens
     */
    void Add(std::uint64_t inputTokens, std::uint64_t outputTokens);

    /**
     * \brief A batch of identical requests.
     * \param batch b
     * \param inputTokens prompt tokens of each request
     * \param outputTokens generated tokens of each request
     * \return the batch
     */
    static BatchTokens Uniform(unsigned batch,
                               std::uint64_t inputTokens,
                               std::uint64_t outputTokens);
};

/**
 * \ingroup llm-edge
 * \brief One row of a device profile: a device kind running one model at one
 * batch size.
 *
 * A batch runs static batching: all prompts are prefilled, then the batch
 * decodes one token per request per step until its longest output is done.
 *   time   = fixed_s + prefill_s_per_token x sum(input) + decode_s_per_step x max(output)
 *   energy = fixed_j + prefill_j_per_token x sum(input) + decode_j_per_step x max(output)
 *   memory = memory_base_gb + kv_gb_per_token x (sum(input) + sum(output))
 * Energies are of the whole node over the batch (idle share included).
 */
struct DeviceProfileRow
{
    std::string device;         ///< device kind, e.g. "orin-nx-8gb"
    std::string model;          ///< model name, e.g. "llama-3.2-3b-q4km"
    unsigned batch{1};          ///< batch size b (>= 1)
    double fixedS{0};           ///< per-batch overhead, s
    double prefillSPerToken{0}; ///< prefill time per input token of the batch, s
    double decodeSPerStep{0};   ///< time of one decode step of the whole batch, s
    double fixedJ{0};           ///< per-batch overhead energy, J
    double prefillJPerToken{0}; ///< prefill energy per input token, J
    double decodeJPerStep{0};   ///< energy of one decode step of the batch, J
    double idlePowerW{0};       ///< node power while idle, W
    double memoryBaseGb{0};     ///< weights, runtime and batch buffers, GB
    double kvGbPerToken{0};     ///< KV cache per token held, GB
    double deviceMemoryGb{0};   ///< memory the model may use on the device, GB (> 0)
    std::string flag;           ///< provenance: MEAS, SPEC, DER or EST
    std::string source;         ///< where the numbers come from
    std::size_t line{0};        ///< 1-based line in the file (0 when built in code)
};

/**
 * \ingroup llm-edge
 * \brief Outcome of a memory check of one batch on one device.
 */
struct MemoryCheck
{
    bool fits{false};      ///< true when the batch fits in device memory
    double neededGb{0};    ///< memory the batch needs, GB (0 when no row)
    double availableGb{0}; ///< memory available to the model, GB
    std::string reason;    ///< why it does not fit (empty when it fits)
};

/**
 * \ingroup llm-edge
 * \brief Time, energy and memory of LLM batches per device kind, model and
 * batch size, read from CSV.
 *
 * CSV columns (case-insensitive, any order, extra columns ignored), all
 * required: `device,model,batch,fixed_s,prefill_s_per_token,
 * decode_s_per_step,fixed_j,prefill_j_per_token,decode_j_per_step,
 * idle_power_w,memory_base_gb,kv_gb_per_token,device_memory_gb,flag`;
 * `source` optional. Times and energies are finite and >= 0 (with a
 * positive decode step), memories >= 0 and device memory > 0, `batch` a
 * whole number in [1, kMaxBatchSize] unique per (device, model), `flag` one
 * of MEAS, SPEC, DER, EST, and `idle_power_w` and `device_memory_gb` equal
 * on all rows of one device. Every error is a ConfigError naming file, line
 * and column and the value.
 */
class DeviceProfileTable
{
  public:
    DeviceProfileTable() = default;

    /**
     * \brief Parse a table.
     * \param in the stream
     * \param sourceName file name for messages
     * \return the table
     */
    static DeviceProfileTable Parse(std::istream& in, const std::string& sourceName);

    /**
     * \brief Load a table from a file.
     * \param path the file
     * \return the table
     */
    static DeviceProfileTable LoadCsv(const std::string& path);

    /**
     * \brief Add the rows of another table (e.g. one file per device).
     * \param other the table; a repeated (device, model, batch) throws ConfigError
     */
    void Merge(const DeviceProfileTable& other);

    /**
     * \brief The row of a device, model and batch size.
     * \param device device kind
     * \param model model name
     * \param batch batch size
     * \return the row; throws ConfigError naming what the table holds
     */
    const DeviceProfileRow& Get(const std::string& device,
                                const std::string& model,
                                unsigned batch) const;

    /**
     * \brief Time of one batch.
     * \param device device kind
     * \param model model name
     * \param tokens the batch (its size selects the row)
     * \return seconds (formula in DeviceProfileRow)
     */
    double GetBatchTimeS(const std::string& device,
                         const std::string& model,
                         const BatchTokens& tokens) const;

    /**
     * \brief Energy of one batch at the node.
     * \param device device kind
     * \param model model name
     * \param tokens the batch (its size selects the row)
     * \return joules (formula in DeviceProfileRow)
     */
    double GetBatchEnergyJ(const std::string& device,
                           const std::string& model,
                           const BatchTokens& tokens) const;

    /**
     * \brief Whether a batch fits in the device's memory (never throws for a
     * known device and model).
     * \param device device kind
     * \param model model name
     * \param tokens the batch
     * \return fits, memory needed and available, and the reason when not
     */
    MemoryCheck CheckMemory(const std::string& device,
                            const std::string& model,
                            const BatchTokens& tokens) const;

    /**
     * \param device device kind
     * \param model model name
     * \return the largest batch size in the table for them
     */
    unsigned GetMaxBatch(const std::string& device, const std::string& model) const;

    /**
     * \param device device kind
     * \return its idle power, W
     */
    double GetIdlePowerW(const std::string& device) const;

    /// \return the device kinds, in file order
    std::vector<std::string> GetDevices() const;

    /**
     * \param device device kind
     * \return its models, in file order
     */
    std::vector<std::string> GetModels(const std::string& device) const;

    /// \return all rows, in file order
    const std::vector<DeviceProfileRow>& GetRows() const;

  private:
    /// \param device device kind \param model model name \return the rows' batch sizes
    std::vector<unsigned> Batches(const std::string& device, const std::string& model) const;

    std::vector<DeviceProfileRow> m_rows; ///< rows in file order
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_DEVICE_PROFILE_H */
