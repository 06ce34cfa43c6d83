// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatconnection.h"

#include "api/apiclient.h"
#include "chatmodel.h"
#include "shared/attendance.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcChat, "pudding.client.chat", QtInfoMsg)

namespace Pudding::Client {

namespace {
ChatConnection *s_instance = nullptr;
namespace SF = Chat::ServerFrame;
namespace CF = Chat::ClientFrame;
} // namespace

ChatConnection::ChatConnection(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ChatConnection::openSocket);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        m_reconnectIn = std::max(0, m_reconnectIn - 1);
        Q_EMIT reconnectInSecondsChanged();
        if (m_reconnectIn == 0)
            m_countdown.stop();
    });
    m_pingTimer.setInterval(PingIntervalMs / 5);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (!m_socket || !m_authenticated)
            return;
        // A silent peer (suspended laptop, dropped route) is only noticed by asking.
        if (m_pingSent.isValid() && m_pingSent.hasExpired(PongTimeoutMs)
            && m_lastFrame.hasExpired(PongTimeoutMs)) {
            qCInfo(lcChat) << "no answer to ping: reconnecting";
            m_pingSent.invalidate();
            m_socket->abort();
            return;
        }
        if (!m_pingSent.isValid() && m_lastFrame.hasExpired(PingIntervalMs)) {
            sendFrame(CF::Ping);
            m_pingSent.start();
        }
    });
    m_outboxTimer.setInterval(1000);
    connect(&m_outboxTimer, &QTimer::timeout, this, &ChatConnection::checkOutboxTimeouts);
    // When REST finds the server again, do not wait for the next backoff step.
    connect(m_api, &ApiClient::reachableChanged, this, [this] {
        if (m_api->isReachable() && m_state == State::Reconnecting && !m_socket)
            reconnectNow();
    });
}

ChatConnection::~ChatConnection()
{
    if (s_instance == this)
        s_instance = nullptr;
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        delete m_socket;
    }
}

ChatConnection *ChatConnection::instance()
{
    return s_instance;
}

void ChatConnection::setInstance(ChatConnection *connection)
{
    s_instance = connection;
}

int ChatConnection::totalUnread() const
{
    int total = 0;
    for (const Room &room : m_rooms)
        total += room.unread;
    return total;
}

QUrl ChatConnection::socketUrl() const
{
    QUrl url = m_api->baseUrl();
    url.setScheme(url.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    const QString base = url.path().endsWith(u'/') ? url.path().chopped(1) : url.path();
    url.setPath(base + QString(Chat::Path));
    url.setQuery(QString());
    return url;
}

void ChatConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void ChatConnection::start()
{
    const QByteArray token = m_api->token();
    if (token.isEmpty() || (m_wanted && token == m_token))
        return;
    if (m_wanted)
        stop(); // another account
    m_token = token;
    m_wanted = true;
    m_attempt = 0;
    if (m_socket)
        return;
    setState(State::Connecting);
    openSocket();
}

void ChatConnection::stop()
{
    m_wanted = false;
    m_token.clear();
    m_reconnectTimer.stop();
    m_countdown.stop();
    m_pingTimer.stop();
    m_outboxTimer.stop();
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        disconnect(socket, nullptr, this, nullptr);
        socket->close();
        socket->deleteLater();
    }
    m_authenticated = false;
    // Whatever was queued belonged to the session that ends here.
    const QList<Outgoing> outbox = std::exchange(m_outbox, {});
    for (const Outgoing &o : outbox)
        failOutgoing(o.clientMsgId, {}, tr("Not sent: you are signed out."));
    markRoomsDisconnected();
    if (m_user.id != 0) {
        m_user = {};
        Q_EMIT userChanged();
    }
    setState(State::Offline);
}

void ChatConnection::forgetAccount()
{
    stop();
    const QList<qint64> rooms = m_rooms.keys();
    m_rooms.clear();
    m_joinRefs.clear();
    for (qint64 eventId : rooms)
        Q_EMIT unreadChanged(eventId);
}

void ChatConnection::markRoomsDisconnected()
{
    // Every room must be joined again (with afterId) on the next socket.
    for (auto it = m_rooms.begin(); it != m_rooms.end(); ++it) {
        it->joined = false;
        it->joinSent = false;
        for (const auto &model : std::as_const(it->models)) {
            if (model)
                model->handleDisconnected();
        }
    }
}

