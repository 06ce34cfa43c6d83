// SPDX-License-Identifier: GPL-3.0-or-later
// The C++ half of the clustering benchmark: Pudding::ClusterIndex on the same 100,000 points
// and viewports as supercluster-bench.js (keep the two in step). Prints one JSON object on
// stdout, in the same shape as the JavaScript side, for run.sh to put side by side.
//
//   bench_cluster [runs]
#include "shared/cluster.h"
#include "shared/geo.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Pudding;

namespace {

constexpr int NumPoints = 100000;
constexpr int QueryRepeats = 200; // queries per viewport per run

/// mulberry32 (Tommy Ettinger), bit for bit as the JavaScript version with Math.imul.
class Mulberry32
{
public:
    explicit Mulberry32(quint32 seed)
        : m_state(seed)
    { }
    double next()
    {
        m_state += 0x6D2B79F5u;
        quint32 t = (m_state ^ (m_state >> 15)) * (m_state | 1u);
        t = (t + (t ^ (t >> 7)) * (t | 61u)) ^ t;
        return (t ^ (t >> 14)) / 4294967296.0;
    }

private:
    quint32 m_state;
};

std::vector<ClusterPoint> makePoints()
{
    Mulberry32 random(42);
    std::vector<ClusterPoint> points;
    points.reserve(NumPoints);
    for (int i = 0; i < NumPoints; ++i) {
        const double lat = 47.3 + random.next() * (55.0 - 47.3);
        const double lng = 5.9 + random.next() * (15.0 - 5.9);
        points.push_back({ i, { lat, lng } });
    }
    return points;
}

/// A 1280 x 800 pixel viewport (256-pixel tiles) centred on `centre` at `zoom`; the same
/// arithmetic as viewport() in supercluster-bench.js.
GeoBox viewport(GeoPoint centre, int zoom)
{
    constexpr double pi = std::numbers::pi;
    const double world = 256 * std::pow(2.0, zoom);
    const double x = (centre.lng + 180) / 360;
    const double s = std::sin(centre.lat * pi / 180);
    const double y = 0.5 - std::log((1 + s) / (1 - s)) / (4 * pi);
    const auto toLng = [](double ux) { return ux * 360 - 180; };
    const auto toLat = [](double uy) { return std::atan(std::sinh(pi * (1 - 2 * uy))) * 180 / pi; };
    const double hw = 640 / world;
    const double hh = 400 / world;
    return { toLng(x - hw), toLat(y + hh), toLng(x + hw), toLat(y - hh) };
}

struct QuerySet
{
    QString name;
    int zoom;
    std::vector<GeoBox> boxes;
};

double median(std::vector<double> xs)
{
    std::sort(xs.begin(), xs.end());
    const std::size_t m = xs.size() / 2;
    return xs.size() % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

QJsonArray toJson(const std::vector<double> &xs)
{
    QJsonArray result;
    for (double x : xs)
        result.append(x);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int runs = std::max(5, args.size() > 1 ? args.at(1).toInt() : 9);

    const std::vector<ClusterPoint> points = makePoints();
    const ClusterIndex::Options options; // supercluster's defaults

    std::vector<QuerySet> sets;
    for (int z : { 5, 6, 7 })
        sets.push_back({ u"Germany z%1"_s.arg(z), z, { Germany::Bounds } });
    const GeoPoint cities[] = { { 52.5200, 13.4050 }, { 53.5511, 9.9937 }, { 48.1374, 11.5755 },
        { 50.9375, 6.9603 }, { 50.1109, 8.6821 } };
    for (int z : { 10, 11, 12, 13, 14 }) {
        QuerySet set { u"5 cities z%1"_s.arg(z), z, {} };
        for (const GeoPoint &c : cities)
            set.boxes.push_back(viewport(c, z));
        sets.push_back(std::move(set));
    }

    // index build: one warm-up, then `runs` timed runs (the copy of the input is not timed)
    ClusterIndex index(options);
    index.load(points);
    std::vector<double> buildMs;
    for (int run = 0; run < runs; ++run) {
        std::vector<ClusterPoint> copy = points;
        ClusterIndex fresh(options);
        const auto t0 = std::chrono::steady_clock::now();
        fresh.load(std::move(copy));
        buildMs.push_back(msSince(t0));
        index = std::move(fresh);
    }

    QJsonArray itemsPerZoom;
    for (int z = 0; z <= options.maxZoom + 1; ++z)
        itemsPerZoom.append(
            static_cast<qint64>(index.clusters(GeoBox { -180, -90, 180, 90 }, z).size()));

    qint64 sink = 0;
    QJsonArray queries;
    for (const QuerySet &set : sets) {
        qint64 items = 0;
        for (const GeoBox &box : set.boxes)
            items += static_cast<qint64>(index.clusters(box, set.zoom).size());
        std::vector<double> runMs;
        for (int run = 0; run < runs + 1; ++run) { // the first run is a warm-up
            const auto t0 = std::chrono::steady_clock::now();
            for (int r = 0; r < QueryRepeats; ++r) {
                for (const GeoBox &box : set.boxes)
                    sink += static_cast<qint64>(index.clusters(box, set.zoom).size());
            }
            const double ms = msSince(t0) / (QueryRepeats * static_cast<double>(set.boxes.size()));
            if (run > 0)
                runMs.push_back(ms);
        }
        queries.append(QJsonObject {
            { u"name"_s, set.name },
            { u"zoom"_s, set.zoom },
            { u"viewports"_s, static_cast<qint64>(set.boxes.size()) },
            { u"itemsPerQuery"_s,
                static_cast<double>(items) / static_cast<double>(set.boxes.size()) },
            { u"runsMs"_s, toJson(runMs) },
            { u"medianMs"_s, median(runMs) },
        });
    }

    const QJsonObject result {
        { u"implementation"_s,
            u"Pudding::ClusterIndex (C++, Qt %1)"_s.arg(QString::fromLatin1(qVersion())) },
        { u"points"_s, NumPoints },
        { u"runs"_s, runs },
        { u"itemsPerZoom"_s, itemsPerZoom },
        { u"build"_s,
            QJsonObject { { u"runsMs"_s, toJson(buildMs) }, { u"medianMs"_s, median(buildMs) } } },
        { u"queries"_s, queries },
        { u"sink"_s, sink },
    };
    const QByteArray json = QJsonDocument(result).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, static_cast<std::size_t>(json.size()), stdout);
    return 0;
}
