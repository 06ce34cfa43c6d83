# SPDX-License-Identifier: GPL-3.0-or-later
# Password reset and address confirmation (issue 14): the server against PostgreSQL, the mails
# read from the job queue.
pudding_test(tst_passwordreset NEEDS_DB)
