// SPDX-License-Identifier: GPL-3.0-or-later
#include "basemapdata.h"

#include "shared/mercator.h"
#include "shared/places.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBaseMap, "pudding.map", QtInfoMsg)

namespace Pudding::Client {
namespace {

const QString StatesFile = u":/qt/qml/PuddingGabel/resources/map/de-states.json"_s;
const QString CitiesFile = u":/pudding/data/de-cities.csv"_s;

// Simplify to this many pixels of the level the paths are built for: invisible, since
// levels are only ever drawn at scale <= 1 (see levelFor).
constexpr double SimplifyTolerancePx = 0.35;

// Germany's capital and the state capitals get their labels ahead of bigger towns.
const QSet<QString> &capitals()
{
    static const QSet<QString> names { u"Berlin"_s, u"Hamburg"_s, u"München"_s, u"Bremen"_s,
        u"Stuttgart"_s, u"Düsseldorf"_s, u"Dresden"_s, u"Hannover"_s, u"Wiesbaden"_s, u"Kiel"_s,
        u"Magdeburg"_s, u"Mainz"_s, u"Erfurt"_s, u"Potsdam"_s, u"Saarbrücken"_s, u"Schwerin"_s };
    return names;
}

QPointF unitOf(double lng, double lat)
{
    return Mercator::toUnit(GeoPoint { lat, lng });
}

double segmentDistance(QPointF p, QPointF a, QPointF b)
{
    const QPointF d = b - a;
    const double lengthSquared = QPointF::dotProduct(d, d);
    if (lengthSquared == 0)
        return std::hypot(p.x() - a.x(), p.y() - a.y());
    const double t = std::clamp(QPointF::dotProduct(p - a, d) / lengthSquared, 0.0, 1.0);
    const QPointF q = a + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

// Douglas-Peucker, iterative; keeps both ends so shared borders stay shared.
QList<QPointF> simplify(const QList<QPointF> &points, double tolerance)
{
    const qsizetype n = points.size();
    if (n <= 2)
        return points;
    QList<bool> keep(n, false);
    keep[0] = keep[n - 1] = true;
    QList<std::pair<qsizetype, qsizetype>> stack { { 0, n - 1 } };
    while (!stack.isEmpty()) {
        const auto [first, last] = stack.takeLast();
        double best = 0;
        qsizetype index = -1;
        for (qsizetype i = first + 1; i < last; ++i) {
            const double d = segmentDistance(points[i], points[first], points[last]);
            if (d > best) {
                best = d;
                index = i;
            }
        }
        if (index >= 0 && best > tolerance) {
            keep[index] = true;
            stack.append({ first, index });
            stack.append({ index, last });
        }
    }
    QList<QPointF> result;
    for (qsizetype i = 0; i < n; ++i) {
        if (keep[i])
            result.append(points[i]);
    }
    // A closed arc (an island) must stay a polygon.
    if (points.first() == points.last() && result.size() < 4)
        return points;
    return result;
}

using Ring = QList<int>; // arc references, ~i = arc i reversed
using Polygon = QList<Ring>; // outer ring, then holes

void appendRing(QPainterPath &path, const QList<QList<QPointF>> &arcs, const Ring &ring)
{
    bool first = true;
    for (const int ref : ring) {
        const QList<QPointF> &arc = arcs[ref >= 0 ? ref : ~ref];
        const qsizetype n = arc.size();
        for (qsizetype k = 0; k < n; ++k) {
            const QPointF &p = ref >= 0 ? arc[k] : arc[n - 1 - k];
            if (first) {
                path.moveTo(p);
                first = false;
            } else if (k > 0) { // arcs share their joint point
                path.lineTo(p);
            }
        }
    }
    path.closeSubpath();
}

void appendPolyline(QPainterPath &path, const QList<QPointF> &points)
{
    if (points.isEmpty())
        return;
    path.moveTo(points.first());
    for (qsizetype k = 1; k < points.size(); ++k)
        path.lineTo(points[k]);
}

std::shared_ptr<BaseMapData> failure(const QString &message)
{
    qCWarning(lcBaseMap) << "offline base map unavailable:" << message;
    auto data = std::make_shared<BaseMapData>();
    data->error = message;
    return data;
}

} // namespace

int BaseMapData::levelFor(double zoom) const
{
    const int level = static_cast<int>(std::ceil(zoom - 1e-6));
    return std::clamp(level, 0, static_cast<int>(levels.size()) - 1);
}

std::shared_ptr<const BaseMapData> BaseMapData::parse(
    const QString &statesFile, const QString &citiesFile)
{
    QFile file(statesFile);
    if (!file.open(QIODevice::ReadOnly))
        return failure(file.errorString());
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.value(u"format"_s).toInt() != 1)
        return failure(u"%1: not a base map (%2)"_s.arg(statesFile, parseError.errorString()));

