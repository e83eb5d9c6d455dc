#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Scale-out of the sweep programs (WorkDistributor), end to end:
#  mpi       each sweep under `mpirun -np 2` writes the CSV bytes of the
#            one-process run, and the work was split: rank 0 reports which
#            rank ran how many units, every rank ran some, they add up to the
#            total (exit 77, a skip, when MPI was not found at configure time);
#  shards    3 shards (scripts/llm-edge-shards.sh), one deleted and resumed,
#            one cut short as a kill leaves it, merge to the unsharded CSV and
#            sidecar bytes;
#  refusals  the merge refuses a missing shard and a mixed set, naming them.
# Usage: test/scale-out-test.sh <build>/examples <source dir> mpi|shards|refusals [mpiexec]
set -u
bin="${1:?usage: scale-out-test.sh <build>/examples <source dir> mpi|shards|refusals [mpiexec]}"
src="${2:?source dir}"
mode="${3:?mode}"
mpiexec="${4:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail=0
checked=0
# Every run of a sweep ends within this (seconds in a release build; the
# sanitizer build, ~20x slower, sets LLM_EDGE_RUN_LIMIT): a hang fails its
# check by name instead of holding the cores until ctest's timeout.
limit="${LLM_EDGE_RUN_LIMIT:-300}"
run_limited() { timeout -k 10 "$limit" "$@"; }

# Small sweeps: tag, program, options (paper: 3 blocks of replications per point).
sweeps=(
    "paper|llm-edge-paper|--replications=101 --unitReplications=50 --slots=5 --figures=3a --presets=paper-scaled --policies=adaptive"
    "single|llm-edge-single-device|--replications=60 --unitReplications=20 --slots=10 --presets=paper-scaled"
    "links|llm-edge-links|--replications=2 --slots=5 --networks=zero-communication,p2p"
    "fig2b|llm-edge-fig2b|--qStep=0.25"
)

# outputs <tag> <dir>: the result options of a sweep writing into dir
outputs() {
    if [ "$1" = fig2b ]; then
        echo "--riskCsv=$2/fig2b-risk.csv --qlimCsv=$2/fig2b-qlim.csv"
    else
        echo "--csv=$2/$1.csv"
    fi
}

# same <what> <a> <b>: byte-identical files (both present, non-empty)
same() {
    if [ -s "$2" ] && cmp -s "$2" "$3"; then
        echo "ok   $1: same $(wc -c <"$2") bytes"
        checked=$((checked + 1))
    else
        echo "FAIL $1: $2 and $3 differ or are missing"; diff "$2" "$3" 2>&1 | head -5; fail=1
    fi
}

# local_run <tag> <prog> <opts>: the one-process reference run, its files
# moved to $work/local-<tag>/ (the runs compared write to the same paths,
# $work/out/, so that even the sidecars are byte for byte the same)
local_run() {
    rm -rf "$work/out" && mkdir -p "$work/out"
    # shellcheck disable=SC2046
    if ! run_limited "$bin/$2" $3 $(outputs "$1" "$work/out") >"$work/$1-local.out" 2>&1; then
        echo "FAIL $1: one-process run failed or ran over $limit s: $(tail -2 "$work/$1-local.out")"
        fail=1
    fi
    mv "$work/out" "$work/local-$1" && mkdir -p "$work/out"
}

# compare <tag> <what>: every file of the local run against $work/out/
compare() {
    for f in "$work/local-$1"/*; do
        same "$1 $2: ${f##*/}" "$f" "$work/out/${f##*/}"
    done
}

