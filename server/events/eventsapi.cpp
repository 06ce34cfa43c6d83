// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventsapi.h"

#include "db/database.h"
#include "eventslogging.h"
#include "meetups/meetuprepository.h"
#include "notifications/notifications.h"
#include "publish/livepublisher.h"
#include "shared/chat.h"
#include "shared/protocol.h"
#include "shared/validation.h"

#include <QCoreApplication>
#include <QJsonArray>
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

HttpResponse notFound()
{
    return HttpResponse::error(EC::NotFound, EventsText::tr("There is no such meetup."));
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
    const auto record = MeetupRepository::loadOne(s, id);
    if (!record || !record.value() || !MeetupRepository::announceChange(s, id)
        || !LivePublisher::notifyEventAudience(s, id,
            Chat::frame(frameType,
                { { u"eventId"_s, id }, { u"event"_s, liveEventJson(record.value()->event) } })))
        return std::nullopt;
    return record.value();
}

HttpResponse storageFailed(const Transaction &tx, const char *what)
{
    return HttpResponse::fromError(databaseError(tx.error(), what));
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

Viewer EventsApi::viewerOf(const Request &request)
{
    return request.user ? Viewer::user(request.user->id) : Viewer::anonymous();
}

EventsApi::EventsApi(Database &db, EventIndex &index)
    : m_db(db)
    , m_index(index)
{ }

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
        reply.send(HttpResponse::fromError(parsed.error()));
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
                "venue, start_time, end_time, attendee_limit, offer_window_minutes) VALUES (?, ?, "
                "coalesce(?, ''), ?, ?, ?, coalesce(?, ''), coalesce(?, ''), "
                "CAST(? AS timestamptz), CAST(? AS timestamptz), ?, ?) RETURNING id"_s,
                { organizerId, Validation::simplifiedLine(*draft.title),
                    draft.description.value_or(QString()).trimmed(), draft.location->lat,
                    draft.location->lng, Validation::simplifiedLine(*draft.city),
                    Validation::simplifiedLine(draft.state.value_or(QString())),
                    Validation::simplifiedLine(draft.venue.value_or(QString())),
                    toIsoString(*draft.startTime), toIsoString(*draft.endTime),
                    *draft.attendeeLimit,
                    draft.offerWindowMinutes && *draft.offerWindowMinutes
                        ? QVariant(**draft.offerWindowMinutes)
                        : QVariant(QMetaType::fromType<int>()) });
            if (!insert || !insert->next())
                return { storageFailed(tx, "create event"), {} };
            const qint64 id = insert->value(0).toLongLong();
            insert->finish();
            const auto created = MeetupRepository::announceChange(s, id)
                ? MeetupRepository::loadOne(s, id)
                : Result<std::optional<EventRecord>>(std::nullopt);
            if (!created || !created.value() || !tx.commit())
                return { storageFailed(tx, "create event"), {} };
            qCInfo(lcEvents) << "event" << id << "created by user" << organizerId;
            return { HttpResponse::json(created.value()->event.toJson(), 201), created.value() };
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
        reply.send(HttpResponse::fromError(parsed.error()));
        return;
    }
    const EventDraft patch = std::move(parsed).value();
    const qint64 id = request.id();
    const qint64 userId = request.user->id;
    m_db.run([patch, id, userId](DbSession &s) -> WriteOutcome {
            Transaction tx(s);
            const auto locked = MeetupRepository::lockEvent(tx, id);
            if (!locked)
                return { HttpResponse::fromError(locked.error()), {} };
            if (!locked.value())
                return { notFound(), {} };
            if (locked.value()->organizerId != userId)
                return { HttpResponse::error(EC::Forbidden,
                             EventsText::tr("Only the organizer can change this meetup.")),
                    {} };
            const auto current = MeetupRepository::loadOne(s, id);
            if (!current || !current.value())
                return { storageFailed(tx, "load event"), {} };
            const Event &event = current.value()->event;
            if (current.value()->cancelled)
                return { HttpResponse::error(EC::Conflict,
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
            // Approved guests and held places (offers, accepted offers in review) stay: the
            // limit cannot go below them.
            const auto places = MeetupRepository::places(s, id);
            if (!places)
                return { storageFailed(tx, "update event"), {} };
            if (patch.attendeeLimit && *patch.attendeeLimit < places->taken)
                return { HttpResponse::error(EC::Conflict,
                             EventsText::tr("%n place(s) are taken already (approved or held "
                                            "for an offer); the limit cannot be lower.",
                                 nullptr, places->taken),
                             { { u"attendeeLimit"_s,
                                 EventsText::tr("At least %1.").arg(places->taken) } }),
                    {} };
            if (!errors.isEmpty())
                return { HttpResponse::validation(errors), {} };
            auto *upd = tx.exec(
                u"UPDATE events SET title = ?, description = coalesce(?, ''), lat = ?, lng = ?, "
                "city = ?, state = coalesce(?, ''), venue = coalesce(?, ''), start_time = CAST(? "
                "AS timestamptz), "
                "end_time = CAST(? AS timestamptz), attendee_limit = ?, "
                "offer_window_minutes = ?, updated_at = now() WHERE id = ?"_s,
                { Validation::simplifiedLine(*merged.title), merged.description->trimmed(),
                    merged.location->lat, merged.location->lng,
                    Validation::simplifiedLine(*merged.city),
                    Validation::simplifiedLine(*merged.state),
                    Validation::simplifiedLine(*merged.venue), toIsoString(*merged.startTime),
                    toIsoString(*merged.endTime), *merged.attendeeLimit,
                    merged.offerWindowMinutes && *merged.offerWindowMinutes
                        ? QVariant(**merged.offerWindowMinutes)
                        : QVariant(QMetaType::fromType<int>()),
                    id });
            if (!upd)
                return { storageFailed(tx, "update event"), {} };
            upd->finish();
            // More places (or a later start, or a longer window): the free places are offered
            // to the waitlist.
            if (!MeetupRepository::offerFreedPlaces(s, id))
                return { storageFailed(tx, "offer freed places"), {} };
            QJsonArray changes; // what the guests read in their notice
            if (*merged.startTime != event.startTime || *merged.endTime != event.endTime)
                changes.append(u"time"_s);
            if (!(*merged.location == event.location)
                || Validation::simplifiedLine(*merged.city) != event.city
                || Validation::simplifiedLine(*merged.venue) != event.venue)
                changes.append(u"place"_s);
            if (Validation::simplifiedLine(*merged.title) != event.title)
                changes.append(u"title"_s);
            if (merged.description->trimmed() != event.description)
                changes.append(u"description"_s);
            if (*merged.attendeeLimit != event.attendeeLimit)
                changes.append(u"limit"_s);
            const auto updated = publishChange(s, id, Chat::ServerFrame::EventUpdated);
            if (!updated
                || (!changes.isEmpty()
                    && !Notifications::postToAudience(s, id,
                        Notifications::Notice::make(0, Notifications::Type::MeetupChanged, id, 0,
                            u"event/%1"_s.arg(id), { { u"changes"_s, changes } })))
                || !tx.commit())
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
            const auto locked = MeetupRepository::lockEvent(tx, id);
            if (!locked)
                return { HttpResponse::fromError(locked.error()), {} };
            if (!locked.value())
                return { notFound(), {} };
            if (locked.value()->organizerId != userId)
                return { HttpResponse::error(EC::Forbidden,
                             EventsText::tr("Only the organizer can cancel "
                                            "this meetup.")),
                    {} };
            // Idempotent: cancelling twice keeps the first time (and tells the guests once).
            auto *upd = tx.exec(u"UPDATE events SET cancelled_at = coalesce(cancelled_at, now()), "
                                "updated_at = now() WHERE id = ? "
                                "RETURNING cancelled_at = now()"_s,
                { id });
            if (!upd || !upd->next())
                return { storageFailed(tx, "cancel event"), {} };
            const bool cancelledNow = upd->value(0).toBool();
            upd->finish();
            const auto cancelled = publishChange(s, id, Chat::ServerFrame::EventCancelled);
            if (!cancelled
                || (cancelledNow
                    && !Notifications::postToAudience(s, id,
                        Notifications::Notice::make(0, Notifications::Type::MeetupCancelled, id, 0,
                            u"event/%1"_s.arg(id), {}, u"cancelled:%1"_s.arg(id))))
                || !tx.commit())
                return { storageFailed(tx, "cancel event"), {} };
            qCInfo(lcEvents) << "event" << id << "cancelled";
            return { HttpResponse::json(cancelled->event.toJson()), cancelled };
        })
        .then([this, reply](const WriteOutcome &outcome) { finishWrite(outcome, reply); });
}

} // namespace Pudding::Server
