/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_WORK_DISTRIBUTOR_H
#define LLM_EDGE_WORK_DISTRIBUTOR_H

#include "replication-runner.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

class ProgramOptions;

/**
 * \ingroup llm-edge
 * \brief Where a sweep's work units run: this machine's cores, MPI ranks, or
 * SLURM array shards; the one seam every sweep program goes through.
 *
 * A sweep is a list of independent work units (points x blocks of
 * replications); each unit sets its own RngRun, so its numbers do not depend
 * on which process ran it. Run() executes the units and hands every result,
 * in unit order, to the one process that writes the result files:
 *
 * - **one machine** (default): ReplicationRunner's fork pool (`--workers`);
 * - **MPI** (the module built with Open MPI and the program started by
 *   `mpirun -np N`): rank 0 hands out units one at a time on request (a
 *   dispatcher thread, so rank 0 computes too) and alone writes files and
 *   shows progress; the other ranks return false from Run and print nothing
 *   on standard output;
 * - **a shard** (`--shard=i/n`): only units u with u mod n == i - 1 run
 *   (on the cores or ranks above); each result is appended to
 *   `<shardDir>/<program>-shard-<i>-of-<n>.partial` as it arrives (a killed
 *   shard restarted with the same options redoes only what is missing) and
 *   the complete shard is renamed, atomically, to
 *   `<program>-shard-<i>-of-<n>.txt`; Run returns false;
 * - **a merge** (`--mergeShards=n`): the units are read back from the n
 *   shard files instead of being run, after checking that every shard is
 *   there, complete, and made by the same program, build and parameters (a
 *   ConfigError names the missing shard or the mismatching parameter). The
 *   program then writes the same CSV bytes as an unsharded run.
 *
 * Each unit runs in a child process forked for it (SetIsolation), so that
 * ns-3's process-wide counters (automatic random-stream numbers, addresses)
 * start from the same state for every unit, wherever it runs.
 *
 * The options `--shard`, `--shardDir` and `--mergeShards` choose where the
 * work runs, not what it computes: ResultProvenance leaves them out, so a
 * merged result's sidecar equals an unsharded run's.
 */
class WorkDistributor
{
  public:
    /// Results by unit.
    using Results = std::vector<std::vector<double>>;

    /**
     * \brief Register the scale-out options with the program's options
     * (before ProgramOptions::Parse) and join MPI when started by mpirun.
     * \param program the program name (names the shard files)
     * \param options the program's options; must outlive this object
     */
    WorkDistributor(std::string program, ProgramOptions& options);

    /**
     * \brief Run (or read back) units 0 .. units - 1.
     * \param units number of work units
     * \param workers worker processes on one machine (0: one per core; 1:
     *        in this process); ignored under MPI (one process per rank)
     * \param task the unit's work: its index in, its numbers out
     * \param label progress label ("" for none), shown by one process only
     * \param results every unit's numbers, by unit (only when true is returned)
     * \return whether this process holds every result and writes the
     *         result files (false: an MPI rank other than 0, or a shard)
     */
    bool Run(uint32_t units,
             uint32_t workers,
             const ReplicationRunner::Task& task,
             const std::string& label,
             Results& results);

    /**
     * \brief Whether each unit runs in a fresh child process
     * (ReplicationRunner::RunInChild; default true), so that its numbers do
     * not depend on what ran before it in the same process. A program that
     * simulates nothing (a model solve) may turn it off.
     * \param isolate whether to fork per unit
     */
    /// \return replications per work unit (--unitReplications; a unit's
    /// fresh process solves its point's chains again, so larger is cheaper,
    /// smaller balances MPI ranks and shards better)
    uint32_t GetUnitReplications() const;

    /**
     * \param isolate run each unit in a child process (default true; false
     *        only for tasks that leave no simulator state behind)
     */
    void SetIsolation(bool isolate);

    /**
     * \param name an option name (without dashes)
     * \return whether it is one of the scale-out options registered here
     */
    static bool IsScaleOutOption(const std::string& name);

    /// \return this process's MPI rank (0 without MPI)
    static uint32_t GetRank();
    /// \return whether the module was built with MPI
    static bool HaveMpi();

    /**
     * \brief The shard file of shard i of n.
     * \param dir the shard directory
     * \param program the program name
     * \param index shard number, 1-based
     * \param count number of shards
     * \return `<dir>/<program>-shard-<index>-of-<count>.txt`
     */
    static std::string ShardPath(const std::string& dir,
                                 const std::string& program,
                                 uint32_t index,
                                 uint32_t count);

  private:
    /// \return the header lines identifying the sweep (program, build, parameters)
    std::vector<std::string> Header(uint32_t units) const;
    /// Run this shard's units and write the shard file.
    void RunShard(uint32_t units,
                  uint32_t workers,
                  const ReplicationRunner::Task& task,
                  const std::string& label);
    /// Read every shard file back into results.
    void Merge(uint32_t units, Results& results) const;
    /// Run the given units on the cores or the MPI ranks.
    bool Execute(const std::vector<uint32_t>& units,
                 uint32_t workers,
                 const ReplicationRunner::Task& task,
                 const std::string& label,
                 const ReplicationRunner::ResultCallback& onResult,
                 Results& results) const;

    std::string m_program;      ///< program name
    ProgramOptions& m_options;  ///< the program's options
    std::string m_shard;        ///< --shard as given ("" for none)
    std::string m_shardDir;     ///< --shardDir
    uint32_t m_mergeShards{0};  ///< --mergeShards (0: no merge)
    uint32_t m_unitReplications{1000}; ///< --unitReplications
    bool m_isolate{true};       ///< one child process per unit
};

/**
 * \ingroup llm-edge
 * \brief Work units of a sweep: each point's replications cut into blocks.
 *
 * Unit u covers replications First(u) .. First(u) + Count(u) - 1 (0-based)
 * of point Point(u); a unit's task returns `width` numbers per replication,
 * replication after replication. The cut changes no result: ForEach hands
 * a point's rows back in replication order, whatever ran them.
 */
class ReplicationBlocks
{
  public:
    /// Default replications per unit (WorkDistributor::GetUnitReplications):
    /// each unit runs in a fresh process, so it solves its point's battery
    /// chains (q_lim) again; 1000 keeps the paper's default (1000
    /// replications) at one solve per point, and the points alone give MPI
    /// ranks and shards enough units to share.
    static constexpr uint32_t kDefaultBlock = 1000;

    /**
     * \param points number of points
     * \param replications replications per point
     * \param block replications per unit (at most)
     */
    ReplicationBlocks(uint32_t points, uint32_t replications, uint32_t block = kDefaultBlock);

    /// \return the number of units
    uint32_t GetUnits() const;
    /// \param unit a unit \return its point
    uint32_t Point(uint32_t unit) const;
    /// \param unit a unit \return its first replication (0-based)
    uint32_t First(uint32_t unit) const;
    /// \param unit a unit \return its number of replications
    uint32_t Count(uint32_t unit) const;

    /**
     * \brief Visit a point's per-replication rows in replication order.
     * \param results the units' results (Count(u) * width numbers each)
     * \param point the point
     * \param width numbers per replication
     * \param visit called with a pointer to each row's first number
     */
    void ForEach(const WorkDistributor::Results& results,
                 uint32_t point,
                 std::size_t width,
                 const std::function<void(const double*)>& visit) const;

  private:
    uint32_t m_points;       ///< points
    uint32_t m_replications; ///< replications per point
    uint32_t m_blocks;       ///< units per point
    uint32_t m_block;        ///< replications per unit
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_WORK_DISTRIBUTOR_H */
