// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkinapi.h"

#include "auth/credentials.h"
#include "checkinlogging.h"
#include "db/database.h"
#include "meetups/meetuprepository.h"
#include "publish/livepublisher.h"
#include "shared/chat.h"
#include "shared/event.h"
#include "shared/protocol.h"
#include "shared/ticket.h"
#include "shared/validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class CheckinText
{
    Q_DECLARE_TR_FUNCTIONS(Checkin)
};
namespace EC = Protocol::ErrorCode;

constexpr int MaxScans = 500;
constexpr int MaxQrLength = 1024;
constexpr int NonceMin = 8;
constexpr int NonceMax = 64;
constexpr int DeviceIdMax = 64;
constexpr int LabelMax = 80;
constexpr int ValidHoursDefault = 12;
constexpr int ValidHoursMax = 72;
/// A ticket is good from 12 h before the start to 12 h after the end (as signed in its QR).
constexpr qint64 WindowMarginMs = 12 * 3600 * 1000;

QDateTime utcFromMs(const QVariant &v)
{
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QJsonValue timeOrNull(const QVariant &ms)
{
    return ms.isNull() ? QJsonValue() : QJsonValue(toIsoString(utcFromMs(ms)));
}

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

/// A PostgreSQL array literal of ids ("{1,2,3}"): "= ANY(?::bigint[])" is planned as one
/// hashed or indexed set, where "IN (SELECT json_array_elements_text(?))" was re-read per row.
QString idArray(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts.append(QString::number(id));
    return u"{"_s % parts.join(u',') % u"}"_s;
}

HttpResponse storageFailed(const QSqlError &error, const char *what)
{
    return HttpResponse::fromError(databaseError(error, what));
}

/// Who stands at the door: the organizer (a user) or a door token.
struct Actor
{
    qint64 userId = 0;
    qint64 doorTokenId = 0;
    qint64 doorEventId = 0;
};

Actor actorOf(const Request &request)
{
    if (request.door)
        return { 0, request.door->tokenId, request.door->eventId };
    return { request.user->id, 0, 0 };
}

/// Locks the event's row in `tx` and checks that the actor may run its door: the event's
/// organizer, or a door token of this very event that is still valid now (a revocation takes
/// the same lock, so it is either before this check or after this transaction). The
/// organizer's id, or the response that refuses.
Result<qint64> lockForDoor(Transaction &tx, qint64 eventId, const Actor &actor)
{
    const auto locked = MeetupRepository::lockEvent(tx, eventId);
    if (!locked)
        return locked.error();
    if (!locked.value())
        return Error { QString(EC::NotFound), CheckinText::tr("There is no such meetup."), {} };
    const qint64 organizerId = locked.value()->organizerId;
    if (actor.doorTokenId == 0) {
        if (organizerId != actor.userId)
            return Error { QString(EC::Forbidden),
                CheckinText::tr("Only the organizer runs the door."), {} };
        return organizerId;
    }
    if (actor.doorEventId != eventId)
        return Error { QString(EC::Forbidden),
            CheckinText::tr("This door access is for another meetup."), {} };
    auto *q = tx.exec(u"SELECT 1 FROM door_tokens WHERE id = ? AND revoked_at IS NULL "
                      "AND expires_at > now()"_s,
        { actor.doorTokenId });
    if (!q)
        return databaseError(tx.error(), "door token check");
    const bool valid = q->next();
    q->finish();
    if (!valid)
        return Error { QString(EC::Unauthorized),
            CheckinText::tr("This door access has ended. Ask the organizer for a new one."), {} };
    return organizerId;
}

/// The response to a refused door: a door token that has ended says how to authenticate.
HttpResponse refusal(const Error &error)
{
    HttpResponse r = HttpResponse::fromError(error);
    if (error.code == EC::Unauthorized)
        r.withHeader("WWW-Authenticate", "Door error=\"invalid_token\"");
    return r;
}

/// Locks the event's row and checks that the user is its organizer (door tokens).
Result<qint64> lockForOrganizer(Transaction &tx, qint64 eventId, qint64 userId)
{
    const auto locked = MeetupRepository::lockEvent(tx, eventId);
    if (!locked)
        return locked.error();
    if (!locked.value())
        return Error { QString(EC::NotFound), CheckinText::tr("There is no such meetup."), {} };
    if (locked.value()->organizerId != userId)
        return Error { QString(EC::Forbidden),
            CheckinText::tr("Only the organizer hands out door access."), {} };
    return userId;
}

// The valid tickets of the event as door devices show them, with their check-in state.
const QString kGuestSql = u"SELECT t.id, t.number, t.user_id, u.name, a.pudding_name, "
                          "a.photo_id, (extract(epoch from c.first) * 1000)::bigint, "
                          "coalesce(c.n, 0) FROM tickets t JOIN users u ON u.id = t.user_id "
                          "JOIN attendances a ON a.id = t.attendance_id LEFT JOIN ("
                          "  SELECT ticket_id, min(scanned_at) AS first, count(*) AS n "
                          "  FROM checkins WHERE event_id = ? AND undone_at IS NULL "
                          "  GROUP BY ticket_id) c ON c.ticket_id = t.id "
                          "WHERE t.event_id = ? AND t.revoked_at IS NULL "_s;

/// Guest rows of the bundle: every valid ticket, or only those in `ticketIds`.
std::optional<QJsonArray> guestRows(
    DbSession &s, qint64 eventId, const std::optional<QList<qint64>> &ticketIds)
{
    QSqlQuery *q = nullptr;
    if (!ticketIds) {
        q = s.run(kGuestSql % u"ORDER BY t.id"_s, { eventId, eventId });
    } else {
        q = s.run(kGuestSql % u"AND t.id = ANY(?::bigint[]) ORDER BY t.id"_s,
            { eventId, eventId, idArray(*ticketIds) });
    }
    if (!q)
        return std::nullopt;
    QJsonArray rows;
    while (q->next()) {
        const qint64 scans = q->value(7).toLongLong();
        rows.append(QJsonObject { { u"ticketId"_s, q->value(0).toLongLong() },
            { u"number"_s, q->value(1).toString() }, { u"userId"_s, q->value(2).toLongLong() },
            { u"name"_s, q->value(3).toString() }, { u"puddingName"_s, q->value(4).toString() },
            { u"photoId"_s, q->value(5).isNull() ? QJsonValue() : q->value(5).toLongLong() },
            { u"checkedInAt"_s, timeOrNull(q->value(6)) },
            { u"doubleEntries"_s, std::max<qint64>(0, scans - 1) } });
    }
    q->finish();
    return rows;
}

/// Revoked tickets of the event as the bundle lists them: all, or only those in `ticketIds`.
std::optional<QJsonArray> revokedRows(
    DbSession &s, qint64 eventId, const std::optional<QList<qint64>> &ticketIds)
{
    static const QString select = u"SELECT id, number, revoke_reason, "
                                  "(extract(epoch from revoked_at) * 1000)::bigint FROM tickets "
                                  "WHERE event_id = ? AND revoked_at IS NOT NULL "_s;
    QSqlQuery *q = nullptr;
    if (!ticketIds) {
        q = s.run(select % u"ORDER BY id"_s, { eventId });
    } else {
        q = s.run(
            select % u"AND id = ANY(?::bigint[]) ORDER BY id"_s, { eventId, idArray(*ticketIds) });
    }
    if (!q)
        return std::nullopt;
    QJsonArray rows;
    while (q->next())
        rows.append(QJsonObject { { u"ticketId"_s, q->value(0).toLongLong() },
            { u"number"_s, q->value(1).toString() }, { u"reason"_s, q->value(2).toString() },
            { u"revokedAt"_s, toIsoString(utcFromMs(q->value(3))) } });
    q->finish();
    return rows;
}

struct Counter
{
    qint64 checkedIn = 0;
    qint64 expected = 0;
    qint64 version = 0;

    [[nodiscard]] QJsonObject toJson() const
    {
        return { { u"checkedIn"_s, checkedIn }, { u"expected"_s, expected } };
    }
};

/// "x of y checked in" counts tickets, never scans: valid tickets with at least one
/// non-undone check-in, of all valid tickets. And the version (see CheckinApi).
std::optional<Counter> counter(DbSession &s, qint64 eventId)
{
    auto *q = s.run(u"SELECT count(*) FILTER (WHERE t.revoked_at IS NULL), "
                    "count(*) FILTER (WHERE t.revoked_at IS NULL AND EXISTS (SELECT 1 FROM "
                    "  checkins c WHERE c.ticket_id = t.id AND c.undone_at IS NULL)), "
                    "count(*) + count(t.revoked_at) "
                    "  + (SELECT count(*) + count(c.undone_at) FROM checkins c "
                    "     WHERE c.event_id = ?) "
                    "  + (SELECT e.revision FROM events e WHERE e.id = ?) "
                    "FROM tickets t WHERE t.event_id = ?"_s,
        { eventId, eventId, eventId });
    if (!q || !q->next())
        return std::nullopt;
    const Counter c { q->value(1).toLongLong(), q->value(0).toLongLong(),
        q->value(2).toLongLong() };
    q->finish();
    return c;
}

/// A scan as the device sent it.
struct Scan
{
    QString nonce;
    QDateTime scannedAt;
    qint64 ticketId = 0;
    QString qr;
    QString number;
};

/// What became of one scan.
struct ScanResult
{
    QString result; ///< ENTRY, DOUBLE_ENTRY, REFUSED
    QString reason; ///< for REFUSED
    qint64 ticketId = 0;
    qint64 checkinId = 0;
    QVariant firstEntryMs;

    [[nodiscard]] QJsonObject toJson(const QString &nonce) const
    {
        return { { u"nonce"_s, nonce }, { u"result"_s, result },
            { u"reason"_s, reason.isEmpty() ? QJsonValue() : QJsonValue(reason) },
            { u"ticketId"_s, ticketId ? QJsonValue(ticketId) : QJsonValue() },
            { u"checkinId"_s, checkinId ? QJsonValue(checkinId) : QJsonValue() },
            { u"firstEntryAt"_s, timeOrNull(firstEntryMs) } };
    }
};

ScanResult refused(QString reason, qint64 ticketId = 0)
{
    return { u"REFUSED"_s, std::move(reason), ticketId, 0, {} };
}

/// Why a QR payload is refused, as the API names it.
QString reasonFor(Tickets::Verdict verdict)
{
    switch (verdict) {
    case Tickets::Verdict::Valid:
        return {};
    case Tickets::Verdict::Malformed:
        return u"unknown"_s;
    case Tickets::Verdict::UnknownKey:
    case Tickets::Verdict::BadSignature:
        return u"bad_signature"_s;
    case Tickets::Verdict::OtherEvent:
        return u"other_event"_s;
    case Tickets::Verdict::NotYetValid:
        return u"not_yet_valid"_s;
    case Tickets::Verdict::Expired:
        return u"expired"_s;
    }
    return u"unknown"_s;
}

struct TicketRow
{
    qint64 id = 0;
    qint64 eventId = 0;
    qint64 userId = 0;
    QString number;
    QByteArray seed;
    bool revoked = false;
};

/// The field errors of a batch body; fills `deviceId` and `scans`.
FieldErrors parseBatch(const QJsonObject &body, QString &deviceId, QList<Scan> &scans)
{
    FieldErrors errors;
    const QJsonValue device = body.value("deviceId"_L1);
    if (!device.isString())
        errors.append(
            { u"deviceId"_s, CheckinText::tr("Name the door device (1–64 characters).") });
    else
        errors += Validation::checkText(
            u"deviceId"_s, device.toString(), Validation::TextKind::Token, 1, DeviceIdMax);
    deviceId = device.toString();
    const QJsonValue list = body.value("scans"_L1);
    if (!list.isArray() || list.toArray().isEmpty() || list.toArray().size() > MaxScans) {
        errors.append({ u"scans"_s, CheckinText::tr("Send 1 to %1 scans.").arg(MaxScans) });
        return errors;
    }
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size() && errors.size() < 20; ++i) {
        const QString field = u"scans[%1]"_s.arg(i);
        if (!array[i].isObject()) {
            errors.append({ field, CheckinText::tr("A scan is an object.") });
            continue;
        }
        const QJsonObject o = array[i].toObject();
        Scan scan;
        const QJsonValue nonce = o.value("nonce"_L1);
        if (!nonce.isString())
            errors.append({ field + u".nonce"_s,
                CheckinText::tr("A nonce of %1 to %2 characters makes retries safe.")
                    .arg(NonceMin)
                    .arg(NonceMax) });
        else
            errors += Validation::checkText(field + u".nonce"_s, nonce.toString(),
                Validation::TextKind::Token, NonceMin, NonceMax);
        scan.nonce = nonce.toString();
        const auto at = parseIsoDateTime(o.value("scannedAt"_L1).toString());
        if (!at)
            errors.append({ field + u".scannedAt"_s,
                CheckinText::tr("The time of the scan, ISO 8601 with an offset or Z.") });
        else
            scan.scannedAt = *at;
        int given = 0;
        if (o.contains("ticketId"_L1)) {
            ++given;
            scan.ticketId = Chat::idField(o, "ticketId"_L1);
            if (scan.ticketId == 0)
                errors.append(
                    { field + u".ticketId"_s, CheckinText::tr("Must be a ticket's id.") });
        }
        if (o.contains("qr"_L1)) {
            ++given;
            scan.qr = o.value("qr"_L1).toString();
            if (scan.qr.isEmpty() || scan.qr.size() > MaxQrLength
                || Validation::firstForbiddenCharacter(scan.qr, Validation::TextKind::Token))
                errors.append({ field + u".qr"_s, CheckinText::tr("Must be a scanned QR code.") });
        }
        if (o.contains("number"_L1)) {
            ++given;
            scan.number = o.value("number"_L1).toString();
            if (scan.number.isEmpty() || scan.number.size() > 32
                || Validation::firstForbiddenCharacter(scan.number, Validation::TextKind::Token))
                errors.append(
                    { field + u".number"_s, CheckinText::tr("Must be a ticket number.") });
        }
        if (given != 1)
            errors.append(
                { field, CheckinText::tr("Send exactly one of qr, ticketId and number.") });
        scans.append(scan);
    }
    return errors;
}

