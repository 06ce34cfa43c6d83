// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/chat.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QVariantList>

namespace Pudding::Client {

class ApiCall;
struct PhotoFile;
class ApiClient;
class LiveConnection;

/// The chat of one meetup as the app knows it (cf. libQuotient's Room): the timeline (the
/// newest page of history over REST, older pages on demand, then live; unique by message id and
/// in id order), the one outbox of messages not yet confirmed (keyed by clientMsgId, shown
/// after the timeline), who is typing, who is online, and the unread count. ChatRooms creates
/// the rooms and routes the live frames to them; ChatModel only looks at one.
///
/// Rows: the confirmed messages first, then the outbox in the order it was written. Own
/// messages are "sending" until the server's ack, which moves them to their place by id;
/// refused or unacknowledged ones become "failed" and can be retried with the same clientMsgId.
class ChatRoom : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ChatRooms")
public:
    enum class Status { Sending, Sent, Failed };
    Q_ENUM(Status)

    enum class Access {
        Unknown, ///< no event yet, or not signed in
        Loading,
        Available, ///< the user may read and write
        Forbidden, ///< neither the organizer nor an approved attendee
        Removed, ///< the organizer removed the user while the chat was open
    };
    Q_ENUM(Access)

    /// What changed in a row (for the model's roles).
    enum class Change {
        All,
        Status, ///< status and its text
        Photo, ///< the uploaded photo's id
        Run, ///< whether it starts a run of one author or a new day (a neighbour changed)
    };

    struct Message
    {
        qint64 id = 0; ///< 0 until the server stored it
        UserRef author;
        QString content;
        qint64 photoId = 0;
        QUrl localPhoto; ///< the file being uploaded, before the photo has an id
        QDateTime createdAt;
        QString clientMsgId;
        Status status = Status::Sent;
        QString errorText;
    };

    /// Messages per history page.
    static constexpr int PageSize = 50;
    /// Typing is sent at most this often while the user keeps typing.
    static constexpr int TypingThrottleMs = 3000;
    /// After this long without a keystroke the user has stopped typing.
    static constexpr int TypingIdleMs = 4000;
    /// A message sent on a live connection but not acknowledged after this counts as failed.
    static constexpr int AckTimeoutMs = 15000;

    ChatRoom(qint64 eventId, ApiClient *api, LiveConnection *live, QObject *parent = nullptr);
    ~ChatRoom() override;

    [[nodiscard]] qint64 eventId() const { return m_eventId; }

    // ---- the timeline ----
    [[nodiscard]] int count() const { return int(m_timeline.size() + m_pendingOrder.size()); }
    [[nodiscard]] const Message &at(int row) const;
    [[nodiscard]] bool isOwn(const Message &message) const;
    /// The row of a confirmed message id, or -1.
    [[nodiscard]] int indexOfMessage(qint64 id) const;

    // ---- state ----
    [[nodiscard]] Access access() const { return m_access; }
    [[nodiscard]] bool isLoading() const { return !m_loadCall.isNull(); }
    [[nodiscard]] bool isLoadingOlder() const { return !m_olderCall.isNull(); }
    [[nodiscard]] bool hasMore() const { return m_hasMore; }
    [[nodiscard]] bool isJoined() const { return m_joined; }
    [[nodiscard]] bool isUploading() const { return m_uploads > 0; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] QStringList typingNames() const;
    [[nodiscard]] QVariantList onlineUsers() const { return m_online; }
    [[nodiscard]] int unreadCount() const { return m_unread; }

    // ---- for the views ----
    /// A view starts or stops showing the room; the timeline is kept while one does.
    void addObserver();
    void removeObserver();
    [[nodiscard]] bool isObserved() const { return m_observers > 0; }
    /// Whether the room is worth keeping: observed, watched for unread counts, or with
    /// messages still to deliver.
    [[nodiscard]] bool isInUse() const;
    /// Some view of the room is on screen: its messages are read.
    void setVisible(bool visible);
    /// Counts unread messages even while no view shows the room (for badges).
    void watch() { m_watched = true; }
    void markRead();

    /// Loads the newest history page again and (re)joins.
    void reload();
    /// Prepends the page before the oldest message.
    void loadOlder();
    /// Queues `text` (trimmed); false, with errorText set, if it is empty or too long.
    bool send(const QString &text);
    /// Uploads a photo and sends it with `text` as caption.
    void sendPhoto(const QUrl &file, const QString &text);
    /// Sends a failed message again, with its original clientMsgId.
    void retry(int row);
    /// The composer's text changed: sends typing on/off, throttled.
    void composerChanged(const QString &text);
    /// The composer is gone or hidden: the user stopped typing.
    void stopTyping();
    void setErrorText(const QString &text);

