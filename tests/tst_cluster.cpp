// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterIndex (shared/cluster.h), the port of supercluster: the hierarchy is checked for
// consistency at every zoom (every point in exactly one marker, children and leaves add up,
// expansion zooms really split), bbox queries against brute force, and, when node and
// bench/cluster/node_modules are there, the results against the real supercluster.
#include "shared/cluster.h"
#include "shared/geo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Pudding;

Q_DECLARE_METATYPE(Pudding::GeoBox)
Q_DECLARE_METATYPE(Pudding::ClusterIndex::Options)

namespace {

constexpr GeoBox World { -180, -90, 180, 90 };
constexpr GeoPoint Berlin { 52.5200, 13.4050 };
constexpr GeoPoint Muenchen { 48.1374, 11.5755 };
constexpr int kRandomPoints = 20000;
constexpr int kMaxZoom = ClusterIndex::Options {}.maxZoom;

double uniform(QRandomGenerator &rng, double lo, double hi)
{
    return lo + rng.generateDouble() * (hi - lo);
}

/// Random points over Germany, then stacks of duplicates (same spot, different events):
/// 40 at Berlin, 25 at Munich, and 200 random spots with 2 to 5 events each. Event ids are
/// not the indices (1000 + 7 * i), so that mixing the two up shows.
std::vector<ClusterPoint> makePoints(quint32 seed, int randomCount)
{
    QRandomGenerator rng(seed);
    std::vector<GeoPoint> locations;
    locations.reserve(size_t(randomCount));
    for (int i = 0; i < randomCount; ++i)
        locations.push_back({ uniform(rng, 47.3, 55.0), uniform(rng, 5.9, 15.0) });
    for (int i = 0; i < 40; ++i)
        locations.push_back(Berlin);
    for (int i = 0; i < 25; ++i)
        locations.push_back(Muenchen);
    for (int spot = 0; spot < 200; ++spot) {
        const GeoPoint p { uniform(rng, 47.3, 55.0), uniform(rng, 5.9, 15.0) };
        const int copies = 2 + static_cast<int>(rng.bounded(4));
        for (int c = 0; c < copies; ++c)
            locations.push_back(p);
    }
    // shuffle, so that the duplicates are not processed one after the other
    for (std::size_t i = locations.size() - 1; i > 0; --i)
        std::swap(locations[i], locations[rng.bounded(static_cast<quint32>(i + 1))]);

    std::vector<ClusterPoint> points;
    for (std::size_t i = 0; i < locations.size(); ++i)
        points.push_back({ 1000 + 7 * static_cast<qint64>(i), locations[i] });
    return points;
}

/// The whole world at one zoom: the markers, each one's event ids, and which marker each
/// event ended up in (counting how often, to catch duplicates).
struct ZoomView
{
    std::vector<MapCluster> items;
    std::vector<std::vector<qint64>> leavesOfItem;
    std::unordered_map<qint64, int> itemOfEvent;
    qsizetype assignments = 0;
};

using Row = std::tuple<qint64, int, double, double>;

std::vector<Row> rows(const std::vector<MapCluster> &clusters)
{
    std::vector<Row> result;
    result.reserve(clusters.size());
    for (const MapCluster &c : clusters)
        result.emplace_back(c.id, c.count, c.location.lat, c.location.lng);
    std::sort(result.begin(), result.end());
    return result;
}

QString benchDir()
{
    return QStringLiteral(PUDDING_CLUSTER_BENCH_DIR);
}

} // namespace

class TestCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void partitionsAtEveryZoom_data();
    void partitionsAtEveryZoom();
    void childrenAddUp_data();
    void childrenAddUp();
    void expansionZoomSplits_data();
    void expansionZoomSplits();
    void singlesBeyondMaxZoom_data();
    void singlesBeyondMaxZoom();
    void duplicatesStayTogetherUntilMaxZoom();
    void leavesPaging();
    void bboxQueries_data();
    void bboxQueries();
    void bboxLongitudeWrapping();
    void invalidClusterIds();
    void emptyAndTinyIndexes();
    void optionsAreClamped();

    void matchesSupercluster_data();
    void matchesSupercluster();

private:
    const ZoomView &view(int zoom);

    std::vector<ClusterPoint> m_points;
    std::vector<qint64> m_sortedIds;
    ClusterIndex m_index;
    std::map<int, ZoomView> m_views;
};

