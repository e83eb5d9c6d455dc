/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "power-mode-policy.h"

#include "config-error.h"
#include "csv-table.h"

#include <cmath>
#include <sstream>

namespace ns3
{
namespace llmedge
{

PowerModePolicy
PowerModePolicy::Fixed(std::size_t mode)
{
    PowerModePolicy p;
    p.m_steps = {{0.0, mode}};
    p.m_dynamic = false;
    return p;
}

PowerModePolicy
PowerModePolicy::Dynamic(std::vector<Step> steps)
{
    if (steps.empty())
    {
        ThrowConfigError("DynamicThresholds", "''", "needs at least one fraction:mode step");
    }
    if (steps.front().fromFraction != 0.0)
    {
        ThrowConfigError("DynamicThresholds", FormatValue(steps.front().fromFraction),
                         "the first threshold must be 0 so that every battery level has a mode");
    }
    for (std::size_t i = 0; i < steps.size(); ++i)
    {
        double f = steps[i].fromFraction;
        if (!(f >= 0.0 && f <= 1.0))
        {
            ThrowConfigError("DynamicThresholds", FormatValue(f), "thresholds must lie in [0, 1]");
        }
        if (i > 0 && !(f > steps[i - 1].fromFraction))
        {
            ThrowConfigError("DynamicThresholds",
                             FormatValue(steps[i - 1].fromFraction) + " then " + FormatValue(f),
                             "thresholds must be strictly increasing");
        }
    }
    PowerModePolicy p;
    p.m_steps = std::move(steps);
    p.m_dynamic = true;
    return p;
}

PowerModePolicy
PowerModePolicy::Parse(const std::string& powerMode,
                       const std::string& thresholds,
                       const PowerModeTable& table)
{
    if (powerMode != "dynamic")
    {
        return Fixed(table.IndexOf(powerMode, "PowerMode"));
    }
    std::vector<Step> steps;
    std::stringstream ss(thresholds);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        auto colon = item.find(':');
        if (colon == std::string::npos)
        {
            ThrowConfigError("DynamicThresholds", "'" + item + "'",
                             "each step must be fraction:mode, e.g. 0.4:30W");
        }
        double f = 0;
        if (!ParseFiniteDouble(item.substr(0, colon), f))
        {
            ThrowConfigError("DynamicThresholds", "'" + item.substr(0, colon) + "'",
                             "the fraction is not a number");
        }
        std::string name = item.substr(colon + 1);
        while (!name.empty() && name.front() == ' ')
        {
            name.erase(name.begin());
        }
        steps.push_back({f, table.IndexOf(name, "DynamicThresholds")});
    }
    return Dynamic(std::move(steps));
}

std::size_t
PowerModePolicy::Select(double energyFraction) const
{
    std::size_t mode = m_steps.front().mode;
    for (const auto& s : m_steps)
    {
        if (energyFraction >= s.fromFraction)
        {
            mode = s.mode;
        }
    }
    return mode;
}

bool
PowerModePolicy::IsDynamic() const
{
    return m_dynamic;
}

const std::vector<PowerModePolicy::Step>&
PowerModePolicy::GetSteps() const
{
    return m_steps;
}

std::string
PowerModePolicy::Describe(const PowerModeTable& table) const
{
    if (!m_dynamic)
    {
        return "fixed:" + table.Get(m_steps.front().mode).name;
    }
    std::string d = "dynamic:";
    for (std::size_t i = 0; i < m_steps.size(); ++i)
    {
        d += (i ? "," : "") + FormatValue(m_steps[i].fromFraction) + ":" +
             table.Get(m_steps[i].mode).name;
    }
    return d;
}

} // namespace llmedge
} // namespace ns3
