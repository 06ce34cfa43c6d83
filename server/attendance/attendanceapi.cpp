// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendanceapi.h"

#include "attendancelogging.h"
#include "db/database.h"
#include "http/multipart.h"
#include "jobs/jobworker.h"
#include "meetups/eventindex.h"
#include "meetups/meetuprepository.h"
#include "notifications/notifications.h"
#include "photos/photosapi.h"
#include "publish/livepublisher.h"
#include "shared/chat.h"
#include "shared/event.h"
#include "shared/protocol.h"
#include "shared/validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class AttendanceText
{
    Q_DECLARE_TR_FUNCTIONS(Attendance)
};
namespace EC = Protocol::ErrorCode;
using MeetupRepository::LockedEvent;

HttpResponse eventNotFound()
{
    return HttpResponse::error(EC::NotFound, AttendanceText::tr("There is no such meetup."));
}

HttpResponse storageFailed(const QSqlError &error, const char *what)
{
    return HttpResponse::fromError(databaseError(error, what));
}

HttpResponse rejectedError()
{
    return HttpResponse::error(EC::Rejected,
        AttendanceText::tr("The organizer declined your request for this "
                           "meetup. You can ask again only if the "
                           "organizer lifts the decision."));
}

/// What a write did, and what the index must learn after the commit.
struct Outcome
{
    Outcome(HttpResponse r, std::optional<EventRecord> c = std::nullopt)
        : response(std::move(r))
        , changed(std::move(c))
    { }
    HttpResponse response;
    std::optional<EventRecord> changed; ///< the event as committed, for the index
};

/// Locks the event's row in `tx`; not_found when there is no such event.
Result<LockedEvent> lockEvent(Transaction &tx, qint64 eventId)
{
    const auto locked = MeetupRepository::lockEvent(tx, eventId);
    if (!locked)
        return locked.error();
    if (!locked.value())
        return Error { QString(EC::NotFound), AttendanceText::tr("There is no such meetup."), {} };
    return *locked.value();
}

/// Announces the event's change and reloads it for the index; false when either failed.
bool announceAndReload(DbSession &s, qint64 eventId, std::optional<EventRecord> &record)
{
    if (!MeetupRepository::announceChange(s, eventId))
        return false;
    const auto loaded = MeetupRepository::loadOne(s, eventId);
    if (!loaded)
        return false;
    record = loaded.value();
    return record.has_value();
}

/// Why this user may not ask to join this event, checked before any photo work and again under
/// the event's lock: nothing when they may.
std::optional<HttpResponse> joinRefusal(
    const LockedEvent &event, qint64 userId, const std::optional<QString> &existingStatus)
{
    if (event.organizerId == userId)
        return HttpResponse::error(
            EC::Conflict, AttendanceText::tr("Organizers cannot join their own meetup."));
    if (event.cancelled)
        return HttpResponse::error(EC::Conflict, AttendanceText::tr("This meetup was cancelled."));
    if (event.started)
        return HttpResponse::error(
            EC::Conflict, AttendanceText::tr("This meetup has started already."));
    if (existingStatus == "REJECTED"_L1)
        return rejectedError();
    if (existingStatus && *existingStatus != "LEFT"_L1)
        return HttpResponse::error(EC::Conflict,
            AttendanceText::tr("You have asked to join this meetup "
                               "already."));
    return std::nullopt;
}
} // namespace

AttendanceApi::AttendanceApi(Database &db, EventIndex &index, PhotosApi &photos)
    : m_db(db)
    , m_index(index)
    , m_photos(photos)
{
    // The guest hears of an offer through the inbox (and mail); meetups/ makes the offer.
    MeetupRepository::setOfferNotice([](DbSession &s, const MeetupRepository::Offer &offer) {
        return Notifications::post(s,
            { offer.userId, QString::fromLatin1(Notifications::Type::WaitlistOffer), offer.eventId,
                offer.attendanceId, u"event/%1/offer"_s.arg(offer.eventId),
                QJsonObject { { u"expiresAt"_s, offer.expiresAtMs } }, {},
                u"waitlist_offer:%1:%2"_s.arg(offer.attendanceId).arg(offer.expiresAtMs) });
    });
}

