/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "llm-edge-trace-helper.h"

#include "ns3/config-error.h"
#include "ns3/config.h"
#include "ns3/energy-harvesting-orin-device.h"
#include "ns3/inference-pipeline.h"
#include "ns3/llm-block-application.h"
#include "ns3/llm-request-source.h"
#include "ns3/log.h"
#include "ns3/node-list.h"
#include "ns3/orin-device-holder.h"
#include "ns3/simple-ref-count.h"
#include "ns3/simulator.h"

#include <array>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LlmEdgeTraceHelper");

namespace llmedge
{

namespace
{

/// The levels (written on change or sampled).
enum Level : std::size_t
{
    BATTERY_J = 0,
    BATTERY_FRACTION,
    MODE,
    STATE,
    POWER_SAVING,
    LEVEL_COUNT
};

/// Names of the levels, in Level order.
const std::array<const char*, LEVEL_COUNT> kLevelNames = {"battery_j",
                                                          "battery_fraction",
                                                          "mode",
                                                          "state",
                                                          "power_saving"};

/// \param ns a time, ns \return it in seconds, exactly, without trailing zeros
std::string
FormatSeconds(int64_t ns)
{
    std::ostringstream os;
    if (ns < 0)
    {
        os << '-';
        ns = -ns;
    }
    os << ns / 1000000000;
    int64_t frac = ns % 1000000000;
    if (frac != 0)
    {
        std::ostringstream f;
        f << std::setw(9) << std::setfill('0') << frac;
        std::string digits = f.str();
        digits.erase(digits.find_last_not_of('0') + 1);
        os << '.' << digits;
    }
    return os.str();
}

/**
 * The rows of one file: the trace sinks of its devices, their last traced
 * levels and the sampling. Held by the trace sources' callbacks and the
 * sampling events; holds no pointer to a device (no reference cycle).
 */
class TimeSeriesRecorder : public SimpleRefCount<TimeSeriesRecorder>
{
  public:
    /// One device.
    struct Series
    {
        uint32_t node;                              ///< node id
        uint32_t device;                            ///< position in the file
        double capacityJ;                           ///< battery capacity, J
        Time slot;                                  ///< harvester slot length
        std::array<double, LEVEL_COUNT> current{};  ///< last traced values
        std::array<double, LEVEL_COUNT> written{};  ///< last written values
        std::array<bool, LEVEL_COUNT> wasWritten{}; ///< written at least once
    };

    TimeSeriesRecorder(Ptr<OutputStreamWrapper> stream, Time interval)
        : m_stream(stream),
          m_interval(interval)
    {
    }

    /// \param series a device \return its index
    uint32_t Add(const Series& series)
    {
        m_series.push_back(series);
        return static_cast<uint32_t>(m_series.size() - 1);
    }

    /// \brief Levels from the devices at the start, then sampling if periodic.
    void Start()
    {
        for (uint32_t s = 0; s < m_series.size(); ++s)
        {
            Ptr<OrinDeviceHolder> holder =
                NodeList::GetNode(m_series[s].node)->GetObject<OrinDeviceHolder>();
            Ptr<EnergyHarvestingOrinDevice> d = holder->GetDevice();
            SetLevel(s, BATTERY_J, d->GetBattery()->GetStoredEnergyJ());
            SetLevel(s, MODE, static_cast<double>(d->GetCurrentModeIndex()));
            SetLevel(s, STATE, static_cast<double>(d->GetState()));
            SetLevel(s, POWER_SAVING, d->GetState() == EnergyHarvestingOrinDevice::SAVING ? 1 : 0);
        }
        if (m_interval.IsStrictlyPositive())
        {
            Sample();
        }
    }

    /// \brief Write every level of every device, and schedule the next sample.
    void Sample()
    {
        for (uint32_t s = 0; s < m_series.size(); ++s)
        {
            for (std::size_t l = 0; l < LEVEL_COUNT; ++l)
            {
                Write(m_series[s], Simulator::Now(), kLevelNames[l], m_series[s].current[l]);
            }
        }
        Simulator::Schedule(m_interval, &TimeSeriesRecorder::Sample, Ptr<TimeSeriesRecorder>(this));
    }

    /// \brief Flush the rows written so far.
    void Flush()
    {
        m_stream->GetStream()->flush();
    }

    /**
     * \brief A level changed.
     * \param s the device
     * \param level the level
     * \param value its new value
     */
    void SetLevel(uint32_t s, Level level, double value)
    {
        Series& x = m_series[s];
        x.current[level] = value;
        if (level == BATTERY_J)
        {
            SetLevel(s, BATTERY_FRACTION, value / x.capacityJ);
        }
        if (m_interval.IsZero() && (!x.wasWritten[level] || x.written[level] != value))
        {
            Write(x, Simulator::Now(), kLevelNames[level], value);
            x.written[level] = value;
            x.wasWritten[level] = true;
        }
    }

    /**
     * \brief An event: written at once.
     * \param s the device
     * \param at its time
     * \param variable its name
     * \param value its value
     */
    void Event(uint32_t s, Time at, const char* variable, double value)
    {
        Write(m_series[s], at, variable, value);
    }

