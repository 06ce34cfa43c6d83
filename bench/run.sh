#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Pudding Gabel side by side with the reference peer (Express + node-postgres + socket.io, in
# ../shared/peer-express): same machine, same PostgreSQL, same data, same load tools, in one
# run, interleaved round by round. Writes bench/RESULTS.md (and the raw figures under
# bench/results/<time>/).
#
#   bench/run.sh [--smoke] [--rounds N] [--no-peer]
#
#   --smoke    tiny sizes, one round, a few seconds per tool (checks that everything works;
#              writes bench/results/<time>/RESULTS.md, not bench/RESULTS.md)
#   --rounds   rounds per workload (default 3; medians are reported)
#   --no-peer  ours alone (automatic when node/npm are missing)
#
# Needs root (the peer's setup-db.sh runs `su postgres`), PostgreSQL 15's system cluster
# (started here if it is down), wrk, jq, node + npm (npm ci in bench/peer the first time), and
# the binaries of a build with -DPUDDING_BUILD_BENCH=ON (BENCH_BUILD_DIR, default build-bench;
# configured and built here if missing). PEER_DIR overrides where the peer is copied from.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
rounds=3
smoke=0
use_peer=1
report_only=
while [ $# -gt 0 ]; do
    case $1 in
        --report) report_only=$2; shift ;;
        --smoke) smoke=1; rounds=1 ;;
        --rounds) rounds=$2; shift ;;
        --no-peer) use_peer=0 ;;
        *) echo "usage: bench/run.sh [--smoke] [--rounds N] [--no-peer] | --report bench/results/<time>" >&2; exit 2 ;;
    esac
    shift
done

# --report DIR: write DIR/RESULTS.md again from its results.jsonl (after editing NOTES.md or
# report.js); copied to bench/RESULTS.md unless it was a smoke run.
if [ -n "$report_only" ]; then
    # shellcheck disable=SC1091
    source "$report_only/report.env"
    node "$here/report.js" "$report_only/results.jsonl" > "$report_only/RESULTS.md"
    [ "$BENCH_SMOKE" = 1 ] || cp "$report_only/RESULTS.md" "$here/RESULTS.md"
    echo "wrote $report_only/RESULTS.md" >&2
    exit 0
fi

build=${BENCH_BUILD_DIR:-$root/build-bench}
peer_src=${PEER_DIR:-$root/../shared/peer-express}
server=$build/server/pudding-server
chatload=$build/bench/chatload/chatload
stamp=$(date -u +%Y%m%dT%H%M%SZ)
work=$here/results/$stamp
mkdir -p "$work"
results=$work/results.jsonl
: > "$results"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$work/run.log" >&2; }

# Sizes -----------------------------------------------------------------------------------------
if [ $smoke = 1 ]; then
    wrk_duration=2s; chat_rooms=2; chat_duration=2; idle_n=50; uploads=4; upload_conc=2
    ramp_steps="2 4"; ramp_duration=2; photo_bytes=4000000
    export BENCH_ROOMS=4 BENCH_IDLE=50 BENCH_UPLOADERS=4
else
    wrk_duration=10s; chat_rooms=20; chat_duration=10; idle_n=10000; uploads=100; upload_conc=20
    ramp_steps=${BENCH_RAMP_STEPS:-"5 10 15 20 30 40 60 80 120 160 200 300"}; ramp_duration=10
    photo_bytes=4000000
    export BENCH_ROOMS=300 BENCH_IDLE=10000 BENCH_UPLOADERS=20
fi
chat_clients=10
ramp_rounds=${BENCH_RAMP_ROUNDS:-$rounds}

# Tools -----------------------------------------------------------------------------------------
bash "$(dirname "$0")/../packaging/install-deps.sh" > /dev/null # wrk, jq, curl, PostgreSQL, Qt
for tool in wrk jq psql curl; do
    command -v $tool > /dev/null || { echo "bench/run.sh needs $tool" >&2; exit 2; }
done
if [ $use_peer = 1 ] && { ! command -v node > /dev/null || ! command -v npm > /dev/null; }; then
    log "node/npm missing: measuring ours alone"
    use_peer=0
