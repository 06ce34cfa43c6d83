// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventsapi.h"

#include "attendance/attendanceapi.h"
#include "db/database.h"
#include "http/logging.h"
#include "live/livehub.h"
#include "shared/chat.h"
#include "shared/protocol.h"
#include "shared/validation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimeZone>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class EventsText
{
    Q_DECLARE_TR_FUNCTIONS(Events)
};
namespace EC = Protocol::ErrorCode;
namespace L = Protocol::Limits;

const QString kSelectEvent =
        u"SELECT e.id, e.title, e.description, e.lat, e.lng, e.city, e.state, "
        "(extract(epoch from e.start_time) * 1000)::bigint, "
        "(extract(epoch from e.end_time) * 1000)::bigint, e.attendee_limit, "
        "e.cancelled_at IS NOT NULL, e.organizer_id, u.name, "
        "(SELECT count(*) FROM attendances a WHERE a.event_id = e.id AND a.status = 'APPROVED') "
        "FROM events e JOIN users u ON u.id = e.organizer_id "_s;

std::pair<Event, bool> eventFromRow(const QSqlQuery &q)
{
    Event e;
    e.id = q.value(0).toLongLong();
    e.title = q.value(1).toString();
    e.description = q.value(2).toString();
    e.location = { q.value(3).toDouble(), q.value(4).toDouble() };
    e.city = q.value(5).toString();
    e.state = q.value(6).toString();
    e.startTime = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
    e.endTime = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    e.attendeeLimit = q.value(9).toInt();
    const bool cancelled = q.value(10).toBool();
    e.organizer = { q.value(11).toLongLong(), q.value(12).toString() };
    e.attendeeCount = q.value(13).toInt();
    e.status = eventStatusAt(QDateTime::currentDateTimeUtc(), e.startTime, e.endTime, cancelled);
    return { e, cancelled };
}

HttpResponse notFound()
{
    return HttpResponse::error(404, EC::NotFound, EventsText::tr("There is no such meetup."));
}

HttpResponse eventResponse(const Event &event, int status = 200)
{
    return HttpResponse::json(event.toJson(), status);
}

/// Tells every instance (this one included) that the event changed; sent at COMMIT.
void announceChange(DbSession &s, qint64 id)
{
    auto *notify = s.prepared(u"SELECT pg_notify(?, ?)"_s);
    if (s.exec(notify, { QString::fromLatin1(EventsApi::NotifyChannel), QString::number(id) }))
        notify->finish();
}
/// An event for live frames: everything but the place (which depends on who looks; the app
/// reloads the details, where the precision is decided).
QJsonObject liveEventJson(const Event &event)
{
    QJsonObject json = event.toJson();
    json.remove(u"location"_s);
    return json;
}
} // namespace

struct EventsApi::WriteOutcome
{
    HttpResponse response;
    std::optional<std::pair<Event, bool>> changed;
};

void EventsApi::finishWrite(const WriteOutcome &outcome, const Reply &reply)
{
    // Read-your-writes on this instance: the index is updated before the client hears back.
    if (outcome.changed)
        m_index.upsert(outcome.changed->first, outcome.changed->second);
    reply.send(outcome.response);
}

EventsApi::EventsApi(Database &db, EventIndex &index)
    : m_db(db)
    , m_index(index)
{
}

void EventsApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    router.add(M::Get, u"/api/events"_s,
               [this](Request &r, const Reply &reply) { search(r, reply); });
    router.add(M::Get, u"/api/events/points"_s,
               [this](Request &r, const Reply &reply) { points(r, reply); });
    router.add(M::Get, u"/api/events/<id>"_s,
               [this](Request &r, const Reply &reply) { details(r, reply); },
               { Router::Auth::Optional });
    router.add(M::Post, u"/api/events"_s,
               [this](Request &r, const Reply &reply) { create(r, reply); },
               { Router::Auth::Required });
    router.add(M::Patch, u"/api/events/<id>"_s,
               [this](Request &r, const Reply &reply) { update(r, reply); },
               { Router::Auth::Required });
    router.add(M::Delete, u"/api/events/<id>"_s,
               [this](Request &r, const Reply &reply) { cancel(r, reply); },
               { Router::Auth::Required });
}

