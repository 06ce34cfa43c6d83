# SPDX-License-Identifier: GPL-3.0-or-later
# The map component (qml/map, client/map): QML tests with TestCase + SignalSpy against the
# real PuddingGabel module, offscreen and without network (tiles come from a local file).
if(TARGET pudding-client)
    qt_add_executable(tst_mapqml tst_mapqml.cpp)
    target_link_libraries(tst_mapqml PRIVATE pudding-client pudding-clientplugin Qt6::QuickTest)
    pudding_strict(tst_mapqml)
    target_compile_definitions(tst_mapqml PRIVATE
        QUICK_TEST_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}/qml")
    add_test(NAME tst_mapqml COMMAND tst_mapqml -input ${CMAKE_CURRENT_SOURCE_DIR}/qml)
    set_tests_properties(tst_mapqml PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
        TIMEOUT 120)
endif()
