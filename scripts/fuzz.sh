#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Fuzzes every file reader of llm-edge (model/core/csv-table, power-mode tables,
# power traces, harvest pmfs, job traces) with libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer (float-cast-overflow included), built with
# Debian's clang from the pure-C++ reader sources (no ns-3 needed).
#
#   scripts/fuzz.sh                 # 200000 executions per reader
#   scripts/fuzz.sh --smoke         # 3000 executions per reader (< 1 minute)
#   scripts/fuzz.sh --runs=N        # N executions per reader
#
# Starts from the corpus in test/fuzz/corpus/<reader>/ (kept in the repo;
# new inputs go to a scratch copy, not into the repo). Prints the executions
# run per reader and exits non-zero on a crash, a sanitizer report, a
# non-ConfigError exception or a reader that ran no execution.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${LLM_EDGE_FUZZ_BUILD:-$root/build-fuzz}"
runs=200000
for arg in "$@"; do
  case "$arg" in
    --smoke) runs=3000 ;;
    --runs=*) runs="${arg#--runs=}" ;;
    *) echo "fuzz.sh: unknown argument $arg (use --smoke or --runs=N)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "fuzz.sh: --runs must be a whole number > 0" >&2; exit 2 ;; esac

cxx="$(command -v clang++ || command -v clang++-14 || true)"
if [ -z "$cxx" ] || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
    cxx="$(command -v clang++ || command -v clang++-14)"
  else
    echo "fuzz.sh: needs clang++ and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev)" >&2
    exit 2
  fi
fi

readers=(csv-table power-modes power-trace harvest-pmf job-trace carbon-trace carbon-yearly
         device-profile request-workload config-surface pvgis-hourly nsrdb-tmy)
sources=(model/core/csv-table.cc model/core/power-mode-table.cc model/core/power-trace.cc
         model/core/harvest-pmf.cc model/core/job-trace.cc model/core/carbon-intensity.cc
         model/core/device-profile.cc model/core/request-workload.cc model/core/config-surface.cc
         model/core/solar-export.cc test/fuzz/readers.cc)
flags=(-std=c++17 -O1 -g -fno-omit-frame-pointer
       -fsanitize=fuzzer,address,undefined,float-cast-overflow -fno-sanitize-recover=all)
mkdir -p "$out/obj"

# Reader objects, rebuilt when a source or header is newer.
objs=()
for s in "${sources[@]}"; do
  o="$out/obj/$(basename "${s%.cc}").o"
  if [ ! -f "$o" ] || [ -n "$(find "$root/model" "$root/test/fuzz" -newer "$o" -name '*.[ch]*' -print -quit)" ]; then
    "$cxx" "${flags[@]/-fsanitize=fuzzer,/-fsanitize=fuzzer-no-link,}" -c "$root/$s" -o "$o"
  fi
  objs+=("$o")
done

status=0
summary=""
for r in "${readers[@]}"; do
  bin="$out/fuzz-$r"
  if [ ! -x "$bin" ] || [ -n "$(find "${objs[@]}" "$root/test/fuzz/fuzz-target.cc" -newer "$bin" -print -quit)" ]; then
    "$cxx" "${flags[@]}" -DLLM_EDGE_FUZZ_READER="\"$r\"" "$root/test/fuzz/fuzz-target.cc" "${objs[@]}" -o "$bin"
  fi
  work="$out/corpus-$r"
  rm -rf "$work" && mkdir -p "$work"
  cp "$root/test/fuzz/corpus/$r/"* "$work/"
  log="$out/fuzz-$r.log"
  set +e
  (cd "$out" && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
     "$bin" -runs="$runs" -max_len=4096 -rss_limit_mb=1024 -timeout=10 -seed=1 \
       -artifact_prefix="$out/crash-$r-" "$work") >"$log" 2>&1
  rc=$?
  set -e
  executed="$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)"
  if [ $rc -ne 0 ] || [ -z "$executed" ] || [ "$executed" -eq 0 ]; then
    echo "fuzz.sh: $r FAILED (exit $rc, ${executed:-0} executions); log: $log" >&2
    grep -E "ERROR|runtime error|threw|SUMMARY" "$log" | head -5 >&2 || true
    status=1
  fi
  summary+="$(printf '%-12s %8s executions  %s' "$r" "${executed:-0}" "$([ $rc -eq 0 ] && echo ok || echo FAILED)")"$'\n'
done
printf '%s' "$summary"
exit $status
