#!/usr/bin/env bash
# Configures and builds Pudding Gabel with a CMake preset (default: "all-dev").
# Usage: packaging/build.sh [preset] [target...]   (no target: everything, tests included)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-all-dev}"
shift || true
cmake --preset "$preset" >/dev/null
if [ $# -gt 0 ]; then
    cmake --build --preset "$preset" --target "$@" -- -j"$(nproc)"
else
    cmake --build --preset "$preset" -- -j"$(nproc)"
fi
