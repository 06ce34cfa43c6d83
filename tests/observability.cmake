# SPDX-License-Identifier: GPL-3.0-or-later
# /metrics (promtool check metrics on the real body, the allow-list, --metrics off), X-Request-Id,
# JSON logs carrying the request id into the database thread and the live frames, no secret in
# any log line of a whole scenario, and the example alerting rules (promtool check rules).
pudding_test(tst_observability NEEDS_DB)
target_compile_definitions(tst_observability PRIVATE
    PUDDING_ALERT_RULES="${PROJECT_SOURCE_DIR}/packaging/prometheus/pudding-alerts.yml")
