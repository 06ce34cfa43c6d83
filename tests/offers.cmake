# Waitlist offers with expiry: accept/decline/expiry via the job queue and the test clock,
# regulars, pre-approval, capacity races on two instances with a negative control, SIGKILL.
pudding_test(tst_offers NEEDS_DB)