void TestCluster::initTestCase()
{
    m_points = makePoints(20260601, kRandomPoints);
    for (const ClusterPoint &p : m_points)
        m_sortedIds.push_back(p.id);
    std::sort(m_sortedIds.begin(), m_sortedIds.end());
    m_index.load(m_points);
    QCOMPARE(m_index.size(), static_cast<qsizetype>(m_points.size()));
}

const ZoomView &TestCluster::view(int zoom)
{
    auto it = m_views.find(zoom);
    if (it != m_views.end())
        return it->second;
    ZoomView v;
    v.items = m_index.clusters(World, zoom);
    for (int i = 0; i < static_cast<int>(v.items.size()); ++i) {
        const MapCluster &c = v.items[static_cast<std::size_t>(i)];
        std::vector<qint64> ids
            = c.isCluster() ? m_index.leaves(c.id, INT_MAX) : std::vector<qint64> { c.id };
        for (qint64 id : ids) {
            v.itemOfEvent[id] = i;
            ++v.assignments;
        }
        v.leavesOfItem.push_back(std::move(ids));
    }
    return m_views.emplace(zoom, std::move(v)).first->second;
}

void TestCluster::partitionsAtEveryZoom_data()
{
    QTest::addColumn<int>("zoom");
    for (int z = 0; z <= kMaxZoom + 1; ++z)
        QTest::addRow("z%d", z) << z;
}

void TestCluster::partitionsAtEveryZoom()
{
    QFETCH(int, zoom);
    const ZoomView &v = view(zoom);
    QVERIFY(!v.items.empty());

    qsizetype total = 0;
    for (std::size_t i = 0; i < v.items.size(); ++i) {
        const MapCluster &c = v.items[i];
        QVERIFY(c.count >= 1);
        QCOMPARE(static_cast<qsizetype>(v.leavesOfItem[i].size()), static_cast<qsizetype>(c.count));
        QVERIFY(Germany::contains(c.location)); // a weighted centre stays in the convex hull
        total += c.count;
    }
    QCOMPARE(total, static_cast<qsizetype>(m_points.size()));

    // every event exactly once
    std::vector<qint64> all;
    for (const auto &ids : v.leavesOfItem)
        all.insert(all.end(), ids.begin(), ids.end());
    std::sort(all.begin(), all.end());
    QCOMPARE(all, m_sortedIds);
    QCOMPARE(v.assignments, static_cast<qsizetype>(m_points.size()));

    // zooming out never splits a marker: everything in one marker at `zoom` is in one
    // marker at `zoom - 1` as well
    if (zoom > 0) {
        const ZoomView &outer = view(zoom - 1);
        for (const auto &ids : v.leavesOfItem) {
            const int item = outer.itemOfEvent.at(ids.front());
            for (qint64 id : ids)
                QCOMPARE(outer.itemOfEvent.at(id), item);
        }
        QVERIFY(outer.items.size() <= v.items.size());
    }
    if (zoom <= 5)
        QVERIFY(v.items.size() < m_points.size() / 10); // it does cluster
}

void TestCluster::childrenAddUp_data()
{
    partitionsAtEveryZoom_data();
}

void TestCluster::childrenAddUp()
{
    QFETCH(int, zoom);
    const ZoomView &v = view(zoom);
    int clusters = 0;
    for (std::size_t i = 0; i < v.items.size(); ++i) {
        const MapCluster &c = v.items[i];
        if (!c.isCluster()) {
            QVERIFY(m_index.children(c.id).empty() || c.id >= m_index.size());
            continue;
        }
        ++clusters;
        const std::vector<MapCluster> kids = m_index.children(c.id);
        QVERIFY(!kids.empty());
        int sum = 0;
        std::vector<qint64> kidLeaves;
        for (const MapCluster &k : kids) {
            sum += k.count;
            if (k.isCluster()) {
                const auto ids = m_index.leaves(k.id, INT_MAX);
                QCOMPARE(static_cast<int>(ids.size()), k.count);
                kidLeaves.insert(kidLeaves.end(), ids.begin(), ids.end());
            } else {
                kidLeaves.push_back(k.id);
            }
        }
        QCOMPARE(sum, c.count);
        std::vector<qint64> mine = v.leavesOfItem[i];
        std::sort(mine.begin(), mine.end());
        std::sort(kidLeaves.begin(), kidLeaves.end());
        QCOMPARE(kidLeaves, mine);
    }
    if (zoom <= kMaxZoom)
        QVERIFY(clusters > 0);
    else
        QCOMPARE(clusters, 0);
}