    auto data = std::make_shared<BaseMapData>();
    data->attribution = root.value(u"attribution"_s).toString();

    // Arcs, in unit Mercator coordinates.
    QList<QList<QPointF>> arcs;
    const QJsonArray jsonArcs = root.value(u"arcs"_s).toArray();
    arcs.reserve(jsonArcs.size());
    for (const auto &jsonArc : jsonArcs) {
        const QJsonArray flat = jsonArc.toArray();
        QList<QPointF> arc;
        arc.reserve(flat.size() / 2);
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2) {
            const QPointF p = unitOf(flat[i].toDouble(), flat[i + 1].toDouble());
            arc.append(p);
            data->boundsUnit |= QRectF(p, QSizeF(0, 0));
        }
        arcs.append(arc);
    }

    // States, and how often each arc is used: once = Germany's border, twice = between states.
    QList<QList<Polygon>> statePolygons;
    QList<int> arcUse(arcs.size(), 0);
    const QJsonArray jsonStates = root.value(u"states"_s).toArray();
    for (const auto &value : jsonStates) {
        const QJsonObject object = value.toObject();
        const QJsonArray label = object.value(u"label"_s).toArray();
        data->states.append(State { object.value(u"name"_s).toString(),
            object.value(u"code"_s).toString(), object.value(u"colour"_s).toInt(),
            unitOf(label.at(0).toDouble(), label.at(1).toDouble()) });
        QList<Polygon> polygons;
        for (const auto &jsonPolygon : object.value(u"polygons"_s).toArray()) {
            Polygon polygon;
            for (const auto &jsonRing : jsonPolygon.toArray()) {
                Ring ring;
                for (const auto &ref : jsonRing.toArray()) {
                    const int index = ref.toInt();
                    const int arc = index >= 0 ? index : ~index;
                    if (arc >= arcs.size())
                        return failure(u"%1: arc %2 out of range"_s.arg(statesFile).arg(arc));
                    ++arcUse[arc];
                    ring.append(index);
                }
                polygon.append(ring);
            }
            polygons.append(polygon);
        }
        statePolygons.append(polygons);
    }
    if (data->states.isEmpty())
        return failure(u"%1: no states"_s.arg(statesFile));

    // Paths per level: simplify each arc once per level so neighbours share their border.
    for (int level = 0; level <= MaxPathLevel; ++level) {
        const double scale = Mercator::worldSize(level);
        QList<QList<QPointF>> projected;
        projected.reserve(arcs.size());
        for (const QList<QPointF> &arc : std::as_const(arcs)) {
            QList<QPointF> world;
            world.reserve(arc.size());
            for (const QPointF &p : arc)
                world.append(p * scale);
            projected.append(simplify(world, SimplifyTolerancePx));
        }
        Level paths;
        for (const QList<Polygon> &polygons : std::as_const(statePolygons)) {
            QPainterPath fill;
            fill.setFillRule(Qt::OddEvenFill); // holes (Bremen inside Lower Saxony …)
            for (const Polygon &polygon : polygons) {
                for (const Ring &ring : polygon)
                    appendRing(fill, projected, ring);
            }
            paths.stateBounds.append(fill.controlPointRect());
            paths.stateFills.append(fill);
        }
        for (qsizetype i = 0; i < projected.size(); ++i)
            appendPolyline(arcUse[i] > 1 ? paths.borders : paths.outline, projected[i]);
        data->levels.append(paths);
    }

    // Cities from the gazetteer, biggest first.
    const auto cities = loadGermanCities(citiesFile);
    if (cities.isEmpty())
        qCWarning(lcBaseMap) << "no city labels in" << citiesFile;
    for (const auto &c : cities) {
        City city;
        city.name = c.name;
        city.state = c.state;
        city.point = c.location;
        city.unit = Mercator::toUnit(city.point);
        city.population = c.population;
        city.capital = capitals().contains(city.name);
        data->cities.append(city);
    }
    return data;
}

QFuture<std::shared_ptr<const BaseMapData>> BaseMapData::load()
{
    static QFuture<std::shared_ptr<const BaseMapData>> future
        = QtConcurrent::run([] { return parse(StatesFile, CitiesFile); });
    return future;
}

} // namespace Pudding::Client
