/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_PAPER_SCENARIO_H
#define LLM_EDGE_PAPER_SCENARIO_H

#include "llm-run-report.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The network experiment of the paper (Sec. V, Figs. 3-4): L layers
 * of N energy-harvesting devices in the dynamic power mode, Bernoulli jobs,
 * the zero-communication baseline, one replication per call.
 *
 * Device j of a layer harvests U[(1 - w) m_j, (1 + w) m_j] per slot with
 * m_j = m (1 - a + 2 a j / (N - 1)): node-specific bounds around the swept
 * mean m (the paper gives no bounds; a = w = 0.5 by default, i.e.
 * U[m_j / 2, 3 m_j / 2] with m_j = m (0.5 + j / (N - 1))).
 */
struct PaperScenario
{
    std::string preset{"paper-scaled"}; ///< power-mode preset
    std::string policy{"long-term"};    ///< scheduler policy
    std::string accounting{"Slotted"};  ///< device accounting
    uint32_t layers{3};                 ///< L
    uint32_t perLayer{3};               ///< N
    uint32_t slots{100};                ///< simulated slots (of the devices' SlotDuration)
    double meanHarvestJ{550};           ///< m, J per slot
    double q{0.3};                      ///< job probability per slot
    double initialFraction{0.5};        ///< initial battery fraction
    double highFraction{0.2};           ///< Ehigh / capacity
    double nodeSpread{0.5};             ///< a of the device means m (1 - a + 2 a j / (N - 1))
    double harvestWidth{0.5};           ///< w of each device's U[(1 - w) m_j, (1 + w) m_j]

    /**
     * \param run the RngRun of this replication
     * \return the run's metrics
     */
    LlmRunReport Run(uint32_t run) const;

    /**
     * \brief Replications firstRun .. firstRun + count - 1 on one set of
     * objects (Slotted accounting): each in its own window of simulated time,
     * with RngRun set and every stream reassigned at its start and every
     * device, battery, application and account reset, so that each equals
     * Run(r) while the ns-3 objects are built once.
     * \param firstRun the first RngRun
     * \param count number of replications
     * \return their metrics, in order
     */
    std::vector<LlmRunReport> RunSeries(uint32_t firstRun, uint32_t count) const;

  private:
    /// \return a deployment of this scenario, streams assigned
    Ptr<InferencePipeline> Build() const;
    /// \return the slot length of the built pipeline's devices \param p the pipeline
    static Time SlotOf(Ptr<InferencePipeline> p);
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_PAPER_SCENARIO_H */
