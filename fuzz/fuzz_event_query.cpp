// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the events search query (GET /api/events and /api/events/points): the
// query string is read with QUrlQuery as the server does, its values go through the shared
// parsers (parseBbox, parseIsoDateTime, eventStatusFromString) and EventIndex::decodeCursor
// with the bounds that EventsApi::parseQuery applies, and the resulting query runs against a
// small in-memory EventIndex, for every kind of viewer.
//
// EventsApi::parseQuery itself sits in server/events/eventsapi.cpp with the database and the
// reply: its checks are repeated here (keep them in step), the parsers are the real ones.
// Properties checked (a violation aborts):
//   - a cursor the index wrote decodes to what was encoded;
//   - a decoded cursor, encoded again, decodes to the same pair;
//   - a parsed bbox is valid (west <= east, south <= north) and finite;
//   - a page is a JSON object with an "events" array of at most `limit` entries;
//   - points is a JSON object whose "count" is the length of "points";
//   - location privacy (issue 11): a viewer who may not see an event's exact place (anonymous,
//     or signed in but neither organizer nor approved guest) never gets it in a page or in the
//     points, every event it gets says "exactLocation":false and sits on its public point,
//     and an anonymous viewer and a stranger get byte-identical answers (the filters, the
//     order and the distances use the same point for both).
#include "meetups/eventindex.h"
#include "shared/event.h"
#include "shared/geo.h"
#include "shared/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace Pudding;
using namespace Pudding::Server;
using namespace Qt::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

const QDateTime &fixedNow()
{
    static const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
    return now;
}

constexpr qint64 kOrganizer = 3;
constexpr qint64 kApproved = 5;
constexpr qint64 kStranger = 9;

struct Place
{
    qint64 id;
    GeoPoint exact;
    GeoPoint shown; ///< the public point
};

const QList<Place> &places()
{
    static const QList<Place> list = [] {
        QList<Place> out;
        const struct
        {
            double lat, lng, dLat, dLng;
        } rows[] = {
            { 52.52, 13.405, 0.006, -0.004 },
            { 53.55, 9.99, -0.007, 0.002 },
            { 48.137, 11.575, 0.0, 0.009 },
            { 47.27, 5.86, 0.008, 0.008 },
            { 55.06, 15.05, -0.005, -0.01 },
            { 50.94, 6.96, 0.004, 0.0 },
        };
        qint64 id = 1;
        for (const auto &r : rows)
            out.append({ id++, { r.lat, r.lng }, { r.lat + r.dLat, r.lng + r.dLng } });
        return out;
    }();
    return list;
}

const EventIndex &index()
{
    static const EventIndex *const built = [] {
        auto *idx = new EventIndex;
        const struct
        {
            int startDays, limit, count;
            const char16_t *title;
            const char16_t *city;
            bool cancelled;
        } rows[] = {
            { 3, 10, 2, u"Pudding picnic", u"Berlin", false },
            { -1, 5, 5, u"Grießbrei am Hafen", u"Hamburg", false },
            { 0, 0, 0, u"Dampfnudel-Treffen", u"München", true },
            { 40, 3, 1, u"Corner of the grid", u"Aachen", false },
            { 1, 8, 0, u"Other corner", u"Görlitz", false },
            { 2, 12, 12, u"Milchreis 🍮 Köln", u"Köln", false },
        };
        for (qsizetype i = 0; i < places().size(); ++i) {
            const auto &r = rows[i];
            EventRecord record;
            Event &e = record.event;
            e.id = places()[i].id;
            e.title = QString::fromUtf16(r.title);
            e.description = u"Bring a spoon."_s;
            e.location = places()[i].exact;
            e.city = QString::fromUtf16(r.city);
            e.state = u"Berlin"_s;
            e.startTime = fixedNow().addDays(r.startDays);
            e.endTime = e.startTime.addSecs(7200);
            e.attendeeLimit = r.limit;
            e.attendeeCount = r.count;
            e.organizer = { kOrganizer, u"Anna"_s };
            record.cancelled = r.cancelled;
            record.publicLocation = places()[i].shown;
            record.approvedUserIds = { kApproved };
            idx->upsert(record);
        }
        return idx;
    }();
    return *built;
}

