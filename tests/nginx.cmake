# SPDX-License-Identifier: GPL-3.0-or-later
# Three server instances behind a real nginx (Debian's package) configured with the project's
# packaging/nginx-pudding*.conf: TLS, WebSockets, chat across instances, fail-over after a
# SIGKILL, approvals under a race, edit propagation, limits. Skips when nginx is not installed.
target_compile_definitions(pudding-testsupport PRIVATE
    PUDDING_NGINX_CONF_DIR="${PROJECT_SOURCE_DIR}/packaging")
pudding_test(tst_nginx NEEDS_DB)
set_tests_properties(tst_nginx PROPERTIES TIMEOUT 180)
