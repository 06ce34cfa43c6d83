// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat.h"

#include "event.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Pudding {

namespace {
class ChatText
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
};
} // namespace

QJsonObject ChatMessage::toJson() const
{
    QJsonObject json { { u"id"_s, id }, { u"eventId"_s, eventId }, { u"user"_s, user.toJson() },
        { u"content"_s, content }, { u"createdAt"_s, toIsoString(createdAt) } };
    if (photoId > 0)
        json.insert(u"photoId"_s, photoId);
    if (!clientMsgId.isEmpty())
        json.insert(u"clientMsgId"_s, clientMsgId);
    return json;
}

ChatMessage ChatMessage::fromJson(const QJsonObject &json)
{
    ChatMessage m;
    m.id = json.value("id"_L1).toInteger();
    m.eventId = json.value("eventId"_L1).toInteger();
    m.user = UserRef::fromJson(json.value("user"_L1).toObject());
    m.content = json.value("content"_L1).toString();
    m.photoId = json.value("photoId"_L1).toInteger();
    m.clientMsgId = json.value("clientMsgId"_L1).toString();
    m.createdAt = parseIsoDateTime(json.value("createdAt"_L1).toString()).value_or(QDateTime());
    return m;
}

namespace Chat {

QByteArray frame(QLatin1StringView type, QJsonObject fields)
{
    fields.insert(u"type"_s, QString(type));
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

qsizetype characterCount(QStringView text)
{
    return Validation::characterCount(text);
}

qint64 idField(const QJsonObject &frame, QLatin1StringView key)
{
    const QJsonValue v = frame.value(key);
    if (!v.isDouble())
        return 0;
    const double d = v.toDouble();
    if (d < 1 || d > 9007199254740991.0 || d != double(qint64(d)))
        return 0;
    return qint64(d);
}

FieldErrors validateMessage(const QString &trimmedContent, const QString &clientMsgId)
{
    using Validation::TextKind;
    return Validation::checkText(u"content"_s, trimmedContent, TextKind::MultiLine, 1, ContentMax,
               ChatText::tr("Write a message of 1 to %1 characters.").arg(ContentMax))
        + Validation::checkText(u"clientMsgId"_s, clientMsgId, TextKind::Token, 0, ClientMsgIdMax,
            ChatText::tr("clientMsgId has at most %1 characters.").arg(ClientMsgIdMax));
}

} // namespace Chat
} // namespace Pudding
