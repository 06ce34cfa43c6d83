# SPDX-License-Identifier: GPL-3.0-or-later
# The benchmark tools cannot rot: bench/smoke/tst_benchsmoke runs chatload's modes (chat on our
# /ws, socket.io when node is there, idle connections, uploads) and the wrk search script for a
# few seconds each against a real server, and checks what they report (every message delivered
# once and persisted, every connection up, every upload stored), never how fast.
# bench/run.sh is the benchmark itself (not part of ctest).
if(NOT TARGET chatload)
    add_subdirectory(${PROJECT_SOURCE_DIR}/bench/chatload ${PROJECT_BINARY_DIR}/bench/chatload)
endif()
qt_add_executable(tst_benchsmoke ${PROJECT_SOURCE_DIR}/bench/smoke/tst_benchsmoke.cpp)
target_link_libraries(tst_benchsmoke PRIVATE pudding-testsupport Qt6::Sql)
pudding_strict(tst_benchsmoke)
target_compile_definitions(tst_benchsmoke PRIVATE
    PUDDING_CHATLOAD_BINARY="$<TARGET_FILE:chatload>"
    PUDDING_BENCH_DIR="${PROJECT_SOURCE_DIR}/bench")
add_dependencies(tst_benchsmoke chatload pudding-server)
add_test(NAME tst_benchsmoke COMMAND tst_benchsmoke)
set_tests_properties(tst_benchsmoke PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
    TIMEOUT 300 FIXTURES_REQUIRED postgres)