/// What the batch transaction hands back.
struct BatchOutcome
{
    HttpResponse response;
    int entries = 0;
    int doubles = 0;
    int refusedCount = 0;
};

} // namespace

CheckinApi::CheckinApi(Database &db)
    : m_db(db)
{ }

QFuture<Result<std::optional<DoorAccess>>> CheckinApi::authenticateDoor(
    const QByteArray &token) const
{
    using R = Result<std::optional<DoorAccess>>;
    if (!Credentials::looksLikeToken(token))
        return QtFuture::makeReadyFuture<R>(R(std::optional<DoorAccess>()));
    const QByteArray hash = Credentials::tokenHash(token);
    return m_db.run([hash](DbSession &s) -> R {
        auto *q = s.run(u"SELECT id, event_id, (extract(epoch from expires_at) * 1000)::bigint "
                        "FROM door_tokens WHERE token_hash = ? AND revoked_at IS NULL "
                        "AND expires_at > now()"_s,
            { hash });
        if (!q)
            return databaseError(s.lastError(), "authenticate door");
        std::optional<DoorAccess> door;
        if (q->next())
            door = DoorAccess { q->value(0).toLongLong(), q->value(1).toLongLong(), hash,
                utcFromMs(q->value(2)) };
        q->finish();
        return door;
    });
}

