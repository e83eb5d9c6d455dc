/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_ZERO_COMMUNICATION_TRANSPORT_H
#define LLM_EDGE_ZERO_COMMUNICATION_TRANSPORT_H

#include "job-transport.h"

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief The paper's baseline: every job is handed to the next endpoint at
 * once, with no packet, no delay and no energy spent on links
 * (InferencePipeline::Transport = "zero-communication").
 */
class ZeroCommunicationTransport : public JobTransport
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    bool UsesNetwork() const override;
};

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_ZERO_COMMUNICATION_TRANSPORT_H */