case "$mode" in
mpi)
    if [ -z "$mpiexec" ]; then
        echo "SKIP: MPI was not found when llm-edge was configured (install libopenmpi-dev and"
        echo "      openmpi-bin, then re-run cmake): the sweeps' MPI mode is not built"
        exit 77
    fi
    # Loopback only: shared memory and self; no network interfaces probed.
    export OMPI_MCA_btl=self,vader OMPI_MCA_btl_vader_single_copy_mechanism=none
    export OMPI_MCA_plm=isolated OMPI_MCA_oob_tcp_if_include=lo OMPI_MCA_btl_tcp_if_include=lo
    flags=(-np 2 --oversubscribe)
    [ "$(id -u)" = 0 ] && flags+=(--allow-run-as-root)
    for s in "${sweeps[@]}"; do
        IFS='|' read -r tag prog opts <<<"$s"
        local_run "$tag" "$prog" "$opts"
        # shellcheck disable=SC2046,SC2086
        if ! run_limited "$mpiexec" "${flags[@]}" "$bin/$prog" $opts $(outputs "$tag" "$work/out") \
            >"$work/$tag-mpi.out" 2>"$work/$tag-mpi.err"; then
            echo "FAIL $tag: mpirun -np 2 failed or ran over $limit s: $(tail -3 "$work/$tag-mpi.err")"
            fail=1; continue
        fi
        compare "$tag" "mpirun -np 2 vs one process"
        # The split: "N units over 2 MPI ranks: rank 0 ran a, rank 1 ran b".
        split="$(grep -o '[0-9]* units over 2 MPI ranks:.*' "$work/$tag-mpi.err" | tail -1)"
        if python3 - "$split" <<'PY'
import re, sys
m = re.match(r"(\d+) units over 2 MPI ranks: rank 0 ran (\d+), rank 1 ran (\d+)$", sys.argv[1])
sys.exit(0 if m and int(m[2]) + int(m[3]) == int(m[1]) and int(m[2]) > 0 and int(m[3]) > 0 else 1)
PY
        then
            echo "ok   $tag: work split over the ranks ($split)"
        else
            echo "FAIL $tag: no proper split reported by rank 0: '$split'"; fail=1
        fi
        if [ "$(grep -c '^# llm-edge ' "$work/$tag-mpi.out")" != 1 ]; then
            echo "FAIL $tag: the output was not printed once (by rank 0 alone)"; fail=1
        fi
    done
    ;;
shards)
    for s in "${sweeps[@]}"; do
        IFS='|' read -r tag prog opts <<<"$s"
        [ "$tag" = links ] && continue # one block per run: covered by the others
        local_run "$tag" "$prog" "$opts"
        sd="$work/shards-$tag"
        # shellcheck disable=SC2046,SC2086
        set -- $opts $(outputs "$tag" "$work/out") --shardDir="$sd"
        if ! run_limited bash "$src/scripts/llm-edge-shards.sh" --no-merge 3 "$bin/$prog" "$@" \
            >"$work/$tag-shards.out" 2>&1; then
            echo "FAIL $tag: shards failed: $(tail -3 "$work/$tag-shards.out")"; fail=1; continue
        fi
        # Shard 2 lost; shard 3 killed midway (its file cut back to a .partial
        # holding its first unit and half a line): --resume redoes the rest.
        rm "$sd/$prog-shard-2-of-3.txt"
        s3="$sd/$prog-shard-3-of-3.txt"
        { sed -n '1,/^end-header$/p' "$s3"; grep '^unit ' "$s3" | head -1
          grep '^unit ' "$s3" | sed -n 2p | cut -c1-20 | tr -d '\n'; } >"$s3.partial"
        rm "$s3"
        if ! run_limited bash "$src/scripts/llm-edge-shards.sh" --resume 3 "$bin/$prog" "$@" \
            >"$work/$tag-resume.out" 2>&1; then
            echo "FAIL $tag: resume + merge failed: $(tail -3 "$work/$tag-resume.out")"; fail=1
            continue
        fi
        if grep -q "shard 1/3: done already" "$work/$tag-resume.out" &&
            ! grep -q "shard 1/3 (" "$work/$tag-resume.out" &&
            grep -q "shard 3/3 (.*): [0-9]* of [0-9]* units to run" "$work/$tag-resume.out" &&
            ! grep -q "shard 3/3 (.*): 0 of" "$work/$tag-resume.out"; then
            echo "ok   $tag: --resume ran shards 2 and 3 only, shard 3 from its .partial file"
        else
            echo "FAIL $tag: --resume did not run just the missing work:"
            head -8 "$work/$tag-resume.out"; fail=1
        fi
        n3="$(grep -o 'shard 3/3 (.*): [0-9]* of [0-9]*' "$work/$tag-resume.out")"
        echo "     (${n3##*: })"
        compare "$tag" "3 shards merged vs unsharded"
    done
    ;;
