/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_SEMI_MARKOV_BATTERY_MODEL_H
#define LLM_EDGE_SEMI_MARKOV_BATTERY_MODEL_H

#include "config-error.h"
#include "device-spec.h"
#include "harvest-pmf.h"

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

struct Transition; // stationary-solver.h

/**
 * \ingroup llm-edge
 * \brief Stationary metrics of one device at one job probability q.
 */
struct ChainMetrics
{
    double q{0};                ///< job probability per slot
    double meanEnergyJ{0};      ///< Eq. 2: time-average stored energy, J
    double risk{0};             ///< Eq. 3: time share with energy below Eth
    double kbar{0};             ///< Eq. 4: expected slots per processed job
    double throughput{0};       ///< jobs completed per slot
    double savingShare{0};      ///< time share in power saving
    double totalProbability{0}; ///< sum of the embedded distribution (1 within 1e-9)
};

/**
 * \ingroup llm-edge
 * \brief The semi-Markov model of one device's battery (paper Sec. III;
 * doc/llm-edge.rst, the semi-Markov model).
 *
 * State S = (Q, E, s): pending job Q in {0, 1}, level E in {0..N} of an
 * energy unit u (N = Emax / u), s = 1 active or 0 power saving. Idle and
 * power-saving stages last one slot; a processing stage lasts k_m(E) slots
 * and consumes c_m(E); harvest per slot has pmf f, over a stage the k-fold
 * convolution; Q' = 1 with probability q (idle) or 1 - (1 - q)^k
 * (processing); s' follows the Elow/Ehigh hysteresis on the new level.
 *
 * The embedded chain has 4 (N + 1) states. Small chains are solved by a
 * sparse LU factorization (Eigen); large ones (N in the 10^4 - 10^5 range,
 * harvest support up to 10^3 levels) by iterative aggregation-disaggregation:
 * a coarse chain over blocks of levels is solved exactly, and one step of the
 * fine chain, applied matrix-free as shifted FFT convolutions of the harvest
 * pmf, smooths within blocks. Memory stays O(N).
 */
class SemiMarkovBatteryModel
{
  public:
    /// Row classes of the state layout: index = class * (N + 1) + E.
    enum StateClass : std::size_t
    {
        IDLE = 0,       ///< Q = 0, s = 1
        SAVING_EMPTY = 1, ///< Q = 0, s = 0
        SAVING_HELD = 2,  ///< Q = 1, s = 0
        PROCESSING = 3  ///< Q = 1, s = 1
    };

    /**
     * \param spec the device (capacity, thresholds, modes, policy, slot)
     * \param harvest per-slot harvest pmf; its unit is the model's unit u
     * \param riskThresholdFraction Eth / Emax for Eq. 3 (negative: use Elow)
     */
    SemiMarkovBatteryModel(const DeviceSpec& spec,
                           const HarvestPmf& harvest,
                           double riskThresholdFraction = -1);

    /**
     * \param q job probability per slot, in [0, 1]
     * \return the stationary metrics
     */
    ChainMetrics Solve(double q) const;

    /**
     * \param q job probability per slot
     * \return the stationary distribution of the embedded chain, index
     *         class * (N + 1) + E
     */
    std::vector<double> StationaryDistribution(double q) const;

    /**
     * \param pi a distribution over the states
     * \param q job probability
     * \return pi P (one step of the embedded chain)
     */
    std::vector<double> Step(const std::vector<double>& pi, double q) const;

    /// \return N + 1 battery levels
    std::size_t GetLevels() const;
    /// \return the energy unit u, J
    double GetUnitJ() const;

    /// \brief Force the solver: "auto" (default), "direct" or "aggregation".
    /// \param method the method
    void SetSolver(const std::string& method);

    /// \return iterations of the last aggregation solve (0 for direct)
    unsigned GetLastIterations() const;

  private:
    struct Convolver;   // FFT plans and kernel spectra, kept across solves
    struct Aggregation; // coarse blocks and block masses of one aggregation solve

    /// What a state does in one stage: the table row of its class.
    struct Row
    {
        unsigned k;      ///< slots of the stage (kernel f^(*k))
        long long cost;  ///< energy drawn, units
        bool fromActive; ///< hysteresis from active (else from saving)
        double pArrive;  ///< probability that Q' = 1
    };

    Row RowOf(std::size_t cls, std::size_t e, double q) const;
    std::vector<double> SolveDirect(double q) const;
    std::vector<double> SolveAggregation(double q) const;
    /// Blocks of levels (none straddling Elow or Ehigh) and cumulative kernels.
    Aggregation MakeAggregation() const;
    /// The chain lumped over (class, block), weighting levels by the iterate x.
    std::vector<Transition> CoarseChain(const Aggregation& a,
                                        const std::vector<double>& x,
                                        double q) const;
    ChainMetrics Metrics(const std::vector<double>& pi, double q) const;
    std::size_t Clamp(long long e) const;

    DeviceSpec m_spec;
    HarvestPmf m_harvest;
    std::size_t m_n{0};          ///< N
    std::size_t m_lowLevels{0};  ///< levels e with e u < Elow
    std::size_t m_highLevel{0};  ///< first level with e u >= Ehigh
    std::size_t m_riskLevels{0}; ///< levels below Eth
    std::vector<unsigned> m_k;   ///< slots per job by level
    std::vector<long long> m_jobCost;    ///< job energy in units by level
    std::vector<long long> m_idleCost;   ///< idle energy per slot in units by level
    std::vector<long long> m_savingCost; ///< saving energy per slot in units by level
    std::vector<std::vector<double>> m_kernels; ///< f^(*k), index k
    std::string m_solver{"auto"};
    mutable unsigned m_iterations{0};
    std::shared_ptr<Convolver> m_convolver; ///< shared by copies; not thread-safe
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_SEMI_MARKOV_BATTERY_MODEL_H */
