/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_LLM_EDGE_TRACE_HELPER_H
#define LLM_EDGE_LLM_EDGE_TRACE_HELPER_H

#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/ptr.h"

#include <string>

namespace ns3
{
namespace llmedge
{

class InferencePipeline;

/**
 * \ingroup llm-edge
 * \brief Records the devices' state over time to a tidy (long) CSV, in the
 * manner of ns-3's AsciiTraceHelper: one call per file, driven by the trace
 * sources, reached through their Config paths
 * (/NodeList/[i]/$ns3::llmedge::OrinDeviceHolder/Device/...).
 *
 * Columns: time_s,node,device,variable,value. One row per (time, device,
 * variable); `node` is the node id, `device` the device's position among
 * the devices recorded to that file (0, 1, ... in the order of the nodes
 * given). Variables:
 * - levels: battery_j (stored energy, J), battery_fraction (stored energy /
 *   capacity), mode (index of the power mode in the device's table), state
 *   (0 idle, 1 busy, 2 power saving), power_saving (1 in power saving, else
 *   0). With Interval 0 (the default) a level is written when its value
 *   changes (and once at the start); with Interval > 0 every level of every
 *   device is written at the start and every Interval after it (the value
 *   last traced: battery_j is the battery's RemainingEnergy as of its last
 *   update).
 * - events, written when they happen whatever the Interval: harvest_j (energy
 *   harvested in a slot, J; time_s is the start of that slot, so these rows
 *   may come after rows of later times), job_completed (value: the job's
 *   service time, s), job_refused (value: the Refusal reason, 0 power saving,
 *   1 queue full, 2 depleted).
 *
 * Rows are written as the simulation runs and flushed at Simulator::Destroy.
 * With Interval > 0 the sampling never stops by itself: end the run with
 * Simulator::Stop.
 */
class LlmEdgeTraceHelper
{
  public:
    LlmEdgeTraceHelper();

    /**
     * \param interval sampling period of the levels; 0: write a level when it
     *        changes (default). Must not be negative.
     */
    void SetInterval(Time interval);
    /// \return the sampling period (0: on change)
    Time GetInterval() const;

    /**
     * \brief Record the devices of \p nodes to a new file (header written now).
     * Nodes without an EnergyHarvestingOrinDevice installed by
     * EnergyHarvestingOrinDeviceHelper (a request source, a router) are skipped.
     * \param fileName the CSV file; a ConfigError if it cannot be written
     * \param nodes the nodes
     * \return the number of devices recorded
     */
    uint32_t EnableTimeSeries(const std::string& fileName, NodeContainer nodes) const;

    /**
     * \brief As above, to a stream (ns-3's AsciiTraceHelper::CreateFileStream
     * makes one).
     * \param stream the stream; the header is written now
     * \param nodes the nodes
     * \return the number of devices recorded
     */
    uint32_t EnableTimeSeries(Ptr<OutputStreamWrapper> stream, NodeContainer nodes) const;

    /**
     * \brief Record every node's device (NodeContainer::GetGlobal()).
     * \param fileName the CSV file
     * \return the number of devices recorded
     */
    uint32_t EnableTimeSeriesAll(const std::string& fileName) const;

    /// \return the header line, without newline: "time_s,node,device,variable,value"
    static std::string GetHeader();

    /**
     * \brief Record each job's path through \p pipeline to a new file
     * (header written now), one row per event of a job:
     * - a block it ran: layer, node, arrived_s (at that node), left_s (block
     *   done), queue_wait_s, batch_wait_s, service_s, outcome "served";
     * - its end: "completed" (layer = number of layers, node = the source's,
     *   at the time the result arrived) or "dropped:<reason>" (the layer it
     *   was dropped at, node empty).
     * Times are exact seconds. The network time of the hop into layer l is
     * arrived_s(l) - left_s(l - 1) (from the job's creation for l = 0, not
     * recorded here). Driven by the trace sources
     * LlmBlockApplication::BlockCompleted and InferencePipeline::Completed
     * and Dropped.
     * \param fileName the CSV file; a ConfigError if it cannot be written
     * \param pipeline the pipeline (its layers and source installed)
     */
    void EnableJobPaths(const std::string& fileName, Ptr<InferencePipeline> pipeline) const;

    /**
     * \brief As above, to a stream.
     * \param stream the stream; the header is written now
     * \param pipeline the pipeline
     */
    void EnableJobPaths(Ptr<OutputStreamWrapper> stream, Ptr<InferencePipeline> pipeline) const;

    /// \return the job-path header line, without newline
    static std::string GetJobPathHeader();

  private:
    Time m_interval; ///< sampling period, 0: on change
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_LLM_EDGE_TRACE_HELPER_H */
