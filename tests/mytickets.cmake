# SPDX-License-Identifier: GPL-3.0-or-later
# "My tickets" in the desktop client against the real server: the model and its copy on disk,
# the QR code on screen and in the PDF (pdftoppm + ZXing decode it back), the page itself.
if(NOT TARGET ZXing::ZXing)
    find_package(ZXing REQUIRED)
endif()
qt_add_executable(tst_mytickets tst_mytickets.cpp)
target_link_libraries(tst_mytickets PRIVATE pudding-testsupport pudding-client ZXing::ZXing)
pudding_strict(tst_mytickets)
target_compile_definitions(tst_mytickets PRIVATE
    PUDDING_SCREENSHOTS_DIR="${CMAKE_BINARY_DIR}/screenshots")
add_dependencies(tst_mytickets pudding-server)
add_test(NAME tst_mytickets COMMAND tst_mytickets)
set_tests_properties(tst_mytickets PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;TZ=Europe/Berlin;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/mytickets-config;XDG_DATA_HOME=${CMAKE_CURRENT_BINARY_DIR}/mytickets-data"
    FIXTURES_REQUIRED postgres TIMEOUT 240)

# The page in the real app, English and German; screenshots in build*/screenshots/.
qt_add_executable(tst_mytickets_app tst_mytickets_app.cpp)
target_link_libraries(tst_mytickets_app PRIVATE pudding-testsupport pudding-client
    pudding-clientplugin Qt6::Quick ZXing::ZXing)
pudding_strict(tst_mytickets_app)
target_compile_definitions(tst_mytickets_app PRIVATE
    PUDDING_SCREENSHOTS_DIR="${CMAKE_BINARY_DIR}/screenshots")
add_dependencies(tst_mytickets_app pudding-server)
foreach(lang en de)
    add_test(NAME tst_mytickets_app_${lang} COMMAND tst_mytickets_app)
    set_tests_properties(tst_mytickets_app_${lang} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;TZ=Europe/Berlin;PUDDING_LANG=${lang};XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/mytickets-app-${lang}-config;XDG_DATA_HOME=${CMAKE_CURRENT_BINARY_DIR}/mytickets-app-${lang}-data"
        FIXTURES_REQUIRED postgres TIMEOUT 240)
endforeach()

# The PDF ticket alone (no server): page sizes, the code decoded back, long texts.
qt_add_executable(tst_mytickets_pdf tst_mytickets_pdf.cpp)
target_link_libraries(tst_mytickets_pdf PRIVATE pudding-client ZXing::ZXing Qt6::Test)
pudding_strict(tst_mytickets_pdf)
target_compile_definitions(tst_mytickets_pdf PRIVATE
    PUDDING_SCREENSHOTS_DIR="${CMAKE_BINARY_DIR}/screenshots")
add_test(NAME tst_mytickets_pdf COMMAND tst_mytickets_pdf)
set_tests_properties(tst_mytickets_pdf PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
