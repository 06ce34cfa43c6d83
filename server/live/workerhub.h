// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <memory>

class QTcpSocket;
class QWebSocket;

namespace Pudding::Server {

class LiveHub;
class WsSession;

/// One stored chat message as it goes out: its room, its id and its frame.
struct Delivery
{
    qint64 eventId = 0;
    qint64 id = 0;
    QByteArray frame;
};

/// The WebSocket sessions of one HTTP thread and its rooms. Lives in that thread: the sessions
/// are only touched there; the listener posts deliveries to it (one queued call per
/// notification, whatever the number of sockets).
class WorkerHub : public QObject
{
    Q_OBJECT
public:
    explicit WorkerHub(LiveHub &live);
    ~WorkerHub() override;

    [[nodiscard]] LiveHub &live() { return m_live; }
    /// Takes over an upgraded socket (in this hub's thread), and the TCP socket under it,
    /// which the session deletes when it ends.
    void adopt(std::unique_ptr<QWebSocket> socket, QTcpSocket *tcp);

    // Posted from the listener's thread:
    void deliverMessages(const QList<Delivery> &deliveries);
    void deliverRoom(qint64 eventId, const QByteArray &frame, qint64 exceptUserId);
    void deliverUsers(const QList<qint64> &userIds, const QByteArray &frame);
    /// To the door-token sockets of the event.
    void deliverDoors(qint64 eventId, const QByteArray &frame);
    void removeFromRoom(qint64 eventId, qint64 userId);
    void revokeToken(const QByteArray &tokenHash);
    void closeAll(int code, const QString &reason);

    // From this thread's sessions:
    void sessionReady(WsSession *session);
    void enterRoom(WsSession *session, qint64 eventId);
    void exitRoom(WsSession *session, qint64 eventId);
    void sessionGone(WsSession *session);

    [[nodiscard]] int sessionCount() const { return m_count.loadRelaxed(); }

private:
    LiveHub &m_live;
    QSet<WsSession *> m_sessions;
    QHash<qint64, QList<WsSession *>> m_rooms; ///< event → sessions in its room
    QHash<qint64, QList<WsSession *>> m_userSessions; ///< user → sessions
    QHash<qint64, QList<WsSession *>> m_doorSessions; ///< event → door-token sessions
    QAtomicInt m_count = 0;
};

} // namespace Pudding::Server
