// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/event.h"
#include "shared/geo.h"

#include <QByteArray>
#include <QDateTime>
#include <QReadWriteLock>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

namespace Pudding::Server {

/// How precisely an event's place is shown. The exact spot is for the organizer and the
/// approved attendees; everyone else sees the area (about a kilometre).
enum class LocationPrecision { Exact, Area };

/// The area shown instead of the spot: coordinates rounded to 0.01° (~1.1 km north-south,
/// ~0.7 km east-west in Germany), distances to 100 m.
[[nodiscard]] double roundToArea(double degrees);

/// A search over events, as GET /api/events takes it.
struct EventQuery
{
    std::optional<GeoPoint> centre;
    double radiusMetres = 0;
    std::optional<GeoBox> bbox;
    std::optional<QDateTime> from;
    std::optional<QDateTime> to;
    QString text;   ///< q: case-insensitive substring of title or description
    QString city;   ///< case-insensitive exact match
    std::optional<EventStatus> status; ///< none: upcoming and ongoing
    std::optional<qint64> organizerId;
    bool onlyWithFreePlaces = false;
    int limit = 50;
    /// Continue after this (startTime, id), taken from the previous page's cursor.
    std::optional<std::pair<qint64, qint64>> after;
};

struct EventPage
{
    QByteArray json; ///< {"events":[…],"nextCursor":…}
    int count = 0;
};

/// All events in memory, answering the map and radius searches without touching PostgreSQL:
/// a uniform grid over Germany for the spatial part, an ordered set for start-time order.
/// Each event keeps its JSON pre-serialised, so a page is assembled by concatenation.
/// Thread-safe: many readers (the HTTP threads), occasional writers.
class EventIndex
{
public:
    EventIndex();

    void upsert(const Event &event, bool cancelled);
    void remove(qint64 id);
    void setAttendeeCount(qint64 id, int count);
    void clear();

    [[nodiscard]] EventPage search(const EventQuery &query, const QDateTime &now,
                                   LocationPrecision precision = LocationPrecision::Exact) const;
    /// Every matching event as [id, lat, lng] (no paging, no order): what a map clusters.
    /// {"points":[[id,lat,lng],…],"count":N}
    [[nodiscard]] QByteArray points(const EventQuery &query, const QDateTime &now,
                                    LocationPrecision precision = LocationPrecision::Exact) const;
    /// The event's JSON as the API shows it now, or nothing.
    [[nodiscard]] std::optional<QByteArray> eventJson(
            qint64 id, const QDateTime &now,
            LocationPrecision precision = LocationPrecision::Exact) const;
    /// The typed event, rebuilt from its JSON (for tests and rare callers; not a hot path).
    [[nodiscard]] std::optional<Event> event(qint64 id, const QDateTime &now) const;
    /// The organizer of an indexed event (cheap: no JSON is parsed).
    [[nodiscard]] std::optional<qint64> organizerOf(qint64 id) const;
    [[nodiscard]] qsizetype size() const;

    [[nodiscard]] static QString encodeCursor(qint64 startMs, qint64 id);
    [[nodiscard]] static std::optional<std::pair<qint64, qint64>> decodeCursor(const QString &c);

private:
    struct Entry
    {
        qint64 id = 0;
        double lat = 0;
        double lng = 0;
        qint64 startMs = 0;
        qint64 endMs = 0;
        bool cancelled = false;
        int attendeeLimit = 0;
        int attendeeCount = 0;
        qint64 organizerId = 0;
        QString cityFolded;
        QByteArray searchKey;  ///< case-folded UTF-8 of title + description
        QByteArray jsonFixed;  ///< the immutable members, without braces
        int cell = -1;
        // No typed Event copy: event() rebuilds one from jsonFixed when asked (rarely), which
        // keeps 100,000 events in far less memory.
    };

    [[nodiscard]] int cellOf(double lat, double lng) const;
    void cellsIn(const GeoBox &box, std::vector<int> &out) const;
    void eraseLocked(qint64 id);
    [[nodiscard]] bool matches(const Entry &e, const EventQuery &q, qint64 nowMs,
                               const QByteArray &needle) const;
    static void appendJson(QByteArray &out, const Entry &e, qint64 nowMs,
                           std::optional<double> distance, LocationPrecision precision);

    mutable QReadWriteLock m_lock;
    std::unordered_map<qint64, Entry> m_byId;
    std::set<std::pair<qint64, qint64>> m_byStart; ///< (startMs, id)
    std::vector<std::vector<qint64>> m_cells;
    int m_rows;
    int m_cols;
};

} // namespace Pudding::Server