void ChatConnection::reconnectNow()
{
    if (!m_wanted || m_socket)
        return;
    m_reconnectTimer.stop();
    m_countdown.stop();
    m_reconnectIn = 0;
    Q_EMIT reconnectInSecondsChanged();
    openSocket();
}

void ChatConnection::openSocket()
{
    if (!m_wanted || m_socket || m_token.isEmpty())
        return;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(4 * 1024 * 1024);
    connect(m_socket, &QWebSocket::connected, this, &ChatConnection::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &ChatConnection::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ChatConnection::onText);
    QNetworkRequest request(socketUrl());
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"PuddingGabel desktop app"_s);
    m_socket->open(request);
}

void ChatConnection::onConnected()
{
    m_lastFrame.start();
    m_pingSent.invalidate();
    // Authenticated by the upgrade request's header; "ready" confirms it.
}

void ChatConnection::onDisconnected()
{
    QWebSocket *socket = m_socket;
    if (!socket)
        return;
    const int code = int(socket->closeCode());
    const QString reason = socket->closeReason();
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->deleteLater();
    m_authenticated = false;
    m_pingTimer.stop();
    markRoomsDisconnected();
    for (Outgoing &o : m_outbox)
        o.inFlight = false; // resent after the room is joined again

    if (code == Chat::CloseCode::Unauthorized) {
        qCInfo(lcChat) << "the server refused the session";
        m_wanted = false;
        setState(State::Offline);
        Q_EMIT sessionEnded();
        // A REST call with the same token gets the 401 that signs the account out properly.
        if (!m_api->token().isEmpty())
            m_api->get(u"/api/auth/me"_s);
        return;
    }
    qCInfo(lcChat) << "disconnected" << code << reason;
    if (m_wanted)
        scheduleReconnect();
    else
        setState(State::Offline);
}

void ChatConnection::scheduleReconnect()
{
    setState(State::Reconnecting);
    const int base
        = int(std::min<qint64>(qint64(FirstBackoffMs) << std::min(m_attempt, 10), MaxBackoffMs));
    ++m_attempt;
    // ±30% jitter, so that a restarted server is not hit by every client at once.
    const double factor = 0.7 + 0.6 * QRandomGenerator::global()->generateDouble();
    const int delay = std::max(100, int(base * factor));
    m_reconnectTimer.start(delay);
    m_reconnectIn = (delay + 999) / 1000;
    Q_EMIT reconnectInSecondsChanged();
    m_countdown.start();
}

void ChatConnection::sendFrame(QLatin1StringView type, const QJsonObject &fields)
{
    if (!m_socket || !m_authenticated)
        return;
    m_socket->sendTextMessage(QString::fromUtf8(Chat::frame(type, fields)));
}