void TestCluster::expansionZoomSplits_data()
{
    QTest::addColumn<int>("zoom");
    for (int z = 0; z <= kMaxZoom; ++z)
        QTest::addRow("z%d", z) << z;
}

void TestCluster::expansionZoomSplits()
{
    QFETCH(int, zoom);
    const ZoomView &v = view(zoom);
    for (std::size_t i = 0; i < v.items.size(); ++i) {
        const MapCluster &c = v.items[i];
        if (!c.isCluster())
            continue;
        const int expansion = m_index.expansionZoom(c.id);
        QVERIFY2(expansion > zoom && expansion <= kMaxZoom + 1,
            qPrintable(u"cluster %1 at z%2 expands at %3"_s.arg(c.id).arg(zoom).arg(expansion)));
        const std::vector<qint64> &ids = v.leavesOfItem[i];

        // one zoom before: still one marker with exactly these events
        const ZoomView &before = view(expansion - 1);
        const int item = before.itemOfEvent.at(ids.front());
        QCOMPARE(before.items[static_cast<std::size_t>(item)].count, c.count);

        // at the expansion zoom: spread over more than one marker
        const ZoomView &after = view(expansion);
        std::set<int> items;
        for (qint64 id : ids)
            items.insert(after.itemOfEvent.at(id));
        QVERIFY2(items.size() > 1,
            qPrintable(
                u"cluster %1 of %2 still whole at z%3"_s.arg(c.id).arg(c.count).arg(expansion)));
    }
}

void TestCluster::singlesBeyondMaxZoom_data()
{
    QTest::addColumn<int>("zoom");
    QTest::addRow("maxZoom+1") << kMaxZoom + 1;
    QTest::addRow("maxZoom+2") << kMaxZoom + 2;
    QTest::addRow("30") << 30;
    QTest::addRow("INT_MAX") << INT_MAX;
}

void TestCluster::singlesBeyondMaxZoom()
{
    QFETCH(int, zoom);
    const std::vector<MapCluster> items = m_index.clusters(World, zoom);
    QCOMPARE(items.size(), m_points.size());
    std::vector<Row> expected;
    for (const ClusterPoint &p : m_points)
        expected.emplace_back(p.id, 1, p.location.lat, p.location.lng); // exact locations
    std::sort(expected.begin(), expected.end());
    QCOMPARE(rows(items), expected);
}

void TestCluster::duplicatesStayTogetherUntilMaxZoom()
{
    // The 40 events at Berlin can never be separated: one marker up to maxZoom, with
    // expansion zoom maxZoom + 1, where they are single.
    // (the centre is exact only up to the fixed point, ~4 cm: hence a box, not a point)
    const GeoBox aroundBerlin { Berlin.lng - 1e-4, Berlin.lat - 1e-4, Berlin.lng + 1e-4,
        Berlin.lat + 1e-4 };
    const std::vector<MapCluster> atMax = m_index.clusters(aroundBerlin, kMaxZoom);
    QCOMPARE(atMax.size(), std::size_t(1));
    QCOMPARE(atMax.front().count, 40);
    QCOMPARE(m_index.expansionZoom(atMax.front().id), kMaxZoom + 1);
    QVERIFY(std::abs(atMax.front().location.lat - Berlin.lat) < 1e-6);
    QVERIFY(std::abs(atMax.front().location.lng - Berlin.lng) < 1e-6);
    const std::vector<MapCluster> single
        = m_index.clusters(GeoBox { Berlin.lng, Berlin.lat, Berlin.lng, Berlin.lat }, kMaxZoom + 1);
    QCOMPARE(single.size(), std::size_t(40));
    for (const MapCluster &c : single) {
        QCOMPARE(c.count, 1);
        QCOMPARE(c.location, Berlin);
    }
}

void TestCluster::leavesPaging()
{
    const ZoomView &v = view(6);
    int checked = 0;
    for (const MapCluster &c : v.items) {
        if (!c.isCluster() || c.count < 12)
            continue;
        const std::vector<qint64> all = m_index.leaves(c.id, INT_MAX);
        QCOMPARE(m_index.leaves(c.id), std::vector<qint64>(all.begin(), all.begin() + 10));
        std::vector<qint64> paged;
        for (int offset = 0; offset < c.count + 7; offset += 7) {
            const std::vector<qint64> page = m_index.leaves(c.id, 7, offset);
            QVERIFY(page.size() <= 7u);
            paged.insert(paged.end(), page.begin(), page.end());
        }
        QCOMPARE(paged, all);
        QVERIFY(m_index.leaves(c.id, 5, c.count).empty());
        QVERIFY(m_index.leaves(c.id, 0).empty());
        if (++checked == 40)
            break;
    }
    QCOMPARE(checked, 40);
}

