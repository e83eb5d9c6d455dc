#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Every test, in both build modes: installs what it needs, builds standalone
# against Debian's libns3-dev 3.37 and runs ctest (GoogleTest core tests, the
# ns-3 test suites, the bad-input catalogue, determinism), the same under
# ASan + UBSan, a fuzz smoke run of every file reader, then drops the module into an ns-3.37 source tree's
# contrib/ and runs ./ns3 run and ./test.py there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
start=$(date +%s)
bash "$root/scripts/install-deps.sh"

echo "== standalone build (Debian libns3-dev 3.37) and ctest"
LLM_EDGE_BUILD="$root/build" bash "$root/scripts/build-standalone.sh" RelWithDebInfo
(cd "$root/build" && ctest --output-on-failure -j "$(nproc)")

echo "== sanitizers (ASan + UBSan with float-cast-overflow) over every ctest test"
bash "$root/scripts/sanitize.sh"

echo "== fuzz smoke run of every file reader (libFuzzer)"
bash "$root/scripts/fuzz.sh" --smoke
mid=$(date +%s)

echo "== contrib drop-in: ns-3.37 source tree, ./ns3 run and ./test.py"
bash "$root/scripts/contrib-check.sh"
end=$(date +%s)
echo "llm-edge: standalone $((mid - start)) s, contrib $((end - mid)) s, total $((end - start)) s"