/// EventsApi::parseQuery without the reply: nothing when it would answer 400.
std::optional<EventQuery> parseQuery(const QUrlQuery &params)
{
    namespace L = Protocol::Limits;
    EventQuery query;
    bool ok = true;
    auto number = [&](const QString &key, double &out) {
        bool isNumber = false;
        out = params.queryItemValue(key).toDouble(&isNumber);
        if (!isNumber || !std::isfinite(out))
            ok = false;
        return isNumber && std::isfinite(out);
    };
    const bool hasLat = params.hasQueryItem(u"lat"_s);
    const bool hasLng = params.hasQueryItem(u"lng"_s);
    if (hasLat || hasLng || params.hasQueryItem(u"radius"_s)) {
        double lat = 0;
        double lng = 0;
        double radius = 20000;
        if (!hasLat || !hasLng) {
            ok = false;
        } else if (number(u"lat"_s, lat) && number(u"lng"_s, lng)) {
            if (std::abs(lat) > 90 || std::abs(lng) > 180)
                ok = false;
        }
        if (params.hasQueryItem(u"radius"_s) && number(u"radius"_s, radius)
            && (radius <= 0 || radius > L::RadiusMaxMetres))
            ok = false;
        query.centre = GeoPoint { lat, lng };
        query.radiusMetres = radius;
    }
    if (params.hasQueryItem(u"bbox"_s)) {
        query.bbox = parseBbox(params.queryItemValue(u"bbox"_s));
        if (query.bbox) {
            check(query.bbox->isValid());
            check(std::isfinite(query.bbox->west) && std::isfinite(query.bbox->east)
                && std::isfinite(query.bbox->south) && std::isfinite(query.bbox->north));
        } else {
            ok = false;
        }
    }
    for (const auto &key : { u"from"_s, u"to"_s }) {
        if (!params.hasQueryItem(key))
            continue;
        const auto t = parseIsoDateTime(params.queryItemValue(key, QUrl::FullyDecoded));
        if (t)
            check(t->isValid());
        else
            ok = false;
        (key == "from"_L1 ? query.from : query.to) = t;
    }
    query.text = params.queryItemValue(u"q"_s, QUrl::FullyDecoded).trimmed();
    query.city = params.queryItemValue(u"city"_s, QUrl::FullyDecoded).trimmed();
    if (params.hasQueryItem(u"status"_s)) {
        query.status = eventStatusFromString(params.queryItemValue(u"status"_s));
        if (query.status)
            check(eventStatusFromString(toString(*query.status)) == query.status);
        else
            ok = false;
    }
    if (params.hasQueryItem(u"organizer"_s)) {
        bool isNumber = false;
        query.organizerId = params.queryItemValue(u"organizer"_s).toLongLong(&isNumber);
        ok = ok && isNumber;
    }
    query.onlyWithFreePlaces = params.queryItemValue(u"freePlaces"_s) == "true"_L1;
    if (params.hasQueryItem(u"limit"_s)) {
        bool isNumber = false;
        query.limit = params.queryItemValue(u"limit"_s).toInt(&isNumber);
        if (!isNumber || query.limit < 1 || query.limit > L::PageSizeMax)
            ok = false;
    }
    if (params.hasQueryItem(u"cursor"_s)) {
        query.after = EventIndex::decodeCursor(params.queryItemValue(u"cursor"_s));
        if (query.after) {
            const auto again = EventIndex::decodeCursor(
                EventIndex::encodeCursor(query.after->first, query.after->second));
            check(again == query.after);
        } else {
            ok = false;
        }
    }
    if (!ok)
        return std::nullopt;
    return query;
}

bool isExactPlace(double lat, double lng)
{
    for (const auto &p : places()) {
        if (lat == p.exact.lat && lng == p.exact.lng)
            return true;
    }
    return false;
}

struct Answer
{
    QByteArray page;
    QByteArray points;
};

Answer runSearch(const EventQuery &query, const Viewer &viewer, bool mayBeExact)
{
    const EventPage page = index().search(query, fixedNow(), viewer);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(page.json, &error);
    check(error.error == QJsonParseError::NoError && doc.isObject());
    const QJsonArray events = doc.object().value("events"_L1).toArray();
    check(events.size() == page.count);
    check(page.count <= query.limit);
    for (const auto &value : events) {
        const QJsonObject event = value.toObject();
        const QJsonObject location = event.value("location"_L1).toObject();
        if (!mayBeExact) {
            check(event.value("exactLocation"_L1) == QJsonValue(false));
            check(!isExactPlace(
                location.value("lat"_L1).toDouble(), location.value("lng"_L1).toDouble()));
        }
    }
    // The page's cursor is one the index can read back.
    const QJsonValue next = doc.object().value("nextCursor"_L1);
    if (next.isString())
        check(bool(EventIndex::decodeCursor(next.toString())));

    const QByteArray points = index().points(query, fixedNow(), viewer);
    const QJsonDocument pointsDoc = QJsonDocument::fromJson(points, &error);
    check(error.error == QJsonParseError::NoError && pointsDoc.isObject());
    const QJsonArray list = pointsDoc.object().value("points"_L1).toArray();
    check(pointsDoc.object().value("count"_L1).toInteger() == list.size());
    if (!mayBeExact) {
        for (const auto &point : list) {
            const QJsonArray p = point.toArray();
            check(!isExactPlace(p.at(1).toDouble(), p.at(2).toDouble()));
        }
    }
    return { page.json, points };
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    // A cursor of the index's own making, from the first 16 bytes.
    if (size >= 16) {
        qint64 start = 0;
        qint64 id = 0;
        std::memcpy(&start, data, 8);
        std::memcpy(&id, data + 8, 8);
        const auto decoded = EventIndex::decodeCursor(EventIndex::encodeCursor(start, id));
        check(decoded && decoded->first == start && decoded->second == id);
    }
    // The query string as QHttpServerRequest::query() holds it.
    const QUrlQuery params(QString::fromUtf8(raw));
    const auto query = parseQuery(params);
    if (!query)
        return 0;
    (void)runSearch(*query, Viewer::system(), true);
    (void)runSearch(*query, Viewer::user(kOrganizer), true);
    (void)runSearch(*query, Viewer::user(kApproved), true);
    const Answer anonymous = runSearch(*query, Viewer::anonymous(), false);
    const Answer stranger = runSearch(*query, Viewer::user(kStranger), false);
    check(anonymous.page == stranger.page);
    check(anonymous.points == stranger.points);
    return 0;
}
