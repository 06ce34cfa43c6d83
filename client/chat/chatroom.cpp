// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatroom.h"
#include "shared/futures.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "api/photofile.h"
#include "chat/liveconnection.h"
#include "shared/protocol.h"

#include <QJsonArray>
#include <QUuid>
#include <QtConcurrent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace CF = Chat::ClientFrame;

ChatRoom::ChatRoom(qint64 eventId, ApiClient *api, LiveConnection *live, QObject *parent)
    : QObject(parent)
    , m_eventId(eventId)
    , m_api(api)
    , m_live(live)
{
    m_typerExpiry.setInterval(1000);
    connect(&m_typerExpiry, &QTimer::timeout, this, &ChatRoom::expireTypers);
    m_typingIdle.setSingleShot(true);
    m_typingIdle.setInterval(TypingIdleMs);
    connect(&m_typingIdle, &QTimer::timeout, this, [this] { sendTypingState(false); });
}

ChatRoom::~ChatRoom()
{
    for (auto *call : { m_loadCall.data(), m_olderCall.data(), m_gapCall.data() }) {
        if (call)
            call->abort();
    }
}

const ChatRoom::Message &ChatRoom::at(int row) const
{
    Q_ASSERT(row >= 0 && row < count());
    if (row < m_timeline.size())
        return m_timeline.at(row);
    return m_outbox.constFind(m_pendingOrder.at(row - m_timeline.size()))->message;
}

bool ChatRoom::isOwn(const Message &message) const
{
    return message.id == 0 || message.author.id == m_live->userId();
}

int ChatRoom::indexOfMessage(qint64 id) const
{
    if (!m_ids.contains(id))
        return -1;
    const auto it = std::lower_bound(m_timeline.cbegin(), m_timeline.cend(), id,
        [](const Message &m, qint64 value) { return m.id < value; });
    return it != m_timeline.cend() && it->id == id ? int(it - m_timeline.cbegin()) : -1;
}

int ChatRoom::rowOfPending(const QString &clientMsgId) const
{
    const qsizetype at = m_pendingOrder.indexOf(clientMsgId);
    return at < 0 ? -1 : int(m_timeline.size() + at);
}

QStringList ChatRoom::typingNames() const
{
    QList<QPair<qint64, QString>> typers;
    for (auto it = m_typers.cbegin(); it != m_typers.cend(); ++it)
        typers.append({ it.key(), it->name });
    std::sort(typers.begin(), typers.end()); // a stable order, not the hash's
    QStringList names;
    for (const auto &t : std::as_const(typers))
        names.append(t.second);
    return names;
}

// ---- state --------------------------------------------------------------------------------

void ChatRoom::setAccess(Access access)
{
    if (m_access == access)
        return;
    m_access = access;
    Q_EMIT accessChanged();
}

void ChatRoom::setJoined(bool joined)
{
    if (m_joined == joined)
        return;
    m_joined = joined;
    Q_EMIT joinedChanged();
}

void ChatRoom::setHasMore(bool more)
{
    if (m_hasMore == more)
        return;
    m_hasMore = more;
    Q_EMIT hasMoreChanged();
}

void ChatRoom::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void ChatRoom::setUploading(int delta)
{
    m_uploads += delta;
    Q_EMIT uploadingChanged();
}

bool ChatRoom::isInUse() const
{
    if (m_observers > 0 || m_watched)
        return true;
    // A message on its way is delivered even when its chat was closed meanwhile.
    return std::any_of(m_outbox.cbegin(), m_outbox.cend(),
        [](const Pending &p) { return p.message.status == Status::Sending; });
}

void ChatRoom::addObserver()
{
    if (m_observers++ == 0)
        m_typerExpiry.start();
}

void ChatRoom::removeObserver()
{
    if (--m_observers > 0)
        return;
    m_observers = 0;
    m_typerExpiry.stop();
    // Nobody looks: the history is fetched again when someone does (the outbox stays).
    forgetHistory();
    setAccess(Access::Unknown);
    stopTyping();
}

