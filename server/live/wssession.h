// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wsframe.h"

#include "http/request.h"
#include "shared/result.h"
#include "shared/user.h"

#include <QBasicTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <memory>

class QTcpSocket;
class QWebSocket;

namespace Pudding::Server {

class LiveHub;
class WorkerHub;

/// One authenticated WebSocket: the protocol of shared/chat.h. Lives in its HTTP thread.
///
/// Joining a room with afterId replays the stored messages after it and then goes live without
/// a gap or a duplicate: the session enters the room first (live messages are held back), then
/// pages through the history, then releases what was held back, skipping ids it already sent.
/// Messages of a room arrive in id order (see ChatWriter), so "skip ids ≤ the last sent" is
/// exact.
class WsSession : public QObject
{
    Q_OBJECT
public:
    WsSession(WorkerHub &hub, std::unique_ptr<QWebSocket> socket, QTcpSocket *tcp);
    ~WsSession() override;

    [[nodiscard]] bool isReady() const { return m_state == State::Ready; }
    [[nodiscard]] const UserRef &user() const { return m_user; }
    /// The token's SHA-256: the session token's, or the door token's.
    [[nodiscard]] const QByteArray &tokenHash() const { return m_tokenHash; }
    /// The event of a door-token session (which only receives that event's check-in updates
    /// and has no user); 0 for a user's session.
    [[nodiscard]] qint64 doorEventId() const { return m_doorEventId; }
    [[nodiscard]] QList<qint64> rooms() const { return m_rooms.keys(); }

    /// A stored message for a room: `frame` is the complete WebSocket frame (textFrame()).
    void deliverMessage(qint64 eventId, qint64 id, const QByteArray &frame);
    void sendFrame(const QByteArray &frame);
    /// The same, already as text (converted once for a whole room).
    void sendText(const QString &frame);
    void sendWire(const QByteArray &wireFrame);
    /// The user may no longer be in the room (rejected, removed, left elsewhere).
    void removedFromRoom(qint64 eventId);
    /// Closes with a code (4401 for an ended session, 1008/4408 for abuse).
    void closeWith(int code, const QString &reason);

private:
    enum class State { AwaitingAuth, Authenticating, Ready, Closed };
    struct Room
    {
        qint64 lastId = 0; ///< the highest message id sent to this socket
        bool live = false; ///< false while the replay runs: deliveries are held back
        QList<std::pair<qint64, QByteArray>> held;
        qint64 typingUntilMs = 0;
        qint64 typingPublishedMs = 0;
    };

    void onText(const QString &text);
    void authenticate(const QByteArray &token);
    void onAuthenticated(const Result<std::optional<AuthUser>> &result);
    void authenticateDoor(const QByteArray &token);
    void onDoorAuthenticated(const Result<std::optional<DoorAccess>> &result);
    void handleJoin(const QJsonObject &frame);
    void handleLeave(const QJsonObject &frame);
    void handleSend(const QJsonObject &frame);
    void handleTyping(const QJsonObject &frame);
    void replay(qint64 eventId, const QJsonValue &ref);
    void finishJoin(qint64 eventId, const QJsonValue &ref);
    void leaveRoom(qint64 eventId, bool publishTyping);
    void publishTyping(qint64 eventId, bool typing);
    void checkTyping();
    void dropIfNotReading();
    void timerEvent(QTimerEvent *event) override;
    void sendError(QLatin1StringView code, const QString &message, const QJsonValue &ref = {},
        const QString &clientMsgId = {});
    void sendError(const Error &error, const QJsonValue &ref = {}, const QString &clientMsgId = {});

    WorkerHub &m_hub;
    LiveHub &m_live;
    std::unique_ptr<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_tcp; ///< under m_socket; Qt 6.4 would leak it
    State m_state = State::AwaitingAuth;
    UserRef m_user;
    QByteArray m_tokenHash;
    qint64 m_doorEventId = 0;
    // QBasicTimer, not QTimer: an int each instead of a QObject and a connection, which
    // matters with 10,000 idle sockets. m_deadline is the auth timeout before "ready" and the
    // token's expiry after it.
    QBasicTimer m_deadline;
    QBasicTimer m_typingTimer;
    QHash<qint64, Room> m_rooms;
    QSet<qint64> m_joining; ///< membership check in flight
    QSet<qint64> m_kicked; ///< removed while the check was in flight
};

} // namespace Pudding::Server
