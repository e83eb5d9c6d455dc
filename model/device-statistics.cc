/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "device-statistics.h"

namespace ns3
{
namespace llmedge
{

void
DeviceStatistics::Reset(Time now, double energyJ)
{
    *this = DeviceStatistics();
    startTime = now;
    lastEnergySample = now;
    lastEnergyJ = energyJ;
}

void
DeviceStatistics::EnterSaving(Time now)
{
    ++savingEntries;
    savingSince = now;
}

void
DeviceStatistics::LeaveSaving(Time now)
{
    savingTime += now - savingSince;
}

Time
DeviceStatistics::GetSavingTime(Time now, bool saving) const
{
    return saving ? savingTime + (now - savingSince) : savingTime;
}

void
DeviceStatistics::AddEnergySample(Time now, double oldJ, double newJ, bool held)
{
    // In time steps (integer, exact and cheap); converted to seconds on read.
    double dt = static_cast<double>((now - lastEnergySample).GetTimeStep());
    energyIntegralJs += held ? oldJ * dt : 0.5 * (oldJ + newJ) * dt;
    lastEnergySample = now;
    lastEnergyJ = newJ;
}

double
DeviceStatistics::GetAverageEnergyJ(Time now, double energyJ, bool held) const
{
    double e = held ? lastEnergyJ : energyJ;
    double total = (now - startTime).GetSeconds();
    if (total <= 0)
    {
        return e;
    }
    double tail = static_cast<double>((now - lastEnergySample).GetTimeStep());
    double tailJs = held ? lastEnergyJ * tail : 0.5 * (lastEnergyJ + e) * tail;
    return (energyIntegralJs + tailJs) * TimeStep(1).GetSeconds() / total;
}

} // namespace llmedge
} // namespace ns3
