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
    return m_hasRunning;
}

bool
DeviceJobSlots::HasPending() const
{
    return m_hasPending;
}

uint32_t
DeviceJobSlots::GetHeld() const
{
    return (m_hasPending ? 1 : 0) + (m_hasRunning ? 1 : 0);
}

Time
DeviceJobSlots::GetRunningStart() const
{
    return m_running.start;
}

void
DeviceJobSlots::Hold(uint64_t id, DoneCallback done)
{
    NS_ASSERT_MSG(!m_hasPending, "DeviceJobSlots: a job is already pending");
    m_hasPending = true;
    m_pendingId = id;
    m_pendingDone = done;
}

void
DeviceJobSlots::StartPending(Time now)
{
    NS_ASSERT_MSG(m_hasPending && !m_hasRunning, "DeviceJobSlots: nothing to start");
    m_hasRunning = true;
    m_running.id = m_pendingId;
    m_running.done = m_pendingDone;
    m_running.start = now;
    m_hasPending = false;
    m_pendingDone = DoneCallback();
}

DeviceJobSlots::Finished
DeviceJobSlots::Finish()
{
    NS_ASSERT_MSG(m_hasRunning, "DeviceJobSlots: no job in service");
    m_hasRunning = false;
    Finished out = m_running;
    m_running.done = DoneCallback();
    return out;
}

void
DeviceJobSlots::Clear()
{
    m_hasRunning = false;
    m_hasPending = false;
    m_running.done = DoneCallback();
    m_pendingDone = DoneCallback();
}

} // namespace llmedge
} // namespace ns3