void TestCluster::bboxQueries_data()
{
    QTest::addColumn<int>("zoom");
    QTest::addColumn<GeoBox>("bbox");

    QRandomGenerator rng(4711);
    for (int z = 0; z <= kMaxZoom + 1; ++z) {
        // a viewport of about 1280 x 800 pixels at this zoom, and a few other sizes
        for (int i = 0; i < 8; ++i) {
            const double width = 1280.0 / (256.0 * std::exp2(z)) * 360.0 * std::exp2(i % 4 - 1);
            const double height = width * 0.6;
            const double west = uniform(rng, 5.0, 15.0) - width / 2;
            const double south = uniform(rng, 47.0, 55.0) - height / 2;
            QTest::addRow("z%d random %d", z, i)
                << z << GeoBox { west, south, west + width, south + height };
        }
        QTest::addRow("z%d Germany", z) << z << Germany::Bounds;
        QTest::addRow("z%d around Berlin", z)
            << z
            << GeoBox { Berlin.lng - 0.3, Berlin.lat - 0.2, Berlin.lng + 0.3, Berlin.lat + 0.2 };
        QTest::addRow("z%d Berlin as a point", z)
            << z << GeoBox { Berlin.lng, Berlin.lat, Berlin.lng, Berlin.lat };
        QTest::addRow("z%d south of Germany", z) << z << GeoBox { 5, 40, 15, 47 };
        QTest::addRow("z%d inverted latitudes", z) << z << GeoBox { 5, 55, 15, 47 };
        QTest::addRow("z%d beyond the poles", z) << z << GeoBox { 0, -100, 20, 100 };
    }
    // the edges of the input points themselves, at maxZoom + 1 (singles with exact locations)
    const GeoPoint p = makePoints(20260601, kRandomPoints)[123].location;
    QTest::addRow("edge west") << kMaxZoom + 1 << GeoBox { p.lng, p.lat - 1, p.lng + 1, p.lat + 1 };
    QTest::addRow("edge east") << kMaxZoom + 1 << GeoBox { p.lng - 1, p.lat - 1, p.lng, p.lat + 1 };
    QTest::addRow("edge south") << kMaxZoom + 1
                                << GeoBox { p.lng - 1, p.lat, p.lng + 1, p.lat + 1 };
    QTest::addRow("edge north") << kMaxZoom + 1
                                << GeoBox { p.lng - 1, p.lat - 1, p.lng + 1, p.lat };
    QTest::addRow("just outside") << kMaxZoom
            + 1 << GeoBox { std::nextafter(p.lng, 180.0), p.lat - 1, p.lng + 1, p.lat + 1 };
}

void TestCluster::bboxQueries()
{
    QFETCH(int, zoom);
    QFETCH(GeoBox, bbox);
    const std::vector<MapCluster> found = m_index.clusters(bbox, zoom);
    std::vector<MapCluster> expected;
    const GeoBox clamped { bbox.west, std::max(bbox.south, -90.0), bbox.east,
        std::min(bbox.north, 90.0) };
    for (const MapCluster &c : view(zoom).items) {
        if (clamped.contains(c.location))
            expected.push_back(c);
    }
    for (const MapCluster &c : found)
        QVERIFY(clamped.contains(c.location));
    QCOMPARE(rows(found), rows(expected));
}

