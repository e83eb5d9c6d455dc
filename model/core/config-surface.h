/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_CONFIG_SURFACE_H
#define LLM_EDGE_CONFIG_SURFACE_H

#include <cstddef>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief One arm of an energy-delay tuner: a (GPU frequency, batch size)
 * configuration with the time and energy of one batch.
 */
struct SurfaceArm
{
    double freqMhz{0};         ///< GPU frequency, MHz (> 0)
    unsigned batch{0};         ///< batch size, requests (>= 1)
    double timePerBatchS{0};   ///< time to serve one batch, s (> 0)
    double energyPerBatchJ{0}; ///< energy of one batch, J (> 0)
    std::string flag;          ///< provenance: MEAS, SPEC or EST
};

/**
 * \ingroup llm-edge
 * \brief How energy and latency are made comparable in the cost.
 */
enum class CostNormalization
{
    DefaultArm, ///< x / x(default arm): the default arm costs exactly 1
    MinMax      ///< (x - min) / (max - min) over the arms of the surface
};

/**
 * \ingroup llm-edge
 * \brief The Camel paper's cost: a * normalized energy per request
 * + (1 - a) * normalized latency per request.
 */
struct CostOptions
{
    double energyWeight{0.5};    ///< a in [0, 1]
    double arrivalRatePerS{1.0}; ///< lambda, requests/s (> 0), for the queue wait
    CostNormalization normalization{CostNormalization::DefaultArm}; ///< normalization reading
};

/**
 * \ingroup llm-edge
 * \brief Time and energy per batch for every (GPU frequency, batch size) arm
 * of one device kind running one model, with the Camel cost and the
 * energy-delay product (EDP).
 *
 * Arms are held sorted by frequency, then batch: arm index = iF * nBatches + iB.
 * The arms must form a full grid (every frequency with every batch size): a
 * missing combination is an error, so that tuners can rely on a rectangular
 * search space and the default arm (maximum frequency, maximum batch) exists.
 *
 * Per request: energy = E_batch / b; latency = (b - 1) / (2 lambda) + T_batch
 * (the mean wait of a request for its batch to fill at rate lambda, plus the
 * batch's service); EDP = energy x latency, J s.
 */
class ConfigSurface
{
  public:
    /**
     * \brief Build and validate.
     * \param arms the arms, in any order (sorted here)
     * \param deviceKind device kind, e.g. "agx-orin-32gb"
     * \param model model name, e.g. "llama-3.2-1b"
     * \param origin text used in messages (file name or preset)
     */
    ConfigSurface(std::vector<SurfaceArm> arms,
                  std::string deviceKind,
                  std::string model,
                  std::string origin);

    /**
     * \brief Read the rows of one device kind and model from CSV text.
     *
     * Columns (case-insensitive, any order, extra columns ignored):
     * `device,model,freq_mhz,batch,time_per_batch_s,energy_per_batch_j,flag`;
     * flag is MEAS, SPEC or EST. A file may hold several devices and models.
     * \param text the CSV text
     * \param sourceName file name used in messages
     * \param deviceKind the device kind to select
     * \param model the model to select
     * \return the surface
     */
    static ConfigSurface ParseCsv(const std::string& text,
                                  const std::string& sourceName,
                                  const std::string& deviceKind,
                                  const std::string& model);

    /**
     * \brief As ParseCsv, from a file.
     * \param path the file
     * \param deviceKind the device kind to select
     * \param model the model to select
     * \return the surface
     */
    static ConfigSurface LoadCsv(const std::string& path,
                                 const std::string& deviceKind,
                                 const std::string& model);

    /// \return the number of arms
    std::size_t GetNArms() const;
    /// \param i arm index \return arm i
    const SurfaceArm& GetArm(std::size_t i) const;
    /// \return the distinct frequencies, MHz, ascending
    const std::vector<double>& GetFrequenciesMhz() const;
    /// \return the distinct batch sizes, ascending
    const std::vector<unsigned>& GetBatches() const;
    /// \return the device kind
    const std::string& GetDeviceKind() const;
    /// \return the model
    const std::string& GetModel() const;
    /// \return the origin (file name)
    const std::string& GetOrigin() const;

    /**
     * \param freqMhz a frequency of the grid, MHz (exact match)
     * \param batch a batch size of the grid
     * \return the arm index; throws ConfigError when absent
     */
    std::size_t IndexOf(double freqMhz, unsigned batch) const;

    /// \return the default arm: maximum frequency, maximum batch
    std::size_t GetDefaultArm() const;

    /// \param i arm \return energy per request, J
    double GetEnergyPerRequestJ(std::size_t i) const;
    /**
     * \param i arm
     * \param arrivalRatePerS lambda, requests/s
     * \return latency per request, s: (b - 1) / (2 lambda) + T_batch
     */
    double GetLatencyPerRequestS(std::size_t i, double arrivalRatePerS) const;
    /**
     * \param batch batch size b
     * \param timePerBatchS the batch's service time, s
     * \param arrivalRatePerS lambda, requests/s
     * \return (b - 1) / (2 lambda) + timePerBatchS, s
     */
    static double RequestLatencyS(unsigned batch, double timePerBatchS, double arrivalRatePerS);
    /**
     * \param i arm
     * \param arrivalRatePerS lambda, requests/s
     * \return energy-delay product per request, J s
     */
    double GetEdpJs(std::size_t i, double arrivalRatePerS) const;

    /**
     * \brief The cost of a measured energy and latency per request, with the
     * normalization constants of this surface's true values.
     * \param energyPerRequestJ energy per request, J
     * \param latencyS latency per request, s
     * \param options weight, arrival rate and normalization
     * \return the cost (dimensionless)
     */
    double Cost(double energyPerRequestJ, double latencyS, const CostOptions& options) const;

    /// \param options cost options \return the true cost of every arm
    std::vector<double> GetCosts(const CostOptions& options) const;
    /// \param options cost options \return the arm of least true cost (lowest index on ties)
    std::size_t GetOptimumArm(const CostOptions& options) const;
    /// \param arrivalRatePerS lambda \return the arm of least EDP
    std::size_t GetEdpOptimumArm(double arrivalRatePerS) const;
    /**
     * \param options cost options
     * \return 1 - EDP(cost-optimal arm) / EDP(default arm): the EDP reduction
     *         that choosing the cost optimum brings against the default
     */
    double GetEdpReductionVsDefault(const CostOptions& options) const;

    /// \param options the options to check; throws ConfigError when out of range
    static void CheckOptions(const CostOptions& options);

  private:
    std::vector<SurfaceArm> m_arms;  ///< arms sorted by (frequency, batch)
    std::vector<double> m_freqs;     ///< distinct frequencies, ascending
    std::vector<unsigned> m_batches; ///< distinct batches, ascending
    std::string m_device;            ///< device kind
    std::string m_model;             ///< model
    std::string m_origin;            ///< file or preset
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_CONFIG_SURFACE_H */
