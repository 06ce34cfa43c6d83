// SPDX-License-Identifier: GPL-3.0-or-later
#include "wssession.h"
#include "wsframe.h"

#include "http/request.h"

#include "chat/chatsender.h"
#include "db/database.h"
#include "http/router.h"
#include "livehub.h"
#include "livelogging.h"
#include "metrics/servermetrics.h"
#include "shared/chat.h"
#include "shared/event.h"
#include "shared/futures.h"
#include "shared/protocol.h"
#include "shared/validation.h"
#include "workerhub.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>
#include <QTimerEvent>
#include <QUuid>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace EC = Protocol::ErrorCode;
namespace CF = Chat::ClientFrame;
namespace SF = Chat::ServerFrame;

namespace {
class LiveText
{
    Q_DECLARE_TR_FUNCTIONS(Chat)
};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

WsSession::WsSession(WorkerHub &hub, std::unique_ptr<QWebSocket> socket, QTcpSocket *tcp)
    : QObject(&hub)
    , m_hub(hub)
    , m_live(hub.live())
    , m_socket(std::move(socket))
    , m_tcp(tcp)
{
    // Qt's default allows 2 GiB frames: cap both (a bigger frame closes with 1009).
    m_socket->setMaxAllowedIncomingFrameSize(Chat::MaxFrameBytes);
    m_socket->setMaxAllowedIncomingMessageSize(Chat::MaxFrameBytes);
    if (Metrics::enabled())
        Metrics::server().wsConnections->add(1);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &WsSession::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this,
        [this] { sendError(EC::MalformedFrame, LiveText::tr("Frames are JSON text.")); });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        m_state = State::Closed;
        deleteLater();
    });

    const QByteArray header = m_socket->request().rawHeader("Authorization");
    m_deadline.start(Chat::AuthTimeoutMs, this);
    if (header.size() > 7 && header.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        authenticate(header.mid(7).trimmed());
    else if (header.size() > 5 && header.first(5).compare("Door ", Qt::CaseInsensitive) == 0)
        authenticateDoor(header.mid(5).trimmed());
}

WsSession::~WsSession()
{
    const auto rooms = m_rooms.keys();
    for (const qint64 eventId : rooms)
        leaveRoom(eventId, true);
    m_hub.sessionGone(this);
    m_socket.reset();
    if (Metrics::enabled())
        Metrics::server().wsConnections->add(-1);
    if (m_tcp)
        m_tcp->deleteLater(); // with it our connection guard, which counts against the limit
}

void WsSession::sendFrame(const QByteArray &frame)
{
    if (m_state != State::Closed)
        sendText(QString::fromUtf8(frame));
}

void WsSession::sendText(const QString &frame)
{
    if (m_state == State::Closed)
        return;
    m_socket->sendTextMessage(frame);
    if (Metrics::enabled())
        Metrics::server().wsFramesSent->inc();
    dropIfNotReading();
}

void WsSession::sendWire(const QByteArray &wireFrame)
{
    if (m_state == State::Closed)
        return;
    // The frame was built once for the whole room; QWebSocket would encode the text again for
    // every member. It writes whole frames only, so ours never land inside one of its own.
    if (m_tcp && m_socket->state() == QAbstractSocket::ConnectedState)
        m_tcp->write(wireFrame);
    else
        m_socket->sendTextMessage(QString::fromUtf8(textFramePayload(wireFrame)));
    if (Metrics::enabled())
        Metrics::server().wsFramesSent->inc();
    dropIfNotReading();
}

void WsSession::dropIfNotReading()
{
    // A client that does not read makes the output grow: drop it rather than our memory.
    if (m_socket->bytesToWrite() > m_live.config().maxQueuedBytes) {
        qCInfo(lcLive) << "dropping a client that does not read; user" << m_user.id;
        m_state = State::Closed;
        m_socket->abort();
        deleteLater();
    }
}

void WsSession::closeWith(int code, const QString &reason)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    // A peer that never answers the close handshake must not keep the session alive.
    QTimer::singleShot(5000, this, [this] { m_socket->abort(); });
}

void WsSession::sendError(QLatin1StringView code, const QString &message, const QJsonValue &ref,
    const QString &clientMsgId)
{
    QJsonObject fields { { u"code"_s, QString(code) }, { u"message"_s, message } };
    if (!ref.isUndefined() && !ref.isNull())
        fields.insert(u"ref"_s, ref);
    if (!clientMsgId.isEmpty())
        fields.insert(u"clientMsgId"_s, clientMsgId);
    sendFrame(Chat::frame(SF::Error, fields));
}

