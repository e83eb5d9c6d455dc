/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_MPI_WORK_POOL_H
#define LLM_EDGE_MPI_WORK_POOL_H

#include "replication-runner.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Work units over MPI ranks with dynamic load balancing (used by
 * WorkDistributor; no MPI type appears here, so this header is safe to
 * include whether or not the module was built with MPI).
 *
 * Rank 0 hands out units one at a time, in order, to whichever rank asks
 * (a dispatcher thread, so that rank 0 computes units too); a rank asks for
 * the next unit by returning the result of the last. Slow points therefore
 * never leave the other ranks idle while units remain. Without MPI at build
 * time, or in a process not started by mpirun, Active() is false.
 */
class MpiWorkPool
{
  public:
    /**
     * \brief Join MPI (MPI_Init_thread) when this process was started by
     * mpirun or srun (their environment variables tell); other ranks than 0
     * then send their standard output to /dev/null, so the program's output
     * appears once. MPI_Finalize runs at exit. Does nothing otherwise.
     */
    static void InitIfLaunched();

    /// \return whether MPI is in use in this process
    static bool Active();
    /// \return this rank (0 without MPI)
    static uint32_t GetRank();
    /// \return the number of ranks (1 without MPI)
    static uint32_t GetSize();
    /// \return whether the module was built with MPI
    static bool Built();

    /**
     * \brief Run the units over every rank (a collective call: every rank
     * calls it; rank 0 sends the unit numbers, so the other ranks' lists
     * are not used).
     * \param units the unit numbers to run, in hand-out order (rank 0)
     * \param task the work of one unit (by unit number)
     * \param isolate run each unit in a child process
     *        (ReplicationRunner::RunInChild); rank 0 then serves the other
     *        ranks from its one thread between polls of its child
     * \param label progress label, shown by rank 0 ("" for none)
     * \param onResult called on rank 0 as each result arrives (may be empty)
     * \param results on rank 0, results[unit] is set for every unit
     * \return true on rank 0, false on the others
     */
    static bool Run(const std::vector<uint32_t>& units,
                    const ReplicationRunner::Task& task,
                    bool isolate,
                    const std::string& label,
                    const ReplicationRunner::ResultCallback& onResult,
                    std::vector<std::vector<double>>& results);
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_MPI_WORK_POOL_H */
