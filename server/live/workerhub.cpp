// SPDX-License-Identifier: GPL-3.0-or-later
#include "workerhub.h"

#include "livehub.h"
#include "livelogging.h"
#include "wssession.h"

#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

WorkerHub::WorkerHub(LiveHub &live)
    : m_live(live)
{ }

WorkerHub::~WorkerHub()
{
    // Sessions unregister from this hub when they go: delete them while it is whole.
    const auto sessions = findChildren<WsSession *>(QString(), Qt::FindDirectChildrenOnly);
    qDeleteAll(sessions);
}

void WorkerHub::adopt(std::unique_ptr<QWebSocket> socket, QTcpSocket *tcp)
{
    if (!socket)
        return;
    if (!tcp)
        qCWarning(lcLive) << "the TCP socket under a WebSocket was not found (it will leak)";
    new WsSession(*this, std::move(socket), tcp); // owned by this hub; ends on disconnect
}

void WorkerHub::sessionReady(WsSession *session)
{
    m_sessions.insert(session);
    if (session->doorEventId() != 0)
        m_doorSessions[session->doorEventId()].append(session);
    else
        m_userSessions[session->user().id].append(session);
    m_count.storeRelaxed(int(m_sessions.size()));
}

void WorkerHub::sessionGone(WsSession *session)
{
    if (!m_sessions.remove(session))
        return;
    auto &index = session->doorEventId() != 0 ? m_doorSessions : m_userSessions;
    auto it = index.find(session->doorEventId() != 0 ? session->doorEventId() : session->user().id);
    if (it != index.end()) {
        it->removeOne(session);
        if (it->isEmpty())
            index.erase(it);
    }
    m_count.storeRelaxed(int(m_sessions.size()));
}

void WorkerHub::enterRoom(WsSession *session, qint64 eventId)
{
    auto &members = m_rooms[eventId];
    if (!members.contains(session))
        members.append(session);
}

void WorkerHub::exitRoom(WsSession *session, qint64 eventId)
{
    auto it = m_rooms.find(eventId);
    if (it == m_rooms.end())
        return;
    it->removeOne(session);
    if (it->isEmpty())
        m_rooms.erase(it);
}

void WorkerHub::deliverMessages(const QList<Delivery> &deliveries)
{
    for (const auto &d : deliveries) {
        const auto it = m_rooms.constFind(d.eventId);
        if (it == m_rooms.cend())
            continue;
        // A copy: a session that is dropped while writing leaves the room.
        const auto members = *it; // NOLINT(performance-unnecessary-copy-initialization)
        const QByteArray wire = textFrame(d.frame); // once per room, not per member
        for (WsSession *session : members)
            session->deliverMessage(d.eventId, d.id, wire);
    }
}

void WorkerHub::deliverRoom(qint64 eventId, const QByteArray &frame, qint64 exceptUserId)
{
    const auto it = m_rooms.constFind(eventId);
    if (it == m_rooms.cend())
        return;
    // A copy: a session that is dropped while writing leaves the room.
    const auto members = *it; // NOLINT(performance-unnecessary-copy-initialization)
    const QString text = QString::fromUtf8(frame);
    for (WsSession *session : members) {
        if (session->user().id != exceptUserId)
            session->sendText(text);
    }
}

void WorkerHub::deliverUsers(const QList<qint64> &userIds, const QByteArray &frame)
{
    for (const qint64 userId : userIds) {
        const auto it = m_userSessions.constFind(userId);
        if (it == m_userSessions.cend())
            continue;
        // A copy: a session that is dropped while writing leaves the list.
        const auto sessions = *it; // NOLINT(performance-unnecessary-copy-initialization)
        for (WsSession *session : sessions)
            session->sendFrame(frame);
    }
}

void WorkerHub::deliverDoors(qint64 eventId, const QByteArray &frame)
{
    const auto it = m_doorSessions.constFind(eventId);
    if (it == m_doorSessions.cend())
        return;
    // A copy: a session that is dropped while writing leaves the list.
    const auto sessions = *it; // NOLINT(performance-unnecessary-copy-initialization)
    const QString text = QString::fromUtf8(frame);
    for (WsSession *session : sessions)
        session->sendText(text);
}

void WorkerHub::removeFromRoom(qint64 eventId, qint64 userId)
{
    const auto it = m_userSessions.constFind(userId);
    if (it == m_userSessions.cend())
        return;
    // A copy: leaving the room changes the list.
    const auto sessions = *it; // NOLINT(performance-unnecessary-copy-initialization)
    for (WsSession *session : sessions)
        session->removedFromRoom(eventId);
}

void WorkerHub::revokeToken(const QByteArray &tokenHash)
{
    const auto sessions = m_sessions;
    for (WsSession *session : sessions) {
        if (session->tokenHash() == tokenHash)
            session->closeWith(4401, u"signed out"_s);
    }
}

void WorkerHub::closeAll(int code, const QString &reason)
{
    const auto sessions = findChildren<WsSession *>(QString(), Qt::FindDirectChildrenOnly);
    for (WsSession *session : sessions)
        session->closeWith(code, reason);
}

} // namespace Pudding::Server
