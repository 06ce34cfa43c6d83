-- SPDX-License-Identifier: GPL-3.0-or-later
-- Ticket changes reach the door: every ticket issued or revoked is announced on pudding_live
-- in the very transaction that issued or revoked it (delivered at COMMIT), whichever path did
-- it (an approval, leaving, a rejection, a cancellation, the seed). The live layer of every
-- instance turns the announcement into a checkin_update frame for the organizer and the
-- event's door devices (checkin/, live/livehub.h kind "tickets"). One notification per event
-- and statement; more than 500 changed tickets are announced without their ids ("t": null:
-- the door devices fetch the bundle again).
CREATE FUNCTION pudding_tickets_announce() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        FOR changed IN SELECT event_id, array_agg(id ORDER BY id) AS ids FROM new_tickets
                       GROUP BY event_id LOOP
            PERFORM pg_notify('pudding_live', json_build_object('k', 'tickets',
                'e', changed.event_id,
                't', CASE WHEN cardinality(changed.ids) <= 500 THEN to_json(changed.ids) END)::text);
        END LOOP;
    ELSE
        FOR changed IN SELECT n.event_id, array_agg(n.id ORDER BY n.id) AS ids
                       FROM new_tickets n JOIN old_tickets o ON o.id = n.id
                       WHERE n.revoked_at IS DISTINCT FROM o.revoked_at
                       GROUP BY n.event_id LOOP
            PERFORM pg_notify('pudding_live', json_build_object('k', 'tickets',
                'e', changed.event_id,
                't', CASE WHEN cardinality(changed.ids) <= 500 THEN to_json(changed.ids) END)::text);
        END LOOP;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tickets_announce_insert AFTER INSERT ON tickets
    REFERENCING NEW TABLE AS new_tickets
    FOR EACH STATEMENT EXECUTE FUNCTION pudding_tickets_announce();
CREATE TRIGGER tickets_announce_update AFTER UPDATE ON tickets
    REFERENCING OLD TABLE AS old_tickets NEW TABLE AS new_tickets
    FOR EACH STATEMENT EXECUTE FUNCTION pudding_tickets_announce();
