/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_SEMI_MARKOV_SCHEDULER_H
#define LLM_EDGE_SEMI_MARKOV_SCHEDULER_H

#include "energy-harvesting-orin-device.h"
#include "layer-draw-index.h"
#include "ns3/harvest-pmf.h"
#include "inference-policy.h"
#include "ns3/rate-limit.h"

#include "ns3/random-variable-stream.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Picks the device of a layer that runs a job's next block (paper
 * Sec. IV; Algorithm 1). Not an ns3::Scheduler (the event scheduler).
 *
 * Layers are groups of devices holding the same blocks. Among the devices of
 * a layer that are available now (active, with a free pending slot) it draws
 * one with probability proportional to a weight:
 * - "uniform": equal weights;
 * - "long-term" (Eq. 6): r_i = qlim_i / sum_j qlim_j, each device's qlim
 *   (Eq. 5) from its own semi-Markov chain, computed once and cached;
 * - "adaptive" (Algorithm 1): the long-term weights, with the weight of each
 *   device currently in its critical (lowest-battery) power mode multiplied
 *   by z = alpha / N_l, alpha defaulting to the number of the layer's devices
 *   in that mode.
 * Weights are renormalized over the available devices; with none available
 * Select returns null (the caller drops the job).
 *
 * A device's harvest pmf comes from its RandomSlotHarvester when that draws
 * from a UniformRandomVariable or ConstantRandomVariable; otherwise set it
 * with SetHarvestPmf.
 *
 * A layer of at least IndexedDrawThreshold devices, whose state the router
 * knows now (no beacons), is drawn through a LayerDrawIndex: O(log N) per
 * decision instead of a scan, the same distribution but not the same device
 * for a given random number.
 *
 * As an InferencePolicy it decides among the candidates the pipeline hands
 * it; AddLayer, Select and GetProbabilities use it on its own (no pipeline),
 * with the same arithmetic and the same random draws.
 */
class SemiMarkovScheduler : public InferencePolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    SemiMarkovScheduler();
    ~SemiMarkovScheduler() override;

    /**
     * \brief Keep a layer for Select and GetProbabilities (use without a
     * pipeline; a pipeline hands its layers with each decision instead).
     * \param devices the devices of the layer (in order)
     * \return the layer's index
     */
    uint32_t AddLayer(const std::vector<Ptr<EnergyHarvestingOrinDevice>>& devices);

    /// \return number of layers
    uint32_t GetNLayers() const;

    /// \param layer a layer \return its devices
    const std::vector<Ptr<EnergyHarvestingOrinDevice>>& GetLayer(uint32_t layer) const;

    /**
     * \brief Draw the device for a job's block in \p layer.
     * \param layer the layer
     * \return the device, or null when none is available
     */
    Ptr<EnergyHarvestingOrinDevice> Select(uint32_t layer);

    /**
     * \param layer the layer
     * \return the current selection probabilities of its devices (0 for the
     *         unavailable ones; all 0 when none is available)
     */
    std::vector<double> GetProbabilities(uint32_t layer);

    /**
     * \param device a device of a layer
     * \return its Eq. 5 limits (computed on first use, then cached)
     */
    const RateLimit& GetRateLimit(Ptr<EnergyHarvestingOrinDevice> device);

    /**
     * \brief Give the harvest pmf of a device explicitly.
     * \param device the device
     * \param pmf its per-slot harvest pmf
     */
    void SetHarvestPmf(Ptr<EnergyHarvestingOrinDevice> device, const HarvestPmf& pmf);

    /// \return the policy name
    const std::string& GetPolicy() const;

    /**
     * \param stream first stream index
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream) override;

  protected:
    uint32_t DoRoute(const RoutingRequest& request) override;

  private:
    /// The devices of a layer.
    typedef std::vector<Ptr<EnergyHarvestingOrinDevice>> Devices;

    void DoInitialize() override;
    void DoDispose() override;
    HarvestPmf PmfOf(Ptr<EnergyHarvestingOrinDevice> device) const;
    /// \param devices a layer \param known what the router knows of them
    /// (null: their state now) \return the policy's weights of its devices
    std::vector<double> Weights(const Devices& devices, const RoutingRequest* known);
    /// \param devices a layer \param known as for Weights
    /// \return selection probabilities (see GetProbabilities)
    std::vector<double> Probabilities(const Devices& devices, const RoutingRequest* known);
    /// \param devices a layer \param known as for Weights
    /// \return the index drawn, or NO_CANDIDATE (one draw always)
    uint32_t Draw(const Devices& devices, const RoutingRequest* known);
    /// \brief Check the Policy attribute (before the first decision).
    void CheckPolicy() const;
    /// \param request a decision over a large layer, state known now
    /// \return the index of a LayerDrawIndex of request's layer, kept up to date
    LayerDrawIndex& IndexOf(const RoutingRequest& request);

    std::string m_policy;          ///< attribute Policy
    double m_riskLimit;            ///< attribute RiskLimit
    double m_unitJ;                ///< attribute EnergyUnitJ
    double m_ethFraction;          ///< attribute RiskThresholdFraction
    double m_alpha;                ///< attribute Alpha
    Ptr<UniformRandomVariable> m_rng; ///< draws
    std::vector<Devices> m_layers;  ///< layers kept by AddLayer (use without a pipeline)
    Devices m_candidates;           ///< the candidates of the decision in progress (reused)
    uint32_t m_indexThreshold;      ///< attribute IndexedDrawThreshold
    std::vector<Ptr<LayerDrawIndex>> m_indexes; ///< by layer, built on first use
    std::map<EnergyHarvestingOrinDevice*, HarvestPmf> m_pmfs;   ///< explicit pmfs
    std::map<EnergyHarvestingOrinDevice*, RateLimit> m_limits;  ///< cached limits
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_SEMI_MARKOV_SCHEDULER_H */
