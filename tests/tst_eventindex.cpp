// SPDX-License-Identifier: GPL-3.0-or-later
// The in-memory event index against brute force: every search is recomputed with a plain loop
// over all events (distanceMetres, the same filters, order by (startTime, id)) and the ids of
// the page must be the same, in the same order.
#include "geotestutil.h"
#include "meetups/eventindex.h"
#include "shared/event.h"
#include "shared/geo.h"
#include "shared/protocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Pudding;
using Pudding::Server::EventIndex;
using Pudding::Server::EventPage;
using Pudding::Server::EventQuery;
using Pudding::Server::EventRecord;

Q_DECLARE_METATYPE(Pudding::Server::EventQuery)
Q_DECLARE_METATYPE(Pudding::GeoPoint)

using Pudding::Test::destination;

namespace {

constexpr int kUniformEvents = 20000;
constexpr int kEdgeEvents = 200;
constexpr int kClusterEvents = 1500;

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc());
}

/// The "now" all searches are made at.
QDateTime fixedNow()
{
    return utc(2026, 6, 1, 12, 0);
}

double uniform(QRandomGenerator &rng, double lo, double hi)
{
    return lo + rng.generateDouble() * (hi - lo);
}

const QStringList kPuddings { u"Vanille"_s, u"Schokolade"_s, u"Grütze"_s, u"Rote Grütze"_s,
    u"Karamell"_s, u"Grießbrei"_s, u"Milchreis"_s, u"Panna cotta"_s };
const QStringList kKinds { u"Picknick"_s, u"Treffen"_s, u"Abend"_s, u"Verkostung"_s };
const QStringList kDescriptions {
    QString(),
    u"Mit VANILLESOSSE und Sahne."_s,
    u"Wir essen ROTE GRÜTZE am See."_s,
    u"Schokoladenpudding für alle, bitte Löffel mitbringen."_s,
    u"Ein ganz normaler Nachmittag."_s,
    u"Grießbrei mit Zimt\nund Zucker."_s,
};
const QStringList kCities { u"Berlin"_s, u"München"_s, u"Köln"_s, u"Hamburg"_s, u"Görlitz"_s,
    u"Aachen"_s, u"Frankfurt am Main"_s, u"Stuttgart"_s, u"Düsseldorf"_s, u"Leipzig"_s };
const QStringList kQueryTexts { u"vanille"_s, u"SCHOKOLADE"_s, u"grütze"_s, u"GRÜTZE"_s, u"ütz"_s,
    u"rote g"_s, u"löffel"_s, u"zzz-nichts"_s };
const QStringList kQueryCities { u"berlin"_s, u"MÜNCHEN"_s, u"Köln"_s, u"frankfurt am main"_s,
    u"Görlitz"_s, u"Nirgendwo"_s };

struct Truth
{
    Event event;
    bool cancelled = false;
};

struct Parsed
{
    QList<qint64> ids;
    QJsonArray events;
    QJsonValue nextCursor;
    int count = -1;
    bool ok = false;
};

Parsed parsePage(const EventPage &page)
{
    Parsed p;
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(page.json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return p;
    const auto obj = doc.object();
    if (!obj.value("events"_L1).isArray() || !obj.contains("nextCursor"_L1)
        || !obj.value("count"_L1).isDouble())
        return p;
    p.events = obj.value("events"_L1).toArray();
    p.nextCursor = obj.value("nextCursor"_L1);
    p.count = obj.value("count"_L1).toInt();
    for (const auto &v : std::as_const(p.events))
        p.ids.append(v.toObject().value("id"_L1).toInteger());
    p.ok = true;
    return p;
}

QString describe(const EventQuery &q)
{
    QStringList parts;
    if (q.centre)
        parts << u"centre=(%1,%2) r=%3"_s.arg(q.centre->lat, 0, 'f', 6)
                     .arg(q.centre->lng, 0, 'f', 6)
                     .arg(q.radiusMetres, 0, 'f', 3);
    if (q.bbox)
        parts << u"bbox=%1,%2,%3,%4"_s.arg(q.bbox->west)
                     .arg(q.bbox->south)
                     .arg(q.bbox->east)
                     .arg(q.bbox->north);
    if (q.from)
        parts << u"from=%1"_s.arg(toIsoString(*q.from));
    if (q.to)
        parts << u"to=%1"_s.arg(toIsoString(*q.to));
    if (!q.text.isEmpty())
        parts << u"q=%1"_s.arg(q.text);
    if (!q.city.isEmpty())
        parts << u"city=%1"_s.arg(q.city);
    if (q.status)
        parts << u"status=%1"_s.arg(toString(*q.status));
    if (q.organizerId)
        parts << u"organizer=%1"_s.arg(*q.organizerId);
    if (q.onlyWithFreePlaces)
        parts << u"freePlaces"_s;
    parts << u"limit=%1"_s.arg(q.limit);
    return parts.join(u' ');
}

} // namespace

class TestEventIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void radiusSearch_data();
    void radiusSearch();
    void radiusEdge_data();
    void radiusEdge();
    void bboxSearch_data();
    void bboxSearch();
    void noGeoSearch_data();
    void noGeoSearch();
    void paging_data();
    void paging();
    void distanceValues();
    void cursor_data();
    void cursor();
    void cursorGarbage_data();
    void cursorGarbage();
    void eventLookup();
    void setAttendeeCount();
    void upsertMoves();
    void upsertCancels();
    void olderRevisionIsRefused();
    void removeEvent();

private:
    void addEvent(const Event &event, bool cancelled);
    [[nodiscard]] std::vector<qint64> bruteForce(const EventQuery &q, const QDateTime &now) const;
    /// Runs q on m_index and compares with brute force; fails the current test on mismatch.
    void compareWithBruteForce(const EventQuery &q, const QDateTime &now);
    void verifyEventJson(const QJsonObject &json, const EventQuery &q, const QDateTime &now);
    /// Walks all pages of q; returns the concatenated ids.
    QList<qint64> walkPages(
        const EventIndex &index, EventQuery q, const QDateTime &now, int *pages);
    [[nodiscard]] QList<qint64> idsAround(GeoPoint centre, double radius, bool freePlaces = false);

    EventIndex m_index;
    std::map<qint64, Truth> m_truth;
    int m_checkedEvents = 0;
};

// ---------------------------------------------------------------------------------------------

void TestEventIndex::addEvent(const Event &event, bool cancelled)
{
    m_index.upsert(event, cancelled);
    m_truth[event.id] = { event, cancelled };
}

