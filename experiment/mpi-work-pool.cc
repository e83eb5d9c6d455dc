/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mpi-work-pool.h"

#include "ns3/invariant-check.h"

#include "ns3/config-error.h"
#include "ns3/log.h"

#include <stdexcept>

#ifdef LLM_EDGE_HAVE_MPI
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#define OMPI_SKIP_MPICXX 1 // the C API only: no libmpi_cxx
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#include <mutex>
#include <poll.h>
#include <thread>
#endif

namespace ns3
{
namespace llmedge
{

NS_LOG_COMPONENT_DEFINE("LlmEdgeMpiWorkPool");

#ifndef LLM_EDGE_HAVE_MPI

void
MpiWorkPool::InitIfLaunched()
{
}

bool
MpiWorkPool::Active()
{
    return false;
}

uint32_t
MpiWorkPool::GetRank()
{
    return 0;
}

uint32_t
MpiWorkPool::GetSize()
{
    return 1;
}

bool
MpiWorkPool::Built()
{
    return false;
}

bool
MpiWorkPool::Run(const std::vector<uint32_t>& /* units */,
                 const ReplicationRunner::Task& /* task */,
                 bool /* isolate */,
                 const std::string& /* label */,
                 const ReplicationRunner::ResultCallback& /* onResult */,
                 std::vector<std::vector<double>>& /* results */)
{
    throw std::logic_error("MpiWorkPool::Run: llm-edge was built without MPI");
}

#else

namespace
{

bool g_active = false;  ///< MPI initialised by InitIfLaunched
bool g_threads = false; ///< MPI_THREAD_SERIALIZED granted (rank 0 computes too)
int g_rank = 0;         ///< this rank
int g_size = 1;         ///< ranks

/// Message tags (worker to rank 0, then rank 0 to worker).
enum Tag : int
{
    kTagReady = 1,  ///< a worker's first request (empty)
    kTagResult = 2, ///< [local unit index, numbers...]; also asks for the next unit
    kTagError = 3,  ///< 'C' (configuration error) or 'E', then the message
    kTagDone = 4,   ///< [simulated runs whose invariants the worker checked]
    kTagAssign = 5, ///< rank 0's answer: a local unit index, or -1 to stop
};

void
FinalizeAtExit()
{
    int finalized = 0;
    MPI_Finalized(&finalized);
    if (!finalized)
    {
        MPI_Finalize();
    }
}

/// A worker rank: ask, run, answer, until told to stop.
void
RunWorker(const ReplicationRunner::Task& task, bool isolate)
{
    uint64_t checkedBefore = InvariantCheck::GetRunsChecked();
    MPI_Send(nullptr, 0, MPI_DOUBLE, 0, kTagReady, MPI_COMM_WORLD);
    while (true)
    {
        int64_t unit = -1;
        MPI_Recv(&unit, 1, MPI_INT64_T, 0, kTagAssign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (unit < 0)
        {
            break;
        }
        std::string error;
        std::vector<double> msg{static_cast<double>(unit)};
        try
        {
            const auto u = static_cast<uint32_t>(unit);
            std::vector<double> r = isolate ? ReplicationRunner::RunInChild(task, u) : task(u);
            msg.insert(msg.end(), r.begin(), r.end());
        }
        catch (const ConfigError& e)
        {
            error = std::string("C") + e.what();
        }
        catch (const std::exception& e)
        {
            error = std::string("E") + "rank " + std::to_string(g_rank) + ": " + e.what();
        }
        if (error.empty())
        {
            MPI_Send(msg.data(), static_cast<int>(msg.size()), MPI_DOUBLE, 0, kTagResult,
                     MPI_COMM_WORLD);
        }
        else
        {
            MPI_Send(error.data(), static_cast<int>(error.size()), MPI_CHAR, 0, kTagError,
                     MPI_COMM_WORLD);
        }
    }
    double checked = static_cast<double>(InvariantCheck::GetRunsChecked() - checkedBefore);
    MPI_Send(&checked, 1, MPI_DOUBLE, 0, kTagDone, MPI_COMM_WORLD);
}

/// Rank 0's side: the shared queue of units, results and the first error.
class Root
{
  public:
    Root(const std::vector<uint32_t>& units,
         const std::string& label,
         const ReplicationRunner::ResultCallback& onResult,
         std::vector<std::vector<double>>& results)
        : m_units(units),
          m_label(label),
          m_onResult(onResult),
          m_results(results),
          m_step(std::max<uint32_t>(1, static_cast<uint32_t>(units.size()) / 100))
    {
    }

    /// \return the next unit, or -1 when none is left (or after an error)
    int64_t Take()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_error.empty() || m_next >= m_units.size())
        {
            return -1;
        }
        return m_units[m_next++];
    }

