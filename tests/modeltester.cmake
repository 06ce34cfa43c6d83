# SPDX-License-Identifier: GPL-3.0-or-later
# Every list model of the desktop app under QAbstractItemModelTester, with real data from the
# real server (ChatModel's tester is in tst_clientchat).
qt_add_executable(tst_modeltester tst_modeltester.cpp)
target_link_libraries(tst_modeltester PRIVATE pudding-testsupport pudding-client)
add_dependencies(tst_modeltester pudding-server)
add_test(NAME tst_modeltester COMMAND tst_modeltester)
set_tests_properties(tst_modeltester PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/modeltester-config"
    FIXTURES_REQUIRED postgres TIMEOUT 180)
