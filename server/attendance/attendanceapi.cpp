// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendanceapi.h"

#include "db/database.h"
#include "events/eventindex.h"
#include "events/eventsapi.h"
#include "http/logging.h"
#include "http/multipart.h"
#include "live/livehub.h"
#include "photos/photoprocessor.h"
#include "shared/chat.h"
#include "shared/event.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>
#include <variant>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class AttendanceText
{
    Q_DECLARE_TR_FUNCTIONS(Attendance)
};
namespace EC = Protocol::ErrorCode;

const QString kSelectAttendance =
        u"SELECT a.id, a.event_id, a.user_id, u.name, a.status, a.pudding_name, "
        "a.pudding_description, coalesce(a.photo_id, 0), coalesce(a.note, ''), "
        "(extract(epoch from a.created_at) * 1000)::bigint, "
        "(extract(epoch from a.updated_at) * 1000)::bigint, "
        "CASE WHEN a.status = 'WAITLISTED' THEN (SELECT count(*) FROM attendances w "
        "  WHERE w.event_id = a.event_id AND w.status = 'WAITLISTED' AND w.id <= a.id) "
        "ELSE 0 END "
        "FROM attendances a JOIN users u ON u.id = a.user_id "_s;

Attendance attendanceFromRow(const QSqlQuery &q)
{
    Attendance a;
    a.id = q.value(0).toLongLong();
    a.eventId = q.value(1).toLongLong();
    a.user = { q.value(2).toLongLong(), q.value(3).toString() };
    a.status = attendanceStatusFromString(q.value(4).toString()).value_or(AttendanceStatus::Pending);
    a.puddingName = q.value(5).toString();
    a.puddingDescription = q.value(6).toString();
    a.photoId = q.value(7).toLongLong();
    a.note = q.value(8).toString();
    a.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong(), QTimeZone::utc());
    a.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), QTimeZone::utc());
    a.waitlistPosition = q.value(11).toInt();
    return a;
}

std::optional<Attendance> loadAttendance(DbSession &s, qint64 id)
{
    auto *q = s.prepared(kSelectAttendance % u"WHERE a.id = ?"_s);
    if (!s.exec(q, { id }))
        return std::nullopt;
    std::optional<Attendance> a;
    if (q->next())
        a = attendanceFromRow(*q);
    q->finish();
    return a;
}

HttpResponse eventNotFound()
{
    return HttpResponse::error(404, EC::NotFound, AttendanceText::tr("There is no such meetup."));
}

/// What a write did, and what the index must learn afterwards.
struct Outcome
{
    HttpResponse response;
    qint64 eventId = 0;
    int approved = -1; ///< the new approved count, or -1 if unchanged
};

/// The event row, locked for the rest of the transaction.
struct LockedEvent
{
    qint64 organizerId = 0;
    int limit = 0;
    bool cancelled = false;
    bool started = false;
};

std::optional<LockedEvent> lockEvent(DbSession &s, qint64 eventId, bool *failed)
{
    auto *q = s.prepared(u"SELECT organizer_id, attendee_limit, cancelled_at IS NOT NULL, "
                         "start_time <= now() FROM events WHERE id = ? FOR UPDATE"_s);
    if (!s.exec(q, { eventId })) {
        *failed = true;
        return std::nullopt;
    }
    std::optional<LockedEvent> e;
    if (q->next())
        e = LockedEvent { q->value(0).toLongLong(), q->value(1).toInt(), q->value(2).toBool(),
                          q->value(3).toBool() };
    q->finish();
    return e;
}

/// BEGIN, then the event's row locked for the rest of the transaction. On failure the
/// transaction is already rolled back and the response to send comes back instead.
std::variant<LockedEvent, HttpResponse> beginWithEventLocked(DbSession &s, qint64 eventId)
{
    if (!s.execDirect(u"BEGIN"_s))
        return HttpResponse::error(503, databaseError(s.lastError(), "begin"));
    bool failed = false;
    const auto event = lockEvent(s, eventId, &failed);
    if (event)
        return *event;
    const HttpResponse response = failed
            ? HttpResponse::error(503, databaseError(s.lastError(), "lock"))
            : eventNotFound();
    s.execDirect(u"ROLLBACK"_s);
    return response;
}

