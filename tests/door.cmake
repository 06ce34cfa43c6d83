# SPDX-License-Identifier: GPL-3.0-or-later
# Door mode: the QR scanner pipeline (no camera, no server), the offline check-in against the
# real server, and the Door mode window.
pkg_check_modules(DOOR_QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
# pudding-client links these; imported targets are visible per directory.
find_package(Qt6 REQUIRED COMPONENTS Multimedia)
if(NOT TARGET ZXing::ZXing)
    find_package(ZXing 1.4 REQUIRED)
endif()

qt_add_executable(tst_qrscan tst_qrscan.cpp)
target_link_libraries(tst_qrscan PRIVATE pudding-client PkgConfig::DOOR_QRENCODE Qt6::Test
    Qt6::Multimedia PkgConfig::SODIUM)
pudding_strict(tst_qrscan)
add_test(NAME tst_qrscan COMMAND tst_qrscan)
set_tests_properties(tst_qrscan PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)

# The scan-to-verdict benchmark, built with the tests so it cannot rot (run by hand; see
# bench/door/README.md).
if(NOT TARGET bench_doorscan)
    add_subdirectory(${PROJECT_SOURCE_DIR}/bench/door ${PROJECT_BINARY_DIR}/bench/door)
endif()

# DoorSession against the real server: offline scans, sync, two devices, lost answers, door
# tokens.
qt_add_executable(tst_door tst_door.cpp)
target_link_libraries(tst_door PRIVATE pudding-testsupport pudding-client Qt6::Sql
    PkgConfig::DOOR_QRENCODE)
pudding_strict(tst_door)
add_dependencies(tst_door pudding-server)
add_test(NAME tst_door COMMAND tst_door)
set_tests_properties(tst_door PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/door-config;XDG_DATA_HOME=${CMAKE_CURRENT_BINARY_DIR}/door-data"
    FIXTURES_REQUIRED postgres TIMEOUT 300)

# Door mode in the real app: GREEN, RED and OFFLINE, with screenshots in build*/artifacts/door-*.png.
pudding_app_test(tst_doorui LANG en)
target_link_libraries(tst_doorui PRIVATE Qt6::Multimedia)