void WsSession::sendError(const Error &error, const QJsonValue &ref, const QString &clientMsgId)
{
    QJsonObject fields { { u"code"_s, error.code }, { u"message"_s, error.message } };
    if (!error.fields.isEmpty()) {
        QJsonObject f;
        for (const auto &fe : error.fields)
            f.insert(fe.field, fe.message);
        fields.insert(u"fields"_s, f);
    }
    if (!ref.isUndefined() && !ref.isNull())
        fields.insert(u"ref"_s, ref);
    if (!clientMsgId.isEmpty())
        fields.insert(u"clientMsgId"_s, clientMsgId);
    sendFrame(Chat::frame(SF::Error, fields));
}

void WsSession::authenticate(const QByteArray &token)
{
    m_state = State::Authenticating;
    onFinished(m_live.authenticator().authenticate(token), this,
        [this](const Result<std::optional<AuthUser>> &result) {
            if (m_state == State::Authenticating)
                onAuthenticated(result);
        });
}

void WsSession::onAuthenticated(const Result<std::optional<AuthUser>> &result)
{
    if (!result) {
        sendError(result.error());
        closeWith(1011, u"database unavailable"_s);
        return;
    }
    const auto &user = result.value();
    if (!user) {
        closeWith(Chat::CloseCode::Unauthorized, u"invalid token"_s);
        return;
    }
    m_deadline.stop();
    m_state = State::Ready;
    m_user = { user->id, user->name };
    m_tokenHash = user->tokenHash;
    if (user->tokenExpiresAt.isValid()) {
        const qint64 ms = user->tokenExpiresAt.toMSecsSinceEpoch() - nowMs();
        m_deadline.start(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())), this);
    }
    m_hub.sessionReady(this);
    sendFrame(Chat::frame(SF::Ready, { { u"user"_s, m_user.toJson() } }));
}

void WsSession::authenticateDoor(const QByteArray &token)
{
    const DoorAuthenticator *doors = m_live.doorAuthenticator();
    if (!doors) {
        closeWith(Chat::CloseCode::Unauthorized, u"invalid token"_s);
        return;
    }
    m_state = State::Authenticating;
    onFinished(doors->authenticateDoor(token), this,
        [this](const Result<std::optional<DoorAccess>> &result) {
            if (m_state == State::Authenticating)
                onDoorAuthenticated(result);
        });
}

void WsSession::onDoorAuthenticated(const Result<std::optional<DoorAccess>> &result)
{
    if (!result) {
        sendError(result.error());
        closeWith(1011, u"database unavailable"_s);
        return;
    }
    const auto &door = result.value();
    if (!door) {
        closeWith(Chat::CloseCode::Unauthorized, u"invalid token"_s);
        return;
    }
    // A door device has no user: it hears its event's check-in updates until the token
    // expires or is revoked (closed with 4401 like a signed-out session).
    m_deadline.stop();
    m_state = State::Ready;
    m_doorEventId = door->eventId;
    m_tokenHash = door->tokenHash;
    const qint64 ms = door->expiresAt.toMSecsSinceEpoch() - nowMs();
    m_deadline.start(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())), this);
    m_hub.sessionReady(this);
    sendFrame(Chat::frame(SF::Ready,
        { { u"door"_s,
            QJsonObject { { u"tokenId"_s, door->tokenId }, { u"eventId"_s, door->eventId },
                { u"expiresAt"_s, toIsoString(door->expiresAt) } } } }));
}

