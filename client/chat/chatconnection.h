// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/chat.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantMap>
#include <QWebSocket>

namespace Pudding::Client {

class ApiClient;
class ChatModel;

/// The app's one live connection to pudding-server (`/ws`): authenticated with the session's
/// token, reconnecting by itself with exponential backoff and jitter, re-joining every open
/// chat room with the newest message id it has (so the server replays what was missed), and
/// resending messages that were never acknowledged with their original clientMsgId (so the
/// server stores them once). Chat frames go to the ChatModels of their room; personal
/// notifications (join requests, decisions, event changes) come out as signals.
class ChatConnection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool online READ isOnline NOTIFY stateChanged)
    Q_PROPERTY(int reconnectInSeconds READ reconnectInSeconds NOTIFY reconnectInSecondsChanged)
    Q_PROPERTY(qint64 userId READ userId NOTIFY userChanged)
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY unreadChanged)
public:
    enum class State {
        Offline, ///< not signed in, stopped, or the server refused the session
        Connecting, ///< the first attempt after start()
        Online, ///< authenticated ("ready")
        Reconnecting, ///< the connection dropped; waiting for or making the next attempt
    };
    Q_ENUM(State)

    /// Time without any frame after a ping before the connection counts as dead.
    static constexpr int PingIntervalMs = 25000;
    static constexpr int PongTimeoutMs = 10000;
    /// A message sent on a live connection but not acknowledged after this counts as failed.
    static constexpr int AckTimeoutMs = 15000;
    static constexpr int FirstBackoffMs = 500;
    static constexpr int MaxBackoffMs = 30000;

    explicit ChatConnection(ApiClient *api, QObject *parent = nullptr);
    ~ChatConnection() override;

    /// The instance QML sees (C++-owned); set by whoever owns it (AppContext or a test).
    static ChatConnection *instance();
    static void setInstance(ChatConnection *connection);
    static ChatConnection *create(QQmlEngine *, QJSEngine *)
    {
        QJSEngine::setObjectOwnership(instance(), QJSEngine::CppOwnership);
        return instance();
    }

    [[nodiscard]] ApiClient *api() const { return m_api; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isOnline() const { return m_state == State::Online; }
    [[nodiscard]] int reconnectInSeconds() const { return m_reconnectIn; }
    /// The user the server confirmed in "ready" (0 before).
    [[nodiscard]] qint64 userId() const { return m_user.id; }
    [[nodiscard]] QString userName() const { return m_user.name; }
    [[nodiscard]] int totalUnread() const;

    /// Connects with the API client's current token (and keeps reconnecting until stop()).
    Q_INVOKABLE void start();
    /// Closes the connection and forgets the outbox; no reconnect.
    Q_INVOKABLE void stop();
    /// stop(), and forgets every room with its unread count too: the account signed out
    /// (AppContext calls this on AccountManager::signedOut).
    Q_INVOKABLE void forgetAccount();
    /// Tries at once instead of waiting for the next backoff step.
    Q_INVOKABLE void reconnectNow();

    /// Messages from others in this event's room since it was last read (see watchEvent()).
    Q_INVOKABLE int unreadCount(qint64 eventId) const;
    /// Joins the room in the background so new messages count as unread while no chat for it
    /// is open (for badges in "My events").
    Q_INVOKABLE void watchEvent(qint64 eventId);
    Q_INVOKABLE void markRead(qint64 eventId);

    // ---- for ChatModel ----
    /// The model shows the room; history up to `newestId` it has loaded itself.
    void attach(ChatModel *model, qint64 newestId);
    void detach(ChatModel *model);
    /// The newest message id the connection has seen in the room (0: none).
    [[nodiscard]] qint64 lastMessageId(qint64 eventId) const;
    /// Queues a message; it goes out as soon as the room is joined, and again after every
    /// reconnect until it is acknowledged or refused.
    void sendMessage(
        qint64 eventId, const QString &clientMsgId, const QString &content, qint64 photoId);
    void sendTyping(qint64 eventId, bool typing);
    /// Whether some attached model of the room is visible (its messages are then read).
    void setRoomVisible(qint64 eventId, bool visible);

Q_SIGNALS:
    void stateChanged();
    void reconnectInSecondsChanged();
    void userChanged();
    void unreadChanged(qint64 eventId);
    /// The server refused the token (close code 4401): the session has ended.
    void sessionEnded();
    /// To the organizer: someone asked to join one of their meetups.
    void newJoinRequest(const QVariantMap &attendance);
    /// To the attendee: `kind` is attendance_approved, attendance_rejected or waitlist_promoted.
    void attendanceChanged(const QString &kind, const QVariantMap &attendance);
    void eventUpdated(const QVariantMap &event);
    void eventCancelled(qint64 eventId, const QVariantMap &event);
    /// Something worth a desktop notification happened (texts are translated).
    void notificationPosted(const QString &title, const QString &body);
    /// Every frame the server sent, parsed (for tests and diagnostics).
    void frameReceived(const QJsonObject &frame);

private:
    struct Room
    {
        QList<QPointer<ChatModel>> models;
        bool watched = false;
        bool joined = false;
        bool joinSent = false;
        bool hasHistory = false; ///< a model loaded the history up to lastId
        int visibleCount = 0;
        qint64 lastId = 0;
        int unread = 0;
    };
    struct Outgoing
    {
        qint64 eventId = 0;
        QString clientMsgId;
        QString content;
        qint64 photoId = 0;
        bool inFlight = false;
        QElapsedTimer sentAt;
    };

    void openSocket();
    void markRoomsDisconnected();
    void setState(State state);
    void scheduleReconnect();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onReady(const QJsonObject &frame);
    void sendFrame(QLatin1StringView type, const QJsonObject &fields = {});
    void joinRoom(qint64 eventId);
    void leaveRoomIfUnused(qint64 eventId);
    void flushOutbox(qint64 eventId);
    void checkOutboxTimeouts();
    void failOutgoing(const QString &clientMsgId, const QString &code, const QString &text);
    void handleMessage(const QJsonObject &json, bool fromAck);
    void handleError(const QJsonObject &frame);
    void notifyAttendance(const QString &type, const QJsonObject &attendance);
    [[nodiscard]] QList<ChatModel *> modelsOf(qint64 eventId) const;
    [[nodiscard]] QUrl socketUrl() const;

    ApiClient *m_api;
    QWebSocket *m_socket = nullptr;
    State m_state = State::Offline;
    bool m_wanted = false;
    QByteArray m_token;
    bool m_authenticated = false;
    UserRef m_user;
    int m_attempt = 0;
    int m_reconnectIn = 0;
    int m_refCounter = 0;
    QTimer m_reconnectTimer;
    QTimer m_countdown;
    QTimer m_pingTimer;
    QTimer m_outboxTimer;
    QElapsedTimer m_lastFrame;
    QElapsedTimer m_pingSent;
    QHash<qint64, Room> m_rooms;
    QList<Outgoing> m_outbox;
    QHash<QString, qint64> m_joinRefs; ///< ref of a join_event → its event
};

} // namespace Pudding::Client