    /// \return the slot length of device \p s
    Time GetSlot(uint32_t s) const
    {
        return m_series[s].slot;
    }

  private:
    void Write(const Series& x, Time at, const char* variable, double value)
    {
        *m_stream->GetStream() << FormatSeconds(at.GetNanoSeconds()) << ',' << x.node << ','
                               << x.device << ',' << variable << ',' << value << '\n';
    }

    Ptr<OutputStreamWrapper> m_stream; ///< the file
    Time m_interval;                   ///< sampling period, 0: on change
    std::vector<Series> m_series;      ///< the devices
};

// Trace sinks (bound to the recorder and the device's index).

void
OnRemainingEnergy(Ptr<TimeSeriesRecorder> r, uint32_t s, double /* oldJ */, double newJ)
{
    r->SetLevel(s, BATTERY_J, newJ);
}

void
OnPowerMode(Ptr<TimeSeriesRecorder> r, uint32_t s, uint32_t /* oldMode */, uint32_t newMode)
{
    r->SetLevel(s, MODE, newMode);
}

void
OnState(Ptr<TimeSeriesRecorder> r, uint32_t s, int32_t /* oldState */, int32_t newState)
{
    r->SetLevel(s, STATE, newState);
}

void
OnPowerSaving(Ptr<TimeSeriesRecorder> r, uint32_t s, bool entered)
{
    r->SetLevel(s, POWER_SAVING, entered ? 1 : 0);
}

void
OnSlotEnergy(Ptr<TimeSeriesRecorder> r, uint32_t s, uint64_t slot, double energyJ)
{
    r->Event(s, r->GetSlot(s) * static_cast<int64_t>(slot), "harvest_j", energyJ);
}

void
OnJobCompleted(Ptr<TimeSeriesRecorder> r, uint32_t s, uint64_t /* jobId */, Time service)
{
    r->Event(s, Simulator::Now(), "job_completed", service.GetSeconds());
}

void
OnJobRefused(Ptr<TimeSeriesRecorder> r, uint32_t s, uint64_t /* jobId */, uint32_t reason)
{
    r->Event(s, Simulator::Now(), "job_refused", reason);
}

/// A new output file as a stream (ns-3 aborts on a file it cannot open: a
/// ConfigError naming \p what and the file comes first).
Ptr<OutputStreamWrapper>
OpenOutput(const std::string& what, const std::string& fileName)
{
    std::ofstream probe(fileName, std::ios::out | std::ios::app);
    if (!probe)
    {
        ThrowConfigError(what, "'" + fileName + "'", "cannot be opened for writing");
    }
    probe.close();
    return Create<OutputStreamWrapper>(fileName, std::ios::out);
}

/// The rows of a job-path file (EnableJobPaths).
struct JobPathRecorder : public SimpleRefCount<JobPathRecorder>
{
    Ptr<OutputStreamWrapper> stream; ///< the file
    uint32_t layers{0};              ///< layers of the pipeline
    uint32_t sourceNode{0};          ///< the request source's node

