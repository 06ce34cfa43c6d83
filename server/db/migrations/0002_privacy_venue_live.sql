-- Location privacy that holds against search, the venue, and live frames by reference.

-- Everyone but the organizer and the approved guests sees, searches and sorts by a public
-- point: 600-1200 m from the true place in a random direction, chosen once per place (so
-- averaging many answers reveals nothing) and again only when the place moves. A trigger keeps
-- it, so every writer (API, demo seeder, ad-hoc SQL) gets one.
ALTER TABLE events
    ADD COLUMN public_lat double precision,
    ADD COLUMN public_lng double precision,
    ADD COLUMN venue text NOT NULL DEFAULT '' CHECK (char_length(venue) <= 200);

CREATE FUNCTION pudding_events_public_point() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    distance double precision;
    bearing double precision;
BEGIN
    IF TG_OP = 'INSERT' OR NEW.public_lat IS NULL OR NEW.public_lng IS NULL
       OR NEW.lat IS DISTINCT FROM OLD.lat OR NEW.lng IS DISTINCT FROM OLD.lng THEN
        distance := 600 + random() * 600;
        bearing := random() * 2 * pi();
        NEW.public_lat := NEW.lat + distance * cos(bearing) / 111320.0;
        NEW.public_lng := NEW.lng + distance * sin(bearing) / (111320.0 * cos(radians(NEW.lat)));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER events_public_point BEFORE INSERT OR UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION pudding_events_public_point();

UPDATE events SET public_lat = NULL;
ALTER TABLE events ALTER COLUMN public_lat SET NOT NULL, ALTER COLUMN public_lng SET NOT NULL;

-- Live frames too large for a NOTIFY payload (PostgreSQL refuses 8000 bytes or more, and the
-- refusal aborts the writing transaction) are stored here in the same transaction and the
-- NOTIFY carries only the id. Rows are read once by every instance and removed after minutes.
CREATE TABLE live_frames (
    id         bigserial PRIMARY KEY,
    payload    text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
