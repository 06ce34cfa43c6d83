# SPDX-License-Identifier: GPL-3.0-or-later
# The live protocol on /ws (real QWebSocket clients), and the crash test: acked messages survive
# a SIGKILL of the server and reach every client that resumes.
pudding_test(tst_chat NEEDS_DB)
pudding_test(tst_chatfault NEEDS_DB)
# A poisoned message among 40 ordinary ones in one group-commit batch is refused alone.
pudding_test(tst_chatpoison NEEDS_DB)
