#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# cmake --install of a standalone build into a fresh prefix, then a project
# outside the tree (test/out-of-tree/) finds it with find_package(llm-edge),
# builds against llm-edge::llm-edge and runs: the program prints the version
# line and a pipeline's job accounts, and exits 0 when jobs completed and
# were conserved.
# Usage: test/install-test.sh <build dir> <source dir>
set -u
build="${1:?usage: install-test.sh <build dir> <source dir>}"
src="${2:?source dir}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL $*"; exit 1; }
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 ||
    fail "cmake --install: $(tail -3 "$work/install.log")"
for f in lib/cmake/llm-edge/llm-edge-config.cmake include/ns3/llm-edge-module.h \
         include/ns3/inference-pipeline.h; do
    [ -e "$work/prefix/$f" ] || fail "not installed: $f"
done
ls "$work/prefix"/lib*/libllm-edge.so >/dev/null 2>&1 || fail "libllm-edge.so not installed"
echo "ok   installed into a fresh prefix: library, headers, CMake package"
cmake -S "$src/test/out-of-tree" -B "$work/oot" -DCMAKE_PREFIX_PATH="$work/prefix" \
    >"$work/configure.log" 2>&1 || fail "out-of-tree configure: $(tail -5 "$work/configure.log")"
cmake --build "$work/oot" >"$work/build.log" 2>&1 ||
    fail "out-of-tree build: $(grep -m3 -i error "$work/build.log")"
echo "ok   out-of-tree project configured with find_package(llm-edge) and built"
# The program must run from the installed library, not the build tree's.
ldd "$work/oot/out-of-tree" | grep -q "$work/prefix" ||
    LD_LIBRARY_PATH="$work/prefix/lib" ldd "$work/oot/out-of-tree" | grep -q "$work/prefix" ||
    fail "the program does not load the installed libllm-edge"
LD_LIBRARY_PATH="$work/prefix/lib" "$work/oot/out-of-tree" >"$work/run.out" 2>&1 ||
    fail "out-of-tree program failed: $(tail -3 "$work/run.out")"
grep -q "^llm-edge $(cat "$src/VERSION") " "$work/run.out" || fail "no version line: $(head -1 "$work/run.out")"
grep -q "^arrived [0-9]*, completed [1-9]" "$work/run.out" || fail "no accounts: $(cat "$work/run.out")"
echo "ok   out-of-tree program ran: $(tail -1 "$work/run.out")"
