/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "result-provenance.h"

#include "ns3/llm-edge-version.h"
#include "program-options.h"
#include "work-distributor.h"

#include "ns3/config-error.h"
#include "ns3/log.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LlmEdgeResultProvenance");

namespace llmedge
{

namespace
{

std::string
Escape(const std::string& s)
{
    std::string out = "\"";
    for (char c : s)
    {
        switch (c)
        {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
            {
                char buf[8];
                std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(c));
                out += buf;
            }
            else
            {
                out += c; // UTF-8 bytes pass through
            }
        }
    }
    return out + "\"";
}

std::string
ObjectOf(const ResultProvenance::Pairs& pairs, const std::string& indent)
{
    if (pairs.empty())
    {
        return "{}";
    }
    std::string out = "{\n";
    for (std::size_t i = 0; i < pairs.size(); ++i)
    {
        out += indent + "  " + Escape(pairs[i].first) + ": " + Escape(pairs[i].second) +
               (i + 1 < pairs.size() ? ",\n" : "\n");
    }
    return out + indent + "}";
}

/// A JSON value, enough for the sidecar (numbers kept as their text).
struct Json
{
    enum Kind
    {
        NUL,
        BOOL,
        NUMBER,
        STRING,
        ARRAY,
        OBJECT
    } kind{NUL};

    bool b{false};                                   ///< BOOL
    std::string text;                                ///< NUMBER (as written) or STRING
    std::vector<Json> items;                         ///< ARRAY
    std::vector<std::pair<std::string, Json>> pairs; ///< OBJECT, in order
};

/// Recursive-descent JSON parser (RFC 8259), errors as ConfigError.
class JsonParser
{
  public:
    JsonParser(const std::string& text, std::string what)
        : m_s(text),
          m_what(std::move(what))
    {
    }

    Json ParseDocument()
    {
        Json v = Value(0);
        Blank();
        if (m_i != m_s.size())
        {
            Fail("unexpected text after the JSON value");
        }
        return v;
    }

  private:
    [[noreturn]] void Fail(const std::string& why) const
    {
        throw ConfigError(m_what + ": offset " + std::to_string(m_i) + ": " + why);
    }

    void Blank()
    {
        while (m_i < m_s.size() &&
               (m_s[m_i] == ' ' || m_s[m_i] == '\n' || m_s[m_i] == '\r' || m_s[m_i] == '\t'))
        {
            ++m_i;
        }
    }

    void Expect(char c)
    {
        Blank();
        if (m_i >= m_s.size() || m_s[m_i] != c)
        {
            Fail(std::string("expected '") + c + "'");
        }
        ++m_i;
    }

    bool Literal(const char* word)
    {
        std::size_t n = std::strlen(word);
        if (m_s.compare(m_i, n, word) == 0)
        {
            m_i += n;
            return true;
        }
        return false;
    }

