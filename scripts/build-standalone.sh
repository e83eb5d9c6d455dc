#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Builds llm-edge against the installed ns-3 (Debian's libns3-dev) into
# ${LLM_EDGE_BUILD:-build}. Usage: scripts/build-standalone.sh [Release|RelWithDebInfo|Debug]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${LLM_EDGE_BUILD:-$root/build}"
type="${1:-Release}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE="$type" >/dev/null
cmake --build "$build" -j "$(nproc)"