    // ---- from ChatRooms (the live frames of this room) ----
    /// Sends join_event (with afterId once the history is known) unless already under way.
    void join();
    /// The join_event frame's fields (without the ref ChatRooms adds).
    [[nodiscard]] QJsonObject joinFields() const;
    void handleJoined(qint64 lastMessageId);
    /// A message, live or as the ack of our own; true if it counts as unread.
    bool handleMessage(const ChatMessage &message, bool fromAck);
    /// A refused send; false if the clientMsgId is not in this room's outbox.
    bool handleSendError(const QString &clientMsgId, const QString &text);
    void handleJoinRefused(const QString &code, const QString &text);
    void handleRemoved();
    void handleTyping(const UserRef &user, bool typing);
    void handlePresence(const QVariantList &online);
    /// The socket is gone: join again on the next one, resend what was not acknowledged.
    void handleDisconnected();
    /// The session is over: whatever is queued fails.
    void failOutbox(const QString &text);
    void checkAckTimeouts();
    /// Forgets the timeline and the outbox: the account is gone (views are told by a reset).
    void clear();

    /// Whether the join is under way or done (then leaving must be said).
    [[nodiscard]] bool isJoinSent() const { return m_joinSent; }

Q_SIGNALS:
    void aboutToInsertRows(int first, int last);
    void rowsInserted();
    void aboutToRemoveRow(int row);
    void rowRemoved();
    void aboutToMoveRow(int from, int to);
    void rowMoved();
    void rowChanged(int row, Pudding::Client::ChatRoom::Change change);
    void aboutToReset();
    void reset();

    void accessChanged();
    void loadingChanged();
    void hasMoreChanged();
    void joinedChanged();
    void uploadingChanged();
    void errorTextChanged();
    void typingChanged();
    void onlineUsersChanged();
    void unreadChanged();
    /// The first history page was applied.
    void historyLoaded();
    /// `count` older messages were prepended.
    void olderLoaded(int count);
    /// A message from someone else arrived live.
    void messageReceived(qint64 id);
    /// Wants join_event sent (ChatRooms sends it with a ref).
    void joinRequested();

private:
    void setAccess(Access access);
    void setJoined(bool joined);
    void setHasMore(bool more);
    void setUploading(int delta);
    void clearTimeline();
    /// Drops the timeline and the history paging, and aborts the history calls in flight.
    void forgetHistory();
    void clearPresence();
    void attachLive();
    void fetchAfter(qint64 afterId);
    void insertConfirmed(const ChatMessage &message);
    void appendPending(const Message &message);
    void removePending(const QString &clientMsgId);
    void flushOutbox();
    void failPending(const QString &clientMsgId, const QString &text);
    void uploadPhoto(const QString &clientMsgId, const PhotoFile &photo);
    void expireTypers();
    void sendTypingState(bool typing);
    [[nodiscard]] int rowOfPending(const QString &clientMsgId) const;
    [[nodiscard]] static Message messageFrom(const ChatMessage &message);

    struct Pending
    {
        Message message;
        bool inFlight = false;
        QElapsedTimer sentAt;
    };

    qint64 m_eventId;
    ApiClient *m_api;
    LiveConnection *m_live;
    int m_generation = 0;

    QList<Message> m_timeline; ///< confirmed, id order
    QSet<qint64> m_ids;
    /// The outbox: every own message not yet confirmed, by clientMsgId.
    QHash<QString, Pending> m_outbox;
    QStringList m_pendingOrder; ///< the outbox's rows after the timeline

    Access m_access = Access::Unknown;
    bool m_hasMore = false;
    bool m_hasHistory = false;
    bool m_joined = false;
    bool m_joinSent = false;
    bool m_watched = false;
    int m_observers = 0;
    int m_visible = 0;
    int m_unread = 0;
    int m_uploads = 0;
    qint64 m_lastId = 0;
    QString m_errorText;
    QPointer<ApiCall> m_loadCall;
    QPointer<ApiCall> m_olderCall;
    QPointer<ApiCall> m_gapCall;

    struct Typer
    {
        QString name;
        QElapsedTimer since;
    };
    QHash<qint64, Typer> m_typers;
    QTimer m_typerExpiry;
    QVariantList m_online;

    bool m_typingSent = false;
    QElapsedTimer m_lastTypingSent;
    QTimer m_typingIdle;
};

} // namespace Pudding::Client
