#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The main job on built-in defaults: reproduces the paper's experiments and
# writes tables (CSV) and plots into ${LLM_EDGE_RESULTS:-results}/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
results="${LLM_EDGE_RESULTS:-$root/results}"
bash "$root/scripts/install-deps.sh"
LLM_EDGE_BUILD="$root/build-release" bash "$root/scripts/build-standalone.sh" Release >/dev/null
mkdir -p "$results"
cd "$results"
bin="$root/build-release/examples"
plot="/usr/bin/python3 $root/examples/llm-edge-plots.py"   # Debian's python3-matplotlib

echo "== Fig. 2a: one device, fixed and dynamic power modes (simulation)"
"$bin/llm-edge-single-device" --csv="$results/fig2a.csv"
$plot fig2a "$results/fig2a.csv" "$results/fig2a.png"
echo
echo "== Fig. 2b: downtime risk vs job rate and q_lim (semi-Markov model)"
"$bin/llm-edge-fig2b" --riskCsv="$results/fig2b-risk.csv" --qlimCsv="$results/fig2b-qlim.csv"
$plot fig2b "$results/fig2b-risk.csv" "$results/fig2b-qlim.csv" "$results/fig2b.png"
echo
echo "== Figs. 3a, 3b, 4a, 4b: 3 x 3 network, uniform vs long-term vs adaptive (simulation)"
"$bin/llm-edge-paper" --csv="$results/fig3-4.csv"
$plot fig34 "$results/fig3-4.csv" "$results"
echo
echo "== The paper's stated effects against ours"
$plot effects "$results/fig3-4.csv" "$results/effects.csv"
echo
echo "Results in $results"
