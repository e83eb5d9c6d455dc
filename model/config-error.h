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

#endif /* LLM_EDGE_CONFIG_ERROR_H */
