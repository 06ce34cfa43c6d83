#!/usr/bin/env bash
# Configures and builds Pudding Gabel with a CMake preset (default: "all-dev").
# Usage: packaging/build.sh [preset] [target...]   (no target: everything, tests included)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-all-dev}"
shift || true
# ccache (installed by install-deps.sh) makes a rebuild, or a build in a second clone, take a
# fraction of the first: objects are shared by content, paths relative to the checkout.
launcher=()
if command -v ccache >/dev/null 2>&1; then
    export CCACHE_BASEDIR="$(pwd)"
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake --preset "$preset" "${launcher[@]}" >/dev/null
if [ $# -gt 0 ]; then
    cmake --build --preset "$preset" --target "$@" -- -j"$(nproc)"
else
    cmake --build --preset "$preset" -- -j"$(nproc)"
fi
