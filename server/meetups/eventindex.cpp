// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventindex.h"

#include <QJsonDocument>
#include <QLocale>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
constexpr double kCellDegrees = 0.05; // ~5.5 km north-south, ~3.4 km east-west in Germany
const GeoBox kGrid = Germany::Bounds;
// Entries sit in the cell of their exact place; the public point lies at most 1.2 km away,
// so a search box grows by this much (in degrees, enough at 55°N) before cells are read.
constexpr double kPublicPointMargin = 0.025;

GeoBox grown(const GeoBox &box, double degrees)
{
    return { box.west - degrees, box.south - degrees, box.east + degrees, box.north + degrees };
}

QByteArray foldForSearch(const QString &text)
{
    return text.toCaseFolded().toUtf8();
}
} // namespace

EventIndex::EventIndex()
    : m_rows(int(std::ceil((kGrid.north - kGrid.south) / kCellDegrees)))
    , m_cols(int(std::ceil((kGrid.east - kGrid.west) / kCellDegrees)))
{
    m_cells.resize(size_t(m_rows) * size_t(m_cols));
}

int EventIndex::cellOf(double lat, double lng) const
{
    const int row = std::clamp(int((lat - kGrid.south) / kCellDegrees), 0, m_rows - 1);
    const int col = std::clamp(int((lng - kGrid.west) / kCellDegrees), 0, m_cols - 1);
    return row * m_cols + col;
}

void EventIndex::cellsIn(const GeoBox &box, std::vector<int> &out) const
{
    if (!box.intersects(kGrid))
        return;
    const int row0 = std::clamp(int((box.south - kGrid.south) / kCellDegrees), 0, m_rows - 1);
    const int row1 = std::clamp(int((box.north - kGrid.south) / kCellDegrees), 0, m_rows - 1);
    const int col0 = std::clamp(int((box.west - kGrid.west) / kCellDegrees), 0, m_cols - 1);
    const int col1 = std::clamp(int((box.east - kGrid.west) / kCellDegrees), 0, m_cols - 1);
    for (int r = row0; r <= row1; ++r)
        for (int c = col0; c <= col1; ++c)
            out.push_back(r * m_cols + c);
}

void EventIndex::eraseLocked(qint64 id)
{
    const auto it = m_byId.find(id);
    if (it == m_byId.end())
        return;
    auto &cell = m_cells[size_t(it->second.cell)];
    cell.erase(std::remove(cell.begin(), cell.end(), id), cell.end());
    m_byStart.erase({ it->second.startMs, id });
    m_byId.erase(it);
}

void EventIndex::upsert(const Event &event, bool cancelled)
{
    upsert(EventRecord { event, cancelled, event.location, {} });
}

bool EventIndex::seesExactPlace(const Entry &e, const Viewer &viewer)
{
    switch (viewer.kind) {
    case Viewer::Kind::System:
        return true;
    case Viewer::Kind::Anonymous:
        return false;
    case Viewer::Kind::User:
        return viewer.userId == e.organizerId
            || std::binary_search(e.approved.begin(), e.approved.end(), viewer.userId);
    }
    return false;
}

GeoPoint EventIndex::placeFor(const Entry &e, const Viewer &viewer)
{
    return seesExactPlace(e, viewer) ? GeoPoint { e.lat, e.lng }
                                     : GeoPoint { e.publicLat, e.publicLng };
}