    /// One row: the times as exact seconds.
    void Row(uint64_t job,
             uint32_t layer,
             const std::string& node,
             Time arrived,
             Time left,
             Time queue,
             Time batch,
             Time service,
             const std::string& outcome)
    {
        *stream->GetStream() << job << ',' << layer << ',' << node << ','
                             << FormatSeconds(arrived.GetNanoSeconds()) << ','
                             << FormatSeconds(left.GetNanoSeconds()) << ','
                             << FormatSeconds(queue.GetNanoSeconds()) << ','
                             << FormatSeconds(batch.GetNanoSeconds()) << ','
                             << FormatSeconds(service.GetNanoSeconds()) << ',' << outcome << '\n';
    }
};

void
OnBlockCompleted(Ptr<JobPathRecorder> r,
                 uint32_t node,
                 uint64_t job,
                 uint32_t layer,
                 Time arrived,
                 Time service,
                 Time batch)
{
    Time now = Simulator::Now();
    r->Row(job, layer, std::to_string(node), arrived, now, now - arrived - service - batch, batch,
           service, "served");
}

void
OnPathCompleted(Ptr<JobPathRecorder> r, uint64_t job, Time /* latency */)
{
    Time now = Simulator::Now();
    r->Row(job, r->layers, std::to_string(r->sourceNode), now, now, Time(0), Time(0), Time(0),
           "completed");
}

void
OnPathDropped(Ptr<JobPathRecorder> r, uint64_t job, uint32_t layer, uint32_t reason)
{
    Time now = Simulator::Now();
    r->Row(job, layer, "", now, now, Time(0), Time(0), Time(0),
           "dropped:" + JobDropReasons::DropReasonName(static_cast<JobDropReasons::DropReason>(reason)));
}

} // namespace

LlmEdgeTraceHelper::LlmEdgeTraceHelper()
    : m_interval(Seconds(0))
{
}

void
LlmEdgeTraceHelper::SetInterval(Time interval)
{
    if (interval.IsStrictlyNegative())
    {
        ThrowConfigError("LlmEdgeTraceHelper Interval",
                         FormatValue(interval.GetSeconds()) + " s",
                         "must not be negative (0: on change)");
    }
    m_interval = interval;
}

Time
LlmEdgeTraceHelper::GetInterval() const
{
    return m_interval;
}

std::string
LlmEdgeTraceHelper::GetHeader()
{
    return "time_s,node,device,variable,value";
}

uint32_t
LlmEdgeTraceHelper::EnableTimeSeries(const std::string& fileName, NodeContainer nodes) const
{
    return EnableTimeSeries(OpenOutput("time-series file", fileName), nodes);
}

uint32_t
LlmEdgeTraceHelper::EnableTimeSeries(Ptr<OutputStreamWrapper> stream, NodeContainer nodes) const
{
    NS_LOG_FUNCTION(this << stream);
    std::ostream& os = *stream->GetStream();
    os << GetHeader() << '\n' << std::setprecision(15);
    Ptr<TimeSeriesRecorder> r = Create<TimeSeriesRecorder>(stream, m_interval);
    uint32_t n = 0;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<OrinDeviceHolder> holder = (*it)->GetObject<OrinDeviceHolder>();
        if (!holder || !holder->GetDevice())
        {
            continue;
        }
        Ptr<EnergyHarvestingOrinDevice> d = holder->GetDevice();
        TimeSeriesRecorder::Series x{};
        x.node = (*it)->GetId();
        x.device = n++;
        x.capacityJ = d->GetBattery()->GetCapacityJ();
        x.slot = d->GetHarvester() ? d->GetHarvester()->GetSlotDuration() : Seconds(0);
        uint32_t s = r->Add(x);
        std::ostringstream base;
        base << "/NodeList/" << x.node << "/$ns3::llmedge::OrinDeviceHolder/Device/";
        const std::string p = base.str();
        Config::ConnectWithoutContext(p + "Battery/RemainingEnergy",
                                      MakeBoundCallback(&OnRemainingEnergy, r, s));
        Config::ConnectWithoutContext(p + "PowerMode", MakeBoundCallback(&OnPowerMode, r, s));
        Config::ConnectWithoutContext(p + "State", MakeBoundCallback(&OnState, r, s));
        Config::ConnectWithoutContext(p + "PowerSaving", MakeBoundCallback(&OnPowerSaving, r, s));
        Config::ConnectWithoutContext(p + "JobCompleted", MakeBoundCallback(&OnJobCompleted, r, s));
        Config::ConnectWithoutContext(p + "JobRefused", MakeBoundCallback(&OnJobRefused, r, s));
        // A device may have no harvester.
        Config::ConnectWithoutContextFailSafe(p + "Harvester/SlotEnergy",
                                              MakeBoundCallback(&OnSlotEnergy, r, s));
    }
    // After the nodes' initialization (scheduled when they were created).
    Simulator::ScheduleNow(&TimeSeriesRecorder::Start, r);
    Simulator::ScheduleDestroy(&TimeSeriesRecorder::Flush, r);
    return n;
}

uint32_t
LlmEdgeTraceHelper::EnableTimeSeriesAll(const std::string& fileName) const
{
    return EnableTimeSeries(fileName, NodeContainer::GetGlobal());
}

} // namespace llmedge
} // namespace ns3

namespace ns3
{
namespace llmedge
{

std::string
LlmEdgeTraceHelper::GetJobPathHeader()
{
    return "job_id,layer,node,arrived_s,left_s,queue_wait_s,batch_wait_s,service_s,outcome";
}

void
LlmEdgeTraceHelper::EnableJobPaths(const std::string& fileName,
                                   Ptr<InferencePipeline> pipeline) const
{
    EnableJobPaths(OpenOutput("job-path file", fileName), pipeline);
}

void
LlmEdgeTraceHelper::EnableJobPaths(Ptr<OutputStreamWrapper> stream,
                                   Ptr<InferencePipeline> pipeline) const
{
    NS_LOG_FUNCTION(this << stream << pipeline);
    NS_ABORT_MSG_IF(!pipeline || !pipeline->GetSource(),
                    "LlmEdgeTraceHelper::EnableJobPaths: a pipeline with its source, please");
    *stream->GetStream() << GetJobPathHeader() << '\n';
    Ptr<JobPathRecorder> r = Create<JobPathRecorder>();
    r->stream = stream;
    r->layers = pipeline->GetNLayers();
    r->sourceNode = pipeline->GetSource()->GetNode()->GetId();
    for (uint32_t l = 0; l < pipeline->GetNLayers(); ++l)
    {
        for (const auto& app : pipeline->GetLayer(l))
        {
            app->TraceConnectWithoutContext(
                "BlockCompleted",
                MakeBoundCallback(&OnBlockCompleted, r, app->GetNode()->GetId()));
        }
    }
    pipeline->TraceConnectWithoutContext("Completed", MakeBoundCallback(&OnPathCompleted, r));
    pipeline->TraceConnectWithoutContext("Dropped", MakeBoundCallback(&OnPathDropped, r));
}

} // namespace llmedge
} // namespace ns3
