-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script: rotates GET /api/events over the benchmark's six radius queries (the same list
-- as bench/data/normalize.sql), each wrk thread starting at a different one.
--   wrk -t2 -c32 -d10s --latency -s bench/search/queries.lua http://127.0.0.1:PORT
-- BENCH_QUERY=berlin restricts it to Berlin, 20 km.
local queries = {
    "/api/events?lat=52.52&lng=13.40&radius=20000",   -- Berlin 20 km
    "/api/events?lat=53.55&lng=10.00&radius=10000",   -- Hamburg 10 km
    "/api/events?lat=48.137&lng=11.575&radius=30000", -- Muenchen 30 km
    "/api/events?lat=50.94&lng=6.96&radius=5000",     -- Koeln 5 km
    "/api/events?lat=50.11&lng=8.68&radius=50000",    -- Frankfurt 50 km
    "/api/events?lat=48.78&lng=9.18&radius=25000",    -- Stuttgart 25 km
}
if os.getenv("BENCH_QUERY") == "berlin" then
    queries = { queries[1] }
end

local counter = 0
local threads = 0

function setup(thread)
    thread:set("counter", threads)
    threads = threads + 1
end

function request()
    counter = counter + 1
    return wrk.format("GET", queries[(counter % #queries) + 1])
end

-- Non-2xx answers are counted by wrk itself ("Non-2xx or 3xx responses").