void ChatConnection::onText(const QString &text)
{
    m_lastFrame.start();
    m_pingSent.invalidate();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!doc.isObject()) {
        qCWarning(lcChat) << "unreadable frame:" << parseError.errorString();
        return;
    }
    const QJsonObject frame = doc.object();
    Q_EMIT frameReceived(frame);
    const QString type = frame.value("type"_L1).toString();
    const qint64 eventId = frame.value("eventId"_L1).toInteger();

    if (type == SF::Ready) {
        onReady(frame);
    } else if (type == SF::NewMessage) {
        handleMessage(frame.value("message"_L1).toObject(), false);
    } else if (type == SF::Ack) {
        handleMessage(frame.value("message"_L1).toObject(), true);
    } else if (type == SF::Joined) {
        m_joinRefs.remove(frame.value("ref"_L1).toString());
        auto it = m_rooms.find(eventId);
        if (it == m_rooms.end())
            return;
        it->joined = true;
        it->lastId = std::max(it->lastId, frame.value("lastMessageId"_L1).toInteger());
        for (const auto &model : modelsOf(eventId))
            model->handleJoined(it->lastId);
        flushOutbox(eventId);
    } else if (type == SF::Left) {
        // A plain "left" answers our own leave_event; only a removal concerns the room.
        auto it = m_rooms.find(eventId);
        if (it == m_rooms.end() || frame.value("reason"_L1).toString() != "removed"_L1)
            return;
        it->joined = false;
        it->joinSent = false;
        const QString reason = frame.value("reason"_L1).toString();
        for (const auto &model : modelsOf(eventId))
            model->handleLeft(reason);
        // Removed by the organizer: nothing queued for the room can be delivered any more.
        const QList<Outgoing> outbox = m_outbox;
        for (const Outgoing &o : outbox) {
            if (o.eventId == eventId)
                failOutgoing(
                    o.clientMsgId, u"forbidden"_s, tr("Not sent: you are no longer in this chat."));
        }
        if (it->models.isEmpty())
            m_rooms.erase(it);
    } else if (type == SF::UserTyping) {
        const UserRef user = UserRef::fromJson(frame.value("user"_L1).toObject());
        if (user.id == m_user.id)
            return;
        for (const auto &model : modelsOf(eventId))
            model->handleTyping(user, frame.value("isTyping"_L1).toBool());
    } else if (type == SF::Presence) {
        const QVariantList online = frame.value("online"_L1).toArray().toVariantList();
        for (const auto &model : modelsOf(eventId))
            model->handlePresence(online);
    } else if (type == SF::Error) {
        handleError(frame);
    } else if (type == SF::NewJoinRequest) {
        const QJsonObject attendance = frame.value("attendance"_L1).toObject();
        Q_EMIT newJoinRequest(attendance.toVariantMap());
        const Attendance a = Attendance::fromJson(attendance);
        Q_EMIT notificationPosted(
            tr("New request to join"), tr("%1 wants to bring %2.").arg(a.user.name, a.puddingName));
    } else if (type == SF::AttendanceApproved || type == SF::AttendanceRejected
        || type == SF::WaitlistPromoted) {
        notifyAttendance(type, frame.value("attendance"_L1).toObject());
    } else if (type == SF::EventUpdated) {
        Q_EMIT eventUpdated(frame.value("event"_L1).toObject().toVariantMap());
    } else if (type == SF::EventCancelled) {
        const QJsonObject event = frame.value("event"_L1).toObject();
        Q_EMIT eventCancelled(eventId, event.toVariantMap());
        Q_EMIT notificationPosted(tr("Meetup cancelled"),
            tr("“%1” was cancelled.").arg(event.value("title"_L1).toString()));
    }
    // pong and unknown types: nothing to do (the timestamp above is what a pong is for).
}

void ChatConnection::onReady(const QJsonObject &frame)
{
    m_authenticated = true;
    m_attempt = 0;
    const UserRef user = UserRef::fromJson(frame.value("user"_L1).toObject());
    if (!(user == m_user)) {
        m_user = user;
        Q_EMIT userChanged();
    }
    m_countdown.stop();
    m_reconnectIn = 0;
    Q_EMIT reconnectInSecondsChanged();
    m_pingTimer.start();
    m_outboxTimer.start();
    setState(State::Online);
    // Resume: every room again, from the newest message we have.
    const QList<qint64> ids = m_rooms.keys();
    for (qint64 eventId : ids)
        joinRoom(eventId);
}

void ChatConnection::notifyAttendance(const QString &type, const QJsonObject &attendance)
{
    Q_EMIT attendanceChanged(type, attendance.toVariantMap());
    const QString title = attendance.value("event"_L1).toObject().value("title"_L1).toString();
    QString body;
    if (type == SF::AttendanceApproved)
        body = title.isEmpty() ? tr("You are in: your request was approved.")
                               : tr("You are in: your request for “%1” was approved.").arg(title);
    else if (type == SF::AttendanceRejected)
        body = title.isEmpty() ? tr("Your request was declined.")
                               : tr("Your request for “%1” was declined.").arg(title);
    else
        body = title.isEmpty()
            ? tr("A place became free: you moved up from the waitlist.")
            : tr("A place at “%1” became free: you moved up from the waitlist.").arg(title);
    Q_EMIT notificationPosted(tr("Pudding Gabel"), body);
}

