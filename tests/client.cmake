# Desktop client models against the real server (and a real keyring in a private D-Bus session).
qt_add_executable(tst_clientmodels tst_clientmodels.cpp)
target_link_libraries(tst_clientmodels PRIVATE pudding-testsupport pudding-client)
pudding_strict(tst_clientmodels)
add_dependencies(tst_clientmodels pudding-server)
add_test(NAME tst_clientmodels
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/run-with-keyring.sh $<TARGET_FILE:tst_clientmodels>)
set_tests_properties(tst_clientmodels PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PUDDING_TEST_KEYRING=1"
    FIXTURES_REQUIRED postgres TIMEOUT 300)
# The same suite where no keyring exists: the token must stay in memory only.
add_test(NAME tst_clientmodels_nokeyring COMMAND tst_clientmodels keychainUnavailable)
set_tests_properties(tst_clientmodels_nokeyring PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/nokeyring-config"
    FIXTURES_REQUIRED postgres TIMEOUT 120)

# A picture of the discover page (offline map, clustered demo meetups), kept as an artifact:
# build*/artifacts/discover.png (and discover-de.png in German).
qt_add_executable(tst_appscreenshot tst_appscreenshot.cpp)
target_link_libraries(tst_appscreenshot PRIVATE pudding-testsupport Qt6::Gui)
pudding_strict(tst_appscreenshot)
target_compile_definitions(tst_appscreenshot PRIVATE
    PUDDING_APP_BINARY="$<TARGET_FILE:pudding>"
    PUDDING_ARTIFACTS_DIR="${CMAKE_BINARY_DIR}/artifacts")
add_dependencies(tst_appscreenshot pudding pudding-server)
add_test(NAME tst_appscreenshot COMMAND tst_appscreenshot)
set_tests_properties(tst_appscreenshot PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
    FIXTURES_REQUIRED postgres TIMEOUT 180)

# The real QML app in-process: map, clusters, details, creating a meetup from the map.
qt_add_executable(tst_appui tst_appui.cpp)
target_link_libraries(tst_appui PRIVATE pudding-testsupport pudding-client pudding-clientplugin Qt6::Quick)
pudding_strict(tst_appui)
target_compile_definitions(tst_appui PRIVATE PUDDING_ARTIFACTS_DIR="${CMAKE_BINARY_DIR}/artifacts")
add_dependencies(tst_appui pudding-server)
add_test(NAME tst_appui COMMAND tst_appui)
set_tests_properties(tst_appui PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/appui-config"
    FIXTURES_REQUIRED postgres TIMEOUT 180)
