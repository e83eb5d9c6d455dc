/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "battery-ledger.h"

#include "config-error.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace llmedge
{

BatteryLedger::BatteryLedger(double capacityJ, double initialJ)
{
    if (!(capacityJ > 0) || !std::isfinite(capacityJ))
    {
        ThrowConfigError("CapacityJ", FormatValue(capacityJ), "must be a finite number > 0");
    }
    if (!(initialJ >= 0 && initialJ <= capacityJ))
    {
        ThrowConfigError("initial energy", FormatValue(initialJ) + " J",
                         "must lie in [0, CapacityJ = " + FormatValue(capacityJ) + " J]");
    }
    m_capacityJ = capacityJ;
    m_initialJ = initialJ;
    m_energyJ = initialJ;
}

void
BatteryLedger::CheckFlows(double harvestJ, double drawJ)
{
    if (!(harvestJ >= 0) || !std::isfinite(harvestJ))
    {
        ThrowConfigError("harvested energy", FormatValue(harvestJ) + " J", "must be finite and >= 0");
    }
    if (!(drawJ >= 0) || !std::isfinite(drawJ))
    {
        ThrowConfigError("drawn energy", FormatValue(drawJ) + " J", "must be finite and >= 0");
    }
}

BatteryLedger::Outcome
BatteryLedger::Apply(double harvestJ, double drawJ)
{
    CheckFlows(harvestJ, drawJ);
    return Settle(harvestJ, drawJ, m_energyJ + harvestJ - drawJ, 0.0);
}

BatteryLedger::Outcome
BatteryLedger::ApplyWithGrid(double harvestJ, double drawJ, double floorJ, bool useLocal)
{
    CheckFlows(harvestJ, drawJ);
    if (!(floorJ >= 0))
    {
        ThrowConfigError("battery floor", FormatValue(floorJ) + " J", "must be >= 0");
    }
    double local = 0;
    if (useLocal)
    {
        local = std::min(drawJ, harvestJ + std::max(m_energyJ - floorJ, 0.0));
    }
    double raw = m_energyJ + harvestJ - local;
    if (raw < 0) // rounding only: local <= harvest + energy
    {
        local = m_energyJ + harvestJ;
        raw = 0;
    }
    return Settle(harvestJ, drawJ, raw, drawJ - local);
}

BatteryLedger::Outcome
BatteryLedger::Settle(double harvestJ, double drawJ, double raw, double gridJ)
{
    Outcome out;
    out.gridJ = gridJ;
    double consumed = drawJ;
    if (raw > m_capacityJ)
    {
        out.spilledJ = raw - m_capacityJ;
        m_energyJ = m_capacityJ;
    }
    else if (raw < 0)
    {
        out.unmetJ = -raw;
        consumed = drawJ - out.unmetJ;
        m_energyJ = 0;
    }
    else
    {
        m_energyJ = raw;
    }
    m_harvestedJ.Add(harvestJ);
    m_consumedJ.Add(consumed);
    m_spilledJ.Add(out.spilledJ);
    m_unmetJ.Add(out.unmetJ);
    m_gridJ.Add(gridJ);
    return out;
}

} // namespace llmedge
} // namespace ns3
