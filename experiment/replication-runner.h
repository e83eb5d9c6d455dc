/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_REPLICATION_RUNNER_H
#define LLM_EDGE_REPLICATION_RUNNER_H

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Runs independent tasks (replications, or whole sweep points) on all
 * cores.
 *
 * ns-3's simulator is a process-wide singleton, so tasks run in forked worker
 * processes (task i on worker i mod W), each returning a vector of numbers
 * through a pipe. Results come back in task order; progress is shown on
 * standard error. With one worker the tasks run in this process. A failing
 * worker (e.g. NS_FATAL_ERROR) makes Run fail with its exit status.
 */
class ReplicationRunner
{
  public:
    /// One task: its index in, its numbers out.
    using Task = std::function<std::vector<double>(uint32_t)>;
    /// Called in this process as each task's result arrives (task index, numbers).
    using ResultCallback = std::function<void(uint32_t, const std::vector<double>&)>;

    /**
     * \param tasks number of tasks
     * \param workers worker processes (0: one per core)
     * \param task the work
     * \param label progress label ("" for no progress line)
     * \param onResult called as each result arrives, in arrival order
     *        (WorkDistributor checkpoints shards with it); may be empty
     * \return the results, by task
     */
    static std::vector<std::vector<double>> Run(uint32_t tasks,
                                                uint32_t workers,
                                                const Task& task,
                                                const std::string& label,
                                                const ResultCallback& onResult = nullptr);

    /**
     * \brief Run one task in a forked child process and return its numbers.
     *
     * The task then starts from this process's state whatever ran here
     * before (ns-3 hands out automatic random-stream numbers and addresses
     * from process-wide counters that Simulator::Destroy does not reset), so
     * its numbers do not depend on which worker or rank ran it, or after
     * what. A ConfigError in the child is rethrown here; an invariant
     * violation exits this process with the same status; the child's
     * checked runs are added to InvariantCheck's count.
     * \param task the work
     * \param index the task's index
     * \return its numbers
     */
    static std::vector<double> RunInChild(const Task& task, uint32_t index);

    /// A task running in a child process (StartInChild), to be collected.
    struct Child
    {
        int pid{-1}; ///< the child's process id
        int fd{-1};  ///< read end of its record pipe
    };

    /**
     * \brief RunInChild in two steps, for a caller with other work to do
     * meanwhile (MPI's rank 0 serves the other ranks): fork the child.
     * \param task the work
     * \param index the task's index
     * \return the child; poll its fd for readability, then FinishInChild
     */
    static Child StartInChild(const Task& task, uint32_t index);

    /**
     * \brief Wait for a child started by StartInChild and decode its record
     * (same results and errors as RunInChild).
     * \param child the child
     * \param index the task's index
     * \return its numbers
     */
    static std::vector<double> FinishInChild(Child child, uint32_t index);

    /**
     * \brief The progress line on standard error ("\r<label>: done/total"),
     * when standard error is a terminal (nothing in a log or a pipe).
     * \param label progress label ("" prints nothing)
     * \param done tasks done
     * \param total tasks in all
     */
    static void ShowProgress(const std::string& label, uint32_t done, uint32_t total);

    /// \return the number of cores
    static uint32_t Cores();
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_REPLICATION_RUNNER_H */
