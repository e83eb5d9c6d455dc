/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_RANDOM_SLOT_HARVESTER_H
#define LLM_EDGE_RANDOM_SLOT_HARVESTER_H

#include "slot-energy-harvester.h"

#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief i.i.d. harvest per slot from any RandomVariableStream (J per slot).
 *
 * The paper's node-specific uniform bounds are
 * `ns3::UniformRandomVariable[Min=a|Max=b]`.
 */
class RandomSlotHarvester : public SlotEnergyHarvester
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    RandomSlotHarvester();
    ~RandomSlotHarvester() override;

    int64_t AssignStreams(int64_t stream) override;

    /// \return the per-slot energy distribution (J)
    Ptr<RandomVariableStream> GetSlotEnergyVariable() const;

  protected:
    /// Release the references held (ns-3 Object)
    void DoDispose() override;

  private:
    bool DoGetSlotPmf(double unitJ, HarvestPmf& pmf, double& meanJ) const override;
    double DoDrawSlotEnergyJ(uint64_t slot, double startS, double lengthS) override;

    Ptr<RandomVariableStream> m_energyJ; ///< attribute SlotEnergyJ
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_RANDOM_SLOT_HARVESTER_H */
