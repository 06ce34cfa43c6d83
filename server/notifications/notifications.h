// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/mail.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Pudding::Server {

class DbSession;

/// The inbox and what reaches a person when the app is closed. post() is called inside the
/// transaction of the change that causes the notice: it writes the inbox row (title and body
/// in the recipient's language), publishes it live (frame "notification", sent at COMMIT) and,
/// when the recipient's preferences want mail for the type, queues the mail (server/mail).
namespace Notifications {

/// The types (notifications.type in migration 0006).
namespace Type {
inline constexpr auto JoinRequest = "join_request";
inline constexpr auto Approved = "approved";
inline constexpr auto Rejected = "rejected";
inline constexpr auto WaitlistOffer = "waitlist_offer";
inline constexpr auto OfferExpired = "offer_expired";
inline constexpr auto MeetupChanged = "meetup_changed";
inline constexpr auto MeetupCancelled = "meetup_cancelled";
inline constexpr auto ChatMessage = "chat_message";
inline constexpr auto Reminder = "reminder";
} // namespace Type

/// Every type, in the order the preferences list them.
[[nodiscard]] const QStringList &types();
/// Whether a type mails when the user has not chosen (every type but chat_message).
[[nodiscard]] bool mailByDefault(QStringView type);

/// Job kinds of this library (run by the JobWorker, see registerJobs in notificationsapi.h).
inline constexpr auto DigestJob = "digest";
inline constexpr auto ChatMailJob = "chat_mail";
/// How long chat messages collect before the (optional) chat mail goes out, in minutes.
inline constexpr int ChatMailDelayMinutes = 15;

struct Notice
{
    qint64 userId = 0; ///< the recipient
    QString type; ///< one of Type
    qint64 eventId = 0;
    qint64 attendanceId = 0;
    /// What the app opens: "event/12", "event/12/chat", "event/12/requests", "event/12/offer".
    QString link;
    /// The type's details for the texts (the spec's table; see render() in notifications.cpp):
    /// join_request {guestName, puddingName}, approved/rejected {note}, waitlist_offer
    /// {expiresAt (ms)}, meetup_changed {changes: ["time","place","title","description",
    /// "limit"]}, chat_message {senderName, excerpt}, reminder {offsetMinutes, puddingName,
    /// cantComeUrl}.
    QJsonObject args;
    /// Sent with the mail only (the reminder's .ics).
    QList<Mail::Attachment> attachments;
    /// Keeps the mail from being queued twice (JobQueue::NewJob::dedupeKey); empty: one mail
    /// per inbox row.
    QString mailDedupeKey;

    /// The usual notice (the writers' hooks): to `userId`, with `args`.
    [[nodiscard]] static Notice make(qint64 userId, const char *type, qint64 eventId,
        qint64 attendanceId, QString link, QJsonObject args = {}, QString mailDedupeKey = {})
    {
        Notice n;
        n.userId = userId;
        n.type = QString::fromLatin1(type);
        n.eventId = eventId;
        n.attendanceId = attendanceId;
        n.link = std::move(link);
        n.args = std::move(args);
        n.mailDedupeKey = std::move(mailDedupeKey);
        return n;
    }
};

/// Writes, publishes and mails the notice in the caller's transaction. False when the
/// database failed (the caller's transaction then cannot commit).
///
/// Preferences: "app" off stores the row as read and sends no frame (chat_message: nothing
/// at all); "mail" off sends no mail. chat_message rows are batched: one unread row per
/// (user, meetup) whose count grows, the mail (if wanted) a delayed chat_mail job per row.
/// join_request mail follows users.join_request_mail: at once, or marked for the hourly or
/// daily (18:00 in the organizer's time zone) digest job.
[[nodiscard]] bool post(DbSession &session, const Notice &notice);
/// Convenience: post() to each of `userIds` with the same details.
[[nodiscard]] bool postToAll(DbSession &session, const QList<qint64> &userIds, Notice notice);

/// post() to the meetup's audience: approved, pending, waitlisted and offered guests (not the
/// organizer), in the caller's transaction.
[[nodiscard]] bool postToAudience(DbSession &session, qint64 eventId, Notice notice);

/// The unread count of the user (in the caller's transaction, if any); -1 on failure.
[[nodiscard]] qint64 unreadCount(DbSession &session, qint64 userId);

/// The one-click unsubscribe URL of a type's mail for a user (a signed link, see Links).
[[nodiscard]] QString unsubscribeUrl(qint64 userId, const QString &type);

/// The jobs. Each opens its own transaction and commits it; true when done (also when there
/// was nothing to do), false with `error` set to retry. Idempotent: a repeat sends nothing
/// twice (the marks are cleared and the mail's dedupe key is taken in the same transaction).
[[nodiscard]] bool runDigest(DbSession &session, const QJsonObject &payload, QString &error);
[[nodiscard]] bool runChatMail(DbSession &session, const QJsonObject &payload, QString &error);

/// A text of the server's catalogue (context "Notification") in "en" or "de".
[[nodiscard]] QString text(const QString &language, const char *source);

} // namespace Notifications

} // namespace Pudding::Server
