/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_VERSION_H
#define LLM_EDGE_VERSION_H

#include <string>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * The module's semantic version (the VERSION file at configure time),
 * e.g. "0.4.0".
 * \return the version string.
 */
std::string GetVersion();

/**
 * \ingroup llm-edge
 * The module's git revision at configure time: 12 hex digits, with
 * "-dirty" appended when tracked files differed from that commit, or
 * "unknown" when the module was not built from its own git checkout (a
 * tarball, or a copy inside an ns-3 tree).
 * \return the revision string.
 */
std::string GetGitRevision();

/**
 * \ingroup llm-edge
 * The ns-3 release the module was configured against, as its build system
 * reported it (ns-3's VERSION file in a source tree, the CMake package
 * version standalone), or "unknown".
 * \return e.g. "3.37".
 */
std::string GetNs3Version();

/**
 * \ingroup llm-edge
 * How the module was built: "cmake-standalone", "cmake-ns3" (contrib of an
 * ns-3 >= 3.36 tree) or "waf" (contrib of an ns-3 <= 3.35 tree).
 * \return the build system name.
 */
std::string GetBuildSystem();

/**
 * \ingroup llm-edge
 * One line naming all of the above, printed by every program:
 * "llm-edge 0.4.0 (git 0123456789ab, ns-3 3.37, cmake-standalone)".
 * \return the line, without a newline.
 */
std::string GetVersionLine();

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_VERSION_H */
