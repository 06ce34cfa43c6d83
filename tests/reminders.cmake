# Reminders before a meetup (the scan on the test clock: once each, late approval, own offsets,
# cancelled, left, moved, two scans at once, daylight saving) and the can't-come link and route,
# against the real server and database.
pudding_test(tst_reminders NEEDS_DB)
target_link_libraries(tst_reminders PRIVATE pudding-reminders pudding-calendar pudding-links
    pudding-db pudding-meetups Qt6::Concurrent)
target_compile_definitions(tst_reminders PRIVATE PUDDING_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# End to end: two server instances with their job workers, the SMTP sink, the clock moved
# forward: the 24 h and 2 h reminders arrive once each, mails with the place, the pudding, the
# can't-come link and the .ics (python3-icalendar).
pudding_test(tst_remindermail NEEDS_DB)
target_compile_definitions(tst_remindermail PRIVATE PUDDING_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# The desktop app's reminder settings and "Can't come after all" (QML offscreen) against the
# real server, with screenshots.
if(TARGET pudding)
    qt_add_executable(tst_clientreminders tst_clientreminders.cpp)
    target_link_libraries(tst_clientreminders PRIVATE pudding-testsupport pudding-client
        pudding-clientplugin Qt6::Quick)
    pudding_strict(tst_clientreminders)
    target_compile_definitions(tst_clientreminders PRIVATE
        PUDDING_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/screenshots")
    add_dependencies(tst_clientreminders pudding-server)
    add_test(NAME tst_clientreminders COMMAND tst_clientreminders)
    set_tests_properties(tst_clientreminders PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/clientreminders-config;XDG_CACHE_HOME=${CMAKE_CURRENT_BINARY_DIR}/clientreminders-cache"
        FIXTURES_REQUIRED postgres TIMEOUT 180)
endif()
