#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Runs the bad-input catalogue test/bad-inputs.txt against built programs.
# Usage: test/run-bad-inputs.sh BUILD_DIR   (programs in BUILD_DIR/examples
# and BUILD_DIR). Each case must exit with the expected status within the
# timeout, print every expected word, and (status 2) exactly one stderr line.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:?usage: run-bad-inputs.sh BUILD_DIR}" && pwd)"
limit="${LLM_EDGE_CASE_TIMEOUT:-20}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
declare -A per
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  IFS='|' read -r prog args want words <<<"$line"
  prog="$(echo "$prog" | xargs)"; want="$(echo "$want" | xargs)"
  args="${args//@BAD@/$here/data/bad}"; args="${args//@TMP@/$tmp}"
  words="${words# }"
  bin="$build/examples/$prog"; [ -x "$bin" ] || bin="$build/$prog"
  if [ ! -x "$bin" ]; then
    echo "FAIL [$prog$args]: program not built"; fail=$((fail + 1)); continue
  fi
  # shellcheck disable=SC2086
  (cd "$tmp" && timeout -k 5 "$limit" "$bin" $args >"$tmp/out" 2>"$tmp/err")
  got=$?
  why=""
  if [ $got -eq 124 ] || [ $got -eq 137 ]; then
    why="timed out after ${limit} s"
  elif [ "$got" != "$want" ]; then
    why="exit status $got, expected $want"
  else
    IFS=';' read -r -a list <<<"$words"
    for w in "${list[@]}"; do
      w="$(echo "$w" | sed 's/^ *//; s/ *$//')"
      [ -z "$w" ] && continue
      if ! grep -qF -- "$w" "$tmp/out" "$tmp/err"; then why="message lacks \"$w\""; break; fi
    done
    if [ -z "$why" ] && [ "$want" = 2 ] && [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
      why="$(wc -l <"$tmp/err") lines on stderr, expected one"
    fi
  fi
  if [ -z "$why" ]; then
    pass=$((pass + 1)); per[$prog]=$(( ${per[$prog]:-0} + 1 ))
  else
    fail=$((fail + 1))
    echo "FAIL [$prog$args]: $why"; sed 's/^/    stderr: /' "$tmp/err" | head -3
  fi
  rm -f "$tmp"/*.csv
done <"$here/bad-inputs.txt"
for p in "${!per[@]}"; do echo "  $p: ${per[$p]} cases passed"; done | sort
echo "bad-input catalogue: $pass passed, $fail failed, $((pass + fail)) cases"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
