#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Provenance of every program's results, end to end:
#  - each program prints the version line ("# llm-edge <VERSION> (git ...")
#    first on standard output, and --help shows it;
#  - each CSV gets a <csv>.meta.json sidecar naming the program, version and
#    ns-3 release, with every option of the program (defaults included);
#  - round trip: the program run again from the sidecar alone (its
#    parameters, RngSeed and RngRun, output paths moved to another folder)
#    writes the same CSV bytes and a sidecar with the same parameters.
# Usage: test/provenance-test.sh <build>/examples <source dir>
set -u
bin="${1:?usage: provenance-test.sh <build>/examples <source dir>}"
src="${2:?usage: provenance-test.sh <build>/examples <source dir>}"
version="$(head -1 "$src/VERSION")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail=0
checked=0

for prog in llm-edge-single-device llm-edge-markov llm-edge-fig2b llm-edge-paper \
            llm-edge-user-topology llm-edge-links; do
    [ -x "$bin/$prog" ] || { echo "FAIL $prog: not built"; fail=1; continue; }
    if "$bin/$prog" --help 2>&1 | grep -qF "llm-edge $version (git "; then
        echo "ok   $prog --help shows llm-edge $version"
    else
        echo "FAIL $prog --help lacks 'llm-edge $version (git '"; fail=1
    fi
done

# roundtrip <tag> <program> <args...>: args write CSVs into $work/<tag>-a/
roundtrip() {
    local tag=$1 prog=$2
    shift 2
    mkdir -p "$work/$tag-a" "$work/$tag-b"
    if ! "$bin/$prog" "$@" >"$work/$tag-a.out" 2>"$work/$tag-a.err"; then
        echo "FAIL $tag: $prog exited non-zero: $(tail -2 "$work/$tag-a.err")"; fail=1; return
    fi
    if ! head -1 "$work/$tag-a.out" | grep -qF "# llm-edge $version (git "; then
        echo "FAIL $tag: first output line is not the version line: $(head -1 "$work/$tag-a.out")"
        fail=1
    fi
    # The command line of the second run, from the sidecars alone.
    local args
    if ! args="$(python3 - "$work/$tag-a" "$work/$tag-b" "$prog" "$version" <<'PY'
import glob, json, os, sys
a, b, prog, version = sys.argv[1:]
metas = sorted(glob.glob(os.path.join(a, "*.meta.json")))
if not metas:
    sys.exit("no sidecar in " + a)
m = [json.load(open(p)) for p in metas]
for p, x in zip(metas, m):
    if os.path.basename(p) != x["result_file"] + ".meta.json":
        sys.exit("%s names result_file %s" % (p, x["result_file"]))
    if x["program"] != prog or x["llm_edge_version"] != version or not x["ns3_version"]:
        sys.exit("%s: program/version fields wrong: %s %s %s" % (p, x["program"],
                 x["llm_edge_version"], x["ns3_version"]))
    if x["parameters"] != m[0]["parameters"]:
        sys.exit("sidecars of one run disagree on the parameters")
out = []
for name, value in m[0]["parameters"].items():
    if value == "":
        continue  # an optional option not given
    if value.startswith(a + "/"):
        value = b + value[len(a):]
    out.append("--%s=%s" % (name, value))
rng = m[0]["rng"]
if rng["uses_random_numbers"]:
    if (str(rng["seed"]) != m[0]["ns3_globals"]["RngSeed"]
            or str(rng["first_run"]) != m[0]["ns3_globals"]["RngRun"]):
        sys.exit("rng and ns3_globals disagree: %s %s" % (rng, m[0]["ns3_globals"]))
    out.append("--RngSeed=%d" % rng["seed"])
    out.append("--RngRun=%d" % rng["first_run"])
print("\n".join(out))
PY
)"; then
        echo "FAIL $tag: sidecar check failed"; fail=1; return
    fi
    local argv=()
    while IFS= read -r line; do argv+=("$line"); done <<<"$args"
    if ! "$bin/$prog" "${argv[@]}" >"$work/$tag-b.out" 2>"$work/$tag-b.err"; then
        echo "FAIL $tag: re-run from the sidecar exited non-zero: $(tail -2 "$work/$tag-b.err")"
        fail=1; return
    fi
    for f in "$work/$tag-a/"*.csv; do
        local g="$work/$tag-b/${f##*/}"
        if cmp -s "$f" "$g"; then
            echo "ok   $tag ${f##*/}: re-run from its sidecar gives the same $(wc -c <"$f") bytes"
        else
            echo "FAIL $tag ${f##*/}: re-run from its sidecar gives other bytes"; fail=1
        fi
        if python3 - "$f.meta.json" "$g.meta.json" "$work/$tag-a" "$work/$tag-b" <<'PY'
import json, sys
x, y = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
a, b = sys.argv[3], sys.argv[4]
px = {k: (b + v[len(a):] if v.startswith(a + "/") else v) for k, v in x["parameters"].items()}
sys.exit(0 if px == y["parameters"] and x["rng"] == y["rng"] else 1)
PY
        then
            echo "ok   $tag ${f##*/}: parameters read back equal those used"
        else
            echo "FAIL $tag ${f##*/}: the re-run's sidecar has other parameters"; fail=1
        fi
        checked=$((checked + 1))
    done
}

roundtrip single llm-edge-single-device --replications=2 --slots=20 --presets=paper-scaled \
    --RngSeed=3 --RngRun=5 --csv="$work/single-a/fig2a.csv"
roundtrip fig2b llm-edge-fig2b --qStep=0.25 --presets=paper-scaled \
    --riskCsv="$work/fig2b-a/risk.csv" --qlimCsv="$work/fig2b-a/qlim.csv"
roundtrip paper llm-edge-paper --replications=2 --slots=20 --figures=3a --presets=paper-scaled \
    --policies=uniform --workers=1 --RngSeed=2 --csv="$work/paper-a/fig3-4.csv"
roundtrip links llm-edge-links --replications=1 --slots=10 --workers=1 \
    --networks=zero-communication,p2p --csv="$work/links-a/links.csv"
roundtrip topo llm-edge-user-topology --slots=20 --timeSeries="$work/topo-a/timeseries.csv"
# Programs without result files print the version line first.
for p in "llm-edge-markov --q=0.5" "llm-edge-user-topology --slots=20"; do
    # shellcheck disable=SC2086
    if "$bin/"$p 2>/dev/null | head -1 | grep -qF "# llm-edge $version (git "; then
        echo "ok   ${p%% *}: first output line is the version line"
    else
        echo "FAIL ${p%% *}: no version line first"; fail=1
    fi
done
# A result file is never replaced silently: the second run says so (stderr),
# the first does not.
over="$work/overwrite.csv"
rm -f "$over"
"$bin/llm-edge-single-device" --replications=2 --slots=3 --csv="$over" >/dev/null 2>"$work/over-1.err"
"$bin/llm-edge-single-device" --replications=2 --slots=3 --csv="$over" >/dev/null 2>"$work/over-2.err"
if ! grep -q "exists and will be replaced" "$work/over-1.err" &&
    grep -qF -- "--csv=$over exists and will be replaced" "$work/over-2.err"; then
    echo "ok   replacing a result file is announced: $(cat "$work/over-2.err")"
else
    echo "FAIL replacing a result file: first run '$(cat "$work/over-1.err")', second '$(cat "$work/over-2.err")'"
    fail=1
fi
echo "$checked result files round-tripped"
if [ "$checked" -lt 5 ]; then
    echo "FAIL: too few result files checked"; fail=1
fi
exit $fail