void ChatConnection::handleMessage(const QJsonObject &json, bool fromAck)
{
    const ChatMessage message = ChatMessage::fromJson(json);
    if (message.id <= 0)
        return;
    if (fromAck || message.user.id == m_user.id) {
        for (qsizetype i = 0; i < m_outbox.size(); ++i) {
            if (m_outbox.at(i).clientMsgId == message.clientMsgId
                && !message.clientMsgId.isEmpty()) {
                m_outbox.removeAt(i);
                break;
            }
        }
    }
    auto it = m_rooms.find(message.eventId);
    if (it == m_rooms.end())
        return;
    const bool isNew = message.id > it->lastId;
    it->lastId = std::max(it->lastId, message.id);
    const QList<ChatModel *> models = modelsOf(message.eventId);
    for (ChatModel *model : models) {
        if (fromAck)
            model->handleAck(message);
        else
            model->handleMessage(message);
    }
    if (!fromAck && isNew && message.user.id != m_user.id && it->visibleCount == 0) {
        ++it->unread;
        Q_EMIT unreadChanged(message.eventId);
        Q_EMIT notificationPosted(message.user.name, message.content.left(200));
    }
}

void ChatConnection::handleError(const QJsonObject &frame)
{
    const QString code = frame.value("code"_L1).toString();
    const QString serverText = frame.value("message"_L1).toString();
    const QString clientMsgId = frame.value("clientMsgId"_L1).toString();
    if (!clientMsgId.isEmpty()) {
        QString text;
        if (code == "rate_limited"_L1)
            text = tr("Not sent: too many messages at once. Try again.");
        else if (code == "forbidden"_L1)
            text = tr("Not sent: you are not in this chat.");
        else if (code == "not_joined"_L1)
            text = tr("Not sent: the chat was not open yet. Try again.");
        else
            text = ApiClient::messageForCode(code, serverText);
        failOutgoing(clientMsgId, code, text);
        return;
    }
    const QString ref = frame.value("ref"_L1).toString();
    const qint64 eventId = m_joinRefs.take(ref);
    if (eventId > 0) {
        auto it = m_rooms.find(eventId);
        if (it != m_rooms.end()) {
            it->joinSent = false;
            const QString text = code == "forbidden"_L1
                ? tr("Only the organizer and approved guests can read this chat.")
                : ApiClient::messageForCode(code, serverText);
            for (const auto &model : modelsOf(eventId))
                model->handleRefused(code, text);
            const bool final = code == "forbidden"_L1 || code == "not_found"_L1
                || code == "validation_failed"_L1;
            if (final && it->models.isEmpty())
                m_rooms.erase(it);
            else if (!final) // busy or rate-limited: ask again in a moment
                QTimer::singleShot(3000, this, [this, eventId] { joinRoom(eventId); });
        }
        return;
    }
    qCInfo(lcChat) << "error frame" << code << serverText;
}

void ChatConnection::failOutgoing(
    const QString &clientMsgId, const QString &code, const QString &text)
{
    Q_UNUSED(code)
    qint64 eventId = 0;
    for (qsizetype i = 0; i < m_outbox.size(); ++i) {
        if (m_outbox.at(i).clientMsgId == clientMsgId) {
            eventId = m_outbox.at(i).eventId;
            m_outbox.removeAt(i);
            break;
        }
    }
    // Also when it already left the outbox (stop()): the models still show it as sending.
    for (auto it = m_rooms.cbegin(); it != m_rooms.cend(); ++it) {
        if (eventId != 0 && it.key() != eventId)
            continue;
        for (const auto &model : it->models) {
            if (model)
                model->handleFailed(clientMsgId, text);
        }
    }
}

void ChatConnection::checkOutboxTimeouts()
{
    QStringList expired;
    for (const Outgoing &o : std::as_const(m_outbox)) {
        if (o.inFlight && o.sentAt.hasExpired(AckTimeoutMs))
            expired.append(o.clientMsgId);
    }
    for (const QString &id : std::as_const(expired))
        failOutgoing(id, {}, tr("Not sent: the server did not confirm it. Try again."));
}

QList<ChatModel *> ChatConnection::modelsOf(qint64 eventId) const
{
    QList<ChatModel *> out;
    const auto it = m_rooms.constFind(eventId);
    if (it == m_rooms.cend())
        return out;
    for (const auto &model : it->models) {
        if (model)
            out.append(model.data());
    }
    return out;
}

