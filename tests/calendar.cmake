# Calendars: one meetup's .ics and the personal feed, parsed by Debian's python3-icalendar
# (tests/calendar/check_ics.py under /usr/bin/python3) and checked field by field.
pudding_test(tst_calendar NEEDS_DB)
target_link_libraries(tst_calendar PRIVATE pudding-calendar Qt6::Gui)
target_compile_definitions(tst_calendar PRIVATE PUDDING_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# The desktop app's calendar subscription dialog and "Add to calendar" (QML offscreen) against
# the real server.
if(TARGET pudding)
    qt_add_executable(tst_clientcalendar tst_clientcalendar.cpp)
    target_link_libraries(tst_clientcalendar PRIVATE pudding-testsupport pudding-client
        pudding-clientplugin Qt6::Quick)
    pudding_strict(tst_clientcalendar)
    target_compile_definitions(tst_clientcalendar PRIVATE
        PUDDING_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/screenshots")
    add_dependencies(tst_clientcalendar pudding-server)
    add_test(NAME tst_clientcalendar COMMAND tst_clientcalendar)
    set_tests_properties(tst_clientcalendar PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/clientcalendar-config;XDG_CACHE_HOME=${CMAKE_CURRENT_BINARY_DIR}/clientcalendar-cache"
        FIXTURES_REQUIRED postgres TIMEOUT 180)
endif()
