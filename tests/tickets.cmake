# Tickets: the signed QR payload on its own, and tickets issued and revoked with the
# attendance states against the real server.
pudding_test(tst_ticket)
pudding_test(tst_tickets NEEDS_DB)