qint64 EventsApi::loadAll(DbSession &session, EventIndex &index, QString *error)
{
    QSqlQuery q(session.db());
    q.setForwardOnly(true);
    if (!q.exec(kSelectEvent)) {
        *error = q.lastError().text();
        return -1;
    }
    qint64 count = 0;
    while (q.next()) {
        const auto [event, cancelled] = eventFromRow(q);
        index.upsert(event, cancelled);
        ++count;
    }
    return count;
}

std::optional<std::pair<Event, bool>> EventsApi::loadOne(DbSession &session, qint64 id,
                                                         bool *failed)
{
    auto *q = session.prepared(kSelectEvent % u"WHERE e.id = ?"_s);
    if (!session.exec(q, { id })) {
        if (failed)
            *failed = true;
        return std::nullopt;
    }
    std::optional<std::pair<Event, bool>> result;
    if (q->next())
        result = eventFromRow(*q);
    q->finish();
    return result;
}

std::optional<EventQuery> EventsApi::parseQuery(const Request &request, const Reply &reply)
{
    EventQuery query;
    FieldErrors errors;
    const auto &params = request.query;
    auto number = [&](const QString &key, double &out) {
        bool ok = false;
        out = params.queryItemValue(key).toDouble(&ok);
        if (!ok || !std::isfinite(out))
            errors.append({ key, EventsText::tr("Must be a number.") });
        return ok;
    };
    const bool hasLat = params.hasQueryItem(u"lat"_s);
    const bool hasLng = params.hasQueryItem(u"lng"_s);
    if (hasLat || hasLng || params.hasQueryItem(u"radius"_s)) {
        double lat = 0;
        double lng = 0;
        double radius = 20000;
        if (!hasLat || !hasLng) {
            errors.append({ hasLat ? u"lng"_s : u"lat"_s,
                            EventsText::tr("A search centre needs both lat and lng.") });
        } else if (number(u"lat"_s, lat) && number(u"lng"_s, lng)) {
            if (std::abs(lat) > 90 || std::abs(lng) > 180)
                errors.append({ u"lat"_s, EventsText::tr("Not a coordinate on Earth.") });
        }
        if (params.hasQueryItem(u"radius"_s) && number(u"radius"_s, radius)
            && (radius <= 0 || radius > L::RadiusMaxMetres))
            errors.append({ u"radius"_s, EventsText::tr("The radius must be between 1 m and "
                                                        "1000 km.") });
        query.centre = GeoPoint { lat, lng };
        query.radiusMetres = radius;
    }
    if (params.hasQueryItem(u"bbox"_s)) {
        query.bbox = parseBbox(params.queryItemValue(u"bbox"_s));
        if (!query.bbox)
            errors.append({ u"bbox"_s, EventsText::tr("Use bbox=west,south,east,north in "
                                                      "degrees.") });
    }
    for (const auto &key : { u"from"_s, u"to"_s }) {
        if (!params.hasQueryItem(key))
            continue;
        const auto t = parseIsoDateTime(params.queryItemValue(key, QUrl::FullyDecoded));
        if (!t)
            errors.append({ key, EventsText::tr("Use an ISO 8601 time with an offset.") });
        (key == "from"_L1 ? query.from : query.to) = t;
    }
    query.text = params.queryItemValue(u"q"_s, QUrl::FullyDecoded).trimmed();
    query.city = params.queryItemValue(u"city"_s, QUrl::FullyDecoded).trimmed();
    if (params.hasQueryItem(u"status"_s)) {
        query.status = eventStatusFromString(params.queryItemValue(u"status"_s));
        if (!query.status)
            errors.append({ u"status"_s, EventsText::tr("Use UPCOMING, ONGOING, PAST or "
                                                        "CANCELLED.") });
    }
    if (params.hasQueryItem(u"organizer"_s)) {
        bool ok = false;
        query.organizerId = params.queryItemValue(u"organizer"_s).toLongLong(&ok);
        if (!ok)
            errors.append({ u"organizer"_s, EventsText::tr("Must be a user id.") });
    }
    query.onlyWithFreePlaces = params.queryItemValue(u"freePlaces"_s) == "true"_L1;
    if (params.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        query.limit = params.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || query.limit < 1 || query.limit > L::PageSizeMax)
            errors.append({ u"limit"_s, EventsText::tr("Use a limit from 1 to %1.")
                                                .arg(L::PageSizeMax) });
    }
    if (params.hasQueryItem(u"cursor"_s)) {
        query.after = EventIndex::decodeCursor(params.queryItemValue(u"cursor"_s));
        if (!query.after)
            errors.append({ u"cursor"_s, EventsText::tr("This cursor is not valid.") });
    }
    if (!errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return std::nullopt;
    }
    return query;
}

