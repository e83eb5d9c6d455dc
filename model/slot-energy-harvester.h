/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_SLOT_ENERGY_HARVESTER_H
#define LLM_EDGE_SLOT_ENERGY_HARVESTER_H

#include "llm-edge-compat.h"

#include "ns3/harvest-pmf.h"

#include "ns3/energy-harvester.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstdint>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief Base of the module's harvesters: energy per slot of length T.
 *
 * The energy of slot i, H_i in joules, is drawn once (in slot order) by the
 * subclass. The slotted device sums H_i over a stage (Eq. 1); in continuous
 * accounting, after StartContinuous(), the harvester delivers H_i / T watts
 * during slot i through ns-3's EnergyHarvester interface. Both accountings
 * therefore see the same sample path, which makes them directly comparable.
 */
class SlotEnergyHarvester : public EnergyHarvester
{
  public:
    /**
     * TracedCallback signature of the SlotEnergy trace source.
     * \param slot the slot index (slot i covers [i T, (i + 1) T))
     * \param energyJ the energy harvested in that slot, J
     */
    typedef void (*SlotEnergyCallback)(uint64_t slot, double energyJ);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    SlotEnergyHarvester();
    ~SlotEnergyHarvester() override;

    /**
     * \brief Energy of slot \p slot; slots must be asked in non-decreasing order.
     * \param slot slot index (slot i covers [i T, (i + 1) T))
     * \return energy, J (>= 0)
     */
    double GetSlotEnergyJ(uint64_t slot);

    /// \return the slot length T
    Time GetSlotDuration() const;

    /// \brief Deliver power slot by slot from now on (continuous accounting).
    void StartContinuous();

    /**
     * \brief Continue at slot \p slot without drawing the slots skipped
     * (a new replication on the same objects).
     * \param slot the next slot to be asked for
     */
    void SkipToSlot(uint64_t slot);

    /**
     * \brief The per-slot harvest as a pmf on multiples of \p unitJ, for the
     * analytic model (SemiMarkovScheduler).
     * \param unitJ the energy unit, J (> 0)
     * \param pmf set to the pmf when known
     * \param meanJ set to the exact mean harvest per slot, J
     * \return false if this harvester cannot give it
     */
    bool GetSlotPmf(double unitJ, HarvestPmf& pmf, double& meanJ) const;

    /**
     * \brief Assign fixed random variable streams.
     * \param stream first stream index
     * \return number of streams used
     */
    virtual int64_t AssignStreams(int64_t stream);

  protected:
    /// Release the references held (ns-3 Object)
    void DoDispose() override;

  private:
    /**
     * \brief Draw the energy of a new slot.
     * \param slot slot index
     * \param startS slot start, s
     * \param lengthS slot length, s
     * \return energy, J
     */
    virtual double DoDrawSlotEnergyJ(uint64_t slot, double startS, double lengthS) = 0;
    /**
     * \brief Override to give the per-slot pmf (see GetSlotPmf); by default none.
     * \param unitJ the energy unit, J
     * \param pmf set to the pmf
     * \param meanJ set to the exact mean, J
     * \return true if given
     */
    virtual bool DoGetSlotPmf(double unitJ, HarvestPmf& pmf, double& meanJ) const;

    double DoGetPower() const override;
    void ContinuousSlot(uint64_t slot);

    Time m_slot;               ///< attribute SlotDuration
    uint64_t m_nextSlot{0};    ///< next slot not drawn yet
    double m_lastEnergyJ{0};   ///< energy of slot m_nextSlot - 1
    double m_powerW{0};        ///< power in continuous mode, W
    EventId m_event;           ///< next slot boundary (continuous)
    TracedCallback<uint64_t, double> m_slotTrace; ///< trace: (slot, energy J)
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_SLOT_ENERGY_HARVESTER_H */
