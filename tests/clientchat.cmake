# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop app's live chat against the real server: LiveConnection, ChatRooms and ChatModel
# for three users, a server restart on the same port, live join requests, and a picture of a
# busy chat pane kept as build*/artifacts/chat-pane.png.
qt_add_executable(tst_clientchat tst_clientchat.cpp)
target_link_libraries(tst_clientchat PRIVATE pudding-testsupport pudding-client
    pudding-clientplugin Qt6::Quick Qt6::Sql)
pudding_strict(tst_clientchat)
target_compile_definitions(tst_clientchat PRIVATE PUDDING_ARTIFACTS_DIR="${CMAKE_BINARY_DIR}/artifacts")
add_dependencies(tst_clientchat pudding-server)
add_test(NAME tst_clientchat COMMAND tst_clientchat)
set_tests_properties(tst_clientchat PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;PUDDING_LANG=en;DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/clientchat-config"
    FIXTURES_REQUIRED postgres TIMEOUT 300)
