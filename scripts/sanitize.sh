#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Builds llm-edge standalone with AddressSanitizer and UndefinedBehaviorSanitizer
# (float-cast-overflow included, every finding fatal) into
# ${LLM_EDGE_SAN_BUILD:-build-asan} and runs every ctest test there: the
# GoogleTest unit tests, the ns-3 suites, the bad-input catalogue and the
# determinism check. Debian's ns-3 libraries are not instrumented; the
# module's code, tests and examples are. Prints the number of tests run and
# fails on zero.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${LLM_EDGE_SAN_BUILD:-$root/build-asan}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DLLM_EDGE_SANITIZE=ON >/dev/null
cmake --build "$build" -j "$(nproc)"
# Leaks: ns-3 keeps singletons (TypeId registry, global values) to exit.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=0:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Bound of one sweep run in the scale-out test (300 s in a release build).
export LLM_EDGE_RUN_LIMIT=1100
cd "$build"
ctest --output-on-failure -j "$(nproc)" --timeout 1200 | tee ctest-sanitize.log
n=$(sed -n 's/.*tests passed, [0-9]* tests failed out of \([0-9]*\).*/\1/p' ctest-sanitize.log)
echo "llm-edge: sanitizer run: ${n:-0} tests"
[ "${n:-0}" -gt 0 ] || { echo "llm-edge: sanitizer run ran no test" >&2; exit 1; }
