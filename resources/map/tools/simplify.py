#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds resources/map/de-states.json, the offline base map of Germany's 16 states.

Input: a TopoJSON of Germany's states (Natural Earth 1:10m admin-1, public domain; see
../SOURCE.md). Output: a compact JSON that keeps the topology (shared arcs), so the app can
draw each border once and tell the national outline (arcs used by one state) from the
borders between states (arcs used by two):

    {
      "format": 1,
      "attribution": "...",
      "arcs":   [[lng, lat, lng, lat, ...], ...],      # degrees, 4 decimals
      "states": [{"name": "Bayern", "code": "BY", "colour": 2, "label": [lng, lat],
                  "polygons": [[[arc, arc, ...], [hole arcs...]], ...]}, ...]
    }

A ring lists arc indices as in TopoJSON: i is arc i, ~i (= -i-1) is arc i reversed.

Each arc is simplified with Douglas-Peucker in a local metric projection (tolerance in
metres), keeping its end points, so neighbouring states still share exactly the same border.
"label" is each state's pole of inaccessibility (the interior point farthest from its edges,
"polylabel"), a good place for its name. "colour" is a greedy colouring of the neighbour
graph so that no two neighbouring states share a fill.

Usage: simplify.py INPUT.topo.json OUTPUT.json [--tolerance METRES]
Only the Python standard library is needed.
"""

import argparse
import heapq
import json
import math
import sys

CODES = {
    "Baden-Württemberg": "BW", "Bayern": "BY", "Berlin": "BE", "Brandenburg": "BB",
    "Bremen": "HB", "Hamburg": "HH", "Hessen": "HE", "Mecklenburg-Vorpommern": "MV",
    "Niedersachsen": "NI", "Nordrhein-Westfalen": "NW", "Rheinland-Pfalz": "RP",
    "Saarland": "SL", "Sachsen": "SN", "Sachsen-Anhalt": "ST", "Schleswig-Holstein": "SH",
    "Thüringen": "TH",
}
EARTH_RADIUS = 6371008.8
REFERENCE_LAT = 51.0  # Germany's middle: the local projection for simplification


def decode_arcs(topology):
    """TopoJSON arcs (quantised, delta-encoded) -> lists of (lng, lat)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            if transform:
                x += dx
                y += dy
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((dx, dy))
        arcs.append(points)
    return arcs


def to_metres(point):
    lng, lat = point
    k = math.pi / 180 * EARTH_RADIUS
    return (lng * k * math.cos(math.radians(REFERENCE_LAT)), lat * k)


def perpendicular_distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(points, tolerance):
    """Indices of the points to keep (iterative, so long arcs cannot overflow the stack)."""
    n = len(points)
    if n <= 2:
        return list(range(n))
    metric = [to_metres(p) for p in points]
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = perpendicular_distance(metric[i], metric[first], metric[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [i for i in range(n) if keep[i]]


def simplify_arc(points, tolerance):
    closed = len(points) > 3 and points[0] == points[-1]
    if not closed:
        return [points[i] for i in douglas_peucker(points, tolerance)]
    # A closed arc (an island): split at the point farthest from the start so both halves
    # keep their shape, and never collapse it below a triangle.
    origin = to_metres(points[0])
    far = max(range(len(points)), key=lambda i: math.dist(origin, to_metres(points[i])))
    first = [points[i] for i in douglas_peucker(points[: far + 1], tolerance)]
    second = [points[far + i] for i in douglas_peucker(points[far:], tolerance)]
    ring = first + second[1:]
    return ring if len(ring) >= 4 else points


def arc_points(arcs, index):
    return arcs[index] if index >= 0 else list(reversed(arcs[~index]))


def ring_points(arcs, ring):
    points = []
    for index in ring:
        part = arc_points(arcs, index)
        points.extend(part if not points else part[1:])
    return points


def polygon_rings(geometry):
    return geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]


def mercator(point):
    lng, lat = point
    return (lng, math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))))


def ring_area(ring):
    return 0.5 * sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))


