#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Mails per second the job queue hands to SMTP: N "mail" jobs queued in one transaction (by
# SQL, in the payload Mail::toJson writes, each with its own Message-ID), sent by one and then
# by two server instances on one database to the tests' aiosmtpd sink
# (tests/testsupport/smtpsink.py, which writes each message to a file).
#
#   bench/mail-throughput.sh [--mails 2000] [--job-threads 2] [--rounds 1]
#
# Needs psql, /usr/bin/python3 with aiosmtpd and a built pudding-server (BUILD_DIR, default
# build-ci). Runs its own private PostgreSQL under a temporary directory. Time runs from the
# COMMIT that queues the mails until the last job is marked done (polled every 0.1 s); every
# Message-ID must have arrived at the sink exactly once, or the run fails.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mails=2000
jobThreads=2
rounds=1
while [ $# -gt 0 ]; do
    case $1 in
        --mails) mails=$2; shift ;;
        --job-threads) jobThreads=$2; shift ;;
        --rounds) rounds=$2; shift ;;
        *) echo "usage: bench/mail-throughput.sh [--mails N] [--job-threads N] [--rounds N]" >&2; exit 2 ;;
    esac
    shift
done
server=${BUILD_DIR:-$root/build-ci}/server/pudding-server
command -v psql > /dev/null || { echo "needs psql" >&2; exit 2; }
[ -x "$server" ] || { echo "no pudding-server at $server (set BUILD_DIR)" >&2; exit 2; }

work=$(mktemp -d /tmp/pudding-mail-throughput.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
    "$server" db-stop --data-dir "$work/pg" > /dev/null 2>&1 || true
}
trap cleanup EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

url=$("$server" db-start --data-dir "$work/pg" 2> "$work/db-start.log" | tail -n1)
"$server" migrate --database "$url" > "$work/migrate.log" 2>&1
sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$url" -c "$1"; }

run() { # instances → prints mails/s
    local instances=$1 sinkdir=$work/sink-$1-$RANDOM
    mkdir -p "$sinkdir"
    /usr/bin/python3 "$root/tests/testsupport/smtpsink.py" --dir "$sinkdir" \
        --port-file "$sinkdir/port" &
    local sinkpid=$!
    pids+=("$sinkpid")
    while [ ! -s "$sinkdir/port" ]; do sleep 0.05; done
    local smtp="smtp://127.0.0.1:$(cat "$sinkdir/port")"
    local servers=()
    for i in $(seq 1 "$instances"); do
        mkdir -p "$work/data-$i"
        rm -f "$work/port-$i"
        QT_LOGGING_RULES="pudding.jobs.info=false" "$server" serve --database "$url" --port 0 \
            --port-file "$work/port-$i" --data-dir "$work/data-$i" --smtp-url "$smtp" \
            --job-threads "$jobThreads" --threads 1 --db-threads 2 > "$work/server-$i.log" 2>&1 &
        servers+=($!)
        pids+=($!)
    done
    for i in $(seq 1 "$instances"); do
        while [ ! -s "$work/port-$i" ]; do sleep 0.05; done
    done
    sql "DELETE FROM jobs" > /dev/null
    local start end
    start=$(date +%s.%N)
    sql "INSERT INTO jobs (kind, payload, message_id)
         SELECT 'mail', jsonb_build_object('to', 'guest' || g || '@example.org',
             'toName', 'Gäst ' || g, 'subject', 'Grüße Nr. ' || g,
             'text', repeat('Pudding ist fertig. ', 20), 'html',
             '<html><body><p>' || repeat('Pudding ist fertig. ', 20) || '</p></body></html>',
             'language', 'de', 'category', 'reminder',
             'unsubscribeUrl', 'https://pudding.example.org/unsubscribe/' || g,
             'attachments', '[]'::jsonb, 'userId', g),
             '<bench-' || g || '-' || $RANDOM || '@pudding.example.org>'
         FROM generate_series(1, $mails) g" > /dev/null
    while [ "$(sql "SELECT count(*) FROM jobs WHERE state = 'done'")" -lt "$mails" ]; do
        sleep 0.1
    done
    end=$(date +%s.%N)
    for pid in "${servers[@]}"; do kill "$pid"; wait "$pid" || true; done
    kill "$sinkpid"; wait "$sinkpid" 2> /dev/null || true
    local got unique
    got=$(ls "$sinkdir"/*.eml | wc -l)
    unique=$(grep -h -m1 -i '^Message-ID:' "$sinkdir"/*.eml | sort -u | wc -l)
    if [ "$got" != "$mails" ] || [ "$unique" != "$mails" ]; then
        echo "FAILED: $got messages, $unique distinct Message-IDs for $mails mails" >&2
        exit 1
    fi
    awk -v n="$mails" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }'
}

echo "mails=$mails job-threads=$jobThreads (per instance) $(nproc) cores"
for r in $(seq 1 "$rounds"); do
    one=$(run 1)
    two=$(run 2)
    echo "round $r: 1 instance: $one mails/s   2 instances: $two mails/s"
done
