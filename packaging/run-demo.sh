#!/usr/bin/env bash
# The main job: install, build, start a private PostgreSQL with the demo meetups, start the
# server, and open the desktop app. Ctrl+C (or closing the app) stops everything.
# Environment: PUDDING_PORT (default 8080), PUDDING_DATA_DIR (default ./.pudding).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
port="${PUDDING_PORT:-8080}"
data="${PUDDING_DATA_DIR:-$root/.pudding}"

bash packaging/install-deps.sh
bash packaging/build.sh all-dev pudding pudding-server

mkdir -p "$data"
server_log="$data/server.log"
echo "Starting pudding-server on http://127.0.0.1:$port (log: $server_log)"
./build/server/pudding-server serve --port "$port" --data-dir "$data" --seed-demo \
    >"$server_log" 2>&1 &
server_pid=$!
cleanup() {
    if kill -0 "$server_pid" 2>/dev/null; then
        echo "Stopping the server (and its private PostgreSQL)..."
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "The server stopped during start-up:"; cat "$server_log"; exit 1
    fi
    sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null || { echo "The server did not come up:"; cat "$server_log"; exit 1; }
echo "Server ready: $(curl -fsS "http://127.0.0.1:$port/health")"
echo "Demo accounts (password pudding-demo-2026): organizer@demo.pudding-gabel.de, anna@demo.pudding-gabel.de,"
echo "  ben@demo.pudding-gabel.de (first on the waitlist of Olga's full meetup)"
echo "Mail: no SMTP server is set (--smtp-url), so every mail is written as an .eml file to $data/mail/"

export PUDDING_SERVER_URL="http://127.0.0.1:$port"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    ./build/client/pudding
else
    echo "No display found: the app runs on a virtual display (Xvfb) and saves a screenshot to"
    echo "$data/screenshot.png; the server keeps running until Ctrl+C."
    xvfb-run -a -s "-screen 0 1280x800x24" ./build/client/pudding --screenshot "$data/screenshot.png" \
        && echo "Screenshot saved: $data/screenshot.png"
    wait "$server_pid"
fi
