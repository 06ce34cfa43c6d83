// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatwriter.h"
#include "shared/result.h"
#include "shared/user.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <memory>

namespace Pudding::Server {

class Authenticator;
class ChatSender;
class DoorAuthenticator;
class TicketFrameSource;
class Database;
class DbSession;
class LiveListener;
class NotificationListener;
class WorkerHub;

/// Limits of the live layer (set from the server's configuration).
struct LiveConfig
{
    double chatMessagesPerSecond = 10; ///< per user, refilled continuously; 0: no limit
    int chatBurst = 20;
    qint64 maxQueuedBytes = 4 * 1024 * 1024; ///< unread output before a slow client is dropped
};

/// The live layer of one server instance: WebSocket sessions (held by one WorkerHub per HTTP
/// thread), the chat writer that commits messages in groups, and the listener that receives
/// everything that must reach a socket.
///
/// Every live frame travels through PostgreSQL's LISTEN/NOTIFY (channel `pudding_live`, written
/// by publish/livepublisher.h), also
/// on a single instance: notifications arrive in commit order on every instance behind the
/// load balancer, so a room sees its messages in id order wherever its members are connected,
/// and a notification (a new join request, an approval) is sent only once its transaction has
/// committed. Payloads are compact JSON objects with a kind "k":
///   msg      {m:[message…]}             new chat messages (full JSON when small; a message
///                                       sent over REST has "r", its request id)
///   msgref   {ids:[…]}                  messages too long for a payload: fetched by id
///   typing   {e, u:{id,name}, t:bool}   someone started/stopped typing
///   presence {e, i:instance, online:[{id,name}…]}   one instance's members online in a room
///   user     {u:[ids…], f:frame[, r]}   a frame for these users' sockets; r: the id of the
///                                       request that caused it, sent as the frame's requestId
///   kick     {e, u}                     the user left or was removed from the room
///   revoke   {h:hex token hash}         a token was revoked (logout, or a door token)
///   door     {e, u:[ids…], f:frame[, r]} a check-in frame for the door-token sockets of
///                                       event e and the sockets of users u (the organizer)
///   tickets  {e, t:[ids…]|null}         tickets of event e were issued or revoked (by a
///                                       trigger, 0005): TicketFrameSource builds the frame
///   ref      {id}                       any of the above too large for a payload, stored in
///                                       live_frames by the writing transaction
class LiveHub : public QObject, public PresenceSource
{
    Q_OBJECT
public:
    LiveHub(Database &db, const Authenticator &authenticator, LiveConfig config);
    ~LiveHub() override;

    /// Opens the listener's connection (LISTEN) and starts the writer; fails when the database
    /// cannot be reached.
    [[nodiscard]] Result<void> start();
    /// Stops the writer (committing what is queued) and the listener.
    void stop();

    /// Called from each HTTP thread's WorkerHub when it is created.
    void addWorkerHub(WorkerHub *hub);
    [[nodiscard]] QList<WorkerHub *> workerHubs() const;

    [[nodiscard]] ChatWriter &writer() { return *m_writer; }
    [[nodiscard]] const ChatWriter &writer() const { return *m_writer; }
    /// Authenticated sockets on this instance.
    [[nodiscard]] int socketCount() const;
    [[nodiscard]] Database &db() { return m_db; }
    [[nodiscard]] const Authenticator &authenticator() const { return m_authenticator; }
    /// Who resolves door tokens ({"type":"auth","doorToken":…}); none: door tokens are refused.
    /// Set once at start-up, before the first socket.
    void setDoorAuthenticator(const DoorAuthenticator *authenticator)
    {
        m_doorAuthenticator = authenticator;
    }
    [[nodiscard]] const DoorAuthenticator *doorAuthenticator() const { return m_doorAuthenticator; }
    /// Who builds the check-in frames of ticket changes; none: they are not sent. Set once at
    /// start-up.
    void setTicketFrameSource(const TicketFrameSource *source) { m_ticketFrames = source; }
    [[nodiscard]] const LiveConfig &config() const { return m_config; }
    [[nodiscard]] const QString &instanceId() const override { return m_instanceId; }
    /// The one send command (REST and sockets), with the per-user rate limit.
    [[nodiscard]] ChatSender &sender() { return *m_sender; }

    /// A user's socket joined (+1) or left (-1) a room on this instance. Publishes the
    /// instance's presence for the room when the user's first socket arrives or the last leaves.
    void changePresence(qint64 eventId, const UserRef &user, int delta);
    /// The users of this instance online in the room (for the presence payload).
    [[nodiscard]] QList<UserRef> localPresence(qint64 eventId) const override;

    /// Everyone online in the room on every instance (as last announced).
    [[nodiscard]] QList<UserRef> mergedPresence(qint64 eventId) const override;

    /// Called on the listener's thread for each notification.
    void dispatch(const QByteArray &payload, DbSession &fetchSession);

private:
    friend class LiveListener;
    void refreshPresence();
    [[nodiscard]] QList<UserRef> mergedPresenceLocked(qint64 eventId) const;

    Database &m_db;
    const Authenticator &m_authenticator;
    const DoorAuthenticator *m_doorAuthenticator = nullptr;
    const TicketFrameSource *m_ticketFrames = nullptr;
    const LiveConfig m_config;
    const QString m_instanceId;
    std::unique_ptr<ChatWriter> m_writer;
    std::unique_ptr<ChatSender> m_sender;
    QThread m_listenerThread;
    LiveListener *m_listener = nullptr;

    mutable QMutex m_mutex; // guards the members below
    QList<WorkerHub *> m_workerHubs;
    QElapsedTimer m_clock;
    struct Presence
    {
        UserRef user;
        int sockets = 0;
    };
    QHash<qint64, QHash<qint64, Presence>> m_localPresence; ///< event → user → sockets

    // What every instance reported (written by the listener's thread).
    struct InstancePresence
    {
        QList<UserRef> online;
        qint64 seenMs = 0;
    };
    QHash<qint64, QHash<QString, InstancePresence>> m_presence;
};

/// The listener's QObject, living in its own thread with its own connections.
class LiveListener : public QObject
{
    Q_OBJECT
public:
    explicit LiveListener(LiveHub *hub);
    ~LiveListener() override;
    [[nodiscard]] Result<void> open();
    void close();

private:
    LiveHub *m_hub;
    std::unique_ptr<DbSession> m_fetch;
    std::unique_ptr<NotificationListener> m_listener;
};

} // namespace Pudding::Server
