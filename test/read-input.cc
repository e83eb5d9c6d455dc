/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// llm-edge-read-input READER FILE: reads FILE with one of the module's file
// readers (csv-table, power-modes, power-trace, pvgis-hourly, nsrdb-tmy, harvest-pmf, job-trace,
// carbon-trace, carbon-yearly, device-profile, request-workload,
// config-surface) and prints what it read; bad input exits 2 with one line,
// like the programs.
// Used by the bad-input catalogue (test/bad-inputs.txt).
#include "fuzz/readers.h"

#include "ns3/config-error.h"
#include "ns3/program-options.h"

#include <fstream>
#include <iostream>
#include <iterator>

using namespace ns3::llmedge;

int
main(int argc, char* argv[])
{
    return RunProgram("llm-edge-read-input", [&]() {
        if (argc != 3)
        {
            throw ConfigError("usage: llm-edge-read-input READER FILE (READER: csv-table, "
                              "power-modes, power-trace, harvest-pmf, job-trace, carbon-trace, "
                              "carbon-yearly, device-profile, request-workload, "
                              "config-surface, pvgis-hourly or nsrdb-tmy)");
        }
        std::ifstream in(argv[2], std::ios::binary);
        if (!in)
        {
            throw ConfigError("cannot open file '" + std::string(argv[2]) + "'");
        }
        std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::cout << ReadWith(argv[1], data, argv[2]) << "\n";
        return 0;
    });
}