void TestEventIndex::initTestCase()
{
    QRandomGenerator rng(0x9dd1'2026);
    const QDateTime now = fixedNow();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const GeoBox bounds = Germany::Bounds;

    std::vector<GeoPoint> points;
    points.reserve(kUniformEvents + kEdgeEvents + kClusterEvents);
    // Uniform over the box.
    for (int i = 0; i < kUniformEvents; ++i)
        points.push_back(
            { uniform(rng, bounds.south, bounds.north), uniform(rng, bounds.west, bounds.east) });
    // On and just inside the edges of the box, and the four corners.
    for (int i = 0; i < kEdgeEvents; ++i) {
        const double lat = uniform(rng, bounds.south, bounds.north);
        const double lng = uniform(rng, bounds.west, bounds.east);
        const double tiny = 1e-9 * double(1 + rng.bounded(1000));
        switch (i % 10) {
        case 0:
            points.push_back({ bounds.south, lng });
            break;
        case 1:
            points.push_back({ bounds.north, lng });
            break;
        case 2:
            points.push_back({ lat, bounds.west });
            break;
        case 3:
            points.push_back({ lat, bounds.east });
            break;
        case 4:
            points.push_back({ bounds.south + tiny, lng });
            break;
        case 5:
            points.push_back({ bounds.north - tiny, lng });
            break;
        case 6:
            points.push_back({ lat, bounds.west + tiny });
            break;
        case 7:
            points.push_back({ lat, bounds.east - tiny });
            break;
        case 8: {
            const GeoPoint corners[]
                = { { bounds.south, bounds.west }, { bounds.south, bounds.east },
                      { bounds.north, bounds.west }, { bounds.north, bounds.east } };
            points.push_back(corners[(i / 10) % 4]);
            break;
        }
        default: // on a cell boundary of a 0.05° grid
            points.push_back({ bounds.south + 0.05 * double(rng.bounded(150)),
                bounds.west + 0.05 * double(rng.bounded(180)) });
        }
    }
    // Clusters: many events within a few km, some at exactly the same spot.
    const GeoPoint clusters[] = { { 52.5200, 13.4050 }, { 48.1374, 11.5755 }, { 50.9375, 6.9603 },
        { 50.7753, 6.0839 }, { 51.1528, 14.9874 } };
    for (int i = 0; i < kClusterEvents; ++i) {
        const GeoPoint c = clusters[i % 5];
        if (rng.bounded(5) == 0) {
            points.push_back(c);
        } else {
            GeoPoint p = destination(c, uniform(rng, 0, 360), uniform(rng, 0, 3000));
            p.lat = std::clamp(p.lat, bounds.south, bounds.north);
            p.lng = std::clamp(p.lng, bounds.west, bounds.east);
            points.push_back(p);
        }
    }

    std::vector<qint64> ids(points.size());
    for (size_t i = 0; i < ids.size(); ++i)
        ids[i] = 1000 + 7 * qint64(i);
    std::shuffle(ids.begin(), ids.end(), rng);

    for (size_t i = 0; i < points.size(); ++i) {
        Event e;
        e.id = ids[i];
        e.location = points[i];
        e.title = kPuddings.at(rng.bounded(int(kPuddings.size()))) + u' '
            + kKinds.at(rng.bounded(int(kKinds.size())));
        e.description = kDescriptions.at(rng.bounded(int(kDescriptions.size())));
        e.city = kCities.at(rng.bounded(int(kCities.size())));
        e.state = u"Land"_s;
        // Start on a 15-minute grid (many ties, so the id decides the order), sometimes with
        // milliseconds; from a week ago to 60 days ahead.
        qint64 startMs = nowMs + qint64(rng.bounded(-7 * 96, 60 * 96)) * 15 * 60 * 1000;
        if (rng.bounded(10) == 0)
            startMs += rng.bounded(1000);
        qint64 durationMs = qint64(30 + rng.bounded(3 * 24 * 60)) * 60 * 1000;
        if (rng.bounded(100) == 0)
            durationMs = qint64(14) * 24 * 3600 * 1000;
        e.startTime = QDateTime::fromMSecsSinceEpoch(startMs, QTimeZone::utc());
        e.endTime = QDateTime::fromMSecsSinceEpoch(startMs + durationMs, QTimeZone::utc());
        e.attendeeLimit = 1 + rng.bounded(50);
        e.attendeeCount = rng.bounded(3) == 0 ? e.attendeeLimit : rng.bounded(e.attendeeLimit + 1);
        const qint64 organizer = 1 + rng.bounded(50);
        e.organizer = { organizer, u"Organizer %1"_s.arg(organizer) };
        addEvent(e, rng.bounded(100) < 5);
    }
    QCOMPARE(m_index.size(), qsizetype(m_truth.size()));
    QCOMPARE(m_index.size(), qsizetype(kUniformEvents + kEdgeEvents + kClusterEvents));

    // The mix must contain every status.
    int counts[4] = {};
    for (const auto &[id, t] : m_truth)
        ++counts[int(eventStatusAt(now, t.event.startTime, t.event.endTime, t.cancelled))];
    qInfo("events: %d upcoming, %d ongoing, %d past, %d cancelled", counts[0], counts[1], counts[2],
        counts[3]);
    for (int c : counts)
        QVERIFY(c > 100);
}

void TestEventIndex::cleanupTestCase()
{
    qInfo("%d event objects in pages checked field by field", m_checkedEvents);
}

std::vector<qint64> TestEventIndex::bruteForce(const EventQuery &q, const QDateTime &now) const
{
    std::vector<std::pair<qint64, qint64>> hits;
    for (const auto &[id, t] : m_truth) {
        const Event &e = t.event;
        if (q.centre && distanceMetres(*q.centre, e.location) > q.radiusMetres)
            continue;
        if (q.bbox && !q.bbox->contains(e.location))
            continue;
        const EventStatus status = eventStatusAt(now, e.startTime, e.endTime, t.cancelled);
        if (q.status ? status != *q.status
                     : (status != EventStatus::Upcoming && status != EventStatus::Ongoing))
            continue;
        if (q.from && e.startTime < *q.from)
            continue;
        if (q.to && e.startTime > *q.to)
            continue;
        if (!q.text.isEmpty() && !e.title.contains(q.text, Qt::CaseInsensitive)
            && !e.description.contains(q.text, Qt::CaseInsensitive))
            continue;
        if (!q.city.isEmpty() && e.city.compare(q.city, Qt::CaseInsensitive) != 0)
            continue;
        if (q.organizerId && e.organizer.id != *q.organizerId)
            continue;
        if (q.onlyWithFreePlaces && e.attendeeCount >= e.attendeeLimit)
            continue;
        hits.emplace_back(e.startTime.toMSecsSinceEpoch(), id);
    }
    std::sort(hits.begin(), hits.end());
    std::vector<qint64> ids;
    ids.reserve(hits.size());
    for (const auto &h : hits) {
        if (q.after && h <= *q.after)
            continue;
        ids.push_back(h.second);
    }
    return ids;
}

void TestEventIndex::verifyEventJson(
    const QJsonObject &json, const EventQuery &q, const QDateTime &now)
{
    const qint64 id = json.value("id"_L1).toInteger();
    const auto it = m_truth.find(id);
    QVERIFY2(it != m_truth.end(), qPrintable(u"unknown id %1"_s.arg(id)));
    const Truth &t = it->second;
    const Event got = Event::fromJson(json);
    QCOMPARE(got.title, t.event.title);
    QCOMPARE(got.description, t.event.description);
    QCOMPARE(got.city, t.event.city);
    QCOMPARE(got.location.lat, t.event.location.lat);
    QCOMPARE(got.location.lng, t.event.location.lng);
    QCOMPARE(got.startTime.toMSecsSinceEpoch(), t.event.startTime.toMSecsSinceEpoch());
    QCOMPARE(got.endTime.toMSecsSinceEpoch(), t.event.endTime.toMSecsSinceEpoch());
    QCOMPARE(got.attendeeLimit, t.event.attendeeLimit);
    QCOMPARE(json.value("attendeeCount"_L1).toInt(-1), t.event.attendeeCount);
    QCOMPARE(json.value("status"_L1).toString(),
        toString(eventStatusAt(now, t.event.startTime, t.event.endTime, t.cancelled)));
    QCOMPARE(got.organizer, t.event.organizer);
    QCOMPARE(json.contains("distance"_L1), q.centre.has_value());
    if (q.centre) {
        const double exact = distanceMetres(*q.centre, t.event.location);
        const double shown = json.value("distance"_L1).toDouble(-1);
        QVERIFY2(std::abs(shown - exact) <= 0.06,
            qPrintable(u"id %1: distance %2, exact %3"_s.arg(id)
                           .arg(shown, 0, 'f', 3)
                           .arg(exact, 0, 'f', 6)));
        // Rounded to 0.1 m.
        QVERIFY(std::abs(shown * 10 - std::round(shown * 10)) < 1e-6);
    }
    ++m_checkedEvents;
}

void TestEventIndex::compareWithBruteForce(const EventQuery &q, const QDateTime &now)
{
    const std::vector<qint64> all = bruteForce(q, now);
    const int limit = std::clamp(q.limit, 1, Protocol::Limits::PageSizeMax);
    QList<qint64> expected;
    for (size_t i = 0; i < all.size() && i < size_t(limit); ++i)
        expected.append(all[i]);

    const EventPage page = m_index.search(q, now);
    const Parsed parsed = parsePage(page);
    QVERIFY2(parsed.ok, page.json.left(500).constData());
    QCOMPARE(parsed.count, page.count);
    QCOMPARE(parsed.ids.size(), qsizetype(page.count));

    if (parsed.ids != expected) {
        // Say which id is the first to differ and why, then fail.
        const QSet<qint64> gotSet(parsed.ids.cbegin(), parsed.ids.cend());
        const QSet<qint64> expSet(expected.cbegin(), expected.cend());
        QString detail;
        for (qint64 id : expected) {
            if (!gotSet.contains(id)) {
                const auto &e = m_truth.at(id).event;
                detail
                    += u"missing %1 at (%2,%3) d=%4; "_s.arg(id)
                           .arg(e.location.lat, 0, 'f', 12)
                           .arg(e.location.lng, 0, 'f', 12)
                           .arg(q.centre ? distanceMetres(*q.centre, e.location) : -1.0, 0, 'f', 9);
                break;
            }
        }
        for (qint64 id : parsed.ids) {
            if (!expSet.contains(id)) {
                detail += u"unexpected %1; "_s.arg(id);
                break;
            }
        }
        QVERIFY2(false,
            qPrintable(u"%1: got %2 ids, expected %3 (of %4). %5"_s.arg(describe(q))
                           .arg(parsed.ids.size())
                           .arg(expected.size())
                           .arg(all.size())
                           .arg(detail)));
    }

    if (all.size() > size_t(limit)) {
        QVERIFY2(parsed.nextCursor.isString(), "a further page exists but nextCursor is null");
        const auto after = EventIndex::decodeCursor(parsed.nextCursor.toString());
        QVERIFY(after.has_value());
        const auto &last = m_truth.at(expected.last()).event;
        QCOMPARE(after->first, last.startTime.toMSecsSinceEpoch());
        QCOMPARE(after->second, last.id);
    } else {
        QVERIFY2(parsed.nextCursor.isNull(), "no further page, but nextCursor is set");
    }

    for (const auto &v : parsed.events) {
        verifyEventJson(v.toObject(), q, now);
        if (QTest::currentTestFailed())
            return;
    }
}

QList<qint64> TestEventIndex::walkPages(
    const EventIndex &index, EventQuery q, const QDateTime &now, int *pages)
{
    QList<qint64> ids;
    *pages = 0;
    for (;;) {
        const EventPage page = index.search(q, now);
        const Parsed parsed = parsePage(page);
        if (!parsed.ok) {
            QTest::qFail("page is not valid JSON", __FILE__, __LINE__);
            return ids;
        }
        ++*pages;
        ids += parsed.ids;
        if (parsed.nextCursor.isNull())
            break;
        if (parsed.ids.size() != q.limit) {
            QTest::qFail("a page before the last is not full", __FILE__, __LINE__);
            return ids;
        }
        const auto after = EventIndex::decodeCursor(parsed.nextCursor.toString());
        if (!after) {
            QTest::qFail("nextCursor does not decode", __FILE__, __LINE__);
            return ids;
        }
        q.after = after;
        if (*pages > 100000) {
            QTest::qFail("paging does not end", __FILE__, __LINE__);
            return ids;
        }
    }
    return ids;
}

QList<qint64> TestEventIndex::idsAround(GeoPoint centre, double radius, bool freePlaces)
{
    EventQuery q;
    q.centre = centre;
    q.radiusMetres = radius;
    q.onlyWithFreePlaces = freePlaces;
    q.limit = 100;
    return parsePage(m_index.search(q, fixedNow())).ids;
}

// ---------------------------------------------------------------------------------------------
// radius searches

void TestEventIndex::radiusSearch_data()
{
    QTest::addColumn<EventQuery>("query");

    QRandomGenerator rng(4711);
    const QDateTime now = fixedNow();
    auto addFilters = [&](EventQuery &q) {
        if (rng.bounded(10) < 3) {
            const auto from = now.addSecs(qint64(rng.bounded(-3 * 24, 40 * 24)) * 3600);
            switch (rng.bounded(3)) {
            case 0:
                q.from = from;
                break;
            case 1:
                q.to = from;
                break;
            default:
                q.from = from;
                q.to = from.addSecs(qint64(rng.bounded(1, 30 * 24)) * 3600);
            }
        }
        if (rng.bounded(10) < 2)
            q.text = kQueryTexts.at(rng.bounded(int(kQueryTexts.size())));
        if (rng.bounded(10) == 0)
            q.city = kQueryCities.at(rng.bounded(int(kQueryCities.size())));
        if (rng.bounded(10) < 2)
            q.status = EventStatus(rng.bounded(4));
        if (rng.bounded(10) < 2)
            q.onlyWithFreePlaces = true;
        if (rng.bounded(100) < 15)
            q.organizerId = 1 + rng.bounded(50);
        const int limits[] = { 1, 2, 10, 37, 50, 100 };
        q.limit = limits[rng.bounded(6)];
    };
    auto logRadius = [&] { return 1000.0 * std::pow(200.0, rng.generateDouble()); };

    // Random centres in and around Germany (the extended box reaches ~30 km beyond).
    for (int i = 0; i < 150; ++i) {
        EventQuery q;
        q.centre = GeoPoint { uniform(rng, 47.0, 55.35), uniform(rng, 5.45, 15.45) };
        q.radiusMetres = logRadius();
        addFilters(q);
        QTest::addRow("random %03d", i) << q;
    }

    // Near and beyond the borders and corners.
    const struct
    {
        const char *name;
        GeoPoint p;
    } places[] = {
        { "Aachen", { 50.7753, 6.0839 } },
        { "Görlitz", { 51.1528, 14.9874 } },
        { "corner SW", { 47.27, 5.86 } },
        { "corner NE", { 55.06, 15.05 } },
        { "corner SE", { 47.27, 15.05 } },
        { "corner NW", { 55.06, 5.86 } },
        { "List auf Sylt", { 55.0170, 8.4310 } },
        { "Zugspitze", { 47.4211, 10.9853 } },
        { "west of Aachen", { 50.7753, 5.80 } },
        { "east of Görlitz", { 51.15, 15.10 } },
        { "Strasbourg", { 48.5734, 7.7521 } },
        { "Vienna", { 48.2082, 16.3738 } },
        { "Copenhagen", { 55.6761, 12.5683 } },
        { "Paris", { 48.8566, 2.3522 } },
        { "Berlin cluster", { 52.5200, 13.4050 } },
    };
    const double radii[] = { 1000.0, 5000.0, 20000.0, 60000.0, 200000.0 };
    for (const auto &place : places) {
        for (double r : radii) {
            EventQuery q;
            q.centre = place.p;
            q.radiusMetres = r;
            if (rng.bounded(2) == 0)
                addFilters(q);
            else
                q.limit = 100;
            QTest::addRow("%s r=%.0f", place.name, r) << q;
        }
    }

    // Exactly at a cluster centre where several events share the location: distance 0.
    {
        EventQuery q;
        q.centre = GeoPoint { 48.1374, 11.5755 };
        q.radiusMetres = 0;
        q.limit = 100;
        QTest::newRow("radius 0 at shared spot") << q;
        q.radiusMetres = 0.5;
        QTest::newRow("radius 0.5 m at shared spot") << q;
    }
    // The page size is clamped to 1..100.
    {
        EventQuery q;
        q.centre = GeoPoint { 51.0, 10.0 };
        q.radiusMetres = 300000;
        q.limit = 1000;
        QTest::newRow("limit 1000 clamped") << q;
        q.limit = 0;
        QTest::newRow("limit 0 clamped") << q;
    }
}

void TestEventIndex::radiusSearch()
{
    QFETCH(EventQuery, query);
    compareWithBruteForce(query, fixedNow());
}

// Points at exactly the radius: included with radius r*(1+1e-12), excluded with r*(1-1e-9).
void TestEventIndex::radiusEdge_data()
{
    QTest::addColumn<GeoPoint>("centre");
    QTest::addColumn<double>("radius");

    const struct
    {
        const char *name;
        GeoPoint p;
    } centres[] = { { "Berlin", { 52.5200, 13.4050 } }, { "Aachen", { 50.7753, 6.0839 } },
        { "Görlitz", { 51.1528, 14.9874 } }, { "Sylt", { 55.0170, 8.4310 } },
        { "Zugspitze", { 47.4211, 10.9853 } }, { "Mitte", { 51.1634, 10.4477 } } };
    const double radii[] = { 1000.0, 5000.0, 10000.0, 50000.0, 100000.0, 200000.0 };
    for (const auto &c : centres)
        for (double r : radii)
            QTest::addRow("%s r=%.0f", c.name, r) << c.p << r;
}

void TestEventIndex::radiusEdge()
{
    QFETCH(GeoPoint, centre);
    QFETCH(double, radius);

    EventIndex index;
    const QDateTime now = fixedNow();
    std::vector<std::pair<qint64, GeoPoint>> ring;
    std::vector<qint64> inner;
    qint64 nextId = 1;
    auto add = [&](GeoPoint p) {
        Event e;
        e.id = nextId++;
        e.title = u"Ring"_s;
        e.location = p;
        e.city = u"Ort"_s;
        e.startTime = now.addSecs(3600 + e.id * 60);
        e.endTime = e.startTime.addSecs(3600);
        e.attendeeLimit = 10;
        e.organizer = { 1, u"O"_s };
        index.upsert(e, false);
        return e.id;
    };

    // r*(1+1e-12), but at least 10 nm more: at r = 1 km the rounding of the constructed
    // coordinates alone (~2e-9 m) exceeds 1e-12 relative.
    const double above = std::max(1e-12, 1e-8 / radius);
    int skipped = 0;
    for (int i = 0; i < 72; ++i) {
        const GeoPoint p = destination(centre, 5.0 * i + 0.3, radius);
        if (!Germany::contains(p)) {
            ++skipped; // events lie in Germany; the index does not hold others
            continue;
        }
        // The test's premise: the constructed point is at the radius up to rounding (~2e-9 m
        // absolute, from the coordinates in degrees), within the two query radii.
        const double d = distanceMetres(centre, p);
        QVERIFY2(d <= radius * (1 + above) && d > radius * (1 - 1e-9),
            qPrintable(u"destination at %1 instead of %2"_s.arg(d, 0, 'f', 12).arg(radius)));
        ring.emplace_back(add(p), p);
        // Decoys inside and outside.
        const GeoPoint in = destination(centre, 5.0 * i + 0.3, radius * 0.999);
        const GeoPoint out = destination(centre, 5.0 * i + 0.3, radius * 1.001);
        if (Germany::contains(in))
            inner.push_back(add(in));
        if (Germany::contains(out))
            add(out);
    }
    if (Germany::contains(centre))
        inner.push_back(add(centre));
    QVERIFY2(ring.size() >= 10, "too few ring points inside Germany");
    if (skipped)
        qInfo("%d of 72 ring points lie outside Germany and were left out", skipped);

    auto idsFor = [&](double r) {
        EventQuery q;
        q.centre = centre;
        q.radiusMetres = r;
        q.limit = 100;
        int pages = 0;
        QList<qint64> ids = walkPages(index, q, now, &pages);
        std::sort(ids.begin(), ids.end());
        return ids;
    };

    QList<qint64> expectedIn;
    for (const auto &[id, p] : ring)
        expectedIn.append(id);
    for (qint64 id : inner)
        expectedIn.append(id);
    std::sort(expectedIn.begin(), expectedIn.end());
    QList<qint64> expectedOut(inner.begin(), inner.end());
    std::sort(expectedOut.begin(), expectedOut.end());

    QCOMPARE(idsFor(radius * (1 + above)), expectedIn);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(idsFor(radius * (1 - 1e-9)), expectedOut);
    if (QTest::currentTestFailed())
        return;

    // Sharpest form: with the radius equal to the point's own computed distance it is in
    // (distance <= radius), with the next smaller double it is out.
    for (const auto &[id, p] : ring) {
        const double d = distanceMetres(centre, p);
        EventQuery q;
        q.centre = centre;
        q.radiusMetres = d;
        q.limit = 100;
        int pages = 0;
        QVERIFY2(walkPages(index, q, now, &pages).contains(id),
            qPrintable(u"id %1 at exactly d=%2 not found"_s.arg(id).arg(d, 0, 'g', 17)));
        q.radiusMetres = std::nextafter(d, 0.0);
        QVERIFY2(!walkPages(index, q, now, &pages).contains(id),
            qPrintable(u"id %1 found with radius just below d=%2"_s.arg(id).arg(d, 0, 'g', 17)));
    }
}

// ---------------------------------------------------------------------------------------------
// bbox searches

void TestEventIndex::bboxSearch_data()
{
    QTest::addColumn<EventQuery>("query");
    const GeoBox b = Germany::Bounds;

    auto box = [](double w, double s, double e, double n) {
        EventQuery q;
        q.bbox = GeoBox { w, s, e, n };
        q.limit = 100;
        return q;
    };
    QTest::newRow("all of Germany, limit 100") << box(b.west, b.south, b.east, b.north);
    QTest::newRow("slightly larger than Germany") << box(5.5, 47.0, 15.5, 55.5);
    QTest::newRow("whole world") << box(-180, -90, 180, 90);
    QTest::newRow("outside: France") << box(0.0, 45.0, 5.0, 49.0);
    QTest::newRow("outside: just north") << box(5.0, 55.0601, 16.0, 56.0);
    QTest::newRow("south edge strip") << box(b.west, b.south, b.east, b.south);
    QTest::newRow("north edge strip") << box(b.west, b.north, b.east, b.north);
    QTest::newRow("west edge strip") << box(b.west, b.south, b.west, b.north);
    QTest::newRow("east edge strip") << box(b.east, b.south, b.east, b.north);
    QTest::newRow("corner point SW") << box(b.west, b.south, b.west, b.south);
    QTest::newRow("corner point NE") << box(b.east, b.north, b.east, b.north);
    QTest::newRow("cell boundary strip") << box(b.west, 50.02, b.east, 50.07);
    QTest::newRow("Berlin cluster") << box(13.35, 52.49, 13.45, 52.55);
    QTest::newRow("Munich shared spot") << box(11.5755, 48.1374, 11.5755, 48.1374);
    QTest::newRow("across the western border") << box(5.0, 50.0, 6.2, 51.0);
    QTest::newRow("across the eastern border") << box(14.8, 50.5, 16.0, 51.5);

    QRandomGenerator rng(815);
    const QDateTime now = fixedNow();
    for (int i = 0; i < 60; ++i) {
        const double w = uniform(rng, 5.3, 15.3);
        const double s = uniform(rng, 46.9, 55.3);
        const double size = std::pow(10.0, uniform(rng, -2.3, 0.7)); // 0.005° .. 5°
        EventQuery q = box(w, s, w + size * uniform(rng, 0.5, 1.5), s + size);
        const int limits[] = { 1, 13, 37, 100 };
        q.limit = limits[rng.bounded(4)];
        if (rng.bounded(4) == 0)
            q.status = EventStatus(rng.bounded(4));
        if (rng.bounded(4) == 0)
            q.text = kQueryTexts.at(rng.bounded(int(kQueryTexts.size())));
        if (rng.bounded(4) == 0)
            q.from = now.addDays(rng.bounded(30));
        QTest::addRow("random %02d", i) << q;
    }

    // Centre and bbox together: both conditions hold.
    for (int i = 0; i < 20; ++i) {
        EventQuery q = box(uniform(rng, 6, 12), uniform(rng, 48, 53), 0, 0);
        q.bbox->east = q.bbox->west + uniform(rng, 0.1, 3);
        q.bbox->north = q.bbox->south + uniform(rng, 0.1, 2);
        q.centre = GeoPoint { uniform(rng, 47.5, 54.5), uniform(rng, 6.5, 14.5) };
        q.radiusMetres = 1000.0 * std::pow(200.0, rng.generateDouble());
        QTest::addRow("centre and bbox %02d", i) << q;
    }
}

void TestEventIndex::bboxSearch()
{
    QFETCH(EventQuery, query);
    compareWithBruteForce(query, fixedNow());
}

// ---------------------------------------------------------------------------------------------
// without a place: start-time order over everything

void TestEventIndex::noGeoSearch_data()
{
    QTest::addColumn<EventQuery>("query");
    const QDateTime now = fixedNow();

    EventQuery q;
    q.limit = 100;
    QTest::newRow("default") << q;
    for (int s = 0; s < 4; ++s) {
        EventQuery qs = q;
        qs.status = EventStatus(s);
        QTest::addRow("status %s", qPrintable(toString(*qs.status))) << qs;
    }
    for (const auto &text : kQueryTexts) {
        EventQuery qt = q;
        qt.text = text;
        QTest::addRow("q=%s", qPrintable(text)) << qt;
    }
    for (const auto &city : kQueryCities) {
        EventQuery qc = q;
        qc.city = city;
        QTest::addRow("city=%s", qPrintable(city)) << qc;
    }
    {
        EventQuery qf = q;
        qf.onlyWithFreePlaces = true;
        qf.organizerId = 17;
        QTest::newRow("free places, organizer 17") << qf;
        qf.from = now.addDays(10);
        qf.to = now.addDays(12);
        QTest::newRow("free places, organizer 17, days 10-12") << qf;
    }
    {
        EventQuery qf = q;
        qf.from = now.addDays(59);
        QTest::newRow("from day 59") << qf;
        qf.from = now.addDays(61);
        QTest::newRow("from day 61 (nothing)") << qf;
        qf.from.reset();
        qf.to = now.addDays(-6);
        qf.status = EventStatus::Past;
        QTest::newRow("past, to 6 days ago") << qf;
    }
    {
        // A cursor in the middle, from a made-up (startTime, id).
        EventQuery qa = q;
        qa.after = std::pair(now.addDays(20).toMSecsSinceEpoch(), qint64(5000));
        QTest::newRow("after day 20") << qa;
        qa.limit = 3;
        qa.text = u"grütze"_s;
        QTest::newRow("after day 20, grütze, limit 3") << qa;
    }
}

void TestEventIndex::noGeoSearch()
{
    QFETCH(EventQuery, query);
    compareWithBruteForce(query, fixedNow());
}

// ---------------------------------------------------------------------------------------------
// paging

void TestEventIndex::paging_data()
{
    QTest::addColumn<EventQuery>("query");
    const QDateTime now = fixedNow();

    EventQuery q;
    q.limit = 37;
    q.centre = GeoPoint { 50.1109, 8.6821 };
    q.radiusMetres = 150000;
    QTest::newRow("Frankfurt 150 km") << q;
    q.centre = GeoPoint { 52.5200, 13.4050 };
    q.radiusMetres = 5000;
    QTest::newRow("Berlin cluster 5 km") << q;
    q.centre = GeoPoint { 51.1528, 14.9874 };
    q.radiusMetres = 80000;
    q.text = u"grütze"_s;
    QTest::newRow("Görlitz 80 km, grütze") << q;
    q.text.clear();
    q.centre.reset();
    q.bbox = GeoBox { 6.0, 48.0, 11.0, 52.0 };
    QTest::newRow("bbox") << q;
    q.bbox.reset();
    QTest::newRow("everything, no geo") << q;
    q.status = EventStatus::Past;
    QTest::newRow("past, no geo") << q;
    q.status.reset();
    q.from = now.addDays(5);
    q.to = now.addDays(9);
    q.onlyWithFreePlaces = true;
    QTest::newRow("days 5-9 with free places, no geo") << q;
}

void TestEventIndex::paging()
{
    QFETCH(EventQuery, query);
    const QDateTime now = fixedNow();

    const std::vector<qint64> all = bruteForce(query, now);
    QVERIFY(all.size() > size_t(2 * query.limit)); // more than two pages, or the test is idle
    int pages = 0;
    const QList<qint64> walked = walkPages(m_index, query, now, &pages);
    if (QTest::currentTestFailed())
        return;
    const QSet<qint64> unique(walked.cbegin(), walked.cend());
    QCOMPARE(unique.size(), walked.size()); // no duplicates
    QCOMPARE(walked.size(), qsizetype(all.size()));
    QCOMPARE(walked, QList<qint64>(all.begin(), all.end()));
    QCOMPARE(pages, int((all.size() + size_t(query.limit) - 1) / size_t(query.limit)));
}

// ---------------------------------------------------------------------------------------------
// single pieces

void TestEventIndex::distanceValues()
{
    const GeoPoint centre { 51.0, 10.0 };
    const QDateTime now = fixedNow();
    const double distances[]
        = { 0.0, 0.04, 0.26, 1.0, 12.34, 999.95, 1234.56, 54321.04, 100000.0, 199999.99 };
    EventIndex index;
    std::map<qint64, double> exact;
    qint64 id = 1;
    for (double d : distances) {
        for (double bearing : { 0.0, 77.0, 180.0, 301.0 }) {
            Event e;
            e.id = id++;
            e.title = u"Abstand"_s;
            e.location = destination(centre, bearing, d);
            e.city = u"Ort"_s;
            e.startTime = now.addSecs(3600);
            e.endTime = now.addSecs(7200);
            e.attendeeLimit = 5;
            index.upsert(e, false);
            exact[e.id] = distanceMetres(centre, e.location);
        }
    }
    EventQuery q;
    q.centre = centre;
    q.radiusMetres = 200000;
    q.limit = 100;
    const Parsed parsed = parsePage(index.search(q, now));
    QVERIFY(parsed.ok);
    QCOMPARE(parsed.events.size(), qsizetype(exact.size()));
    for (const auto &v : parsed.events) {
        const auto obj = v.toObject();
        const qint64 eid = obj.value("id"_L1).toInteger();
        QVERIFY(obj.value("distance"_L1).isDouble());
        const double shown = obj.value("distance"_L1).toDouble();
        const double d = exact.at(eid);
        QVERIFY2(std::abs(shown - d) <= 0.06,
            qPrintable(u"id %1: shown %2, exact %3"_s.arg(eid).arg(shown).arg(d, 0, 'f', 6)));
        QCOMPARE(shown, std::round(d * 10) / 10);
    }
    // Without a centre there is no distance.
    EventQuery all;
    all.limit = 100;
    const Parsed plain = parsePage(index.search(all, now));
    QCOMPARE(plain.events.size(), qsizetype(exact.size()));
    for (const auto &v : plain.events)
        QVERIFY(!v.toObject().contains("distance"_L1));
}

void TestEventIndex::cursor_data()
{
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<qint64>("id");
    QTest::newRow("zero") << qint64(0) << qint64(0);
    QTest::newRow("typical") << fixedNow().toMSecsSinceEpoch() << qint64(4711);
    QTest::newRow("negative start") << qint64(-86400000) << qint64(1);
    QTest::newRow("max") << std::numeric_limits<qint64>::max()
                         << std::numeric_limits<qint64>::max();
    QTest::newRow("min start") << std::numeric_limits<qint64>::min() << qint64(42);
}

void TestEventIndex::cursor()
{
    QFETCH(qint64, startMs);
    QFETCH(qint64, id);
    const QString c = EventIndex::encodeCursor(startMs, id);
    QVERIFY(!c.isEmpty());
    // URL-safe: goes into a query string without escaping.
    for (const QChar ch : c)
        QVERIFY2(ch.isLetterOrNumber() || ch == u'-' || ch == u'_', qPrintable(c));
    const auto decoded = EventIndex::decodeCursor(c);
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->first, startMs);
    QCOMPARE(decoded->second, id);
    // A different pair gives a different cursor.
    QVERIFY(EventIndex::encodeCursor(startMs, id ^ 1) != c);
}

