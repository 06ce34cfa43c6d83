# SPDX-License-Identifier: GPL-3.0-or-later
# The API contract (docs/API.md): every response and frame the test support receives from the
# server is recorded (testsupport/contractrecorder.h) and checked against api/openapi.json and
# api/live-frames.schema.json after the last server test, together with the saved server logs
# (no token or password the tests used may appear in one).
set(PUDDING_CONTRACT_DIR ${CMAKE_BINARY_DIR}/contract-recordings)
target_sources(pudding-testsupport PRIVATE
    testsupport/contractrecorder.h testsupport/contractrecorder.cpp)
target_compile_definitions(pudding-testsupport PUBLIC
    PUDDING_CONTRACT_DIR="${PUDDING_CONTRACT_DIR}")

# Debian's python3 (python3-jsonschema), not whichever python3 comes first on PATH.
set(PUDDING_SYSTEM_PYTHON /usr/bin/python3)
set(PUDDING_CHECK_CONTRACT ${PROJECT_SOURCE_DIR}/packaging/check-contract.py)

# Empties the recordings before the first server test (a setup of the `postgres` fixture) and
# checks them after the last one (a cleanup of it): ctest orders both around every test that
# needs the database, with -j too.
add_test(NAME contract_reset COMMAND ${CMAKE_COMMAND} -E rm -rf ${PUDDING_CONTRACT_DIR})
set_tests_properties(contract_reset PROPERTIES FIXTURES_SETUP postgres)
add_test(NAME contract COMMAND ${PUDDING_SYSTEM_PYTHON} ${PUDDING_CHECK_CONTRACT}
    --source-dir ${PROJECT_SOURCE_DIR} --recordings ${PUDDING_CONTRACT_DIR})
set_tests_properties(contract PROPERTIES FIXTURES_CLEANUP postgres TIMEOUT 300)
# The checker catches what it must: a wrong body, an undocumented status, an unknown path, a
# bad frame, a leaked token, an undocumented route or error code.
add_test(NAME contract_self_test COMMAND ${PUDDING_SYSTEM_PYTHON} ${PUDDING_CHECK_CONTRACT}
    --self-test --source-dir ${PROJECT_SOURCE_DIR})

# GET /api/openapi.json serves the repository's document, public and cacheable.
pudding_test(tst_apidoc NEEDS_DB)
target_compile_definitions(tst_apidoc PRIVATE
    PUDDING_OPENAPI_FILE="${PROJECT_SOURCE_DIR}/api/openapi.json")