void ChatRoom::setVisible(bool visible)
{
    m_visible = std::max(0, m_visible + (visible ? 1 : -1));
    if (m_visible > 0)
        markRead();
}

void ChatRoom::markRead()
{
    if (m_unread == 0)
        return;
    m_unread = 0;
    Q_EMIT unreadChanged();
}

void ChatRoom::clearTimeline()
{
    if (m_timeline.isEmpty())
        return;
    Q_EMIT aboutToReset();
    m_timeline.clear();
    m_ids.clear();
    Q_EMIT reset();
}

void ChatRoom::clearPresence()
{
    if (!m_typers.isEmpty()) {
        m_typers.clear();
        Q_EMIT typingChanged();
    }
    if (!m_online.isEmpty()) {
        m_online.clear();
        Q_EMIT onlineUsersChanged();
    }
}

void ChatRoom::clear()
{
    Q_EMIT aboutToReset();
    m_timeline.clear();
    m_ids.clear();
    m_outbox.clear();
    m_pendingOrder.clear();
    Q_EMIT reset();
    clearPresence();
}

// ---- history ------------------------------------------------------------------------------

void ChatRoom::forgetHistory()
{
    ++m_generation; // answers to the aborted calls are dropped
    for (auto *call : { m_loadCall.data(), m_olderCall.data(), m_gapCall.data() }) {
        if (call)
            call->abort();
    }
    m_hasHistory = false;
    clearTimeline();
    setHasMore(false);
}

void ChatRoom::reload()
{
    forgetHistory();
    setErrorText({});
    if (m_api->token().isEmpty()) {
        setAccess(Access::Unknown);
        Q_EMIT loadingChanged();
        return;
    }
    setAccess(Access::Loading);
    m_loadCall = m_api->get(
        Endpoints::messages(m_eventId), QUrlQuery { { u"limit"_s, QString::number(PageSize) } });
    connect(m_loadCall, &ApiCall::finished, this,
        [this, call = m_loadCall.data(), generation = m_generation] {
            if (generation != m_generation)
                return;
            m_loadCall = nullptr;
            Q_EMIT loadingChanged();
            if (const auto &error = call->error()) {
                if (error->code == Protocol::ErrorCode::Forbidden) {
                    setAccess(Access::Forbidden);
                    setErrorText(tr("Only the organizer and approved guests can read this "
                                    "chat."));
                } else {
                    setAccess(Access::Unknown);
                    setErrorText(error->message);
                }
                Q_EMIT historyLoaded();
                return;
            }
            const QJsonObject body = call->object();
            for (const auto &value : body.value("messages"_L1).toArray())
                insertConfirmed(ChatMessage::fromJson(value.toObject()));
            setHasMore(body.value("hasMore"_L1).toBool());
            setAccess(Access::Available);
            attachLive();
            Q_EMIT historyLoaded();
        });
    Q_EMIT loadingChanged();
}

void ChatRoom::attachLive()
{
    const qint64 newest = m_timeline.isEmpty() ? 0 : m_timeline.last().id;
    const qint64 known = m_lastId;
    m_hasHistory = true;
    m_lastId = std::max(m_lastId, newest);
    if (m_joined) {
        handleJoined(m_lastId);
        // The room was already live (watched for unread counts): fetch what it saw meanwhile.
        if (known > newest)
            fetchAfter(newest);
    } else {
        join();
    }
}

