# SPDX-License-Identifier: GPL-3.0-or-later
# ClusterIndex (shared/cluster.h). The comparison with the real supercluster needs node and
# `npm ci` in bench/cluster; without them that test function skips.
pudding_test(tst_cluster)
target_compile_definitions(tst_cluster PRIVATE
    PUDDING_CLUSTER_BENCH_DIR="${PROJECT_SOURCE_DIR}/bench/cluster")
