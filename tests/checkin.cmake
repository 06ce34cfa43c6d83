# SPDX-License-Identifier: GPL-3.0-or-later
# Check-in at the door: the bundle, batches of scans (retries, two offline devices, forged
# and revoked tickets, 500 at once), undo, door tokens over REST and the WebSocket.
pudding_test(tst_checkin NEEDS_DB)