void announce(DbSession &s, qint64 eventId)
{
    auto *notify = s.prepared(u"SELECT pg_notify(?, ?)"_s);
    if (s.exec(notify, { QString::fromLatin1(EventsApi::NotifyChannel), QString::number(eventId) }))
        notify->finish();
}
} // namespace

AttendanceApi::AttendanceApi(Database &db, EventIndex &index, const QString &photoDir)
    : m_db(db)
    , m_index(index)
    , m_store(photoDir)
{
    m_photoPool.setMaxThreadCount(2);
    m_photoPool.setObjectName(u"pudding-photos"_s);
}

AttendanceApi::~AttendanceApi()
{
    m_photoPool.waitForDone();
}

void AttendanceApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    const Router::Options auth { Router::Auth::Required };
    router.add(M::Post, u"/api/attendance/events/<id>/join"_s,
               [this](Request &r, const Reply &reply) { join(r, reply); },
               { Router::Auth::Required, 6 * 1024 * 1024 });
    router.add(M::Get, u"/api/attendance/events/<id>/attendances"_s,
               [this](Request &r, const Reply &reply) { list(r, reply); }, auth);
    router.add(M::Patch, u"/api/attendance/events/<id>/attendances/<id>"_s,
               [this](Request &r, const Reply &reply) { decide(r, reply); }, auth);
    router.add(M::Delete, u"/api/attendance/events/<id>/attendance"_s,
               [this](Request &r, const Reply &reply) { leave(r, reply); }, auth);
    router.add(M::Get, u"/api/attendance/mine"_s,
               [this](Request &r, const Reply &reply) { mine(r, reply); }, auth);
    router.add(M::Post, u"/api/photos"_s,
               [this](Request &r, const Reply &reply) { upload(r, reply); },
               { Router::Auth::Required, 6 * 1024 * 1024 });
    router.add(M::Get, u"/api/photos/<id>"_s,
               [this](Request &r, const Reply &reply) { photo(r, reply); }, auth);
}

int AttendanceApi::promoteWaitlisted(DbSession &s, qint64 eventId, int places)
{
    if (places <= 0)
        return 0;
    auto *q = s.prepared(u"UPDATE attendances SET status = 'PENDING', updated_at = now() "
                         "WHERE id IN (SELECT id FROM attendances WHERE event_id = ? AND "
                         "status = 'WAITLISTED' ORDER BY id LIMIT ?) RETURNING id"_s);
    if (!s.exec(q, { eventId, places }))
        return 0;
    QList<qint64> promoted;
    while (q->next())
        promoted.append(q->value(0).toLongLong());
    // Each promoted attendee hears it live (sent when the caller's transaction commits).
    for (const qint64 id : std::as_const(promoted)) {
        if (const auto a = loadAttendance(s, id))
            LiveHub::notifyUsers(s, { a->user.id },
                                 Chat::frame(Chat::ServerFrame::WaitlistPromoted,
                                             { { u"attendance"_s, a->toJson() } }));
    }
    return int(promoted.size());
}

int AttendanceApi::approvedCount(DbSession &s, qint64 eventId)
{
    auto *q = s.prepared(u"SELECT count(*) FROM attendances WHERE event_id = ? AND "
                         "status = 'APPROVED'"_s);
    if (!s.exec(q, { eventId }) || !q->next())
        return -1;
    const int n = q->value(0).toInt();
    q->finish();
    return n;
}

