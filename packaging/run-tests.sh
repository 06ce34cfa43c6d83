#!/usr/bin/env bash
# The test command: installs what is missing, builds with warnings as errors, and runs every
# test with ctest. The tests start their own private PostgreSQL (a ctest fixture) and the real
# server on ephemeral ports; nothing else needs to be running.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh all-ci
# The clustering test cross-checks against the JavaScript supercluster when it is installed.
if command -v npm >/dev/null 2>&1 && [ ! -d bench/cluster/node_modules ]; then
    (cd bench/cluster && npm ci --silent --no-audit --no-fund) || echo "npm ci failed: the supercluster cross-check will be skipped"
fi
# The benchmark smoke test speaks socket.io to a tiny echo server when socket.io is installed.
if command -v npm >/dev/null 2>&1 && [ ! -d bench/peer/node_modules/socket.io ]; then
    (cd bench/peer && npm ci --silent --no-audit --no-fund) || echo "npm ci failed: the socket.io smoke step will be skipped"
fi
cd build-ci
ctest --output-on-failure --timeout 600 -j2 "$@"
