/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_COMPAT_H
#define LLM_EDGE_COMPAT_H

// One place for what differs between ns-3.37 and the newest releases.
// From 3.42 the energy model classes live in ns3::energy; before, in ns3.
// Declaring the namespace lets the module's code name them unqualified in
// every version.
namespace ns3
{
namespace energy
{
}

namespace llmedge
{
using namespace ns3::energy;
} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_COMPAT_H */