void AttendanceApi::join(Request &request, const Reply &reply)
{
    auto parts = parseMultipart(request.header("content-type"), request.body);
    if (!parts) {
        reply.send(HttpResponse::fromError(parts.error()));
        return;
    }
    QString name;
    QString description = u""_s; // optional: empty, never SQL NULL
    const MultipartPart *photoPart = nullptr;
    for (const auto &part : parts.value()) {
        if (part.name == "puddingName" && !part.isFile())
            name = Validation::decodeTextPart(part.data);
        else if (part.name == "puddingDescription" && !part.isFile())
            description = Validation::decodeTextPart(part.data);
        else if (part.name == "photo")
            photoPart = &part;
    }
    FieldErrors errors = Validation::validateJoinRequest(name, description);
    if (!photoPart || photoPart->data.isEmpty())
        errors.append({ u"photo"_s, AttendanceText::tr("Add a photo of your pudding.") });
    if (!errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    const QByteArray photoBytes = photoPart->data;
    const qint64 eventId = request.id();
    const qint64 userId = request.user->id;
    name = Validation::normalizedText(name, Validation::TextKind::SingleLine);
    description = Validation::normalizedText(description, Validation::TextKind::MultiLine);

    // Whether this user may join at all is known before the photo costs anything: a refused
    // request neither decodes nor stores a photo. The transaction checks again under the lock.
    m_db.run([eventId, userId](DbSession &s) -> std::optional<HttpResponse> {
            auto *q = s.run(u"SELECT e.organizer_id, e.attendee_limit, e.cancelled_at IS NOT NULL, "
                            "e.start_time <= now(), (SELECT a.status FROM attendances a WHERE "
                            "a.event_id = e.id AND a.user_id = ?) FROM events e WHERE e.id = ?"_s,
                { userId, eventId });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "join check"));
            if (!q->next())
                return eventNotFound();
            const LockedEvent event { q->value(0).toLongLong(), q->value(1).toInt(),
                q->value(2).toBool(), q->value(3).toBool() };
            const std::optional<QString> existing
                = q->value(4).isNull() ? std::nullopt : std::optional(q->value(4).toString());
            q->finish();
            return joinRefusal(event, userId, existing);
        })
        .then([=, this](const std::optional<HttpResponse> &refusal) {
            if (refusal) {
                reply.send(*refusal);
                return;
            }
            // Decode and store off every HTTP and database thread, then one short transaction.
            m_photos.processAndStore(photoBytes)
                .then([=, this](const Result<ProcessedPhoto> &photo) {
                    if (!photo) {
                        reply.send(HttpResponse::fromError(photo.error()));
                        return;
                    }
                    const ProcessedPhoto &processed = photo.value();
                    m_db.run([=](DbSession &s) -> Outcome {
                            Transaction tx(s);
                            const auto locked = lockEvent(tx, eventId);
                            if (!locked)
                                return { HttpResponse::fromError(locked.error()) };
                            const LockedEvent event = locked.value();
                            auto *existing = tx.exec(u"SELECT id, status FROM attendances WHERE "
                                                     "event_id = ? AND user_id = ?"_s,
                                { eventId, userId });
                            if (!existing)
                                return { storageFailed(tx.error(), "join") };
                            std::optional<QString> status;
                            qint64 oldId = 0;
                            if (existing->next()) {
                                oldId = existing->value(0).toLongLong();
                                status = existing->value(1).toString();
                            }
                            existing->finish();
                            if (auto late = joinRefusal(event, userId, status))
                                return { *late };
                            // Joining again after leaving: a fresh request at the end of the queue.
                            if (oldId != 0) {
                                auto *del
                                    = tx.exec(u"DELETE FROM attendances WHERE id = ?"_s, { oldId });
                                if (!del)
                                    return { storageFailed(tx.error(), "rejoin") };
                                del->finish();
                            }
                            const auto places = MeetupRepository::places(s, eventId);
                            const auto photoId = places
                                ? PhotosApi::insertPhoto(s, userId, processed)
                                : std::nullopt;
                            // No queue jumping: while anyone waits (or holds an offer), a
                            // new request queues behind them even if a place is free.
                            const QString newStatus
                                = places && (places->taken >= event.limit || places->waiting > 0)
                                ? u"WAITLISTED"_s
                                : u"PENDING"_s;
                            auto *insert = !photoId
                                ? nullptr
                                : tx.exec(u"INSERT INTO attendances(event_id, user_id, status, "
                                          "pudding_name, pudding_description, photo_id) VALUES "
                                          "(?, ?, ?, ?, coalesce(?, ''), ?) RETURNING id"_s,
                                    { eventId, userId, newStatus, name, description, *photoId });
                            if (!insert || !insert->next())
                                return { storageFailed(tx.error(), "join") };
                            const qint64 id = insert->value(0).toLongLong();
                            insert->finish();
                            // Queued behind an open offer while a place is free (the limit
                            // was raised meanwhile): the free place is offered in turn, maybe
                            // to this very request.
                            if (newStatus == "WAITLISTED"_L1
                                && !MeetupRepository::offerFreedPlaces(s, eventId))
                                return { storageFailed(tx.error(), "offer freed places") };
                            const auto a = MeetupRepository::loadAttendance(s, id);
                            // The organizer's review queue shows it at once (sent at COMMIT);
                            // a request to review is also a notice (inbox, mail).
                            if (!a || !a.value()
                                || !LivePublisher::notifyUsers(s, { event.organizerId },
                                    Chat::frame(Chat::ServerFrame::NewJoinRequest,
                                        { { u"attendance"_s, a.value()->toJson() } }))
                                || (newStatus == u"PENDING"
                                    && !Notifications::post(s,
                                        Notifications::Notice::make(event.organizerId,
                                            Notifications::Type::JoinRequest, eventId, id,
                                            u"event/%1/requests"_s.arg(eventId),
                                            { { u"guestName"_s, a.value()->user.name },
                                                { u"puddingName"_s, name } })))
                                || !tx.commit())
                                return { storageFailed(tx.error(), "join") };
                            qCInfo(lcAttendance) << "user" << userId << "asked to join event"
                                                 << eventId << "as" << newStatus;
                            return { HttpResponse::json(
                                QJsonObject { { u"attendance"_s, a.value()->toJson() } }, 201) };
                        })
                        .then([reply](const Outcome &o) { reply.send(o.response); });
                });
        });
}

