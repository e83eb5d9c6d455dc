/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "layer-draw-index.h"

#include "ns3/assert.h"

namespace ns3
{
namespace llmedge
{

LayerDrawIndex::LayerDrawIndex(const std::vector<Ptr<EnergyHarvestingOrinDevice>>& devices,
                               const std::vector<double>& weights,
                               const std::vector<uint32_t>& criticalModes)
    : m_devices(devices),
      m_weights(weights),
      m_criticalModes(criticalModes),
      m_critical(devices.size(), false),
      m_normal(devices.size()),
      m_criticalWeights(devices.size()),
      m_available(devices.size())
{
    NS_ASSERT(weights.size() == devices.size());
    NS_ASSERT(criticalModes.empty() || criticalModes.size() == devices.size());
    for (uint32_t i = 0; i < m_devices.size(); ++i)
    {
        m_availableSinks.push_back(MakeBoundCallback(&LayerDrawIndex::OnAvailable, this, i));
        m_devices[i]->TraceConnectWithoutContext("Available", m_availableSinks.back());
        if (!m_criticalModes.empty())
        {
            m_modeSinks.push_back(MakeBoundCallback(&LayerDrawIndex::OnMode, this, i));
            m_devices[i]->TraceConnectWithoutContext("PowerMode", m_modeSinks.back());
        }
        Refresh(i, m_devices[i]->GetCurrentModeIndex());
    }
}

LayerDrawIndex::~LayerDrawIndex()
{
    for (uint32_t i = 0; i < m_devices.size(); ++i)
    {
        m_devices[i]->TraceDisconnectWithoutContext("Available", m_availableSinks[i]);
        if (!m_modeSinks.empty())
        {
            m_devices[i]->TraceDisconnectWithoutContext("PowerMode", m_modeSinks[i]);
        }
    }
}

std::size_t
LayerDrawIndex::Size() const
{
    return m_devices.size();
}

Ptr<EnergyHarvestingOrinDevice>
LayerDrawIndex::Device(std::size_t i) const
{
    return m_devices.at(i);
}

void
LayerDrawIndex::Refresh(uint32_t i, std::size_t mode)
{
    const auto& d = m_devices[i];
    bool available = d->IsAvailable();
    bool critical = !m_criticalModes.empty() && mode == m_criticalModes[i];
    if (critical != m_critical[i])
    {
        m_critical[i] = critical;
        critical ? ++m_nCritical : --m_nCritical;
    }
    double w = available ? m_weights[i] : 0.0;
    m_normal.Set(i, critical ? 0.0 : w);
    m_criticalWeights.Set(i, critical ? w : 0.0);
    m_available.Set(i, available ? 1.0 : 0.0);
}

void
LayerDrawIndex::OnAvailable(LayerDrawIndex* self, uint32_t i, bool, bool)
{
    self->Refresh(i, self->m_devices[i]->GetCurrentModeIndex());
}

void
LayerDrawIndex::OnMode(LayerDrawIndex* self, uint32_t i, uint32_t, uint32_t mode)
{
    // A TracedValue calls its sinks before it stores the new value.
    self->Refresh(i, mode);
}

std::size_t
LayerDrawIndex::Draw(double u, double alpha) const
{
    double z = (alpha >= 0 ? alpha : m_nCritical) / static_cast<double>(m_devices.size());
    double normal = m_normal.Total();
    double total = normal + z * m_criticalWeights.Total();
    std::size_t i;
    if (total > 0)
    {
        double target = u * total;
        i = target < normal || z <= 0 ? m_devices.size()
                                      : m_criticalWeights.Find((target - normal) / z);
        if (i == m_devices.size())
        {
            i = m_normal.Find(target); // past the end by rounding: its last device
        }
    }
    else
    {
        // Available devices whose weights are all 0: uniformly among them.
        i = m_available.Find(u * m_available.Total());
    }
    NS_ASSERT_MSG(i == m_devices.size() || m_devices[i]->IsAvailable(),
                  "LayerDrawIndex: device " << i << " drawn but not available");
    return i;
}

} // namespace llmedge
} // namespace ns3