void AttendanceApi::join(Request &request, const Reply &reply)
{
    auto parts = parseMultipart(request.header("content-type"), request.body);
    if (!parts) {
        reply.send(HttpResponse::error(multipartErrorStatus(parts.error()), parts.error()));
        return;
    }
    QString name;
    QString description = u""_s; // optional: empty, never SQL NULL
    const MultipartPart *photoPart = nullptr;
    for (const auto &part : parts.value()) {
        if (part.name == "puddingName" && !part.isFile())
            name = QString::fromUtf8(part.data);
        else if (part.name == "puddingDescription" && !part.isFile())
            description = QString::fromUtf8(part.data);
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
    name = name.simplified();
    description = description.trimmed();

    // Decode and store off every HTTP and database thread, then one short transaction.
    processAndStore(photoBytes).then([this, reply, eventId, userId, name, description](
                                              const Result<ProcessedPhoto> &photo) {
        if (!photo) {
            reply.send(HttpResponse::error(photoErrorStatus(photo.error()), photo.error()));
            return;
        }
        const ProcessedPhoto processed = photo.value();
        m_db.run([=](DbSession &s) -> HttpResponse {
                auto rollback = [&](HttpResponse r) {
                    s.execDirect(u"ROLLBACK"_s);
                    return r;
                };
                auto locked = beginWithEventLocked(s, eventId);
                if (auto *response = std::get_if<HttpResponse>(&locked))
                    return *response;
                const LockedEvent *event = &std::get<LockedEvent>(locked);
                if (event->organizerId == userId)
                    return rollback(HttpResponse::error(
                            409, EC::Conflict,
                            AttendanceText::tr("Organizers cannot join their own meetup.")));
                if (event->cancelled || event->started)
                    return rollback(HttpResponse::error(
                            409, EC::Conflict,
                            event->cancelled ? AttendanceText::tr("This meetup was cancelled.")
                                             : AttendanceText::tr("This meetup has started "
                                                                  "already.")));
                auto *existing = s.prepared(u"SELECT id, status FROM attendances WHERE "
                                            "event_id = ? AND user_id = ?"_s);
                if (!s.exec(existing, { eventId, userId }))
                    return rollback(HttpResponse::error(503, databaseError(s.lastError(), "join")));
                if (existing->next()) {
                    const QString status = existing->value(1).toString();
                    const qint64 oldId = existing->value(0).toLongLong();
                    existing->finish();
                    if (status != "LEFT"_L1)
                        return rollback(HttpResponse::error(
                                409, EC::Conflict,
                                AttendanceText::tr("You have asked to join this meetup "
                                                   "already.")));
                    // Joining again after leaving: a fresh request at the end of the queue.
                    auto *del = s.prepared(u"DELETE FROM attendances WHERE id = ?"_s);
                    if (!s.exec(del, { oldId }))
                        return rollback(HttpResponse::error(500, databaseError(s.lastError(), "rejoin")));
                } else {
                    existing->finish();
                }
                const int approved = approvedCount(s, eventId);
                const QString status = approved >= event->limit ? u"WAITLISTED"_s : u"PENDING"_s;
                const qint64 photoId = insertPhoto(s, userId, processed);
                if (photoId == 0)
                    return rollback(HttpResponse::error(500, databaseError(s.lastError(), "photo")));
                auto *insert = s.prepared(
                        u"INSERT INTO attendances(event_id, user_id, status, pudding_name, "
                        "pudding_description, photo_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s);
                if (!s.exec(insert, { eventId, userId, status, name, description, photoId })
                    || !insert->next())
                    return rollback(HttpResponse::error(500, databaseError(s.lastError(), "join")));
                const qint64 id = insert->value(0).toLongLong();
                insert->finish();
                const auto a = loadAttendance(s, id);
                if (!a)
                    return rollback(HttpResponse::internalError());
                // The organizer's review queue shows it at once (sent at COMMIT).
                LiveHub::notifyUsers(s, { event->organizerId },
                                     Chat::frame(Chat::ServerFrame::NewJoinRequest,
                                                 { { u"attendance"_s, a->toJson() } }));
                if (!s.execDirect(u"COMMIT"_s))
                    return rollback(HttpResponse::error(500, databaseError(s.lastError(), "commit")));
                qCInfo(lcEvents) << "user" << userId << "asked to join event" << eventId
                                 << "as" << status;
                return HttpResponse::json(QJsonObject { { u"attendance"_s, a->toJson() } }, 201);
            }).then([reply](const HttpResponse &r) { reply.send(r); });
    });
}

QFuture<Result<ProcessedPhoto>> AttendanceApi::processAndStore(const QByteArray &bytes)
{
    // Decoding a 4 MB photo takes ~100 ms: never on an HTTP or database thread.
    return QtConcurrent::run(&m_photoPool, [this, bytes]() -> Result<ProcessedPhoto> {
        auto processed = processPhoto(bytes);
        if (!processed)
            return processed.error();
        auto stored = m_store.store(processed.value());
        if (!stored)
            return stored.error();
        return std::move(processed).value();
    });
}

qint64 AttendanceApi::insertPhoto(DbSession &s, qint64 ownerId, const ProcessedPhoto &photo)
{
    auto *insert = s.prepared(u"INSERT INTO photos(owner_id, sha256, mime_type, width, height, "
                              "byte_size) VALUES (?, ?, 'image/jpeg', ?, ?, ?) RETURNING id"_s);
    if (!s.exec(insert, { ownerId, photo.sha256, photo.width, photo.height,
                          int(photo.display.size()) })
        || !insert->next())
        return 0;
    const qint64 id = insert->value(0).toLongLong();
    insert->finish();
    return id;
}

void AttendanceApi::upload(Request &request, const Reply &reply)
{
    auto parts = parseMultipart(request.header("content-type"), request.body);
    if (!parts) {
        reply.send(HttpResponse::error(multipartErrorStatus(parts.error()), parts.error()));
        return;
    }
    QByteArray photoBytes;
    for (const auto &part : parts.value()) {
        if (part.name == "photo")
            photoBytes = part.data;
    }
    if (photoBytes.isEmpty()) {
        reply.send(HttpResponse::validation(
                { { u"photo"_s, AttendanceText::tr("Add a photo.") } }));
        return;
    }
    const qint64 userId = request.user->id;
    processAndStore(photoBytes).then([this, reply, userId](const Result<ProcessedPhoto> &photo) {
        if (!photo) {
            reply.send(HttpResponse::error(photoErrorStatus(photo.error()), photo.error()));
            return;
        }
        const ProcessedPhoto processed = photo.value();
        m_db.run([=](DbSession &s) -> HttpResponse {
                const qint64 id = insertPhoto(s, userId, processed);
                if (id == 0)
                    return HttpResponse::error(503, databaseError(s.lastError(), "photo"));
                return HttpResponse::json(
                        QJsonObject { { u"photo"_s,
                                        QJsonObject { { u"id"_s, id },
                                                      { u"width"_s, processed.width },
                                                      { u"height"_s, processed.height } } } },
                        201);
            }).then([reply](const HttpResponse &r) { reply.send(r); });
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
            reply.send(HttpResponse::validation(
                    { { u"status"_s, AttendanceText::tr("Use PENDING, APPROVED, REJECTED, "
                                                        "WAITLISTED or LEFT.") } }));
            return;
        }
    }
    const QString status = filter ? toString(*filter) : QString();
    m_db.run([=](DbSession &s) -> HttpResponse {
            auto *owner = s.prepared(u"SELECT organizer_id FROM events WHERE id = ?"_s);
            if (!s.exec(owner, { eventId }))
                return HttpResponse::error(503, databaseError(s.lastError(), "list"));
            if (!owner->next())
                return eventNotFound();
            const qint64 organizerId = owner->value(0).toLongLong();
            owner->finish();
            if (organizerId != userId)
                return HttpResponse::error(403, EC::Forbidden,
                                           AttendanceText::tr("Only the organizer sees the "
                                                              "requests."));
            auto *q = s.prepared(kSelectAttendance
                                 % u"WHERE a.event_id = ? AND (coalesce(?, '') = '' OR a.status = ?) "
                                   "ORDER BY a.id"_s);
            if (!s.exec(q, { eventId, status, status }))
                return HttpResponse::error(503, databaseError(s.lastError(), "list"));
            QJsonArray list;
            while (q->next()) {
                QJsonObject json = attendanceFromRow(*q).toJson();
                if (json.contains(u"photoId"_s)) {
                    const QString base = u"/api/photos/"_s + QString::number(json.value("photoId"_L1).toInteger());
                    json.insert(u"photoUrl"_s, base);
                    json.insert(u"thumbnailUrl"_s, QString(base + u"?size=thumb"_s));
                }
                list.append(json);
            }
            q->finish();
            return HttpResponse::json(QJsonObject { { u"attendances"_s, list } });
        }).then([reply](const HttpResponse &r) { reply.send(r); });
}

void AttendanceApi::decide(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const auto target = attendanceStatusFromString(body->value("status"_L1).toString());
    if (!target || (*target != AttendanceStatus::Approved && *target != AttendanceStatus::Rejected)) {
        reply.send(HttpResponse::validation(
                { { u"status"_s, AttendanceText::tr("Use APPROVED or REJECTED.") } }));
        return;
    }
    const QString note = body->value("note"_L1).toString().trimmed().left(500);
    const qint64 eventId = request.id(0);
    const qint64 attendanceId = request.id(1);
    const qint64 userId = request.user->id;
    const AttendanceStatus to = *target;
    m_db.run([=](DbSession &s) -> Outcome {
            auto rollback = [&](HttpResponse r) {
                s.execDirect(u"ROLLBACK"_s);
                return Outcome { std::move(r) };
            };
            auto locked = beginWithEventLocked(s, eventId);
            if (auto *response = std::get_if<HttpResponse>(&locked))
                return { *response };
            const LockedEvent *event = &std::get<LockedEvent>(locked);
            if (event->organizerId != userId)
                return rollback(HttpResponse::error(
                        403, EC::Forbidden, AttendanceText::tr("Only the organizer decides.")));
            auto current = loadAttendance(s, attendanceId);
            if (!current || current->eventId != eventId)
                return rollback(HttpResponse::error(404, EC::NotFound,
                                                    AttendanceText::tr("There is no such request.")));
            if (!isOrganizerTransitionAllowed(current->status, to))
                return rollback(HttpResponse::error(
                        409, EC::Conflict,
                        AttendanceText::tr("A %1 request cannot become %2.")
                                .arg(toString(current->status), toString(to))));
            const int approved = approvedCount(s, eventId);
            if (to == AttendanceStatus::Approved && approved >= event->limit)
                return rollback(HttpResponse::error(
                        409, u"event_full"_s,
                        AttendanceText::tr("The meetup is full: all %n place(s) are taken.",
                                           nullptr, event->limit)));
            auto *upd = s.prepared(u"UPDATE attendances SET status = ?, note = ?, "
                                   "updated_at = now() WHERE id = ?"_s);
            if (!s.exec(upd, { toString(to), note.isEmpty() ? QVariant() : QVariant(note),
                               attendanceId }))
                return rollback(HttpResponse::error(500, databaseError(s.lastError(), "decide")));
            if (current->status == AttendanceStatus::Approved)
                promoteWaitlisted(s, eventId, 1); // a place freed up
            announce(s, eventId);
            const auto updated = loadAttendance(s, attendanceId);
            if (!updated)
                return rollback(HttpResponse::internalError());
            // The attendee hears the decision at once; a rejected one leaves the chat room.
            LiveHub::notifyUsers(s, { updated->user.id },
                                 Chat::frame(to == AttendanceStatus::Approved
                                                     ? Chat::ServerFrame::AttendanceApproved
                                                     : Chat::ServerFrame::AttendanceRejected,
                                             { { u"attendance"_s, updated->toJson() } }));
            if (to == AttendanceStatus::Rejected)
                LiveHub::notifyRemoved(s, eventId, updated->user.id);
            if (!s.execDirect(u"COMMIT"_s))
                return rollback(HttpResponse::error(500, databaseError(s.lastError(), "commit")));
            return { HttpResponse::json(QJsonObject { { u"attendance"_s, updated->toJson() } }),
                     eventId, approvedCount(s, eventId) };
        }).then([this, reply](const Outcome &o) {
            if (o.approved >= 0)
                m_index.setAttendeeCount(o.eventId, o.approved);
            reply.send(o.response);
        });
}

void AttendanceApi::leave(Request &request, const Reply &reply)
{
    const qint64 eventId = request.id();
    const qint64 userId = request.user->id;
    m_db.run([=](DbSession &s) -> Outcome {
            auto rollback = [&](HttpResponse r) {
                s.execDirect(u"ROLLBACK"_s);
                return Outcome { std::move(r) };
            };
            // Leaving needs nothing from the row, only its lock (promotion must not race).
            auto locked = beginWithEventLocked(s, eventId);
            if (auto *response = std::get_if<HttpResponse>(&locked))
                return { *response };
            auto *q = s.prepared(u"UPDATE attendances SET status = 'LEFT', updated_at = now() "
                                 "WHERE event_id = ? AND user_id = ? AND status <> 'LEFT' "
                                 "RETURNING id, (SELECT status FROM attendances b WHERE "
                                 "b.event_id = ? AND b.user_id = ?)"_s);
            if (!s.exec(q, { eventId, userId, eventId, userId }))
                return rollback(HttpResponse::error(500, databaseError(s.lastError(), "leave")));
            if (!q->next())
                return rollback(HttpResponse::error(404, EC::NotFound,
                                                    AttendanceText::tr("You have not asked to "
                                                                       "join this meetup.")));
            const qint64 id = q->value(0).toLongLong();
            const bool wasApproved = q->value(1).toString() == "APPROVED"_L1;
            q->finish();
            if (wasApproved)
                promoteWaitlisted(s, eventId, 1);
            announce(s, eventId);
            LiveHub::notifyRemoved(s, eventId, userId); // the user's other sockets leave too
            if (!s.execDirect(u"COMMIT"_s))
                return rollback(HttpResponse::error(500, databaseError(s.lastError(), "commit")));
            const auto left = loadAttendance(s, id);
            return { HttpResponse::json(QJsonObject { { u"attendance"_s,
                                                        left ? left->toJson() : QJsonObject() } }),
                     eventId, approvedCount(s, eventId) };
        }).then([this, reply](const Outcome &o) {
            if (o.approved >= 0)
                m_index.setAttendeeCount(o.eventId, o.approved);
            reply.send(o.response);
        });
}

void AttendanceApi::mine(Request &request, const Reply &reply)
{
    const qint64 userId = request.user->id;
    m_db.run([=](DbSession &s) -> HttpResponse {
            auto *q = s.prepared(kSelectAttendance
                                 % u"WHERE a.user_id = ? AND a.status <> 'LEFT' ORDER BY a.id DESC"_s);
            if (!s.exec(q, { userId }))
                return HttpResponse::error(503, databaseError(s.lastError(), "mine"));
            QJsonArray list;
            QList<qint64> eventIds;
            while (q->next()) {
                const Attendance a = attendanceFromRow(*q);
                list.append(a.toJson());
                eventIds.append(a.eventId);
            }
            q->finish();
            // Each with its event, as the index shows it now.
            for (qsizetype i = 0; i < list.size(); ++i) {
                QJsonObject o = list[i].toObject();
                if (const auto e = EventsApi::loadOne(s, eventIds[i]))
                    o.insert(u"event"_s, e->first.toJson());
                list[i] = o;
            }
            return HttpResponse::json(QJsonObject { { u"attendances"_s, list } });
        }).then([reply](const HttpResponse &r) { reply.send(r); });
}

void AttendanceApi::photo(Request &request, const Reply &reply)
{
    const qint64 photoId = request.id();
    const qint64 userId = request.user->id;
    const bool thumb = request.queryValue(u"size"_s) == "thumb"_L1;
    const QByteArray ifNoneMatch = request.header("if-none-match");
    m_db.run([=](DbSession &s) -> std::pair<int, QByteArray> {
            // The uploader, the event's organizer, and — once the request is approved — the
            // event's other approved attendees may see it; a photo posted in a chat is for
            // everyone in that chat.
            auto *q = s.prepared(
                    u"SELECT encode(p.sha256, 'hex'), p.owner_id = ? OR EXISTS ("
                    "  SELECT 1 FROM attendances a JOIN events e ON e.id = a.event_id "
                    "  WHERE a.photo_id = p.id AND (e.organizer_id = ? OR (a.status = 'APPROVED' "
                    "    AND EXISTS (SELECT 1 FROM attendances b WHERE b.event_id = a.event_id "
                    "      AND b.user_id = ? AND b.status = 'APPROVED')))) OR EXISTS ("
                    "  SELECT 1 FROM messages m JOIN events e ON e.id = m.event_id "
                    "  WHERE m.photo_id = p.id AND (e.organizer_id = ? OR EXISTS (SELECT 1 "
                    "    FROM attendances b WHERE b.event_id = m.event_id AND b.user_id = ? "
                    "    AND b.status = 'APPROVED'))) "
                    "FROM photos p WHERE p.id = ?"_s);
            if (!s.exec(q, { userId, userId, userId, userId, userId, photoId }))
                return { 503, {} };
            if (!q->next())
                return { 404, {} };
            const QByteArray hash = q->value(0).toString().toLatin1();
            const bool allowed = q->value(1).toBool();
            q->finish();
            return { allowed ? 200 : 403, hash };
        }).then([this, reply, thumb, ifNoneMatch](const std::pair<int, QByteArray> &found) {
            const auto &[status, hash] = found;
            if (status == 404) {
                reply.send(HttpResponse::error(404, EC::NotFound, AttendanceText::tr("No such photo.")));
                return;
            }
            if (status == 403) {
                reply.send(HttpResponse::error(403, EC::Forbidden,
                                               AttendanceText::tr("You may not see this photo.")));
                return;
            }
            if (status != 200) {
                reply.send(HttpResponse::error(503, EC::Unavailable,
                                               AttendanceText::tr("Please try again.")));
                return;
            }
            const QByteArray etag = '"' + hash + (thumb ? "-t" : "") + '"';
            if (ifNoneMatch == etag) {
                HttpResponse r;
                r.status = 304;
                r.contentType.clear();
                reply.send(r.withHeader("ETag", etag));
                return;
            }
            // Reading the file stays off the HTTP thread.
            QtConcurrent::run(&m_photoPool, [this, hash, thumb] {
                return m_store.read(hash, thumb ? PhotoStore::Size::Thumbnail : PhotoStore::Size::Display);
            }).then([reply, etag](const std::optional<QByteArray> &bytes) {
                if (!bytes) {
                    reply.send(HttpResponse::error(404, EC::NotFound,
                                                   AttendanceText::tr("The photo file is missing.")));
                    return;
                }
                HttpResponse r;
                r.contentType = "image/jpeg";
                r.body = *bytes;
                r.withHeader("ETag", etag).withHeader("Cache-Control", "private, max-age=86400");
                reply.send(r);
            });
        });
}

} // namespace Pudding::Server
