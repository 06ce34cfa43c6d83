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

const QString kSelectEvent
    = u"SELECT e.id, e.title, e.description, e.lat, e.lng, e.city, e.state, "
      "(extract(epoch from e.start_time) * 1000)::bigint, "
      "(extract(epoch from e.end_time) * 1000)::bigint, e.attendee_limit, "
      "e.cancelled_at IS NOT NULL, e.organizer_id, u.name, e.venue, e.public_lat, e.public_lng, "
      "coalesce((SELECT string_agg(a.user_id::text, ',') FROM attendances a "
      "  WHERE a.event_id = e.id AND a.status = 'APPROVED'), '') "
      "FROM events e JOIN users u ON u.id = e.organizer_id "_s;

EventRecord recordFromRow(const QSqlQuery &q)
{
    EventRecord r;
    Event &e = r.event;
    e.id = q.value(0).toLongLong();
    e.title = q.value(1).toString();
    e.description = q.value(2).toString();
    e.location = { q.value(3).toDouble(), q.value(4).toDouble() };
    e.city = q.value(5).toString();
    e.state = q.value(6).toString();
    e.startTime = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
    e.endTime = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    e.attendeeLimit = q.value(9).toInt();
    r.cancelled = q.value(10).toBool();
    e.organizer = { q.value(11).toLongLong(), q.value(12).toString() };
    e.venue = q.value(13).toString();
    r.publicLocation = { q.value(14).toDouble(), q.value(15).toDouble() };
    const QString approved = q.value(16).toString();
    for (const auto id : QStringView(approved).split(u',', Qt::SkipEmptyParts))
        r.approvedUserIds.append(id.toLongLong());
    e.attendeeCount = int(r.approvedUserIds.size());
    e.status = eventStatusAt(QDateTime::currentDateTimeUtc(), e.startTime, e.endTime, r.cancelled);
    return r;
}

HttpResponse notFound()
{
    return HttpResponse::error(404, EC::NotFound, EventsText::tr("There is no such meetup."));
}

/// An event for live frames: everything but the place (which depends on who looks; the app
/// reloads the details, where the precision is decided).
QJsonObject liveEventJson(const Event &event)
{
    QJsonObject json = event.toJson();
    json.remove(u"location"_s);
    json.remove(u"exactLocation"_s);
    json.remove(u"venue"_s);
    return json;
}

/// The event as the caller's transaction wrote it, announced to every instance's index and
/// to its audience (sent at COMMIT); nothing when any of it failed.
template <typename FrameType>
std::optional<EventRecord> publishChange(DbSession &s, qint64 id, FrameType frameType)
{
    auto record = EventsApi::loadOne(s, id);
    if (!record || !EventsApi::announceChange(s, id)
        || !LiveHub::notifyEventAudience(s, id,
            Chat::frame(
                frameType, { { u"eventId"_s, id }, { u"event"_s, liveEventJson(record->event) } })))
        return std::nullopt;
    return record;
}

HttpResponse storageFailed(const Transaction &tx, const char *what)
{
    return HttpResponse::error(500, databaseError(tx.error(), what));
}
} // namespace

struct EventsApi::WriteOutcome
{
    HttpResponse response;
    std::optional<EventRecord> changed; ///< set only after the transaction committed
};

void EventsApi::finishWrite(const WriteOutcome &outcome, const Reply &reply)
{
    // Read-your-writes on this instance: the index learns the committed change before the
    // client hears back (other instances learn it from the NOTIFY).
    if (outcome.changed)
        m_index.upsert(*outcome.changed);
    reply.send(outcome.response);
}

bool EventsApi::announceChange(DbSession &s, qint64 id)
{
    auto *notify = s.run(
        u"SELECT pg_notify(?, ?)"_s, { QString::fromLatin1(NotifyChannel), QString::number(id) });
    if (!notify)
        return false;
    notify->finish();
    return true;
}

Viewer EventsApi::viewerOf(const Request &request)
{
    return request.user ? Viewer::user(request.user->id) : Viewer::anonymous();
}

EventsApi::EventsApi(Database &db, EventIndex &index)
    : m_db(db)
    , m_index(index)
{ }

void EventsApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    router.add(M::Get, u"/api/events"_s,
        [this](Request &r, const Reply &reply) { search(r, reply); }, { Router::Auth::Optional });
    router.add(M::Get, u"/api/events/points"_s,
        [this](Request &r, const Reply &reply) { points(r, reply); }, { Router::Auth::Optional });
    router.add(M::Get, u"/api/events/<id>"_s,
        [this](Request &r, const Reply &reply) { details(r, reply); }, { Router::Auth::Optional });
    router.add(M::Post, u"/api/events"_s,
        [this](Request &r, const Reply &reply) { create(r, reply); }, { Router::Auth::Required });
    router.add(M::Patch, u"/api/events/<id>"_s,
        [this](Request &r, const Reply &reply) { update(r, reply); }, { Router::Auth::Required });
    router.add(M::Delete, u"/api/events/<id>"_s,
        [this](Request &r, const Reply &reply) { cancel(r, reply); }, { Router::Auth::Required });
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
        index.upsert(recordFromRow(q));
        ++count;
    }
    if (q.lastError().isValid()) {
        *error = q.lastError().text();
        return -1;
    }
    return count;
}

std::optional<EventRecord> EventsApi::loadOne(DbSession &session, qint64 id, bool *failed)
{
    auto *q = session.run(kSelectEvent % u"WHERE e.id = ?"_s, { id });
    if (!q) {
        if (failed)
            *failed = true;
        return std::nullopt;
    }
    std::optional<EventRecord> result;
    if (q->next())
        result = recordFromRow(*q);
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
            errors.append({ u"radius"_s,
                EventsText::tr("The radius must be between 1 m and "
                               "1000 km.") });
        query.centre = GeoPoint { lat, lng };
        query.radiusMetres = radius;
    }
    if (params.hasQueryItem(u"bbox"_s)) {
        query.bbox = parseBbox(params.queryItemValue(u"bbox"_s));
        if (!query.bbox)
            errors.append({ u"bbox"_s,
                EventsText::tr("Use bbox=west,south,east,north in "
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
            errors.append({ u"status"_s,
                EventsText::tr("Use UPCOMING, ONGOING, PAST or "
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
            errors.append(
                { u"limit"_s, EventsText::tr("Use a limit from 1 to %1.").arg(L::PageSizeMax) });
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
    // Answered right here: the index is in memory and the search takes microseconds. Who
    // sees which place (and is found by it) is the index's one rule.
    reply.send(HttpResponse::rawJson(
        m_index.search(*query, QDateTime::currentDateTimeUtc(), viewerOf(request)).json));
}

void EventsApi::points(Request &request, const Reply &reply)
{
    const auto query = parseQuery(request, reply);
    if (!query)
        return;
    reply.send(HttpResponse::rawJson(
        m_index.points(*query, QDateTime::currentDateTimeUtc(), viewerOf(request))));
}

void EventsApi::details(Request &request, const Reply &reply)
{
    if (auto json
        = m_index.eventJson(request.id(), QDateTime::currentDateTimeUtc(), viewerOf(request)))
        reply.send(HttpResponse::rawJson(std::move(*json)));
    else
        reply.send(notFound());
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
    if (const auto errors = Validation::validateEventDraft(
            draft, Validation::DraftMode::Create, QDateTime::currentDateTimeUtc());
        !errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    const qint64 organizerId = request.user->id;
    m_db.run([draft, organizerId](DbSession &s) -> WriteOutcome {
            Transaction tx(s);
            auto *insert = tx.exec(
                u"INSERT INTO events(organizer_id, title, description, lat, lng, city, state, "
                "venue, start_time, end_time, attendee_limit) VALUES (?, ?, coalesce(?, ''), ?, ?, "
                "?, "
                "coalesce(?, ''), coalesce(?, ''), "
                "CAST(? AS timestamptz), CAST(? AS timestamptz), ?) RETURNING id"_s,
                { organizerId, Validation::simplifiedLine(*draft.title),
                    draft.description.value_or(QString()).trimmed(), draft.location->lat,
                    draft.location->lng, Validation::simplifiedLine(*draft.city),
                    Validation::simplifiedLine(draft.state.value_or(QString())),
                    Validation::simplifiedLine(draft.venue.value_or(QString())),
                    toIsoString(*draft.startTime), toIsoString(*draft.endTime),
                    *draft.attendeeLimit });
            if (!insert || !insert->next())
                return { storageFailed(tx, "create event"), {} };
            const qint64 id = insert->value(0).toLongLong();
            insert->finish();
            auto created = announceChange(s, id) ? loadOne(s, id) : std::nullopt;
            if (!created || !tx.commit())
                return { storageFailed(tx, "create event"), {} };
            qCInfo(lcEvents) << "event" << id << "created by user" << organizerId;
            return { HttpResponse::json(created->event.toJson(), 201), created };
        })
        .then([this, reply](const WriteOutcome &outcome) { finishWrite(outcome, reply); });
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
            Transaction tx(s);
            // Lock the row: concurrent edits and approvals see one order.
            auto *lock
                = tx.exec(u"SELECT organizer_id FROM events WHERE id = ? FOR UPDATE"_s, { id });
            if (!lock)
                return { storageFailed(tx, "lock event"), {} };
            if (!lock->next())
                return { notFound(), {} };
            const qint64 organizerId = lock->value(0).toLongLong();
            lock->finish();
            if (organizerId != userId)
                return { HttpResponse::error(403, EC::Forbidden,
                             EventsText::tr("Only the organizer can change this meetup.")),
                    {} };
            const auto current = loadOne(s, id);
            if (!current)
                return { storageFailed(tx, "load event"), {} };
            const Event &event = current->event;
            if (current->cancelled)
                return { HttpResponse::error(409, EC::Conflict,
                             EventsText::tr("A cancelled meetup cannot be "
                                            "changed.")),
                    {} };
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const EventDraft merged = patch.mergedOnto(event);
            FieldErrors errors
                = Validation::validateEventDraft(merged, Validation::DraftMode::Update, now);
            if (patch.startTime && *patch.startTime != event.startTime && *patch.startTime < now)
                errors.append(
                    { u"startTime"_s, EventsText::tr("The meetup cannot start in the past.") });
            if (patch.attendeeLimit && *patch.attendeeLimit < event.attendeeCount)
                return { HttpResponse::error(409, EC::Conflict,
                             EventsText::tr("%n attendee(s) are approved already; the limit "
                                            "cannot be lower.",
                                 nullptr, event.attendeeCount),
                             { { u"attendeeLimit"_s,
                                 EventsText::tr("At least %1.").arg(event.attendeeCount) } }),
                    {} };
            if (!errors.isEmpty())
                return { HttpResponse::validation(errors), {} };
            auto *upd = tx.exec(
                u"UPDATE events SET title = ?, description = coalesce(?, ''), lat = ?, lng = ?, "
                "city = ?, state = coalesce(?, ''), venue = coalesce(?, ''), start_time = CAST(? "
                "AS timestamptz), "
                "end_time = CAST(? AS timestamptz), attendee_limit = ?, updated_at = now() "
                "WHERE id = ?"_s,
                { Validation::simplifiedLine(*merged.title), merged.description->trimmed(),
                    merged.location->lat, merged.location->lng,
                    Validation::simplifiedLine(*merged.city),
                    Validation::simplifiedLine(*merged.state),
                    Validation::simplifiedLine(*merged.venue), toIsoString(*merged.startTime),
                    toIsoString(*merged.endTime), *merged.attendeeLimit, id });
            if (!upd)
                return { storageFailed(tx, "update event"), {} };
            upd->finish();
            // More places: the waitlist moves up by as many (to PENDING, for review).
            if (*merged.attendeeLimit > event.attendeeLimit
                && !AttendanceApi::promoteWaitlisted(
                    s, id, *merged.attendeeLimit - event.attendeeLimit))
                return { storageFailed(tx, "promote waitlist"), {} };
            const auto updated = publishChange(s, id, Chat::ServerFrame::EventUpdated);
            if (!updated || !tx.commit())
                return { storageFailed(tx, "update event"), {} };
            return { HttpResponse::json(updated->event.toJson()), updated };
        })
        .then([this, reply](const WriteOutcome &outcome) { finishWrite(outcome, reply); });
}

void EventsApi::cancel(Request &request, const Reply &reply)
{
    const qint64 id = request.id();
    const qint64 userId = request.user->id;
    m_db.run([id, userId](DbSession &s) -> WriteOutcome {
            Transaction tx(s);
            auto *lock
                = tx.exec(u"SELECT organizer_id FROM events WHERE id = ? FOR UPDATE"_s, { id });
            if (!lock)
                return { storageFailed(tx, "lock event"), {} };
            if (!lock->next())
                return { notFound(), {} };
            const qint64 organizerId = lock->value(0).toLongLong();
            lock->finish();
            if (organizerId != userId)
                return { HttpResponse::error(403, EC::Forbidden,
                             EventsText::tr("Only the organizer can cancel "
                                            "this meetup.")),
                    {} };
            // Idempotent: cancelling twice keeps the first time.
            auto *upd = tx.exec(u"UPDATE events SET cancelled_at = coalesce(cancelled_at, now()), "
                                "updated_at = now() WHERE id = ?"_s,
                { id });
            if (!upd)
                return { storageFailed(tx, "cancel event"), {} };
            upd->finish();
            const auto cancelled = publishChange(s, id, Chat::ServerFrame::EventCancelled);
            if (!cancelled || !tx.commit())
                return { storageFailed(tx, "cancel event"), {} };
            qCInfo(lcEvents) << "event" << id << "cancelled";
            return { HttpResponse::json(cancelled->event.toJson()), cancelled };
        })
        .then([this, reply](const WriteOutcome &outcome) { finishWrite(outcome, reply); });
}

} // namespace Pudding::Server
