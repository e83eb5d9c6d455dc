/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_CONFIG_ERROR_H
#define LLM_EDGE_CONFIG_ERROR_H

#include <sstream>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief A user configuration or input-file error.
 *
 * The pure C++ core reports bad input with this exception so that it can be
 * unit-tested; the ns-3 models turn it into NS_FATAL_ERROR with the same text.
 * Every message names the parameter, the offending value and, for files, the
 * file and line.
 */
class ConfigError : public std::invalid_argument
{
  public:
    /**
     * \param message the full, user-facing message
     */
    explicit ConfigError(const std::string& message)
        : std::invalid_argument(message)
    {
    }
};

/// \name Input limits (every input is checked against them before use)
/// \{
/// Largest time accepted from any input (trace times, job times, slot
/// lengths, horizons), s: about 31.7 years, well inside ns-3's Time range
/// (int64 nanoseconds, 9.2e9 s).
constexpr double kMaxTimeS = 1e9;
/// Largest energy accepted from any input (capacities, job energies, harvest), J.
constexpr double kMaxEnergyJ = 1e15;
/// Largest power accepted from any input (mode powers, trace powers), W.
constexpr double kMaxPowerW = 1e9;
/// Largest number of energy levels of the semi-Markov chain (capacity / unit
/// + 1); the chain has 4 states per level. 10^6 levels take about 1 GB in
/// the aggregation solver.
constexpr double kMaxChainLevels = 1e6;
/// Largest number of levels of a harvest pmf (largest harvest / unit + 1).
constexpr double kMaxPmfLevels = 1e6;
/// Largest number of slots one job may take (time per job / slot length).
constexpr double kMaxSlotsPerJob = 1e4;
/// Largest number of entries of the chain's convolved harvest kernels (one
/// kernel per job length k = 1..K, each of length k (pmf levels - 1) + 1).
constexpr double kMaxKernelEntries = 5e7;
/// \}

/**
 * \brief Build the standard "parameter = value: reason" message and throw.
 * \param parameter the attribute, option or column name
 * \param value the offending value, already formatted
 * \param reason what the value must satisfy
 */
[[noreturn]] inline void
ThrowConfigError(const std::string& parameter, const std::string& value, const std::string& reason)
{
    throw ConfigError("invalid " + parameter + " = " + value + ": " + reason);
}

/**
 * \ingroup llm-edge
 * \brief The chain cannot be summarized: reducible, absorbing, or with all
 * its mass in power saving. The message says which and why.
 */
class DegenerateChainError : public std::runtime_error
{
  public:
    /// \param message what is degenerate
    explicit DegenerateChainError(const std::string& message)
        : std::runtime_error(message)
    {
    }
};

/**
 * \brief Format any streamable value for an error message.
 * \param v the value
 * \return its text
 */
template <typename T>
std::string
FormatValue(const T& v)
{
    std::ostringstream os;
    os.precision(12);
    os << v;
    return os.str();
}

} // namespace llmedge
} // namespace ns3

/**
 * \ingroup llm-edge
 * \brief Throw a ConfigError whose message is built by streaming, as
 * NS_FATAL_ERROR does: models use it for user misconfiguration so that the
 * programs report it with exit status 2 instead of aborting.
 * \param msg the streamed message
 */
#define LLM_EDGE_CONFIG_ERROR(msg)                                                                 \
    do                                                                                             \
    {                                                                                              \
        std::ostringstream llmEdgeConfigErrorStream;                                               \
        llmEdgeConfigErrorStream << msg;                                                           \
        throw ::ns3::llmedge::ConfigError(llmEdgeConfigErrorStream.str());                         \
    } while (false)

#endif /* LLM_EDGE_CONFIG_ERROR_H */
