#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Installs what llm-edge needs on Debian bookworm (root or sudo). Idempotent:
# packages already present are skipped quickly.
set -euo pipefail

packages=(
  build-essential cmake ccache pkg-config python3
  libns3-dev ns3            # ns-3.37; 'ns3' ships the helper binaries that
                            # Debian's CMake package checks for
  libgsl-dev                # required by Debian's ns-3 CMake targets
  libeigen3-dev libboost-dev
  libgtest-dev libbenchmark-dev
  python3-matplotlib        # plots of the examples
  doxygen                   # the API reference (scripts/doxygen.sh)
  dpkg-dev                  # apt-get source, for the ns-3.37 source tree
  clang libclang-rt-14-dev  # libFuzzer for scripts/fuzz.sh
  libopenmpi-dev openmpi-bin  # optional: sweeps under mpirun (found by CMake's FindMPI)
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

missing=()
for p in "${packages[@]}"; do
  [[ "$p" == \#* ]] && continue
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "llm-edge: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
