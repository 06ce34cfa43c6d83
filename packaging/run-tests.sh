#!/usr/bin/env bash
# The test command: installs what is missing, builds with warnings as errors, and runs every
# test with ctest. The tests start their own private PostgreSQL (a ctest fixture) and the real
# server on ephemeral ports; nothing else needs to be running.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh ci
cd build-ci
ctest --output-on-failure --timeout 600 -j2 "$@"
