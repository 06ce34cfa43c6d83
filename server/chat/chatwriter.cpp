// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatwriter.h"

#include "chatlogging.h"
#include "metrics/logcontext.h"
#include "metrics/servermetrics.h"
#include "notifications/notifications.h"
#include "publish/livepublisher.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>
#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace EC = Protocol::ErrorCode;

namespace {
class ChatText
{
    Q_DECLARE_TR_FUNCTIONS(Chat)
};

constexpr int MaxBatch = 1000;
constexpr int PayloadBudget = 7900; // PostgreSQL refuses NOTIFY payloads of 8000 bytes or more

QDateTime utcFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

Error unavailable()
{
    return { QString(EC::Unavailable),
        ChatText::tr("The message could not be stored. Please try again."), {} };
}

// Refused alone, after the batch it was in was retried without it: final, not "try again".
Error refused(const QSqlError &error)
{
    // SQLSTATE classes 22 (data exception), 23 (integrity constraint), 54 (program limit).
    const QString state = error.nativeErrorCode();
    if (state.startsWith("22"_L1) || state.startsWith("23"_L1) || state.startsWith("54"_L1)) {
        const QString text = ChatText::tr("This message cannot be stored as it is; sending it "
                                          "again will not help.");
        return { QString(EC::ValidationFailed), text, { { u"content"_s, text } } };
    }
    return { QString(EC::Internal),
        ChatText::tr("This message could not be stored; sending it again will not help."), {} };
}

// Whether a failed transaction says nothing about its messages: the connection broke, or the
// server was in a transient state (SQLSTATE 08 connection, 40 rollback/serialization,
// 53 insufficient resources, 57 operator intervention, 58 system error).
bool isTransient(DbSession &session, const QSqlError &error)
{
    if (!session.db().isOpen() || error.type() == QSqlError::ConnectionError)
        return true;
    const QString state = error.nativeErrorCode();
    for (const auto cls : { "08"_L1, "40"_L1, "53"_L1, "57"_L1, "58"_L1 }) {
        if (state.startsWith(cls))
            return true;
    }
    return false;
}

using Key = std::tuple<qint64, qint64, QString>;
} // namespace

ChatMembership chatMembership(DbSession &s, qint64 eventId, qint64 userId)
{
    auto *q = s.prepared(u"SELECT e.organizer_id = ? OR EXISTS (SELECT 1 FROM attendances a "
                         "  WHERE a.event_id = e.id AND a.user_id = ? AND a.status = 'APPROVED') "
                         "FROM events e WHERE e.id = ?"_s);
    ChatMembership m;
    if (!s.exec(q, { userId, userId, eventId }))
        return m;
    m.ok = true;
    if (q->next())
        m.member = q->value(0).toBool();
    q->finish();
    return m;
}

const QString &selectMessagesSql()
{
    static const QString sql
        = u"SELECT m.id, m.event_id, m.user_id, u.name, m.content, m.client_msg_id, "
          "m.photo_id, (extract(epoch from m.created_at) * 1000)::bigint "
          "FROM messages m JOIN users u ON u.id = m.user_id "_s;
    return sql;
}

ChatMessage messageFromRow(const QSqlQuery &q)
{
    ChatMessage m;
    m.id = q.value(0).toLongLong();
    m.eventId = q.value(1).toLongLong();
    m.user = { q.value(2).toLongLong(), q.value(3).toString() };
    m.content = q.value(4).toString();
    m.clientMsgId = q.value(5).toString();
    m.photoId = q.value(6).toLongLong();
    m.createdAt = utcFromMs(q.value(7).toLongLong());
    return m;
}

