#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Determinism of every simulating program's result files: the same seed gives
# the same bytes, another seed (--RngSeed, which every program honours)
# different ones (llm-edge-fig2b has no random numbers and refuses seeds: same
# bytes only). Usage: test/determinism-test.sh <build>/examples
# Short runs (about 15 s in all); exit status 1 on any failure.
set -u
bin="${1:?usage: determinism-test.sh <build>/examples}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail=0
checked=0

# run <tag> <label> <program> <args...>: label 1, 1again (seed 1 once more) or 2
run() {
    local tag=$1 label=$2 prog=$3
    shift 3
    local seed=${label%again}
    local seedArg=(--RngSeed="$seed")
    # Programs with no random numbers refuse --RngSeed: run them as they are.
    [ "$tag" = fig2b ] && seedArg=()
    "$bin/$prog" "${seedArg[@]}" "$@" >"$work/$tag-$label.out" 2>"$work/$tag-$label.err"
    local rc=$?
    if [ $rc -ne 0 ]; then
        echo "FAIL $tag: $prog --RngSeed=$seed exited $rc: $(tail -3 "$work/$tag-$label.err")"
        fail=1
    fi
}

# check <tag> [unseeded]: for each result file of seed 1, the second run with
# seed 1 has the same bytes and (unless unseeded) the run with seed 2 differs
check() {
    local tag=$1
    for f in "$work/$tag-1".csv "$work/$tag-1-"*.csv; do
        [ -e "$f" ] || continue
        local base="${f##*/}"
        local suffix="${base#"$tag-1"}"
        local again="$work/$tag-1again$suffix" other="$work/$tag-2$suffix"
        if [ ! -s "$f" ]; then echo "FAIL $tag: $f missing or empty"; fail=1; continue; fi
        if cmp -s "$f" "$again"; then
            echo "ok   $tag$suffix: same seed, same $(wc -c <"$f") bytes"
        else
            echo "FAIL $tag$suffix: same seed, different bytes"; diff "$f" "$again" | head -5; fail=1
        fi
        if [ "${2:-seeded}" = seeded ]; then
            if cmp -s "$f" "$other"; then
                echo "FAIL $tag$suffix: --RngSeed=2 gives the same bytes"; fail=1
            else
                echo "ok   $tag$suffix: another seed, different bytes"
            fi
        fi
        checked=$((checked + 1))
    done
}

for seed in 1 1again 2; do
    run paper "$seed" llm-edge-paper --replications=2 --slots=20 --figures=3a \
        --presets=paper-scaled --policies=uniform,adaptive --workers=2 \
        --csv="$work/paper-$seed.csv"
    run single "$seed" llm-edge-single-device --replications=3 --slots=30 --presets=paper-scaled \
        --csv="$work/single-$seed.csv"
    run links "$seed" llm-edge-links --replications=2 --slots=10 --workers=1 \
        --networks=zero-communication,p2p --csv="$work/links-$seed.csv"
    run fig2b "$seed" llm-edge-fig2b --qStep=0.25 --presets=paper-scaled \
        --riskCsv="$work/fig2b-$seed-risk.csv" --qlimCsv="$work/fig2b-$seed-qlim.csv"
    # The user topology writes no file: its result is its standard output.
    run topo "$seed" llm-edge-user-topology --slots=30
    cp "$work/topo-$seed.out" "$work/topo-$seed.csv"
done
check paper
check single
check links
check fig2b unseeded # the Markov model has no randomness: same bytes only
check topo
echo "$checked result files checked"
if [ "$checked" -lt 6 ]; then
    echo "FAIL: too few files checked"
    fail=1
fi
exit $fail
