/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_STATIONARY_SOLVER_H
#define LLM_EDGE_STATIONARY_SOLVER_H

#include <cstddef>
#include <vector>

namespace ns3
{
namespace llmedge
{

/// One transition probability P(from -> to).
struct Transition
{
    std::size_t from; ///< source state
    std::size_t to;   ///< destination state
    double p;         ///< probability (> 0); duplicates are summed
};

/**
 * \ingroup llm-edge
 * \brief Stationary distribution of a finite Markov chain given sparsely.
 *
 * The closed classes are found first (Tarjan's strongly connected
 * components): more than one means the chain is reducible and a
 * DegenerateChainError is thrown. Then one state of the closed class is
 * pinned to 1 and P^T x = x solved without that state's equation by Eigen's
 * SparseLU: unlike a dense normalization row, this keeps the factors as
 * sparse as the chain. If the pin turns out improbable the solve is repeated
 * pinned at the most probable state, for conditioning; the result is then
 * normalized to total probability 1.
 *
 * \param states number of states
 * \param transitions the nonzero transition probabilities
 * \return the stationary distribution (transient states get 0)
 */
std::vector<double> SolveStationary(std::size_t states, const std::vector<Transition>& transitions);

/**
 * \brief The same, skipping the reducibility check and the pin search: for
 * repeated solves of chains with a known structure (iterative methods).
 * \param states number of states
 * \param transitions the nonzero transition probabilities
 * \param pin a state believed probable (e.g. the previous solve's argmax)
 * \return the stationary distribution
 */
std::vector<double> SolveStationaryPinned(std::size_t states,
                                          const std::vector<Transition>& transitions,
                                          std::size_t pin);

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_STATIONARY_SOLVER_H */
