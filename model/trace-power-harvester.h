/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_TRACE_POWER_HARVESTER_H
#define LLM_EDGE_TRACE_POWER_HARVESTER_H

#include "ns3/power-trace.h"
#include "slot-energy-harvester.h"

#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Harvest from a CSV trace of time (s) and power (W), e.g. an hourly
 * PV export (PVGIS "P", PVWatts "AC System Output") converted to seconds.
 *
 * The energy of a slot is the exact integral of the piecewise-constant trace
 * over the slot; in continuous accounting the slot's average power is
 * delivered during the slot.
 */
class TracePowerHarvester : public SlotEnergyHarvester
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TracePowerHarvester();
    ~TracePowerHarvester() override;

    /// \return the loaded trace (loads it on first use)
    const PowerTrace& GetTrace();

  private:
    double DoDrawSlotEnergyJ(uint64_t slot, double startS, double lengthS) override;

    std::string m_file;        ///< attribute TraceFile
    std::string m_timeColumn;  ///< attribute TimeColumn
    std::string m_powerColumn; ///< attribute PowerColumn
    double m_scale;            ///< attribute PowerScale
    Time m_period;             ///< attribute RepeatPeriod
    std::string m_format;      ///< attribute TraceFormat
    double m_areaM2{0};        ///< attribute PanelAreaM2
    double m_efficiency{0.2};  ///< attribute PanelEfficiency
    double m_ratedW{0};        ///< attribute RatedPowerW
    bool m_loaded{false};      ///< trace loaded
    PowerTrace m_trace;        ///< the trace
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_TRACE_POWER_HARVESTER_H */
