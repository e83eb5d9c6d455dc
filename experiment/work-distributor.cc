/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "work-distributor.h"

#include "ns3/invariant-check.h"
#include "ns3/llm-edge-version.h"
#include "mpi-work-pool.h"
#include "program-options.h"

#include "ns3/config-error.h"
#include "ns3/log.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <unistd.h>

namespace ns3
{
namespace llmedge
{

NS_LOG_COMPONENT_DEFINE("LlmEdgeWorkDistributor");

namespace
{

/// First line of every shard file.
constexpr const char* kShardFormat = "llm-edge-shard/1";
/// Line closing the header.
constexpr const char* kEndHeader = "end-header";

/// A shard number pair i/n, 1 <= i <= n.
struct ShardId
{
    uint32_t index{0}; ///< i (0: not sharded)
    uint32_t count{0}; ///< n
};

ShardId
ParseShard(const std::string& text)
{
    static const std::regex form("([0-9]{1,9})/([0-9]{1,9})");
    std::smatch m;
    const std::string why = "expected i/n, whole numbers with 1 <= i <= n (shard i of n)";
    if (!std::regex_match(text, m, form))
    {
        ThrowConfigError("--shard", "'" + text + "'", why);
    }
    ShardId s{static_cast<uint32_t>(std::stoul(m[1])), static_cast<uint32_t>(std::stoul(m[2]))};
    if (s.index < 1 || s.count < 1 || s.index > s.count)
    {
        ThrowConfigError("--shard", "'" + text + "'", why);
    }
    return s;
}

/// The units of shard s among units 0 .. units - 1 (round robin: balanced).
std::vector<uint32_t>
ShardUnits(uint32_t units, ShardId s)
{
    std::vector<uint32_t> out;
    for (uint32_t u = s.index - 1; u < units; u += s.count)
    {
        out.push_back(u);
    }
    return out;
}

/// One unit's line: "unit <u> <hex float>..." (exact round trip).
std::string
UnitLine(uint32_t unit, const std::vector<double>& r)
{
    std::string line = "unit " + std::to_string(unit);
    char buf[64];
    for (double v : r)
    {
        std::snprintf(buf, sizeof(buf), " %a", v);
        line += buf;
    }
    return line + "\n";
}

/// Parse a unit line; false when malformed (a line cut by a kill).
bool
ParseUnitLine(const std::string& line, uint32_t& unit, std::vector<double>& r)
{
    if (line.compare(0, 5, "unit ") != 0)
    {
        return false;
    }
    const char* p = line.c_str() + 5;
    char* end = nullptr;
    errno = 0;
    unsigned long u = std::strtoul(p, &end, 10);
    if (end == p || errno != 0 || u > 0xFFFFFFFFul)
    {
        return false;
    }
    unit = static_cast<uint32_t>(u);
    r.clear();
    for (p = end; *p == ' '; p = end)
    {
        double v = std::strtod(p + 1, &end);
        if (end == p + 1)
        {
            return false;
        }
        r.push_back(v);
    }
    return *p == '\0';
}

/// A shard file read back: its header lines, units, and trailer.
struct ShardFile
{
    std::vector<std::string> header;               ///< lines up to end-header
    std::map<uint32_t, std::vector<double>> units; ///< unit results
    uint64_t checked{0};                           ///< runs whose invariants were checked
    bool complete{false};                          ///< trailer present and consistent
};

/// Read a shard file (or a .partial one); a last line without newline is dropped.
ShardFile
ReadShardFile(const std::string& path)
{
    ShardFile f;
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::size_t pos = 0;
    bool inHeader = true;
    while (pos < text.size())
    {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
        {
            break; // cut by a kill: not written
        }
        std::string line = text.substr(pos, nl - pos);
        pos = nl + 1;
        uint32_t unit = 0;
        std::vector<double> r;
        if (inHeader)
        {
            inHeader = line != kEndHeader;
            if (inHeader)
            {
                f.header.push_back(line);
            }
        }
        else if (ParseUnitLine(line, unit, r))
        {
            f.units[unit] = std::move(r);
        }
        else if (line.compare(0, 8, "checked ") == 0)
        {
            f.checked = std::strtoull(line.c_str() + 8, nullptr, 10);
        }
        else if (line.compare(0, 9, "complete ") == 0)
        {
            f.complete = std::strtoul(line.c_str() + 9, nullptr, 10) == f.units.size();
        }
    }
    return f;
}

/// Write text to path atomically: a temporary file beside it, then rename.
void
WriteAtomically(const std::string& path, const std::string& text)
{
    std::string tmp = path + ".tmp." + std::to_string(getpid());
    FILE* f = std::fopen(tmp.c_str(), "wb");
    bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = f && std::fflush(f) == 0 && fsync(fileno(f)) == 0 && ok;
    ok = f && std::fclose(f) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0)
    {
        std::remove(tmp.c_str());
        ThrowConfigError("--shardDir", "'" + path + "'",
                         std::string("cannot be written: ") + std::strerror(errno));
    }
}

/// "key=value" of a header line "param key=value" (the line itself otherwise).
std::string
Describe(const std::string& line)
{
    if (line.compare(0, 6, "param ") == 0)
    {
        return "--" + line.substr(6);
    }
    return "'" + line + "'";
}

/// Check a shard's header against this run's; a ConfigError names the difference.
void
CheckHeader(const std::vector<std::string>& mine,
            const std::vector<std::string>& theirs,
            const std::string& what)
{
    for (std::size_t i = 0; i < std::max(mine.size(), theirs.size()); ++i)
    {
        std::string a = i < mine.size() ? mine[i] : "(nothing)";
        std::string b = i < theirs.size() ? theirs[i] : "(nothing)";
        if (a != b)
        {
            throw ConfigError(what + " does not belong to this run (a mixed set): it has " +
                              Describe(b) + " where this run has " + Describe(a));
        }
    }
}

/**
 * Read what an earlier, killed run of this shard already wrote: its shard
 * file, else its .partial file; a ConfigError when its header differs.
 * \param done out: what was read (nothing when neither file exists)
 * \return whether the shard file is there and complete
 */
bool
ReadEarlierRun(const std::string& path,
               const std::string& partial,
               const std::vector<std::string>& header,
               const std::string& what,
               ShardFile& done)
{
    if (access(path.c_str(), F_OK) == 0)
    {
        done = ReadShardFile(path);
        CheckHeader(header, done.header, what);
        return done.complete;
    }
    if (access(partial.c_str(), F_OK) == 0)
    {
        done = ReadShardFile(partial);
        CheckHeader(header, done.header, what + ".partial");
    }
    return false;
}

/**
 * Shard s's units still to run; the lines of those done are appended to kept.
 */
std::vector<uint32_t>
MissingUnits(uint32_t units, ShardId s, const ShardFile& done, std::string& kept)
{
    std::vector<uint32_t> missing;
    for (uint32_t u : ShardUnits(units, s))
    {
        auto it = done.units.find(u);
        if (it == done.units.end())
        {
            missing.push_back(u);
        }
        else
        {
            kept += UnitLine(u, it->second);
        }
    }
    return missing;
}

/// The complete shard file: the kept text, the units just run, the trailer.
std::string
ShardText(const std::string& kept,
          const std::vector<uint32_t>& missing,
          const std::vector<std::vector<double>>& results,
          uint64_t checked,
          std::size_t shardUnits)
{
    std::string text = kept;
    for (uint32_t u : missing)
    {
        text += UnitLine(u, results[u]);
    }
    text += "checked " + std::to_string(checked) + "\n";
    text += "complete " + std::to_string(shardUnits) + "\n";
    return text;
}

} // namespace

WorkDistributor::WorkDistributor(std::string program, ProgramOptions& options)
    : m_program(std::move(program)),
      m_options(options),
      m_shardDir("llm-edge-shards")
{
    NS_LOG_FUNCTION(m_program);
    options.AddString("shard",
                      "Run only shard i of n (i/n) of the work units, into --shardDir "
                      "(SLURM job arrays; merge with --mergeShards=n)",
                      m_shard);
    options.AddString("shardDir", "Folder of the shard files (--shard, --mergeShards)",
                      m_shardDir);
    options.AddCount("mergeShards",
                     "Write the results from shards 1..n in --shardDir, run with the same "
                     "options (0: run the units here)",
                     m_mergeShards, 0, 100000);
    options.AddCount("unitReplications",
                     "Replications per work unit (each unit runs in its own process and "
                     "solves its point's q_lim chains again; smaller units balance MPI ranks "
                     "and shards better)",
                     m_unitReplications, 1, 1000000);
    MpiWorkPool::InitIfLaunched();
}

uint32_t
WorkDistributor::GetUnitReplications() const
{
    return m_unitReplications;
}

void
WorkDistributor::SetIsolation(bool isolate)
{
    m_isolate = isolate;
}

bool
WorkDistributor::IsScaleOutOption(const std::string& name)
{
    return name == "shard" || name == "shardDir" || name == "mergeShards";
}

uint32_t
WorkDistributor::GetRank()
{
    return MpiWorkPool::GetRank();
}

bool
WorkDistributor::HaveMpi()
{
    return MpiWorkPool::Built();
}

std::string
WorkDistributor::ShardPath(const std::string& dir,
                           const std::string& program,
                           uint32_t index,
                           uint32_t count)
{
    return dir + "/" + program + "-shard-" + std::to_string(index) + "-of-" +
           std::to_string(count) + ".txt";
}

std::vector<std::string>
WorkDistributor::Header(uint32_t units) const
{
    std::vector<std::string> h = {kShardFormat,
                                  "program " + m_program,
                                  "build " + GetVersionLine(),
                                  "units " + std::to_string(units)};
    const auto& outputs = m_options.GetOutputFileOptions();
    for (const auto& [name, value] : m_options.GetParameters())
    {
        // Where the work runs and where the results go change no number.
        if (!IsScaleOutOption(name) && name != "workers" &&
            std::find(outputs.begin(), outputs.end(), name) == outputs.end())
        {
            h.push_back("param " + name + "=" + value);
        }
    }
    for (const auto& [name, value] : m_options.GetGlobalValues())
    {
        h.push_back("param " + name + "=" + value);
    }
    return h;
}

bool
WorkDistributor::Execute(const std::vector<uint32_t>& units,
                         uint32_t workers,
                         const ReplicationRunner::Task& task,
                         const std::string& label,
                         const ReplicationRunner::ResultCallback& onResult,
                         Results& results) const
{
    if (MpiWorkPool::Active())
    {
        return MpiWorkPool::Run(units, task, m_isolate, label, onResult, results);
    }
    ReplicationRunner::Task run = task;
    if (m_isolate)
    {
        run = [&task](uint32_t u) { return ReplicationRunner::RunInChild(task, u); };
    }
    auto local = ReplicationRunner::Run(
        static_cast<uint32_t>(units.size()),
        workers,
        [&](uint32_t k) { return run(units[k]); },
        label,
        [&](uint32_t k, const std::vector<double>& r) {
            if (onResult)
            {
                onResult(units[k], r);
            }
        });
    for (std::size_t k = 0; k < units.size(); ++k)
    {
        results[units[k]] = std::move(local[k]);
    }
    return true;
}

bool
WorkDistributor::Run(uint32_t units,
                     uint32_t workers,
                     const ReplicationRunner::Task& task,
                     const std::string& label,
                     Results& results)
{
    NS_LOG_FUNCTION(units << workers << label);
    results.assign(units, {});
    if (!m_shard.empty() && m_mergeShards > 0)
    {
        ThrowConfigError("--mergeShards", std::to_string(m_mergeShards),
                         "a merge runs no shard: drop --shard=" + m_shard);
    }
    if (m_mergeShards > 0)
    {
        if (MpiWorkPool::GetRank() != 0)
        {
            return false;
        }
        Merge(units, results);
        return true;
    }
    if (!m_shard.empty())
    {
        RunShard(units, workers, task, label);
        return false;
    }
    std::vector<uint32_t> all(units);
    for (uint32_t u = 0; u < units; ++u)
    {
        all[u] = u;
    }
    return Execute(all, workers, task, label, nullptr, results);
}

void
WorkDistributor::RunShard(uint32_t units,
                          uint32_t workers,
                          const ReplicationRunner::Task& task,
                          const std::string& label)
{
    ShardId s = ParseShard(m_shard);
    const bool root = MpiWorkPool::GetRank() == 0;
    const std::string path = ShardPath(m_shardDir, m_program, s.index, s.count);
    const std::string partial = path + ".partial";
    const std::string what = "shard " + m_shard + " (" + path + ")";
    std::vector<std::string> header = Header(units);
    std::string head;
    for (const auto& line : header)
    {
        head += line + "\n";
    }
    head += std::string(kEndHeader) + "\n";

    if (!root)
    {
        Results none;
        Execute({}, workers, task, label, nullptr, none); // rank 0 hands out the units
        return;
    }
    std::error_code ec;
    std::filesystem::create_directories(m_shardDir, ec);
    if (ec)
    {
        ThrowConfigError("--shardDir", "'" + m_shardDir + "'", "cannot be created: " + ec.message());
    }
    ShardFile done;
    if (ReadEarlierRun(path, partial, header, what, done))
    {
        std::cout << what << " is complete already: nothing to run\n";
        return;
    }
    std::string kept = head;
    std::vector<uint32_t> missing = MissingUnits(units, s, done, kept);
    // Every result is appended to the .partial file (restarted clean, from
    // what was read) as it arrives: a kill loses only the units running then.
    WriteAtomically(partial, kept);
    FILE* log = std::fopen(partial.c_str(), "ab");
    if (!log)
    {
        ThrowConfigError("--shardDir", "'" + partial + "'", std::strerror(errno));
    }
    std::cout << what << ": " << missing.size() << " of " << ShardUnits(units, s).size()
              << " units to run (" << units << " in the sweep)\n";
    Results results(units);
    uint64_t checkedBefore = InvariantCheck::GetRunsChecked();
    Execute(missing, workers, task, label,
            [&](uint32_t u, const std::vector<double>& r) {
                std::string line = UnitLine(u, r);
                std::fwrite(line.data(), 1, line.size(), log);
                std::fflush(log);
            },
            results);
    std::fclose(log);
    uint64_t checked = done.checked + InvariantCheck::GetRunsChecked() - checkedBefore;
    WriteAtomically(path, ShardText(kept, missing, results, checked, ShardUnits(units, s).size()));
    std::remove(partial.c_str());
    std::cout << what << " written\n";
}

void
WorkDistributor::Merge(uint32_t units, Results& results) const
{
    std::vector<std::string> header = Header(units);
    const std::string n = std::to_string(m_mergeShards);
    uint64_t checked = 0;
    std::vector<bool> have(units, false);
    for (uint32_t i = 1; i <= m_mergeShards; ++i)
    {
        const std::string path = ShardPath(m_shardDir, m_program, i, m_mergeShards);
        const std::string id = "shard " + std::to_string(i) + "/" + n;
        if (access(path.c_str(), R_OK) != 0)
        {
            std::string partial = access((path + ".partial").c_str(), F_OK) == 0
                                      ? " (only its .partial file: it was stopped)"
                                      : "";
            ThrowConfigError("--mergeShards", n,
                             id + " is missing: " + path + partial + "; run it with --shard=" +
                                 std::to_string(i) + "/" + n +
                                 " (scripts/llm-edge-shards.sh --resume runs the missing ones)");
        }
        ShardFile f = ReadShardFile(path);
        CheckHeader(header, f.header, id + " (" + path + ")");
        std::vector<uint32_t> expect = ShardUnits(units, ShardId{i, m_mergeShards});
        bool exact = f.complete && f.units.size() == expect.size();
        for (uint32_t u : expect)
        {
            auto it = f.units.find(u);
            exact = exact && it != f.units.end();
            if (exact)
            {
                results[u] = it->second;
                have[u] = true;
            }
        }
        if (!exact)
        {
            ThrowConfigError("--mergeShards", n,
                             id + " (" + path + ") is incomplete or damaged: run it again with --shard=" +
                                 std::to_string(i) + "/" + n);
        }
        checked += f.checked;
    }
    InvariantCheck::AddRunsChecked(checked);
    std::cout << "merged " << n << " shards from " << m_shardDir << " (" << units << " units)\n";
}

ReplicationBlocks::ReplicationBlocks(uint32_t points, uint32_t replications, uint32_t block)
    : m_points(points),
      m_replications(replications),
      m_blocks((replications + block - 1) / block),
      m_block(block)
{
    NS_ASSERT_MSG(block > 0 && replications > 0, "ReplicationBlocks: empty block");
}

uint32_t
ReplicationBlocks::GetUnits() const
{
    return m_points * m_blocks;
}

uint32_t
ReplicationBlocks::Point(uint32_t unit) const
{
    return unit / m_blocks;
}

uint32_t
ReplicationBlocks::First(uint32_t unit) const
{
    return (unit % m_blocks) * m_block;
}

uint32_t
ReplicationBlocks::Count(uint32_t unit) const
{
    return std::min(m_block, m_replications - First(unit));
}

void
ReplicationBlocks::ForEach(const WorkDistributor::Results& results,
                           uint32_t point,
                           std::size_t width,
                           const std::function<void(const double*)>& visit) const
{
    for (uint32_t u = point * m_blocks; u < (point + 1) * m_blocks; ++u)
    {
        NS_ASSERT_MSG(results[u].size() == Count(u) * width,
                      "ReplicationBlocks: unit " << u << " has " << results[u].size()
                                                 << " numbers, expected " << Count(u) * width);
        for (uint32_t r = 0; r < Count(u); ++r)
        {
            visit(results[u].data() + r * width);
        }
    }
}

} // namespace llmedge
} // namespace ns3
