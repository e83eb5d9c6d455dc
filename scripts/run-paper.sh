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

# The values the paper leaves unstated: fitted ones from data/calibration/
# (written by llm-edge-calibrate, see doc/llm-edge.rst, "Calibration")
# where the fit beat the hand-chosen defaults at the final evaluation, else
# the programs' hand-chosen defaults. Regenerate a file with e.g.
#   build-release/examples/llm-edge-calibrate --experiment=fig2a \
#     --preset=paper-scaled --valuesCsv=data/calibration/fig2a-paper-scaled.csv
# Prints "ORIGIN OPTIONS" and records them in parameters-used.csv.
used="$results/parameters-used.csv"
echo "experiment,preset,origin,options,values_file" >"$used"
values() { # experiment preset
  local f="$root/data/calibration/$1-$2.csv" use="" opts=""
  if [ -f "$f" ]; then
    use="$(awk -F, 'NR == 2 { print $12 }' "$f")"
    opts="$(awk -F, 'NR == 2 { print $13 }' "$f")"
  fi
  if [ "$use" = "fitted" ]; then
    echo "$1,$2,fitted,$opts,data/calibration/$1-$2.csv" >>"$used"
    echo "fitted $opts"
  else
    echo "$1,$2,hand-chosen,--presets=$2,${f:+data/calibration/$1-$2.csv}" >>"$used"
    echo "hand-chosen --presets=$2"
  fi
}

for preset in paper-scaled paper-printed; do
  read -r origin opts <<<"$(values fig2a $preset)"
  echo "== Fig. 2a ($preset): one device, fixed and dynamic power modes (simulation)"
  echo "   unstated values: $origin ($opts)"
  # shellcheck disable=SC2086
  "$bin/llm-edge-single-device" $opts --csv="$results/fig2a-$preset.csv"
  $plot fig2a "$results/fig2a-$preset.csv" "$results/fig2a-$preset.png"
  echo
done
for preset in paper-scaled paper-printed; do
  read -r origin opts <<<"$(values fig2b $preset)"
  echo "== Fig. 2b ($preset): downtime risk vs job rate and q_lim (semi-Markov model)"
  echo "   unstated values: $origin ($opts)"
  # shellcheck disable=SC2086
  "$bin/llm-edge-fig2b" $opts --riskCsv="$results/fig2b-$preset-risk.csv" \
    --qlimCsv="$results/fig2b-$preset-qlim.csv"
  $plot fig2b "$results/fig2b-$preset-risk.csv" "$results/fig2b-$preset-qlim.csv" \
    "$results/fig2b-$preset.png"
  echo
done
echo "== Figs. 3a, 3b, 4a, 4b: 3 x 3 network, uniform vs long-term vs adaptive (simulation)"
# Both presets in one run on the hand-chosen values; a preset whose fitted
# values beat them runs on its own, with those values.
read -r o1 opts1 <<<"$(values fig34 paper-scaled)"
read -r o2 opts2 <<<"$(values fig34 paper-printed)"
if [ "$o1" = hand-chosen ] && [ "$o2" = hand-chosen ]; then
  echo "   unstated values: hand-chosen (the defaults of llm-edge-paper)"
  "$bin/llm-edge-paper" --csv="$results/fig3-4.csv"
  csv34="$results/fig3-4.csv"
else
  csv34=""
  for preset in paper-scaled paper-printed; do
    read -r origin opts <<<"$(values fig34 $preset)"
    echo "   $preset, unstated values: $origin ($opts)"
    # shellcheck disable=SC2086
    "$bin/llm-edge-paper" $opts --csv="$results/fig3-4-$preset.csv"
    csv34="${csv34:+$csv34,}$results/fig3-4-$preset.csv"
  done
fi
$plot fig34 "$csv34" "$results"
echo
echo "== The paper's stated effects against ours"
$plot effects "$csv34" "$results/effects.csv"
echo
echo "== Beyond the paper: sustainability-aware routing, batching and hybrid supply (EST data)"
"$bin/llm-edge-sustainability" --csv="$results/sustainability.csv"
/usr/bin/python3 "$root/examples/llm-edge-plot-sustainability.py" "$results/sustainability.csv" "$results"
echo
echo "== Beyond the paper: energy-delay tuning of GPU frequency x batch size (Camel, EST surfaces)"
"$bin/llm-edge-edp-tuner" --csv="$results/edp-tuner.csv" --regretCsv="$results/edp-regret.csv"
/usr/bin/python3 "$root/examples/llm-edge-plot-edp.py" "$results/edp-regret.csv" "$results/edp-regret.png"
echo
echo "Unstated values used (fitted or hand-chosen): $used"
cat "$used"
echo "Results in $results"
