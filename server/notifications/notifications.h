// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/mail.h"

#include <QJsonObject>
#include <QList>
#include <QString>

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

struct Notice
{
    qint64 userId = 0; ///< the recipient
    QString type; ///< one of Type
    qint64 eventId = 0;
    qint64 attendanceId = 0;
    /// What the app opens: "event/12", "event/12/chat", "event/12/requests", "event/12/offer".
    QString link;
    /// The type's details for the texts (see the spec of each type in notifications.cpp).
    QJsonObject args;
    /// Sent with the mail only (the reminder's .ics).
    QList<Mail::Attachment> attachments;
    /// Keeps the mail from being queued twice (JobQueue::NewJob::dedupeKey).
    QString mailDedupeKey;
};

/// Writes, publishes and mails the notice in the caller's transaction. False when the
/// database failed (the caller's transaction then cannot commit).
[[nodiscard]] bool post(DbSession &session, const Notice &notice);

} // namespace Notifications

} // namespace Pudding::Server