refusals)
    prog=llm-edge-paper
    opts="--replications=2 --slots=5 --figures=3a --presets=paper-scaled --policies=uniform --workers=1"
    sd="$work/shards"
    # shellcheck disable=SC2086
    bash "$src/scripts/llm-edge-shards.sh" --no-merge 3 "$bin/$prog" $opts --shardDir="$sd" \
        --csv=none >"$work/run.out" 2>&1 || { echo "FAIL: shards failed"; cat "$work/run.out"; exit 1; }
    cp "$sd/$prog-shard-2-of-3.txt" "$work/keep"
    # expect <what> <words...> -- <program options>: exit 2, one stderr line with every word
    expect() {
        local what=$1; shift
        local words=()
        while [ "$1" != -- ]; do words+=("$1"); shift; done
        shift
        "$bin/$prog" "$@" >"$work/out" 2>"$work/err"
        local rc=$?
        local why=""
        [ $rc = 2 ] || why="exit status $rc, expected 2"
        [ -z "$why" ] && [ "$(wc -l <"$work/err")" != 1 ] && why="$(wc -l <"$work/err") stderr lines"
        for w in "${words[@]}"; do
            [ -z "$why" ] && ! grep -qF -- "$w" "$work/err" && why="message lacks '$w'"
        done
        if [ -z "$why" ]; then
            echo "ok   merge refuses $what: $(cat "$work/err")"; checked=$((checked + 1))
        else
            echo "FAIL merge of $what: $why: $(cat "$work/err")"; fail=1
        fi
    }
    rm "$sd/$prog-shard-2-of-3.txt"
    # shellcheck disable=SC2086
    expect "a missing shard" "shard 2/3 is missing" "$prog-shard-2-of-3.txt" "--shard=2/3" -- \
        $opts --shardDir="$sd" --csv="$work/m.csv" --mergeShards=3
    # Shard 2 again, with another number of replications: a mixed set.
    # shellcheck disable=SC2086
    "$bin/$prog" ${opts/--replications=2/--replications=3} --shardDir="$sd" --csv=none \
        --shard=2/3 >/dev/null 2>&1
    # shellcheck disable=SC2086
    expect "a mixed set (replications)" "shard 2/3" "mixed set" "--replications=3" \
        "--replications=2" -- $opts --shardDir="$sd" --csv="$work/m.csv" --mergeShards=3
    # Shard 2 again, with another seed.
    cp "$work/keep" "$sd/$prog-shard-2-of-3.txt"
    # shellcheck disable=SC2086
    expect "a mixed set (seed)" "shard 1/3" "--RngSeed=1" "--RngSeed=7" -- \
        $opts --shardDir="$sd" --csv="$work/m.csv" --mergeShards=3 --RngSeed=7
    [ -e "$work/m.csv" ] && { echo "FAIL: a refused merge left $work/m.csv"; fail=1; }
    # shellcheck disable=SC2086
    if "$bin/$prog" $opts --shardDir="$sd" --csv="$work/m.csv" --mergeShards=3 >/dev/null 2>&1 &&
        [ -s "$work/m.csv" ]; then
        echo "ok   the complete set merges"; checked=$((checked + 1))
    else
        echo "FAIL: the complete set does not merge"; fail=1
    fi
    ;;
*)
    echo "unknown mode '$mode'"; exit 2 ;;
esac
echo "$checked checks passed"
[ "$checked" -gt 0 ] || { echo "FAIL: nothing checked"; fail=1; }
exit $fail
