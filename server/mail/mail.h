// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace Pudding::Server {

class DbSession;

/// Outgoing mail. A mail is rendered by whoever sends it (in the recipient's language) and
/// queued as a job of kind "mail" in the caller's transaction; the worker hands it to SMTP
/// (libcurl) or, with no SMTP configured, writes it as an .eml file under <data-dir>/mail/.
namespace Mail {

struct Attachment
{
    QString fileName; ///< "meetup.ics"
    QString contentType; ///< "text/calendar; charset=utf-8; method=PUBLISH"
    QByteArray data;
};

struct OutgoingMail
{
    QString to; ///< the address
    QString toName; ///< the display name (may hold umlauts; encoded when sent)
    QString subject;
    QString text; ///< the plain-text part
    QString html; ///< the HTML part (a whole document)
    QString language; ///< "en" or "de": the message's Content-Language
    /// The notification type for List-Unsubscribe; empty for transactional mail (password
    /// reset, address confirmation), which has no unsubscribe.
    QString category;
    /// The one-click unsubscribe URL (RFC 8058), made by the sender with Links; empty when
    /// category is empty.
    QString unsubscribeUrl;
    QList<Attachment> attachments;
    /// The recipient's user id (for the admin's view of the queue); 0 for none.
    qint64 userId = 0;
};

/// Set once at start-up, before any thread queues mail: the From address ("Pudding Gabel
/// <noreply@example.org>") whose domain also makes the Message-IDs.
void setFrom(const QString &from);
[[nodiscard]] QString from();

/// Queues the mail in the caller's transaction with a new Message-ID: the job's id, or the
/// database's error (which fails the transaction). `dedupeKey`: see JobQueue::NewJob.
[[nodiscard]] Result<std::optional<qint64>> enqueue(
    DbSession &session, const OutgoingMail &mail, const QString &dedupeKey = {});

/// The job payload's form of a mail and back (the worker reads it).
[[nodiscard]] QJsonObject toJson(const OutgoingMail &mail);
[[nodiscard]] std::optional<OutgoingMail> fromJson(const QJsonObject &json);

} // namespace Mail

} // namespace Pudding::Server
