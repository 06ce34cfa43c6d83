-- SPDX-License-Identifier: GPL-3.0-or-later
-- Pudding Gabel: the initial schema. Applied by Migrator inside a transaction under an advisory
-- lock. Never edit an applied migration: add a new numbered file.

CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    email         text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- Email addresses are unique regardless of case.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

-- Opaque bearer tokens: only the SHA-256 of a token is stored.
CREATE TABLE sessions (
    token_hash  bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE events (
    id             bigserial PRIMARY KEY,
    organizer_id   bigint NOT NULL REFERENCES users(id),
    title          text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 120),
    description    text NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
    lat            double precision NOT NULL CHECK (lat BETWEEN 47.27 AND 55.06),
    lng            double precision NOT NULL CHECK (lng BETWEEN 5.86 AND 15.05),
    city           text NOT NULL CHECK (char_length(city) BETWEEN 1 AND 80),
    state          text NOT NULL DEFAULT '' CHECK (char_length(state) <= 40),
    start_time     timestamptz NOT NULL,
    end_time       timestamptz NOT NULL,
    attendee_limit integer NOT NULL CHECK (attendee_limit BETWEEN 1 AND 10000),
    cancelled_at   timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (end_time > start_time)
);
CREATE INDEX events_start_idx ON events (start_time, id);
CREATE INDEX events_organizer_idx ON events (organizer_id);
-- The radius/bbox search is served from the in-memory EventIndex; this index serves ad-hoc
-- SQL and the start-up load.
CREATE INDEX events_lat_lng_idx ON events (lat, lng);

CREATE TABLE photos (
    id           bigserial PRIMARY KEY,
    owner_id     bigint NOT NULL REFERENCES users(id),
    sha256       bytea NOT NULL CHECK (octet_length(sha256) = 32),
    mime_type    text NOT NULL,
    width        integer NOT NULL CHECK (width > 0),
    height       integer NOT NULL CHECK (height > 0),
    byte_size    integer NOT NULL CHECK (byte_size > 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX photos_owner_idx ON photos (owner_id);

CREATE TABLE attendances (
    id                  bigserial PRIMARY KEY,
    event_id            bigint NOT NULL REFERENCES events(id),
    user_id             bigint NOT NULL REFERENCES users(id),
    status              text NOT NULL
                        CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WAITLISTED', 'LEFT')),
    pudding_name        text NOT NULL DEFAULT '' CHECK (char_length(pudding_name) <= 80),
    pudding_description text NOT NULL DEFAULT '' CHECK (char_length(pudding_description) <= 500),
    photo_id            bigint REFERENCES photos(id),
    note                text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, user_id)
);
CREATE INDEX attendances_event_status_idx ON attendances (event_id, status);
CREATE INDEX attendances_user_idx ON attendances (user_id);

CREATE TABLE messages (
    id            bigserial PRIMARY KEY,
    event_id      bigint NOT NULL REFERENCES events(id),
    user_id       bigint NOT NULL REFERENCES users(id),
    content       text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 2000),
    client_msg_id text CHECK (char_length(client_msg_id) <= 64),
    photo_id      bigint REFERENCES photos(id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- History paging walks (event_id, id); idempotent retries look up (user, clientMsgId).
CREATE INDEX messages_event_id_idx ON messages (event_id, id);
CREATE UNIQUE INDEX messages_client_msg_key ON messages (event_id, user_id, client_msg_id)
    WHERE client_msg_id IS NOT NULL;