    static void AppendUtf8(std::string& out, uint32_t cp)
    {
        if (cp < 0x80)
        {
            out += static_cast<char>(cp);
        }
        else if (cp < 0x800)
        {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        else if (cp < 0x10000)
        {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        else
        {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    uint32_t Hex4()
    {
        if (m_i + 4 > m_s.size())
        {
            Fail("truncated \\u escape");
        }
        uint32_t v = 0;
        for (int k = 0; k < 4; ++k)
        {
            char c = m_s[m_i++];
            v <<= 4;
            if (c >= '0' && c <= '9')
            {
                v |= static_cast<uint32_t>(c - '0');
            }
            else if (c >= 'a' && c <= 'f')
            {
                v |= static_cast<uint32_t>(c - 'a' + 10);
            }
            else if (c >= 'A' && c <= 'F')
            {
                v |= static_cast<uint32_t>(c - 'A' + 10);
            }
            else
            {
                Fail("bad \\u escape");
            }
        }
        return v;
    }

    std::string String()
    {
        Expect('"');
        std::string out;
        while (true)
        {
            if (m_i >= m_s.size())
            {
                Fail("unterminated string");
            }
            char c = m_s[m_i++];
            if (c == '"')
            {
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20)
            {
                Fail("control character in a string");
            }
            if (c != '\\')
            {
                out += c;
                continue;
            }
            if (m_i >= m_s.size())
            {
                Fail("unterminated escape");
            }
            char e = m_s[m_i++];
            switch (e)
            {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                uint32_t cp = Hex4();
                if (cp >= 0xD800 && cp < 0xDC00 && m_s.compare(m_i, 2, "\\u") == 0)
                {
                    m_i += 2;
                    uint32_t lo = Hex4();
                    if (lo < 0xDC00 || lo >= 0xE000)
                    {
                        Fail("bad surrogate pair");
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                AppendUtf8(out, cp);
                break;
            }
            default:
                Fail(std::string("bad escape \\") + e);
            }
        }
    }

    Json Value(int depth)
    {
        if (depth > 32)
        {
            Fail("nested too deeply");
        }
        Blank();
        if (m_i >= m_s.size())
        {
            Fail("unexpected end");
        }
        char c = m_s[m_i];
        if (c == '{')
        {
            return Object(depth);
        }
        if (c == '[')
        {
            return Array(depth);
        }
        Json v;
        if (c == '"')
        {
            v.kind = Json::STRING;
            v.text = String();
            return v;
        }
        if (Literal("true"))
        {
            v.kind = Json::BOOL;
            v.b = true;
            return v;
        }
        if (Literal("false"))
        {
            v.kind = Json::BOOL;
            return v;
        }
        if (Literal("null"))
        {
            return v;
        }
        return Number();
    }

    /// An object, read from its '{'; member values are one level deeper.
    Json Object(int depth)
    {
        Json v;
        v.kind = Json::OBJECT;
        ++m_i;
        Blank();
        if (m_i < m_s.size() && m_s[m_i] == '}')
        {
            ++m_i;
            return v;
        }
        while (true)
        {
            std::string key = String();
            Expect(':');
            v.pairs.emplace_back(key, Value(depth + 1));
            Blank();
            if (m_i < m_s.size() && m_s[m_i] == ',')
            {
                ++m_i;
                continue;
            }
            Expect('}');
            return v;
        }
    }

    /// An array, read from its '['; items are one level deeper.
    Json Array(int depth)
    {
        Json v;
        v.kind = Json::ARRAY;
        ++m_i;
        Blank();
        if (m_i < m_s.size() && m_s[m_i] == ']')
        {
            ++m_i;
            return v;
        }
        while (true)
        {
            v.items.push_back(Value(depth + 1));
            Blank();
            if (m_i < m_s.size() && m_s[m_i] == ',')
            {
                ++m_i;
                continue;
            }
            Expect(']');
            return v;
        }
    }

    /// A number, kept as written (its reader converts and checks it).
    Json Number()
    {
        std::size_t start = m_i;
        while (m_i < m_s.size() && std::strchr("+-0123456789.eE", m_s[m_i]) != nullptr)
        {
            ++m_i;
        }
        if (start == m_i)
        {
            Fail("unexpected character");
        }
        Json v;
        v.kind = Json::NUMBER;
        v.text = m_s.substr(start, m_i - start);
        return v;
    }

    const std::string& m_s; ///< the text
    std::string m_what;     ///< source name for messages
    std::size_t m_i{0};     ///< read position
};

const Json*
Member(const Json& o, const std::string& key)
{
    for (const auto& p : o.pairs)
    {
        if (p.first == key)
        {
            return &p.second;
        }
    }
    return nullptr;
}

const Json&
Need(const Json& o, const std::string& key, Json::Kind kind, const std::string& what)
{
    const Json* v = Member(o, key);
    if (v == nullptr || v->kind != kind)
    {
        throw ConfigError(what + ": missing or mistyped key '" + key + "'");
    }
    return *v;
}

uint32_t
NeedCount(const Json& o, const std::string& key, const std::string& what)
{
    const Json& v = Need(o, key, Json::NUMBER, what);
    return static_cast<uint32_t>(
        ParseCountOption(key, v.text, 0, std::numeric_limits<uint32_t>::max()));
}

ResultProvenance::Pairs
PairsOf(const Json& o, const std::string& key, const std::string& what)
{
    ResultProvenance::Pairs out;
    for (const auto& p : Need(o, key, Json::OBJECT, what).pairs)
    {
        if (p.second.kind != Json::STRING)
        {
            throw ConfigError(what + ": value of '" + key + "." + p.first + "' is not a string");
        }
        out.emplace_back(p.first, p.second.text);
    }
    return out;
}

} // namespace

ResultProvenance::ResultProvenance()
    : m_version(llmedge::GetVersion()),
      m_gitRevision(llmedge::GetGitRevision()),
      m_ns3Version(llmedge::GetNs3Version()),
      m_buildSystem(llmedge::GetBuildSystem())
{
}

ResultProvenance
ResultProvenance::FromProgram(const std::string& program, const ProgramOptions& options)
{
    NS_LOG_FUNCTION(program);
    ResultProvenance p;
    p.m_program = program;
    // Where the work ran (--shard, --shardDir, --mergeShards) is not what
    // was computed: left out, so a merged result's sidecar is an unsharded run's.
    for (const auto& arg : options.GetArguments())
    {
        std::string name = arg.substr(0, arg.find('=')).erase(0, arg.find_first_not_of('-'));
        if (!WorkDistributor::IsScaleOutOption(name))
        {
            p.m_arguments.push_back(arg);
        }
    }
    for (const auto& param : options.GetParameters())
    {
        if (!WorkDistributor::IsScaleOutOption(param.first))
        {
            p.m_parameters.push_back(param);
        }
    }
    p.m_globals = options.GetGlobalValues();
    return p;
}

std::string
ResultProvenance::SidecarPath(const std::string& resultPath)
{
    return resultPath + ".meta.json";
}

void
ResultProvenance::SetRuns(uint32_t seed, uint32_t firstRun, uint32_t runsPerPoint)
{
    m_random = true;
    m_seed = seed;
    m_firstRun = firstRun;
    m_runsPerPoint = runsPerPoint;
}

void
ResultProvenance::SetNoRandomness()
{
    m_random = false;
    m_seed = m_firstRun = m_runsPerPoint = 0;
}

void
ResultProvenance::SetParameter(const std::string& name, const std::string& value)
{
    for (auto& p : m_parameters)
    {
        if (p.first == name)
        {
            p.second = value;
            return;
        }
    }
    m_parameters.emplace_back(name, value);
}

void
ResultProvenance::SetProgram(const std::string& program)
{
    m_program = program;
}

void
ResultProvenance::SetCommandLine(const std::vector<std::string>& args)
{
    m_arguments = args;
}

std::string
ResultProvenance::ToJson(const std::string& resultFile) const
{
    std::ostringstream o;
    o << "{\n";
    o << "  \"format\": " << Escape(kFormat) << ",\n";
    o << "  \"result_file\": " << Escape(resultFile) << ",\n";
    o << "  \"program\": " << Escape(m_program) << ",\n";
    o << "  \"llm_edge_version\": " << Escape(m_version) << ",\n";
    o << "  \"llm_edge_git_revision\": " << Escape(m_gitRevision) << ",\n";
    o << "  \"ns3_version\": " << Escape(m_ns3Version) << ",\n";
    o << "  \"build_system\": " << Escape(m_buildSystem) << ",\n";
    o << "  \"command_line\": [";
    for (std::size_t i = 0; i < m_arguments.size(); ++i)
    {
        o << (i ? ", " : "") << Escape(m_arguments[i]);
    }
    o << "],\n";
    o << "  \"parameters\": " << ObjectOf(m_parameters, "  ") << ",\n";
    o << "  \"ns3_globals\": " << ObjectOf(m_globals, "  ") << ",\n";
    o << "  \"rng\": {\"uses_random_numbers\": " << (m_random ? "true" : "false");
    if (m_random)
    {
        o << ", \"seed\": " << m_seed << ", \"first_run\": " << m_firstRun
          << ", \"runs_per_point\": " << m_runsPerPoint;
    }
    o << "}\n}\n";
    return o.str();
}

void
ResultProvenance::WriteSidecar(const std::string& resultPath) const
{
    NS_LOG_FUNCTION(this << resultPath);
    std::string path = SidecarPath(resultPath);
    std::size_t slash = resultPath.find_last_of('/');
    std::string base = slash == std::string::npos ? resultPath : resultPath.substr(slash + 1);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
    {
        throw ConfigError("cannot write the provenance file '" + path + "' (" +
                          std::strerror(errno) + ")");
    }
    out << ToJson(base);
    out.close();
    if (!out)
    {
        throw ConfigError("cannot write the provenance file '" + path + "'");
    }
}

ResultProvenance
ResultProvenance::ReadSidecar(const std::string& sidecarPath)
{
    std::ifstream in(sidecarPath, std::ios::binary);
    if (!in)
    {
        throw ConfigError("cannot read the provenance file '" + sidecarPath + "'");
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return FromJson(ss.str(), sidecarPath);
}

ResultProvenance
ResultProvenance::FromJson(const std::string& text, const std::string& what)
{
    Json doc = JsonParser(text, what).ParseDocument();
    if (doc.kind != Json::OBJECT)
    {
        throw ConfigError(what + ": not a JSON object");
    }
    if (Need(doc, "format", Json::STRING, what).text != kFormat)
    {
        throw ConfigError(what + ": format is not " + std::string(kFormat));
    }
    ResultProvenance p;
    p.m_resultFile = Need(doc, "result_file", Json::STRING, what).text;
    p.m_program = Need(doc, "program", Json::STRING, what).text;
    p.m_version = Need(doc, "llm_edge_version", Json::STRING, what).text;
    p.m_gitRevision = Need(doc, "llm_edge_git_revision", Json::STRING, what).text;
    p.m_ns3Version = Need(doc, "ns3_version", Json::STRING, what).text;
    p.m_buildSystem = Need(doc, "build_system", Json::STRING, what).text;
    p.m_arguments.clear();
    for (const auto& a : Need(doc, "command_line", Json::ARRAY, what).items)
    {
        if (a.kind != Json::STRING)
        {
            throw ConfigError(what + ": command_line holds a non-string");
        }
        p.m_arguments.push_back(a.text);
    }
    p.m_parameters = PairsOf(doc, "parameters", what);
    p.m_globals = PairsOf(doc, "ns3_globals", what);
    const Json& rng = Need(doc, "rng", Json::OBJECT, what);
    p.m_random = Need(rng, "uses_random_numbers", Json::BOOL, what).b;
    if (p.m_random)
    {
        p.m_seed = NeedCount(rng, "seed", what);
        p.m_firstRun = NeedCount(rng, "first_run", what);
        p.m_runsPerPoint = NeedCount(rng, "runs_per_point", what);
    }
    return p;
}

const std::string&
ResultProvenance::GetProgram() const
{
    return m_program;
}

const std::string&
ResultProvenance::GetVersion() const
{
    return m_version;
}

const std::string&
ResultProvenance::GetGitRevision() const
{
    return m_gitRevision;
}

const std::string&
ResultProvenance::GetNs3Version() const
{
    return m_ns3Version;
}

const std::string&
ResultProvenance::GetBuildSystem() const
{
    return m_buildSystem;
}

const std::string&
ResultProvenance::GetResultFile() const
{
    return m_resultFile;
}

const std::vector<std::string>&
ResultProvenance::GetCommandLine() const
{
    return m_arguments;
}

const ResultProvenance::Pairs&
ResultProvenance::GetParameters() const
{
    return m_parameters;
}

const ResultProvenance::Pairs&
ResultProvenance::GetNs3Globals() const
{
    return m_globals;
}

bool
ResultProvenance::UsesRandomNumbers() const
{
    return m_random;
}

uint32_t
ResultProvenance::GetSeed() const
{
    return m_seed;
}

uint32_t
ResultProvenance::GetFirstRun() const
{
    return m_firstRun;
}

uint32_t
ResultProvenance::GetRunsPerPoint() const
{
    return m_runsPerPoint;
}

} // namespace llmedge
} // namespace ns3