fi
if [ ! -x "$server" ] || [ ! -x "$chatload" ]; then
    log "building pudding-server and chatload in $build"
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPUDDING_BUILD_BENCH=ON \
        -DPUDDING_BUILD_TESTS=ON > "$work/cmake.log"
    cmake --build "$build" --target pudding-server chatload >> "$work/cmake.log"
fi

pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2> /dev/null || true
    done
    wait 2> /dev/null || true
    if [ "${started_postgres:-0}" = 1 ]; then
        pg_ctlcluster 15 main stop || true
    fi
}
trap cleanup EXIT

ulimit -n "$(ulimit -Hn)" 2> /dev/null || true
if [ "$(ulimit -n)" -lt $((idle_n + 2000)) ]; then
    log "warning: ulimit -n is $(ulimit -n), below the $idle_n idle connections"
fi

export BENCH_CPU="$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
export BENCH_NPROC="$(nproc)"
export BENCH_MEMORY="$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
export BENCH_KERNEL="$(uname -sr)"
export BENCH_LOADAVG_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
export BENCH_STARTED="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
export BENCH_VERSIONS="$("$server" --version 2>/dev/null | head -n1); Qt $(pkg-config --modversion Qt6Core 2>/dev/null || echo '?'); $(psql --version); node $(node --version 2>/dev/null || echo '-'); $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)"
export BENCH_GIT="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
log "results in $work (rounds: $rounds, peer: $use_peer, smoke: $smoke)"

# PostgreSQL, the data, the servers -------------------------------------------------------------
started_postgres=0
if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online; then
    log "starting PostgreSQL 15 main (stopped again at the end)"
    pg_ctlcluster 15 main start
    started_postgres=1
fi
mkdir -p "$here/peer"
cp "$peer_src/peer.js" "$peer_src/chatpeer.js" "$peer_src/setup-db.sh" "$here/peer/"
if [ $use_peer = 1 ] && [ ! -d "$here/peer/node_modules/socket.io" ]; then
    log "npm ci in bench/peer"
    (cd "$here/peer" && npm ci --no-audit --no-fund > "$work/npm.log" 2>&1)
fi
log "loading the data set (the peer's setup-db.sh, then ours)"
"$here/data/prepare.sh" "$here/peer" "$server" "$work/fixtures" > "$work/prepare.log" 2>&1 \
    || { tail -n 30 "$work/prepare.log" >&2; exit 1; }
grep -E '^(peer|ours):|^ [A-Z][a-z]+ +\| +[0-9]+$' "$work/prepare.log" | tee -a "$work/run.log" >&2 || true
export BENCH_DATA="$(grep -E '^(peer|ours):' "$work/prepare.log" | paste -sd ';' -)"

ours_url=http://127.0.0.1:18080
peer_url=http://127.0.0.1:18082
chat_peer_url=http://127.0.0.1:18083
upload_peer_url=http://127.0.0.1:18084
ours_db=(psql -X -A -t -h 127.0.0.1 -U bench -d pudding_bench)
peer_db=(psql -X -A -t -h 127.0.0.1 -U bench -d bench)
export PGPASSWORD=bench

# A renamed copy: on a shared machine a `pkill pudding-server` from someone else's session must
# not stop ours in the middle of a run (it happened).
mkdir -p "$work/bin"
cp "$server" "$work/bin/ours-server"
ours_cmd=("$work/bin/ours-server" serve --database postgresql://bench:bench@127.0.0.1:5432/pudding_bench
          --port 18080 --port-file "$work/ours.port" --data-dir "$work/ours"
          --auth-rate-limit 0)
export BENCH_OURS_COMMAND="pudding-server ${ours_cmd[*]:1}   # (as bench/results/…/bin/ours-server, a renamed copy of $build/server/pudding-server)"
"${ours_cmd[@]}" > "$work/ours.log" 2>&1 &
ours_pid=$!
pids+=($ours_pid)
for _ in $(seq 1 300); do
    [ -s "$work/ours.port" ] && break
    kill -0 $ours_pid 2> /dev/null || { cat "$work/ours.log" >&2; exit 1; }
    sleep 0.1
done
[ -s "$work/ours.port" ] || { log "our server did not start"; exit 1; }

