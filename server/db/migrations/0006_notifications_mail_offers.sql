-- SPDX-License-Identifier: GPL-3.0-or-later
-- Reaching people when the app is closed (issue 14): the clock every time rule below reads,
-- accounts' language and preferences, the notification inbox, the durable job queue (mail,
-- offer expiry, reminders, digests), account tokens (password reset, address confirmation),
-- waitlist offers with expiry and regulars, reminder deliveries, the link-signing secret.

-- The clock of the queue, reminders and offers. Tests move it (offset_seconds) instead of
-- sleeping; production leaves the single row at 0 (the server warns at start-up otherwise).
CREATE TABLE pudding_clock (
    id             boolean PRIMARY KEY DEFAULT true CHECK (id),
    offset_seconds double precision NOT NULL DEFAULT 0
);
INSERT INTO pudding_clock DEFAULT VALUES;
CREATE FUNCTION pudding_now() RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT now() + make_interval(secs => (SELECT offset_seconds FROM pudding_clock))
$$;

-- Secrets every instance shares: 'links' signs the links in mails (unsubscribe, can't come).
CREATE TABLE server_secrets (
    name       text PRIMARY KEY,
    secret     bytea NOT NULL CHECK (octet_length(secret) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO server_secrets (name, secret)
VALUES ('links', sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())));

-- The account's language (mails and inbox texts), time zone (times in mails, the daily
-- digest at 18:00), confirmed address, join-request mail rhythm (organizers) and reminder
-- offsets in minutes before the start (empty: no reminders).
ALTER TABLE users
    ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de')),
    ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Berlin'
        CHECK (char_length(time_zone) BETWEEN 1 AND 64),
    ADD COLUMN email_confirmed_at timestamptz,
    ADD COLUMN join_request_mail text NOT NULL DEFAULT 'immediate'
        CHECK (join_request_mail IN ('immediate', 'hourly', 'daily')),
    ADD COLUMN reminder_offsets integer[] NOT NULL DEFAULT '{1440,120}'
        CHECK (cardinality(reminder_offsets) <= 4 AND 5 <= ALL (reminder_offsets)
               AND 20160 >= ALL (reminder_offsets));

