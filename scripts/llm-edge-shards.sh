#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Runs an llm-edge sweep program as N shards and merges them (SLURM job
# arrays, or one shard after the other on this machine):
#
#   scripts/llm-edge-shards.sh [--resume] [--submit] [--no-merge] N PROGRAM [options...]
#
# PROGRAM is a sweep program (build/examples/llm-edge-paper, ...), options
# its own (--csv=..., --replications=..., --shardDir=DIR; default shard
# folder: llm-edge-shards). Shard i runs `PROGRAM options --shard=i/N` and
# leaves DIR/<program>-shard-i-of-N.txt; the merge runs `PROGRAM options
# --mergeShards=N` and writes the CSV (and its .meta.json) of an unsharded
# run.
#   --resume    run only the shards whose file is missing (a shard killed
#               midway keeps its finished units in a .partial file and
#               redoes only the others)
#   --submit    submit the shards as a SLURM job array
#               (scripts/llm-edge-array.sbatch; extra sbatch options in
#               $LLM_EDGE_SBATCH_ARGS) and the merge as a job that runs
#               after them, instead of running them here
#   --no-merge  run (or submit) the shards only
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
resume=0 submit=0 merge=1
while [ $# -gt 0 ]; do
    case "$1" in
        --resume) resume=1 ;;
        --submit) submit=1 ;;
        --no-merge) merge=0 ;;
        -h|--help) sed -n '3,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        --*) echo "llm-edge-shards.sh: unknown option '$1'" >&2; exit 2 ;;
        *) break ;;
    esac
    shift
done
if [ $# -lt 2 ]; then
    echo "usage: llm-edge-shards.sh [--resume] [--submit] [--no-merge] N PROGRAM [options...]" >&2
    exit 2
fi
n="$1" prog="$2"
shift 2
if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
    echo "llm-edge-shards.sh: invalid shard count '$n': expected a whole number >= 1" >&2
    exit 2
fi
dir=llm-edge-shards
for a in "$@"; do
    case "$a" in --shardDir=*) dir="${a#--shardDir=}" ;; esac
done
mkdir -p "$dir"
name="$(basename "$prog")"

missing=()
for i in $(seq 1 "$n"); do
    if [ "$resume" = 1 ] && [ -s "$dir/$name-shard-$i-of-$n.txt" ]; then
        echo "shard $i/$n: done already ($dir/$name-shard-$i-of-$n.txt)"
        continue
    fi
    missing+=("$i")
done

if [ "$submit" = 1 ]; then
    list="$(IFS=,; echo "${missing[*]:-}")"
    dep=""
    if [ -n "$list" ]; then
        # shellcheck disable=SC2086
        job="$(sbatch --parsable --array="$list" --export=ALL,LLM_EDGE_SHARDS="$n" \
               ${LLM_EDGE_SBATCH_ARGS:-} "$here/llm-edge-array.sbatch" "$prog" "$@")"
        echo "submitted shards $list of $n as job array $job"
        dep="--dependency=afterok:${job%%;*}"
    fi
    if [ "$merge" = 1 ]; then
        # shellcheck disable=SC2086
        sbatch --parsable $dep --job-name=llm-edge-merge ${LLM_EDGE_SBATCH_ARGS:-} \
            --wrap="$(printf '%q ' "$prog" "$@" --mergeShards="$n")"
    fi
    exit 0
fi

for i in "${missing[@]}"; do
    "$prog" "$@" --shard="$i/$n"
done
if [ "$merge" = 1 ]; then
    "$prog" "$@" --mergeShards="$n"
fi
