// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantMap>

namespace Pudding::Client {

class ApiClient;
class ChatRoom;
class LiveConnection;

/// The signed-in user's chat rooms, and the router of the live connection's frames: chat frames
/// go to their ChatRoom, join requests and decisions come out as signals the review queue, the
/// request lists and EventUpdates listen to (in C++), with a desktop notification where one is
/// due. Rooms exist while a view shows them, while they are watched for unread counts, or while
/// they still have messages to deliver; after a reconnect each is joined again from the newest
/// message it has, so the server replays what was missed.
class ChatRooms : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY unreadChanged)
    /// Unread messages by event id (as a string key; events without any are left out), for
    /// bindings in QML.
    Q_PROPERTY(QVariantMap unreadCounts READ unreadCounts NOTIFY unreadChanged)
public:
    ChatRooms(ApiClient *api, LiveConnection *live, QObject *parent = nullptr);
    ~ChatRooms() override;

    /// The instance QML sees (C++-owned); set by whoever owns it (AppContext or a test).
    static ChatRooms *instance();
    static void setInstance(ChatRooms *rooms);
    static ChatRooms *create(QQmlEngine *, QJSEngine *)
    {
        QJSEngine::setObjectOwnership(instance(), QJSEngine::CppOwnership);
        return instance();
    }

    [[nodiscard]] ApiClient *api() const { return m_api; }

    /// Messages from others in this event's room since it was last read (see watchEvent()).
    Q_INVOKABLE int unreadCount(qint64 eventId) const;
    [[nodiscard]] int totalUnread() const;
    [[nodiscard]] QVariantMap unreadCounts() const;
    /// Joins the room in the background so new messages count as unread while no chat for it
    /// is open (for badges in "My events").
    Q_INVOKABLE void watchEvent(qint64 eventId);
    Q_INVOKABLE void markRead(qint64 eventId);
    /// Stops the connection and forgets every room with its unread count: the account signed
    /// out (AppContext calls this on AccountManager::signedOut).
    Q_INVOKABLE void forgetAccount();

    /// The room of `eventId` for a view that shows it (created if needed); give it back with
    /// close().
    [[nodiscard]] ChatRoom *open(qint64 eventId);
    void close(ChatRoom *room);

Q_SIGNALS:
    void unreadChanged(qint64 eventId);
    /// To the organizer: someone asked to join one of their meetups.
    void newJoinRequest(const QVariantMap &attendance);
    /// To the attendee: `kind` is attendance_approved, attendance_rejected or waitlist_offer
    /// (an offer made: OFFERED; or ended: LEFT).
    void attendanceChanged(const QString &kind, const QVariantMap &attendance);
    void eventUpdated(const QVariantMap &event);
    void eventCancelled(qint64 eventId, const QVariantMap &event);
    /// A meetup's check-in changed (checkin_update: counter, version, changed guest rows), for
    /// Door mode's DoorSession.
    void checkinUpdated(qint64 eventId, const QJsonObject &frame);
    /// The inbox's frames (notification, notifications_read) for NotificationsModel.
    void inboxFrame(const QJsonObject &frame);
    /// Something worth a desktop notification happened (texts are translated).
    void notificationPosted(const QString &title, const QString &body);

private:
    ChatRoom *ensureRoom(qint64 eventId);
    void releaseIfUnused(ChatRoom *room);
    void dropRoom(ChatRoom *room);
    void sendJoin(ChatRoom *room);
    void route(const QJsonObject &frame);
    void routeError(const QJsonObject &frame);
    void notifyAttendance(const QString &type, const QJsonObject &attendance);

    ApiClient *m_api;
    LiveConnection *m_live;
    QHash<qint64, ChatRoom *> m_rooms;
    QHash<QString, qint64> m_joinRefs; ///< ref of a join_event → its event
    int m_refCounter = 0;
    QTimer m_ackTimer;
};

} // namespace Pudding::Client
