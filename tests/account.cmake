# SPDX-License-Identifier: GPL-3.0-or-later
# Password reset and address confirmation (issue 14): the server against PostgreSQL, the mails
# read from the job queue.
pudding_test(tst_passwordreset NEEDS_DB)

# The app's reset screens and confirmation banner (QML offscreen) against the real server.
if(TARGET pudding)
    qt_add_executable(tst_account_app tst_account_app.cpp)
    target_link_libraries(tst_account_app PRIVATE pudding-testsupport pudding-client
        pudding-clientplugin Qt6::Quick Qt6::Sql)
    pudding_strict(tst_account_app)
    target_compile_definitions(tst_account_app PRIVATE
        PUDDING_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/screenshots/account")
    add_dependencies(tst_account_app pudding-server)
    add_test(NAME tst_account_app COMMAND tst_account_app)
    set_tests_properties(tst_account_app PROPERTIES
        ENVIRONMENT "TZ=Etc/UTC;QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/accountapp-config;XDG_CACHE_HOME=${CMAKE_CURRENT_BINARY_DIR}/accountapp-cache"
        FIXTURES_REQUIRED postgres TIMEOUT 180)
endif()

# The issue's "done when" on the demo data (--seed-demo, mail as .eml files): Anna leaves the
# full meetup, Ben's offer arrives in his inbox and by mail, he accepts, Olga sees the request;
# Anna's reminder for tomorrow; a password reset with the mailed code. Renders the real mails'
# HTML to build-ci/tests/screenshots/demo-*-mail.png.
pudding_test(tst_demomail NEEDS_DB)
target_compile_definitions(tst_demomail PRIVATE
    PUDDING_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/tests/screenshots")
target_link_libraries(tst_demomail PRIVATE Qt6::Gui Qt6::Sql)
