/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "device-spec.h"

#include "config-error.h"

#include <cmath>

namespace ns3
{
namespace llmedge
{

DeviceSpec
DeviceSpec::Build(double capacityJ,
                  double slotS,
                  double lowFraction,
                  double highFraction,
                  const ModeInputs& modes)
{
    DeviceSpec spec;
    spec.capacityJ = capacityJ;
    spec.slotS = slotS;
    spec.lowFraction = lowFraction;
    spec.highFraction = highFraction;
    spec.modes = modes.file.empty() ? PowerModeTable::FromPreset(modes.preset)
                                    : PowerModeTable::LoadCsv(modes.file);
    spec.policy = PowerModePolicy::Parse(modes.powerMode, modes.thresholds, spec.modes);
    spec.Validate();
    return spec;
}

std::vector<double>
DeviceSpec::GetChainKey() const
{
    std::vector<double> k = {capacityJ, lowFraction, highFraction, slotS,
                             policy.IsDynamic() ? 1.0 : 0.0};
    for (const auto& step : policy.GetSteps())
    {
        k.push_back(step.fromFraction);
        k.push_back(static_cast<double>(step.mode));
    }
    for (const auto& m : modes.GetModes())
    {
        k.insert(k.end(), {m.timePerJobS, m.energyPerJobJ, m.idlePowerW, m.savingPowerW});
    }
    return k;
}

void
DeviceSpec::Validate() const
{
    if (!(capacityJ > 0 && capacityJ <= kMaxEnergyJ))
    {
        ThrowConfigError("CapacityJ",
                         FormatValue(capacityJ),
                         "must lie in (0, " + FormatValue(kMaxEnergyJ) + "] J");
    }
    if (!(slotS > 0 && slotS <= kMaxTimeS))
    {
        ThrowConfigError("SlotDuration",
                         FormatValue(slotS) + " s",
                         "must lie in (0, " + FormatValue(kMaxTimeS) + "] s");
    }
    if (!(lowFraction >= 0 && lowFraction < 1))
    {
        ThrowConfigError("LowThresholdFraction", FormatValue(lowFraction), "must lie in [0, 1)");
    }
    if (!(highFraction > 0 && highFraction <= 1))
    {
        ThrowConfigError("HighThresholdFraction", FormatValue(highFraction), "must lie in (0, 1]");
    }
    if (!(lowFraction < highFraction))
    {
        ThrowConfigError("LowThresholdFraction/HighThresholdFraction",
                         FormatValue(lowFraction) + " >= " + FormatValue(highFraction),
                         "Elow must be below Ehigh (hysteresis)");
    }
    if (modes.GetN() == 0)
    {
        throw ConfigError("the device has no power-mode table");
    }
    for (const auto& m : modes.GetModes())
    {
        m.GetSlotsPerJob(slotS); // a job of at most kMaxSlotsPerJob slots
    }
    for (const auto& s : policy.GetSteps())
    {
        if (s.mode >= modes.GetN())
        {
            ThrowConfigError("PowerMode", FormatValue(s.mode), "mode index outside the table");
        }
    }
}

} // namespace llmedge
} // namespace ns3
