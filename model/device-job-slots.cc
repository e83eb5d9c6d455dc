/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "device-job-slots.h"

#include "ns3/assert.h"

namespace ns3
{
namespace llmedge
{

void
DeviceJobSlots::Finished::Notify(bool completed) const
{
    if (!done.IsNull())
    {
        done(id, completed);
    }
}

bool
DeviceJobSlots::HasRunning() const
{
    return !m_running.empty();
}

bool
DeviceJobSlots::HasPending() const
{
    return !m_waiting.empty();
}

uint32_t
DeviceJobSlots::GetWaiting() const
{
    return static_cast<uint32_t>(m_waiting.size());
}

uint32_t
DeviceJobSlots::GetRunning() const
{
    return static_cast<uint32_t>(m_running.size());
}

uint32_t
DeviceJobSlots::GetHeld() const
{
    return GetWaiting() + GetRunning();
}

Time
DeviceJobSlots::GetRunningStart() const
{
    return m_running.empty() ? Time() : m_running.front().start;
}

const std::deque<DeviceJobSlots::Waiting>&
DeviceJobSlots::GetWaitingJobs() const
{
    return m_waiting;
}

void
DeviceJobSlots::Hold(uint64_t id, DoneCallback done, JobTokens tokens, Time arrived)
{
    m_waiting.push_back(Waiting{id, done, tokens, arrived, Time()});
}

void
DeviceJobSlots::MarkNewest(Time mark)
{
    NS_ASSERT_MSG(!m_waiting.empty(), "DeviceJobSlots: no job waiting");
    m_waiting.back().mark = mark;
}

void
DeviceJobSlots::StartPending(Time now, uint32_t n)
{
    NS_ASSERT_MSG(n >= 1 && n <= m_waiting.size() && m_running.empty(),
                  "DeviceJobSlots: nothing to start");
    for (uint32_t k = 0; k < n; ++k)
    {
        const Waiting& w = m_waiting.front();
        m_running.push_back(Finished{w.id, w.done, now, Time()});
        m_runningMarks.push_back(w.mark);
        m_waiting.pop_front();
    }
}

void
DeviceJobSlots::SetBatchWaits(Time clock)
{
    for (std::size_t k = 0; k < m_running.size(); ++k)
    {
        m_running[k].batchWait = clock - m_runningMarks[k];
    }
}

DeviceJobSlots::Finished
DeviceJobSlots::Finish()
{
    NS_ASSERT_MSG(!m_running.empty(), "DeviceJobSlots: no job in service");
    Finished out = m_running.front();
    m_running.erase(m_running.begin());
    m_runningMarks.erase(m_runningMarks.begin());
    return out;
}

void
DeviceJobSlots::Clear()
{
    m_running.clear();
    m_runningMarks.clear();
    m_waiting.clear();
}

} // namespace llmedge
} // namespace ns3
