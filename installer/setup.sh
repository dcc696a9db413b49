#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Nimbus developers
# SPDX-License-Identifier: MIT
#
# Installs the Debian 12 packages Nimbus needs to build, test and run, when they are
# missing. Safe to run again: it installs nothing that is already there.
#
#   installer/setup.sh            build and test dependencies
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev
    libgl-dev libvulkan-dev
    libyaml-cpp-dev libboost-graph-dev libgraphviz-dev
    xvfb xauth poppler-utils fonts-dejavu-core
    dpkg-dev file
    # The ci preset builds with clang and its sanitizers and runs the libFuzzer targets;
    # llvm-14 has the symbolizer that names the lines of a sanitizer report.
    clang-14 libclang-rt-14-dev llvm-14
)
# Node.js runs the checks of exported templates against AWS's specifications
# (tests/iac/validator); a node from elsewhere (nvm, NodeSource) is kept as it is.
if ! command -v node >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages are installed"
    exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "setup: these packages are missing and installing them needs root: ${missing[*]}" >&2
        exit 1
    fi
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq "${missing[@]}"
echo "setup: done"