void ChatRoom::fetchAfter(qint64 afterId)
{
    if (m_gapCall)
        return;
    m_gapCall = m_api->get(Endpoints::messages(m_eventId),
        QUrlQuery { { u"after"_s, QString::number(afterId) },
            { u"limit"_s, QString::number(Chat::HistoryPageMax) } });
    connect(m_gapCall, &ApiCall::finished, this,
        [this, call = m_gapCall.data(), generation = m_generation] {
            if (generation != m_generation)
                return;
            m_gapCall = nullptr;
            if (call->error())
                return;
            qint64 last = 0;
            const QJsonObject body = call->object();
            for (const auto &value : body.value("messages"_L1).toArray()) {
                const ChatMessage m = ChatMessage::fromJson(value.toObject());
                last = std::max(last, m.id);
                insertConfirmed(m);
            }
            if (body.value("hasMore"_L1).toBool() && last > 0)
                fetchAfter(last);
        });
}

void ChatRoom::loadOlder()
{
    if (m_olderCall || !m_hasMore || m_access != Access::Available || m_timeline.isEmpty())
        return;
    const qint64 oldest = m_timeline.first().id;
    m_olderCall = m_api->get(Endpoints::messages(m_eventId),
        QUrlQuery {
            { u"before"_s, QString::number(oldest) }, { u"limit"_s, QString::number(PageSize) } });
    connect(m_olderCall, &ApiCall::finished, this,
        [this, call = m_olderCall.data(), generation = m_generation] {
            if (generation != m_generation)
                return;
            m_olderCall = nullptr;
            Q_EMIT loadingChanged();
            if (const auto &error = call->error()) {
                setErrorText(error->message);
                Q_EMIT olderLoaded(0);
                return;
            }
            const QJsonObject body = call->object();
            const qint64 firstId = m_timeline.isEmpty() ? 0 : m_timeline.first().id;
            QList<Message> older;
            for (const auto &value : body.value("messages"_L1).toArray()) {
                const ChatMessage m = ChatMessage::fromJson(value.toObject());
                if (m.id <= 0 || m_ids.contains(m.id) || (firstId > 0 && m.id >= firstId))
                    continue;
                older.append(messageFrom(m));
            }
            std::sort(older.begin(), older.end(),
                [](const Message &a, const Message &b) { return a.id < b.id; });
            setHasMore(body.value("hasMore"_L1).toBool());
            if (!older.isEmpty()) {
                const int n = int(older.size());
                Q_EMIT aboutToInsertRows(0, n - 1);
                for (const Message &m : std::as_const(older))
                    m_ids.insert(m.id);
                m_timeline = older + m_timeline;
                Q_EMIT rowsInserted();
                // The former first row may now continue a run or share a day.
                Q_EMIT rowChanged(n, Change::Run);
            }
            Q_EMIT olderLoaded(int(older.size()));
        });
    Q_EMIT loadingChanged();
}

// ---- rows ---------------------------------------------------------------------------------

ChatRoom::Message ChatRoom::messageFrom(const ChatMessage &message)
{
    Message m;
    m.id = message.id;
    m.author = message.user;
    m.content = message.content;
    m.photoId = message.photoId;
    m.createdAt = message.createdAt;
    m.clientMsgId = message.clientMsgId;
    m.status = Status::Sent;
    return m;
}

void ChatRoom::insertConfirmed(const ChatMessage &message)
{
    if (message.id <= 0)
        return;
    const auto pending
        = message.clientMsgId.isEmpty() ? m_outbox.end() : m_outbox.find(message.clientMsgId);
    if (m_ids.contains(message.id)) {
        // Seen before without its clientMsgId: the pending copy is a duplicate.
        if (pending != m_outbox.end())
            removePending(message.clientMsgId);
        return;
    }
    // Confirmed rows are in id order; the first one with a bigger id follows the new one.
    const auto after = std::upper_bound(m_timeline.cbegin(), m_timeline.cend(), message.id,
        [](qint64 id, const Message &m) { return id < m.id; });
    const int target = int(after - m_timeline.cbegin());
    if (pending != m_outbox.end()) {
        // Our own message, confirmed: it moves from the outbox to its place.
        const int from = rowOfPending(message.clientMsgId);
        Message m = pending->message;
        m.id = message.id;
        m.createdAt = message.createdAt;
        m.content = message.content;
        m.photoId = message.photoId;
        m.author = message.user;
        m.status = Status::Sent;
        m.errorText.clear();
        const bool moves = from != target;
        if (moves)
            Q_EMIT aboutToMoveRow(from, target);
        m_outbox.erase(pending);
        m_pendingOrder.removeAt(from - m_timeline.size());
        m_timeline.insert(target, m);
        m_ids.insert(m.id);
        if (moves)
            Q_EMIT rowMoved();
        Q_EMIT rowChanged(target, Change::All);
        if (target + 1 < count())
            Q_EMIT rowChanged(target + 1, Change::Run);
        return;
    }
    Q_EMIT aboutToInsertRows(target, target);
    m_timeline.insert(target, messageFrom(message));
    m_ids.insert(message.id);
    Q_EMIT rowsInserted();
    if (target + 1 < count())
        Q_EMIT rowChanged(target + 1, Change::Run);
}