void WsSession::onText(const QString &text)
{
    if (Metrics::enabled())
        Metrics::server().wsFramesReceived->inc();
    if (m_state == State::Closed)
        return;
    // The same strict JSON as REST bodies (Qt alone reads "\x" as "x").
    const auto parsed = parseJsonObject(text.toUtf8());
    if (!parsed) {
        sendError(EC::MalformedFrame, LiveText::tr("A frame is a JSON object with a \"type\"."));
        return;
    }
    const QJsonObject &frame = parsed.value();
    const QString type = frame.value("type"_L1).toString();
    if (type == CF::Ping) {
        QJsonObject fields;
        if (frame.contains("ref"_L1))
            fields.insert(u"ref"_s, frame.value("ref"_L1));
        sendFrame(Chat::frame(SF::Pong, fields));
        return;
    }
    if (m_state != State::Ready) {
        if (type == CF::Auth && m_state == State::AwaitingAuth) {
            if (const QJsonValue door = frame.value("doorToken"_L1); !door.isUndefined()) {
                const QString token = door.toString();
                if (token.isEmpty())
                    closeWith(Chat::CloseCode::Unauthorized, u"no token"_s);
                else
                    authenticateDoor(token.toLatin1());
                return;
            }
            const QString token = frame.value("token"_L1).toString();
            if (token.isEmpty()) {
                closeWith(Chat::CloseCode::Unauthorized, u"no token"_s);
                return;
            }
            authenticate(token.toLatin1());
            return;
        }
        sendError(EC::Unauthorized, LiveText::tr("Authenticate first."), frame.value("ref"_L1));
        return;
    }
    if (m_doorEventId != 0) {
        sendError(EC::Forbidden,
            type == CF::Auth ? LiveText::tr("Already authenticated.")
                             : LiveText::tr("A door device only receives check-in updates."),
            frame.value("ref"_L1));
        return;
    }
    if (type == CF::SendMessage)
        handleSend(frame);
    else if (type == CF::Typing)
        handleTyping(frame);
    else if (type == CF::JoinEvent)
        handleJoin(frame);
    else if (type == CF::LeaveEvent)
        handleLeave(frame);
    else if (type == CF::Auth)
        sendError(EC::Conflict, LiveText::tr("Already authenticated."), frame.value("ref"_L1));
    else
        sendError(EC::UnknownType, LiveText::tr("Unknown frame type \"%1\".").arg(type.left(40)),
            frame.value("ref"_L1));
}

void WsSession::handleJoin(const QJsonObject &frame)
{
    const QJsonValue ref = frame.value("ref"_L1);
    const qint64 eventId = Chat::idField(frame, "eventId"_L1);
    if (eventId == 0) {
        sendError(EC::ValidationFailed, LiveText::tr("eventId must be a positive integer."), ref);
        return;
    }
    qint64 afterId = -1; // none: start live from the newest message
    if (frame.contains("afterId"_L1)) {
        const QJsonValue v = frame.value("afterId"_L1);
        if (v.isDouble() && v.toDouble() == 0) {
            afterId = 0;
        } else {
            afterId = Chat::idField(frame, "afterId"_L1);
            if (afterId == 0) {
                sendError(EC::ValidationFailed,
                    LiveText::tr("afterId must be a message id (0 or more)."), ref);
                return;
            }
        }
    }
    if (m_joining.contains(eventId))
        return; // the first join is still running and will answer
    if (m_rooms.contains(eventId))
        leaveRoom(eventId, false); // a re-join (e.g. to resume from another id)
    m_joining.insert(eventId);
    m_kicked.remove(eventId);
    const qint64 userId = m_user.id;
    auto membership = m_live.db().run(
        [eventId, userId, afterId](DbSession &s) -> std::pair<ChatMembership, qint64> {
            const ChatMembership m = chatMembership(s, eventId, userId);
            qint64 newest = 0;
            if (m.ok && m.member.value_or(false) && afterId < 0) {
                auto *q = s.prepared(u"SELECT coalesce(max(id), 0) FROM messages "
                                     "WHERE event_id = ?"_s);
                if (!s.exec(q, { eventId }))
                    return { ChatMembership {}, 0 };
                if (q->next())
                    newest = q->value(0).toLongLong();
                q->finish();
            }
            return { m, afterId < 0 ? newest : afterId };
        });
    onFinished(std::move(membership), this,
        [this, eventId, ref](const std::pair<ChatMembership, qint64> &r) {
            if (m_state == State::Closed)
                return;
            m_joining.remove(eventId);
            const auto &[m, from] = r;
            if (!m.ok) {
                sendError(EC::Unavailable, LiveText::tr("Please try again."), ref);
                return;
            }
            if (!m.member) {
                sendError(EC::NotFound, LiveText::tr("No such event."), ref);
                return;
            }
            if (!*m.member || m_kicked.contains(eventId)) {
                m_kicked.remove(eventId);
                sendError(EC::Forbidden,
                    LiveText::tr("Only the organizer and approved "
                                 "attendees can join this chat."),
                    ref);
                return;
            }
            Room room;
            room.lastId = from;
            m_rooms.insert(eventId, room);
            m_hub.enterRoom(this, eventId);
            m_live.changePresence(eventId, m_user, +1);
            replay(eventId, ref);
        });
}