QList<QByteArray> messagePayloads(
    const QList<ChatMessage> &messages, const QHash<qint64, QByteArray> &requestIds)
{
    QList<QByteArray> payloads;
    QByteArray current;
    const QByteArray head = R"({"k":"msg","m":[)";
    auto flush = [&] {
        if (!current.isEmpty())
            payloads.append(head + current + "]}");
        current.clear();
    };
    QList<qint64> tooLong;
    for (const auto &m : messages) {
        QJsonObject object = m.toJson();
        if (const QByteArray requestId = requestIds.value(m.id); !requestId.isEmpty())
            object.insert(u"r"_s, QString::fromLatin1(requestId));
        const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
        if (head.size() + json.size() + 2 > PayloadBudget) {
            // Keep the order: what is pending goes first, then this one by reference.
            flush();
            payloads.append(R"({"k":"msgref","ids":[)" + QByteArray::number(m.id) + "]}");
            continue;
        }
        if (head.size() + current.size() + 1 + json.size() + 2 > PayloadBudget)
            flush();
        if (!current.isEmpty())
            current += ',';
        current += json;
    }
    flush();
    return payloads;
}

ChatWriter::ChatWriter(DbConfig config, const PresenceSource &presence)
    : m_config(std::move(config))
    , m_presenceSource(presence)
{
    setObjectName(u"pudding-chat-writer"_s);
}

ChatWriter::~ChatWriter()
{
    stop();
}

void ChatWriter::enqueue(Item item)
{
    if (item.requestId.isEmpty())
        item.requestId = LogContext::current().requestId;
    QMutexLocker lock(&m_mutex);
    if (m_stopping) {
        lock.unlock();
        item.done(unavailable());
        return;
    }
    m_items.push_back(std::move(item));
    m_wake.wakeOne();
}

void ChatWriter::enqueueNotice(QByteArray payload)
{
    QMutexLocker lock(&m_mutex);
    m_notices.append(std::move(payload));
    m_wake.wakeOne();
}

void ChatWriter::enqueuePresence(qint64 eventId)
{
    QMutexLocker lock(&m_mutex);
    if (!m_presence.contains(eventId))
        m_presence.append(eventId);
    m_wake.wakeOne();
}

void ChatWriter::stop()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeOne();
    }
    wait();
}

void ChatWriter::run()
{
    DbSession session(m_config, u"pudding-chat-writer"_s);
    for (;;) {
        std::vector<Item> items;
        QList<QByteArray> notices;
        QList<qint64> presence;
        {
            QMutexLocker lock(&m_mutex);
            while (m_items.empty() && m_notices.isEmpty() && m_presence.isEmpty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_items.empty() && m_notices.isEmpty() && m_presence.isEmpty())
                return; // stopping, and everything is written
            // Everything that queued up while the last transaction ran goes into this one.
            const auto n = std::min<size_t>(m_items.size(), MaxBatch);
            items.assign(std::make_move_iterator(m_items.begin()),
                std::make_move_iterator(m_items.begin() + qsizetype(n)));
            m_items.erase(m_items.begin(), m_items.begin() + qsizetype(n));
            notices.swap(m_notices);
            presence.swap(m_presence);
        }
        writeBatch(session, items, notices, presence);
    }
}

QList<QByteArray> ChatWriter::presencePayloads(const QList<qint64> &presence) const
{
    QList<QByteArray> payloads;
    for (const qint64 eventId : presence) {
        QJsonArray online;
        for (const auto &user : m_presenceSource.localPresence(eventId))
            online.append(user.toJson());
        payloads.append(
            QJsonDocument(QJsonObject { { u"k"_s, u"presence"_s }, { u"e"_s, eventId },
                              { u"i"_s, m_presenceSource.instanceId() }, { u"online"_s, online } })
                .toJson(QJsonDocument::Compact));
    }
    return payloads;
}

ChatWriter::Written ChatWriter::tryWrite(DbSession &session, const Batch &batch,
    const QList<QByteArray> &extraPayloads, Outcomes &outcomes)
{
    Outcomes written(batch.size());
    QList<QByteArray> payloads;
    Transaction transaction(session);
    bool ok = transaction.ok();
    if (ok && !batch.empty())
        ok = insertMessages(session, batch, written, payloads);
    payloads += extraPayloads;
    ok = ok && LivePublisher::notifyAll(session, payloads);
    // commit() checks the connection's transaction status: an aborted transaction, whose COMMIT
    // PostgreSQL answers with ROLLBACK and no error, is never taken for stored.
    if (ok && transaction.commit()) {
        m_transactions.fetchAndAddRelaxed(1);
        if (!batch.empty() && Metrics::enabled())
            Metrics::server().chatCommitBatchSize->observe(qint64(batch.size()));
        outcomes = std::move(written);
        return { Attempt::Committed, {} };
    }
    QSqlError error = transaction.error().isValid() ? transaction.error() : session.lastError();
    transaction.rollback();
    return { isTransient(session, error) ? Attempt::Lost : Attempt::Refused, error };
}

