/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "replication-runner.h"

#include "ns3/invariant-check.h"

#include "ns3/config-error.h"
#include "ns3/fatal-error.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <csignal>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace ns3
{
namespace llmedge
{

namespace
{

/// Record index of a worker's trailer: the runs whose invariants it checked.
constexpr uint32_t kChecksRecord = 0xFFFFFFFFu;
/// Task index of a record that carries a ConfigError message instead of results.
constexpr uint32_t kConfigErrorRecord = 0xFFFFFFFEu;

bool
WriteAll(int fd, const void* data, std::size_t n)
{
    const char* p = static_cast<const char*>(data);
    while (n > 0)
    {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
        {
            continue;
        }
        if (w <= 0)
        {
            return false;
        }
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

/**
 * Fork a child with a pipe to the parent: the child gets the write end,
 * the parent the read end (the other end is closed on each side).
 * \param fd out: the end this process keeps
 * \return fork's result (0 in the child)
 */
pid_t
ForkWithPipe(int& fd)
{
    std::fflush(stdout);
    std::fflush(stderr);
    int p[2];
    if (pipe(p) != 0)
    {
        NS_FATAL_ERROR("ReplicationRunner: pipe failed: " << std::strerror(errno));
    }
    pid_t pid = fork();
    if (pid < 0)
    {
        NS_FATAL_ERROR("ReplicationRunner: fork failed: " << std::strerror(errno));
    }
    close(pid == 0 ? p[0] : p[1]);
    fd = pid == 0 ? p[1] : p[0];
    return pid;
}

/// With one worker: the tasks in this process, in order.
void
RunHere(uint32_t tasks,
        const ReplicationRunner::Task& task,
        const std::string& label,
        const ReplicationRunner::ResultCallback& onResult,
        uint32_t step,
        std::vector<std::vector<double>>& results)
{
    for (uint32_t i = 0; i < tasks; ++i)
    {
        results[i] = task(i);
        if (onResult)
        {
            onResult(i, results[i]);
        }
        if ((i + 1) % step == 0 || i + 1 == tasks)
        {
            ReplicationRunner::ShowProgress(label, i + 1, tasks);
        }
    }
}

/**
 * Hand a ConfigError's message to the parent as a record (padded to whole
 * doubles), which rethrows it: one line, exit status 2, from the program's
 * main.
 */
void
WriteConfigErrorRecord(int fd, const ConfigError& e)
{
    std::string text = e.what();
    text.resize((text.size() / sizeof(double) + 1) * sizeof(double), '\0');
    uint32_t head[2] = {kConfigErrorRecord, static_cast<uint32_t>(text.size() / sizeof(double))};
    WriteAll(fd, head, sizeof(head));
    WriteAll(fd, text.data(), text.size());
}

/**
 * Worker w, in its child: tasks w, w + workers, ... each written to fd as a
 * record (index, count, values) as it ends, then the trailer with the runs
 * whose invariants it checked. Ends the child process.
 */
[[noreturn]] void
RunWorker(uint32_t w, uint32_t workers, uint32_t tasks, const ReplicationRunner::Task& task, int fd)
{
    uint64_t checkedBefore = InvariantCheck::GetRunsChecked();
    try
    {
        for (uint32_t i = w; i < tasks; i += workers)
        {
            std::vector<double> r = task(i);
            uint32_t head[2] = {i, static_cast<uint32_t>(r.size())};
            if (!WriteAll(fd, head, sizeof(head)) ||
                !WriteAll(fd, r.data(), r.size() * sizeof(double)))
            {
                _exit(4); // pipe broken (3 is kept for invariant violations)
            }
        }
    }
    catch (const ConfigError& e)
    {
        WriteConfigErrorRecord(fd, e);
        std::fflush(stdout);
        _exit(0);
    }
    catch (const std::exception& e)
    {
        std::cerr << "ReplicationRunner: worker " << w << ": " << e.what() << std::endl;
        _exit(4);
    }
    double checked = static_cast<double>(InvariantCheck::GetRunsChecked() - checkedBefore);
    uint32_t trailer[2] = {kChecksRecord, 1};
    if (!WriteAll(fd, trailer, sizeof(trailer)) || !WriteAll(fd, &checked, sizeof(checked)))
    {
        _exit(4); // pipe broken (3 is kept for invariant violations)
    }
    close(fd);
    std::fflush(stdout);
    _exit(0);
}

/// The parent's side of the pool while the workers' records arrive.
struct Collection
{
    uint32_t tasks;                                    ///< number of tasks
    uint32_t step;                                     ///< progress every step results
    const std::string& label;                          ///< progress label
    const ReplicationRunner::ResultCallback& onResult; ///< called per result (may be empty)
    std::vector<std::vector<double>>& results;         ///< by task
    std::vector<int> fds{};                            ///< read ends by worker (-1: closed)
    std::vector<pid_t> pids{};                         ///< workers' process ids
    std::vector<std::vector<char>> pending{};          ///< bytes of unfinished records
    std::string configError{};                         ///< the first ConfigError's message
    uint32_t done{0};                                  ///< results received
};

/**
 * Act on one record: a trailer (runs checked), a ConfigError (kept, the
 * other workers stopped) or a task's result (stored and counted).
 */
void
TakeRecord(Collection& pool, const uint32_t head[2], const char* payload)
{
    std::vector<double> r(head[1]);
    std::memcpy(r.data(), payload, head[1] * sizeof(double));
    if (head[0] == kChecksRecord)
    {
        InvariantCheck::AddRunsChecked(r.empty() ? 0 : static_cast<uint64_t>(r[0]));
        return;
    }
    if (head[0] == kConfigErrorRecord)
    {
        if (pool.configError.empty())
        {
            pool.configError.assign(payload, head[1] * sizeof(double));
            pool.configError.resize(std::strlen(pool.configError.c_str()));
            for (uint32_t other = 0; other < pool.pids.size(); ++other)
            {
                kill(pool.pids[other], SIGTERM); // no point finishing the others
            }
        }
        return;
    }
    if (head[0] < pool.tasks)
    {
        if (pool.onResult)
        {
            pool.onResult(head[0], r);
        }
        pool.results[head[0]] = std::move(r);
    }
    ++pool.done;
    if (pool.done % pool.step == 0 || pool.done == pool.tasks)
    {
        ReplicationRunner::ShowProgress(pool.label, pool.done, pool.tasks);
    }
}

/// Take the whole records at the front of pend, (index, count, values) each.
void
TakeRecords(Collection& pool, std::vector<char>& pend)
{
    std::size_t off = 0;
    while (pend.size() - off >= 2 * sizeof(uint32_t))
    {
        uint32_t head[2];
        std::memcpy(head, pend.data() + off, sizeof(head));
        std::size_t need = sizeof(head) + head[1] * sizeof(double);
        if (pend.size() - off < need)
        {
            break;
        }
        TakeRecord(pool, head, pend.data() + off + sizeof(head));
        off += need;
    }
    pend.erase(pend.begin(), pend.begin() + static_cast<std::ptrdiff_t>(off));
}

/**
 * Read what worker w has written.
 * \return false when its pipe has closed (end of file or error)
 */
bool
ReadFrom(Collection& pool, uint32_t w)
{
    char buf[65536];
    ssize_t n = read(pool.fds[w], buf, sizeof(buf));
    if (n < 0 && errno == EINTR)
    {
        return true;
    }
    if (n <= 0)
    {
        close(pool.fds[w]);
        pool.fds[w] = -1;
        return false;
    }
    auto& pend = pool.pending[w];
    pend.insert(pend.end(), buf, buf + n);
    TakeRecords(pool, pend);
    return true;
}

/// Collect records as they come, until every worker's pipe has closed.
void
CollectRecords(Collection& pool)
{
    const uint32_t workers = static_cast<uint32_t>(pool.fds.size());
    uint32_t open = workers;
    while (open > 0)
    {
        std::vector<pollfd> pf;
        std::vector<uint32_t> who;
        for (uint32_t w = 0; w < workers; ++w)
        {
            if (pool.fds[w] >= 0)
            {
                pf.push_back({pool.fds[w], POLLIN, 0});
                who.push_back(w);
            }
        }
        if (poll(pf.data(), pf.size(), -1) < 0)
        {
            if (errno == EINTR)
            {
                continue;
            }
            NS_FATAL_ERROR("ReplicationRunner: poll failed: " << std::strerror(errno));
        }
        for (std::size_t k = 0; k < pf.size(); ++k)
        {
            if ((pf[k].revents & (POLLIN | POLLHUP | POLLERR)) && !ReadFrom(pool, who[k]))
            {
                --open;
            }
        }
    }
}

/**
 * Wait for every worker; an invariant violation in one exits this process
 * with the same status.
 * \return the first failed worker's message ("" when none failed)
 */
std::string
ReapWorkers(const std::vector<pid_t>& pids)
{
    std::string failed;
    for (uint32_t w = 0; w < pids.size(); ++w)
    {
        int status = 0;
        waitpid(pids[w], &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == InvariantCheck::kExitStatus)
        {
            std::cerr << "ReplicationRunner: worker " << w
                      << " stopped on an invariant violation (printed above)\n";
            std::exit(InvariantCheck::kExitStatus);
        }
        if ((!WIFEXITED(status) || WEXITSTATUS(status) != 0) && failed.empty())
        {
            failed = "ReplicationRunner: worker " + std::to_string(w) + " failed (status " +
                     std::to_string(status) + "); its first error is printed above";
        }
    }
    return failed;
}

} // namespace

void
ReplicationRunner::ShowProgress(const std::string& label, uint32_t done, uint32_t total)
{
    // Only on a terminal: in a log file or a pipe the carriage returns pile
    // up into one long line.
    static const bool terminal = isatty(STDERR_FILENO) == 1;
    if (!label.empty() && terminal)
    {
        std::cerr << "\r" << label << ": " << done << "/" << total << std::flush;
        if (done == total)
        {
            std::cerr << "\n";
        }
    }
}

uint32_t
ReplicationRunner::Cores()
{
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

std::vector<double>
ReplicationRunner::RunInChild(const Task& task, uint32_t index)
{
    return FinishInChild(StartInChild(task, index), index);
}

ReplicationRunner::Child
ReplicationRunner::StartInChild(const Task& task, uint32_t index)
{
    int fd = -1;
    pid_t pid = ForkWithPipe(fd);
    if (pid == 0)
    {
        // Record: kind ('R' numbers, 'C' ConfigError, 'E' other), runs checked, then the payload.
        uint64_t checkedBefore = InvariantCheck::GetRunsChecked();
        char kind = 'R';
        std::vector<double> r;
        std::string text;
        try
        {
            r = task(index);
        }
        catch (const ConfigError& e)
        {
            kind = 'C';
            text = e.what();
        }
        catch (const std::exception& e)
        {
            kind = 'E';
            text = e.what();
        }
        uint64_t checked = InvariantCheck::GetRunsChecked() - checkedBefore;
        bool ok = WriteAll(fd, &kind, 1) && WriteAll(fd, &checked, sizeof(checked)) &&
                  (kind == 'R' ? WriteAll(fd, r.data(), r.size() * sizeof(double))
                               : WriteAll(fd, text.data(), text.size()));
        _exit(ok ? 0 : 4);
    }
    return Child{pid, fd};
}

std::vector<double>
ReplicationRunner::FinishInChild(Child child, uint32_t index)
{
    const pid_t pid = child.pid;
    const int fd = child.fd;
    std::string msg;
    char buf[65536];
    for (ssize_t n; (n = read(fd, buf, sizeof(buf))) != 0;)
    {
        if (n < 0 && errno == EINTR)
        {
            continue;
        }
        if (n < 0)
        {
            break;
        }
        msg.append(buf, static_cast<std::size_t>(n));
    }
    close(fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == InvariantCheck::kExitStatus)
    {
        std::exit(InvariantCheck::kExitStatus); // the violation is printed above
    }
    const std::size_t head = 1 + sizeof(uint64_t);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || msg.size() < head)
    {
        throw std::runtime_error("ReplicationRunner: the process of task " + std::to_string(index) +
                                 " failed (status " + std::to_string(status) + ")");
    }
    uint64_t checked = 0;
    std::memcpy(&checked, msg.data() + 1, sizeof(checked));
    InvariantCheck::AddRunsChecked(checked);
    if (msg[0] == 'C')
    {
        throw ConfigError(msg.substr(head));
    }
    if (msg[0] == 'E')
    {
        throw std::runtime_error(msg.substr(head));
    }
    std::vector<double> r((msg.size() - head) / sizeof(double));
    std::memcpy(r.data(), msg.data() + head, r.size() * sizeof(double));
    return r;
}

std::vector<std::vector<double>>
ReplicationRunner::Run(uint32_t tasks,
                       uint32_t workers,
                       const Task& task,
                       const std::string& label,
                       const ResultCallback& onResult)
{
    std::vector<std::vector<double>> results(tasks);
    if (workers == 0)
    {
        workers = Cores();
    }
    workers = std::min(workers, std::max<uint32_t>(tasks, 1));
    uint32_t step = std::max<uint32_t>(1, tasks / 100);
    if (workers <= 1)
    {
        RunHere(tasks, task, label, onResult, step, results);
        return results;
    }
    Collection pool{tasks, step, label, onResult, results};
    pool.fds.assign(workers, -1);
    pool.pids.assign(workers, -1);
    for (uint32_t w = 0; w < workers; ++w)
    {
        int fd = -1;
        pid_t pid = ForkWithPipe(fd);
        if (pid == 0)
        {
            RunWorker(w, workers, tasks, task, fd); // does not return
        }
        pool.fds[w] = fd;
        pool.pids[w] = pid;
    }
    pool.pending.resize(workers);
    CollectRecords(pool);
    std::string failed = ReapWorkers(pool.pids);
    if (!pool.configError.empty())
    {
        throw ConfigError(pool.configError);
    }
    if (!failed.empty())
    {
        throw std::runtime_error(failed);
    }
    if (pool.done != tasks)
    {
        throw std::runtime_error("ReplicationRunner: " + std::to_string(pool.done) + " of " +
                                 std::to_string(tasks) + " tasks returned");
    }
    return results;
}

} // namespace llmedge
} // namespace ns3
