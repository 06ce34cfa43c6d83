// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketsapi.h"

#include "db/database.h"
#include "meetups/eventindex.h"
#include "shared/event.h"
#include "shared/protocol.h"
#include "shared/ticket.h"
#include "ticketkeys.h"
#include "ticketslogging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {

class TicketsText
{
    Q_DECLARE_TR_FUNCTIONS(Tickets)
};
namespace EC = Protocol::ErrorCode;

/// A ticket may be shown from 12 hours before the start to 12 hours after the end.
constexpr qint64 validityMarginSeconds = 12 * 3600;

const QString selectTickets
    = u"SELECT t.id, t.number, t.event_id, t.user_id, t.attendance_id, t.seed, "
      "(extract(epoch from t.issued_at) * 1000)::bigint, "
      "(extract(epoch from t.revoked_at) * 1000)::bigint, t.revoke_reason, u.name, "
      "a.id IS NOT NULL, a.pudding_name, a.pudding_description, a.photo_id, "
      "floor(extract(epoch from e.start_time))::bigint, "
      "ceil(extract(epoch from e.end_time))::bigint, e.organizer_id "
      "FROM tickets t JOIN users u ON u.id = t.user_id JOIN events e ON e.id = t.event_id "
      "LEFT JOIN attendances a ON a.id = t.attendance_id "_s;

struct TicketRow
{
    qint64 id = 0;
    QString number;
    qint64 eventId = 0;
    qint64 userId = 0;
    QVariant attendanceId;
    QByteArray seed;
    QDateTime issuedAt;
    QDateTime revokedAt;
    QString revokeReason;
    QString holderName;
    bool hasPudding = false;
    QString puddingName;
    QString puddingDescription;
    QVariant photoId;
    qint64 startSecs = 0;
    qint64 endSecs = 0;
    qint64 organizerId = 0;

    [[nodiscard]] bool valid() const { return !revokedAt.isValid(); }
};

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime()
                      : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::utc());
}

TicketRow rowFrom(const QSqlQuery &q)
{
    TicketRow r;
    r.id = q.value(0).toLongLong();
    r.number = q.value(1).toString();
    r.eventId = q.value(2).toLongLong();
    r.userId = q.value(3).toLongLong();
    r.attendanceId = q.value(4).isNull() ? QVariant() : QVariant(q.value(4).toLongLong());
    r.seed = q.value(5).toByteArray();
    r.issuedAt = fromMs(q.value(6));
    r.revokedAt = fromMs(q.value(7));
    r.revokeReason = q.value(8).toString();
    r.holderName = q.value(9).toString();
    r.hasPudding = q.value(10).toBool();
    r.puddingName = q.value(11).toString();
    r.puddingDescription = q.value(12).toString();
    r.photoId = q.value(13).isNull() ? QVariant() : QVariant(q.value(13).toLongLong());
    r.startSecs = q.value(14).toLongLong();
    r.endSecs = q.value(15).toLongLong();
    r.organizerId = q.value(16).toLongLong();
    return r;
}

Tickets::TicketClaims claimsOf(const TicketRow &r)
{
    Tickets::TicketClaims c;
    c.ticketId = r.id;
    c.eventId = r.eventId;
    c.userId = r.userId;
    c.validFrom
        = QDateTime::fromSecsSinceEpoch(r.startSecs - validityMarginSeconds, QTimeZone::utc());
    c.validUntil
        = QDateTime::fromSecsSinceEpoch(r.endSecs + validityMarginSeconds, QTimeZone::utc());
    c.seed = r.seed;
    return c;
}

QJsonValue nullable(const QVariant &v)
{
    return v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.toLongLong());
}

