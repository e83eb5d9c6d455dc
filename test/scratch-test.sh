#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The standalone build's scratch/ folder: the one-file program and the
# folder program were built with no CMake edit, into <build>/scratch/, and
# run: the first script completes its job, the two-layer pipeline completes
# jobs and its accounts add up.
# Usage: test/scratch-test.sh <build>/scratch
set -u
bin="${1:?usage: scratch-test.sh <build>/scratch}"
fail=0
out="$("$bin/llm-edge-first-script" 2>&1)" || { echo "FAIL llm-edge-first-script: $out"; fail=1; }
if [[ "$out" =~ ^1\ jobs,\ battery\ [0-9.]+\ % ]]; then
    echo "ok   scratch/llm-edge-first-script.cc: $out"
else
    echo "FAIL scratch/llm-edge-first-script.cc printed: $out"; fail=1
fi
out="$("$bin/llm-edge-two-layers" --slots=100 2>&1)" || { echo "FAIL llm-edge-two-layers: $out"; fail=1; }
if [[ "$out" =~ ^arrived\ ([0-9]+),\ completed\ ([0-9]+),\ dropped\ ([0-9]+),\ in\ flight\ ([0-9]+)$ ]] &&
    [ "${BASH_REMATCH[2]}" -gt 0 ] &&
    [ "${BASH_REMATCH[1]}" = $((BASH_REMATCH[2] + BASH_REMATCH[3] + BASH_REMATCH[4])) ]; then
    echo "ok   scratch/llm-edge-two-layers/ (two files, one program): $out"
else
    echo "FAIL scratch/llm-edge-two-layers/ printed: $out"; fail=1
fi
exit $fail
