/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_BATTERY_LEDGER_H
#define LLM_EDGE_BATTERY_LEDGER_H

#include <cmath>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Neumaier-compensated running sum: totals over millions of updates
 * stay exact to well below a microjoule.
 */
class CompensatedSum
{
  public:
    /// \param x the term to add
    void Add(double x)
    {
        double t = m_sum + x;
        m_c += std::abs(m_sum) >= std::abs(x) ? (m_sum - t) + x : (x - t) + m_sum;
        m_sum = t;
    }

    /// \return the sum
    double Get() const
    {
        return m_sum + m_c;
    }

  private:
    double m_sum{0}; ///< running sum
    double m_c{0};   ///< compensation
};

/**
 * \ingroup llm-edge
 * \brief The arithmetic of a battery capped at [0, capacity], with every joule
 * accounted for.
 *
 * One update is the paper's Eq. 1, E' = max(min(E + H - C, Emax), 0). What
 * does not fit is spilled; what cannot be drawn is unmet (not consumed). The
 * invariant initial + harvested - consumed - spilled = energy holds after
 * every update. With constant harvest and draw power over an interval the
 * battery level is linear in time, so applying Eq. 1 at the end is exact for
 * continuous flows as well.
 */
class BatteryLedger
{
  public:
    /// What one update did beyond the plain balance.
    struct Outcome
    {
        double spilledJ{0}; ///< harvested energy that did not fit, J
        double unmetJ{0};   ///< demanded energy the battery could not give, J
        double gridJ{0};    ///< demanded energy the grid served (ApplyWithGrid), J
    };

    BatteryLedger() = default;

    /**
     * \param capacityJ capacity, J (> 0)
     * \param initialJ initial energy, J, in [0, capacityJ]
     */
    BatteryLedger(double capacityJ, double initialJ);

    /**
     * \brief Eq. 1 for one stage.
     * \param harvestJ energy harvested in the stage, J (>= 0)
     * \param drawJ energy demanded in the stage, J (>= 0)
     * \return spilled and unmet energy
     */
    Outcome Apply(double harvestJ, double drawJ);

    /**
     * \brief One stage with a grid behind the battery (GridSupply): the grid
     * serves what harvest and battery do not, so nothing is unmet.
     *
     * With \p useLocal, harvest and then the battery serve the demand, the
     * battery only down to \p floorJ (harvest always serves first):
     * local = min(D, H + max(E - floorJ, 0)); otherwise local = 0 (grid
     * only: the harvest only charges the battery). The grid serves D - local;
     * E' = min(E + H - local, Emax), the excess spilled. floorJ = 0 gives
     * Eq. 1 with the unmet part served by the grid.
     * \param harvestJ energy harvested in the stage, J (>= 0)
     * \param drawJ energy demanded in the stage, J (>= 0)
     * \param floorJ level the battery is not drawn below, J (>= 0)
     * \param useLocal false: the grid serves all the demand
     * \return spilled and grid energy (unmet is 0)
     */
    Outcome ApplyWithGrid(double harvestJ, double drawJ, double floorJ, bool useLocal);

    /// \return stored energy, J
    double GetEnergyJ() const
    {
        return m_energyJ;
    }

    /// \return capacity, J
    double GetCapacityJ() const
    {
        return m_capacityJ;
    }

    /// \return total harvested (including spilled), J
    double GetHarvestedJ() const
    {
        return m_harvestedJ.Get();
    }

    /// \return total energy actually drawn, J
    double GetConsumedJ() const
    {
        return m_consumedJ.Get();
    }

    /// \return total spilled, J
    double GetSpilledJ() const
    {
        return m_spilledJ.Get();
    }

    /// \return total demand that could not be served, J
    double GetUnmetJ() const
    {
        return m_unmetJ.Get();
    }

    /// \return total demand served by the grid (part of the consumed energy), J
    double GetGridJ() const
    {
        return m_gridJ.Get();
    }

    /// \return initial + harvested + grid - consumed - spilled - energy (0 up to rounding), J
    double GetBalanceErrorJ() const
    {
        return m_initialJ + m_harvestedJ.Get() + m_gridJ.Get() - m_consumedJ.Get() -
               m_spilledJ.Get() - m_energyJ;
    }

  private:
    /// Rejects a negative or non-finite harvest or draw.
    static void CheckFlows(double harvestJ, double drawJ);
    /**
     * \brief Cap the new level \p raw to [0, capacity] (spilled above,
     * unmet below) and add the totals.
     * \param harvestJ harvest \param drawJ demand \param raw level before
     * the cap \param gridJ demand served by the grid \return the outcome
     */
    Outcome Settle(double harvestJ, double drawJ, double raw, double gridJ);

    using Sum = CompensatedSum; ///< running totals

    double m_capacityJ{1};  ///< capacity
    double m_initialJ{0};   ///< initial energy
    double m_energyJ{0};    ///< stored energy
    Sum m_harvestedJ;       ///< harvested in total
    Sum m_consumedJ;        ///< drawn in total
    Sum m_spilledJ;         ///< spilled in total
    Sum m_unmetJ;           ///< unmet in total
    Sum m_gridJ;            ///< served by the grid in total
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_BATTERY_LEDGER_H */
