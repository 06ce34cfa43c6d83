# SPDX-License-Identifier: GPL-3.0-or-later
# The photo pipeline (server/photos): processPhoto and PhotoStore. Test images are generated in
# the test; libexif builds and checks the EXIF/GPS data. Runs without a QGuiApplication, as the
# headless server does (QTEST_GUILESS_MAIN); needs no database.
qt_add_executable(tst_photos tst_photos.cpp)
target_link_libraries(tst_photos PRIVATE pudding-testsupport Qt6::Gui Qt6::Concurrent PkgConfig::EXIF)
pudding_strict(tst_photos)
add_test(NAME tst_photos COMMAND tst_photos)
set_tests_properties(tst_photos PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
