/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "random-slot-harvester.h"

#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RandomSlotHarvester");

namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(RandomSlotHarvester);

TypeId
RandomSlotHarvester::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::llmedge::RandomSlotHarvester")
            .SetParent<SlotEnergyHarvester>()
            .SetGroupName("LlmEdge")
            .AddConstructor<RandomSlotHarvester>()
            .AddAttribute("SlotEnergyJ",
                          "Energy harvested per slot, J, drawn i.i.d. every slot.",
                          StringValue("ns3::UniformRandomVariable[Min=400|Max=700]"),
                          MakePointerAccessor(&RandomSlotHarvester::m_energyJ),
                          MakePointerChecker<RandomVariableStream>());
    return tid;
}

RandomSlotHarvester::RandomSlotHarvester()
{
    NS_LOG_FUNCTION(this);
}

RandomSlotHarvester::~RandomSlotHarvester()
{
    NS_LOG_FUNCTION(this);
}

void
RandomSlotHarvester::DoDispose()
{
    m_energyJ = nullptr;
    SlotEnergyHarvester::DoDispose();
}

int64_t
RandomSlotHarvester::AssignStreams(int64_t stream)
{
    m_energyJ->SetStream(stream);
    return 1;
}

Ptr<RandomVariableStream>
RandomSlotHarvester::GetSlotEnergyVariable() const
{
    return m_energyJ;
}

bool
RandomSlotHarvester::DoGetSlotPmf(double unitJ, HarvestPmf& pmf, double& meanJ) const
{
    double lo = 0;
    double hi = 0;
    if (auto u = DynamicCast<UniformRandomVariable>(m_energyJ))
    {
        lo = u->GetMin();
        hi = u->GetMax();
    }
    else if (auto c = DynamicCast<ConstantRandomVariable>(m_energyJ))
    {
        lo = hi = c->GetConstant();
    }
    else
    {
        return false; // no closed form for other variables
    }
    pmf = HarvestPmf::FromUniform(lo, hi, unitJ);
    meanJ = 0.5 * (lo + hi);
    return true;
}

double
RandomSlotHarvester::DoDrawSlotEnergyJ(uint64_t /* slot */, double /* startS */, double /* lengthS */)
{
    return m_energyJ->GetValue();
}

} // namespace llmedge
} // namespace ns3
