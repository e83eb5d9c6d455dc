/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_LINK_DELAY_ESTIMATE_H
#define LLM_EDGE_LINK_DELAY_ESTIMATE_H

#include <cstdint>
#include <map>
#include <utility>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief What a router can know of a link's delay without oracles: an
 * exponentially weighted mean of the transfer times it has observed between
 * two nodes (pure arithmetic, no ns-3 types).
 *
 * The first observation of a pair is taken as is; each later one moves the
 * mean by weight w: m <- (1 - w) m + w x. A pair never observed estimates 0
 * (an optimistic router tries an unknown link once).
 */
class LinkDelayEstimate
{
  public:
    /// \param weight w in (0, 1]
    explicit LinkDelayEstimate(double weight = 0.2);

    /**
     * \brief Record a transfer.
     * \param from sending node id
     * \param to receiving node id
     * \param seconds its duration (start of sending to whole payload received)
     */
    void Observe(uint32_t from, uint32_t to, double seconds);

    /// \param from a node id \param to a node id \return the estimate, s (0 if never observed)
    double Estimate(uint32_t from, uint32_t to) const;

    /// \param from a node id \param to a node id \return transfers observed on the pair
    uint64_t GetCount(uint32_t from, uint32_t to) const;

    /// \brief Forget every observation.
    void Clear();

  private:
    /// Mean and count of one pair.
    struct Pair
    {
        double mean{0};    ///< weighted mean, s
        uint64_t count{0}; ///< observations
    };

    double m_weight;                                  ///< w
    std::map<std::pair<uint32_t, uint32_t>, Pair> m_pairs; ///< by (from, to)
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_LINK_DELAY_ESTIMATE_H */
