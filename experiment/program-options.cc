/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "program-options.h"

#include "mpi-work-pool.h"

#include "ns3/llm-edge-version.h"

#include "ns3/config-error.h"
#include "ns3/global-value.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>
#include <sys/stat.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LlmEdgeProgramOptions");

namespace llmedge
{

namespace
{

std::string
Quote(const std::string& s)
{
    return "'" + s + "'";
}

std::string
JoinChoices(const std::vector<std::string>& choices)
{
    std::string out;
    for (std::size_t i = 0; i < choices.size(); ++i)
    {
        out += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
    }
    return out;
}

std::vector<std::string>
SplitList(const std::string& s)
{
    std::vector<std::string> out;
    std::string item;
    std::stringstream ss(s);
    while (std::getline(ss, item, ','))
    {
        out.push_back(item);
    }
    if (!s.empty() && s.back() == ',')
    {
        out.emplace_back();
    }
    return out;
}

/// ns-3's own command-line words (help and printing), besides GlobalValues.
bool
IsNs3Builtin(const std::string& name)
{
    static const std::vector<std::string> builtins = {"h",
                                                      "help",
                                                      "PrintHelp",
                                                      "PrintVersion",
                                                      "version",
                                                      "PrintGlobals",
                                                      "PrintGroups",
                                                      "PrintGroup",
                                                      "PrintTypeIds",
                                                      "PrintAttributes"};
    if (std::find(builtins.begin(), builtins.end(), name) != builtins.end())
    {
        return true;
    }
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        if ((*it)->GetName() == name)
        {
            return true;
        }
    }
    return false;
}

std::string
RangeText(double min, double max, bool minOpen, bool maxOpen)
{
    return std::string(minOpen ? "(" : "[") + FormatValue(min) + ", " + FormatValue(max) +
           (maxOpen ? ")" : "]");
}

} // namespace

int
RunProgram(const std::string& program, const std::function<int()>& body)
{
    try
    {
        return body();
    }
    catch (const ConfigError& e)
    {
        std::cout.flush();
        std::cerr << program << ": error: " << e.what() << std::endl;
        return kConfigErrorExitStatus;
    }
    catch (const std::exception& e)
    {
        std::cout.flush();
        std::cerr << program << ": internal error: " << e.what() << std::endl;
        return kInternalErrorExitStatus;
    }
}

