# The offer's countdown and Accept in the real QML app (offscreen) against the real server;
# screenshot in build-ci/artifacts/offer-countdown.png.
qt_add_executable(tst_appoffers tst_appoffers.cpp)
target_link_libraries(tst_appoffers PRIVATE pudding-testsupport pudding-client pudding-clientplugin Qt6::Quick)
pudding_strict(tst_appoffers)
target_compile_definitions(tst_appoffers PRIVATE
    PUDDING_ARTIFACTS_DIR="${CMAKE_BINARY_DIR}/artifacts")
add_dependencies(tst_appoffers pudding-server)
add_test(NAME tst_appoffers COMMAND tst_appoffers)
set_tests_properties(tst_appoffers PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/appoffers-config"
    FIXTURES_REQUIRED postgres TIMEOUT 240)
