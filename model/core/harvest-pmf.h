/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_HARVEST_PMF_H
#define LLM_EDGE_HARVEST_PMF_H

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Probability mass function of the energy harvested in one slot, on
 * levels of an energy unit u: P(H = i u) = p[i], i = 0..n-1.
 */
class HarvestPmf
{
  public:
    HarvestPmf() = default;

    /**
     * \param probabilities p[i] >= 0, summing to 1 within 1e-9 (then renormalized)
     * \param unitJ the energy unit u, J (> 0)
     * \param origin name used in messages
     */
    HarvestPmf(std::vector<double> probabilities, double unitJ, std::string origin);

    /**
     * \brief The continuous uniform U[minJ, maxJ] discretized to units: level
     * i gets the probability of [(i - 1/2) u, (i + 1/2) u) (rounding to the
     * nearest level); minJ == maxJ gives a point mass.
     * \param minJ lower bound, J (>= 0)
     * \param maxJ upper bound, J (>= minJ)
     * \param unitJ energy unit, J
     * \return the pmf
     */
    static HarvestPmf FromUniform(double minJ, double maxJ, double unitJ);

    /**
     * \brief Load from CSV with columns energy_j,probability (energies
     * must be multiples of the unit).
     * \param path the file
     * \param unitJ energy unit, J
     * \return the pmf
     */
    static HarvestPmf LoadCsv(const std::string& path, double unitJ);

    /**
     * \brief Parse CSV text (see LoadCsv).
     * \param in the stream
     * \param sourceName name used in messages
     * \param unitJ energy unit, J
     * \return the pmf
     */
    static HarvestPmf Parse(std::istream& in, const std::string& sourceName, double unitJ);

    /// \return the probabilities by level
    const std::vector<double>& GetProbabilities() const
    {
        return m_p;
    }

    /// \return the energy unit, J
    double GetUnitJ() const
    {
        return m_unitJ;
    }

    /// \return the mean harvest per slot, J
    double GetMeanJ() const;

    /**
     * \param k number of slots (>= 1)
     * \return the pmf of the sum of k i.i.d. slots (levels 0..k(n-1))
     */
    std::vector<double> Convolved(unsigned k) const;

  private:
    std::vector<double> m_p; ///< probabilities by level
    double m_unitJ{1};       ///< energy unit, J
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_HARVEST_PMF_H */
