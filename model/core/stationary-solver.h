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
 * The pin must be a probable state: pinning a state of probability 1e-200
 * scales the others to 1e200 and the solve drowns in round-off. When
 * \p groups is given (a coarse partition of the states, e.g. blocks of
 * battery levels; at most a few hundred groups), the chain lumped over the
 * groups is solved first by the GTH algorithm (subtraction-free, hence
 * stable at any dynamic range) and the pin is taken in its heaviest group.
 *
 * \param states number of states
 * \param transitions the nonzero transition probabilities
 * \param groups optional group of each state
 * \return the stationary distribution (transient states get 0)
 */
std::vector<double> SolveStationary(std::size_t states,
                                    const std::vector<Transition>& transitions,
                                    const std::vector<std::size_t>& groups = {});

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
