/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_TEST_EXPECT_CONFIG_ERROR_H
#define LLM_EDGE_TEST_EXPECT_CONFIG_ERROR_H

// Helpers shared by the GoogleTest files of the pure core.

#include "ns3/config-error.h"

#include <gtest/gtest.h>
#include <initializer_list>
#include <string>

namespace ns3
{
namespace llmedge
{
namespace test
{

/// \param rel a path below data/ \return its absolute path
inline std::string
DataFile(const std::string& rel)
{
    return std::string(LLM_EDGE_DATA_DIR) + "/" + rel;
}

/// Run \p f, expect a ConfigError whose message contains every fragment.
template <typename F>
void
ExpectError(F f, std::initializer_list<std::string> fragments)
{
    try
    {
        f();
        FAIL() << "expected a ConfigError";
    }
    catch (const ConfigError& e)
    {
        std::string msg = e.what();
        for (const auto& frag : fragments)
        {
            EXPECT_NE(msg.find(frag), std::string::npos)
                << "message '" << msg << "' lacks '" << frag << "'";
        }
    }
}

} // namespace test
} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_TEST_EXPECT_CONFIG_ERROR_H */
