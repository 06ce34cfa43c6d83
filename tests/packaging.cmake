# SPDX-License-Identifier: GPL-3.0-or-later
# The packaging files, checked in seconds without building a package (that is
# packaging/build-debs.sh): the desktop entry, the AppStream metainfo, the man pages, the icons,
# the systemd unit (systemd-analyze verify against the built server, and a hardening score of
# at most 2.0), and that every option of `pudding-server --help` is documented in the man page
# and in packaging/server.ini. Each checker also refuses a broken copy (a negative control).
set(_pkg_check ${PROJECT_SOURCE_DIR}/packaging/check-packaging.sh)
foreach(check desktop metainfo man icons)
    add_test(NAME packaging_${check} COMMAND bash ${_pkg_check} ${check})
endforeach()
add_test(NAME packaging_unit COMMAND bash ${_pkg_check} unit $<TARGET_FILE:pudding-server>)

set(_docs_check /usr/bin/python3 ${PROJECT_SOURCE_DIR}/packaging/check-docs.py)
add_test(NAME packaging_docs COMMAND ${_docs_check} --server $<TARGET_FILE:pudding-server>
    --source-dir ${PROJECT_SOURCE_DIR})
add_test(NAME packaging_docs_self_test COMMAND ${_docs_check} --self-test)
# Negative control on the real files: an option the docs do not know must be reported.
add_test(NAME packaging_docs_negative COMMAND ${_docs_check} --server $<TARGET_FILE:pudding-server>
    --source-dir ${PROJECT_SOURCE_DIR} --pretend-option frobnicate-everything)
set_tests_properties(packaging_docs_negative PROPERTIES
    PASS_REGULAR_EXPRESSION "--frobnicate-everything is not documented in the man page")
