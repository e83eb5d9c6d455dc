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
// ns-3.36, the first release built with CMake; before it (waf, ns-3 <= 3.35)
// neighbours are resolved by ARP. wscript-compat/examples-wscript defines
// LLM_EDGE_NS3_WAF for the programs. ns-3 has no version macro by default
// (its version-defines.h needs --enable-build-version), and a header test
// (__has_include) is fooled by another ns-3 installed beside: ns-3.35's waf
// compiles with -I/usr/include, where Debian's libns3-dev puts its headers.
#ifndef LLM_EDGE_NS3_WAF
#define LLM_EDGE_HAVE_NEIGHBOR_CACHE_HELPER 1
#endif

#endif /* LLM_EDGE_COMPAT_H */
