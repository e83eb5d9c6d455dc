/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_TEST_READERS_H
#define LLM_EDGE_TEST_READERS_H

#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/// \return the names of the module's file readers (csv-table, power-modes,
/// power-trace, harvest-pmf, job-trace, carbon-trace, carbon-yearly,
/// device-profile, request-workload, config-surface)
std::vector<std::string> ReaderNames();

/**
 * \brief Read \p data with one of the module's file readers, as its
 * LoadCsv would read a file with this content. Bad input throws ConfigError.
 * \param reader one of ReaderNames()
 * \param data the file content
 * \param sourceName the file name used in messages
 * \return a one-line summary of what was read
 */
std::string ReadWith(const std::string& reader,
                     const std::string& data,
                     const std::string& sourceName);

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_TEST_READERS_H */
