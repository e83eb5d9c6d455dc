#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The API reference: Doxygen (Debian's doxygen; installed here when missing
# and run as root) over the public headers, into
# ${LLM_EDGE_DOXYGEN_OUT:-build/doxygen}/html/index.html. Fails, listing
# them, on any warning (an undocumented member or parameter, a doc error).
# Exit 77 when doxygen is missing and cannot be installed (a skip for ctest).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${LLM_EDGE_DOXYGEN_OUT:-$root/build/doxygen}"
if ! command -v doxygen >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends doxygen >/dev/null
  else
    echo "doxygen.sh: doxygen is not installed (apt-get install doxygen)" >&2
    exit 77
  fi
fi
rm -rf "$out" && mkdir -p "$out"
LLM_EDGE_VERSION="$(cat "$root/VERSION")" LLM_EDGE_DOXYGEN_OUT="$out" LLM_EDGE_SOURCE="$root" \
  doxygen "$root/doc/Doxyfile" >"$out/doxygen.log" 2>&1
n=$(grep -c . "$out/warnings.txt" || true)
if [ "$n" -gt 0 ]; then
  echo "doxygen.sh: $n warning line(s):" >&2
  sed "s|$root/||" "$out/warnings.txt" >&2
  exit 1
fi
echo "llm-edge API reference: $out/html/index.html (0 warnings)"