bool CheckinApi::publishUpdate(
    DbSession &session, qint64 eventId, qint64 organizerId, const QList<qint64> &ticketIds)
{
    const auto guests = guestRows(session, eventId, ticketIds);
    const auto count = guests ? counter(session, eventId) : std::nullopt;
    if (!count)
        return false;
    const QByteArray frame = Chat::frame(Chat::ServerFrame::CheckinUpdate,
        { { u"eventId"_s, eventId }, { u"version"_s, count->version },
            { u"counter"_s, count->toJson() }, { u"guests"_s, *guests } });
    return LivePublisher::notifyDoors(session, eventId, { organizerId }, frame);
}

std::optional<TicketFrameSource::Frame> CheckinApi::ticketsChanged(
    DbSession &session, qint64 eventId, const std::optional<QList<qint64>> &ticketIds) const
{
    // Read-only, in one snapshot: rows, counter and version agree.
    Transaction tx(session);
    if (!session.execDirect(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"_s))
        return std::nullopt; // not preparable: sent as it is
    auto *q = tx.exec(u"SELECT organizer_id FROM events WHERE id = ?"_s, { eventId });
    if (!q || !q->next())
        return std::nullopt;
    const qint64 organizerId = q->value(0).toLongLong();
    q->finish();
    const auto guests = guestRows(session, eventId, ticketIds);
    const auto revoked = guests ? revokedRows(session, eventId, ticketIds) : std::nullopt;
    const auto count = revoked ? counter(session, eventId) : std::nullopt;
    if (!count || !tx.commit())
        return std::nullopt;
    QJsonObject fields { { u"eventId"_s, eventId }, { u"version"_s, count->version },
        { u"counter"_s, count->toJson() }, { u"guests"_s, *guests } };
    if (!revoked->isEmpty())
        fields.insert(u"revoked"_s, *revoked);
    return Frame { Chat::frame(Chat::ServerFrame::CheckinUpdate, fields), { organizerId } };
}

void CheckinApi::bundle(Request &request, const Reply &reply)
{
    const qint64 eventId = request.id();
    const Actor actor = actorOf(request);
    m_db.run([=](DbSession &s) -> HttpResponse {
            // One transaction under the lock: guests, revocations, counter and version are
            // one consistent picture.
            Transaction tx(s);
            const auto access = lockForDoor(tx, eventId, actor);
            if (!access)
                return refusal(access.error());
            auto *e = tx.exec(u"SELECT title, (extract(epoch from start_time) * 1000)::bigint, "
                              "(extract(epoch from end_time) * 1000)::bigint, attendee_limit, "
                              "cancelled_at IS NOT NULL FROM events WHERE id = ?"_s,
                { eventId });
            if (!e || !e->next())
                return storageFailed(tx.error(), "bundle event");
            const QJsonObject event { { u"id"_s, eventId }, { u"title"_s, e->value(0).toString() },
                { u"startTime"_s, toIsoString(utcFromMs(e->value(1))) },
                { u"endTime"_s, toIsoString(utcFromMs(e->value(2))) },
                { u"limit"_s, e->value(3).toInt() }, { u"cancelled"_s, e->value(4).toBool() } };
            e->finish();
            auto *k = tx.exec(u"SELECT kid, public_key FROM ticket_keys WHERE retired_at IS NULL "
                              "ORDER BY created_at, kid"_s);
            if (!k)
                return storageFailed(tx.error(), "bundle keys");
            QJsonArray keys;
            while (k->next())
                keys.append(QJsonObject { { u"kid"_s, k->value(0).toString() },
                    { u"publicKey"_s,
                        QString::fromLatin1(k->value(1).toByteArray().toBase64(
                            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)) } });
            k->finish();
            const auto guests = guestRows(s, eventId, std::nullopt);
            if (!guests)
                return storageFailed(tx.error(), "bundle guests");
            const auto revoked = revokedRows(s, eventId, std::nullopt);
            const auto count = revoked ? counter(s, eventId) : std::nullopt;
            if (!count || !tx.commit())
                return storageFailed(tx.error(), "bundle");
            return HttpResponse::json(
                QJsonObject { { u"eventId"_s, eventId }, { u"version"_s, count->version },
                    { u"generatedAt"_s, toIsoString(QDateTime::currentDateTimeUtc()) },
                    { u"event"_s, event }, { u"keys"_s, keys }, { u"guests"_s, *guests },
                    { u"revoked"_s, *revoked }, { u"counter"_s, count->toJson() } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void CheckinApi::checkins(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    QString deviceId;
    QList<Scan> scans;
    if (const FieldErrors errors = parseBatch(*body, deviceId, scans); !errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    const qint64 eventId = request.id();
    const Actor actor = actorOf(request);
    m_db.run([=](DbSession &s) -> BatchOutcome {
            Transaction tx(s);
            const auto access = lockForDoor(tx, eventId, actor);
            if (!access)
                return { refusal(access.error()) };
            const qint64 organizerId = access.value();

            // Nonces stored before (a retried upload): their rows answer again.
            QJsonArray nonces;
            for (const Scan &scan : scans)
                nonces.append(scan.nonce);
            auto *q = tx.exec(u"SELECT client_nonce, id, ticket_id FROM checkins "
                              "WHERE event_id = ? AND client_nonce IN "
                              "(SELECT json_array_elements_text(?::json))"_s,
                { eventId, jsonText(nonces) });
            if (!q)
                return { storageFailed(tx.error(), "checkins nonces") };
            QHash<QString, std::pair<qint64, qint64>> stored; // nonce → (checkin, ticket)
            while (q->next())
                stored.insert(
                    q->value(0).toString(), { q->value(1).toLongLong(), q->value(2).toLongLong() });
            q->finish();

            // The event's window, for scans by ticket id or number (a QR carries its own).
            q = tx.exec(u"SELECT (extract(epoch from start_time) * 1000)::bigint, "
                        "(extract(epoch from end_time) * 1000)::bigint FROM events WHERE id = ?"_s,
                { eventId });
            if (!q || !q->next())
                return { storageFailed(tx.error(), "checkins event") };
            const qint64 validFromMs = q->value(0).toLongLong() - WindowMarginMs;
            const qint64 validUntilMs = q->value(1).toLongLong() + WindowMarginMs;
            q->finish();

            // The keys a door device has in its bundle: the same verdict online and offline.
            QHash<QString, QByteArray> keys;
            q = tx.exec(u"SELECT kid, public_key FROM ticket_keys WHERE retired_at IS NULL"_s);
            if (!q)
                return { storageFailed(tx.error(), "checkins keys") };
            while (q->next())
                keys.insert(q->value(0).toString(), q->value(1).toByteArray());
            q->finish();

            // Every ticket the scans name, by id (also the id a QR claims) or by number.
            QList<qint64> ids;
            QStringList numbers; // normalized: only characters of the alphabet
            QList<std::optional<QString>> normalized;
            for (const Scan &scan : scans) {
                normalized.append(std::nullopt);
                if (scan.ticketId)
                    ids.append(scan.ticketId);
                if (!scan.qr.isEmpty()) {
                    if (const auto parsed = Tickets::parse(scan.qr))
                        ids.append(parsed->claims.ticketId);
                }
                if (!scan.number.isEmpty()) {
                    normalized.last() = Tickets::normalizeNumber(scan.number);
                    if (normalized.last())
                        numbers.append(*normalized.last());
                }
            }
            q = tx.exec(u"SELECT id, event_id, user_id, number, seed, revoked_at IS NOT NULL "
                        "FROM tickets WHERE id = ANY(?::bigint[]) OR number = ANY(?::text[])"_s,
                { idArray(ids), QString(u"{"_s % numbers.join(u',') % u"}"_s) });
            if (!q)
                return { storageFailed(tx.error(), "checkins tickets") };
            QHash<qint64, TicketRow> byId;
            QHash<QString, qint64> byNumber;
            while (q->next()) {
                const TicketRow t { q->value(0).toLongLong(), q->value(1).toLongLong(),
                    q->value(2).toLongLong(), q->value(3).toString(), q->value(4).toByteArray(),
                    q->value(5).toBool() };
                byId.insert(t.id, t);
                byNumber.insert(t.number, t.id);
            }
            q->finish();

            // Each scan: a retry, a refusal (nothing stored), or a new row.
            QList<ScanResult> results(scans.size());
            QHash<QString, qsizetype> firstInBatch;
            QList<qsizetype> retryOf(scans.size(), -1);
            QJsonArray rows;
            for (qsizetype i = 0; i < scans.size(); ++i) {
                const Scan &scan = scans[i];
                if (const auto it = stored.constFind(scan.nonce); it != stored.cend()) {
                    results[i].checkinId = it->first;
                    results[i].ticketId = it->second;
                    continue;
                }
                if (const auto it = firstInBatch.constFind(scan.nonce); it != firstInBatch.cend()) {
                    retryOf[i] = *it;
                    continue;
                }
                firstInBatch.insert(scan.nonce, i);
                const TicketRow *ticket = nullptr;
                if (!scan.qr.isEmpty()) {
                    Tickets::SignedTicket signedTicket;
                    const auto verdict
                        = Tickets::verify(scan.qr, keys, eventId, scan.scannedAt, &signedTicket);
                    if (verdict != Tickets::Verdict::Valid) {
                        results[i] = refused(reasonFor(verdict));
                        continue;
                    }
                    const auto it = byId.constFind(signedTicket.claims.ticketId);
                    // Signed by our key, yet no such ticket here: never issued so.
                    if (it == byId.cend() || it->eventId != eventId
                        || it->userId != signedTicket.claims.userId
                        || it->seed != signedTicket.claims.seed) {
                        results[i] = refused(u"unknown"_s);
                        continue;
                    }
                    ticket = &*it;
                } else {
                    const qint64 id = scan.ticketId ? scan.ticketId
                        : normalized[i]             ? byNumber.value(*normalized[i])
                                                    : 0;
                    const auto it = byId.constFind(id);
                    if (it == byId.cend()) {
                        results[i] = refused(u"unknown"_s);
                        continue;
                    }
                    if (it->eventId != eventId) {
                        results[i] = refused(u"other_event"_s);
                        continue;
                    }
                    const qint64 at = scan.scannedAt.toMSecsSinceEpoch();
                    if (at < validFromMs || at > validUntilMs) {
                        results[i]
                            = refused(at < validFromMs ? u"not_yet_valid"_s : u"expired"_s, id);
                        continue;
                    }
                    ticket = &*it;
                }
                if (ticket->revoked) {
                    results[i] = refused(u"revoked"_s, ticket->id);
                    continue;
                }
                results[i].ticketId = ticket->id;
                rows.append(QJsonObject { { u"t"_s, ticket->id }, { u"n"_s, scan.nonce },
                    { u"s"_s, toIsoString(scan.scannedAt) } });
            }

            // The new scans, as the facts they are: every one is stored.
            QList<qint64> changed;
            if (!rows.isEmpty()) {
                q = tx.exec(u"INSERT INTO checkins(event_id, ticket_id, client_nonce, device_id, "
                            "scanned_at, user_id, door_token_id) SELECT ?::bigint, r.t, r.n, "
                            "?::text, r.s, ?::bigint, ?::bigint FROM json_to_recordset(?::json) "
                            "AS r(t bigint, n text, s timestamptz) "
                            "RETURNING client_nonce, id, ticket_id"_s,
                    { eventId, deviceId, actor.userId ? QVariant(actor.userId) : QVariant(),
                        actor.doorTokenId ? QVariant(actor.doorTokenId) : QVariant(),
                        jsonText(rows) });
                if (!q)
                    return { storageFailed(tx.error(), "checkins insert") };
                while (q->next()) {
                    const qsizetype i = firstInBatch.value(q->value(0).toString(), -1);
                    if (i >= 0)
                        results[i].checkinId = q->value(1).toLongLong();
                    if (!changed.contains(q->value(2).toLongLong()))
                        changed.append(q->value(2).toLongLong());
                }
                q->finish();
            }

            // Entry or double entry: by (scanned_at, id) among the non-undone check-ins.
            QList<qint64> touched;
            for (const ScanResult &r : std::as_const(results)) {
                if (r.checkinId)
                    touched.append(r.ticketId);
            }
            QHash<qint64, std::pair<qint64, QVariant>> entries; // ticket → (checkin, time)
            if (!touched.isEmpty()) {
                q = tx.exec(
                    u"SELECT DISTINCT ON (ticket_id) ticket_id, id, "
                    "(extract(epoch from scanned_at) * 1000)::bigint FROM checkins "
                    "WHERE event_id = ? AND undone_at IS NULL AND ticket_id = ANY(?::bigint[]) "
                    "ORDER BY ticket_id, scanned_at, id"_s,
                    { eventId, idArray(touched) });
                if (!q)
                    return { storageFailed(tx.error(), "checkins entries") };
                while (q->next())
                    entries.insert(
                        q->value(0).toLongLong(), { q->value(1).toLongLong(), q->value(2) });
                q->finish();
            }
            BatchOutcome outcome { HttpResponse::noContent() };
            QJsonArray answers;
            for (qsizetype i = 0; i < scans.size(); ++i) {
                ScanResult &r = results[i];
                if (retryOf[i] >= 0) {
                    r = results[retryOf[i]];
                } else if (r.checkinId) {
                    const auto entry = entries.value(r.ticketId);
                    r.result = entry.first == r.checkinId ? u"ENTRY"_s : u"DOUBLE_ENTRY"_s;
                    r.firstEntryMs = entry.second;
                }
                if (r.result == "ENTRY"_L1)
                    ++outcome.entries;
                else if (r.result == "DOUBLE_ENTRY"_L1)
                    ++outcome.doubles;
                else
                    ++outcome.refusedCount;
                answers.append(r.toJson(scans[i].nonce));
            }
            const auto count = counter(s, eventId);
            // Every open door device and the organizer see it at once (sent at COMMIT).
            if (!count || (!changed.isEmpty() && !publishUpdate(s, eventId, organizerId, changed))
                || !tx.commit())
                return { storageFailed(tx.error(), "checkins") };
            outcome.response = HttpResponse::json(QJsonObject { { u"results"_s, answers },
                { u"counter"_s, count->toJson() }, { u"version"_s, count->version } });
            qCInfo(lcCheckin) << "event" << eventId << "took" << scans.size()
                              << "scans:" << outcome.entries << "entries," << outcome.doubles
                              << "double entries," << outcome.refusedCount << "refused; now"
                              << count->checkedIn << "of" << count->expected << "checked in";
            return outcome;
        })
        .then([reply](const BatchOutcome &o) { reply.send(o.response); });
}

void CheckinApi::undo(Request &request, const Reply &reply)
{
    const qint64 eventId = request.id(0);
    const qint64 ticketId = request.id(1);
    const Actor actor = actorOf(request);
    m_db.run([=](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            const auto access = lockForDoor(tx, eventId, actor);
            if (!access)
                return refusal(access.error());
            auto *q = tx.exec(
                u"SELECT 1 FROM tickets WHERE id = ? AND event_id = ?"_s, { ticketId, eventId });
            if (!q)
                return storageFailed(tx.error(), "undo");
            const bool exists = q->next();
            q->finish();
            if (!exists)
                return HttpResponse::error(
                    EC::NotFound, CheckinText::tr("There is no such ticket for this meetup."));
            q = tx.exec(u"UPDATE checkins SET undone_at = now() WHERE event_id = ? "
                        "AND ticket_id = ? AND undone_at IS NULL RETURNING id"_s,
                { eventId, ticketId });
            if (!q)
                return storageFailed(tx.error(), "undo");
            int undone = 0;
            while (q->next())
                ++undone;
            q->finish();
            const auto count = counter(s, eventId);
            if (!count || (undone > 0 && !publishUpdate(s, eventId, access.value(), { ticketId }))
                || !tx.commit())
                return storageFailed(tx.error(), "undo");
            if (undone > 0)
                qCInfo(lcCheckin) << "event" << eventId << "ticket" << ticketId
                                  << "undone:" << undone << "check-ins";
            return HttpResponse::json(QJsonObject {
                { u"counter"_s, count->toJson() }, { u"version"_s, count->version } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void CheckinApi::createDoorToken(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    FieldErrors errors;
    const QJsonValue labelValue = body->value("label"_L1);
    if (!labelValue.isString())
        errors.append({ u"label"_s,
            CheckinText::tr("Name the door access (1–%1 characters), e.g. who holds it.")
                .arg(LabelMax) });
    else
        errors += Validation::checkText(
            u"label"_s, labelValue.toString(), Validation::TextKind::SingleLine, 1, LabelMax);
    int validHours = ValidHoursDefault;
    if (const QJsonValue hours = body->value("validHours"_L1); !hours.isUndefined()) {
        const double h = hours.toDouble(-1);
        if (!hours.isDouble() || h != std::floor(h) || h < 1 || h > ValidHoursMax)
            errors.append({ u"validHours"_s,
                CheckinText::tr("Door access lasts 1 to %1 hours.").arg(ValidHoursMax) });
        else
            validHours = int(h);
    }
    if (!errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    const QString label
        = Validation::normalizedText(labelValue.toString(), Validation::TextKind::SingleLine);
    const qint64 eventId = request.id();
    const qint64 userId = request.user->id;
    m_db.run([=](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            const auto access = lockForOrganizer(tx, eventId, userId);
            if (!access)
                return HttpResponse::fromError(access.error());
            // Shown once: only its hash is stored.
            const QByteArray token = Credentials::newToken();
            auto *q = tx.exec(u"INSERT INTO door_tokens(event_id, created_by, label, token_hash, "
                              "expires_at) VALUES (?, ?, ?, ?, now() + make_interval(hours => ?)) "
                              "RETURNING id, (extract(epoch from created_at) * 1000)::bigint, "
                              "(extract(epoch from expires_at) * 1000)::bigint"_s,
                { eventId, userId, label, Credentials::tokenHash(token), validHours });
            if (!q || !q->next())
                return storageFailed(tx.error(), "create door token");
            const QJsonObject json { { u"id"_s, q->value(0).toLongLong() }, { u"label"_s, label },
                { u"token"_s, QString::fromLatin1(token) },
                { u"expiresAt"_s, toIsoString(utcFromMs(q->value(2))) },
                { u"createdAt"_s, toIsoString(utcFromMs(q->value(1))) } };
            q->finish();
            if (!tx.commit())
                return storageFailed(tx.error(), "create door token");
            qCInfo(lcCheckin) << "event" << eventId << "door token"
                              << json.value("id"_L1).toInteger() << "for" << validHours << "h";
            return HttpResponse::json(json, 201);
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void CheckinApi::listDoorTokens(Request &request, const Reply &reply)
{
    const qint64 eventId = request.id();
    const qint64 userId = request.user->id;
    m_db.run([=](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            const auto access = lockForOrganizer(tx, eventId, userId);
            if (!access)
                return HttpResponse::fromError(access.error());
            auto *q = tx.exec(u"SELECT id, label, (extract(epoch from created_at) * 1000)::bigint, "
                              "(extract(epoch from expires_at) * 1000)::bigint, "
                              "(extract(epoch from revoked_at) * 1000)::bigint "
                              "FROM door_tokens WHERE event_id = ? ORDER BY id"_s,
                { eventId });
            if (!q)
                return storageFailed(tx.error(), "list door tokens");
            QJsonArray list;
            while (q->next())
                list.append(QJsonObject { { u"id"_s, q->value(0).toLongLong() },
                    { u"label"_s, q->value(1).toString() },
                    { u"createdAt"_s, toIsoString(utcFromMs(q->value(2))) },
                    { u"expiresAt"_s, toIsoString(utcFromMs(q->value(3))) },
                    { u"revokedAt"_s, timeOrNull(q->value(4)) } });
            q->finish();
            if (!tx.commit())
                return storageFailed(tx.error(), "list door tokens");
            return HttpResponse::json(QJsonObject { { u"doorTokens"_s, list } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void CheckinApi::revokeDoorToken(Request &request, const Reply &reply)
{
    const qint64 eventId = request.id(0);
    const qint64 tokenId = request.id(1);
    const qint64 userId = request.user->id;
    m_db.run([=](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            const auto access = lockForOrganizer(tx, eventId, userId);
            if (!access)
                return HttpResponse::fromError(access.error());
            auto *q = tx.exec(u"SELECT token_hash, revoked_at IS NOT NULL FROM door_tokens "
                              "WHERE id = ? AND event_id = ?"_s,
                { tokenId, eventId });
            if (!q)
                return storageFailed(tx.error(), "revoke door token");
            if (!q->next())
                return HttpResponse::error(
                    EC::NotFound, CheckinText::tr("There is no such door access."));
            const QByteArray hash = q->value(0).toByteArray();
            const bool revoked = q->value(1).toBool();
            q->finish();
            if (revoked)
                return HttpResponse::noContent(); // revoking twice is revoking
            q = tx.exec(u"UPDATE door_tokens SET revoked_at = now() WHERE id = ?"_s, { tokenId });
            if (!q)
                return storageFailed(tx.error(), "revoke door token");
            q->finish();
            // Its open sockets close with 4401 on every instance, after the commit.
            if (!LivePublisher::notifyRevoked(s, hash) || !tx.commit())
                return storageFailed(tx.error(), "revoke door token");
            qCInfo(lcCheckin) << "event" << eventId << "door token" << tokenId << "revoked";
            return HttpResponse::noContent();
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

} // namespace Pudding::Server
