-- SPDX-License-Identifier: GPL-3.0-or-later
-- The organizers' join-request digests (issue 14, server/notifications): a join_request notice
-- whose mail waits for the next hourly or daily digest is marked here; the digest job lists
-- the marked notices of its recipient in one mail and clears the marks in the same
-- transaction, so a repeated job sends nothing twice.
ALTER TABLE notifications ADD COLUMN mail_pending boolean NOT NULL DEFAULT false;
CREATE INDEX notifications_mail_pending_idx ON notifications (user_id, id) WHERE mail_pending;
