-- SPDX-License-Identifier: GPL-3.0-or-later
-- A revision per event, raised by every change to what an instance's index holds of it: the
-- row itself, and who is approved (the guest list decides who sees the exact place, and the
-- count is the free places). An index refuses a reload older than what it holds, so a reload
-- started before a write but finished after it cannot bring back the old state (read your
-- writes on the instance that wrote; the newest state on every other one).
ALTER TABLE events ADD COLUMN revision bigint NOT NULL DEFAULT 1;

CREATE FUNCTION pudding_events_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.revision := OLD.revision + 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER events_revision BEFORE UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION pudding_events_revision();

-- Approvals, leaves and removals change the guest list. Every path that does so holds the
-- event's row lock already (MeetupRepository::lockEvent), so this adds no new waiting.
CREATE FUNCTION pudding_attendances_event_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP = 'INSERT' AND NEW.status = 'APPROVED')
       OR (TG_OP = 'DELETE' AND OLD.status = 'APPROVED')
       OR (TG_OP = 'UPDATE' AND OLD.status IS DISTINCT FROM NEW.status
           AND (OLD.status = 'APPROVED' OR NEW.status = 'APPROVED')) THEN
        UPDATE events SET revision = revision + 1
            WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.event_id ELSE NEW.event_id END;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER attendances_event_revision AFTER INSERT OR UPDATE OR DELETE ON attendances
    FOR EACH ROW EXECUTE FUNCTION pudding_attendances_event_revision();
