#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The cost of the metrics on the radius-search workload (bench/search/queries.lua): the same
# binary started three times against one database, measured alternately, round by round:
#   off      --metrics off                      (no route timing, no counters, no /metrics)
#   on       --metrics on                       (the default)
#   on+log   --metrics on and the access log    (one info line per request on stderr)
# The access log is off in "off" and "on" (QT_LOGGING_RULES=pudding.http.access.info=false) so
# that those two differ only in the metrics.
#
#   bench/metrics-overhead.sh [--rounds N] [--duration 10s] [--events 100000] [--threads 2]
#                             [--path /health]
#
# --path replaces the search with one cheap GET (e.g. /health, answered from memory): there the
# fixed per-request cost of the instrumentation is the largest share it can ever be.
# Needs wrk, psql and a built pudding-server (BUILD_DIR, default build-ci). It runs its own
# private PostgreSQL (pudding-server db-start) under a temporary directory with a synthetic
# data set: N events over Germany, a third of them around the six cities the queries ask for.
# Prints one line per run and a median table; raw wrk output stays in the work directory.
#
# Requests/s on a shared machine moves with whatever else runs; the server's own CPU time per
# request (utime + stime from /proc/PID/stat over the run, divided by the requests wrk counted)
# is reported too and is far steadier: compare that column first.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
rounds=5
duration=10s
events=100000
path=
threads=2 # as bench/run.sh (the default: one per core on the 2-core reference machine)
while [ $# -gt 0 ]; do
    case $1 in
        --rounds) rounds=$2; shift ;;
        --duration) duration=$2; shift ;;
        --events) events=$2; shift ;;
        --threads) threads=$2; shift ;;
        --path) path=$2; shift ;;
        *) echo "usage: bench/metrics-overhead.sh [--rounds N] [--duration 10s] [--events N] [--threads N] [--path P]" >&2; exit 2 ;;
    esac
    shift
done
server=${BUILD_DIR:-$root/build-ci}/server/pudding-server
for tool in wrk psql; do
    command -v $tool > /dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -x "$server" ] || { echo "no pudding-server at $server (set BUILD_DIR)" >&2; exit 2; }

work=$(mktemp -d /tmp/pudding-metrics-overhead.XXXXXX)
chmod 755 "$work" # the private PostgreSQL runs as another user when started by root
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
    "$server" db-stop --data-dir "$work/pg" > /dev/null 2>&1 || true
}
trap cleanup EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

log "private PostgreSQL and $events events (work directory $work)"
url=$("$server" db-start --data-dir "$work/pg" 2> "$work/db-start.log" | tail -n1)
"$server" migrate --database "$url" > "$work/migrate.log" 2>&1
psql -X -q -v ON_ERROR_STOP=1 "$url" <<SQL
INSERT INTO users(email, name, password_hash) VALUES ('bench@example.org', 'Bench', 'x');
WITH cities(lat, lng) AS (VALUES (52.52, 13.40), (53.55, 10.00), (48.137, 11.575),
                                 (50.94, 6.96), (50.11, 8.68), (48.78, 9.18)),
     spots AS (
         SELECT 47.4 + random() * 7.5 AS lat, 6.0 + random() * 8.9 AS lng
         FROM generate_series(1, $events * 2 / 3)
         UNION ALL
         SELECT c.lat + (random() - 0.5) * 0.8, c.lng + (random() - 0.5) * 1.2
         FROM generate_series(1, $events / 18), cities c)
INSERT INTO events(organizer_id, title, lat, lng, city, start_time, end_time, attendee_limit)
SELECT (SELECT id FROM users LIMIT 1), 'Pudding meetup', lat, lng, 'Stadt', s, s + interval '3 hours', 10
FROM (SELECT lat, lng, now() + interval '1 day' + random() * interval '60 days' AS s FROM spots) t;
SQL

declare -A port pid
start() { # name port args...
    local name=$1 p=$2; shift 2
    QT_LOGGING_RULES=${RULES:-} "$server" serve --database "$url" --port "$p" \
        --data-dir "$work/$name" --threads "$threads" "$@" > "$work/$name.log" 2>&1 &
    pids+=($!)
    pid[$name]=$!
    port[$name]=$p
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
RULES="pudding.http.access.info=false" start off 18180 --metrics off
RULES="pudding.http.access.info=false" start on 18181 --metrics on
RULES="" start on+log 18182 --metrics on
for name in off on on+log; do
    for _ in $(seq 1 300); do
        curl -s -o /dev/null "http://127.0.0.1:${port[$name]}/health" && break
        sleep 0.2
    done
    curl -s -o /dev/null "http://127.0.0.1:${port[$name]}/api/events?lat=52.52&lng=13.40&radius=20000"
done
# Indexed events as the server sees them.
log "$(curl -s http://127.0.0.1:18181/metrics | grep '^pudding_event_index_events')"

results=$work/results.txt
: > "$results"
variants=(off on on+log)
for r in $(seq 1 "$rounds"); do
    # Rotate the order every round: no variant always runs first (or on a warmer machine).
    shift_by=$(( (r - 1) % 3 ))
    order=("${variants[@]:$shift_by}" "${variants[@]:0:$shift_by}")
    for name in "${order[@]}"; do
        out=$work/wrk-$name-$r.txt
        before=$(cpu_ticks "${pid[$name]}")
        if [ -n "$path" ]; then
            wrk -t2 -c32 -d"$duration" --latency "http://127.0.0.1:${port[$name]}$path" > "$out"
        else
            wrk -t2 -c32 -d"$duration" --latency -s "$here/search/queries.lua" \
                "http://127.0.0.1:${port[$name]}" > "$out"
        fi
        after=$(cpu_ticks "${pid[$name]}")
        rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
        p99=$(awk '$1 == "99%" {print $2}' "$out")
        non2xx=$(awk '/Non-2xx/ {print $NF}' "$out")
        requests=$(awk '/requests in/ {print $1}' "$out")
        cpu_us=$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v n="$requests" \
            'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
        echo "$name $r $rps $p99 ${non2xx:-0} $cpu_us" >> "$results"
        log "round $r $name: $rps req/s, p99 $p99, server CPU $cpu_us µs/request, non-2xx ${non2xx:-0}"
    done
done

echo
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
column() { awk -v n="$1" -v c="$2" '$1 == n {print $c}' "$results"; }
printf "%-8s %14s %18s %12s   %s\n" variant "median req/s" "median CPU µs/req" "median p99" "req/s per round"
for name in "${variants[@]}"; do
    printf "%-8s %14s %18s %12s   %s\n" "$name" "$(column "$name" 3 | median)" \
        "$(column "$name" 6 | median)" "$(column "$name" 4 | sort -V | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')" \
        "$(column "$name" 3 | tr '\n' ' ')"
done
echo "raw output: $work (kept)"
trap - EXIT
cleanup
