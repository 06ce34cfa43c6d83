# The desktop app's behaviour, in-process (offscreen): every dialog opens (the file choosers
# too, and without crashing when Qt Quick's fallback dialog cannot load); signing out leaves
# nothing of the account; the list, the map and the details follow live changes; the language
# switches at run time.
qt_add_executable(tst_appdialogs tst_appdialogs.cpp)
target_link_libraries(tst_appdialogs PRIVATE pudding-client pudding-clientplugin Qt6::Quick Qt6::Test)
pudding_strict(tst_appdialogs)
target_compile_definitions(tst_appdialogs PRIVATE PUDDING_ARTIFACTS_DIR="${CMAKE_BINARY_DIR}/artifacts")
add_test(NAME tst_appdialogs COMMAND tst_appdialogs)
set_tests_properties(tst_appdialogs PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/appdialogs-config"
    TIMEOUT 120)
# Where Qt.labs.folderlistmodel is missing, "Choose photo…" crashed Qt 6.4: it must not.
add_test(NAME tst_appdialogs_without_folder_model COMMAND tst_appdialogs)
set_tests_properties(tst_appdialogs_without_folder_model PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;PUDDING_TEST_HIDE_QML_MODULE=Qt/labs/folderlistmodel;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/appdialogs-config"
    TIMEOUT 120)

qt_add_executable(tst_appsession tst_appsession.cpp)
target_link_libraries(tst_appsession PRIVATE pudding-testsupport pudding-client pudding-clientplugin Qt6::Quick)
pudding_strict(tst_appsession)
target_compile_definitions(tst_appsession PRIVATE
    PUDDING_ARTIFACTS_DIR="${CMAKE_BINARY_DIR}/artifacts"
    PUDDING_TRANSLATIONS_DIR="${CMAKE_SOURCE_DIR}/resources/translations")
add_dependencies(tst_appsession pudding-server)
add_test(NAME tst_appsession COMMAND tst_appsession)
set_tests_properties(tst_appsession PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/appsession-config"
    FIXTURES_REQUIRED postgres TIMEOUT 240)
