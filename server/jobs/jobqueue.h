// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace Pudding::Server {

class DbSession;

/// The durable job queue in PostgreSQL (table `jobs`, migration 0006). A job is written in the
/// transaction that causes it, so it exists exactly when that change committed; every instance's
/// JobWorker (jobworker.h) claims due jobs with FOR UPDATE SKIP LOCKED. Kinds: "mail"
/// (server/mail), "offer_expire" (attendance), "reminder_scan" (reminders), "digest"
/// (notifications), "chat_mail" (notifications).
namespace JobQueue {

/// Channel on which the queue's insert trigger wakes every instance's worker.
inline constexpr auto NotifyChannel = "pudding_jobs";

struct NewJob
{
    QString kind;
    QJsonObject payload;
    /// When it is due; nothing: now (the queue's clock, pudding_now()).
    std::optional<QDateTime> runAt;
    /// A second job with the same key is not queued (enqueue() answers nothing); keys stay
    /// taken after the job ran, so a key makes "at most once".
    QString dedupeKey;
    int maxAttempts = 8;
    /// A mail's Message-ID (server/mail), stored with the job.
    QString messageId;
};

/// Queues the job in the caller's transaction. The new job's id; nothing when the dedupe key
/// was taken; the database's error on failure (which fails the caller's transaction).
[[nodiscard]] Result<std::optional<qint64>> enqueue(DbSession &session, const NewJob &job);

} // namespace JobQueue

} // namespace Pudding::Server
