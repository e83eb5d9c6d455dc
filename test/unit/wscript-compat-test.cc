/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The waf build for old ns-3 lists the same files as CMakeLists.txt.

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace
{

std::set<std::string>
Files(const std::string& path, const std::string& pattern)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::set<std::string> out;
    std::regex re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    {
        out.insert((*it)[1]);
    }
    return out;
}

} // namespace

TEST(WscriptCompat, ListsMatchCMake)
{
    std::string root = LLM_EDGE_SOURCE_DIR;
    auto cmake = Files(root + "/CMakeLists.txt", R"(\s((?:model|helper|test)/[\w./-]+\.(?:cc|h))(?=\s))");
    auto waf = Files(root + "/wscript-compat/wscript", R"('((?:model|helper|test)/[\w./-]+\.(?:cc|h))')");
    ASSERT_GT(cmake.size(), 10u);
    EXPECT_EQ(cmake, waf);
}
