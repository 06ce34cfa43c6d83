-- SPDX-License-Identifier: GPL-3.0-or-later
-- Runs on the peer's database `bench` right after its setup-db.sh (100,000 events uniform over
-- Germany's box, ~300,000 attendances of which 70% APPROVED, 10,000 users). It changes only
-- what would make the two servers' answers differ for reasons that are not speed, then adds
-- the users the load tools sign in as. import.sh then copies all of it into our schema, so
-- both servers serve exactly the same rows.
--
-- 1. Start times: the peer orders by start_time alone (ties in any order), we by
--    (start_time, id) at millisecond precision, and we compute UPCOMING/ONGOING from the
--    clock while the peer reads the stored status 'UPCOMING'. So every event gets a distinct
--    start time on a whole second, keeping the random order of setup-db.sh, between one and
--    ~60 days ahead: no tie, no rounding difference, every event upcoming for both servers for
--    the whole run.
-- 2. Radius edges: the peer's earthdistance uses an earth radius of 6,378,168 m, our haversine
--    6,371,008.8 m, so distances differ by 0.11%; the peer keeps d < r, we d <= r. Events
--    whose distance to one of the benchmark's query centres lies within ±0.5% of that query's
--    radius are moved radially outward to 1.01 r (a handful of the 100,000), so no event is
--    inside one server's circle and outside the other's.
-- 3. Benchmark users (ids above 10,000, both schemas): chat clients, idle connections and
--    uploaders, and APPROVED attendances of the chat clients in the chat rooms (events
--    1..:rooms, :per_room clients each).
\set ON_ERROR_STOP on

BEGIN;

-- 1 ---------------------------------------------------------------------------------------
WITH ranked AS (
    SELECT id, row_number() OVER (ORDER BY start_time, id) AS rn FROM events
), base AS (
    SELECT date_trunc('minute', now()) + interval '1 day' AS t
)
UPDATE events e
   SET start_time = base.t + ranked.rn * interval '51 seconds',
       end_time   = base.t + ranked.rn * interval '51 seconds' + interval '2 hours',
       status     = 'UPCOMING'
  FROM ranked, base
 WHERE e.id = ranked.id;

-- 2 ---------------------------------------------------------------------------------------
CREATE TEMP TABLE bench_queries(name text, lat float8, lng float8, r float8);
INSERT INTO bench_queries VALUES
    ('Berlin',    52.52,   13.40,  20000),
    ('Hamburg',   53.55,   10.00,  10000),
    ('Muenchen',  48.137,  11.575, 30000),
    ('Koeln',     50.94,    6.96,   5000),
    ('Frankfurt', 50.11,    8.68,  50000),
    ('Stuttgart', 48.78,    9.18,  25000);

CREATE FUNCTION pg_temp.haversine(lat1 float8, lng1 float8, lat2 float8, lng2 float8)
RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
    SELECT 2 * 6371008.8 * asin(sqrt(
        sin(radians(lat2 - lat1) / 2) ^ 2
        + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lng2 - lng1) / 2) ^ 2))
$$;

-- The point at `dist` metres from (lat1, lng1) in the direction of (lat2, lng2).
CREATE FUNCTION pg_temp.outward(lat1 float8, lng1 float8, lat2 float8, lng2 float8, dist float8,
                                OUT lat float8, OUT lng float8)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    p1 float8 := radians(lat1); l1 float8 := radians(lng1);
    p2 float8 := radians(lat2); dl float8 := radians(lng2 - lng1);
    bearing float8 := atan2(sin(dl) * cos(p2), cos(p1) * sin(p2) - sin(p1) * cos(p2) * cos(dl));
    d float8 := dist / 6371008.8;
    p3 float8;
BEGIN
    p3 := asin(sin(p1) * cos(d) + cos(p1) * sin(d) * cos(bearing));
    lat := degrees(p3);
    lng := degrees(l1 + atan2(sin(bearing) * sin(d) * cos(p1), cos(d) - sin(p1) * sin(p3)));
END $$;

CREATE TEMP TABLE bench_moved AS
SELECT DISTINCT ON (e.id) e.id, q.name, e.lat AS old_lat, e.lng AS old_lng, o.lat, o.lng
  FROM events e
  JOIN bench_queries q
    ON pg_temp.haversine(q.lat, q.lng, e.lat, e.lng) BETWEEN q.r * 0.995 AND q.r * 1.005
 CROSS JOIN LATERAL pg_temp.outward(q.lat, q.lng, e.lat, e.lng, q.r * 1.01) o;
UPDATE events e SET lat = m.lat, lng = m.lng FROM bench_moved m WHERE e.id = m.id;
SELECT name AS "moved off a radius edge", count(*) FROM bench_moved GROUP BY name ORDER BY name;

-- No event may be inside one server's circle and outside the other's.
DO $$
DECLARE disagreeing bigint;
BEGIN
    SELECT count(*) INTO disagreeing
      FROM events e, bench_queries q
     WHERE (pg_temp.haversine(q.lat, q.lng, e.lat, e.lng) <= q.r)
        <> (earth_distance(ll_to_earth(q.lat, q.lng), ll_to_earth(e.lat, e.lng)) < q.r);
    IF disagreeing > 0 THEN
        RAISE EXCEPTION '% events are still inside one circle and outside the other', disagreeing;
    END IF;
END $$;

-- 3 ---------------------------------------------------------------------------------------
INSERT INTO users(id, name, email)
SELECT g, 'bench' || g, 'bench' || g || '@bench.pudding-gabel.de'
  FROM generate_series(10001, 10000 + :bench_users) g;
SELECT setval('users_id_seq', (SELECT max(id) FROM users));

-- Chat clients: users 10001.. in rooms 1..:rooms, :per_room each, APPROVED.
INSERT INTO attendances(user_id, event_id, status, pudding_photo)
SELECT 10001 + (room - 1) * :per_room + slot, room, 'APPROVED', 'p.jpg'
  FROM generate_series(1, :rooms) room, generate_series(0, :per_room - 1) slot;

ANALYZE events; ANALYZE attendances; ANALYZE users;
COMMIT;
