# The durable job queue and outgoing mail (issue 14): mails through a real SMTP server
# (aiosmtpd, tests/testsupport/smtpsink.py), backoff on the database clock, dead letters and
# the admin command, SIGKILL between the SMTP send and "done", two instances, .eml files; and
# the MIME composer checked by Python's email parser with policy=strict (tests/mime/).
pudding_test(tst_jobs NEEDS_DB)
pudding_test(tst_mime)
target_compile_definitions(tst_mime PRIVATE PUDDING_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PUDDING_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/tests/screenshots")
target_link_libraries(tst_mime PRIVATE Qt6::Gui)
