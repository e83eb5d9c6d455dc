/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_RATE_LIMIT_CACHE_H
#define LLM_EDGE_RATE_LIMIT_CACHE_H

#include "device-spec.h"
#include "harvest-pmf.h"
#include "rate-limit.h"

#include <cstdint>
#include <map>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The q_lim of each distinct battery chain, solved once: a
 * replication that re-creates identical devices, or a layer of identical
 * devices, costs one chain solve. Keyed on everything the chain depends on
 * (the device's specification, the harvest pmf, the risk limit and
 * threshold); explicit and resettable, so a study that wants cold solves (a
 * benchmark) clears it.
 */
class RateLimitCache
{
  public:
    /// \return the cache the schedulers share unless given another
    static RateLimitCache& Global();

    /**
     * \brief The Eq. 5 limits of a chain, solved on first use.
     * \param spec the device
     * \param pmf its per-slot harvest pmf
     * \param riskLimit xi_lim
     * \param ethFraction Eth / capacity (negative: Elow)
     * \return the limits (a reference valid until Clear)
     * \throws ConfigError, DegenerateChainError from the chain
     */
    const RateLimit& Get(const DeviceSpec& spec,
                         const HarvestPmf& pmf,
                         double riskLimit,
                         double ethFraction);

    /// \brief Forget every solved chain.
    void Clear();
    /// \return chains held
    std::size_t GetSize() const;
    /// \return chains solved since construction (cache misses)
    uint64_t GetSolves() const;

  private:
    std::map<std::vector<double>, RateLimit> m_limits; ///< by chain inputs
    uint64_t m_solves{0};                              ///< misses
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_RATE_LIMIT_CACHE_H */