void ChatConnection::joinRoom(qint64 eventId)
{
    auto it = m_rooms.find(eventId);
    if (it == m_rooms.end() || !m_authenticated || it->joinSent)
        return;
    it->joinSent = true;
    const QString ref = u"join-%1"_s.arg(++m_refCounter);
    m_joinRefs.insert(ref, eventId);
    QJsonObject fields { { u"eventId"_s, eventId }, { u"ref"_s, ref } };
    // With history loaded (even an empty one), everything after it; a room watched only for
    // unread counts without any id yet starts live.
    if (it->lastId > 0 || it->hasHistory)
        fields.insert(u"afterId"_s, it->lastId);
    sendFrame(CF::JoinEvent, fields);
}

void ChatConnection::leaveRoomIfUnused(qint64 eventId)
{
    auto it = m_rooms.find(eventId);
    if (it == m_rooms.end())
        return;
    it->models.removeAll(nullptr);
    if (!it->models.isEmpty() || it->watched)
        return;
    if (it->joined || it->joinSent)
        sendFrame(CF::LeaveEvent, { { u"eventId"_s, eventId } });
    const bool hadUnread = it->unread > 0;
    m_rooms.erase(it);
    if (hadUnread)
        Q_EMIT unreadChanged(eventId);
}

void ChatConnection::attach(ChatModel *model, qint64 newestId)
{
    const qint64 eventId = model->eventId();
    Room &room = m_rooms[eventId];
    if (!room.models.contains(model))
        room.models.append(model);
    room.lastId = std::max(room.lastId, newestId);
    room.hasHistory = true;
    if (room.joined) {
        model->handleJoined(room.lastId);
        flushOutbox(eventId);
    } else {
        joinRoom(eventId);
    }
}

void ChatConnection::detach(ChatModel *model)
{
    for (auto it = m_rooms.begin(); it != m_rooms.end(); ++it) {
        if (it->models.removeAll(model) > 0) {
            const qint64 eventId = it.key();
            leaveRoomIfUnused(eventId);
            return;
        }
    }
}

qint64 ChatConnection::lastMessageId(qint64 eventId) const
{
    return m_rooms.value(eventId).lastId;
}

void ChatConnection::watchEvent(qint64 eventId)
{
    if (eventId <= 0 || !m_wanted)
        return;
    Room &room = m_rooms[eventId];
    if (room.watched)
        return;
    room.watched = true;
    joinRoom(eventId);
}

int ChatConnection::unreadCount(qint64 eventId) const
{
    return m_rooms.value(eventId).unread;
}

void ChatConnection::markRead(qint64 eventId)
{
    auto it = m_rooms.find(eventId);
    if (it == m_rooms.end() || it->unread == 0)
        return;
    it->unread = 0;
    Q_EMIT unreadChanged(eventId);
}

void ChatConnection::setRoomVisible(qint64 eventId, bool visible)
{
    auto it = m_rooms.find(eventId);
    if (it == m_rooms.end())
        return;
    it->visibleCount = std::max(0, it->visibleCount + (visible ? 1 : -1));
    if (it->visibleCount > 0)
        markRead(eventId);
}

void ChatConnection::sendMessage(
    qint64 eventId, const QString &clientMsgId, const QString &content, qint64 photoId)
{
    Outgoing o;
    o.eventId = eventId;
    o.clientMsgId = clientMsgId;
    o.content = content;
    o.photoId = photoId;
    m_outbox.append(o);
    flushOutbox(eventId);
}

void ChatConnection::flushOutbox(qint64 eventId)
{
    const auto room = m_rooms.constFind(eventId);
    if (!m_authenticated || room == m_rooms.cend() || !room->joined)
        return;
    for (Outgoing &o : m_outbox) {
        if (o.eventId != eventId || o.inFlight)
            continue;
        QJsonObject fields { { u"eventId"_s, eventId }, { u"content"_s, o.content },
            { u"clientMsgId"_s, o.clientMsgId } };
        if (o.photoId > 0)
            fields.insert(u"photoId"_s, o.photoId);
        sendFrame(CF::SendMessage, fields);
        o.inFlight = true;
        o.sentAt.start();
    }
}

void ChatConnection::sendTyping(qint64 eventId, bool typing)
{
    const auto room = m_rooms.constFind(eventId);
    if (room == m_rooms.cend() || !room->joined)
        return;
    sendFrame(CF::Typing, { { u"eventId"_s, eventId }, { u"isTyping"_s, typing } });
}

} // namespace Pudding::Client