void ChatWriter::writeIsolating(DbSession &session, const Batch &batch, Outcomes &outcomes)
{
    const Written written = tryWrite(session, batch, {}, outcomes);
    switch (written.attempt) {
    case Attempt::Committed:
        return;
    case Attempt::Lost:
        // Nothing of this part is stored (or we cannot know): the senders retry with the same
        // clientMsgId, which is idempotent.
        qCWarning(lcChat) << "chat batch of" << batch.size()
                          << "messages failed:" << written.error.text();
        for (auto &outcome : outcomes)
            outcome = Result<Outcome>(unavailable());
        return;
    case Attempt::Refused:
        break;
    }
    if (batch.size() == 1) {
        qCWarning(lcChat) << "chat message refused by the database, alone:"
                          << written.error.nativeErrorCode() << written.error.text();
        outcomes.front() = Result<Outcome>(refused(written.error));
        return;
    }
    // Retry the halves on their own: only the part holding the refused message fails again.
    const auto middle = batch.begin() + qsizetype(batch.size() / 2);
    const Batch first(batch.begin(), middle);
    const Batch second(middle, batch.end());
    Outcomes firstOutcomes(first.size());
    Outcomes secondOutcomes(second.size());
    writeIsolating(session, first, firstOutcomes);
    writeIsolating(session, second, secondOutcomes);
    std::move(firstOutcomes.begin(), firstOutcomes.end(), outcomes.begin());
    std::move(
        secondOutcomes.begin(), secondOutcomes.end(), outcomes.begin() + qsizetype(first.size()));
}

void ChatWriter::writeBatch(DbSession &session, std::vector<Item> &items,
    QList<QByteArray> &notices, QList<qint64> &presence)
{
    Batch batch;
    batch.reserve(items.size());
    for (const auto &item : items)
        batch.push_back(&item);
    Outcomes outcomes(items.size());
    const QList<QByteArray> extra = presencePayloads(presence) + notices;
    const Written written = tryWrite(session, batch, extra, outcomes);
    if (written.attempt == Attempt::Lost) {
        qCWarning(lcChat) << "chat batch of" << items.size()
                          << "messages failed:" << written.error.text();
        for (auto &outcome : outcomes)
            outcome = Result<Outcome>(unavailable());
    } else if (written.attempt == Attempt::Refused) {
        // Something in the batch is refused. Others' messages must not pay for it: typing and
        // presence go on their own (dropped if even that fails: they are refreshed anyway), the
        // messages are retried without the refused one.
        qCWarning(lcChat) << "chat batch of" << items.size()
                          << "messages refused, retrying in parts:" << written.error.text();
        if (!extra.isEmpty()) {
            Outcomes none;
            if (tryWrite(session, {}, extra, none).attempt != Attempt::Committed)
                qCWarning(lcChat) << "dropped" << extra.size() << "typing/presence notices";
        }
        if (!batch.empty())
            writeIsolating(session, batch, outcomes);
    }
    qint64 stored = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        const auto &outcome = outcomes[i];
        if (outcome && outcome->ok() && !outcome->value().duplicate)
            ++stored;
        items[i].done(outcome ? *outcome : Result<Outcome>(unavailable()));
    }
    m_committed.fetchAndAddRelaxed(stored);
    if (stored && Metrics::enabled())
        Metrics::server().chatMessagesStored->inc(quint64(stored));
}