void TestEventIndex::cursorGarbage_data()
{
    QTest::addColumn<QString>("cursor");
    auto b64 = [](const char *raw) {
        return QString::fromLatin1(QByteArray(raw).toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    QTest::newRow("empty") << QString();
    QTest::newRow("punctuation") << u"!!!"_s;
    QTest::newRow("spaces") << u"a b c"_s;
    QTest::newRow("standard base64 chars") << u"+/+/"_s;
    QTest::newRow("non-latin1") << u"Grütze🍮"_s;
    QTest::newRow("no dot") << b64("1234567");
    QTest::newRow("two dots") << b64("1.2.3");
    QTest::newRow("letters") << b64("abc.def");
    QTest::newRow("empty start") << b64(".5");
    QTest::newRow("empty id") << b64("5.");
    QTest::newRow("only dot") << b64(".");
    QTest::newRow("overflow") << b64("99999999999999999999.1");
    QTest::newRow("decimal start") << b64("1e3.2");
}

void TestEventIndex::cursorGarbage()
{
    QFETCH(QString, cursor);
    QVERIFY(!EventIndex::decodeCursor(cursor).has_value());
}

void TestEventIndex::eventLookup()
{
    const QDateTime now = fixedNow();
    int checked[4] = {};
    for (const auto &[id, t] : m_truth) {
        const EventStatus status
            = eventStatusAt(now, t.event.startTime, t.event.endTime, t.cancelled);
        if (checked[int(status)] >= 25)
            continue;
        ++checked[int(status)];

        const auto json = m_index.eventJson(id, now);
        QVERIFY(json.has_value());
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(*json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        verifyEventJson(doc.object(), EventQuery(), now);
        if (QTest::currentTestFailed())
            return;
        // Its JSON has exactly the members Event::toJson writes (no distance).
        Event reference = t.event;
        reference.status = status;
        QStringList keys = doc.object().keys();
        QStringList referenceKeys = reference.toJson().keys();
        QCOMPARE(keys, referenceKeys);

        const auto e = m_index.event(id, now);
        QVERIFY(e.has_value());
        QCOMPARE(e->id, id);
        QCOMPARE(e->title, t.event.title);
        QCOMPARE(e->description, t.event.description);
        QCOMPARE(e->location, t.event.location);
        QCOMPARE(e->city, t.event.city);
        QCOMPARE(e->state, t.event.state);
        QCOMPARE(e->startTime, t.event.startTime);
        QCOMPARE(e->endTime, t.event.endTime);
        QCOMPARE(e->attendeeLimit, t.event.attendeeLimit);
        QCOMPARE(e->attendeeCount, t.event.attendeeCount);
        QCOMPARE(e->organizer, t.event.organizer);
        QCOMPARE(toString(e->status), toString(status));
        QVERIFY(!e->distance.has_value());
    }
    for (int c : checked)
        QCOMPARE(c, 25);

    // The status follows the "now" asked about.
    const auto &[someId, some] = *std::find_if(
        m_truth.begin(), m_truth.end(), [](const auto &p) { return !p.second.cancelled; });
    QCOMPARE(
        toString(m_index.event(someId, some.event.startTime.addSecs(-1))->status), u"UPCOMING"_s);
    QCOMPARE(toString(m_index.event(someId, some.event.startTime)->status), u"ONGOING"_s);
    QCOMPARE(toString(m_index.event(someId, some.event.endTime)->status), u"PAST"_s);
    QVERIFY(m_index.eventJson(someId, some.event.endTime)->contains("\"status\":\"PAST\""));

    // Absent ids.
    for (qint64 absent : { qint64(0), qint64(-1), qint64(999), qint64(1001), qint64(1LL << 40) }) {
        QVERIFY(!m_truth.contains(absent));
        QVERIFY(!m_index.eventJson(absent, now).has_value());
        QVERIFY(!m_index.event(absent, now).has_value());
    }
}

void TestEventIndex::setAttendeeCount()
{
    const QDateTime now = fixedNow();
    // An upcoming event with room, at a location of its own.
    qint64 id = 0;
    for (const auto &[candidate, t] : m_truth) {
        if (t.cancelled || t.event.startTime <= now || t.event.attendeeLimit < 3
            || t.event.attendeeCount >= t.event.attendeeLimit)
            continue;
        if (idsAround(t.event.location, 1).size() == 1) {
            id = candidate;
            break;
        }
    }
    QVERIFY(id != 0);
    Truth &t = m_truth.at(id);
    const int limit = t.event.attendeeLimit;
    QCOMPARE(idsAround(t.event.location, 1, true), QList<qint64> { id });

    m_index.setAttendeeCount(id, limit);
    t.event.attendeeCount = limit;
    QCOMPARE(idsAround(t.event.location, 1, false), QList<qint64> { id });
    QVERIFY(idsAround(t.event.location, 1, true).isEmpty());
    QCOMPARE(m_index.event(id, now)->attendeeCount, limit);
    {
        const auto obj = QJsonDocument::fromJson(*m_index.eventJson(id, now)).object();
        QCOMPARE(obj.value("attendeeCount"_L1).toInt(-1), limit);
    }
    {
        EventQuery q;
        q.centre = t.event.location;
        q.radiusMetres = 1;
        const Parsed p = parsePage(m_index.search(q, now));
        QCOMPARE(p.ids, QList<qint64> { id });
        QCOMPARE(p.events.at(0).toObject().value("attendeeCount"_L1).toInt(-1), limit);
    }

    m_index.setAttendeeCount(id, limit - 1);
    t.event.attendeeCount = limit - 1;
    QCOMPARE(idsAround(t.event.location, 1, true), QList<qint64> { id });
    QCOMPARE(m_index.event(id, now)->attendeeCount, limit - 1);

    // Over-full (e.g. the limit was lowered): still no free places.
    m_index.setAttendeeCount(id, limit + 5);
    t.event.attendeeCount = limit + 5;
    QVERIFY(idsAround(t.event.location, 1, true).isEmpty());
    QCOMPARE(m_index.event(id, now)->placesLeft(), 0);

    // Unknown id: nothing happens.
    const auto before = m_index.size();
    m_index.setAttendeeCount(424242424242, 3);
    QCOMPARE(m_index.size(), before);
    QVERIFY(!m_index.event(424242424242, now).has_value());

    // The whole index still agrees with brute force on free places.
    EventQuery q;
    q.onlyWithFreePlaces = true;
    q.centre = t.event.location;
    q.radiusMetres = 50000;
    q.limit = 100;
    compareWithBruteForce(q, now);
}

void TestEventIndex::upsertMoves()
{
    const QDateTime now = fixedNow();
    qint64 id = 0;
    for (const auto &[candidate, t] : m_truth) {
        if (!t.cancelled && t.event.startTime > now.addDays(2) && t.event.attendeeCount > 0
            && idsAround(t.event.location, 1).size() == 1) {
            id = candidate;
            break;
        }
    }
    QVERIFY(id != 0);
    const Event old = m_truth.at(id).event;
    const auto sizeBefore = m_index.size();

    Event moved = old;
    // To a spot far away (Passau, or Lübeck if it was near Passau), with a new start time
    // and title.
    moved.location = GeoPoint { 48.5667, 13.4319 };
    if (distanceMetres(moved.location, old.location) < 10000)
        moved.location = GeoPoint { 53.8655, 10.6866 }; // Lübeck
    moved.startTime = now.addDays(1).addSecs(17);
    moved.endTime = moved.startTime.addSecs(3600);
    moved.title = u"Umgezogener Schokoladenpudding"_s;
    moved.attendeeCount = 0; // the upserted event's count is authoritative, even when 0
    m_index.upsert(moved, false);
    m_truth[id] = { moved, false };

    QCOMPARE(m_index.size(), sizeBefore);
    QVERIFY(!idsAround(old.location, 1).contains(id));
    QVERIFY(idsAround(moved.location, 1).contains(id));
    const auto e = m_index.event(id, now);
    QVERIFY(e.has_value());
    QCOMPARE(e->location, moved.location);
    QCOMPARE(e->title, moved.title);
    QCOMPARE(e->startTime, moved.startTime);
    QCOMPARE(e->attendeeCount, 0);

    // The start-time order follows the new time: a window around the old start does not
    // contain it, one around the new does (no-geo path).
    EventQuery window;
    window.limit = 100;
    window.from = old.startTime;
    window.to = old.startTime;
    QVERIFY(!parsePage(m_index.search(window, now)).ids.contains(id));
    window.from = moved.startTime;
    window.to = moved.startTime;
    QCOMPARE(parsePage(m_index.search(window, now)).ids, QList<qint64> { id });

    // The text index follows the new title.
    EventQuery text;
    text.text = u"umgezogener"_s;
    text.limit = 100;
    QCOMPARE(parsePage(m_index.search(text, now)).ids, QList<qint64> { id });

    // A count given explicitly replaces the live one.
    moved.attendeeCount = 1;
    m_index.upsert(moved, false);
    m_truth[id] = { moved, false };
    QCOMPARE(m_index.event(id, now)->attendeeCount, 1);

    // And everything around both places still agrees with brute force.
    for (const GeoPoint &p : { old.location, moved.location }) {
        EventQuery q;
        q.centre = p;
        q.radiusMetres = 20000;
        q.limit = 100;
        compareWithBruteForce(q, now);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestEventIndex::upsertCancels()
{
    const QDateTime now = fixedNow();
    qint64 id = 0;
    for (const auto &[candidate, t] : m_truth) {
        if (!t.cancelled && t.event.startTime > now && idsAround(t.event.location, 1).size() == 1) {
            id = candidate;
            break;
        }
    }
    QVERIFY(id != 0);
    Truth &t = m_truth.at(id);
    m_index.upsert(t.event, true);
    t.cancelled = true;
    QVERIFY(idsAround(t.event.location, 1).isEmpty());
    QCOMPARE(toString(m_index.event(id, now)->status), u"CANCELLED"_s);
    EventQuery q;
    q.centre = t.event.location;
    q.radiusMetres = 1;
    q.status = EventStatus::Cancelled;
    QCOMPARE(parsePage(m_index.search(q, now)).ids, QList<qint64> { id });

    // Un-cancelled again.
    m_index.upsert(t.event, false);
    t.cancelled = false;
    QCOMPARE(idsAround(t.event.location, 1), QList<qint64> { id });
}

void TestEventIndex::olderRevisionIsRefused()
{
    // A reload that read revision 1 and arrives after the write of revision 2 changes nothing;
    // revision 3 is taken. (The race in the server: a notification's reload on a database
    // thread against the write path's own upsert after COMMIT.)
    const QDateTime now = fixedNow();
    EventIndex index;
    EventRecord record;
    record.event = m_truth.begin()->second.event;
    record.publicLocation = record.event.location;
    record.event.attendeeLimit = 20;
    record.revision = 2;
    index.upsert(record);
    QCOMPARE(index.event(record.event.id, now)->attendeeLimit, 20);

    EventRecord stale = record;
    stale.event.attendeeLimit = 10;
    stale.revision = 1;
    index.upsert(stale);
    QCOMPARE(index.event(record.event.id, now)->attendeeLimit, 20);

    EventRecord newer = record;
    newer.event.attendeeLimit = 30;
    newer.revision = 3;
    index.upsert(newer);
    QCOMPARE(index.event(record.event.id, now)->attendeeLimit, 30);

    // The same revision again (a second notification for one commit) is taken as it is.
    newer.event.attendeeLimit = 31;
    index.upsert(newer);
    QCOMPARE(index.event(record.event.id, now)->attendeeLimit, 31);
}

void TestEventIndex::removeEvent()
{
    const QDateTime now = fixedNow();
    // Remove one event from the Munich shared spot and one lonely one.
    const GeoPoint shared { 48.1374, 11.5755 };
    const QList<qint64> atShared = idsAround(shared, 0);
    QVERIFY(atShared.size() >= 2);
    qint64 lonely = 0;
    for (const auto &[candidate, t] : m_truth) {
        if (!t.cancelled && t.event.startTime > now && idsAround(t.event.location, 1).size() == 1) {
            lonely = candidate;
            break;
        }
    }
    QVERIFY(lonely != 0);
    const GeoPoint lonelyAt = m_truth.at(lonely).event.location;

    const auto sizeBefore = m_index.size();
    for (qint64 id : { atShared.first(), lonely }) {
        m_index.remove(id);
        m_truth.erase(id);
        QVERIFY(!m_index.event(id, now).has_value());
        QVERIFY(!m_index.eventJson(id, now).has_value());
    }
    QCOMPARE(m_index.size(), sizeBefore - 2);
    QVERIFY(idsAround(lonelyAt, 1).isEmpty());
    QCOMPARE(idsAround(shared, 0), atShared.mid(1));

    // Removing again, or an unknown id, changes nothing.
    m_index.remove(lonely);
    m_index.remove(-5);
    QCOMPARE(m_index.size(), sizeBefore - 2);

    // It is gone from the start-time order too.
    EventQuery q;
    q.limit = 100;
    q.from = now;
    compareWithBruteForce(q, now);
    if (QTest::currentTestFailed())
        return;
    int pages = 0;
    EventQuery everything;
    everything.limit = 100;
    everything.status = EventStatus::Upcoming;
    const QList<qint64> walked = walkPages(m_index, everything, now, &pages);
    QVERIFY(!walked.contains(lonely));
    QVERIFY(!walked.contains(atShared.first()));
    const auto expected = bruteForce(everything, now);
    QCOMPARE(walked, QList<qint64>(expected.begin(), expected.end()));
}

QTEST_GUILESS_MAIN(TestEventIndex)
#include "tst_eventindex.moc"
