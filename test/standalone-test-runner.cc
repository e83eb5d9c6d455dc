/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Runs the module's ns-3 TestSuites outside an ns-3 tree (standalone build):
// the same options as ns-3's test-runner, e.g. --suite=llm-edge-device.
#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