wait_port() {
    for _ in $(seq 1 100); do
        (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0
        sleep 0.1
    done
    log "nothing listens on $1"
    return 1
}
if [ $use_peer = 1 ]; then
    (cd "$here/peer" && exec node peer.js) > "$work/peer.log" 2>&1 &
    peer_pid=$!; pids+=($peer_pid)
    (cd "$here/peer" && exec node chatpeer.js) > "$work/chatpeer.log" 2>&1 &
    chatpeer_pid=$!; pids+=($chatpeer_pid)
    (cd "$here/peer" && PEER_PHOTO_DIR="$work/peer-photos" exec node uploadpeer.js) \
        > "$work/uploadpeer.log" 2>&1 &
    uploadpeer_pid=$!; pids+=($uploadpeer_pid)
    wait_port 18082; wait_port 18083; wait_port 18084
fi

record() {
    echo "$1" >> "$results"
    for pid in $ours_pid ${peer_pid:-} ${chatpeer_pid:-} ${uploadpeer_pid:-}; do
        if ! kill -0 "$pid" 2> /dev/null; then
            log "a server (pid $pid) died; see $work/*.log"
            exit 1
        fi
    done
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
servers="ours"
[ $use_peer = 1 ] && servers="ours peer"
# Round r runs ours first when r is odd, the peer first when r is even (no order bias).
order() { if [ $(($1 % 2)) = 1 ]; then echo "$servers"; else echo "$servers" | awk '{for (i = NF; i > 0; i--) printf "%s ", $i}'; fi; }

# Workload 6 (first, while idle): resident memory with the data loaded ---------------------------
sleep 2
curl -s -o /dev/null "$ours_url/api/events?lat=52.52&lng=13.40&radius=20000"
[ $use_peer = 1 ] && curl -s -o /dev/null "$peer_url/api/events?lat=52.52&lng=13.40&radius=20000"
sleep 1
if [ $use_peer = 1 ]; then
    record "$(jq -nc --argjson o "$(rss_kb $ours_pid)" --argjson p "$(rss_kb $peer_pid)" \
        --argjson c "$(rss_kb $chatpeer_pid)" --argjson u "$(rss_kb $uploadpeer_pid)" \
        '{workload: "rss", phase: "idle", ours: $o, peer: $p, chatpeer: $c, uploadpeer: $u}')"
else
    record "$(jq -nc --argjson o "$(rss_kb $ours_pid)" '{workload: "rss", phase: "idle", ours: $o}')"
fi
log "idle RSS: $(tail -n1 "$results")"

# Workload 1: radius search ------------------------------------------------------------------------
queries=("lat=52.52&lng=13.40&radius=20000" "lat=53.55&lng=10.00&radius=10000"
         "lat=48.137&lng=11.575&radius=30000" "lat=50.94&lng=6.96&radius=5000"
         "lat=50.11&lng=8.68&radius=50000" "lat=48.78&lng=9.18&radius=25000")
for q in "${queries[@]}"; do
    o=$(curl -s "$ours_url/api/events?$q" | jq -c '[.events[].id | tostring]')
    if [ $use_peer = 1 ]; then
        p=$(curl -s "$peer_url/api/events?$q" | jq -c '[.events[].id | tostring]')
    else
        p=null
    fi
    record "$(jq -nc --arg q "$q" --argjson o "$o" --argjson p "$p" \
        '{workload: "ids", query: $q, ours: ($o | length), peer: (if $p == null then null else ($p | length) end),
          identical: (if $p == null then null else $o == $p end), oursIds: $o[:5]}')"
done
log "identical ids: $(jq -s -c '[.[] | select(.workload == "ids") | .identical]' "$results")"

wrk_json() { # server round kind output-file
    awk -v server="$1" -v round="$2" -v kind="$3" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
        /requests in/ { requests = $1 }
        /Non-2xx/ { non2xx = $NF }
        /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
        /^Requests\/sec/ { rps = $2 }
        END { printf "{\"workload\":\"search\",\"kind\":\"%s\",\"server\":\"%s\",\"round\":%d,\"rps\":%s,\"p50\":%s,\"p90\":%s,\"p99\":%s,\"requests\":%d,\"non2xx\":%d,\"socketErrors\":%d}\n", kind, server, round, rps + 0, p50 + 0, p90 + 0, p99 + 0, requests, non2xx, errors }' "$4"
}
export BENCH_WRK_COMMAND="wrk -t2 -c32 -d$wrk_duration --latency -s bench/search/queries.lua URL (BENCH_QUERY=berlin for Berlin alone)"
for r in $(seq 1 "$rounds"); do
    for kind in rotation berlin; do
        for s in $(order "$r"); do
            url=$ours_url; [ "$s" = peer ] && url=$peer_url
            BENCH_QUERY=$([ $kind = berlin ] && echo berlin || echo all) \
                wrk -t2 -c32 -d$wrk_duration --latency -s "$here/search/queries.lua" "$url" \
                > "$work/wrk-$kind-$s-$r.txt"
            record "$(wrk_json "$s" "$r" "$kind" "$work/wrk-$kind-$s-$r.txt")"
            log "search $kind $s round $r: $(tail -n1 "$results" | jq -c '{rps, p99, non2xx}')"
        done
    done
done

# Workload 2: chat 20 rooms × 10 clients × 100 ms × 10 s ------------------------------------------
chat() { # server rooms duration tag [extra chatload args]
    local s=$1 rooms=$2 duration=$3 tag=$4; shift 4
    local url=$ours_url mode=pudding db=("${ours_db[@]}")
    if [ "$s" = peer ]; then url=$chat_peer_url; mode=socketio; db=("${peer_db[@]}"); fi
    local id="${tag}$(date +%s%N | tail -c 7)"
    "$chatload" --mode $mode --url "$url" --rooms "$rooms" --clients $chat_clients \
        --interval-ms 100 --duration-s "$duration" --fixtures "$work/fixtures/chat.tsv" \
        --run-id "$id" "$@" > "$work/chat-$id.json" 2>> "$work/chatload.log" || true
    local persisted
    persisted=$("${db[@]}" -c "SELECT count(*) FROM messages WHERE content LIKE 'pb:$id:%'")
    jq -c --arg s "$s" --argjson p "$persisted" '. + {server: $s, persisted: $p}' "$work/chat-$id.json"
}
export BENCH_CHAT_COMMAND="chatload --mode pudding|socketio --url URL --rooms R --clients $chat_clients --interval-ms 100 --duration-s D --fixtures chat.tsv"
for r in $(seq 1 "$rounds"); do
    for s in $(order "$r"); do
        record "$(chat "$s" $chat_rooms $chat_duration w2 | jq -c --argjson r "$r" '. + {workload: "chat", round: $r}')"
        log "chat $s round $r: $(tail -n1 "$results" | jq -c '{sentPerSecond, deliveries, expectedDeliveries, lost, duplicates, persisted, p99: .latencyMs.p99, errors}')"
    done
done

# Workload 4: idle connections (with workload 2 running beside them) ------------------------------
for s in $servers; do
    url=$ours_url; proto=pudding; pid=$ours_pid
    if [ "$s" = peer ]; then url=$chat_peer_url; proto=socketio; pid=$chatpeer_pid; fi
    before=$(rss_kb $pid)
    "$chatload" --mode idle --protocol $proto --url "$url" --connections $idle_n \
        --fixtures "$work/fixtures/idle.tsv" > "$work/idle-$s.jsonl" 2>> "$work/chatload.log" &
    idle_pid=$!; pids+=($idle_pid)
    for _ in $(seq 1 1200); do
        grep -q '"phase":"ready"' "$work/idle-$s.jsonl" 2> /dev/null && break
        kill -0 $idle_pid 2> /dev/null || break
        sleep 0.1
    done
    sleep 3
    after=$(rss_kb $pid)
    ready=$(grep '"phase":"ready"' "$work/idle-$s.jsonl" || echo '{}')
    record "$(jq -c --arg s "$s" --argjson b "$before" --argjson a "$after" --argjson n $idle_n \
        '{workload: "idle", server: $s, connections: $n, connected: .connected, connectSeconds: .connectSeconds,
          connectFailures: .connectFailures, rssBeforeKb: $b, rssAfterKb: $a,
          kibPerConnection: ((($a - $b) / $n * 100 | round) / 100)}' <<< "$ready")"
    log "idle $s: $(tail -n1 "$results")"
    for r in $(seq 1 "$rounds"); do
        record "$(chat "$s" $chat_rooms $chat_duration w4 | jq -c --argjson r "$r" '. + {workload: "chat-with-idle", round: $r}')"
        log "chat beside idle $s round $r: $(tail -n1 "$results" | jq -c '{deliveries, expectedDeliveries, lost, p99: .latencyMs.p99}')"
    done
    alive=$(ls /proc/$idle_pid/fd 2> /dev/null | wc -l)
    kill $idle_pid 2> /dev/null || true
    wait $idle_pid 2> /dev/null || true
    log "idle $s: load tool held $alive descriptors at the end"
    sleep 2
