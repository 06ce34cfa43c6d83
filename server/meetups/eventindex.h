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

/// Who is looking at events. What a viewer may see of an event's place is decided in one
/// function, EventIndex::seesExactPlace(), for the output and for every filter, sort and
/// distance: the exact place and the venue for the organizer and the approved guests, the
/// event's public point (600-1200 m away, fixed per place) for everyone else.
struct Viewer
{
    enum class Kind { Anonymous, User, System };
    Kind kind = Kind::Anonymous;
    qint64 userId = 0;

    [[nodiscard]] static Viewer anonymous() { return {}; }
    [[nodiscard]] static Viewer user(qint64 id) { return { Kind::User, id }; }
    /// The server itself and tests: sees every exact place. Never for a request's answer.
    [[nodiscard]] static Viewer system() { return { Kind::System, 0 }; }
};

/// An event as stored, with what only the index needs: the public point and who may see the
/// exact place.
struct EventRecord
{
    Event event;
    bool cancelled = false;
    GeoPoint publicLocation;
    QList<qint64> approvedUserIds;
    /// events.revision when loaded: upsert() keeps a newer revision it already holds (0: not
    /// from the database, always taken).
    qint64 revision = 0;
};

/// A search over events, as GET /api/events takes it.
struct EventQuery
{
    std::optional<GeoPoint> centre;
    double radiusMetres = 0;
    std::optional<GeoBox> bbox;
    std::optional<QDateTime> from;
    std::optional<QDateTime> to;
    QString text; ///< q: case-insensitive substring of title or description
    QString city; ///< case-insensitive exact match
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

    /// Adds or replaces the event, unless the index holds a newer revision of it already.
    void upsert(const EventRecord &record);
    /// For tests: an event whose public point is its exact place.
    void upsert(const Event &event, bool cancelled);
    void remove(qint64 id);
    void setAttendeeCount(qint64 id, int count);
    void clear();

    [[nodiscard]] EventPage search(const EventQuery &query, const QDateTime &now,
        const Viewer &viewer = Viewer::system()) const;
    /// Every matching event as [id, lat, lng] (no paging, no order): what a map clusters.
    /// {"points":[[id,lat,lng],…],"count":N}
    [[nodiscard]] QByteArray points(const EventQuery &query, const QDateTime &now,
        const Viewer &viewer = Viewer::system()) const;
    /// The event's JSON as the API shows it now to this viewer, or nothing.
    [[nodiscard]] std::optional<QByteArray> eventJson(
        qint64 id, const QDateTime &now, const Viewer &viewer = Viewer::system()) const;
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
        qint64 revision = 0; ///< EventRecord::revision
        double lat = 0; ///< the exact place
        double lng = 0;
        double publicLat = 0; ///< the public point
        double publicLng = 0;
        std::vector<qint64> approved; ///< sorted user ids of the approved guests
        qint64 startMs = 0;
        qint64 endMs = 0;
        bool cancelled = false;
        int attendeeLimit = 0;
        int attendeeCount = 0;
        qint64 organizerId = 0;
        QString cityFolded;
        QByteArray searchKey; ///< case-folded UTF-8 of title + description
        QByteArray jsonFixed; ///< the immutable members, without braces
        QByteArray venueJson; ///< ,"venue":"…" (empty without a venue)
        int cell = -1;
        // No typed Event copy: event() rebuilds one from jsonFixed when asked (rarely), which
        // keeps 100,000 events in far less memory.
    };

    /// The one rule: the organizer and approved guests see the exact place (and the venue).
    [[nodiscard]] static bool seesExactPlace(const Entry &e, const Viewer &viewer);
    /// The point this viewer sees, searches, sorts and measures by.
    [[nodiscard]] static GeoPoint placeFor(const Entry &e, const Viewer &viewer);

    [[nodiscard]] int cellOf(double lat, double lng) const;
    void cellsIn(const GeoBox &box, std::vector<int> &out) const;
    void eraseLocked(qint64 id);
    [[nodiscard]] bool matches(
        const Entry &e, const EventQuery &q, qint64 nowMs, const QByteArray &needle) const;
    static void appendJson(QByteArray &out, const Entry &e, qint64 nowMs,
        std::optional<double> distance, const Viewer &viewer);

    mutable QReadWriteLock m_lock;
    std::unordered_map<qint64, Entry> m_byId;
    std::set<std::pair<qint64, qint64>> m_byStart; ///< (startMs, id)
    std::vector<std::vector<qint64>> m_cells;
    int m_rows;
    int m_cols;
};

} // namespace Pudding::Server
