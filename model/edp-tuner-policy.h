/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_EDP_TUNER_POLICY_H
#define LLM_EDGE_EDP_TUNER_POLICY_H

#include "ns3/bandit-tuner.h"
#include "ns3/config-surface.h"
#include "inference-policy.h"

#include "ns3/random-variable-stream.h"

#include <memory>
#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Energy-delay tuning of GPU frequency x batch size (the Camel
 * paper) behind the policy seam: before each batch the device asks Tune for
 * an arm of its configuration surface; after it, Observe hands the measured
 * energy and latency per request, turned into the cost
 * a x E / E_default + (1 - a) x L / L_default.
 *
 * Tuner: "thompson" (the paper's hierarchical Gaussian), "ucb1",
 * "epsilon-greedy", "grid-search" (each arm PullsPerArm times, then the
 * best), "default" (maximum frequency, maximum batch) or "oracle" (knows the
 * true surface). SurfaceFile "power-modes" makes the arms the power modes of
 * the device it tunes (arm i = mode i, batch 1; EnergyHarvestingOrinDevice's
 * Tuner attribute): the tuner then chooses each job's mode from the energy
 * and service time the device measured. EnergyWeightAtEmpty >= 0 makes the
 * tuner battery-aware: the energy weight of each observation is
 * a(f) = a_empty + (a - a_empty) f at the device's battery fraction f, so
 * energy counts more as the battery falls. The arithmetic is the pure core's (BanditTuner and its
 * subclasses, ConfigSurface); this class adds the attributes, ns-3's random
 * streams and the seam.
 */
class EdpTunerPolicy : public InferencePolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    EdpTunerPolicy();
    ~EdpTunerPolicy() override;

    uint32_t GetNArms() const override;
    int64_t AssignStreams(int64_t stream) override;

    /// \return the configuration surface (loaded on first use)
    const ConfigSurface& GetSurface() const;
    /// \return the cost options (weight, arrival rate, normalization)
    CostOptions GetCostOptions() const;
    /// \return the core tuner (built on first use)
    const BanditTuner& GetTuner() const;

  protected:
    uint32_t DoTune(const TuningRequest& request) override;
    void DoObserve(const Outcome& outcome) override;

  private:
    void DoInitialize() override;
    /// \brief Load the surface and build the tuner from the attributes (once).
    /// \param device the tuned device (for SurfaceFile "power-modes"; may be null otherwise)
    void Build(Ptr<EnergyHarvestingOrinDevice> device = nullptr) const;

    std::string m_tunerName;     ///< attribute Tuner
    std::string m_surfaceFile;   ///< attribute SurfaceFile
    std::string m_deviceKind;    ///< attribute DeviceKind
    std::string m_model;         ///< attribute ModelName
    double m_energyWeight;       ///< attribute EnergyWeight
    double m_arrivalRate;        ///< attribute ArrivalRate
    std::string m_normalization; ///< attribute Normalization
    uint32_t m_pullsPerArm;      ///< attribute PullsPerArm
    double m_epsilon;            ///< attribute Epsilon
    double m_ucbScale;           ///< attribute UcbScale
    double m_weightAtEmpty;      ///< attribute EnergyWeightAtEmpty (< 0: off)

    mutable std::unique_ptr<ConfigSurface> m_surface; ///< loaded on first use
    mutable std::unique_ptr<BanditTuner> m_tuner;     ///< built on first use
    Ptr<NormalRandomVariable> m_normal;               ///< Thompson's draws
    Ptr<UniformRandomVariable> m_uniform;             ///< epsilon-greedy's draws
    RandomDraws m_draws;                              ///< the two, for the core
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_EDP_TUNER_POLICY_H */