void EventsApi::search(Request &request, const Reply &reply)
{
    const auto query = parseQuery(request, reply);
    if (!query)
        return;
    // Answered right here: the index is in memory and the search takes microseconds.
    // Everyone sees where a meetup is roughly; the exact spot is on its details page for
    // the organizer and the approved attendees.
    reply.send(HttpResponse::rawJson(
            m_index.search(*query, QDateTime::currentDateTimeUtc(), LocationPrecision::Area).json));
}

void EventsApi::points(Request &request, const Reply &reply)
{
    const auto query = parseQuery(request, reply);
    if (!query)
        return;
    reply.send(HttpResponse::rawJson(
            m_index.points(*query, QDateTime::currentDateTimeUtc(), LocationPrecision::Area)));
}

void EventsApi::details(Request &request, const Reply &reply)
{
    const qint64 id = request.id();
    const auto organizer = m_index.organizerOf(id);
    if (!organizer) {
        reply.send(notFound());
        return;
    }
    auto answer = [this, reply, id](LocationPrecision precision) {
        if (auto json = m_index.eventJson(id, QDateTime::currentDateTimeUtc(), precision))
            reply.send(HttpResponse::rawJson(std::move(*json)));
        else
            reply.send(notFound());
    };
    if (!request.user) {
        answer(LocationPrecision::Area);
        return;
    }
    if (request.user->id == *organizer) {
        answer(LocationPrecision::Exact);
        return;
    }
    const qint64 userId = request.user->id;
    m_db.run([id, userId](DbSession &s) {
            auto *q = s.prepared(u"SELECT 1 FROM attendances WHERE event_id = ? AND user_id = ? "
                                 "AND status = 'APPROVED'"_s);
            bool approved = false;
            if (s.exec(q, { id, userId })) {
                approved = q->next();
                q->finish();
            }
            return approved;
        }).then([answer](bool approved) {
            answer(approved ? LocationPrecision::Exact : LocationPrecision::Area);
        });
}

