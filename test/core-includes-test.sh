#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# model/core/ is the pure C++ core: no file includes an ns-3 header, directly
# or through another header. The preprocessor lists every header each file
# pulls in (-M); Debian installs ns-3's under /usr/include/ns3, so a path
# with /ns3/ in it fails the check (the gtest ModuleFiles.CoreIncludesNoNs3
# reads the include lines; this sees the transitive ones).
# Usage: core-includes-test.sh <c++ compiler> <source dir>
set -euo pipefail
cxx="$1"
root="$2"
eigen="$(pkg-config --cflags eigen3 2>/dev/null || echo -I/usr/include/eigen3)"
status=0
for f in "$root"/model/core/*.cc "$root"/model/core/*.h; do
  if ! "$cxx" -std=c++17 -M -x c++ $eigen "$f" >/tmp/core-includes.$$ 2>&1; then
    echo "core-includes: $f: the preprocessor failed:" >&2
    head -5 /tmp/core-includes.$$ >&2
    status=1
  elif tr ' \\' '\n\n' </tmp/core-includes.$$ | grep -q '/ns3/'; then
    echo "core-includes: $f pulls in ns-3 headers:" >&2
    tr ' \\' '\n\n' </tmp/core-includes.$$ | grep '/ns3/' | head -5 >&2
    status=1
  fi
done
rm -f /tmp/core-includes.$$
[ $status -eq 0 ] && echo "core-includes: $(ls "$root"/model/core/*.cc "$root"/model/core/*.h | wc -l) files include no ns-3 header"
exit $status