uint64_t
ParseCountOption(const std::string& option, const std::string& text, uint64_t min, uint64_t max)
{
    auto fail = [&](const std::string& why) { ThrowConfigError("--" + option, Quote(text), why); };
    if (text.empty())
    {
        fail("needs a whole number in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    }
    if (text[0] == '-')
    {
        fail("must not be negative (a whole number in [" + std::to_string(min) + ", " +
             std::to_string(max) + "])");
    }
    if (text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
    {
        fail("hexadecimal numbers are not accepted; write it in decimal");
    }
    for (char c : text)
    {
        if (!std::isdigit(static_cast<unsigned char>(c)))
        {
            fail("is not a whole decimal number");
        }
    }
    errno = 0;
    unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
    if (errno == ERANGE || v < min || v > max)
    {
        fail("must lie in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    }
    return v;
}

double
ParseRealOption(const std::string& option,
                const std::string& text,
                double min,
                double max,
                bool minOpen,
                bool maxOpen)
{
    std::string range = RangeText(min, max, minOpen, maxOpen);
    auto fail = [&](const std::string& why) { ThrowConfigError("--" + option, Quote(text), why); };
    std::string lower;
    for (char c : text)
    {
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (text.empty())
    {
        fail("needs a number in " + range);
    }
    if (lower.find("0x") != std::string::npos)
    {
        fail("hexadecimal numbers are not accepted; write it in decimal");
    }
    if (lower.find("nan") != std::string::npos || lower.find("inf") != std::string::npos)
    {
        fail("must be a finite number in " + range);
    }
    if (std::isspace(static_cast<unsigned char>(text.front())) ||
        std::isspace(static_cast<unsigned char>(text.back())))
    {
        fail("has surrounding blanks");
    }
    errno = 0;
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size())
    {
        fail("is not a number");
    }
    if (errno == ERANGE || !std::isfinite(v))
    {
        fail("is out of the range of numbers; must lie in " + range);
    }
    if (v < min || v > max || (minOpen && v == min) || (maxOpen && v == max))
    {
        fail("must lie in " + range);
    }
    return v;
}

bool
CheckWritableFile(const std::string& option, const std::string& path)
{
    if (path.empty())
    {
        ThrowConfigError("--" + option, "''", "needs a file name (or none for no file)");
    }
    struct stat st;
    bool existed = ::stat(path.c_str(), &st) == 0;
    if (existed && S_ISDIR(st.st_mode))
    {
        ThrowConfigError("--" + option, Quote(path), "is a directory, not a file");
    }
    {
        std::ofstream probe(path, std::ios::app);
        if (!probe)
        {
            ThrowConfigError("--" + option,
                             Quote(path),
                             std::string("cannot be opened for writing (") + std::strerror(errno) +
                                 ")");
        }
    }
    if (!existed)
    {
        std::remove(path.c_str());
    }
    return existed;
}

ProgramOptions::ProgramOptions(std::string program, CommandLine& cmd)
    : m_program(std::move(program)),
      m_cmd(cmd)
{
    m_items.reserve(64); // CommandLine keeps pointers to the texts
}

void
ProgramOptions::AddCount(const std::string& name,
                         const std::string& help,
                         uint32_t& value,
                         uint32_t min,
                         uint32_t max)
{
    NS_ASSERT_MSG(m_items.size() < m_items.capacity(), "too many options");
    uint32_t* target = &value;
    m_items.push_back({name, std::to_string(value), [name, target, min, max](const std::string& t) {
                           *target = static_cast<uint32_t>(ParseCountOption(name, t, min, max));
                       }});
    m_cmd.AddValue(name,
                   help + " [" + std::to_string(min) + ".." + std::to_string(max) + "]",
                   m_items.back().text);
}

void
ProgramOptions::AddReal(const std::string& name,
                        const std::string& help,
                        double& value,
                        double min,
                        double max,
                        bool minOpen,
                        bool maxOpen)
{
    NS_ASSERT_MSG(m_items.size() < m_items.capacity(), "too many options");
    double* target = &value;
    std::ostringstream def;
    def.precision(12);
    def << value;
    m_items.push_back({name, def.str(), [=](const std::string& t) {
                           *target = ParseRealOption(name, t, min, max, minOpen, maxOpen);
                       }});
    m_cmd.AddValue(name, help + " " + RangeText(min, max, minOpen, maxOpen), m_items.back().text);
}

void
ProgramOptions::AddOptionalReal(const std::string& name,
                                const std::string& help,
                                double& value,
                                bool& given,
                                double min,
                                double max,
                                bool minOpen,
                                bool maxOpen)
{
    NS_ASSERT_MSG(m_items.size() < m_items.capacity(), "too many options");
    double* target = &value;
    bool* flag = &given;
    *flag = false;
    Item item{name, "", [=](const std::string& t) {
                  *target = ParseRealOption(name, t, min, max, minOpen, maxOpen);
                  *flag = true;
              }};
    item.optional = true;
    m_items.push_back(std::move(item));
    m_cmd.AddValue(name, help + " " + RangeText(min, max, minOpen, maxOpen), m_items.back().text);
}

void
ProgramOptions::AddString(const std::string& name,
                          const std::string& help,
                          std::string& value,
                          const std::vector<std::string>& choices)
{
    NS_ASSERT_MSG(m_items.size() < m_items.capacity(), "too many options");
    std::string* target = &value;
    m_items.push_back(
        {name, value, [=](const std::string& t) {
             if (!choices.empty() && std::find(choices.begin(), choices.end(), t) == choices.end())
             {
                 ThrowConfigError("--" + name, Quote(t), "expected " + JoinChoices(choices));
             }
             *target = t;
         }});
    m_cmd.AddValue(name, help, m_items.back().text);
}

void
ProgramOptions::AddList(const std::string& name,
                        const std::string& help,
                        std::string& value,
                        const std::vector<std::string>& choices)
{
    NS_ASSERT_MSG(m_items.size() < m_items.capacity(), "too many options");
    std::string* target = &value;
    m_items.push_back({name, value, [=](const std::string& t) {
                           std::vector<std::string> items = SplitList(t);
                           if (items.empty())
                           {
                               ThrowConfigError("--" + name,
                                                "''",
                                                "needs at least one of " + JoinChoices(choices));
                           }
                           for (const auto& i : items)
                           {
                               if (std::find(choices.begin(), choices.end(), i) == choices.end())
                               {
                                   ThrowConfigError("--" + name,
                                                    Quote(t) + " (item " + Quote(i) + ")",
                                                    "items must be among " + JoinChoices(choices));
                               }
                           }
                           *target = t;
                       }});
    m_cmd.AddValue(name, help, m_items.back().text);
}

void
ProgramOptions::AddOutputFile(const std::string& name, const std::string& help, std::string& value)
{
    AddString(name, help, value);
    m_outputs.push_back(name);
}

const std::vector<std::string>&
ProgramOptions::GetOutputFileOptions() const
{
    return m_outputs;
}

bool
ProgramOptions::WasGiven(const std::string& name) const
{
    return std::find(m_given.begin(), m_given.end(), name) != m_given.end();
}

void
ProgramOptions::CheckArgv(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
    {
        std::string arg = argv[i];
        if (arg.empty() || arg[0] != '-')
        {
            throw ConfigError("unexpected argument " + Quote(arg) +
                              ": options are written --name=value (see --help)");
        }
        std::size_t b = arg.find_first_not_of('-');
        std::size_t eq = arg.find('=');
        std::string name = arg.substr(b == std::string::npos ? arg.size() : b,
                                      eq == std::string::npos ? std::string::npos : eq - b);
        bool hasValue = eq != std::string::npos;
        std::string value = hasValue ? arg.substr(eq + 1) : "";
        if (name.find("::") != std::string::npos)
        {
            continue; // an attribute default, checked by ns-3 and the models
        }
        auto item = std::find_if(m_items.begin(), m_items.end(), [&name](const Item& it) {
            return it.name == name;
        });
        if (item != m_items.end())
        {
            if (!hasValue)
            {
                throw ConfigError("option --" + name + " needs a value (--" + name + "=...)");
            }
            if (value.empty())
            {
                ThrowConfigError("--" + name, "''", "needs a value");
            }
            m_given.push_back(name);
            continue;
        }
        if (name == "RngRun" || name == "RngSeed")
        {
            if (!hasValue)
            {
                throw ConfigError("option --" + name + " needs a value (--" + name + "=N)");
            }
            // ns-3 would abort on these; the sweeps need RngRun to fit 32 bits.
            uint64_t v = ParseCountOption(name,
                                          value,
                                          name == "RngSeed" ? 1 : 0,
                                          name == "RngSeed" ? std::numeric_limits<uint32_t>::max()
                                                            : std::numeric_limits<uint32_t>::max());
            if (name == "RngRun")
            {
                m_rngRun = v;
            }
            m_given.push_back(name);
            continue;
        }
        if (IsNs3Builtin(name))
        {
            continue;
        }
        throw ConfigError("unknown option " + Quote(arg.substr(0, eq)) + " (see --help)");
    }
}

void
ProgramOptions::Usage(const std::string& text)
{
    m_usage = text;
}

std::vector<std::pair<std::string, std::string>>
ProgramOptions::GetParameters() const
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& item : m_items)
    {
        out.emplace_back(item.name, item.text);
    }
    return out;
}

const std::vector<std::string>&
ProgramOptions::GetArguments() const
{
    return m_args;
}

const std::vector<std::pair<std::string, std::string>>&
ProgramOptions::GetGlobalValues() const
{
    return m_globals;
}

void
ProgramOptions::Parse(int argc, char* argv[])
{
    m_args.assign(argv + (argc > 0 ? 1 : 0), argv + (argc > 0 ? argc : 0));
    m_cmd.Usage((m_usage.empty() ? "" : m_usage + "\n\n") + GetVersionLine());
    CheckArgv(argc, argv);
    m_cmd.Parse(argc, argv);
    for (auto& item : m_items)
    {
        if (item.optional && item.text.empty() && !WasGiven(item.name))
        {
            continue;
        }
        item.convert(item.text);
    }
    for (const auto& name : m_outputs)
    {
        auto item = std::find_if(m_items.begin(), m_items.end(), [&name](const Item& it) {
            return it.name == name;
        });
        // A shard run writes its shard file, not the result files.
        if (item->text != "none" && CheckWritableFile(name, item->text) && !WasGiven("shard") &&
            MpiWorkPool::GetRank() == 0)
        {
            std::cerr << m_program << ": --" << name << "=" << item->text
                      << " exists and will be replaced" << std::endl;
        }
    }
    UintegerValue run;
    if (GlobalValue::GetValueByNameFailSafe("RngRun", run))
    {
        m_rngRun = run.Get();
    }
    m_globals.clear();
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        StringValue v;
        (*it)->GetValue(v);
        m_globals.emplace_back((*it)->GetName(), v.Get());
    }
    m_parsed = true;
    std::cout << "# " << GetVersionLine() << std::endl;
}

uint32_t
ProgramOptions::GetFirstRun(uint32_t replications) const
{
    NS_ASSERT_MSG(m_parsed, "GetFirstRun before Parse");
    uint64_t last = m_rngRun + (replications == 0 ? 0 : replications - 1);
    if (last > std::numeric_limits<uint32_t>::max())
    {
        ThrowConfigError("--RngRun",
                         FormatValue(m_rngRun),
                         "the replications would use runs up to " + std::to_string(last) +
                             ", above 4294967295");
    }
    return static_cast<uint32_t>(m_rngRun);
}

void
ProgramOptions::RefuseRng(const std::string& why) const
{
    for (const char* name : {"RngRun", "RngSeed"})
    {
        if (WasGiven(name))
        {
            throw ConfigError("option --" + std::string(name) + " is not used by " + m_program +
                              ": " + why);
        }
    }
}

} // namespace llmedge
} // namespace ns3
