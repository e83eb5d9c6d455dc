/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_BANDIT_TUNER_H
#define LLM_EDGE_BANDIT_TUNER_H

#include "observation-noise.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief A tuner choosing the arm (configuration) of the next batch from the
 * costs it has observed; lower cost is better.
 *
 * Public non-virtual Choose / Observe call private virtual hooks (DoChoose,
 * DoObserve). The base keeps, per arm, the number of observations and their
 * mean cost. Every random choice uses the draws passed to Choose, so the same
 * draws give the same choices. Ties between arms go to the lowest index.
 */
class BanditTuner
{
  public:
    virtual ~BanditTuner() = default;

    /**
     * \param draws the caller's random draws
     * \return the arm of the next batch, in [0, GetNArms())
     */
    std::size_t Choose(const RandomDraws& draws);

    /**
     * \brief Report the cost observed for one batch on an arm.
     * \param arm the arm (need not be the last one chosen)
     * \param cost the observed cost (finite)
     */
    void Observe(std::size_t arm, double cost);

    /// \return the number of arms
    std::size_t GetNArms() const;
    /// \return a short name, e.g. "thompson"
    std::string GetName() const;
    /// \param arm an arm \return how many costs were observed on it
    std::uint64_t GetPulls(std::size_t arm) const;
    /// \param arm an arm \return the mean observed cost (0 before any)
    double GetMeanCost(std::size_t arm) const;
    /// \return the total number of observations
    std::uint64_t GetTotalPulls() const;

  protected:
    /// \param nArms the number of arms (>= 1)
    explicit BanditTuner(std::size_t nArms);

    /// \return the arm of least mean cost among those observed; an arm never
    /// observed comes first (lowest index); ties to the lowest index
    std::size_t GetGreedyArm() const;

    /**
     * \param score a score per arm, called once per arm in index order
     * \return the arm of least score (ties to the lowest index)
     */
    std::size_t ArgMin(const std::function<double(std::size_t)>& score) const;

  private:
    /// \param draws draws \return the arm
    virtual std::size_t DoChoose(const RandomDraws& draws) = 0;
    /// \param arm arm \param cost cost (after the base's bookkeeping)
    virtual void DoObserve(std::size_t arm, double cost);
    /// \return the name
    virtual std::string DoGetName() const = 0;

    std::vector<std::uint64_t> m_pulls; ///< observations per arm
    std::vector<double> m_sums;         ///< sum of observed costs per arm
    std::uint64_t m_total{0};           ///< total observations
};

/**
 * \ingroup llm-edge
 * \brief Always the default arm (the paper's baseline: maximum frequency,
 * maximum batch).
 */
class DefaultTuner : public BanditTuner
{
  public:
    /// \param nArms arms \param defaultArm the default arm
    DefaultTuner(std::size_t nArms, std::size_t defaultArm);

  private:
    std::size_t DoChoose(const RandomDraws& draws) override;
    std::string DoGetName() const override;
    std::size_t m_arm; ///< the default arm
};

/**
 * \ingroup llm-edge
 * \brief Knows the true costs: always their argmin (zero regret).
 */
class OracleTuner : public BanditTuner
{
  public:
    /// \param trueCosts the true cost of every arm (not empty, finite)
    explicit OracleTuner(const std::vector<double>& trueCosts);

  private:
    std::size_t DoChoose(const RandomDraws& draws) override;
    std::string DoGetName() const override;
    std::size_t m_arm; ///< the argmin
};

/**
 * \ingroup llm-edge
 * \brief Exhaustive grid search: every arm n times in index order (round
 * robin), then the arm of least mean observed cost forever.
 */
class GridSearchTuner : public BanditTuner
{
  public:
    /// \param nArms arms \param pullsPerArm n (>= 1)
    GridSearchTuner(std::size_t nArms, unsigned pullsPerArm);

  private:
    std::size_t DoChoose(const RandomDraws& draws) override;
    std::string DoGetName() const override;
    unsigned m_n;              ///< pulls per arm
    std::uint64_t m_chosen{0}; ///< choices made
};

/**
 * \ingroup llm-edge
 * \brief Epsilon-greedy: with probability epsilon (uniform draw u < epsilon)
 * a uniformly random arm (floor(u' nArms), a second uniform draw), otherwise
 * the greedy arm (never-observed arms first).
 */
class EpsilonGreedyTuner : public BanditTuner
{
  public:
    /// \param nArms arms \param epsilon exploration probability in [0, 1]
    EpsilonGreedyTuner(std::size_t nArms, double epsilon);

  private:
    std::size_t DoChoose(const RandomDraws& draws) override;
    std::string DoGetName() const override;
    double m_epsilon; ///< exploration probability
};

/**
 * \ingroup llm-edge
 * \brief UCB1 (Auer et al. 2002) on the reward r = -cost: each arm once in
 * index order, then argmax of -mean_i + c sqrt(2 ln t / n_i), t the total
 * observations, n_i the arm's. UCB1's bound assumes rewards in a range of
 * width c: with costs normalized by the default arm (default costs 1),
 * c = 1 (the default) is the classic algorithm. No random draws.
 */
class Ucb1Tuner : public BanditTuner
{
  public:
    /// \param nArms arms \param explorationScale c (> 0), cost units
    Ucb1Tuner(std::size_t nArms, double explorationScale = 1.0);

    /// \param arm an observed arm \return its index -mean + c sqrt(2 ln t / n)
    double GetIndex(std::size_t arm) const;

  private:
    std::size_t DoChoose(const RandomDraws& draws) override;
    std::string DoGetName() const override;
    double m_c; ///< exploration scale
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_BANDIT_TUNER_H */
