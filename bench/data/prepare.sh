#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Loads the benchmark data set into the local PostgreSQL 15 cluster for BOTH servers:
#   database `bench`          the peer's schema, made by the peer's own setup-db.sh
#   database `pudding_bench`  our schema (migrated by pudding-server), the same rows copied in
# and writes the load tools' fixture files (user ids and tokens) into OUT_DIR.
#
#   bench/data/prepare.sh PEER_DIR PUDDING_SERVER_BINARY OUT_DIR
#
# Needs root (setup-db.sh runs `su postgres`) and the system cluster running
# (pg_ctlcluster 15 main start). Sizes: BENCH_ROOMS (chat rooms, default 300),
# BENCH_PER_ROOM (clients per room, 10), BENCH_IDLE (idle connections, 10000),
# BENCH_UPLOADERS (20).
set -euo pipefail

peer_dir=$1
server=$2
out=$3
here=$(cd "$(dirname "$0")" && pwd)
rooms=${BENCH_ROOMS:-300}
per_room=${BENCH_PER_ROOM:-10}
idle=${BENCH_IDLE:-10000}
uploaders=${BENCH_UPLOADERS:-20}
bench_users=$((rooms * per_room + idle + uploaders))
mkdir -p "$out"

export PGPASSWORD=bench
peer_psql=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U bench -d bench)
ours_psql=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U bench -d pudding_bench)
ours_url=postgresql://bench:bench@127.0.0.1:5432/pudding_bench

echo "== the peer's setup-db.sh" >&2
bash "$peer_dir/setup-db.sh" > /dev/null
echo "== normalize (start times, radius edges, benchmark users)" >&2
"${peer_psql[@]}" -v bench_users="$bench_users" -v rooms="$rooms" -v per_room="$per_room" \
    -f "$here/normalize.sql"

echo "== our schema (pudding-server migrate) and the same rows" >&2
su postgres -c "psql -X -q -c 'DROP DATABASE IF EXISTS pudding_bench' -c 'CREATE DATABASE pudding_bench OWNER bench'"
"$server" migrate --database "$ours_url" >&2

# Every account's password is "pudding-bench-2026" (argon2id, the server's own parameters), so
# POST /api/auth/login works for any of them; the load tools use the sessions made below.
hash='$argon2id$v=19$m=19456,t=2,p=1$24trcum1prmcELeA8fZ+8w$lupdNgBT4S/uNAIGTbpJmotBPiGh3rMcQjtl01DUChg'
copy() { # copy SELECT-on-peer TABLE(columns)-on-ours
    "${peer_psql[@]}" -c "COPY ($1) TO STDOUT" | "${ours_psql[@]}" -c "COPY $2 FROM STDIN"
}
copy "SELECT id, email, name, '${hash}' FROM users ORDER BY id" \
     "users(id, email, name, password_hash)"
copy "SELECT id, organizer_id, title, coalesce(description, ''), lat, lng, coalesce(city, '?'),
             start_time, end_time, attendee_limit FROM events ORDER BY id" \
     "events(id, organizer_id, title, description, lat, lng, city, start_time, end_time, attendee_limit)"
copy "SELECT id, event_id, user_id, status, 'Pudding' FROM attendances ORDER BY id" \
     "attendances(id, event_id, user_id, status, pudding_name)"

"${ours_psql[@]}" <<'SQL'
SELECT setval('users_id_seq', (SELECT max(id) FROM users));
SELECT setval('events_id_seq', (SELECT max(id) FROM events));
SELECT setval('attendances_id_seq', (SELECT max(id) FROM attendances));
-- A fixed token per benchmark user (43 characters of base64url, as Credentials::newToken makes
-- them); only its SHA-256 is stored, as the server does.
CREATE FUNCTION bench_token(uid bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT translate(rtrim(encode(sha256(convert_to('pudding-bench-token-' || uid, 'UTF8')),
                                  'base64'), '='), '+/', '-_')
$$;
INSERT INTO sessions(token_hash, user_id, expires_at)
SELECT sha256(convert_to(bench_token(id), 'UTF8')), id, now() + interval '30 days'
  FROM users WHERE id > 10000;
ANALYZE users; ANALYZE events; ANALYZE attendances; ANALYZE sessions;
SQL

echo "== fixtures in $out" >&2
first_idle=$((10001 + rooms * per_room))
first_upload=$((first_idle + idle))
"${ours_psql[@]}" -A -t -F $'\t' -c "SELECT a.event_id, a.user_id, bench_token(a.user_id)
    FROM attendances a WHERE a.user_id BETWEEN 10001 AND $((first_idle - 1))
    ORDER BY a.event_id, a.user_id" > "$out/chat.tsv"
"${ours_psql[@]}" -A -t -F $'\t' -c "SELECT 0, id, bench_token(id) FROM users
    WHERE id BETWEEN $first_idle AND $((first_upload - 1)) ORDER BY id" > "$out/idle.tsv"
"${ours_psql[@]}" -A -t -F $'\t' -c "SELECT 0, id, bench_token(id) FROM users
    WHERE id >= $first_upload ORDER BY id" > "$out/upload.tsv"
wc -l "$out"/*.tsv >&2

"${peer_psql[@]}" -A -t -c "SELECT 'peer: ' || (SELECT count(*) FROM events) || ' events, '
    || (SELECT count(*) FROM attendances) || ' attendances ('
    || (SELECT count(*) FROM attendances WHERE status = 'APPROVED') || ' approved), '
    || (SELECT count(*) FROM users) || ' users'" >&2
"${ours_psql[@]}" -A -t -c "SELECT 'ours: ' || (SELECT count(*) FROM events) || ' events, '
    || (SELECT count(*) FROM attendances) || ' attendances ('
    || (SELECT count(*) FROM attendances WHERE status = 'APPROVED') || ' approved), '
    || (SELECT count(*) FROM users) || ' users'" >&2