def point_to_polygon_distance(x, y, rings):
    """Signed distance from (x, y) to the polygon's edges (positive inside)."""
    inside = False
    best = math.inf
    for ring in rings:
        for a, b in zip(ring, ring[1:] + ring[:1]):
            if (a[1] > y) != (b[1] > y) and x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]:
                inside = not inside
            best = min(best, perpendicular_distance((x, y), a, b))
    return best if inside else -best


def polylabel(rings, precision):
    """Pole of inaccessibility (Mapbox's polylabel): a grid of cells refined best-first."""
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    min_x, min_y, max_x, max_y = min(xs), min(ys), max(xs), max(ys)
    size = min(max_x - min_x, max_y - min_y)
    if size == 0:
        return (min_x, min_y)
    half = size / 2

    def cell(x, y, h):
        d = point_to_polygon_distance(x, y, rings)
        return (-(d + h * math.sqrt(2)), x, y, h, d)

    queue = []
    x = min_x
    while x < max_x:
        y = min_y
        while y < max_y:
            heapq.heappush(queue, cell(x + half, y + half, half))
            y += size
        x += size
    # Start with the area centroid as the best guess.
    area = ring_area(rings[0])
    cx = sum((a[0] + b[0]) * (a[0] * b[1] - b[0] * a[1])
             for a, b in zip(rings[0], rings[0][1:] + rings[0][:1])) / (6 * area)
    cy = sum((a[1] + b[1]) * (a[0] * b[1] - b[0] * a[1])
             for a, b in zip(rings[0], rings[0][1:] + rings[0][:1])) / (6 * area)
    best = cell(cx, cy, 0)
    while queue:
        c = heapq.heappop(queue)
        if c[4] > best[4]:
            best = c
        if -c[0] - best[4] <= precision:
            continue
        h = c[3] / 2
        for dx in (-h, h):
            for dy in (-h, h):
                heapq.heappush(queue, cell(c[1] + dx, c[2] + dy, h))
    return (best[1], best[2])


def label_point(arcs, polygons):
    """The label point of a state's largest polygon, computed in Mercator (as drawn)."""
    def area(polygon):
        return abs(ring_area([mercator(p) for p in ring_points(arcs, polygon[0])]))
    largest = max(polygons, key=area)
    rings = [[mercator(p) for p in ring_points(arcs, ring)[:-1]] for ring in largest]
    x, y = polylabel(rings, precision=0.005)
    lat = math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)
    return (x, lat)


def colour_states(geometries):
    """Welsh-Powell greedy colouring of the graph of states that share an arc."""
    users = {}
    for s, geometry in enumerate(geometries):
        for polygon in polygon_rings(geometry):
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(s)
    neighbours = {s: set() for s in range(len(geometries))}
    for states in users.values():
        for a in states:
            neighbours[a] |= states - {a}
    colours = {}
    for s in sorted(neighbours, key=lambda s: -len(neighbours[s])):
        taken = {colours[n] for n in neighbours[s] if n in colours}
        colours[s] = next(c for c in range(len(geometries)) if c not in taken)
    return colours


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--tolerance", type=float, default=60.0,
                        help="Douglas-Peucker tolerance in metres (default 60)")
    args = parser.parse_args()

    with open(args.input, encoding="utf-8") as f:
        topology = json.load(f)
    geometries = topology["objects"]["states"]["geometries"]
    raw = decode_arcs(topology)
    arcs = [simplify_arc(arc, args.tolerance) for arc in raw]
    colours = colour_states(geometries)

    states = []
    for s, geometry in enumerate(geometries):
        name = geometry["properties"]["name"]
        polygons = polygon_rings(geometry)
        lng, lat = label_point(arcs, polygons)
        states.append({
            "name": name,
            "code": CODES[name],
            "colour": colours[s],
            "label": [round(lng, 4), round(lat, 4)],
            "polygons": polygons,
        })
    states.sort(key=lambda state: state["code"])

    output = {
        "format": 1,
        "attribution": "Made with Natural Earth",
        "arcs": [[round(v, 4) for p in arc for v in p] for arc in arcs],
        "states": states,
    }
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(output, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    before = sum(len(a) for a in raw)
    after = sum(len(a) for a in arcs)
    print(f"{len(states)} states, {len(arcs)} arcs, {before} -> {after} points, "
          f"{max(colours.values()) + 1} colours", file=sys.stderr)


if __name__ == "__main__":
    main()