void EventIndex::upsert(const EventRecord &record)
{
    const Event &event = record.event;
    const bool cancelled = record.cancelled;
    Entry e;
    e.id = event.id;
    e.revision = record.revision;
    e.lat = event.location.lat;
    e.lng = event.location.lng;
    e.publicLat = record.publicLocation.lat;
    e.publicLng = record.publicLocation.lng;
    e.approved.assign(record.approvedUserIds.begin(), record.approvedUserIds.end());
    std::sort(e.approved.begin(), e.approved.end());
    e.startMs = event.startTime.toMSecsSinceEpoch();
    e.endMs = event.endTime.toMSecsSinceEpoch();
    e.cancelled = cancelled;
    e.attendeeLimit = event.attendeeLimit;
    e.attendeeCount = event.attendeeCount;
    e.organizerId = event.organizer.id;
    e.cityFolded = event.city.toCaseFolded();
    e.searchKey = foldForSearch(event.title) + '\n' + foldForSearch(event.description);

    // The members that never change without an upsert, serialised once.
    QJsonObject fixed = event.toJson();
    fixed.remove(u"attendeeCount"_s);
    fixed.remove(u"status"_s);
    fixed.remove(u"distance"_s);
    fixed.remove(u"location"_s); // added per request: exact or the public point
    fixed.remove(u"exactLocation"_s);
    fixed.remove(u"venue"_s); // only with the exact place
    QByteArray json = QJsonDocument(fixed).toJson(QJsonDocument::Compact);
    e.jsonFixed = json.mid(1, json.size() - 2);
    if (!event.venue.isEmpty()) {
        const QByteArray venue = QJsonDocument(
            QJsonObject { { u"venue"_s,
                event.venue } }).toJson(QJsonDocument::Compact);
        e.venueJson = ',' + venue.mid(1, venue.size() - 2);
    }
    e.cell = cellOf(e.lat, e.lng);

    QWriteLocker locker(&m_lock);
    if (const auto it = m_byId.find(e.id); it != m_byId.end()) {
        // A reload that started before a newer write but finished after it: keep the newer.
        if (e.revision < it->second.revision)
            return;
        eraseLocked(e.id);
    }
    m_cells[size_t(e.cell)].push_back(e.id);
    m_byStart.insert({ e.startMs, e.id });
    m_byId.emplace(e.id, std::move(e));
}

void EventIndex::remove(qint64 id)
{
    QWriteLocker locker(&m_lock);
    eraseLocked(id);
}

void EventIndex::setAttendeeCount(qint64 id, int count)
{
    QWriteLocker locker(&m_lock);
    if (const auto it = m_byId.find(id); it != m_byId.end())
        it->second.attendeeCount = count;
}

void EventIndex::clear()
{
    QWriteLocker locker(&m_lock);
    m_byId.clear();
    m_byStart.clear();
    for (auto &cell : m_cells)
        cell.clear();
}

qsizetype EventIndex::size() const
{
    QReadLocker locker(&m_lock);
    return qsizetype(m_byId.size());
}

bool EventIndex::matches(
    const Entry &e, const EventQuery &q, qint64 nowMs, const QByteArray &needle) const
{
    const EventStatus status = eventStatusAt(nowMs, e.startMs, e.endMs, e.cancelled);
    if (q.status) {
        if (status != *q.status)
            return false;
    } else if (status == EventStatus::Cancelled || status == EventStatus::Past) {
        return false;
    }
    if (q.from && e.startMs < q.from->toMSecsSinceEpoch())
        return false;
    if (q.to && e.startMs > q.to->toMSecsSinceEpoch())
        return false;
    if (q.organizerId && e.organizerId != *q.organizerId)
        return false;
    if (q.onlyWithFreePlaces && e.attendeeCount >= e.attendeeLimit)
        return false;
    if (!q.city.isEmpty() && e.cityFolded != q.city)
        return false;
    if (!needle.isEmpty() && !e.searchKey.contains(needle))
        return false;
    if (q.after) {
        const auto [afterStart, afterId] = *q.after;
        if (e.startMs < afterStart || (e.startMs == afterStart && e.id <= afterId))
            return false;
    }
    return true;
}