-- The inbox. Written in the transaction of the change that causes it; title and body in the
-- recipient's language at that moment. link: what the app opens ('event/12',
-- 'event/12/chat', 'event/12/requests', 'event/12/offer'). Chat messages while away are one
-- unread row per meetup whose count grows.
CREATE TABLE notifications (
    id            bigserial PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    type          text NOT NULL CHECK (type IN ('join_request', 'approved', 'rejected',
                      'waitlist_offer', 'offer_expired', 'meetup_changed', 'meetup_cancelled',
                      'chat_message', 'reminder')),
    title         text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
    body          text NOT NULL DEFAULT '' CHECK (char_length(body) <= 2000),
    link          text NOT NULL DEFAULT '' CHECK (char_length(link) <= 200),
    event_id      bigint REFERENCES events(id),
    attendance_id bigint, -- no foreign key: requests are deleted on rejoin, the inbox stays
    count         integer NOT NULL DEFAULT 1 CHECK (count >= 1),
    created_at    timestamptz NOT NULL DEFAULT pudding_now(),
    read_at       timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_chat_batch ON notifications (user_id, event_id)
    WHERE type = 'chat_message' AND read_at IS NULL;

-- Per type and channel; no row means the type's default (server/notifications).
CREATE TABLE notification_preferences (
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    type    text NOT NULL CHECK (char_length(type) BETWEEN 1 AND 40),
    channel text NOT NULL CHECK (channel IN ('app', 'mail')),
    enabled boolean NOT NULL,
    PRIMARY KEY (user_id, type, channel)
);

-- The durable job queue: written in the transaction that causes the job, claimed with
-- FOR UPDATE SKIP LOCKED by any instance (server/jobs). A job whose claimer's database
-- session is gone, or whose lease ran out, is claimed again. message_id: a mail's Message-ID,
-- fixed when it is queued, so a repeat after a crash is the same message.
CREATE TABLE jobs (
    id                   bigserial PRIMARY KEY,
    kind                 text NOT NULL CHECK (char_length(kind) BETWEEN 1 AND 40),
    payload              jsonb NOT NULL DEFAULT '{}',
    dedupe_key           text UNIQUE CHECK (char_length(dedupe_key) <= 200),
    state                text NOT NULL DEFAULT 'queued'
                         CHECK (state IN ('queued', 'running', 'done', 'dead', 'cancelled')),
    run_at               timestamptz NOT NULL DEFAULT pudding_now(),
    attempts             integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts         integer NOT NULL DEFAULT 8 CHECK (max_attempts >= 1),
    locked_by            text,
    locked_pid           integer,
    locked_backend_start timestamptz,
    locked_until         timestamptz,
    last_error           text,
    message_id           text UNIQUE,
    created_at           timestamptz NOT NULL DEFAULT pudding_now(),
    finished_at          timestamptz,
    CHECK ((state = 'running') = (locked_until IS NOT NULL))
);
CREATE INDEX jobs_due_idx ON jobs (run_at, id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_dead_idx ON jobs (id) WHERE state = 'dead';
-- Every instance's worker wakes when a job is queued (sent at COMMIT).
CREATE FUNCTION pudding_jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('pudding_jobs', '');
    RETURN NULL;
END $$;
CREATE TRIGGER jobs_notify AFTER INSERT ON jobs
    FOR EACH STATEMENT EXECUTE FUNCTION pudding_jobs_notify();

-- Single-use tokens sent by mail; only the SHA-256 is stored. email: the address it was sent
-- to (a confirmation confirms that address only).
CREATE TABLE account_tokens (
    token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    user_id    bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('password_reset', 'email_confirmation')),
    email      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT pudding_now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);

-- Waitlist offers. OFFERED: a place is held for this guest until offer_expires_at.
-- holds_place: OFFERED, or PENDING after accepting an offer (the place stays held while the
-- organizer reviews). Rule (server/meetups): APPROVED + holds_place <= attendee_limit.
-- preapproved: the organizer approved while waitlisted; accepting the offer approves.
ALTER TABLE attendances DROP CONSTRAINT attendances_status_check;
ALTER TABLE attendances
    ADD CONSTRAINT attendances_status_check
        CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WAITLISTED', 'LEFT', 'OFFERED')),
    ADD COLUMN holds_place boolean NOT NULL DEFAULT false,
    ADD COLUMN offer_expires_at timestamptz,
    ADD COLUMN preapproved boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT attendances_offer_check
        CHECK ((status = 'OFFERED') = (offer_expires_at IS NOT NULL)),
    ADD CONSTRAINT attendances_holds_check
        CHECK (NOT holds_place OR status IN ('OFFERED', 'PENDING'));
-- The offer window in minutes; NULL: 12 hours, 2 hours when the meetup is less than a day away.
ALTER TABLE events
    ADD COLUMN offer_window_minutes integer CHECK (offer_window_minutes BETWEEN 15 AND 10080);
-- An organizer's regulars come first in the queue of each of their meetups.
CREATE TABLE regulars (
    organizer_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organizer_id, user_id),
    CHECK (organizer_id <> user_id)
);

-- One row per reminder sent (or skipped because a later one was due): never twice for the
-- same start. A moved meetup has a new start_time, so its reminders come again.
CREATE TABLE reminder_deliveries (
    attendance_id  bigint NOT NULL REFERENCES attendances(id) ON DELETE CASCADE,
    offset_minutes integer NOT NULL,
    start_time     timestamptz NOT NULL,
    sent_at        timestamptz NOT NULL DEFAULT pudding_now(),
    skipped        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (attendance_id, offset_minutes, start_time)
);
