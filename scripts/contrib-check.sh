#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Drops this checkout into an ns-3.37 source tree (Debian's source package)
# as contrib/llm-edge, builds only the modules it needs, and runs its
# example and test suites the way users do: ./ns3 run and ./test.py.
# The tree is kept in ${LLM_EDGE_NS3_TREE} so later runs rebuild only what
# changed (ccache helps on a fresh tree).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/llm-edge"
tree="${LLM_EDGE_NS3_TREE:-$cache/ns-3.37}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

if [ ! -x "$tree/ns3" ]; then
  echo "llm-edge: fetching the ns-3.37 source tree (Debian source package)"
  if ! grep -rqs "^Types:.*deb-src\|^deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    $SUDO tee /etc/apt/sources.list.d/llm-edge-deb-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    $SUDO apt-get update -qq
  fi
  work="$(mktemp -d)"
  (cd "$work" && apt-get source -qq ns3 >/dev/null 2>&1)
  mkdir -p "$(dirname "$tree")"
  rm -rf "$tree"
  mv "$work"/ns3-3.37/ns-3.37 "$tree"
  rm -rf "$work"
fi

# Copy (not link) the module, as a user dropping it into contrib/ would.
rm -rf "$tree/contrib/llm-edge"
mkdir -p "$tree/contrib/llm-edge"
# -m: the copies get the time of the copy, so a source edited before an earlier
# build had finished is not taken for older than its object file.
(cd "$root" && tar --exclude='./build*' --exclude=./.git -cf - .) | (cd "$tree/contrib/llm-edge" && tar -xmf -)

cd "$tree"
# Only the module, its dependencies and point-to-point (for the user-topology
# example); examples and tests of llm-edge alone.
config=(-d release --enable-modules="llm-edge;point-to-point" --enable-examples --enable-tests
        --filter-module-examples-and-tests=llm-edge --disable-python --disable-werror
        -G "Unix Makefiles")
if [ "$(cat build/.llm-edge-configured 2>/dev/null)" != "${config[*]}" ]; then
  ./ns3 configure "${config[@]}" >/dev/null
  mkdir -p build && echo "${config[*]}" > build/.llm-edge-configured
fi
./ns3 build
./ns3 run "llm-edge-single-device --replications=50 --csv=none"
./ns3 run "llm-edge-user-topology --slots=50"
# test.py honours only one -s per call: one call per suite of the module.
suites=$(./test.py --no-build --list 2>/dev/null | awk '$1 == "unit" && $2 ~ /^llm-edge/ {print $2}')
[ -n "$suites" ] || { echo "llm-edge: test.py lists no llm-edge suite" >&2; exit 1; }
for suite in $suites; do
  ./test.py --no-build -s "$suite"
done
for example in llm-edge-single-device llm-edge-user-topology; do
  ./test.py --no-build --example="$example"
done
