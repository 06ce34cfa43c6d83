# SPDX-License-Identifier: GPL-3.0-or-later
# The multipart/form-data parser (server/http/multipart.h): no database; the curl case runs
# the real curl against a local socket and skips when curl is not installed.
pudding_test(tst_multipart)
