// SPDX-License-Identifier: GPL-3.0-or-later
#include "germany.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGermany, "pudding.geo", QtInfoMsg)

namespace Pudding::Germany {

namespace {

struct Point
{
    double lng;
    double lat;
};

struct Ring
{
    QList<Point> points; // closed: the last point repeats the first
    GeoBox box;
};

struct Border
{
    QList<QList<Ring>> polygons; // each: an outer ring, then its holes
    QList<Ring> lines; // every border line once (the arcs), for distances
    bool valid = false;
};

GeoBox boxOf(const QList<Point> &points)
{
    GeoBox box { 180, 90, -180, -90 };
    for (const auto &p : points) {
        box.west = std::min(box.west, p.lng);
        box.east = std::max(box.east, p.lng);
        box.south = std::min(box.south, p.lat);
        box.north = std::max(box.north, p.lat);
    }
    return box;
}

// Büsingen am Hochrhein (7.6 km², an exclave on the Rhine's north bank east of Schaffhausen):
// an outline good to a few hundred metres, drawn from its published extent; the tolerance
// covers the rest.
const QList<Point> &buesingen()
{
    static const QList<Point> outline { { 8.6560, 47.6935 }, { 8.6600, 47.7010 },
        { 8.6730, 47.7080 }, { 8.6900, 47.7120 }, { 8.7080, 47.7100 }, { 8.7200, 47.7030 },
        { 8.7260, 47.6950 }, { 8.7150, 47.6905 }, { 8.6950, 47.6925 }, { 8.6750, 47.6925 },
        { 8.6560, 47.6935 } };
    return outline;
}

Border load()
{
    const QString fileName = u":/pudding/map/de-states.json"_s;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcGermany) << "Germany's border is missing from the resources:"
                              << file.errorString() << "- checking the bounding box only";
        return {};
    }
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &error).object();
    const QJsonArray arcsJson = root.value("arcs"_L1).toArray();
    const QJsonArray states = root.value("states"_L1).toArray();
    if (error.error != QJsonParseError::NoError || arcsJson.isEmpty() || states.isEmpty()) {
        qCCritical(lcGermany) << "Germany's border data is unreadable:" << error.errorString();
        return {};
    }
    Border border;
    QList<QList<Point>> arcs;
    for (const auto &arcJson : arcsJson) {
        const QJsonArray flat = arcJson.toArray();
        QList<Point> arc;
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
            arc.append({ flat[i].toDouble(), flat[i + 1].toDouble() });
        arcs.append(arc);
        border.lines.append({ arc, boxOf(arc) });
    }
    for (const auto &state : states) {
        for (const auto &polygonJson : state.toObject().value("polygons"_L1).toArray()) {
            QList<Ring> polygon;
            for (const auto &ringJson : polygonJson.toArray()) {
                QList<Point> points;
                for (const auto &refJson : ringJson.toArray()) {
                    const int ref = refJson.toInt();
                    const int index = ref >= 0 ? ref : ~ref;
                    if (index < 0 || index >= arcs.size()) {
                        qCCritical(lcGermany) << "Germany's border data refers to a missing arc";
                        return {};
                    }
                    QList<Point> arc = arcs[index];
                    if (ref < 0)
                        std::reverse(arc.begin(), arc.end());
                    // Consecutive arcs share their joint point.
                    points.append(arc.mid(points.isEmpty() ? 0 : 1));
                }
                if (points.size() >= 4)
                    polygon.append({ points, boxOf(points) });
            }
            if (!polygon.isEmpty())
                border.polygons.append(polygon);
        }
    }
    border.polygons.append({ { buesingen(), boxOf(buesingen()) } });
    border.lines.append({ buesingen(), boxOf(buesingen()) });
    border.valid = !border.polygons.isEmpty();
    return border;
}

const Border &border()
{
    static const Border data = load(); // thread-safe initialisation
    return data;
}

// Even-odd crossings of a ray eastwards from p.
bool crossesOddly(const Ring &ring, Point p)
{
    if (!ring.box.contains({ p.lat, p.lng }))
        return false;
    bool inside = false;
    const auto &pts = ring.points;
    for (qsizetype i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
        const Point a = pts[j];
        const Point b = pts[i];
        if ((a.lat > p.lat) != (b.lat > p.lat)) {
            const double x = a.lng + (p.lat - a.lat) * (b.lng - a.lng) / (b.lat - a.lat);
            if (x > p.lng)
                inside = !inside;
        }
    }
    return inside;
}

bool insideBorder(const Border &b, Point p)
{
    for (const auto &polygon : b.polygons) {
        bool inside = false;
        for (const auto &ring : polygon)
            inside ^= crossesOddly(ring, p);
        if (inside)
            return true;
    }
    return false;
}

} // namespace

double distanceOutsideMetres(GeoPoint p)
{
    constexpr double infinity = std::numeric_limits<double>::infinity();
    if (!std::isfinite(p.lat) || !std::isfinite(p.lng))
        return infinity;
    const Border &b = border();
    if (!b.valid)
        return Bounds.contains(p) ? 0 : infinity;
    if (insideBorder(b, { p.lng, p.lat }))
        return 0;

    // Distances of a few kilometres: a local equirectangular projection around p is exact to
    // far better than the data.
    constexpr double metresPerDegree = kEarthRadiusMetres * std::numbers::pi / 180.0;
    const double kx = metresPerDegree * std::cos(p.lat * std::numbers::pi / 180.0);
    const double ky = metresPerDegree;
    double best = infinity;
    for (const auto &line : b.lines) {
        // The box's distance is a lower bound: skip lines that cannot be nearer.
        const double bx = std::max({ line.box.west - p.lng, 0.0, p.lng - line.box.east }) * kx;
        const double by = std::max({ line.box.south - p.lat, 0.0, p.lat - line.box.north }) * ky;
        if (std::hypot(bx, by) >= best)
            continue;
        for (qsizetype i = 0; i + 1 < line.points.size(); ++i) {
            const double ax = (line.points[i].lng - p.lng) * kx;
            const double ay = (line.points[i].lat - p.lat) * ky;
            const double dx = (line.points[i + 1].lng - p.lng) * kx - ax;
            const double dy = (line.points[i + 1].lat - p.lat) * ky - ay;
            const double lengthSquared = dx * dx + dy * dy;
            const double t = lengthSquared > 0
                ? std::clamp(-(ax * dx + ay * dy) / lengthSquared, 0.0, 1.0)
                : 0.0;
            best = std::min(best, std::hypot(ax + t * dx, ay + t * dy));
        }
    }
    return best;
}

bool isInGermany(GeoPoint p)
{
    // The box first: most refusals are far away, and the database's CHECK holds every event
    // inside it (it already has a small margin around the border).
    if (!std::isfinite(p.lat) || !std::isfinite(p.lng) || !Bounds.contains(p))
        return false;
    return distanceOutsideMetres(p) <= BorderToleranceMetres;
}

} // namespace Pudding::Germany