void TestCluster::bboxLongitudeWrapping()
{
    ClusterIndex index;
    index.load({ { 1, { 0, 179.9 } }, { 2, { 0, -179.9 } }, { 3, { 0, 0 } }, { 4, { 10, 90 } } });
    const auto ids = [&](const GeoBox &box) {
        std::vector<qint64> result;
        for (const MapCluster &c : index.clusters(box, 20))
            result.push_back(c.id);
        std::sort(result.begin(), result.end());
        return result;
    };
    using Ids = std::vector<qint64>;
    QCOMPARE(ids({ 170, -10, 190, 10 }), (Ids { 1, 2 })); // across the antimeridian
    QCOMPARE(ids({ -190, -10, -170, 10 }), (Ids { 1, 2 }));
    QCOMPARE(ids({ 179, -10, 181, 10 }), (Ids { 1, 2 }));
    QCOMPARE(ids({ 350, -10, 370, 10 }), (Ids { 3 })); // wraps to -10..10
    QCOMPARE(ids({ -200, -90, 200, 90 }), (Ids { 1, 2, 3, 4 })); // wider than the world
    QCOMPARE(ids({ -180, -90, 180, 90 }), (Ids { 1, 2, 3, 4 }));
    QCOMPARE(ids({ 80, -90, 100, 90 }), (Ids { 4 }));
    QCOMPARE(ids({ -10, -10, 10, 10 }), (Ids { 3 }));
    QCOMPARE(ids({ std::nan(""), -10, 10, 10 }), Ids {});
}

void TestCluster::invalidClusterIds()
{
    const qint64 n = m_index.size();
    for (const qint64 id : { qint64(-1), qint64(0), qint64(1000), n - 1, n, n + 31,
             n + (qint64(1) << 40) + 5, qint64(1) << 62 }) {
        QVERIFY2(m_index.children(id).empty(), qPrintable(QString::number(id)));
        QVERIFY(m_index.leaves(id, INT_MAX).empty());
        QCOMPARE(m_index.expansionZoom(id), -1);
    }
    // a real cluster's id, but with another origin zoom (5 bits) is not a cluster
    for (const MapCluster &c : view(3).items) {
        if (c.isCluster()) {
            const qint64 zoomBits = (c.id - n) % 32;
            const qint64 other = c.id - zoomBits + (zoomBits == 1 ? 2 : 1);
            QVERIFY(m_index.children(other).empty());
            QCOMPARE(m_index.expansionZoom(other), -1);
        }
    }
}

void TestCluster::emptyAndTinyIndexes()
{
    ClusterIndex unloaded;
    QCOMPARE(unloaded.size(), 0);
    QVERIFY(unloaded.clusters(World, 5).empty());
    QVERIFY(unloaded.children(0).empty());
    QCOMPARE(unloaded.expansionZoom(0), -1);

    ClusterIndex empty;
    empty.load({});
    QCOMPARE(empty.size(), 0);
    for (int z = -1; z <= 20; ++z)
        QVERIFY(empty.clusters(World, z).empty());

    ClusterIndex one;
    one.load({ { 42, Berlin } });
    for (int z = -1; z <= 20; ++z) {
        const auto items = one.clusters(World, z);
        QCOMPARE(items.size(), std::size_t(1));
        QCOMPARE(items.front().id, 42);
        QCOMPARE(items.front().count, 1);
        QCOMPARE(items.front().location, Berlin);
    }

    // reloading replaces everything
    ClusterIndex two;
    two.load({ { 1, Berlin }, { 2, Berlin } });
    QCOMPARE(two.clusters(World, 3).front().count, 2);
    two.load({ { 3, Muenchen } });
    QCOMPARE(two.size(), 1);
    QCOMPARE(two.clusters(World, 3).size(), std::size_t(1));
    QCOMPARE(two.clusters(World, 3).front().id, 3);
}

void TestCluster::optionsAreClamped()
{
    ClusterIndex::Options o;
    o.maxZoom = 40;
    o.minZoom = 50;
    o.nodeSize = 0;
    const ClusterIndex index(o);
    QCOMPARE(index.options().maxZoom, 30);
    QCOMPARE(index.options().minZoom, 30);
    QCOMPARE(index.options().nodeSize, 2);

    // zooms below minZoom use minZoom's level
    ClusterIndex::Options o2;
    o2.minZoom = 4;
    o2.maxZoom = 10;
    ClusterIndex limited(o2);
    limited.load(m_points);
    QCOMPARE(rows(limited.clusters(World, 0)), rows(limited.clusters(World, 4)));
    QCOMPARE(rows(limited.clusters(World, 11)), rows(limited.clusters(World, 25)));
    QCOMPARE(limited.clusters(World, 11).size(), m_points.size());
}

void TestCluster::matchesSupercluster_data()
{
    QTest::addColumn<ClusterIndex::Options>("options");
    QTest::addRow("defaults") << ClusterIndex::Options {};
    QTest::addRow("radius 60, zooms 2-14, minPoints 3")
        << ClusterIndex::Options { 2, 14, 60, 512, 3, 64 };
    QTest::addRow("radius 20, extent 256, nodeSize 16")
        << ClusterIndex::Options { 0, 18, 20, 256, 2, 16 };
    QTest::addRow("minPoints 6, nodeSize 8") << ClusterIndex::Options { 0, 16, 50, 512, 6, 8 };
}

