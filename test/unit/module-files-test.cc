/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// module-files.txt is the one list of the module's files (CMake and waf read
// it): every source on disk is in it, every entry exists, and model/core/
// stays the pure C++ core (no ns-3 include).

#include <gtest/gtest.h>

#include <dirent.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace
{

const std::string kRoot = LLM_EDGE_SOURCE_DIR;

struct ModuleFiles
{
    std::set<std::string> listed; ///< every file path the list names
    std::set<std::string> examples;
};

ModuleFiles
ReadList()
{
    std::ifstream in(kRoot + "/module-files.txt");
    ModuleFiles out;
    std::string line;
    std::string section;
    while (std::getline(in, line))
    {
        if (line.empty() || line[0] == '#')
        {
            continue;
        }
        if (line[0] == '[')
        {
            section = line;
            continue;
        }
        std::istringstream fields(line);
        std::string first;
        fields >> first;
        if (section == "[examples]")
        {
            out.examples.insert(first);
            out.listed.insert("examples/" + first + ".cc");
        }
        else if (section == "[headers]" || section == "[tests]" || section == "[wifi-tests]" ||
                 section == "[unit-suite]")
        {
            out.listed.insert(first);
        }
        else
        {
            out.listed.insert(first + ".cc");
            out.listed.insert(first + ".h");
        }
    }
    return out;
}

std::set<std::string>
FilesIn(const std::string& dir, const std::regex& name)
{
    std::set<std::string> out;
    if (DIR* d = opendir((kRoot + "/" + dir).c_str()))
    {
        while (dirent* e = readdir(d))
        {
            if (std::regex_match(e->d_name, name))
            {
                out.insert(dir + "/" + e->d_name);
            }
        }
        closedir(d);
    }
    return out;
}

std::string
Read(const std::string& path)
{
    std::ifstream in(kRoot + "/" + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST(ModuleFiles, EverySourceListedAndEveryEntryPresent)
{
    ModuleFiles list = ReadList();
    ASSERT_GT(list.listed.size(), 50u);
    std::set<std::string> onDisk;
    const std::regex source(R"(.*\.(cc|h))");
    for (const char* dir : {"model", "model/core", "helper", "experiment"})
    {
        auto files = FilesIn(dir, source);
        onDisk.insert(files.begin(), files.end());
    }
    auto suites = FilesIn("test", std::regex(R"(.*-test-suite\.cc)"));
    onDisk.insert(suites.begin(), suites.end());
    auto examples = FilesIn("examples", std::regex(R"(.*\.cc)"));
    onDisk.insert(examples.begin(), examples.end());
    for (const auto& f : onDisk)
    {
        EXPECT_EQ(list.listed.count(f), 1u) << f << " is not in module-files.txt";
    }
    for (const auto& f : list.listed)
    {
        EXPECT_EQ(onDisk.count(f), 1u) << "module-files.txt names " << f << ", which is not there";
    }
}

TEST(ModuleFiles, BothBuildSystemsReadTheList)
{
    EXPECT_NE(Read("cmake/llm-edge-files.cmake").find("module-files.txt"), std::string::npos);
    EXPECT_NE(Read("CMakeLists.txt").find("llm_edge_read_files("), std::string::npos);
    std::string waf = Read("wscript-compat/wscript");
    EXPECT_NE(waf.find("_read_module_files(bld.path.abspath())"), std::string::npos);
    // No file list of its own left in the waf scripts.
    std::regex path(R"('(model|helper|experiment|test)/[\w./-]+\.(cc|h)')");
    EXPECT_FALSE(std::regex_search(waf, path));
    EXPECT_FALSE(std::regex_search(Read("wscript-compat/examples-wscript"), path));
}

TEST(ModuleFiles, CoreIncludesNoNs3)
{
    auto files = FilesIn("model/core", std::regex(R"(.*\.(cc|h))"));
    ASSERT_GT(files.size(), 20u);
    const std::regex include(R"(#\s*include\s*([<"])([^>"]+)[>"])");
    for (const auto& f : files)
    {
        std::string text = Read(f);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), include);
             it != std::sregex_iterator();
             ++it)
        {
            std::string name = (*it)[2];
            EXPECT_NE(name.rfind("ns3/", 0), 0u) << f << " includes " << name;
            if ((*it)[1] == "\"")
            {
                // Quoted: a sibling in the core, nothing from model/ above it.
                EXPECT_EQ(files.count("model/core/" + name), 1u) << f << " includes " << name;
            }
        }
    }
}