void ChatRoom::appendPending(const Message &message)
{
    const int row = count();
    Q_EMIT aboutToInsertRows(row, row);
    m_outbox.insert(message.clientMsgId, Pending { message, false, {} });
    m_pendingOrder.append(message.clientMsgId);
    Q_EMIT rowsInserted();
}

void ChatRoom::removePending(const QString &clientMsgId)
{
    const int row = rowOfPending(clientMsgId);
    if (row < 0)
        return;
    Q_EMIT aboutToRemoveRow(row);
    m_outbox.remove(clientMsgId);
    m_pendingOrder.removeAt(row - m_timeline.size());
    Q_EMIT rowRemoved();
}

// ---- sending ------------------------------------------------------------------------------

bool ChatRoom::send(const QString &text)
{
    const QString content = text.trimmed();
    if (m_access != Access::Available) {
        setErrorText(tr("You cannot write in this chat."));
        return false;
    }
    const QString clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const FieldErrors errors = Chat::validateMessage(content, clientMsgId);
    if (!errors.isEmpty()) {
        setErrorText(errors.first().message);
        return false;
    }
    setErrorText({});
    stopTyping();
    Message m;
    m.author = { m_live->userId(), m_live->userName() };
    m.content = content;
    m.createdAt = QDateTime::currentDateTimeUtc();
    m.clientMsgId = clientMsgId;
    m.status = Status::Sending;
    appendPending(m);
    flushOutbox();
    return true;
}

void ChatRoom::sendPhoto(const QUrl &file, const QString &text)
{
    if (m_access != Access::Available || !file.isLocalFile())
        return;
    Message m;
    m.author = { m_live->userId(), m_live->userName() };
    m.content = text.trimmed().isEmpty() ? u"📷"_s : text.trimmed();
    m.localPhoto = file;
    m.createdAt = QDateTime::currentDateTimeUtc();
    m.clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.status = Status::Sending;
    appendPending(m);
    stopTyping();
    setUploading(+1);

    onFinished(QtConcurrent::run(&PhotoFile::read, file.toLocalFile()), this,
        [this, clientMsgId = m.clientMsgId](const Result<PhotoFile> &photo) {
            if (!photo) {
                setUploading(-1);
                failPending(clientMsgId, photo.error().message);
                return;
            }
            uploadPhoto(clientMsgId, photo.value());
        });
}

void ChatRoom::uploadPhoto(const QString &clientMsgId, const PhotoFile &photo)
{
    ApiCall *call = m_api->postForm(Endpoints::photos(), {}, photo);
    connect(call, &ApiCall::finished, this, [this, call, clientMsgId] {
        setUploading(-1);
        const auto pending = m_outbox.find(clientMsgId);
        if (pending == m_outbox.end())
            return;
        if (const auto &error = call->error()) {
            failPending(clientMsgId, error->message);
            return;
        }
        pending->message.photoId
            = call->object().value("photo"_L1).toObject().value("id"_L1).toInteger();
        Q_EMIT rowChanged(rowOfPending(clientMsgId), Change::Photo);
        flushOutbox();
    });
}