done

# Workload 3: rising chat rates ----------------------------------------------------------------------
for r in $(seq 1 "$ramp_rounds"); do
    declare -A failed=()
    for rooms in $ramp_steps; do
        for s in $(order "$r"); do
            [ -n "${failed[$s]:-}" ] && continue
            line=$(chat "$s" "$rooms" $ramp_duration w3 | jq -c --argjson r "$r" --argjson rooms "$rooms" \
                '. + {workload: "ramp", round: $r, step: $rooms,
                      sustained: (.complete and .persisted == .sent and .latencyMs.p99 <= 100
                                  and .sentPerSecond >= 0.95 * .targetSentPerSecond)}')
            record "$line"
            log "ramp $s round $r $rooms rooms: $(jq -c '{sentPerSecond, lost, p99: .latencyMs.p99, sustained}' <<< "$line")"
            [ "$(jq -r .sustained <<< "$line")" = true ] || failed[$s]=1
        done
    done
    unset failed
done

# Workload 5: photo uploads ----------------------------------------------------------------------------
"$chatload" --mode makephoto --photo "$work/photo.jpg" --bytes $photo_bytes 2>> "$work/chatload.log"
export BENCH_UPLOAD_COMMAND="chatload --mode upload --target pudding|peer --url URL --photo photo.jpg ($(stat -c %s "$work/photo.jpg") bytes, $(file -b "$work/photo.jpg" | grep -o '[0-9]*x[0-9]*' | tail -n1)) --uploads $uploads --concurrency $upload_conc --fixtures upload.tsv --events-from N"
for r in $(seq 1 "$rounds"); do
    for s in $(order "$r"); do
        url=$ours_url; target=pudding
        if [ "$s" = peer ]; then url=$upload_peer_url; target=peer; fi
        "$chatload" --mode upload --target $target --url "$url" --photo "$work/photo.jpg" \
            --uploads $uploads --concurrency $upload_conc --fixtures "$work/fixtures/upload.tsv" \
            --events-from $((50001 + r * 100)) > "$work/upload-$s-$r.json" 2>> "$work/chatload.log" || true
        record "$(jq -c --arg s "$s" --argjson r "$r" '. + {workload: "upload", server: $s, round: $r}' "$work/upload-$s-$r.json")"
        log "upload $s round $r: $(tail -n1 "$results" | jq -c '{ok, uploadsPerSecond, p99: .latencyMs.p99, firstFailure}')"
    done