void AttendanceApi::list(Request &request, const Reply &reply)
{
    const qint64 eventId = request.id();
    const qint64 userId = request.user->id;
    std::optional<AttendanceStatus> filter;
    if (request.query.hasQueryItem(u"status"_s)) {
        filter = attendanceStatusFromString(request.queryValue(u"status"_s));
        if (!filter) {
            reply.send(HttpResponse::validation({ { u"status"_s,
                AttendanceText::tr("Use PENDING, APPROVED, REJECTED, "
                                   "WAITLISTED, OFFERED or LEFT.") } }));
            return;
        }
    }
    const QString status = filter ? toString(*filter) : QString();
    m_db.run([=](DbSession &s) -> HttpResponse {
            auto *owner = s.run(u"SELECT organizer_id FROM events WHERE id = ?"_s, { eventId });
            if (!owner)
                return HttpResponse::fromError(databaseError(s.lastError(), "list"));
            if (!owner->next())
                return eventNotFound();
            const qint64 organizerId = owner->value(0).toLongLong();
            owner->finish();
            if (organizerId != userId)
                return HttpResponse::error(EC::Forbidden,
                    AttendanceText::tr("Only the organizer sees the "
                                       "requests."));
            auto *q = s.run(MeetupRepository::selectAttendanceSql()
                    % u"WHERE a.event_id = ? AND (coalesce(?, '') = '' OR "
                      "a.status = ?) ORDER BY a.id"_s,
                { eventId, status, status });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "list"));
            QJsonArray list;
            while (q->next()) {
                QJsonObject json = MeetupRepository::attendanceFromRow(*q).toJson();
                if (json.contains(u"photoId"_s)) {
                    const QString base
                        = u"/api/photos/"_s + QString::number(json.value("photoId"_L1).toInteger());
                    json.insert(u"photoUrl"_s, base);
                    json.insert(u"thumbnailUrl"_s, QString(base + u"?size=thumb"_s));
                }
                list.append(json);
            }
            q->finish();
            return HttpResponse::json(QJsonObject { { u"attendances"_s, list } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void AttendanceApi::decide(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    if (body->contains("preapproved"_L1) && !body->contains("status"_L1)) {
        setPreapproved(request, reply, *body);
        return;
    }
    const auto target = attendanceStatusFromString(body->value("status"_L1).toString());
    FieldErrors errors;
    if (!target || (*target != AttendanceStatus::Approved && *target != AttendanceStatus::Rejected))
        errors.append({ u"status"_s, AttendanceText::tr("Use APPROVED or REJECTED.") });
    const QJsonValue noteValue = body->value("note"_L1);
    if (!noteValue.isUndefined() && !noteValue.isNull() && !noteValue.isString())
        errors.append({ u"note"_s, AttendanceText::tr("Must be a text.") });
    else
        errors += Validation::validateDecisionNote(noteValue.toString());
    if (!errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    const QString note
        = Validation::normalizedText(noteValue.toString(), Validation::TextKind::MultiLine);
    const qint64 eventId = request.id(0);
    const qint64 attendanceId = request.id(1);
    const qint64 userId = request.user->id;
    const AttendanceStatus to = *target;
    m_db.run([=](DbSession &s) -> Outcome {
            Transaction tx(s);
            const auto locked = lockEvent(tx, eventId);
            if (!locked)
                return { HttpResponse::fromError(locked.error()) };
            const LockedEvent event = locked.value();
            if (event.organizerId != userId)
                return { HttpResponse::error(
                    EC::Forbidden, AttendanceText::tr("Only the organizer decides.")) };
            const auto loaded = MeetupRepository::loadAttendance(s, attendanceId);
            if (!loaded)
                return { storageFailed(tx.error(), "decide") };
            const auto &current = loaded.value();
            if (!current || current->eventId != eventId)
                return { HttpResponse::error(
                    EC::NotFound, AttendanceText::tr("There is no such request.")) };
            if (!isOrganizerTransitionAllowed(current->status, to))
                return { HttpResponse::error(EC::Conflict,
                    AttendanceText::tr("A %1 request cannot become %2.")
                        .arg(toString(current->status), toString(to))) };
            const auto places = MeetupRepository::places(s, eventId);
            if (!places)
                return { storageFailed(tx.error(), "decide") };
            // Approving a request that holds a place (an accepted offer) turns the held place
            // into an approved one; any other approval needs a free place.
            if (to == AttendanceStatus::Approved && !current->holdsPlace
                && places->taken >= event.limit)
                return { HttpResponse::error(EC::EventFull,
                    AttendanceText::tr(
                        "The meetup is full: all %n place(s) are taken.", nullptr, event.limit)) };
            auto *upd = tx.exec(u"UPDATE attendances SET status = ?, note = ?, holds_place = "
                                "false, offer_expires_at = NULL, updated_at = now() WHERE id = ?"_s,
                { toString(to), note.isEmpty() ? QVariant() : QVariant(note), attendanceId });
            if (!upd)
                return { storageFailed(tx.error(), "decide") };
            upd->finish();
            // A place freed up (an approved guest removed, a held place rejected): it is
            // offered to the next in the queue.
            if (!MeetupRepository::offerFreedPlaces(s, eventId))
                return { storageFailed(tx.error(), "offer freed places") };
            const auto reloaded = MeetupRepository::loadAttendance(s, attendanceId);
            const auto updated = reloaded ? reloaded.value() : std::nullopt;
            std::optional<EventRecord> record;
            // The attendee hears the decision at once; a rejected one leaves the chat room.
            const bool published = updated && announceAndReload(s, eventId, record)
                && LivePublisher::notifyUsers(s, { updated->user.id },
                    Chat::frame(to == AttendanceStatus::Approved
                            ? Chat::ServerFrame::AttendanceApproved
                            : Chat::ServerFrame::AttendanceRejected,
                        { { u"attendance"_s, updated->toJson() } }))
                && (to != AttendanceStatus::Rejected
                    || LivePublisher::notifyRemoved(s, eventId, updated->user.id))
                && Notifications::post(s,
                    Notifications::Notice::make(updated->user.id,
                        to == AttendanceStatus::Approved ? Notifications::Type::Approved
                                                         : Notifications::Type::Rejected,
                        eventId, attendanceId, u"event/%1"_s.arg(eventId),
                        { { u"note"_s, note } }));
            if (!published || !tx.commit())
                return { storageFailed(tx.error(), "decide") };
            return { HttpResponse::json(QJsonObject { { u"attendance"_s, updated->toJson() } }),
                record };
        })
        .then([this, reply](const Outcome &o) {
            if (o.changed)
                m_index.upsert(*o.changed);
            reply.send(o.response);
        });
}

void AttendanceApi::lift(Request &request, const Reply &reply)
{
    const qint64 eventId = request.id(0);
    const qint64 attendanceId = request.id(1);
    const qint64 userId = request.user->id;
    m_db.run([=](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            const auto locked = lockEvent(tx, eventId);
            if (!locked)
                return HttpResponse::fromError(locked.error());
            if (locked.value().organizerId != userId)
                return HttpResponse::error(
                    EC::Forbidden, AttendanceText::tr("Only the organizer decides."));
            auto *q = tx.exec(u"SELECT status FROM attendances WHERE id = ? AND event_id = ?"_s,
                { attendanceId, eventId });
            if (!q)
                return storageFailed(tx.error(), "lift");
            if (!q->next())
                return HttpResponse::error(
                    EC::NotFound, AttendanceText::tr("There is no such request."));
            const QString status = q->value(0).toString();
            q->finish();
            if (status != "REJECTED"_L1)
                return HttpResponse::error(EC::Conflict,
                    AttendanceText::tr("Only a declined request can be "
                                       "lifted."));
            // The guest may ask again; their old request (and its photo) are gone.
            auto *del = tx.exec(u"DELETE FROM attendances WHERE id = ?"_s, { attendanceId });
            if (!del)
                return storageFailed(tx.error(), "lift");
            del->finish();
            if (!tx.commit())
                return storageFailed(tx.error(), "lift");
            return HttpResponse::noContent();
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void AttendanceApi::leave(Request &request, const Reply &reply)
{
    leaveEvent({ request.id(), request.user->id, false, 0 }).then([reply](const HttpResponse &r) {
        reply.send(r);
    });
}

void AttendanceApi::cantCome(Request &request, const Reply &reply)
{
    leaveEvent({ request.id(), request.user->id, true, 0 }).then([reply](const HttpResponse &r) {
        reply.send(r);
    });
}

QFuture<HttpResponse> AttendanceApi::leaveEvent(const Leave &leave)
{
    const qint64 eventId = leave.eventId;
    const qint64 userId = leave.userId;
    return m_db
        .run([=](DbSession &s) -> Outcome {
            Transaction tx(s);
            // Leaving needs the event's lock: promotion must not race.
            const auto locked = lockEvent(tx, eventId);
            if (!locked)
                return { HttpResponse::fromError(locked.error()) };
            auto *q = tx.exec(u"SELECT id, status FROM attendances WHERE event_id = ? AND "
                              "user_id = ? AND status <> 'LEFT'"_s,
                { eventId, userId });
            if (!q)
                return { storageFailed(tx.error(), "leave") };
            if (!q->next()
                || (leave.attendanceId != 0 && q->value(0).toLongLong() != leave.attendanceId))
                return { HttpResponse::error(EC::NotFound,
                    AttendanceText::tr("You have not asked to join this "
                                       "meetup.")) };
            const qint64 id = q->value(0).toLongLong();
            const QString status = q->value(1).toString();
            q->finish();
            // A declined request stays declined: leaving it would open the way to ask again.
            if (status == "REJECTED"_L1)
                return { rejectedError() };
            if (leave.approvedOnly && status != "APPROVED"_L1)
                return { HttpResponse::error(EC::Conflict,
                    AttendanceText::tr("Only an approved guest can give back a place.")) };
            auto *upd = tx.exec(u"UPDATE attendances SET status = 'LEFT', holds_place = false, "
                                "offer_expires_at = NULL, updated_at = now() WHERE id = ?"_s,
                { id });
            if (!upd)
                return { storageFailed(tx.error(), "leave") };
            upd->finish();
            // An approved or held place is free now: offered to the next in the queue.
            if (!MeetupRepository::offerFreedPlaces(s, eventId))
                return { storageFailed(tx.error(), "offer freed places") };
            std::optional<EventRecord> record;
            const auto reloaded = MeetupRepository::loadAttendance(s, id);
            const auto left = reloaded ? reloaded.value() : std::nullopt;
            // The user's other sockets leave the room too.
            if (!left || !announceAndReload(s, eventId, record)
                || !LivePublisher::notifyRemoved(s, eventId, userId) || !tx.commit())
                return { storageFailed(tx.error(), "leave") };
            return { HttpResponse::json(QJsonObject { { u"attendance"_s, left->toJson() } }),
                record };
        })
        .then([this](const Outcome &o) {
            if (o.changed)
                m_index.upsert(*o.changed);
            return o.response;
        });
}

void AttendanceApi::mine(Request &request, const Reply &reply)
{
    const qint64 userId = request.user->id;
    m_db.run([this, userId](DbSession &s) -> HttpResponse {
            auto *q = s.run(MeetupRepository::selectAttendanceSql()
                    % u"WHERE a.user_id = ? AND a.status <> 'LEFT' ORDER BY a.id DESC"_s,
                { userId });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "mine"));
            QJsonArray list;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            while (q->next()) {
                const Attendance a = MeetupRepository::attendanceFromRow(*q);
                QJsonObject o = a.toJson();
                // Each with its event as this user may see it: the index's one rule decides
                // the place (a pending or rejected guest gets the public point).
                if (const auto json = m_index.eventJson(a.eventId, now, Viewer::user(userId)))
                    o.insert(u"event"_s, QJsonDocument::fromJson(*json).object());
                list.append(o);
            }
            q->finish();
            return HttpResponse::json(QJsonObject { { u"attendances"_s, list } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

namespace {
/// The caller's open attendance of the event (not LEFT), under the event lock.
Result<std::optional<Attendance>> ownAttendance(DbSession &s, qint64 eventId, qint64 userId)
{
    auto *q = s.run(u"SELECT id FROM attendances WHERE event_id = ? AND user_id = ? AND "
                    "status <> 'LEFT'"_s,
        { eventId, userId });
    if (!q)
        return databaseError(s.lastError(), "own attendance");
    const qint64 id = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    if (id == 0)
        return std::optional<Attendance>();
    return MeetupRepository::loadAttendance(s, id);
}

HttpResponse noOffer()
{
    return HttpResponse::error(EC::Conflict,
        AttendanceText::tr("There is no open offer for you: it expired or was taken back."));
}
} // namespace

void AttendanceApi::answerOffer(Request &request, const Reply &reply, bool accept)
{
    const qint64 eventId = request.id();
    const qint64 userId = request.user->id;
    m_db.run([=](DbSession &s) -> Outcome {
            Transaction tx(s);
            const auto locked = lockEvent(tx, eventId);
            if (!locked)
                return { HttpResponse::fromError(locked.error()) };
            const LockedEvent event = locked.value();
            const auto own = ownAttendance(s, eventId, userId);
            if (!own)
                return { HttpResponse::fromError(own.error()) };
            if (!own.value() || !isOfferAnswerable(own.value()->status))
                return { noOffer() };
            const Attendance &offered = *own.value();
            // An offer past its expiry is gone even before its job ran (pudding_now()).
            QString sql;
            if (!accept)
                sql = u"UPDATE attendances SET status = 'LEFT', holds_place = false, "
                      "offer_expires_at = NULL, updated_at = now() WHERE id = ? AND "
                      "status = 'OFFERED' RETURNING id"_s;
            else if (offered.preapproved)
                sql = u"UPDATE attendances SET status = 'APPROVED', holds_place = false, "
                      "offer_expires_at = NULL, updated_at = now() WHERE id = ? AND "
                      "status = 'OFFERED' AND offer_expires_at > pudding_now() RETURNING id"_s;
            else
                sql = u"UPDATE attendances SET status = 'PENDING', holds_place = true, "
                      "offer_expires_at = NULL, updated_at = now() WHERE id = ? AND "
                      "status = 'OFFERED' AND offer_expires_at > pudding_now() RETURNING id"_s;
            auto *upd = tx.exec(sql, { offered.id });
            if (!upd)
                return { storageFailed(tx.error(), "answer offer") };
            const bool changed = upd->next();
            upd->finish();
            if (!changed)
                return { noOffer() };
            const auto reloaded = MeetupRepository::loadAttendance(s, offered.id);
            const auto updated = reloaded ? reloaded.value() : std::nullopt;
            if (!updated)
                return { storageFailed(tx.error(), "answer offer") };
            std::optional<EventRecord> record;
            bool ok = true;
            if (!accept) {
                // Declined: the place goes to the next in the queue.
                ok = MeetupRepository::offerFreedPlaces(s, eventId)
                    && LivePublisher::notifyRemoved(s, eventId, userId);
            } else {
                // The organizer's review queue shows the request at once.
                ok = LivePublisher::notifyUsers(s, { event.organizerId },
                    Chat::frame(Chat::ServerFrame::NewJoinRequest,
                        { { u"attendance"_s, updated->toJson() } }));
                if (ok && updated->status == AttendanceStatus::Pending)
                    ok = Notifications::post(s,
                        { event.organizerId, QString::fromLatin1(Notifications::Type::JoinRequest),
                            eventId, updated->id, u"event/%1/requests"_s.arg(eventId),
                            QJsonObject { { u"guestName"_s, updated->user.name },
                                { u"puddingName"_s, updated->puddingName } },
                            {}, u"join_request:%1"_s.arg(updated->id) });
                if (ok && updated->status == AttendanceStatus::Approved)
                    ok = LivePublisher::notifyUsers(s, { userId },
                        Chat::frame(Chat::ServerFrame::AttendanceApproved,
                            { { u"attendance"_s, updated->toJson() } }));
            }
            if (!ok || !announceAndReload(s, eventId, record) || !tx.commit())
                return { storageFailed(tx.error(), "answer offer") };
            qCInfo(lcAttendance) << "user" << userId << (accept ? "accepted" : "declined")
                                 << "the offer of event" << eventId << "->"
                                 << toString(updated->status);
            return { HttpResponse::json(QJsonObject { { u"attendance"_s, updated->toJson() } }),
                record };
        })
        .then([this, reply](const Outcome &o) {
            if (o.changed)
                m_index.upsert(*o.changed);
            reply.send(o.response);
        });
}

void AttendanceApi::setPreapproved(Request &request, const Reply &reply, const QJsonObject &body)
{
    const QJsonValue value = body.value("preapproved"_L1);
    if (!value.isBool()) {
        reply.send(HttpResponse::validation(
            { { u"preapproved"_s, AttendanceText::tr("Must be true or false.") } }));
        return;
    }
    const bool preapproved = value.toBool();
    const qint64 eventId = request.id(0);
    const qint64 attendanceId = request.id(1);
    const qint64 userId = request.user->id;
    m_db.run([=](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            const auto locked = lockEvent(tx, eventId);
            if (!locked)
                return HttpResponse::fromError(locked.error());
            if (locked.value().organizerId != userId)
                return HttpResponse::error(
                    EC::Forbidden, AttendanceText::tr("Only the organizer decides."));
            const auto loaded = MeetupRepository::loadAttendance(s, attendanceId);
            if (!loaded)
                return storageFailed(tx.error(), "preapprove");
            const auto &current = loaded.value();
            if (!current || current->eventId != eventId)
                return HttpResponse::error(
                    EC::NotFound, AttendanceText::tr("There is no such request."));
            if (!isPreapprovable(current->status))
                return HttpResponse::error(EC::Conflict,
                    AttendanceText::tr("Only a waiting request (waitlisted or offered) can be "
                                       "pre-approved."),
                    { { u"preapproved"_s, AttendanceText::tr("The request does not wait.") } });
            auto *upd = tx.exec(u"UPDATE attendances SET preapproved = ?, updated_at = now() "
                                "WHERE id = ?"_s,
                { preapproved, attendanceId });
            if (!upd)
                return storageFailed(tx.error(), "preapprove");
            upd->finish();
            const auto reloaded = MeetupRepository::loadAttendance(s, attendanceId);
            if (!reloaded || !reloaded.value() || !tx.commit())
                return storageFailed(tx.error(), "preapprove");
            return HttpResponse::json(
                QJsonObject { { u"attendance"_s, reloaded.value()->toJson() } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void AttendanceApi::regulars(Request &request, const Reply &reply)
{
    const qint64 userId = request.user->id;
    m_db.run([userId](DbSession &s) -> HttpResponse {
            auto *q = s.run(u"SELECT u.id, u.name FROM regulars r JOIN users u ON "
                            "u.id = r.user_id WHERE r.organizer_id = ? ORDER BY u.name, u.id"_s,
                { userId });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "regulars"));
            QJsonArray list;
            while (q->next())
                list.append(QJsonObject {
                    { u"id"_s, q->value(0).toLongLong() }, { u"name"_s, q->value(1).toString() } });
            q->finish();
            return HttpResponse::json(QJsonObject { { u"regulars"_s, list } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void AttendanceApi::setRegular(Request &request, const Reply &reply, bool regular)
{
    const qint64 organizerId = request.user->id;
    const qint64 userId = request.id();
    if (regular && userId == organizerId) {
        reply.send(HttpResponse::validation(
            { { u"userId"_s, AttendanceText::tr("You cannot be your own regular.") } }));
        return;
    }
    m_db.run([=](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            auto *q = regular
                ? tx.exec(u"INSERT INTO regulars (organizer_id, user_id) SELECT ?, id FROM users "
                          "WHERE id = ? ON CONFLICT DO NOTHING RETURNING user_id"_s,
                    { organizerId, userId })
                : tx.exec(u"DELETE FROM regulars WHERE organizer_id = ? AND user_id = ? "
                          "RETURNING user_id"_s,
                    { organizerId, userId });
            if (!q)
                return storageFailed(tx.error(), "regular");
            const bool changed = q->next();
            q->finish();
            if (regular && !changed) {
                // Either the user does not exist or is a regular already (idempotent PUT).
                auto *exists = tx.exec(u"SELECT 1 FROM users WHERE id = ?"_s, { userId });
                if (!exists)
                    return storageFailed(tx.error(), "regular");
                const bool known = exists->next();
                exists->finish();
                if (!known)
                    return HttpResponse::error(
                        EC::NotFound, AttendanceText::tr("There is no such person."));
            }
            if (!tx.commit())
                return storageFailed(tx.error(), "regular");
            return HttpResponse::noContent();
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void AttendanceApi::registerJobs(JobWorker &worker)
{
    worker.registerHandler(u"offer_expire"_s, [](DbSession &s, const Job &job) {
        const qint64 id = job.payload.value("attendanceId"_L1).toInteger();
        const qint64 expiresAt = job.payload.value("expiresAt"_L1).toInteger();
        if (id <= 0 || expiresAt <= 0)
            return JobResult::dead(u"offer_expire: payload without attendanceId/expiresAt"_s);
        const auto result = expireOffer(s, id, expiresAt, &job);
        if (!result)
            return JobResult::retry(result.error().message);
        if (result.value() == Expiry::NotDue)
            return JobResult::retry(u"offer not due yet on the queue's clock"_s);
        return JobResult::done();
    });
}

Result<AttendanceApi::Expiry> AttendanceApi::expireOffer(
    DbSession &s, qint64 attendanceId, qint64 expiresAtMs, const Job *job)
{
    Transaction tx(s);
    auto *find = tx.exec(u"SELECT event_id FROM attendances WHERE id = ?"_s, { attendanceId });
    if (!find)
        return databaseError(tx.error(), "expire offer");
    const qint64 eventId = find->next() ? find->value(0).toLongLong() : 0;
    find->finish();
    if (eventId == 0) // the request is gone (lifted and asked again): nothing to expire
        return Expiry::Gone;
    const auto locked = MeetupRepository::lockEvent(tx, eventId);
    if (!locked)
        return locked.error();
    // Under the event lock: still this very offer, and due by the shared clock. A repeat
    // (after a crash, or a second claim) finds it LEFT already and changes nothing.
    auto *upd = tx.exec(u"UPDATE attendances SET status = 'LEFT', holds_place = false, "
                        "offer_expires_at = NULL, updated_at = now() WHERE id = ? AND "
                        "status = 'OFFERED' AND (extract(epoch FROM offer_expires_at) * 1000)"
                        "::bigint = ? AND offer_expires_at <= pudding_now() RETURNING user_id"_s,
        { attendanceId, expiresAtMs });
    if (!upd)
        return databaseError(tx.error(), "expire offer");
    if (!upd->next()) {
        upd->finish();
        // Still this offer but not due (the shared clock went back): try again later.
        auto *open = tx.exec(u"SELECT 1 FROM attendances WHERE id = ? AND status = 'OFFERED' "
                             "AND (extract(epoch FROM offer_expires_at) * 1000)::bigint = ?"_s,
            { attendanceId, expiresAtMs });
        if (!open)
            return databaseError(tx.error(), "expire offer");
        const bool notDue = open->next();
        open->finish();
        return notDue ? Expiry::NotDue : Expiry::Gone;
    }
    const qint64 userId = upd->value(0).toLongLong();
    upd->finish();
    const auto reloaded = MeetupRepository::loadAttendance(s, attendanceId);
    const bool ok = reloaded && reloaded.value()
        && Notifications::post(s,
            { userId, QString::fromLatin1(Notifications::Type::OfferExpired), eventId, attendanceId,
                u"event/%1"_s.arg(eventId), {}, {},
                u"offer_expired:%1:%2"_s.arg(attendanceId).arg(expiresAtMs) })
        && LivePublisher::notifyUsers(s, { userId },
            Chat::frame(Chat::ServerFrame::WaitlistOffer,
                { { u"attendance"_s, reloaded.value()->toJson() } }))
        && LivePublisher::notifyRemoved(s, eventId, userId)
        && MeetupRepository::offerFreedPlaces(s, eventId)
        && MeetupRepository::announceChange(s, eventId) && (!job || JobWorker::markDone(tx, *job));
    if (!ok || !tx.commit())
        return databaseError(tx.error(), "expire offer");
    qCInfo(lcAttendance) << "offer" << attendanceId << "of event" << eventId << "expired";
    return Expiry::Expired;
}

} // namespace Pudding::Server