void WsSession::replay(qint64 eventId, const QJsonValue &ref)
{
    const qint64 after = m_rooms.value(eventId).lastId;
    auto page = m_live.db().run([eventId, after](DbSession &s) -> std::optional<QList<QByteArray>> {
        auto *q = s.prepared(
            selectMessagesSql() % u"WHERE m.event_id = ? AND m.id > ? ORDER BY m.id LIMIT ?"_s);
        if (!s.exec(q, { eventId, after, Chat::ReplayPageSize }))
            return std::nullopt;
        QList<QByteArray> frames;
        while (q->next()) {
            const ChatMessage m = messageFromRow(*q);
            QByteArray f = Chat::frame(SF::NewMessage, { { u"message"_s, m.toJson() } });
            // The id rides in front for the session; stripped before sending.
            frames.append(QByteArray::number(m.id) + ' ' + f);
        }
        return frames;
    });
    onFinished(std::move(page), this,
        [this, eventId, ref](const std::optional<QList<QByteArray>> &frames) {
            if (m_state == State::Closed)
                return;
            auto it = m_rooms.find(eventId);
            if (it == m_rooms.end() || it->live)
                return; // left (or removed) meanwhile
            if (!frames) {
                leaveRoom(eventId, false);
                sendError(EC::Unavailable, LiveText::tr("Please try again."), ref);
                return;
            }
            for (const QByteArray &entry : *frames) {
                const auto space = entry.indexOf(' ');
                const qint64 id = entry.left(space).toLongLong();
                if (id <= it->lastId)
                    continue;
                it->lastId = id;
                sendFrame(entry.mid(space + 1));
                if (m_state == State::Closed)
                    return;
            }
            if (frames->size() == Chat::ReplayPageSize)
                replay(eventId, ref); // more after this page
            else
                finishJoin(eventId, ref);
        });
}

void WsSession::finishJoin(qint64 eventId, const QJsonValue &ref)
{
    auto it = m_rooms.find(eventId);
    if (it == m_rooms.end())
        return;
    // What arrived live during the replay, minus what the replay already sent.
    const auto held = std::exchange(it->held, {});
    it->live = true;
    for (const auto &[id, frame] : held) {
        if (id <= it->lastId)
            continue;
        it->lastId = id;
        sendWire(frame);
    }
    QJsonObject fields { { u"eventId"_s, eventId }, { u"lastMessageId"_s, it->lastId } };
    if (!ref.isUndefined() && !ref.isNull())
        fields.insert(u"ref"_s, ref);
    sendFrame(Chat::frame(SF::Joined, fields));
    QJsonArray online;
    for (const auto &user : m_live.mergedPresence(eventId))
        online.append(user.toJson());
    sendFrame(Chat::frame(SF::Presence, { { u"eventId"_s, eventId }, { u"online"_s, online } }));
}

void WsSession::deliverMessage(qint64 eventId, qint64 id, const QByteArray &frame)
{
    auto it = m_rooms.find(eventId);
    if (it == m_rooms.end())
        return;
    if (!it->live) {
        it->held.append({ id, frame });
        return;
    }
    if (id <= it->lastId)
        return;
    it->lastId = id;
    sendWire(frame);
}

void WsSession::handleLeave(const QJsonObject &frame)
{
    const QJsonValue ref = frame.value("ref"_L1);
    const qint64 eventId = Chat::idField(frame, "eventId"_L1);
    if (!m_rooms.contains(eventId) && !m_joining.contains(eventId)) {
        sendError(EC::NotJoined, LiveText::tr("You are not in this chat."), ref);
        return;
    }
    m_joining.remove(eventId);
    leaveRoom(eventId, true);
    QJsonObject fields { { u"eventId"_s, eventId } };
    if (!ref.isUndefined() && !ref.isNull())
        fields.insert(u"ref"_s, ref);
    sendFrame(Chat::frame(SF::Left, fields));
}

void WsSession::leaveRoom(qint64 eventId, bool publish)
{
    auto it = m_rooms.find(eventId);
    if (it == m_rooms.end())
        return;
    const bool typing = it->typingUntilMs > 0;
    m_rooms.erase(it);
    if (publish && typing)
        publishTyping(eventId, false);
    m_hub.exitRoom(this, eventId);
    m_live.changePresence(eventId, m_user, -1);
}

void WsSession::removedFromRoom(qint64 eventId)
{
    if (m_joining.contains(eventId))
        m_kicked.insert(eventId);
    if (!m_rooms.contains(eventId))
        return;
    leaveRoom(eventId, true);
    sendFrame(Chat::frame(
        SF::Left, { { u"eventId"_s, eventId }, { u"reason"_s, Chat::LeftReason::Removed } }));
}

