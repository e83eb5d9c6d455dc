#!/usr/bin/env bash
# The main job on built-in defaults: reproduces the paper's experiments and
# writes tables (CSV) and plots into ${LLM_EDGE_RESULTS:-results}/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
results="${LLM_EDGE_RESULTS:-$root/results}"
bash "$root/scripts/install-deps.sh"
LLM_EDGE_BUILD="$root/build-release" bash "$root/scripts/build-standalone.sh" Release >/dev/null
mkdir -p "$results"
cd "$results"
echo "== Fig. 2a: one device, fixed and dynamic power modes"
"$root/build-release/examples/llm-edge-single-device" --csv="$results/fig2a.csv"
echo
echo "Results in $results"
