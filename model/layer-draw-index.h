/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_LAYER_DRAW_INDEX_H
#define LLM_EDGE_LAYER_DRAW_INDEX_H

#include "energy-harvesting-orin-device.h"

#include "ns3/callback.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"
#include "ns3/weighted-index.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The draw of SemiMarkovScheduler over a large layer in O(log N):
 * each device's weight, kept up to date by its Available and PowerMode trace
 * sources instead of read by a scan at every decision.
 *
 * It draws from the distribution of SemiMarkovScheduler's scan (weight w_i
 * of an available device, times z = alpha / N for one in its critical mode
 * under "adaptive"; uniformly among the available devices when all their
 * weights are 0), but maps the random number to devices in another order
 * (the non-critical devices first), so a given number may pick another
 * device than the scan would.
 */
class LayerDrawIndex : public SimpleRefCount<LayerDrawIndex>
{
  public:
    /**
     * \param devices the layer, in order
     * \param weights w_i, one per device (finite, >= 0)
     * \param criticalModes the critical power-mode index of each device, or
     *        empty when criticality does not matter (not "adaptive")
     */
    LayerDrawIndex(const std::vector<Ptr<EnergyHarvestingOrinDevice>>& devices,
                   const std::vector<double>& weights,
                   const std::vector<uint32_t>& criticalModes);
    /// Disconnects from the devices' trace sources.
    ~LayerDrawIndex();

    LayerDrawIndex(const LayerDrawIndex&) = delete;
    LayerDrawIndex& operator=(const LayerDrawIndex&) = delete;

    /// \return the number of devices
    std::size_t Size() const;

    /// \param i a device's place \return that device
    Ptr<EnergyHarvestingOrinDevice> Device(std::size_t i) const;

    /**
     * \param u a uniform number in [0, 1)
     * \param alpha Algorithm 1's alpha (negative: the number of devices in
     *        their critical mode); unused without critical modes
     * \return the device's place, or Size() when none is available
     */
    std::size_t Draw(double u, double alpha) const;

  private:
    /// \brief Bring device i's entries up to date. \param i its place
    /// \param mode its power-mode index
    void Refresh(uint32_t i, std::size_t mode);
    /// Trace sink of a device's Available. \param self the index \param i the place
    static void OnAvailable(LayerDrawIndex* self, uint32_t i, bool, bool);
    /// Trace sink of a device's PowerMode. \param self the index \param i the place
    static void OnMode(LayerDrawIndex* self, uint32_t i, uint32_t, uint32_t);

    std::vector<Ptr<EnergyHarvestingOrinDevice>> m_devices; ///< the layer
    std::vector<double> m_weights;                          ///< w_i
    std::vector<uint32_t> m_criticalModes;                  ///< empty: not adaptive
    std::vector<bool> m_critical;      ///< device i is in its critical mode
    uint32_t m_nCritical{0};           ///< devices in their critical mode
    WeightedIndex m_normal;            ///< w_i of available non-critical devices
    WeightedIndex m_criticalWeights;   ///< w_i of available critical devices
    WeightedIndex m_available;         ///< 1 per available device
    std::vector<Callback<void, bool, bool>> m_availableSinks;     ///< to disconnect
    std::vector<Callback<void, uint32_t, uint32_t>> m_modeSinks; ///< to disconnect
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_LAYER_DRAW_INDEX_H */
