/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "batched-accounting.h"

#include "ns3/config-error.h"
#include "energy-harvesting-orin-device.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BatchedAccounting");

namespace llmedge
{

using Device = EnergyHarvestingOrinDevice;

void
BatchedAccounting::Start()
{
    m_settings = Batching();
    const BatchSettings& s = m_settings;
    try
    {
        if (s.profileFile.empty())
        {
            ThrowConfigError("DeviceProfileFile",
                             "''",
                             "Accounting \"Batched\" needs a device profile CSV");
        }
        m_table = DeviceProfileTable::LoadCsv(s.profileFile);
        m_idlePowerW = m_table.GetIdlePowerW(s.deviceKind);
        m_table.Get(s.deviceKind, s.modelName, 1); // names an unknown model
        // Every batch size up to MaxBatch may run: each needs its row.
        for (unsigned b = 2; b <= s.maxBatch; ++b)
        {
            try
            {
                m_table.Get(s.deviceKind, s.modelName, b);
            }
            catch (const ConfigError& e)
            {
                ThrowConfigError("MaxBatch",
                                 std::to_string(s.maxBatch),
                                 "the profile needs rows of batch sizes 1.." +
                                     std::to_string(s.maxBatch) + " (" + e.what() + ")");
            }
        }
        if (s.timeout.IsStrictlyNegative())
        {
            ThrowConfigError("BatchTimeout",
                             FormatValue(s.timeout.GetSeconds()) + " s",
                             "must be >= 0");
        }
    }
    catch (const ConfigError& e)
    {
        LLM_EDGE_CONFIG_ERROR("EnergyHarvestingOrinDevice (Accounting \"Batched\"): " << e.what());
    }
    m_clockAt = Simulator::Now();
    m_clockIdle = State() == Device::IDLE;
    ContinuousAccounting::Start();
}

Time
BatchedAccounting::IdleClock() const
{
    return m_idleTotal + (m_clockIdle ? Simulator::Now() - m_clockAt : Time(0));
}

void
BatchedAccounting::Update()
{
    // The device calls Update just before and just after every state
    // change, so the clock sees each state's whole interval.
    Time now = Simulator::Now();
    if (m_clockIdle)
    {
        m_idleTotal += now - m_clockAt;
    }
    m_clockAt = now;
    m_clockIdle = State() == Device::IDLE;
    ContinuousAccounting::Update();
}

void
BatchedAccounting::OnAccepted()
{
    Jobs().MarkNewest(IdleClock());
    ContinuousAccounting::OnAccepted();
}

double
BatchedAccounting::GetIdlePowerW() const
{
    return m_idlePowerW;
}

bool
BatchedAccounting::Fits(const JobTokens& tokens) const
{
    MemoryCheck m = m_table.CheckMemory(m_settings.deviceKind,
                                        m_settings.modelName,
                                        BatchTokens::Uniform(1, tokens.input, tokens.output));
    if (!m.fits)
    {
        NS_LOG_INFO("request of " << tokens.input << " + " << tokens.output
                                  << " tokens refused: " << m.reason);
    }
    return m.fits;
}

std::vector<JobTokens>
BatchedAccounting::WaitingTokens() const
{
    std::vector<JobTokens> q;
    for (const auto& w : Jobs().GetWaitingJobs())
    {
        q.push_back(w.tokens);
    }
    return q;
}

BatchTokens
BatchedAccounting::Tokens(const std::vector<JobTokens>& queue, std::size_t first, uint32_t n)
{
    BatchTokens bt;
    for (std::size_t k = first; k < first + n; ++k)
    {
        bt.Add(queue[k].input, queue[k].output);
    }
    return bt;
}

uint32_t
BatchedAccounting::FormBatch(const std::vector<JobTokens>& queue, std::size_t first) const
{
    uint32_t n = 1; // a request alone fits: it was admitted
    while (n < m_settings.maxBatch && first + n < queue.size() &&
           m_table.CheckMemory(m_settings.deviceKind, m_settings.modelName, Tokens(queue, first, n + 1))
               .fits)
    {
        ++n;
    }
    return n;
}

void
BatchedAccounting::StartJob()
{
    NS_ASSERT(HasPending() && !HasRunning());
    m_timeout.Cancel();
    Battery()->UpdateEnergySource();
    if (State() == Device::SAVING)
    {
        return; // the update crossed Elow or emptied the battery: the requests wait
    }
    Time now = Simulator::Now();
    std::vector<JobTokens> queue = WaitingTokens();
    uint32_t n = FormBatch(queue, 0);
    Time due = Jobs().GetWaitingJobs().front().arrived + m_settings.timeout;
    if (n < m_settings.maxBatch && n == queue.size() && now < due)
    {
        // Room for more and the oldest may still wait: idle until its timeout.
        if (State() == Device::BUSY)
        {
            SetState(Device::IDLE);
        }
        m_timeout = Simulator::Schedule(due - now, &BatchedAccounting::StartJob, this);
        return;
    }
    SelectMode(); // for the saving power only: modes do not scale batches
    BatchTokens bt = Tokens(queue, 0, n);
    double timeS = m_table.GetBatchTimeS(m_settings.deviceKind, m_settings.modelName, bt);
    double energyJ = m_table.GetBatchEnergyJ(m_settings.deviceKind, m_settings.modelName, bt);
    m_runningPowerW = timeS > 0 ? energyJ / timeS : 0.0;
    Time clock = IdleClock(); // before the device turns busy
    StartPendingJobs(n);
    Jobs().SetBatchWaits(clock);
    m_batchEnd = now + Seconds(timeS);
    NS_LOG_INFO("batch of " << n << " for " << timeS << " s, " << energyJ << " J");
    m_event = Simulator::Schedule(Seconds(timeS), &BatchedAccounting::FinishJob, this);
}

void
BatchedAccounting::OnDepletion()
{
    m_timeout.Cancel();
    ContinuousAccounting::OnDepletion(); // aborts the whole running batch
}

void
BatchedAccounting::Halt()
{
    m_timeout.Cancel();
    ContinuousAccounting::Halt();
}

BatchedAccounting::Plan
BatchedAccounting::PlanFor(const JobTokens& tokens) const
{
    Time now = Simulator::Now();
    std::vector<JobTokens> queue = WaitingTokens();
    std::vector<Time> arrived;
    for (const auto& w : Jobs().GetWaitingJobs())
    {
        arrived.push_back(w.arrived);
    }
    queue.push_back(tokens);
    arrived.push_back(now);
    Time t = HasRunning() ? std::max(now, m_batchEnd) : now;
    for (std::size_t first = 0;;)
    {
        uint32_t n = FormBatch(queue, first);
        bool last = first + n == queue.size();
        Time start = t;
        if (last && n < m_settings.maxBatch)
        {
            start = std::max(t, arrived[first] + m_settings.timeout);
        }
        BatchTokens bt = Tokens(queue, first, n);
        t = start + Seconds(m_table.GetBatchTimeS(m_settings.deviceKind, m_settings.modelName, bt));
        if (last)
        {
            double e = m_table.GetBatchEnergyJ(m_settings.deviceKind, m_settings.modelName, bt);
            return {t - now, e / n};
        }
        first += n;
    }
}

Time
BatchedAccounting::GetExpectedCompletion(const JobTokens& tokens) const
{
    return PlanFor(tokens).completion;
}

double
BatchedAccounting::GetExpectedEnergyPerJobJ(const JobTokens& tokens) const
{
    return PlanFor(tokens).energyPerJobJ;
}

} // namespace llmedge
} // namespace ns3
