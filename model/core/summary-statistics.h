/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_SUMMARY_STATISTICS_H
#define LLM_EDGE_SUMMARY_STATISTICS_H

#include <cstdint>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Mean, standard deviation and Student-t confidence interval of
 * replication results (Welford's update: one pass, numerically stable).
 */
class SummaryStatistics
{
  public:
    /// \param x one replication's value
    void Add(double x);
    /// \return number of values
    uint64_t GetCount() const;
    /// \return sample mean (0 when empty)
    double GetMean() const;
    /// \return sample standard deviation (n - 1), 0 with fewer than 2 values
    double GetStdDev() const;
    /**
     * \param level confidence level in (0, 1), e.g. 0.95
     * \return half-width of the Student-t interval of the mean (0 with < 2 values)
     */
    double GetCiHalfWidth(double level = 0.95) const;

  private:
    uint64_t m_n{0};   ///< count
    double m_mean{0};  ///< running mean
    double m_m2{0};    ///< running sum of squared deviations
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_SUMMARY_STATISTICS_H */