void EventIndex::appendJson(QByteArray &out, const Entry &e, qint64 nowMs,
    std::optional<double> distance, const Viewer &viewer)
{
    const bool exact = seesExactPlace(e, viewer);
    const GeoPoint place = placeFor(e, viewer);
    out += '{';
    out += e.jsonFixed;
    out += R"(,"location":{"lat":)";
    out += QByteArray::number(place.lat, 'g', QLocale::FloatingPointShortest);
    out += ",\"lng\":";
    out += QByteArray::number(place.lng, 'g', QLocale::FloatingPointShortest);
    out += R"(},"exactLocation":)";
    out += exact ? "true" : "false";
    if (exact)
        out += e.venueJson;
    out += ",\"attendeeCount\":";
    out += QByteArray::number(e.attendeeCount);
    out += R"(,"status":")";
    out += toString(eventStatusAt(nowMs, e.startMs, e.endMs, e.cancelled)).toLatin1();
    out += '"';
    if (distance) {
        out += ",\"distance\":";
        out += exact ? QByteArray::number(std::round(*distance * 10) / 10, 'f', 1)
                     : QByteArray::number(std::round(*distance / 100) * 100, 'f', 0);
    }
    out += '}';
}

EventPage EventIndex::search(const EventQuery &q, const QDateTime &now, const Viewer &viewer) const
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    EventQuery query = q;
    query.city = q.city.toCaseFolded();
    const QByteArray needle = foldForSearch(q.text);
    const int limit = std::clamp(q.limit, 1, 100);

    struct Hit
    {
        const Entry *entry;
        std::optional<double> distance;
    };
    std::vector<Hit> hits;

    QReadLocker locker(&m_lock);
    if (query.centre || query.bbox) {
        GeoBox box
            = query.centre ? boundingBoxAround(*query.centre, query.radiusMetres) : *query.bbox;
        if (query.centre && query.bbox) {
            box = { std::max(box.west, query.bbox->west), std::max(box.south, query.bbox->south),
                std::min(box.east, query.bbox->east), std::min(box.north, query.bbox->north) };
        }
        std::vector<int> cells;
        if (box.isValid())
            cellsIn(grown(box, kPublicPointMargin), cells);
        for (int cell : cells) {
            for (qint64 id : m_cells[size_t(cell)]) {
                const Entry &e = m_byId.at(id);
                const GeoPoint place = placeFor(e, viewer);
                if (!box.contains(place))
                    continue;
                std::optional<double> distance;
                if (query.centre) {
                    distance = distanceMetres(*query.centre, place);
                    if (*distance > query.radiusMetres)
                        continue;
                }
                if (query.bbox && !query.bbox->contains(place))
                    continue;
                if (!matches(e, query, nowMs, needle))
                    continue;
                hits.push_back({ &e, distance });
            }
        }
        const auto byStart = [](const Hit &a, const Hit &b) {
            return std::pair(a.entry->startMs, a.entry->id)
                < std::pair(b.entry->startMs, b.entry->id);
        };
        if (hits.size() > size_t(limit) + 1) {
            std::partial_sort(hits.begin(), hits.begin() + limit + 1, hits.end(), byStart);
            hits.resize(size_t(limit) + 1);
        } else {
            std::sort(hits.begin(), hits.end(), byStart);
        }
    } else {
        auto it = query.after ? m_byStart.upper_bound(*query.after) : m_byStart.begin();
        for (; it != m_byStart.end() && hits.size() <= size_t(limit); ++it) {
            const Entry &e = m_byId.at(it->second);
            if (matches(e, query, nowMs, needle))
                hits.push_back({ &e, std::nullopt });
        }
    }

    const bool more = hits.size() > size_t(limit);
    if (more)
        hits.resize(size_t(limit));
    EventPage page;
    page.count = int(hits.size());
    page.json.reserve(64 + qsizetype(hits.size()) * 400);
    page.json += "{\"events\":[";
    for (size_t i = 0; i < hits.size(); ++i) {
        if (i)
            page.json += ',';
        appendJson(page.json, *hits[i].entry, nowMs, hits[i].distance, viewer);
    }
    page.json += "],\"nextCursor\":";
    if (more) {
        const Entry &last = *hits.back().entry;
        page.json += '"' + encodeCursor(last.startMs, last.id).toLatin1() + '"';
    } else {
        page.json += "null";
    }
    page.json += ",\"count\":" + QByteArray::number(page.count) + '}';
    return page;
}

