/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_JOB_TRACE_H
#define LLM_EDGE_JOB_TRACE_H

#include <istream>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Arrival times of requests read from a CSV file with a column
 * time_s (seconds, >= 0, not decreasing, at most kMaxTimeS), used by
 * LlmRequestSource with Arrivals = trace. A trace without data rows is an
 * error (it would silently generate no request).
 */
class JobTrace
{
  public:
    /**
     * \brief Parse a trace.
     * \param in the stream
     * \param sourceName the name used in messages
     * \return the arrival times, s
     */
    static std::vector<double> Parse(std::istream& in, const std::string& sourceName);

    /**
     * \brief Load a trace file.
     * \param path the file
     * \return the arrival times, s
     */
    static std::vector<double> LoadCsv(const std::string& path);
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_JOB_TRACE_H */