void WsSession::handleSend(const QJsonObject &frame)
{
    const QJsonValue ref = frame.value("ref"_L1);
    const QString clientMsgId = frame.value("clientMsgId"_L1).toString();
    // Errors name the message by its clientMsgId, unless that is itself the problem: an
    // unpaired surrogate or a control character is not echoed back.
    const QString echoedId
        = Validation::firstForbiddenCharacter(clientMsgId, Validation::TextKind::Token)
        ? QString()
        : clientMsgId.left(Chat::ClientMsgIdMax);
    const qint64 eventId = Chat::idField(frame, "eventId"_L1);
    if (clientMsgId.isEmpty()) {
        sendError(EC::ValidationFailed,
            LiveText::tr("clientMsgId is required (it makes retries safe)."), ref);
        return;
    }
    if (eventId == 0) {
        sendError(EC::ValidationFailed, LiveText::tr("eventId must be a positive integer."), ref,
            echoedId);
        return;
    }
    const QString content = frame.value("content"_L1).toString().trimmed();
    qint64 photoId = 0;
    if (frame.contains("photoId"_L1) && !frame.value("photoId"_L1).isNull()) {
        photoId = Chat::idField(frame, "photoId"_L1);
        if (photoId == 0) {
            sendError(Error { QString(EC::ValidationFailed),
                          LiveText::tr("photoId must be a photo's id."),
                          { { u"photoId"_s, LiveText::tr("photoId must be a photo's id.") } } },
                ref, echoedId);
            return;
        }
    }
    QPointer<WsSession> self(this);
    const auto sent = m_live.sender().send({ eventId, m_user, content, clientMsgId, photoId },
        [this, self, &hub = m_hub, clientMsgId, ref](const Result<ChatWriter::Outcome> &outcome) {
            // On the writer's thread: the answer goes back through this thread's hub.
            invokeGuarded(&hub, self, [this, clientMsgId, ref, outcome] {
                if (m_state == State::Closed)
                    return;
                if (!outcome) {
                    sendError(outcome.error(), ref, clientMsgId);
                    return;
                }
                QJsonObject fields { { u"clientMsgId"_s, clientMsgId },
                    { u"message"_s, outcome.value().message.toJson() } };
                if (outcome.value().duplicate)
                    fields.insert(u"duplicate"_s, true);
                if (!ref.isUndefined() && !ref.isNull())
                    fields.insert(u"ref"_s, ref);
                sendFrame(Chat::frame(SF::Ack, fields));
            });
        });
    if (!sent)
        sendError(sent.error(), ref, echoedId);
}

void WsSession::handleTyping(const QJsonObject &frame)
{
    const qint64 eventId = Chat::idField(frame, "eventId"_L1);
    auto it = m_rooms.find(eventId);
    if (it == m_rooms.end()) {
        sendError(EC::NotJoined, LiveText::tr("Join the chat first."), frame.value("ref"_L1));
        return;
    }
    const bool typing = frame.value("isTyping"_L1).toBool();
    const qint64 now = nowMs();
    if (typing) {
        const bool wasTyping = it->typingUntilMs > 0;
        it->typingUntilMs = now + Chat::TypingExpiryMs;
        // Repeated "typing" frames only extend the deadline; others hear at most every 2 s.
        if (!wasTyping || now - it->typingPublishedMs > 2000) {
            it->typingPublishedMs = now;
            publishTyping(eventId, true);
        }
        if (!m_typingTimer.isActive())
            m_typingTimer.start(1000, this);
    } else if (it->typingUntilMs > 0) {
        it->typingUntilMs = 0;
        publishTyping(eventId, false);
    }
}

void WsSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_typingTimer.timerId()) {
        checkTyping();
    } else if (event->timerId() == m_deadline.timerId()) {
        m_deadline.stop();
        if (m_state == State::Ready)
            closeWith(Chat::CloseCode::Unauthorized, u"session expired"_s);
        else if (m_state != State::Closed)
            closeWith(Chat::CloseCode::Unauthorized, u"authentication timeout"_s);
    } else {
        QObject::timerEvent(event);
    }
}

void WsSession::checkTyping()
{
    const qint64 now = nowMs();
    bool any = false;
    for (auto it = m_rooms.begin(); it != m_rooms.end(); ++it) {
        if (it->typingUntilMs == 0)
            continue;
        if (it->typingUntilMs <= now) {
            it->typingUntilMs = 0; // expired by itself: the others see it stop
            publishTyping(it.key(), false);
        } else {
            any = true;
        }
    }
    if (!any)
        m_typingTimer.stop();
}

void WsSession::publishTyping(qint64 eventId, bool typing)
{
    m_live.writer().enqueueNotice(QJsonDocument(
        QJsonObject { { u"k"_s, u"typing"_s }, { u"e"_s, eventId }, { u"u"_s, m_user.toJson() },
            { u"t"_s, typing } }).toJson(QJsonDocument::Compact));
}

} // namespace Pudding::Server
