// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/database.h"
#include "shared/chat.h"
#include "shared/result.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QSqlQuery>
#include <QThread>
#include <QWaitCondition>
#include <deque>
#include <functional>

namespace Pudding::Server {

/// Who is online on this instance, for the presence notices the writer publishes in order with
/// the messages. Implemented by the live layer (LiveHub), which sits above the chat.
class PresenceSource
{
public:
    virtual ~PresenceSource() = default;
    /// The users of this instance online in the room (for the presence payload).
    [[nodiscard]] virtual QList<UserRef> localPresence(qint64 eventId) const = 0;
    [[nodiscard]] virtual const QString &instanceId() const = 0;
    /// Everyone online in the room on every instance (as last announced): who gets no
    /// chat_message notice for a new message.
    [[nodiscard]] virtual QList<UserRef> mergedPresence(qint64 eventId) const = 0;
};

/// Persists chat messages with group commit: one thread with its own connection takes every
/// message queued while the previous transaction ran and stores them all in one transaction
/// (one multi-row INSERT, one NOTIFY per ~7 KB of messages, one COMMIT). The caller's callback
/// runs only after COMMIT returned, so an ack always means "stored". The room sees the message
/// through the NOTIFY, in commit order.
///
/// Per event, writers on every instance take a transaction-scoped advisory lock before
/// inserting: ids of one event are then committed in increasing order, which is what lets a
/// client resume with "everything after id N" without a gap.
///
/// Membership is checked inside the INSERT (organizer or approved attendee at commit time), and
/// (event, user, clientMsgId) is unique: a retried message is answered with the stored one.
///
/// One message cannot fail the others: text is validated before it is queued (the shared text
/// rule), and a batch whose transaction still fails on a healthy connection is split in halves
/// and retried, down to the single message the database refuses. That one gets a final error
/// (validation_failed for a data error, internal_error otherwise: sending it again will not
/// help); everyone else's messages are stored and acknowledged as usual. Only a lost connection
/// or a transient server state (serialization failure, shutdown, out of resources) answers the
/// whole batch with the retryable "unavailable".
class ChatWriter : public QThread
{
    Q_OBJECT
public:
    struct Outcome
    {
        ChatMessage message;
        bool duplicate = false; ///< an earlier send with the same clientMsgId was stored
    };
    using Callback = std::function<void(const Result<Outcome> &)>;

    struct Item
    {
        qint64 eventId = 0;
        UserRef user;
        QString content; ///< trimmed and validated
        QString clientMsgId; ///< never empty
        qint64 photoId = 0;
        Callback done; ///< called on the writer's thread
        /// The request that sent it (from LogContext when queued; empty for a socket's
        /// message): its new_message frames carry it as "requestId".
        QByteArray requestId;
    };

    ChatWriter(DbConfig config, const PresenceSource &presence);
    ~ChatWriter() override;

    void enqueue(Item item);
    /// A payload to NOTIFY in the next transaction (typing), in order with everything else.
    void enqueueNotice(QByteArray payload);
    /// Publish this instance's presence for the event in the next transaction.
    void enqueuePresence(qint64 eventId);
    /// Commits what is queued, then ends the thread.
    void stop();

    /// Messages committed so far and transactions used (for /health and the benchmarks).
    [[nodiscard]] qint64 committedMessages() const { return m_committed.loadRelaxed(); }
    [[nodiscard]] qint64 transactions() const { return m_transactions.loadRelaxed(); }

protected:
    void run() override;

private:
    using Outcomes = std::vector<std::optional<Result<Outcome>>>;
    using Batch = std::vector<const Item *>;
    enum class Attempt {
        Committed, ///< stored; the outcomes are set
        Refused, ///< a statement failed on a healthy connection: something in it is refused
        Lost, ///< the connection or the server failed: nothing is known to be stored
    };
    struct Written
    {
        Attempt attempt = Attempt::Lost;
        QSqlError error;
    };

    void writeBatch(DbSession &session, std::vector<Item> &items, QList<QByteArray> &notices,
        QList<qint64> &presence);
    /// One transaction for `batch` plus `extraPayloads` to NOTIFY; `outcomes` (one per batch
    /// entry) are only set when it committed.
    Written tryWrite(DbSession &session, const Batch &batch, const QList<QByteArray> &extraPayloads,
        Outcomes &outcomes);
    /// tryWrite, and after a refusal the halves on their own, down to the refused message.
    void writeIsolating(DbSession &session, const Batch &batch, Outcomes &outcomes);
    /// The chat_message notices for the room members who are not online (except the sender),
    /// in the batch's transaction.
    [[nodiscard]] bool noticeAbsentMembers(DbSession &session, const QList<ChatMessage> &fresh);
    bool insertMessages(
        DbSession &session, const Batch &batch, Outcomes &outcomes, QList<QByteArray> &payloads);
    QList<QByteArray> presencePayloads(const QList<qint64> &presence) const;

    DbConfig m_config;
    const PresenceSource &m_presenceSource;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::vector<Item> m_items;
    QList<QByteArray> m_notices;
    QList<qint64> m_presence;
    bool m_stopping = false;
    QAtomicInteger<qint64> m_committed = 0;
    QAtomicInteger<qint64> m_transactions = 0;
};

/// Whether a user is in an event's chat (its organizer or an approved attendee).
struct ChatMembership
{
    bool ok = false; ///< the query ran
    std::optional<bool> member; ///< nothing: no such event
};
[[nodiscard]] ChatMembership chatMembership(DbSession &session, qint64 eventId, qint64 userId);

/// The start of a query for stored messages with their authors' names ("… WHERE …" follows);
/// read its rows with messageFromRow().
[[nodiscard]] const QString &selectMessagesSql();
[[nodiscard]] ChatMessage messageFromRow(const QSqlQuery &query);

/// The stored messages' JSON payloads for NOTIFY: as many messages per payload as fit below
/// PostgreSQL's 8000-byte limit; a message too long for any payload goes by id ("msgref").
/// A message with an entry in `requestIds` (by message id) carries it as "r".
[[nodiscard]] QList<QByteArray> messagePayloads(
    const QList<ChatMessage> &messages, const QHash<qint64, QByteArray> &requestIds = {});

} // namespace Pudding::Server
