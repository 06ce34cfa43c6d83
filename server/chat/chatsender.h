// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatwriter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>

namespace Pudding::Server {

/// The one way a chat message is sent, whether it came over REST (POST
/// /api/messages/events/:id/messages) or the WebSocket (send_message): the shared text rule,
/// the per-user rate limit, then the ChatWriter's group commit. The transports only read their
/// frame and answer in their own form.
class ChatSender
{
public:
    /// A message as a transport read it: content trimmed, photoId 0 for none.
    struct Message
    {
        qint64 eventId = 0;
        UserRef user;
        QString content;
        QString clientMsgId; ///< empty: the sender makes one up (REST may omit it)
        qint64 photoId = 0;
    };

    /// messagesPerSecond per user, refilled continuously (0: no limit), up to `burst` at once.
    ChatSender(ChatWriter &writer, double messagesPerSecond, int burst);

    /// Queues the message; `done` runs on the writer's thread once it is stored (or refused).
    /// Refused at once (and `done` never called) with validation_failed (with the fields) or
    /// rate_limited.
    [[nodiscard]] Result<void> send(Message message, ChatWriter::Callback done);

private:
    /// Per-user chat rate limit (thread-safe): false when the user must wait.
    [[nodiscard]] bool tryTakeToken(qint64 userId);

    ChatWriter &m_writer;
    const double m_messagesPerSecond;
    const int m_burst;
    QMutex m_mutex; // guards the members below
    struct Bucket
    {
        double tokens;
        qint64 lastMs;
    };
    QHash<qint64, Bucket> m_buckets;
    QElapsedTimer m_clock;
};

} // namespace Pudding::Server