void ChatRoom::retry(int row)
{
    if (row < m_timeline.size() || row >= count())
        return;
    const QString clientMsgId = m_pendingOrder.at(row - m_timeline.size());
    Pending &p = m_outbox[clientMsgId];
    if (p.message.status != Status::Failed)
        return;
    if (!p.message.localPhoto.isEmpty() && p.message.photoId == 0) {
        // The upload itself failed: start over with the file.
        const QUrl file = p.message.localPhoto;
        const QString content = p.message.content;
        removePending(clientMsgId);
        sendPhoto(file, content);
        return;
    }
    p.message.status = Status::Sending;
    p.message.errorText.clear();
    Q_EMIT rowChanged(row, Change::Status);
    flushOutbox();
}

void ChatRoom::flushOutbox()
{
    if (!m_joined || !m_live->isReady())
        return;
    for (const QString &clientMsgId : std::as_const(m_pendingOrder)) {
        Pending &p = m_outbox[clientMsgId];
        const bool uploading = !p.message.localPhoto.isEmpty() && p.message.photoId == 0;
        if (p.message.status != Status::Sending || p.inFlight || uploading)
            continue;
        QJsonObject fields { { u"eventId"_s, m_eventId }, { u"content"_s, p.message.content },
            { u"clientMsgId"_s, clientMsgId } };
        if (p.message.photoId > 0)
            fields.insert(u"photoId"_s, p.message.photoId);
        if (!m_live->sendFrame(CF::SendMessage, fields))
            return;
        p.inFlight = true;
        p.sentAt.start();
    }
}

void ChatRoom::failPending(const QString &clientMsgId, const QString &text)
{
    const auto pending = m_outbox.find(clientMsgId);
    if (pending == m_outbox.end())
        return;
    pending->message.status = Status::Failed;
    pending->message.errorText = text;
    pending->inFlight = false;
    Q_EMIT rowChanged(rowOfPending(clientMsgId), Change::Status);
}

void ChatRoom::failOutbox(const QString &text)
{
    const QStringList ids = m_pendingOrder;
    for (const QString &clientMsgId : ids) {
        if (m_outbox.value(clientMsgId).message.status == Status::Sending)
            failPending(clientMsgId, text);
    }
}

void ChatRoom::checkAckTimeouts()
{
    const QStringList ids = m_pendingOrder;
    for (const QString &clientMsgId : ids) {
        const Pending &p = m_outbox[clientMsgId];
        if (p.inFlight && p.sentAt.hasExpired(AckTimeoutMs))
            failPending(clientMsgId, tr("Not sent: the server did not confirm it. Try again."));
    }
}

void ChatRoom::composerChanged(const QString &text)
{
    if (!m_joined)
        return;
    if (text.trimmed().isEmpty()) {
        sendTypingState(false);
        return;
    }
    m_typingIdle.start();
    if (!m_typingSent || !m_lastTypingSent.isValid()
        || m_lastTypingSent.hasExpired(TypingThrottleMs))
        sendTypingState(true);
}

void ChatRoom::stopTyping()
{
    sendTypingState(false);
}

void ChatRoom::sendTypingState(bool typing)
{
    if (!typing)
        m_typingIdle.stop();
    if (!typing && !m_typingSent)
        return;
    m_typingSent = typing;
    m_lastTypingSent.start();
    if (m_joined)
        m_live->sendFrame(CF::Typing, { { u"eventId"_s, m_eventId }, { u"isTyping"_s, typing } });
}

// ---- live ---------------------------------------------------------------------------------

void ChatRoom::join()
{
    if (!m_live->isReady() || m_joinSent)
        return;
    m_joinSent = true;
    Q_EMIT joinRequested();
}

