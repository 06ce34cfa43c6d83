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
