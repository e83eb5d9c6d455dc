/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_PAPER_CALIBRATION_H
#define LLM_EDGE_PAPER_CALIBRATION_H

#include "ns3/parameter-fit.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief One experiment of the paper whose unstated parameters can be fitted
 * to the paper's numbers (llm-edge-calibrate): Fig. 2a (one device,
 * simulation), Fig. 2b (q_lim, semi-Markov model) or the stated effects of
 * Figs. 3-4 (3 x 3 network, simulation), for one energy preset.
 *
 * Evaluate always uses the same RngRuns (common random numbers), so the
 * outputs are a deterministic, piecewise smooth function of the parameters.
 */
class CalibrationExperiment
{
  public:
    virtual ~CalibrationExperiment() = default;

    /**
     * \param name fig2a, fig2b or fig34
     * \param preset the power-mode preset (paper-scaled or paper-printed)
     * \return the experiment
     */
    static std::unique_ptr<CalibrationExperiment> Create(const std::string& name,
                                                         const std::string& preset);

    /// \return the experiment names Create accepts
    static std::vector<std::string> GetNames();

    /// \return the parameters, bounds, and the hand-chosen values as start
    virtual std::vector<FitParameter> GetParameters() const = 0;

    /// \return the target ids of the outputs of Evaluate, in order
    virtual std::vector<std::string> GetOutputIds() const = 0;

    /**
     * \param p parameter values
     * \param firstRun first RngRun (ignored by the model-only Fig. 2b)
     * \param replications replications per configuration
     * \param workers worker processes (0: one per core)
     * \return one value per output id
     */
    virtual std::vector<double> Evaluate(const std::vector<double>& p,
                                         uint32_t firstRun,
                                         uint32_t replications,
                                         uint32_t workers) const = 0;

    /**
     * \brief What the model shows about why a target is missed at \p p
     * (e.g. which bound of Eq. 5 binds); "" when nothing specific.
     * \param targetId the target
     * \param p parameter values (usually the closest point found)
     * \return the reason
     */
    virtual std::string Explain(const std::string& targetId, const std::vector<double>& p) const;

    /**
     * \param p parameter values
     * \return the options of the reproduction program (llm-edge-single-device,
     *         llm-edge-fig2b, llm-edge-paper) that run it at \p p
     */
    virtual std::string GetProgramOptions(const std::vector<double>& p) const = 0;

    /// \return whether Evaluate uses random numbers
    virtual bool IsStochastic() const;
};

/**
 * \brief Reads the paper's numbers of one experiment from a CSV with columns
 * experiment,target,value,uncertainty,origin,source, in the order of \p ids.
 * \param path the file
 * \param experiment the experiment name
 * \param ids the target ids wanted
 * \return the targets (weight 1)
 */
std::vector<FitTarget> ReadPaperTargets(const std::string& path,
                                        const std::string& experiment,
                                        const std::vector<std::string>& ids);

/**
 * \brief The stated effects of Figs. 3-4 from the policies' sweeps, computed
 * as llm-edge-plots.py's effects table does.
 */
struct PaperEffects
{
    /// One curve per policy (uniform, long-term, adaptive) over the sweep's x.
    struct Sweep
    {
        std::vector<double> x;                ///< the axis
        std::vector<std::vector<double>> y;   ///< y[policy][i]
    };

    /**
     * \param fig3a power-saving fraction against the mean harvest
     * \param fig3b power-saving fraction against q
     * \param fig4a normalized throughput against the mean harvest
     * \param fig4b jobs dropped against q
     * \return the ten effects, in the order of Ids()
     */
    static std::vector<double> Compute(const Sweep& fig3a,
                                       const Sweep& fig3b,
                                       const Sweep& fig4a,
                                       const Sweep& fig4b);

    /// \return the effect ids (the target ids of data/paper)
    static std::vector<std::string> Ids();
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_PAPER_CALIBRATION_H */
