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
#include "shared/validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
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

const QString kSelectAttendance
    = u"SELECT a.id, a.event_id, a.user_id, u.name, a.status, a.pudding_name, "
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
    a.status
        = attendanceStatusFromString(q.value(4).toString()).value_or(AttendanceStatus::Pending);
    a.puddingName = q.value(5).toString();
    a.puddingDescription = q.value(6).toString();
    a.photoId = q.value(7).toLongLong();
    a.note = q.value(8).toString();
    a.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong(), QTimeZone::utc());
    a.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), QTimeZone::utc());
    a.waitlistPosition = q.value(11).toInt();
    return a;
}

/// The attendance, or nothing when there is none or (with `failed` set) the query failed.
std::optional<Attendance> loadAttendance(DbSession &s, qint64 id, bool *failed = nullptr)
{
    auto *q = s.run(kSelectAttendance % u"WHERE a.id = ?"_s, { id });
    if (!q) {
        if (failed)
            *failed = true;
        return std::nullopt;
    }
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

HttpResponse storageFailed(const QSqlError &error, const char *what)
{
    return HttpResponse::error(500, databaseError(error, what));
}

HttpResponse rejectedError()
{
    return HttpResponse::error(409, u"rejected"_s,
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

/// The event row, locked for the rest of the transaction.
struct LockedEvent
{
    qint64 organizerId = 0;
    int limit = 0;
    bool cancelled = false;
    bool started = false;
};

/// Locks the event's row in `tx`; on failure the response to send comes back instead.
std::variant<LockedEvent, HttpResponse> lockEvent(Transaction &tx, qint64 eventId)
{
    auto *q = tx.exec(u"SELECT organizer_id, attendee_limit, cancelled_at IS NOT NULL, "
                      "start_time <= now() FROM events WHERE id = ? FOR UPDATE"_s,
        { eventId });
    if (!q)
        return HttpResponse::error(503, databaseError(tx.error(), "lock"));
    if (!q->next())
        return eventNotFound();
    const LockedEvent e { q->value(0).toLongLong(), q->value(1).toInt(), q->value(2).toBool(),
        q->value(3).toBool() };
    q->finish();
    return e;
}

/// Announces the event's change and reloads it for the index; false when either failed.
bool announceAndReload(DbSession &s, qint64 eventId, std::optional<EventRecord> &record)
{
    if (!EventsApi::announceChange(s, eventId))
        return false;
    bool failed = false;
    record = EventsApi::loadOne(s, eventId, &failed);
    return !failed && record;
}

/// Why this user may not ask to join this event, checked before any photo work and again under
/// the event's lock: nothing when they may.
std::optional<HttpResponse> joinRefusal(
    const LockedEvent &event, qint64 userId, const std::optional<QString> &existingStatus)
{
    if (event.organizerId == userId)
        return HttpResponse::error(
            409, EC::Conflict, AttendanceText::tr("Organizers cannot join their own meetup."));
    if (event.cancelled)
        return HttpResponse::error(
            409, EC::Conflict, AttendanceText::tr("This meetup was cancelled."));
    if (event.started)
        return HttpResponse::error(
            409, EC::Conflict, AttendanceText::tr("This meetup has started already."));
    if (existingStatus == "REJECTED"_L1)
        return rejectedError();
    if (existingStatus && *existingStatus != "LEFT"_L1)
        return HttpResponse::error(409, EC::Conflict,
            AttendanceText::tr("You have asked to join this meetup "
                               "already."));
    return std::nullopt;
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
    router.add(
        M::Get, u"/api/attendance/events/<id>/attendances"_s,
        [this](Request &r, const Reply &reply) { list(r, reply); }, auth);
    router.add(
        M::Patch, u"/api/attendance/events/<id>/attendances/<id>"_s,
        [this](Request &r, const Reply &reply) { decide(r, reply); }, auth);
    router.add(
        M::Delete, u"/api/attendance/events/<id>/attendances/<id>"_s,
        [this](Request &r, const Reply &reply) { lift(r, reply); }, auth);
    router.add(
        M::Delete, u"/api/attendance/events/<id>/attendance"_s,
        [this](Request &r, const Reply &reply) { leave(r, reply); }, auth);
    router.add(
        M::Get, u"/api/attendance/mine"_s,
        [this](Request &r, const Reply &reply) { mine(r, reply); }, auth);
    router.add(M::Post, u"/api/photos"_s,
        [this](Request &r, const Reply &reply) { upload(r, reply); },
        { Router::Auth::Required, 6 * 1024 * 1024 });
    router.add(
        M::Get, u"/api/photos/<id>"_s, [this](Request &r, const Reply &reply) { photo(r, reply); },
        auth);
}

bool AttendanceApi::promoteWaitlisted(DbSession &s, qint64 eventId, int places)
{
    if (places <= 0)
        return true;
    auto *q = s.run(u"UPDATE attendances SET status = 'PENDING', updated_at = now() "
                    "WHERE id IN (SELECT id FROM attendances WHERE event_id = ? AND "
                    "status = 'WAITLISTED' ORDER BY id LIMIT ?) RETURNING id"_s,
        { eventId, places });
    if (!q)
        return false;
    QList<qint64> promoted;
    while (q->next())
        promoted.append(q->value(0).toLongLong());
    // Each promoted attendee hears it live (sent when the caller's transaction commits).
    for (const qint64 id : std::as_const(promoted)) {
        const auto a = loadAttendance(s, id);
        if (!a
            || !LiveHub::notifyUsers(s, { a->user.id },
                Chat::frame(
                    Chat::ServerFrame::WaitlistPromoted, { { u"attendance"_s, a->toJson() } })))
            return false;
    }
    return true;
}

int AttendanceApi::approvedCount(DbSession &s, qint64 eventId)
{
    auto *q = s.run(u"SELECT count(*) FROM attendances WHERE event_id = ? AND "
                    "status = 'APPROVED'"_s,
        { eventId });
    if (!q || !q->next())
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
                return HttpResponse::error(503, databaseError(s.lastError(), "join check"));
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
            processAndStore(photoBytes).then([=, this](const Result<ProcessedPhoto> &photo) {
                if (!photo) {
                    reply.send(HttpResponse::error(photoErrorStatus(photo.error()), photo.error()));
                    return;
                }
                const ProcessedPhoto processed = photo.value();
                m_db.run([=](DbSession &s) -> Outcome {
                        Transaction tx(s);
                        auto locked = lockEvent(tx, eventId);
                        if (auto *response = std::get_if<HttpResponse>(&locked))
                            return { *response };
                        const LockedEvent event = std::get<LockedEvent>(locked);
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
                        const int approved = approvedCount(s, eventId);
                        const qint64 photoId = approved < 0 ? 0 : insertPhoto(s, userId, processed);
                        const QString newStatus
                            = approved >= event.limit ? u"WAITLISTED"_s : u"PENDING"_s;
                        auto *insert = photoId == 0
                            ? nullptr
                            : tx.exec(u"INSERT INTO attendances(event_id, user_id, status, "
                                      "pudding_name, pudding_description, photo_id) VALUES "
                                      "(?, ?, ?, ?, coalesce(?, ''), ?) RETURNING id"_s,
                                { eventId, userId, newStatus, name, description, photoId });
                        if (!insert || !insert->next())
                            return { storageFailed(tx.error(), "join") };
                        const qint64 id = insert->value(0).toLongLong();
                        insert->finish();
                        const auto a = loadAttendance(s, id);
                        // The organizer's review queue shows it at once (sent at COMMIT).
                        if (!a
                            || !LiveHub::notifyUsers(s, { event.organizerId },
                                Chat::frame(Chat::ServerFrame::NewJoinRequest,
                                    { { u"attendance"_s, a->toJson() } }))
                            || !tx.commit())
                            return { storageFailed(tx.error(), "join") };
                        qCInfo(lcEvents) << "user" << userId << "asked to join event" << eventId
                                         << "as" << newStatus;
                        return { HttpResponse::json(
                            QJsonObject { { u"attendance"_s, a->toJson() } }, 201) };
                    })
                    .then([reply](const Outcome &o) { reply.send(o.response); });
            });
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
    auto *insert = s.run(u"INSERT INTO photos(owner_id, sha256, mime_type, width, height, "
                         "byte_size) VALUES (?, ?, 'image/jpeg', ?, ?, ?) RETURNING id"_s,
        { ownerId, photo.sha256, photo.width, photo.height, int(photo.display.size()) });
    if (!insert || !insert->next())
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
        reply.send(
            HttpResponse::validation({ { u"photo"_s, AttendanceText::tr("Add a photo.") } }));
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
                        QJsonObject { { u"id"_s, id }, { u"width"_s, processed.width },
                            { u"height"_s, processed.height } } } },
                    201);
            })
            .then([reply](const HttpResponse &r) { reply.send(r); });
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
                                   "WAITLISTED or LEFT.") } }));
            return;
        }
    }
    const QString status = filter ? toString(*filter) : QString();
    m_db.run([=](DbSession &s) -> HttpResponse {
            auto *owner = s.run(u"SELECT organizer_id FROM events WHERE id = ?"_s, { eventId });
            if (!owner)
                return HttpResponse::error(503, databaseError(s.lastError(), "list"));
            if (!owner->next())
                return eventNotFound();
            const qint64 organizerId = owner->value(0).toLongLong();
            owner->finish();
            if (organizerId != userId)
                return HttpResponse::error(403, EC::Forbidden,
                    AttendanceText::tr("Only the organizer sees the "
                                       "requests."));
            auto *q = s.run(kSelectAttendance
                    % u"WHERE a.event_id = ? AND (coalesce(?, '') = '' OR "
                      "a.status = ?) ORDER BY a.id"_s,
                { eventId, status, status });
            if (!q)
                return HttpResponse::error(503, databaseError(s.lastError(), "list"));
            QJsonArray list;
            while (q->next()) {
                QJsonObject json = attendanceFromRow(*q).toJson();
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
            auto locked = lockEvent(tx, eventId);
            if (auto *response = std::get_if<HttpResponse>(&locked))
                return { *response };
            const LockedEvent event = std::get<LockedEvent>(locked);
            if (event.organizerId != userId)
                return { HttpResponse::error(
                    403, EC::Forbidden, AttendanceText::tr("Only the organizer decides.")) };
            bool failed = false;
            const auto current = loadAttendance(s, attendanceId, &failed);
            if (failed)
                return { storageFailed(tx.error(), "decide") };
            if (!current || current->eventId != eventId)
                return { HttpResponse::error(
                    404, EC::NotFound, AttendanceText::tr("There is no such request.")) };
            if (!isOrganizerTransitionAllowed(current->status, to))
                return { HttpResponse::error(409, EC::Conflict,
                    AttendanceText::tr("A %1 request cannot become %2.")
                        .arg(toString(current->status), toString(to))) };
            const int approved = approvedCount(s, eventId);
            if (approved < 0)
                return { storageFailed(tx.error(), "decide") };
            if (to == AttendanceStatus::Approved && approved >= event.limit)
                return { HttpResponse::error(409, u"event_full"_s,
                    AttendanceText::tr(
                        "The meetup is full: all %n place(s) are taken.", nullptr, event.limit)) };
            auto *upd = tx.exec(u"UPDATE attendances SET status = ?, note = ?, "
                                "updated_at = now() WHERE id = ?"_s,
                { toString(to), note.isEmpty() ? QVariant() : QVariant(note), attendanceId });
            if (!upd)
                return { storageFailed(tx.error(), "decide") };
            upd->finish();
            // A place freed up: the waitlist moves up.
            if (current->status == AttendanceStatus::Approved && !promoteWaitlisted(s, eventId, 1))
                return { storageFailed(tx.error(), "promote waitlist") };
            const auto updated = loadAttendance(s, attendanceId);
            std::optional<EventRecord> record;
            // The attendee hears the decision at once; a rejected one leaves the chat room.
            const bool published = updated && announceAndReload(s, eventId, record)
                && LiveHub::notifyUsers(s, { updated->user.id },
                    Chat::frame(to == AttendanceStatus::Approved
                            ? Chat::ServerFrame::AttendanceApproved
                            : Chat::ServerFrame::AttendanceRejected,
                        { { u"attendance"_s, updated->toJson() } }))
                && (to != AttendanceStatus::Rejected
                    || LiveHub::notifyRemoved(s, eventId, updated->user.id));
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
            auto locked = lockEvent(tx, eventId);
            if (auto *response = std::get_if<HttpResponse>(&locked))
                return *response;
            if (std::get<LockedEvent>(locked).organizerId != userId)
                return HttpResponse::error(
                    403, EC::Forbidden, AttendanceText::tr("Only the organizer decides."));
            auto *q = tx.exec(u"SELECT status FROM attendances WHERE id = ? AND event_id = ?"_s,
                { attendanceId, eventId });
            if (!q)
                return storageFailed(tx.error(), "lift");
            if (!q->next())
                return HttpResponse::error(
                    404, EC::NotFound, AttendanceText::tr("There is no such request."));
            const QString status = q->value(0).toString();
            q->finish();
            if (status != "REJECTED"_L1)
                return HttpResponse::error(409, EC::Conflict,
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
    const qint64 eventId = request.id();
    const qint64 userId = request.user->id;
    m_db.run([=](DbSession &s) -> Outcome {
            Transaction tx(s);
            // Leaving needs the event's lock: promotion must not race.
            auto locked = lockEvent(tx, eventId);
            if (auto *response = std::get_if<HttpResponse>(&locked))
                return { *response };
            auto *q = tx.exec(u"SELECT id, status FROM attendances WHERE event_id = ? AND "
                              "user_id = ? AND status <> 'LEFT'"_s,
                { eventId, userId });
            if (!q)
                return { storageFailed(tx.error(), "leave") };
            if (!q->next())
                return { HttpResponse::error(404, EC::NotFound,
                    AttendanceText::tr("You have not asked to join this "
                                       "meetup.")) };
            const qint64 id = q->value(0).toLongLong();
            const QString status = q->value(1).toString();
            q->finish();
            // A declined request stays declined: leaving it would open the way to ask again.
            if (status == "REJECTED"_L1)
                return { rejectedError() };
            auto *upd = tx.exec(u"UPDATE attendances SET status = 'LEFT', updated_at = now() "
                                "WHERE id = ?"_s,
                { id });
            if (!upd)
                return { storageFailed(tx.error(), "leave") };
            upd->finish();
            if (status == "APPROVED"_L1 && !promoteWaitlisted(s, eventId, 1))
                return { storageFailed(tx.error(), "promote waitlist") };
            std::optional<EventRecord> record;
            const auto left = loadAttendance(s, id);
            // The user's other sockets leave the room too.
            if (!left || !announceAndReload(s, eventId, record)
                || !LiveHub::notifyRemoved(s, eventId, userId) || !tx.commit())
                return { storageFailed(tx.error(), "leave") };
            return { HttpResponse::json(QJsonObject { { u"attendance"_s, left->toJson() } }),
                record };
        })
        .then([this, reply](const Outcome &o) {
            if (o.changed)
                m_index.upsert(*o.changed);
            reply.send(o.response);
        });
}

void AttendanceApi::mine(Request &request, const Reply &reply)
{
    const qint64 userId = request.user->id;
    m_db.run([this, userId](DbSession &s) -> HttpResponse {
            auto *q = s.run(kSelectAttendance
                    % u"WHERE a.user_id = ? AND a.status <> 'LEFT' ORDER BY a.id DESC"_s,
                { userId });
            if (!q)
                return HttpResponse::error(503, databaseError(s.lastError(), "mine"));
            QJsonArray list;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            while (q->next()) {
                const Attendance a = attendanceFromRow(*q);
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
        })
        .then([this, reply, thumb, ifNoneMatch](const std::pair<int, QByteArray> &found) {
            const auto &[status, hash] = found;
            if (status == 404) {
                reply.send(
                    HttpResponse::error(404, EC::NotFound, AttendanceText::tr("No such photo.")));
                return;
            }
            if (status == 403) {
                reply.send(HttpResponse::error(
                    403, EC::Forbidden, AttendanceText::tr("You may not see this photo.")));
                return;
            }
            if (status != 200) {
                reply.send(HttpResponse::error(
                    503, EC::Unavailable, AttendanceText::tr("Please try again.")));
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
                return m_store.read(
                    hash, thumb ? PhotoStore::Size::Thumbnail : PhotoStore::Size::Display);
            }).then([reply, etag](const std::optional<QByteArray> &bytes) {
                if (!bytes) {
                    reply.send(HttpResponse::error(
                        404, EC::NotFound, AttendanceText::tr("The photo file is missing.")));
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
