// SPDX-License-Identifier: GPL-3.0-or-later
// Reference output for tests/tst_cluster.cpp: clusters a point set with the real supercluster
// and prints what getClusters() returns for the whole world at each zoom.
//
//   node crosscheck.js input.json
//
// input.json:  {"options": {minZoom, maxZoom, radius, extent, minPoints, nodeSize},
//               "points": [[lng, lat], ...], "zooms": [0, 1, ...]}
// stdout:      {"supercluster": "<version>",
//               "zooms": [{"zoom": z, "items": n,
//                          "clusters": [[cluster_id, point_count, lng, lat], ...]}, ...]}
//               (clusters sorted by id; single points are only counted in "items")
import {readFileSync} from 'node:fs';
import Supercluster from 'supercluster';

// (package.json is not in supercluster's "exports", so read it as a file)
const version = JSON.parse(readFileSync(
    new URL('node_modules/supercluster/package.json', import.meta.url), 'utf8')).version;

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const features = input.points.map(([lng, lat], i) => ({
    type: 'Feature',
    id: i,
    properties: null,
    geometry: {type: 'Point', coordinates: [lng, lat]}
}));
const index = new Supercluster(input.options).load(features);

const zooms = input.zooms.map((zoom) => {
    const all = index.getClusters([-180, -90, 180, 90], zoom);
    const clusters = all
        .filter(f => f.properties && f.properties.cluster)
        .map(f => [f.properties.cluster_id, f.properties.point_count,
                   f.geometry.coordinates[0], f.geometry.coordinates[1]])
        .sort((a, b) => a[0] - b[0]);
    return {zoom, items: all.length, clusters};
});
process.stdout.write(JSON.stringify({supercluster: version, zooms}) + '\n');