QJsonObject ChatRoom::joinFields() const
{
    QJsonObject fields { { u"eventId"_s, m_eventId } };
    // With history loaded (even an empty one), everything after it; a room watched only for
    // unread counts without any id yet starts live.
    if (m_lastId > 0 || m_hasHistory)
        fields.insert(u"afterId"_s, m_lastId);
    return fields;
}

void ChatRoom::handleJoined(qint64 lastMessageId)
{
    m_lastId = std::max(m_lastId, lastMessageId);
    const bool wasJoined = m_joined;
    setJoined(true);
    if (m_hasHistory) {
        if (m_access == Access::Removed || m_access == Access::Forbidden)
            setAccess(Access::Available);
        if (!wasJoined)
            setErrorText({}); // whatever kept us out is over
    }
    flushOutbox();
}

bool ChatRoom::handleMessage(const ChatMessage &message, bool fromAck)
{
    if (message.id <= 0)
        return false;
    const bool own = message.user.id == m_live->userId();
    // Someone who writes has stopped typing.
    if (!fromAck && m_typers.remove(message.user.id) > 0)
        Q_EMIT typingChanged();
    const bool isNew = message.id > m_lastId;
    m_lastId = std::max(m_lastId, message.id);
    if (m_hasHistory) {
        const bool known = m_ids.contains(message.id);
        insertConfirmed(message);
        if (!fromAck && !known && !own)
            Q_EMIT messageReceived(message.id);
    } else if ((fromAck || own) && !message.clientMsgId.isEmpty()) {
        // Delivered while no view shows the timeline: the history will have it.
        removePending(message.clientMsgId);
    }
    if (fromAck || !isNew || own || m_visible > 0)
        return false;
    ++m_unread;
    Q_EMIT unreadChanged();
    return true;
}

bool ChatRoom::handleSendError(const QString &clientMsgId, const QString &text)
{
    if (!m_outbox.contains(clientMsgId))
        return false;
    failPending(clientMsgId, text);
    return true;
}

void ChatRoom::handleJoinRefused(const QString &code, const QString &text)
{
    m_joinSent = false;
    setJoined(false);
    if (code == Protocol::ErrorCode::Forbidden)
        setAccess(Access::Forbidden);
    setErrorText(text);
}

void ChatRoom::handleRemoved()
{
    handleDisconnected();
    setAccess(Access::Removed);
    setErrorText(tr("You are no longer in this chat: the organizer removed you from the meetup."));
    // Nothing queued for the room can be delivered any more.
    failOutbox(tr("Not sent: you are no longer in this chat."));
}

void ChatRoom::handleDisconnected()
{
    setJoined(false);
    m_joinSent = false;
    m_typingSent = false;
    clearPresence();
    for (Pending &p : m_outbox)
        p.inFlight = false; // resent after the room is joined again
}

void ChatRoom::handleTyping(const UserRef &user, bool typing)
{
    const bool changed = typing ? !m_typers.contains(user.id) : m_typers.contains(user.id);
    if (typing) {
        Typer &t = m_typers[user.id];
        t.name = user.name;
        t.since.start();
    } else {
        m_typers.remove(user.id);
    }
    if (changed)
        Q_EMIT typingChanged();
}

void ChatRoom::expireTypers()
{
    // The server clears typing itself; this only guards against a lost "stopped" frame.
    bool changed = false;
    for (auto it = m_typers.begin(); it != m_typers.end();) {
        if (it->since.hasExpired(Chat::TypingExpiryMs + 2000)) {
            it = m_typers.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (changed)
        Q_EMIT typingChanged();
}

void ChatRoom::handlePresence(const QVariantList &online)
{
    QVariantList sorted = online;
    std::sort(sorted.begin(), sorted.end(), [](const QVariant &a, const QVariant &b) {
        return QString::localeAwareCompare(
                   a.toMap().value(u"name"_s).toString(), b.toMap().value(u"name"_s).toString())
            < 0;
    });
    if (sorted == m_online)
        return;
    m_online = sorted;
    Q_EMIT onlineUsersChanged();
}

} // namespace Pudding::Client
