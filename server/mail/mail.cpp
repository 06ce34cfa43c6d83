// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail.h"

#include "jobs/jobqueue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Pudding::Server::Mail {

namespace {
QString g_from = u"Pudding Gabel <noreply@pudding.invalid>"_s;

QString messageIdDomain()
{
    const qsizetype at = g_from.lastIndexOf(u'@');
    QString domain = at < 0 ? QString() : g_from.mid(at + 1);
    domain.remove(u'>');
    domain = domain.trimmed();
    return domain.isEmpty() ? u"pudding.invalid"_s : domain;
}
} // namespace

void setFrom(const QString &from)
{
    g_from = from;
}

QString from()
{
    return g_from;
}

QJsonObject toJson(const OutgoingMail &mail)
{
    QJsonArray attachments;
    for (const auto &a : mail.attachments)
        attachments.append(
            QJsonObject { { u"fileName"_s, a.fileName }, { u"contentType"_s, a.contentType },
                { u"data"_s, QString::fromLatin1(a.data.toBase64()) } });
    return QJsonObject { { u"to"_s, mail.to }, { u"toName"_s, mail.toName },
        { u"subject"_s, mail.subject }, { u"text"_s, mail.text }, { u"html"_s, mail.html },
        { u"language"_s, mail.language }, { u"category"_s, mail.category },
        { u"unsubscribeUrl"_s, mail.unsubscribeUrl }, { u"attachments"_s, attachments },
        { u"userId"_s, mail.userId } };
}

std::optional<OutgoingMail> fromJson(const QJsonObject &json)
{
    OutgoingMail m;
    m.to = json.value("to"_L1).toString();
    if (m.to.isEmpty())
        return std::nullopt;
    m.toName = json.value("toName"_L1).toString();
    m.subject = json.value("subject"_L1).toString();
    m.text = json.value("text"_L1).toString();
    m.html = json.value("html"_L1).toString();
    m.language = json.value("language"_L1).toString();
    m.category = json.value("category"_L1).toString();
    m.unsubscribeUrl = json.value("unsubscribeUrl"_L1).toString();
    m.userId = json.value("userId"_L1).toInteger();
    for (const auto &v : json.value("attachments"_L1).toArray()) {
        const QJsonObject a = v.toObject();
        m.attachments.append(
            { a.value("fileName"_L1).toString(), a.value("contentType"_L1).toString(),
                QByteArray::fromBase64(a.value("data"_L1).toString().toLatin1()) });
    }
    return m;
}

Result<std::optional<qint64>> enqueue(
    DbSession &session, const OutgoingMail &mail, const QString &dedupeKey)
{
    JobQueue::NewJob job;
    job.kind = u"mail"_s;
    job.payload = toJson(mail);
    job.dedupeKey = dedupeKey;
    job.messageId = u"<"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u"@"_s
        + messageIdDomain() + u">"_s;
    return JobQueue::enqueue(session, job);
}

} // namespace Pudding::Server::Mail
