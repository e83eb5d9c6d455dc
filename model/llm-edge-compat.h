/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_COMPAT_H
#define LLM_EDGE_COMPAT_H

// One place for what differs between ns-3 releases (3.35 to the newest).
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

// NeighborCacheHelper (static ARP and NDP caches, internet module) arrived in
// ns-3.36; on ns-3.35 (waf) neighbours are resolved by ARP. ns-3 defines no
// version macro by default (its version-defines.h needs
// --enable-build-version), so test for the header itself.
#if defined(__has_include)
#if __has_include("ns3/neighbor-cache-helper.h")
#define LLM_EDGE_HAVE_NEIGHBOR_CACHE_HELPER 1
#endif
#endif

#endif /* LLM_EDGE_COMPAT_H */
