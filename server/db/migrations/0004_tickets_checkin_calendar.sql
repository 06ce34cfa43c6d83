-- SPDX-License-Identifier: GPL-3.0-or-later
-- After approval: tickets with signed QR codes, door check-in, calendar feeds (issue 13).

-- Ed25519 public keys of every instance's ticket signing keys (the private keys stay in files
-- on each server, see docs/ADMIN-tickets.md). Retired keys are left out of check-in bundles.
CREATE TABLE ticket_keys (
    kid        text PRIMARY KEY CHECK (kid ~ '^[A-Za-z0-9_-]{4,32}$'),
    public_key bytea NOT NULL UNIQUE CHECK (octet_length(public_key) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz
);

-- attendance_id: the request the ticket was issued for. A request that is deleted (joining
-- again after leaving, lifting a refusal) leaves its revoked tickets behind with NULL here: a
-- revocation must outlive the request, because printed QR codes still verify offline.
-- A valid ticket always has its request (the delete trigger below revokes first).
CREATE TABLE tickets (
    id            bigserial PRIMARY KEY,
    attendance_id bigint REFERENCES attendances(id) ON DELETE SET NULL,
    event_id      bigint NOT NULL REFERENCES events(id),
    user_id       bigint NOT NULL REFERENCES users(id),
    number        text NOT NULL UNIQUE CHECK (number ~ '^[2-9A-HJKMNP-Z]{8}$'),
    seed          bytea NOT NULL CHECK (octet_length(seed) = 16),
    issued_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    revoke_reason text CHECK (revoke_reason IN ('LEFT', 'REJECTED', 'CANCELLED', 'REMOVED')),
    CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL)),
    CHECK (revoked_at IS NOT NULL OR attendance_id IS NOT NULL)
);
-- exactly one valid ticket per approved attendance
CREATE UNIQUE INDEX tickets_valid_per_attendance ON tickets (attendance_id) WHERE revoked_at IS NULL;
CREATE INDEX tickets_event_idx ON tickets (event_id);
CREATE INDEX tickets_user_idx ON tickets (user_id);

-- Issuing and revoking are part of the very transaction that changes the attendance, on every
-- path (API, demo seeder, ad-hoc SQL, races): no valid ticket for a guest who is not approved.
CREATE FUNCTION pudding_issue_ticket(a_id bigint, e_id bigint, u_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    alphabet constant text := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
    h bytea;
    num text;
    cancelled timestamptz;
    violated text;
BEGIN
    SELECT cancelled_at INTO cancelled FROM events WHERE id = e_id;
    LOOP
        -- 32 bytes from two v4 UUIDs (244 random bits): 16 of them make 8 characters (two
        -- bytes each, so the modulo's bias is negligible), 16 others the seed.
        h := sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));
        num := '';
        FOR i IN 0..7 LOOP
            num := num || substr(alphabet,
                1 + ((get_byte(h, 2 * i) * 256 + get_byte(h, 2 * i + 1)) % 31), 1);
        END LOOP;
        BEGIN
            -- An approval in a cancelled meetup (only ad-hoc SQL can make one) gets a ticket
            -- that is revoked from the start.
            INSERT INTO tickets (attendance_id, event_id, user_id, number, seed, revoked_at,
                                 revoke_reason)
                VALUES (a_id, e_id, u_id, num, substring(h FROM 17 FOR 16),
                        CASE WHEN cancelled IS NULL THEN NULL ELSE now() END,
                        CASE WHEN cancelled IS NULL THEN NULL ELSE 'CANCELLED' END);
            RETURN;
        EXCEPTION WHEN unique_violation THEN
            GET STACKED DIAGNOSTICS violated = CONSTRAINT_NAME;
            IF violated IS DISTINCT FROM 'tickets_number_key' THEN
                RAISE;
            END IF;
            -- a number already taken: draw again
        END;
    END LOOP;
END
$$;

CREATE FUNCTION pudding_attendances_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE tickets SET revoked_at = now(), revoke_reason = 'REMOVED'
            WHERE attendance_id = OLD.id AND revoked_at IS NULL;
        RETURN OLD;
    END IF;
    IF NEW.status = 'APPROVED' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'APPROVED') THEN
        PERFORM pudding_issue_ticket(NEW.id, NEW.event_id, NEW.user_id);
    ELSIF TG_OP = 'UPDATE' AND OLD.status = 'APPROVED' AND NEW.status IS DISTINCT FROM 'APPROVED' THEN
        UPDATE tickets SET revoked_at = now(),
                           revoke_reason = CASE NEW.status WHEN 'LEFT' THEN 'LEFT'
                                                           WHEN 'REJECTED' THEN 'REJECTED'
                                                           ELSE 'REMOVED' END
            WHERE attendance_id = NEW.id AND revoked_at IS NULL;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER attendances_tickets AFTER INSERT OR UPDATE OF status ON attendances
    FOR EACH ROW EXECUTE FUNCTION pudding_attendances_tickets();
-- Before the row goes (and ON DELETE SET NULL empties tickets.attendance_id).
CREATE TRIGGER attendances_tickets_delete BEFORE DELETE ON attendances
    FOR EACH ROW EXECUTE FUNCTION pudding_attendances_tickets();

CREATE FUNCTION pudding_events_cancel_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tickets SET revoked_at = now(), revoke_reason = 'CANCELLED'
        WHERE event_id = NEW.id AND revoked_at IS NULL;
    RETURN NULL;
END
$$;

CREATE TRIGGER events_cancel_tickets AFTER UPDATE OF cancelled_at ON events
    FOR EACH ROW WHEN (OLD.cancelled_at IS NULL AND NEW.cancelled_at IS NOT NULL)
    EXECUTE FUNCTION pudding_events_cancel_tickets();

-- Approved attendances that exist already get their ticket now.
SELECT pudding_issue_ticket(a.id, a.event_id, a.user_id)
    FROM attendances a WHERE a.status = 'APPROVED' ORDER BY a.id;

CREATE TABLE door_tokens (
    id         bigserial PRIMARY KEY,
    event_id   bigint NOT NULL REFERENCES events(id),
    created_by bigint NOT NULL REFERENCES users(id),
    label      text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 80),
    token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX door_tokens_event_idx ON door_tokens (event_id);

CREATE TABLE checkins (
    id            bigserial PRIMARY KEY,
    event_id      bigint NOT NULL REFERENCES events(id),
    ticket_id     bigint NOT NULL REFERENCES tickets(id),
    client_nonce  text NOT NULL CHECK (char_length(client_nonce) BETWEEN 8 AND 64),
    device_id     text NOT NULL CHECK (char_length(device_id) BETWEEN 1 AND 64),
    scanned_at    timestamptz NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    user_id       bigint REFERENCES users(id),        -- the organizer who scanned, or
    door_token_id bigint REFERENCES door_tokens(id),  -- the door token that did
    undone_at     timestamptz,
    UNIQUE (event_id, client_nonce)
);
CREATE INDEX checkins_ticket_idx ON checkins (ticket_id);

-- personal calendar feed: one per user, regenerating replaces the token, revoking deletes it
CREATE TABLE calendar_feeds (
    user_id    bigint PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    language   text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de')),
    created_at timestamptz NOT NULL DEFAULT now()
);
