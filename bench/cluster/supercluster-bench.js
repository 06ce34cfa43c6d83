// SPDX-License-Identifier: GPL-3.0-or-later
// The reference half of the clustering benchmark: supercluster on the same 100,000 points and
// viewports as bench_cluster.cpp (keep the two in step). Prints one JSON object on stdout.
//
//   node supercluster-bench.js [runs]
import {readFileSync} from 'node:fs';
import Supercluster from 'supercluster';

const RUNS = Math.max(5, +(process.argv[2] || 9));
const NUM_POINTS = 100000;
const QUERY_REPEATS = 200; // queries per viewport per run

// mulberry32, seed 42: the same sequence as bench_cluster.cpp.
function mulberry32(seed) {
    let a = seed | 0;
    return function () {
        a = (a + 0x6D2B79F5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function makePoints() {
    const random = mulberry32(42);
    const points = [];
    for (let i = 0; i < NUM_POINTS; i++) {
        const lat = 47.3 + random() * (55.0 - 47.3);
        const lng = 5.9 + random() * (15.0 - 5.9);
        points.push({type: 'Feature', id: i, properties: null,
            geometry: {type: 'Point', coordinates: [lng, lat]}});
    }
    return points;
}

// A 1280 x 800 pixel viewport (256-pixel tiles) centred on lat/lng at zoom.
function viewport(lat, lng, zoom) {
    const world = 256 * Math.pow(2, zoom);
    const x = (lng + 180) / 360;
    const s = Math.sin(lat * Math.PI / 180);
    const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    const toLng = ux => ux * 360 - 180;
    const toLat = uy => Math.atan(Math.sinh(Math.PI * (1 - 2 * uy))) * 180 / Math.PI;
    const hw = 640 / world;
    const hh = 400 / world;
    return [toLng(x - hw), toLat(y + hh), toLng(x + hw), toLat(y - hh)];
}

const GERMANY = [5.86, 47.27, 15.05, 55.06];
const CITIES = [[52.5200, 13.4050], [53.5511, 9.9937], [48.1374, 11.5755],
                [50.9375, 6.9603], [50.1109, 8.6821]];
const QUERY_SETS = [];
for (const z of [5, 6, 7]) QUERY_SETS.push({name: `Germany z${z}`, zoom: z, boxes: [GERMANY]});
for (const z of [10, 11, 12, 13, 14]) {
    QUERY_SETS.push({name: `5 cities z${z}`, zoom: z, boxes: CITIES.map(([lat, lng]) => viewport(lat, lng, z))});
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const points = makePoints();
const options = {minZoom: 0, maxZoom: 16, radius: 40, extent: 512, minPoints: 2, nodeSize: 64};

// index build: one warm-up, then RUNS timed runs
let index = new Supercluster(options).load(points);
const buildMs = [];
for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    index = new Supercluster(options).load(points);
    buildMs.push(performance.now() - t0);
}

const itemsPerZoom = [];
for (let z = 0; z <= options.maxZoom + 1; z++) itemsPerZoom.push(index.getClusters([-180, -90, 180, 90], z).length);

let sink = 0;
const queries = QUERY_SETS.map((set) => {
    let items = 0;
    for (const box of set.boxes) items += index.getClusters(box, set.zoom).length;
    const runs = [];
    for (let run = 0; run < RUNS + 1; run++) { // the first run is a warm-up
        const t0 = performance.now();
        for (let r = 0; r < QUERY_REPEATS; r++) {
            for (const box of set.boxes) sink += index.getClusters(box, set.zoom).length;
        }
        const ms = (performance.now() - t0) / (QUERY_REPEATS * set.boxes.length);
        if (run > 0) runs.push(ms);
    }
    return {name: set.name, zoom: set.zoom, viewports: set.boxes.length,
            itemsPerQuery: items / set.boxes.length, runsMs: runs, medianMs: median(runs)};
});

const version = JSON.parse(readFileSync(new URL('node_modules/supercluster/package.json', import.meta.url), 'utf8')).version;
process.stdout.write(JSON.stringify({
    implementation: `supercluster ${version} (node ${process.version})`,
    points: NUM_POINTS, runs: RUNS, itemsPerZoom,
    build: {runsMs: buildMs, medianMs: median(buildMs)},
    queries, sink
}, null, 1) + '\n');