/// The Ticket JSON (api/openapi.json). qr: the signed payload of a valid ticket.
QJsonObject ticketJson(const TicketRow &r, const QString &qr, const EventIndex &index,
    const QDateTime &now, qint64 viewerId)
{
    QJsonObject o { { u"id"_s, r.id }, { u"number"_s, r.number }, { u"eventId"_s, r.eventId },
        { u"userId"_s, r.userId }, { u"attendanceId"_s, nullable(r.attendanceId) },
        { u"status"_s, r.valid() ? u"VALID"_s : u"REVOKED"_s },
        { u"revokeReason"_s, r.valid() ? QJsonValue() : QJsonValue(r.revokeReason) },
        { u"issuedAt"_s, toIsoString(r.issuedAt) },
        { u"revokedAt"_s, r.valid() ? QJsonValue() : QJsonValue(toIsoString(r.revokedAt)) },
        { u"qr"_s, r.valid() ? QJsonValue(qr) : QJsonValue() },
        { u"holder"_s, QJsonObject { { u"id"_s, r.userId }, { u"name"_s, r.holderName } } } };
    // The request a revoked ticket came from may be gone (joined again, refusal lifted).
    o.insert(u"pudding"_s,
        r.hasPudding ? QJsonValue(QJsonObject { { u"name"_s, r.puddingName },
            { u"description"_s, r.puddingDescription }, { u"photoId"_s, nullable(r.photoId) } })
                     : QJsonValue());
    const auto event = index.eventJson(r.eventId, now, Viewer::user(viewerId));
    o.insert(
        u"event"_s, event ? QJsonValue(QJsonDocument::fromJson(*event).object()) : QJsonValue());
    return o;
}

HttpResponse noSuchTicket()
{
    return HttpResponse::error(EC::NotFound, TicketsText::tr("There is no such ticket."));
}

} // namespace

TicketsApi::TicketsApi(Database &db, EventIndex &index, TicketKeys &keys)
    : m_db(db)
    , m_index(index)
    , m_keys(keys)
{ }

void TicketsApi::mine(Request &request, const Reply &reply)
{
    const qint64 userId = request.user->id;
    m_db.run([this, userId](DbSession &s) -> HttpResponse {
            // Valid tickets and those revoked in the last 30 days, by the meetup's start.
            auto *q = s.run(selectTickets
                    % u"WHERE t.user_id = ? AND (t.revoked_at IS NULL OR t.revoked_at > "
                      "now() - interval '30 days') ORDER BY e.start_time, t.id"_s,
                { userId });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "my tickets"));
            QList<TicketRow> rows;
            while (q->next())
                rows.append(rowFrom(*q));
            q->finish();
            std::optional<TicketKeys::SigningKey> key;
            QJsonArray list;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const TicketRow &r : std::as_const(rows)) {
                QString qr;
                if (r.valid()) {
                    if (!key) {
                        auto k = m_keys.signingKey(s);
                        if (!k)
                            return HttpResponse::fromError(k.error());
                        key = k.value();
                    }
                    qr = Tickets::sign(claimsOf(r), key->kid, key->secretKey);
                    if (qr.isEmpty())
                        return HttpResponse::internalError();
                }
                list.append(ticketJson(r, qr, m_index, now, userId));
            }
            return HttpResponse::json(QJsonObject { { u"tickets"_s, list } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void TicketsApi::one(Request &request, const Reply &reply)
{
    const qint64 ticketId = request.id();
    const qint64 userId = request.user->id;
    m_db.run([this, ticketId, userId](DbSession &s) -> HttpResponse {
            auto *q = s.run(selectTickets % u"WHERE t.id = ?"_s, { ticketId });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "ticket"));
            const bool found = q->next();
            const TicketRow r = found ? rowFrom(*q) : TicketRow {};
            q->finish();
            // Only the holder and the organizer know the ticket exists.
            if (!found || (r.userId != userId && r.organizerId != userId))
                return noSuchTicket();
            QString qr;
            if (r.valid()) {
                const auto signedQr = m_keys.sign(s, claimsOf(r));
                if (!signedQr)
                    return HttpResponse::fromError(signedQr.error());
                qr = signedQr.value();
            }
            return HttpResponse::json(
                ticketJson(r, qr, m_index, QDateTime::currentDateTimeUtc(), userId));
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

} // namespace Pudding::Server
