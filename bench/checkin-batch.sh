#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Check-in batch throughput: how many door scans per second POST /api/events/:id/checkins
# takes when door devices upload what they scanned offline, 500 scans per batch (the most a
# batch may hold). Every scan is a QR payload signed with Ed25519 (verified by the server
# against ticket_keys), of a guest drawn at random from one meetup, with a nonce of its own:
# entries and double entries are both decided (later batches are mostly double entries).
#
#   bench/checkin-batch.sh [--batches 40] [--guests 2000] [--uploaders 1] [--threads 2]
#
# --uploaders N sends N batches at a time (N door devices syncing together); they queue on the
# meetup's row lock, which is the point: one meetup's check-ins are one order.
# Needs psql, curl, a built pudding-server (BUILD_DIR, default build-ci) and Debian's
# python3-cryptography (/usr/bin/python3) to sign the payloads. It runs its own private
# PostgreSQL (pudding-server db-start) under a temporary directory. Prints scans/s over the
# timed batches (the first one, a warm-up, is not counted), the median time of one batch and
# the server's CPU time per scan.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
batches=40
guests=2000
uploaders=1
threads=2
while [ $# -gt 0 ]; do
    case $1 in
        --batches) batches=$2; shift ;;
        --guests) guests=$2; shift ;;
        --uploaders) uploaders=$2; shift ;;
        --threads) threads=$2; shift ;;
        *) echo "usage: bench/checkin-batch.sh [--batches N] [--guests N] [--uploaders N] [--threads N]" >&2; exit 2 ;;
    esac
    shift
done
server=${BUILD_DIR:-$root/build-ci}/server/pudding-server
python=/usr/bin/python3
for tool in psql curl; do
    command -v $tool > /dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -x "$server" ] || { echo "no pudding-server at $server (set BUILD_DIR)" >&2; exit 2; }
$python -c 'import cryptography.hazmat.primitives.asymmetric.ed25519' 2> /dev/null \
    || { echo "needs python3-cryptography for $python" >&2; exit 2; }

work=$(mktemp -d /tmp/pudding-checkin-bench.XXXXXX)
chmod 755 "$work" # the private PostgreSQL runs as another user when started by root
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2> /dev/null || true
    wait 2> /dev/null || true
    "$server" db-stop --data-dir "$work/pg" > /dev/null 2>&1 || true
}
trap cleanup EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

log "private PostgreSQL, a meetup with $guests approved guests (work directory $work)"
url=$("$server" db-start --data-dir "$work/pg" 2> "$work/db-start.log" | tail -n1)
"$server" migrate --database "$url" > "$work/migrate.log" 2>&1
# A 43-character session token (as the server makes them); only its SHA-256 is stored.
token=benchBENCHbenchBENCHbenchBENCHbenchBENCH123
psql -X -q -v ON_ERROR_STOP=1 "$url" <<SQL
INSERT INTO users(email, name, password_hash) VALUES ('organizer@example.org', 'Organizer', 'x');
INSERT INTO sessions(token_hash, user_id, expires_at)
SELECT sha256('$token'::bytea), id, now() + interval '1 day' FROM users;
INSERT INTO events(organizer_id, title, lat, lng, city, start_time, end_time, attendee_limit)
SELECT id, 'Pudding tasting', 50.11, 8.68, 'Frankfurt am Main', now() + interval '1 hour',
       now() + interval '4 hours', $guests FROM users;
INSERT INTO users(email, name, password_hash)
SELECT 'guest' || g || '@example.org', 'Guest ' || g, 'x' FROM generate_series(1, $guests) g;
-- Approved attendances: the tickets come from the database's own trigger.
INSERT INTO attendances(event_id, user_id, status, pudding_name)
SELECT (SELECT id FROM events), id, 'APPROVED', 'Grießpudding' FROM users
WHERE email LIKE 'guest%';
SQL

log "signing $((batches + 1)) batches of 500 QR scans"
psql -X -q -A -t -F ' ' "$url" -c "SELECT t.id, t.event_id, t.user_id, encode(t.seed, 'hex'),
    extract(epoch FROM e.start_time)::bigint, extract(epoch FROM e.end_time)::bigint
    FROM tickets t JOIN events e ON e.id = t.event_id WHERE t.revoked_at IS NULL" \
    > "$work/tickets.txt"
