// SPDX-License-Identifier: GPL-3.0-or-later
#include "livepublisher.h"

#include "db/database.h"
#include "metrics/logcontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
constexpr int PayloadBudget = 7900;

QString channel()
{
    return QString::fromLatin1(LivePublisher::Channel);
}

/// The payload itself when it fits a NOTIFY, else a reference to it stored in live_frames;
/// empty when storing failed.
QByteArray fitPayload(DbSession &session, const QByteArray &payload)
{
    if (payload.size() <= PayloadBudget)
        return payload;
    // Too large for a NOTIFY (which would abort the caller's transaction): the frame is
    // stored in the same transaction and the notification carries its id.
    auto *q = session.run(u"INSERT INTO live_frames(payload) VALUES (?) RETURNING id"_s,
        { QString::fromUtf8(payload) });
    if (!q || !q->next())
        return {};
    const qint64 id = q->value(0).toLongLong();
    q->finish();
    return R"({"k":"ref","id":)" + QByteArray::number(id) + '}';
}

} // namespace

bool LivePublisher::notify(DbSession &session, const QByteArray &payload)
{
    const QByteArray fitted = fitPayload(session, payload);
    if (fitted.isEmpty())
        return false;
    auto *q = session.run(u"SELECT pg_notify(?, ?)"_s, { channel(), QString::fromUtf8(fitted) });
    if (!q)
        return false;
    q->finish();
    return true;
}

bool LivePublisher::notifyAll(DbSession &session, const QList<QByteArray> &payloads)
{
    if (payloads.isEmpty())
        return true;
    if (payloads.size() == 1)
        return notify(session, payloads.first());
    QJsonArray list;
    for (const auto &payload : payloads) {
        const QByteArray fitted = fitPayload(session, payload);
        if (fitted.isEmpty())
            return false;
        list.append(QString::fromUtf8(fitted));
    }
    auto *q = session.run(u"SELECT count(pg_notify(?, p)) "
                          "FROM json_array_elements_text(?::json) AS p"_s,
        { channel(), QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)) });
    if (!q)
        return false;
    q->finish();
    return true;
}

bool LivePublisher::notifyUsers(
    DbSession &session, const QList<qint64> &userIds, const QByteArray &frame)
{
    // As many recipients per payload as fit (an event may have thousands of attendees).
    // A frame that needs a reference anyway goes once, with all its recipients. The request
    // that caused it travels along ("r", delivered as the frame's "requestId"); its characters
    // ([A-Za-z0-9._-], checked when it was accepted) need no escaping.
    const QByteArray &requestId = LogContext::current().requestId;
    const QByteArray head = (requestId.isEmpty() ? QByteArray(R"({"k":"user","f":)")
                                                 : R"({"k":"user","r":")" + requestId + R"(","f":)")
        + frame + R"(,"u":[)";
    const bool byReference = head.size() > PayloadBudget / 2;
    QByteArray ids;
    for (const qint64 userId : userIds) {
        const QByteArray id = QByteArray::number(userId);
        if (!byReference && !ids.isEmpty()
            && head.size() + ids.size() + id.size() + 3 > PayloadBudget) {
            if (!notify(session, head + ids + "]}"))
                return false;
            ids.clear();
        }
        if (!ids.isEmpty())
            ids += ',';
        ids += id;
    }
    return ids.isEmpty() || notify(session, head + ids + "]}");
}

bool LivePublisher::notifyEventAudience(DbSession &session, qint64 eventId, const QByteArray &frame)
{
    auto *q = session.run(u"SELECT organizer_id FROM events WHERE id = ? UNION "
                          "SELECT user_id FROM attendances WHERE event_id = ? "
                          "AND status IN ('PENDING', 'APPROVED', 'WAITLISTED')"_s,
        { eventId, eventId });
    if (!q)
        return false;
    QList<qint64> users;
    while (q->next())
        users.append(q->value(0).toLongLong());
    return notifyUsers(session, users, frame);
}

bool LivePublisher::notifyRemoved(DbSession &session, qint64 eventId, qint64 userId)
{
    return notify(session,
        R"({"k":"kick","e":)" + QByteArray::number(eventId) + R"(,"u":)"
            + QByteArray::number(userId) + "}");
}

bool LivePublisher::notifyRevoked(DbSession &session, const QByteArray &tokenHash)
{
    return notify(session, R"({"k":"revoke","h":")" + tokenHash.toHex() + "\"}");
}

bool LivePublisher::notifyDoors(
    DbSession &session, qint64 eventId, const QList<qint64> &userIds, const QByteArray &frame)
{
    // One payload (stored once by reference when large): the door sockets and the users.
    const QByteArray &requestId = LogContext::current().requestId;
    QByteArray payload = R"({"k":"door","e":)" + QByteArray::number(eventId);
    if (!requestId.isEmpty())
        payload += R"(,"r":")" + requestId + '"';
    payload += R"(,"u":[)";
    for (qsizetype i = 0; i < userIds.size(); ++i)
        payload += (i ? "," : "") + QByteArray::number(userIds[i]);
    return notify(session, payload + R"(],"f":)" + frame + '}');
}

} // namespace Pudding::Server
