#!/usr/bin/env bash
# Configures and builds Pudding Gabel with a CMake preset (default: "default").
# Usage: packaging/build.sh [preset]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -- -j"$(nproc)"
