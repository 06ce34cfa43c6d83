#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The clustering benchmark: supercluster (node) and Pudding::ClusterIndex (C++) on the same
# 100,000 points and viewports, one after the other; writes RESULTS.md next to this script.
#
#   bench/cluster/run.sh [runs]          (runs >= 5, default 9; medians are reported)
#
# The C++ side is compiled here with the project's optimisation level (-O2 -DNDEBUG, as
# RelWithDebInfo) unless BENCH_CLUSTER_BIN names an already built bench_cluster.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-9}
cd "$here"

if [ ! -f node_modules/supercluster/package.json ]; then
    npm ci --no-audit --no-fund
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cxx=${CXX:-g++}
if [ -n "${BENCH_CLUSTER_BIN:-}" ]; then
    bin=$BENCH_CLUSTER_BIN
    build_command="(prebuilt: $bin)"
else
    bin=$work/bench_cluster
    build_command="$cxx -O2 -DNDEBUG -std=c++20 -fPIC -DQT_NO_CAST_FROM_ASCII -DQT_NO_KEYWORDS -I. \$(pkg-config --cflags Qt6Core) bench/cluster/bench_cluster.cpp shared/cluster.cpp shared/mercator.cpp shared/geo.cpp \$(pkg-config --libs Qt6Core) -o bench_cluster"
    # shellcheck disable=SC2046
    "$cxx" -O2 -DNDEBUG -std=c++20 -fPIC -DQT_NO_CAST_FROM_ASCII -DQT_NO_KEYWORDS -I"$root" \
        $(pkg-config --cflags Qt6Core) bench_cluster.cpp "$root/shared/cluster.cpp" \
        "$root/shared/mercator.cpp" "$root/shared/geo.cpp" $(pkg-config --libs Qt6Core) \
        -o "$bin"
fi

export BENCH_LOADAVG_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "supercluster ($runs runs) ..." >&2
node supercluster-bench.js "$runs" > "$work/supercluster.json"
echo "ClusterIndex ($runs runs) ..." >&2
"$bin" "$runs" > "$work/clusterindex.json"

export BENCH_LOADAVG_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
export BENCH_NPROC="$(nproc)"
export BENCH_CPU="$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
export BENCH_MEMORY="$(grep -m1 '^MemTotal' /proc/meminfo | awk '{printf "%.1f GiB", $2 / 1048576}')"
export BENCH_KERNEL="$(uname -sr)"
export BENCH_CXX="$("$cxx" --version | head -n1)"
export BENCH_BUILD_COMMAND="$build_command"
export BENCH_RUN_COMMANDS="node bench/cluster/supercluster-bench.js $runs; bench_cluster $runs"
node report.js "$work/supercluster.json" "$work/clusterindex.json" > RESULTS.md
echo "wrote $here/RESULTS.md" >&2
