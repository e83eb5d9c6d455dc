/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// libFuzzer target for one file reader, chosen at compile time with
// -DLLM_EDGE_FUZZ_READER='"csv-table"' (see scripts/fuzz.sh). Bad input must
// end in ConfigError; any other exception, a crash or a sanitizer report is a
// finding.
#include "../../model/core/config-error.h"
#include "readers.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#ifndef LLM_EDGE_FUZZ_READER
#error "define LLM_EDGE_FUZZ_READER"
#endif

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    std::string text(reinterpret_cast<const char*>(data), size);
    try
    {
        ns3::llmedge::ReadWith(LLM_EDGE_FUZZ_READER, text, "fuzz.csv");
    }
    catch (const ns3::llmedge::ConfigError&)
    {
        // the expected outcome for bad input
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr,
                     "reader %s threw a non-ConfigError: %s\n",
                     LLM_EDGE_FUZZ_READER,
                     e.what());
        std::abort();
    }
    return 0;
}
