# Joining a meetup from the desktop client: photo checks, the multipart upload, the user's
# requests and the organizer's review queue, against the real seeded server.
qt_add_executable(tst_clientattendance tst_clientattendance.cpp)
target_link_libraries(tst_clientattendance PRIVATE pudding-testsupport pudding-client)
pudding_strict(tst_clientattendance)
add_dependencies(tst_clientattendance pudding-server)
add_test(NAME tst_clientattendance COMMAND tst_clientattendance)
set_tests_properties(tst_clientattendance PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/clientattendance-config"
    FIXTURES_REQUIRED postgres TIMEOUT 180)