void EventsApi::create(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    auto parsed = EventDraft::fromJson(*body);
    if (!parsed) {
        reply.send(HttpResponse::error(400, parsed.error()));
        return;
    }
    EventDraft draft = std::move(parsed).value();
    if (const auto errors = Validation::validateEventDraft(draft, Validation::DraftMode::Create,
                                                           QDateTime::currentDateTimeUtc());
        !errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    const qint64 organizerId = request.user->id;
    m_db.run([draft, organizerId](DbSession &s) -> WriteOutcome {
            if (!s.execDirect(u"BEGIN"_s))
                return { HttpResponse::error(503, databaseError(s.lastError(), "begin")), {} };
            auto *insert = s.prepared(
                    u"INSERT INTO events(organizer_id, title, description, lat, lng, city, state, "
                    "start_time, end_time, attendee_limit) VALUES (?, ?, coalesce(?, ''), ?, ?, ?, coalesce(?, ''), "
                    "CAST(? AS timestamptz), CAST(? AS timestamptz), ?) RETURNING id"_s);
            const bool ok = s.exec(insert,
                                   { organizerId, Validation::simplifiedLine(*draft.title),
                                     draft.description.value_or(QString()).trimmed(),
                                     draft.location->lat, draft.location->lng,
                                     Validation::simplifiedLine(*draft.city),
                                     Validation::simplifiedLine(draft.state.value_or(QString())),
                                     toIsoString(*draft.startTime), toIsoString(*draft.endTime),
                                     *draft.attendeeLimit });
            if (!ok || !insert->next()) {
                const QSqlError error = s.lastError();
                s.execDirect(u"ROLLBACK"_s);
                return { HttpResponse::error(500, databaseError(error, "create event")), {} };
            }
            const qint64 id = insert->value(0).toLongLong();
            insert->finish();
            announceChange(s, id);
            if (!s.execDirect(u"COMMIT"_s)) {
                const QSqlError error = s.lastError();
                s.execDirect(u"ROLLBACK"_s);
                return { HttpResponse::error(500, databaseError(error, "commit event")), {} };
            }
            auto created = loadOne(s, id);
            if (!created)
                return { HttpResponse::internalError(), {} };
            qCInfo(lcEvents) << "event" << id << "created by user" << organizerId;
            return { eventResponse(created->first, 201), created };
        }).then([this, reply](const WriteOutcome &outcome) { finishWrite(outcome, reply); });
}

void EventsApi::update(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    auto parsed = EventDraft::fromJson(*body);
    if (!parsed) {
        reply.send(HttpResponse::error(400, parsed.error()));
        return;
    }
    const EventDraft patch = std::move(parsed).value();
    const qint64 id = request.id();
    const qint64 userId = request.user->id;
    m_db.run([patch, id, userId](DbSession &s) -> WriteOutcome {
            auto rollback = [&](HttpResponse r) {
                s.execDirect(u"ROLLBACK"_s);
                return WriteOutcome { std::move(r), {} };
            };
            if (!s.execDirect(u"BEGIN"_s))
                return { HttpResponse::error(503, databaseError(s.lastError(), "begin")), {} };
            // Lock the row: concurrent edits (and later, approvals) see one order.
            auto *lock = s.prepared(u"SELECT organizer_id FROM events WHERE id = ? FOR UPDATE"_s);
            if (!s.exec(lock, { id }))
                return rollback(HttpResponse::error(503, databaseError(s.lastError(), "lock")));
            if (!lock->next())
                return rollback(notFound());
            const qint64 organizerId = lock->value(0).toLongLong();
            lock->finish();
            if (organizerId != userId)
                return rollback(HttpResponse::error(
                        403, EC::Forbidden,
                        EventsText::tr("Only the organizer can change this meetup.")));
            const auto current = loadOne(s, id);
            if (!current)
                return rollback(notFound());
            const auto &[event, cancelled] = *current;
            if (cancelled)
                return rollback(HttpResponse::error(
                        409, EC::Conflict, EventsText::tr("A cancelled meetup cannot be changed.")));
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const EventDraft merged = patch.mergedOnto(event);
            FieldErrors errors = Validation::validateEventDraft(
                    merged, Validation::DraftMode::Update, now);
            if (patch.startTime && *patch.startTime != event.startTime && *patch.startTime < now)
                errors.append({ u"startTime"_s,
                                EventsText::tr("The meetup cannot start in the past.") });
            if (patch.attendeeLimit && *patch.attendeeLimit < event.attendeeCount)
                return rollback(HttpResponse::error(
                        409, EC::Conflict,
                        EventsText::tr("%n attendee(s) are approved already; the limit cannot be "
                                       "lower.",
                                       nullptr, event.attendeeCount),
                        { { u"attendeeLimit"_s,
                            EventsText::tr("At least %1.").arg(event.attendeeCount) } }));
            if (!errors.isEmpty())
                return rollback(HttpResponse::validation(errors));
            auto *upd = s.prepared(
                    u"UPDATE events SET title = ?, description = coalesce(?, ''), lat = ?, lng = ?, "
                    "city = ?, state = coalesce(?, ''), start_time = CAST(? AS timestamptz), "
                    "end_time = CAST(? AS timestamptz), attendee_limit = ?, updated_at = now() "
                    "WHERE id = ?"_s);
            if (!s.exec(upd, { Validation::simplifiedLine(*merged.title),
                               merged.description->trimmed(), merged.location->lat,
                               merged.location->lng, Validation::simplifiedLine(*merged.city),
                               Validation::simplifiedLine(*merged.state),
                               toIsoString(*merged.startTime), toIsoString(*merged.endTime),
                               *merged.attendeeLimit, id }))
                return rollback(HttpResponse::error(500, databaseError(s.lastError(), "update")));
            // More places: the waitlist moves up by as many (to PENDING, for review).
            if (*merged.attendeeLimit > event.attendeeLimit)
                AttendanceApi::promoteWaitlisted(s, id, *merged.attendeeLimit - event.attendeeLimit);
            announceChange(s, id);
            if (const auto changed = loadOne(s, id))
                LiveHub::notifyEventAudience(s, id,
                                             Chat::frame(Chat::ServerFrame::EventUpdated,
                                                         { { u"eventId"_s, id },
                                                           { u"event"_s, liveEventJson(changed->first) } }));
            if (!s.execDirect(u"COMMIT"_s))
                return rollback(HttpResponse::error(500, databaseError(s.lastError(), "commit")));
            auto updated = loadOne(s, id);
            if (!updated)
                return { HttpResponse::internalError(), {} };
            return { eventResponse(updated->first), updated };
        }).then([this, reply](const WriteOutcome &outcome) { finishWrite(outcome, reply); });
}

void EventsApi::cancel(Request &request, const Reply &reply)
{
    const qint64 id = request.id();
    const qint64 userId = request.user->id;
    m_db.run([id, userId](DbSession &s) -> WriteOutcome {
            auto *q = s.prepared(u"SELECT organizer_id FROM events WHERE id = ?"_s);
            if (!s.exec(q, { id }))
                return { HttpResponse::error(503, databaseError(s.lastError(), "cancel")), {} };
            if (!q->next())
                return { notFound(), {} };
            const qint64 organizerId = q->value(0).toLongLong();
            q->finish();
            if (organizerId != userId)
                return { HttpResponse::error(403, EC::Forbidden,
                                             EventsText::tr("Only the organizer can cancel "
                                                            "this meetup.")),
                         {} };
            // Idempotent: cancelling twice keeps the first time.
            auto *upd = s.prepared(
                    u"WITH c AS (UPDATE events SET cancelled_at = coalesce(cancelled_at, now()), "
                    "updated_at = now() WHERE id = ? RETURNING id) "
                    "SELECT pg_notify(?, id::text) FROM c"_s);
            if (!s.execDirect(u"BEGIN"_s))
                return { HttpResponse::error(503, databaseError(s.lastError(), "cancel")), {} };
            if (!s.exec(upd, { id, QString::fromLatin1(NotifyChannel) })) {
                const QSqlError error = s.lastError();
                s.execDirect(u"ROLLBACK"_s);
                return { HttpResponse::error(500, databaseError(error, "cancel")), {} };
            }
            upd->finish();
            auto cancelled = loadOne(s, id);
            if (!cancelled) {
                s.execDirect(u"ROLLBACK"_s);
                return { HttpResponse::internalError(), {} };
            }
            LiveHub::notifyEventAudience(s, id,
                                         Chat::frame(Chat::ServerFrame::EventCancelled,
                                                     { { u"eventId"_s, id },
                                                       { u"event"_s, liveEventJson(cancelled->first) } }));
            if (!s.execDirect(u"COMMIT"_s)) {
                const QSqlError error = s.lastError();
                s.execDirect(u"ROLLBACK"_s);
                return { HttpResponse::error(500, databaseError(error, "commit")), {} };
            }
            qCInfo(lcEvents) << "event" << id << "cancelled";
            return { eventResponse(cancelled->first), cancelled };
        }).then([this, reply](const WriteOutcome &outcome) { finishWrite(outcome, reply); });
}

} // namespace Pudding::Server
