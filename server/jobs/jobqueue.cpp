// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobqueue.h"

#include "db/database.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Pudding::Server::JobQueue {

Result<std::optional<qint64>> enqueue(DbSession &session, const NewJob &job)
{
    auto *q = session.run(u"INSERT INTO jobs (kind, payload, run_at, dedupe_key, max_attempts, "
                          "message_id) VALUES (?, ?::jsonb, coalesce(?::timestamptz, "
                          "pudding_now()), nullif(?, ''), ?, nullif(?, '')) "
                          "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id"_s,
        { job.kind, QString::fromUtf8(QJsonDocument(job.payload).toJson(QJsonDocument::Compact)),
            job.runAt ? QVariant(job.runAt->toUTC().toString(Qt::ISODateWithMs)) : QVariant(),
            job.dedupeKey.isEmpty() ? u""_s : job.dedupeKey, job.maxAttempts,
            job.messageId.isEmpty() ? u""_s : job.messageId });
    if (!q)
        return databaseError(session.lastError(), "enqueue job");
    std::optional<qint64> id;
    if (q->next())
        id = q->value(0).toLongLong();
    q->finish();
    return id;
}

} // namespace Pudding::Server::JobQueue