$python - "$work" "$((batches + 1))" <<'PY' | psql -X -q -v ON_ERROR_STOP=1 "$url"
import base64, json, random, struct, sys, uuid, datetime
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization
work, count = sys.argv[1], int(sys.argv[2])
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
key = Ed25519PrivateKey.generate()
public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
kid = "bench-k1"
tickets = [line.split() for line in open(work + "/tickets.txt") if line.strip()]
def payload(t):
    tid, eid, uid, seed, start, end = t
    body = struct.pack(">QQQqq", int(tid), int(eid), int(uid), int(start) - 43200, int(end) + 43200) \
        + bytes.fromhex(seed)
    sig = key.sign(b"pudding-ticket-v1\x00" + kid.encode() + b"\x00" + body)
    return "PG1.%s.%s.%s" % (kid, b64(body), b64(sig))
qr = {t[0]: payload(t) for t in tickets}
start = int(tickets[0][4])
random.seed(13)
for b in range(count):
    scans = []
    for i in range(500):
        t = random.choice(tickets)
        at = datetime.datetime.fromtimestamp(start + random.randint(0, 3 * 3600), datetime.timezone.utc)
        scans.append({"nonce": uuid.uuid4().hex, "scannedAt": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                      "qr": qr[t[0]]})
    with open("%s/batch-%d.json" % (work, b), "w") as f:
        json.dump({"deviceId": "door-%d" % (b % 4), "scans": scans}, f)
print("INSERT INTO ticket_keys(kid, public_key) VALUES ('%s', '\\x%s');" % (kid, public.hex()))
PY

port=18190
"$server" serve --database "$url" --port "$port" --data-dir "$work/server" --threads "$threads" \
    > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
    curl -s -o /dev/null "http://127.0.0.1:$port/health" && break
    sleep 0.2
done
event=$(psql -X -A -t "$url" -c "SELECT id FROM events")
post() { # batch number → "seconds status"
    curl -s -o "$work/answer-$1.json" -w '%{time_total} %{http_code}\n' \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary "@$work/batch-$1.json" "http://127.0.0.1:$port/api/events/$event/checkins"
}
post 0 > "$work/warmup.txt" # warm-up: prepared statements, connections
grep -q ' 200$' "$work/warmup.txt" || { echo "warm-up failed: $(cat "$work/warmup.txt")" >&2; cat "$work/answer-0.json" >&2; exit 1; }

log "timing $batches batches, $uploaders at a time"
: > "$work/times.txt"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_before=$(cpu_ticks "$pid")
begin=$(date +%s.%N)
for ((b = 1; b <= batches; b += uploaders)); do
    uploads=()
    for ((u = 0; u < uploaders && b + u <= batches; ++u)); do
        post $((b + u)) >> "$work/times.txt" &
        uploads+=($!)
    done
    wait "${uploads[@]}" # not the server's
done
end=$(date +%s.%N)
cpu=$(( $(cpu_ticks "$pid") - ticks_before ))
bad=$(grep -vc ' 200$' "$work/times.txt" || true)
[ "$bad" = 0 ] || { echo "$bad batches failed" >&2; exit 1; }
rows=$(psql -X -A -t "$url" -c "SELECT count(*) FROM checkins")
counter=$(psql -X -A -t "$url" -c "SELECT count(DISTINCT ticket_id) || ' of ' || (SELECT count(*) FROM tickets WHERE revoked_at IS NULL) FROM checkins WHERE undone_at IS NULL")
median=$(sort -n "$work/times.txt" | awk '{t[NR] = $1} END {print t[int((NR + 1) / 2)]}')
# The server's own CPU time per scan is steadier than scans/s on a shared machine (PostgreSQL's
# time is not in it: it runs as its own processes).
awk -v b="$batches" -v s="$begin" -v e="$end" -v m="$median" -v u="$uploaders" -v r="$rows" \
    -v c="$counter" -v cpu="$cpu" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    printf "%d batches x 500 QR scans, %d uploader(s): %.0f scans/s; median batch %.0f ms; server CPU %.0f us/scan; %d rows stored; %s checked in\n",
        b, u, b * 500 / (e - s), m * 1000, cpu / hz * 1e6 / (b * 500), r, c }'