bool ChatWriter::noticeAbsentMembers(DbSession &session, const QList<ChatMessage> &fresh)
{
    for (const ChatMessage &m : fresh) {
        QSet<qint64> online;
        for (const UserRef &u : m_presenceSource.mergedPresence(m.eventId))
            online.insert(u.id);
        auto *q = session.run(u"SELECT organizer_id FROM events WHERE id = ? UNION SELECT user_id "
                              "FROM attendances WHERE event_id = ? AND status = 'APPROVED'"_s,
            { m.eventId, m.eventId });
        if (!q)
            return false;
        QList<qint64> absent;
        while (q->next()) {
            const qint64 id = q->value(0).toLongLong();
            if (id != m.user.id && !online.contains(id))
                absent.append(id);
        }
        q->finish();
        const QString excerpt = m.content.isEmpty() && m.photoId > 0 ? u"📷"_s : m.content;
        if (!Notifications::postToAll(session, absent,
                Notifications::Notice::make(0, Notifications::Type::ChatMessage, m.eventId, 0,
                    u"event/%1/chat"_s.arg(m.eventId),
                    { { u"senderName"_s, m.user.name }, { u"excerpt"_s, excerpt } })))
            return false;
    }
    return true;
}

bool ChatWriter::insertMessages(
    DbSession &session, const Batch &items, Outcomes &outcomes, QList<QByteArray> &payloads)
{
    // 1. Per-event advisory locks in ascending order (no deadlock between instances): ids of
    //    one event are then committed in the order they were drawn, on every instance.
    std::vector<qint64> events;
    for (const Item *item : items)
        events.push_back(item->eventId);
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
    QStringList eventList;
    for (const qint64 e : events)
        eventList.append(QString::number(e));
    const QString lockList = u"{"_s % eventList.join(u',') % u"}"_s;

    // 2. One INSERT for the whole batch, in the same round trip as the locks (the "locks" CTE
    //    is materialised before the first row is drawn); membership and photo ownership are
    //    checked by the statement itself, duplicates (a retried clientMsgId) are skipped.
    QJsonArray rows;
    for (size_t i = 0; i < items.size(); ++i) {
        const Item &item = *items[i];
        QJsonObject row { { u"ord"_s, qint64(i) }, { u"event_id"_s, item.eventId },
            { u"user_id"_s, item.user.id }, { u"content"_s, item.content },
            { u"client_msg_id"_s, item.clientMsgId } };
        if (item.photoId > 0)
            row.insert(u"photo_id"_s, item.photoId);
        rows.append(row);
    }
    const QString rowsJson = QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
    auto *insert = session.prepared(
        u"WITH locks AS MATERIALIZED (SELECT pg_advisory_xact_lock(1885434990, "
        "  (e % 2147483647)::int) FROM unnest(?::bigint[]) WITH ORDINALITY AS t(e, n) "
        "  ORDER BY n), "
        "input AS (SELECT x.* FROM (SELECT count(*) FROM locks) AS l, "
        "  json_to_recordset(?::json) AS x(ord int, "
        "  event_id bigint, user_id bigint, content text, client_msg_id text, "
        "  photo_id bigint)) "
        "INSERT INTO messages (event_id, user_id, content, client_msg_id, photo_id) "
        "SELECT i.event_id, i.user_id, i.content, i.client_msg_id, i.photo_id "
        "FROM input i JOIN events e ON e.id = i.event_id "
        "WHERE (e.organizer_id = i.user_id OR EXISTS (SELECT 1 FROM attendances a "
        "    WHERE a.event_id = i.event_id AND a.user_id = i.user_id "
        "    AND a.status = 'APPROVED')) "
        "  AND (i.photo_id IS NULL OR EXISTS (SELECT 1 FROM photos p "
        "    WHERE p.id = i.photo_id AND p.owner_id = i.user_id)) "
        "ORDER BY i.ord "
        "ON CONFLICT (event_id, user_id, client_msg_id) WHERE client_msg_id IS NOT NULL "
        "DO NOTHING "
        "RETURNING id, event_id, user_id, client_msg_id, "
        "(extract(epoch from created_at) * 1000)::bigint"_s);
    if (!session.exec(insert, { lockList, rowsJson }))
        return false;
    std::map<Key, std::pair<qint64, qint64>> inserted; // key → (id, createdAt ms)
    while (insert->next()) {
        inserted[{ insert->value(1).toLongLong(), insert->value(2).toLongLong(),
            insert->value(3).toString() }]
            = { insert->value(0).toLongLong(), insert->value(4).toLongLong() };
    }
    QList<ChatMessage> fresh;
    QHash<qint64, QByteArray> requestIds;
    QJsonArray missing;
    for (size_t i = 0; i < items.size(); ++i) {
        const Item &item = *items[i];
        auto it = inserted.find({ item.eventId, item.user.id, item.clientMsgId });
        if (it == inserted.end()) {
            missing.append(QJsonObject { { u"ord"_s, qint64(i) }, { u"event_id"_s, item.eventId },
                { u"user_id"_s, item.user.id }, { u"client_msg_id"_s, item.clientMsgId } });
            continue;
        }
        ChatMessage m;
        m.id = it->second.first;
        m.eventId = item.eventId;
        m.user = item.user;
        m.content = item.content;
        m.photoId = item.photoId;
        m.clientMsgId = item.clientMsgId;
        m.createdAt = utcFromMs(it->second.second);
        inserted.erase(it); // a second item with the same key is a duplicate of this one
        outcomes[i] = Result<Outcome>(Outcome { m, false });
        if (!item.requestId.isEmpty())
            requestIds.insert(m.id, item.requestId);
        fresh.append(m);
    }
    std::sort(fresh.begin(), fresh.end(),
        [](const ChatMessage &a, const ChatMessage &b) { return a.id < b.id; });
    payloads += messagePayloads(fresh, requestIds);
    if (!noticeAbsentMembers(session, fresh))
        return false;
    if (missing.isEmpty())
        return true;

    // 3. The rest: a retry of a stored message (answered with it), or not allowed.
    const QString missingJson
        = QString::fromUtf8(QJsonDocument(missing).toJson(QJsonDocument::Compact));
    auto *lookup = session.prepared(
        u"SELECT x.ord, m.id, m.content, m.photo_id, "
        "(extract(epoch from m.created_at) * 1000)::bigint, u.name, "
        "(SELECT e.organizer_id = x.user_id OR EXISTS (SELECT 1 FROM attendances a "
        "   WHERE a.event_id = e.id AND a.user_id = x.user_id AND a.status = 'APPROVED') "
        " FROM events e WHERE e.id = x.event_id) "
        "FROM json_to_recordset(?::json) AS x(ord int, event_id bigint, user_id bigint, "
        "  client_msg_id text) "
        "LEFT JOIN messages m ON m.event_id = x.event_id AND m.user_id = x.user_id "
        "  AND m.client_msg_id = x.client_msg_id "
        "LEFT JOIN users u ON u.id = m.user_id"_s);
    if (!session.exec(lookup, { missingJson }))
        return false;
    while (lookup->next()) {
        const auto i = size_t(lookup->value(0).toLongLong());
        if (i >= items.size())
            continue;
        const Item &item = *items[i];
        if (!lookup->value(1).isNull()) {
            ChatMessage m;
            m.id = lookup->value(1).toLongLong();
            m.eventId = item.eventId;
            m.user = { item.user.id, lookup->value(5).toString() };
            m.content = lookup->value(2).toString();
            m.photoId = lookup->value(3).toLongLong();
            m.clientMsgId = item.clientMsgId;
            m.createdAt = utcFromMs(lookup->value(4).toLongLong());
            outcomes[i] = Result<Outcome>(Outcome { m, true });
        } else if (lookup->value(6).isNull()) {
            outcomes[i] = Result<Outcome>(
                Error { QString(EC::NotFound), ChatText::tr("No such event."), {} });
        } else if (!lookup->value(6).toBool()) {
            outcomes[i] = Result<Outcome>(Error { QString(EC::Forbidden),
                ChatText::tr("Only the organizer and approved attendees can write here."), {} });
        } else {
            const QString text = ChatText::tr("Attach a photo you uploaded yourself.");
            outcomes[i] = Result<Outcome>(
                Error { QString(EC::ValidationFailed), text, { { u"photoId"_s, text } } });
        }
    }
    return true;
}

} // namespace Pudding::Server