done

# Workload 6 again: memory at the end --------------------------------------------------------------
if [ $use_peer = 1 ]; then
    record "$(jq -nc --argjson o "$(rss_kb $ours_pid)" --argjson p "$(rss_kb $peer_pid)" \
        --argjson c "$(rss_kb $chatpeer_pid)" --argjson u "$(rss_kb $uploadpeer_pid)" \
        '{workload: "rss", phase: "end", ours: $o, peer: $p, chatpeer: $c, uploadpeer: $u}')"
else
    record "$(jq -nc --argjson o "$(rss_kb $ours_pid)" '{workload: "rss", phase: "end", ours: $o}')"
fi

export BENCH_LOADAVG_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
export BENCH_FINISHED="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
export BENCH_ROUNDS=$rounds BENCH_RAMP_ROUNDS=$ramp_rounds BENCH_SMOKE=$smoke BENCH_IDLE_N=$idle_n
export BENCH_RESULTS_DIR="bench/results/$stamp"
node_or_fallback() {
    if command -v node > /dev/null; then node "$here/report.js" "$results"; else
        echo "# Benchmark results (raw)"; echo; echo '```'; cat "$results"; echo '```'; fi
}
declare -p $(compgen -e | grep '^BENCH_') > "$work/report.env"
node_or_fallback > "$work/RESULTS.md"
if [ $smoke = 0 ]; then
    cp "$work/RESULTS.md" "$here/RESULTS.md"
    log "wrote bench/RESULTS.md"
else
    log "smoke run: wrote $work/RESULTS.md"
fi
