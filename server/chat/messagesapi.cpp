// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagesapi.h"

#include "chatsender.h"
#include "db/database.h"
#include "shared/chat.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class MessagesText
{
    Q_DECLARE_TR_FUNCTIONS(Chat)
};
namespace EC = Protocol::ErrorCode;

/// A non-negative integer query parameter; nullopt when present but not one.
std::optional<qint64> idParam(const Request &request, const QString &key, qint64 absent)
{
    const QString text = request.queryValue(key);
    if (text.isEmpty() && !request.query.hasQueryItem(key))
        return absent;
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return v;
}
} // namespace

MessagesApi::MessagesApi(Database &db, ChatSender &sender)
    : m_db(db)
    , m_sender(sender)
{ }

void MessagesApi::history(Request &request, const Reply &reply)
{
    const auto before = idParam(request, u"before"_s, 0);
    const auto after = idParam(request, u"after"_s, -1);
    const auto limit = idParam(request, u"limit"_s, Chat::HistoryPageDefault);
    FieldErrors errors;
    if (!before)
        errors.append({ u"before"_s, MessagesText::tr("before must be a message id.") });
    if (!after)
        errors.append({ u"after"_s, MessagesText::tr("after must be a message id.") });
    if (!limit || *limit < 1 || *limit > Chat::HistoryPageMax)
        errors.append({ u"limit"_s,
            MessagesText::tr("limit is between 1 and %1.").arg(Chat::HistoryPageMax) });
    if (before && after && *before > 0 && *after >= 0)
        errors.append({ u"before"_s, MessagesText::tr("Give either before or after.") });
    if (!errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    const qint64 eventId = request.id();
    const qint64 userId = request.user->id;
    const qint64 beforeId = *before;
    const qint64 afterId = *after;
    const qint64 n = *limit;
    m_db.run([=](DbSession &s) -> HttpResponse {
            const ChatMembership membership = chatMembership(s, eventId, userId);
            if (!membership.ok)
                return HttpResponse::fromError(databaseError(s.lastError(), "history"));
            if (!membership.member)
                return HttpResponse::error(EC::NotFound, MessagesText::tr("No such event."));
            if (!*membership.member)
                return HttpResponse::error(EC::Forbidden,
                    MessagesText::tr("Only the organizer and approved attendees can read "
                                     "this chat."));
            const QString select = selectMessagesSql() % u"WHERE m.event_id = ? "_s;
            QSqlQuery *q;
            bool ok;
            // after: oldest first from there; otherwise the newest page before `before`.
            if (afterId >= 0) {
                q = s.prepared(select % u"AND m.id > ? ORDER BY m.id LIMIT ?"_s);
                ok = s.exec(q, { eventId, afterId, n + 1 });
            } else {
                q = s.prepared(select % u"AND m.id < ? ORDER BY m.id DESC LIMIT ?"_s);
                ok = s.exec(q,
                    { eventId, beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max(),
                        n + 1 });
            }
            if (!ok)
                return HttpResponse::fromError(databaseError(s.lastError(), "history"));
            QList<QJsonObject> rows;
            while (q->next())
                rows.append(messageFromRow(*q).toJson());
            const bool hasMore = rows.size() > n;
            if (hasMore)
                rows.removeLast();
            if (afterId < 0)
                std::reverse(rows.begin(), rows.end());
            QJsonArray messages;
            for (const auto &row : std::as_const(rows))
                messages.append(row);
            return HttpResponse::json(
                QJsonObject { { u"messages"_s, messages }, { u"hasMore"_s, hasMore } });
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void MessagesApi::send(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const QString content = body->value("content"_L1).toString().trimmed();
    const QString clientMsgId = body->value("clientMsgId"_L1).toString();
    qint64 photoId = 0;
    const QJsonValue photo = body->value("photoId"_L1);
    if (!photo.isUndefined() && !photo.isNull()) {
        photoId = photo.toInteger(0);
        if (photoId <= 0) {
            // Reported together with whatever else is wrong with the message.
            reply.send(HttpResponse::validation(Chat::validateMessage(content, clientMsgId)
                + FieldErrors {
                    { u"photoId"_s, MessagesText::tr("photoId must be a photo's id.") } }));
            return;
        }
    }
    const auto sent = m_sender.send(
        { request.id(), { request.user->id, request.user->name }, content, clientMsgId, photoId },
        [reply](const Result<ChatWriter::Outcome> &outcome) {
            if (!outcome) {
                // unavailable (503) is the only one worth retrying; a message the database
                // refused alone is final (400 or 500).
                reply.send(HttpResponse::fromError(outcome.error()));
                return;
            }
            const auto &o = outcome.value();
            reply.send(HttpResponse::json(QJsonObject { { u"message"_s, o.message.toJson() },
                                              { u"duplicate"_s, o.duplicate } },
                o.duplicate ? 200 : 201));
        });
    if (sent)
        return;
    if (sent.error().isValidation())
        reply.send(HttpResponse::validation(sent.error().fields));
    else
        reply.send(HttpResponse::fromError(sent.error()).withHeader("Retry-After", "1"));
}

} // namespace Pudding::Server