QByteArray EventIndex::points(const EventQuery &q, const QDateTime &now, const Viewer &viewer) const
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    EventQuery query = q;
    query.city = q.city.toCaseFolded();
    query.after.reset();
    const QByteArray needle = foldForSearch(q.text);
    QByteArray out;
    int count = 0;
    auto append = [&](const Entry &e, const GeoPoint &place) {
        out += count++ ? ",[" : "[";
        out += QByteArray::number(e.id) + ',' + QByteArray::number(place.lat, 'f', 6) + ','
            + QByteArray::number(place.lng, 'f', 6) + ']';
    };
    out.reserve(64 * 1024);
    out += "{\"points\":[";
    QReadLocker locker(&m_lock);
    if (query.centre || query.bbox) {
        const GeoBox box
            = query.bbox ? *query.bbox : boundingBoxAround(*query.centre, query.radiusMetres);
        std::vector<int> cells;
        cellsIn(grown(box, kPublicPointMargin), cells);
        for (int cell : cells) {
            for (qint64 id : m_cells[size_t(cell)]) {
                const Entry &e = m_byId.at(id);
                const GeoPoint place = placeFor(e, viewer);
                if (!box.contains(place))
                    continue;
                if (query.centre && distanceMetres(*query.centre, place) > query.radiusMetres)
                    continue;
                if (matches(e, query, nowMs, needle))
                    append(e, place);
            }
        }
    } else {
        for (const auto &[id, e] : m_byId) {
            if (matches(e, query, nowMs, needle))
                append(e, placeFor(e, viewer));
        }
    }
    out += "],\"count\":" + QByteArray::number(count) + '}';
    return out;
}

std::optional<QByteArray> EventIndex::eventJson(
    qint64 id, const QDateTime &now, const Viewer &viewer) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_byId.find(id);
    if (it == m_byId.end())
        return std::nullopt;
    QByteArray out;
    appendJson(out, it->second, now.toMSecsSinceEpoch(), std::nullopt, viewer);
    return out;
}

std::optional<qint64> EventIndex::organizerOf(qint64 id) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_byId.find(id);
    if (it == m_byId.end())
        return std::nullopt;
    return it->second.organizerId;
}

std::optional<Event> EventIndex::event(qint64 id, const QDateTime &now) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_byId.find(id);
    if (it == m_byId.end())
        return std::nullopt;
    const Entry &entry = it->second;
    Event e = Event::fromJson(QJsonDocument::fromJson('{' + entry.jsonFixed + '}').object());
    e.location = { entry.lat, entry.lng };
    if (!entry.venueJson.isEmpty())
        e.venue = QJsonDocument::fromJson('{' + entry.venueJson.mid(1) + '}')
                      .object()
                      .value("venue"_L1)
                      .toString();
    e.attendeeCount = entry.attendeeCount;
    e.status = eventStatusAt(
        now.toMSecsSinceEpoch(), it->second.startMs, it->second.endMs, it->second.cancelled);
    return e;
}

QString EventIndex::encodeCursor(qint64 startMs, qint64 id)
{
    return QString::fromLatin1(
        QByteArray(QByteArray::number(startMs) + '.' + QByteArray::number(id))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<std::pair<qint64, qint64>> EventIndex::decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const auto parts = decoded.decoded.split('.');
    if (parts.size() != 2)
        return std::nullopt;
    bool ok1 = false;
    bool ok2 = false;
    const qint64 start = parts[0].toLongLong(&ok1);
    const qint64 id = parts[1].toLongLong(&ok2);
    if (!ok1 || !ok2)
        return std::nullopt;
    return std::pair(start, id);
}

} // namespace Pudding::Server
