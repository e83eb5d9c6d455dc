/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_WEIGHTED_INDEX_H
#define LLM_EDGE_WEIGHTED_INDEX_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Non-negative weights of n items with O(log n) update, total and
 * draw (a Fenwick tree): a router over thousands of devices draws one in
 * proportion to its weight without a scan. Sums of doubles updated by
 * differences drift; the tree is rebuilt from the weights every 4 n updates,
 * so its error stays at rounding level and costs O(1) per update amortized.
 */
class WeightedIndex
{
  public:
    /// \param n the number of items, all of weight 0
    explicit WeightedIndex(std::size_t n = 0);

    /// \return the number of items
    std::size_t Size() const;

    /**
     * \brief Set an item's weight.
     * \param i the item, < Size()
     * \param w its weight: finite, >= 0 (a ConfigError otherwise)
     */
    void Set(std::size_t i, double w);

    /// \param i an item \return its weight
    double Get(std::size_t i) const;

    /// \return the sum of the weights
    double Total() const;

    /**
     * \brief The item whose interval of the cumulative weights holds
     * \p target: the smallest i with w_0 + ... + w_i > target. An item of
     * weight 0 is never returned; where rounding places \p target at or past
     * the total, the last item of positive weight.
     * \param target in [0, Total())
     * \return the item, or Size() when every weight is 0
     */
    std::size_t Find(double target) const;

  private:
    /// \brief Recompute the tree from the weights.
    void Rebuild();

    std::vector<double> m_w;    ///< the weights
    std::vector<double> m_tree; ///< Fenwick partial sums, 1-based
    std::size_t m_topBit{0};    ///< the largest power of two <= n (0 if n = 0)
    std::size_t m_updates{0};   ///< updates since the last rebuild
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_WEIGHTED_INDEX_H */
