// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat.h"

#include "event.h"

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
    QJsonObject json { { u"id"_s, id },
                       { u"eventId"_s, eventId },
                       { u"user"_s, user.toJson() },
                       { u"content"_s, content },
                       { u"createdAt"_s, toIsoString(createdAt) } };
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
    qsizetype count = 0;
    for (const QChar c : text)
        count += c.isLowSurrogate() ? 0 : 1; // a surrogate pair is one character, as in SQL
    return count;
}

FieldErrors validateMessage(const QString &trimmedContent, const QString &clientMsgId)
{
    FieldErrors errors;
    if (trimmedContent.isEmpty() || characterCount(trimmedContent) > ContentMax)
        errors.append({ u"content"_s,
                        ChatText::tr("Write a message of 1 to %1 characters.").arg(ContentMax) });
    if (clientMsgId.size() > ClientMsgIdMax)
        errors.append({ u"clientMsgId"_s,
                        ChatText::tr("clientMsgId has at most %1 characters.")
                                .arg(ClientMsgIdMax) });
    return errors;
}

} // namespace Chat
} // namespace Pudding