void TestCluster::matchesSupercluster()
{
    QFETCH(ClusterIndex::Options, options);

    const QString node = QStandardPaths::findExecutable(u"node"_s);
    if (node.isEmpty())
        QSKIP("node is not installed: cannot compare with the real supercluster");
    const QString dir = benchDir();
    if (!QFileInfo::exists(dir + u"/node_modules/supercluster/package.json"_s))
        QSKIP(qPrintable(u"%1/node_modules/supercluster is missing (run npm ci there): "
                         "cannot compare with the real supercluster"_s.arg(dir)));

    std::vector<ClusterPoint> points = makePoints(99, 8000);
    QJsonArray jsonPoints;
    for (const ClusterPoint &p : points)
        jsonPoints.append(QJsonArray { p.location.lng, p.location.lat });
    // the ids supercluster reports are input indices; use them as event ids here too
    for (std::size_t i = 0; i < points.size(); ++i)
        points[i].id = static_cast<qint64>(i);
    QJsonArray zooms;
    for (int z = 0; z <= options.maxZoom + 1; ++z)
        zooms.append(z);
    const QJsonObject input {
        { u"options"_s,
            QJsonObject { { u"minZoom"_s, options.minZoom }, { u"maxZoom"_s, options.maxZoom },
                { u"radius"_s, options.radius }, { u"extent"_s, options.extent },
                { u"minPoints"_s, options.minPoints }, { u"nodeSize"_s, options.nodeSize } } },
        { u"points"_s, jsonPoints },
        { u"zooms"_s, zooms },
    };
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QFile file(tmp.filePath(u"points.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
    file.close();

    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(node, { dir + u"/crosscheck.js"_s, file.fileName() });
    QVERIFY2(process.waitForFinished(120000), qPrintable(process.errorString()));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        process.readAllStandardError().constData());
    QJsonParseError error;
    const QJsonObject reference
        = QJsonDocument::fromJson(process.readAllStandardOutput(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    qInfo(
        "compared with supercluster %s", qPrintable(reference.value(u"supercluster"_s).toString()));

    ClusterIndex index(options);
    index.load(points);
    const QJsonArray levels = reference.value(u"zooms"_s).toArray();
    QCOMPARE(levels.size(), zooms.size());
    for (const auto &level : levels) {
        const int zoom = level[u"zoom"_s].toInt();
        const std::vector<MapCluster> ours = index.clusters(World, zoom);

        // the number of markers and of clusters, per zoom
        QCOMPARE(static_cast<qsizetype>(ours.size()), level[u"items"_s].toInteger());
        std::vector<MapCluster> ourClusters;
        std::copy_if(ours.begin(), ours.end(), std::back_inserter(ourClusters),
            [](const MapCluster &c) { return c.isCluster(); });
        std::sort(ourClusters.begin(), ourClusters.end(),
            [](const MapCluster &a, const MapCluster &b) { return a.id < b.id; });
        const QJsonArray theirClusters = level[u"clusters"_s].toArray();
        QCOMPARE(static_cast<qsizetype>(ourClusters.size()), theirClusters.size());

        // the same clusters: ids (origin point and zoom), sizes, centres
        for (qsizetype i = 0; i < theirClusters.size(); ++i) {
            const QJsonArray theirs = theirClusters[i].toArray();
            const MapCluster &mine = ourClusters[static_cast<std::size_t>(i)];
            QCOMPARE(mine.id, theirs[0].toInteger());
            QCOMPARE(mine.count, theirs[1].toInt());
            // the centre goes through a different (but equivalent) inverse projection
            QVERIFY2(std::abs(mine.location.lng - theirs[2].toDouble()) < 1e-9
                    && std::abs(mine.location.lat - theirs[3].toDouble()) < 1e-9,
                qPrintable(u"z%1 cluster %2: %3,%4 vs %5,%6"_s.arg(zoom)
                               .arg(mine.id)
                               .arg(mine.location.lng, 0, 'g', 17)
                               .arg(mine.location.lat, 0, 'g', 17)
                               .arg(theirs[2].toDouble(), 0, 'g', 17)
                               .arg(theirs[3].toDouble(), 0, 'g', 17)));
        }
    }
}

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
