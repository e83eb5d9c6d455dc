/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "zero-communication-transport.h"

namespace ns3
{
namespace llmedge
{

NS_OBJECT_ENSURE_REGISTERED(ZeroCommunicationTransport);

TypeId
ZeroCommunicationTransport::GetTypeId()
{
    static TypeId tid = TypeId("ns3::llmedge::ZeroCommunicationTransport")
                            .SetParent<JobTransport>()
                            .SetGroupName("LlmEdge")
                            .AddConstructor<ZeroCommunicationTransport>();
    return tid;
}

bool
ZeroCommunicationTransport::UsesNetwork() const
{
    return false;
}

} // namespace llmedge
} // namespace ns3
