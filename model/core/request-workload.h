/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_REQUEST_WORKLOAD_H
#define LLM_EDGE_REQUEST_WORKLOAD_H

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/// Largest token count of one request (input or output) accepted from any input.
constexpr std::uint32_t kMaxTokensPerRequest = 1u << 20;

/**
 * \ingroup llm-edge
 * \brief One LLM request: when it arrives and how many tokens it reads and writes.
 */
struct LlmRequestSpec
{
    double arrivalS{0};            ///< arrival time, s since the start
    std::uint32_t inputTokens{1};  ///< prompt tokens (>= 1)
    std::uint32_t outputTokens{1}; ///< tokens to generate (>= 1)
};

/**
 * \ingroup llm-edge
 * \brief A request trace read from CSV.
 *
 * Columns (case-insensitive, any order, extra columns ignored):
 * `arrival_s,input_tokens,output_tokens`. Arrivals are finite, in
 * [0, kMaxTimeS] and not decreasing (equal arrivals are allowed: a burst);
 * token counts are whole numbers in [1, kMaxTokensPerRequest]. A trace
 * without data rows is an error. Every error is a ConfigError naming file,
 * line and column and the value.
 */
class RequestWorkload
{
  public:
    /**
     * \brief Parse a trace.
     * \param in the stream
     * \param sourceName file name for messages
     * \return the requests in arrival order
     */
    static std::vector<LlmRequestSpec> Parse(std::istream& in, const std::string& sourceName);

    /**
     * \brief Load a trace file.
     * \param path the file
     * \return the requests in arrival order
     */
    static std::vector<LlmRequestSpec> LoadCsv(const std::string& path);
};

/**
 * \ingroup llm-edge
 * \brief A distribution of token counts, sampled by inversion: the ns-3
 * layer draws u from a UniformRandomVariable and calls Quantile(u).
 *
 * - Fixed: always round(a).
 * - Uniform: whole numbers a..b, each with probability 1 / (b - a + 1).
 * - LogNormal: round(exp(a + b z)), z standard normal (a = mu and b = sigma
 *   of the log of the count; the median is exp(a)).
 * The result is clamped to [minTokens, maxTokens].
 */
struct TokenCountDistribution
{
    /// The family.
    enum class Kind
    {
        Fixed,     ///< a constant
        Uniform,   ///< discrete uniform on a..b
        LogNormal, ///< rounded log-normal
    };

    Kind kind{Kind::Fixed};     ///< the family
    double a{128};              ///< Fixed: value; Uniform: low; LogNormal: mu
    double b{0};                ///< Uniform: high; LogNormal: sigma (> 0); Fixed: unused
    std::uint32_t minTokens{1}; ///< clamp low (>= 1)
    std::uint32_t maxTokens{kMaxTokensPerRequest}; ///< clamp high (>= minTokens)

    /**
     * \param n the count \return a Fixed distribution
     */
    static TokenCountDistribution Fixed(std::uint32_t n);

    /**
     * \param low smallest count \param high largest count
     * \return a Uniform distribution
     */
    static TokenCountDistribution Uniform(std::uint32_t low, std::uint32_t high);

    /**
     * \param mu mean of the log of the count
     * \param sigma standard deviation of the log of the count (> 0)
     * \param minTokens clamp low
     * \param maxTokens clamp high
     * \return a LogNormal distribution
     */
    static TokenCountDistribution LogNormal(double mu,
                                            double sigma,
                                            std::uint32_t minTokens,
                                            std::uint32_t maxTokens);

    /**
     * \brief Check the parameters; throws ConfigError naming \p what.
     * \param what the parameter's name for messages (e.g. "InputTokens")
     */
    void Validate(const std::string& what) const;

    /**
     * \brief The token count at a probability (inverse CDF).
     * \param u probability in (0, 1)
     * \return the count, in [minTokens, maxTokens]
     */
    std::uint32_t Quantile(double u) const;
};

/**
 * \ingroup llm-edge
 * \brief A random workload: Poisson arrivals and independent input and
 * output token counts.
 */
struct RequestWorkloadModel
{
    double arrivalRatePerS{1.0};   ///< Poisson rate, requests/s (> 0)
    TokenCountDistribution input;  ///< prompt tokens
    TokenCountDistribution output; ///< generated tokens

    /// \brief Check every parameter; throws ConfigError.
    void Validate() const;
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_REQUEST_WORKLOAD_H */
