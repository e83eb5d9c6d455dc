/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "llm-edge-version.h"

// Generated at configure time from helper/llm-edge-version-config.h.in.
#include "llm-edge-version-config.h"

namespace ns3
{
namespace llmedge
{

std::string
GetVersion()
{
    return LLM_EDGE_VERSION_STRING;
}

std::string
GetGitRevision()
{
    return LLM_EDGE_GIT_REVISION_STRING;
}

std::string
GetNs3Version()
{
    return LLM_EDGE_NS3_VERSION_STRING;
}

std::string
GetBuildSystem()
{
    return LLM_EDGE_BUILD_SYSTEM_STRING;
}

std::string
GetVersionLine()
{
    return "llm-edge " + GetVersion() + " (git " + GetGitRevision() + ", ns-3 " + GetNs3Version() +
           ", " + GetBuildSystem() + ")";
}

} // namespace llmedge
} // namespace ns3
