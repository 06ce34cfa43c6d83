# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop app as a user meets it: date, time and duration entry, layouts that fit, an
# idle app that stays idle, keyboard and focus.

# The form components (qml/components) on their own: QML TestCase, offscreen, no server.
qt_add_executable(tst_formsqml tst_formsqml.cpp)
target_link_libraries(tst_formsqml PRIVATE pudding-client pudding-clientplugin Qt6::QuickTest)
pudding_strict(tst_formsqml)
add_test(NAME tst_formsqml COMMAND tst_formsqml -input ${CMAKE_CURRENT_SOURCE_DIR}/qmlforms)
set_tests_properties(tst_formsqml PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;TZ=America/New_York" TIMEOUT 120)

# The real app in-process against the real server (demo data), like tst_appui.
function(pudding_app_test name)
    cmake_parse_arguments(ARG "" "LANG;SCALE" "" ${ARGN})
    if(NOT TARGET ${name})
        qt_add_executable(${name} ${name}.cpp)
        target_link_libraries(${name} PRIVATE pudding-testsupport pudding-client
            pudding-clientplugin Qt6::Quick)
        pudding_strict(${name})
        target_compile_definitions(${name} PRIVATE
            PUDDING_ARTIFACTS_DIR="${CMAKE_BINARY_DIR}/artifacts")
        add_dependencies(${name} pudding-server)
    endif()
    set(test_name ${name})
    set(scale_env "")
    if(ARG_LANG)
        set(test_name ${name}_${ARG_LANG})
    endif()
    if(ARG_SCALE)
        set(test_name ${test_name}_scale${ARG_SCALE})
        set(scale_env ";QT_SCALE_FACTOR=${ARG_SCALE}")
    endif()
    add_test(NAME ${test_name} COMMAND ${name})
    set_tests_properties(${test_name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;PUDDING_LANG=${ARG_LANG};XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/${test_name}-config${scale_env}"
        FIXTURES_REQUIRED postgres TIMEOUT 300)
endfunction()

# No frame is rendered while the app is idle.
pudding_app_test(tst_appidle LANG en)
# Every control reachable at 900x600 and at 1920x1080, in both languages; screenshots in
# build*/artifacts/layout-*.png.
pudding_app_test(tst_applayout LANG en)
pudding_app_test(tst_applayout LANG de)
pudding_app_test(tst_applayout LANG de SCALE 2)
# Focus, Esc, the city filter, the join dialog's photo preview; the meetup editor's pickers
# and venue against the server.
pudding_app_test(tst_appkeyboard LANG en)
# The meetup form: typed dates and times, the venue, against the server.
pudding_app_test(tst_appeditor LANG en)
# The notification inbox in the app: bell, drawer, click, mark read, preferences (issue 14);
# screenshots in build*/artifacts/notifications-*.png.
pudding_app_test(tst_notifications_app LANG en)