    /// Store the result of a unit run by a rank.
    void Store(uint32_t unit, std::vector<double> r, int rank)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        ++m_perRank[static_cast<std::size_t>(rank)];
        if (m_onResult)
        {
            m_onResult(unit, r);
        }
        m_results[unit] = std::move(r);
        ++m_done;
        uint32_t total = static_cast<uint32_t>(m_units.size());
        if (m_done % m_step == 0 || m_done == total)
        {
            ReplicationRunner::ShowProgress(m_label, m_done, total);
        }
    }

    /// Record an error ('C' or 'E' then the message); the first one wins.
    void Fail(const std::string& error)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_error.empty())
        {
            m_error = error;
        }
    }

    /// Serve the worker ranks until every one has stopped.
    void Dispatch()
    {
        int running = g_size - 1;
        while (running > 0)
        {
            if (!ServeOne(running))
            {
                // Sleep rather than spin: rank 0's own computing shares the core.
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
        }
    }

    /**
     * Rank 0 runs its own share in child processes (isolated units) and
     * serves the other ranks in between, all from this one thread: POSIX
     * leaves a child forked while another thread runs (the dispatcher, then
     * inside MPI) unable to do more than async-signal-safe calls, and the
     * child runs a whole simulation.
     */
    void ComputeInChildrenAndDispatch(const ReplicationRunner::Task& task)
    {
        int running = g_size - 1;
        ReplicationRunner::Child child;
        int64_t unit = Take();
        if (unit >= 0)
        {
            child = ReplicationRunner::StartInChild(task, static_cast<uint32_t>(unit));
        }
        while (running > 0 || unit >= 0)
        {
            bool served = running > 0 && ServeOne(running);
            if (unit >= 0)
            {
                pollfd pf{child.fd, POLLIN, 0};
                // Idle: wait on the child up to 2 ms (a unit takes seconds; shorter
                // waits spent measurable CPU of the core the child runs on).
                const timespec wait{0, served ? 0 : 2000000};
                if (ppoll(&pf, 1, &wait, nullptr) > 0)
                {
                    RunUnit(static_cast<uint32_t>(unit), [&]() {
                        return ReplicationRunner::FinishInChild(child,
                                                                static_cast<uint32_t>(unit));
                    });
                    unit = Take();
                    if (unit >= 0)
                    {
                        child = ReplicationRunner::StartInChild(task, static_cast<uint32_t>(unit));
                    }
                }
            }
            else if (!served)
            {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
        }
    }

    /// Rank 0's own share in this process: take units until none is left.
    void Compute(const ReplicationRunner::Task& task)
    {
        for (int64_t unit = Take(); unit >= 0; unit = Take())
        {
            const auto u = static_cast<uint32_t>(unit);
            RunUnit(u, [&]() { return task(u); });
        }
    }

    /// After the run: count the others' checked runs; rethrow the first
    /// error, or report how the units were spread over the ranks.
    void Finish() const
    {
        InvariantCheck::AddRunsChecked(m_checkedElsewhere);
        if (m_error.empty())
        {
            if (g_size > 1)
            {
                std::cerr << "llm-edge: " << m_done << " units over " << g_size << " MPI ranks:";
                for (std::size_t r = 0; r < m_perRank.size(); ++r)
                {
                    std::cerr << (r == 0 ? " rank " : ", rank ") << r << " ran " << m_perRank[r];
                }
                std::cerr << std::endl;
            }
            return;
        }
        if (m_error[0] == 'C')
        {
            throw ConfigError(m_error.substr(1));
        }
        throw std::runtime_error("MpiWorkPool: " + m_error.substr(1));
    }

  private:
    /**
     * Handle one message from a worker rank, if one is waiting: store its
     * result or error and send its next unit (-1: stop).
     * \param running worker ranks still running (decremented on kTagDone)
     * \return whether a message was handled
     */
    bool ServeOne(int& running)
    {
        int flag = 0;
        MPI_Status st;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
        if (!flag)
        {
            return false;
        }
        int src = st.MPI_SOURCE;
        int64_t unit = -1;
        if (st.MPI_TAG == kTagResult || st.MPI_TAG == kTagReady || st.MPI_TAG == kTagDone)
        {
            int count = 0;
            MPI_Get_count(&st, MPI_DOUBLE, &count);
            std::vector<double> msg(static_cast<std::size_t>(count));
            MPI_Recv(msg.data(), count, MPI_DOUBLE, src, st.MPI_TAG, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);
            if (st.MPI_TAG == kTagDone)
            {
                m_checkedElsewhere += msg.empty() ? 0 : static_cast<uint64_t>(msg[0]);
                --running;
                return true;
            }
            if (st.MPI_TAG == kTagResult && !msg.empty())
            {
                Store(static_cast<uint32_t>(msg[0]),
                      std::vector<double>(msg.begin() + 1, msg.end()),
                      src);
            }
            unit = Take();
        }
        else if (st.MPI_TAG == kTagError)
        {
            int count = 0;
            MPI_Get_count(&st, MPI_CHAR, &count);
            std::string text(static_cast<std::size_t>(count), '\0');
            MPI_Recv(&text[0], count, MPI_CHAR, src, kTagError, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            Fail(text);
        }
        MPI_Send(&unit, 1, MPI_INT64_T, src, kTagAssign, MPI_COMM_WORLD);
        return true;
    }

    /// Run one of rank 0's units (\p run returns its numbers) and store the
    /// result, or record its error.
    template <typename F>
    void RunUnit(uint32_t unit, F run)
    {
        try
        {
            Store(unit, run(), 0);
        }
        catch (const ConfigError& e)
        {
            Fail(std::string("C") + e.what());
        }
        catch (const std::exception& e)
        {
            Fail(std::string("E") + "rank 0: " + e.what());
        }
    }

    const std::vector<uint32_t>& m_units;               ///< the units, in hand-out order
    std::string m_label;                                ///< progress label
    const ReplicationRunner::ResultCallback& m_onResult; ///< per-result callback
    std::vector<std::vector<double>>& m_results;        ///< results by unit number
    uint32_t m_step;                                    ///< progress step
    std::mutex m_mutex;                                 ///< guards what follows
    std::size_t m_next{0};                              ///< next local unit to hand out
    uint32_t m_done{0};                                 ///< results stored
    std::string m_error;                                ///< first error ("" for none)
    uint64_t m_checkedElsewhere{0};                     ///< runs checked by other ranks
    std::vector<uint32_t> m_perRank = std::vector<uint32_t>(static_cast<std::size_t>(g_size));
    ///< units run, by rank
};

} // namespace

void
MpiWorkPool::InitIfLaunched()
{
    if (g_active)
    {
        return;
    }
    bool launched = false;
    for (const char* var : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
    {
        launched = launched || std::getenv(var) != nullptr;
    }
    if (!launched)
    {
        return;
    }
    int provided = MPI_THREAD_SINGLE;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided);
    g_threads = provided >= MPI_THREAD_SERIALIZED;
    MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
    MPI_Comm_size(MPI_COMM_WORLD, &g_size);
    g_active = true;
    std::atexit(FinalizeAtExit);
    if (g_rank != 0 && !std::freopen("/dev/null", "w", stdout))
    {
        NS_LOG_WARN("rank " << g_rank << ": standard output not silenced");
    }
}

bool
MpiWorkPool::Active()
{
    return g_active;
}

uint32_t
MpiWorkPool::GetRank()
{
    return static_cast<uint32_t>(g_rank);
}

uint32_t
MpiWorkPool::GetSize()
{
    return static_cast<uint32_t>(g_size);
}

bool
MpiWorkPool::Built()
{
    return true;
}

bool
MpiWorkPool::Run(const std::vector<uint32_t>& units,
                 const ReplicationRunner::Task& task,
                 bool isolate,
                 const std::string& label,
                 const ReplicationRunner::ResultCallback& onResult,
                 std::vector<std::vector<double>>& results)
{
    NS_LOG_FUNCTION(units.size() << isolate << label);
    if (g_rank != 0)
    {
        RunWorker(task, isolate); // rank 0 sends the unit numbers
        return false;
    }
    Root root(units, label, onResult, results);
    if (g_size == 1)
    {
        root.Compute(isolate ? ReplicationRunner::Task([&task](uint32_t u) {
            return ReplicationRunner::RunInChild(task, u);
        })
                             : task);
    }
    else if (isolate)
    {
        root.ComputeInChildrenAndDispatch(task); // one thread: forks are safe
    }
    else if (g_threads)
    {
        // No fork here. Only the dispatcher thread calls MPI while it runs
        // (SERIALIZED).
        std::thread dispatcher([&root]() { root.Dispatch(); });
        root.Compute(task);
        dispatcher.join();
    }
    else
    {
        root.Dispatch(); // no thread support: rank 0 only hands out units
    }
    root.Finish();
    return true;
}

#endif

} // namespace llmedge
} // namespace ns3
