// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/chat.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QQmlEngine>
#include <QSet>
#include <QTimer>
#include <QUrl>

namespace Pudding::Client {

class ApiCall;
class ChatConnection;

/// The chat of one meetup, oldest message first: the newest page of history over REST, then
/// live through ChatConnection (no gap, no duplicate: rows are unique by message id and kept in
/// id order). Own messages appear at once as "sending" and become "sent" on the server's ack;
/// refused or unacknowledged ones become "failed" and can be retried with the same clientMsgId.
class ChatModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Pudding::Client::ChatConnection *connection READ connection WRITE setConnection
            NOTIFY connectionChanged)
    Q_PROPERTY(qint64 eventId READ eventId WRITE setEventId NOTIFY eventIdChanged)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(Access access READ access NOTIFY accessChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(bool loadingOlder READ isLoadingOlder NOTIFY loadingChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)
    Q_PROPERTY(bool joined READ isJoined NOTIFY joinedChanged)
    Q_PROPERTY(bool uploading READ isUploading NOTIFY uploadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QString typingText READ typingText NOTIFY typingTextChanged)
    Q_PROPERTY(QVariantList onlineUsers READ onlineUsers NOTIFY onlineUsersChanged)
    Q_PROPERTY(QString onlineText READ onlineText NOTIFY onlineUsersChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        AuthorIdRole,
        AuthorNameRole,
        ContentRole,
        RichTextRole, ///< HTML-escaped, links clickable, line breaks kept
        PhotoIdRole,
        LocalPhotoRole, ///< the file being uploaded, before the photo has an id
        CreatedAtRole,
        TimeTextRole, ///< the time in the user's locale
        IsOwnRole,
        StatusRole,
        StatusTextRole,
        ShowAuthorRole, ///< the first of a run of messages by the same author (on one day)
        ShowDaySeparatorRole,
        DayLabelRole,
        ClientMsgIdRole,
    };
    Q_ENUM(Roles)

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

    /// Messages per history page.
    static constexpr int PageSize = 50;
    /// Typing is sent at most this often while the user keeps typing.
    static constexpr int TypingThrottleMs = 3000;
    /// After this long without a keystroke the user has stopped typing.
    static constexpr int TypingIdleMs = 4000;

    explicit ChatModel(QObject *parent = nullptr);
    ~ChatModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] ChatConnection *connection() const { return m_connection; }
    void setConnection(ChatConnection *connection);
    [[nodiscard]] qint64 eventId() const { return m_eventId; }
    void setEventId(qint64 id);
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] Access access() const { return m_access; }
    [[nodiscard]] bool isLoading() const { return m_loadCall != nullptr; }
    [[nodiscard]] bool isLoadingOlder() const { return m_olderCall != nullptr; }
    [[nodiscard]] bool hasMore() const { return m_hasMore; }
    [[nodiscard]] bool isJoined() const { return m_joined; }
    [[nodiscard]] bool isUploading() const { return m_uploads > 0; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] QString typingText() const;
    [[nodiscard]] QVariantList onlineUsers() const { return m_online; }
    [[nodiscard]] QString onlineText() const;

    /// Loads the newest history page again and (re)joins the room.
    Q_INVOKABLE void reload();
    /// Prepends the page before the oldest message (scrolling up).
    Q_INVOKABLE void loadOlder();
    /// Sends `text` (trimmed); false, with errorText set, if it is empty or too long.
    Q_INVOKABLE bool send(const QString &text);
    /// Uploads a photo (JPEG, PNG or WebP, at most 5 MB) and sends it with `text` as caption.
    Q_INVOKABLE void sendPhoto(const QUrl &file, const QString &text);
    /// Sends a failed message again, with its original clientMsgId.
    Q_INVOKABLE void retry(int row);
    /// The composer's text changed: sends typing on/off, throttled.
    Q_INVOKABLE void composerChanged(const QString &text);
    /// The row of a message id, or -1.
    Q_INVOKABLE int indexOfMessage(qint64 id) const;
    Q_INVOKABLE void clearError();

    /// Rich text for `plain`: HTML-escaped, http(s) links as anchors, line breaks kept.
    [[nodiscard]] static QString toRichText(const QString &plain);
    /// "Anna is typing…", "Anna and Ben are typing…", "Anna and 2 others are typing…".
    [[nodiscard]] static QString typingTextFor(const QStringList &names);

    // ---- from ChatConnection ----
    void handleMessage(const ChatMessage &message);
    void handleAck(const ChatMessage &message);
    void handleFailed(const QString &clientMsgId, const QString &text);
    void handleJoined(qint64 lastMessageId);
    void handleDisconnected();
    void handleRefused(const QString &code, const QString &text);
    void handleLeft(const QString &reason);
    void handleTyping(const UserRef &user, bool typing);
    void handlePresence(const QVariantList &online);

Q_SIGNALS:
    void connectionChanged();
    void eventIdChanged();
    void activeChanged();
    void accessChanged();
    void loadingChanged();
    void hasMoreChanged();
    void joinedChanged();
    void uploadingChanged();
    void errorTextChanged();
    void typingTextChanged();
    void onlineUsersChanged();
    void countChanged();
    /// The first history page was applied (tests and the view wait for this).
    void historyLoaded();
    /// `count` older messages were prepended.
    void olderLoaded(int count);
    /// A message from someone else arrived live.
    void messageReceived(qint64 id);

private:
    void detachFromRoom();
    struct Row
    {
        qint64 id = 0; ///< 0 until the server stored it
        UserRef author;
        QString content;
        qint64 photoId = 0;
        QUrl localPhoto;
        QDateTime createdAt;
        QString clientMsgId;
        Status status = Status::Sent;
        QString errorText;
    };

    void clearRows();
    void setAccess(Access access);
    void setJoined(bool joined);
    void setErrorText(const QString &text);
    void setHasMore(bool more);
    void attachToConnection();
    void fetchAfter(qint64 afterId);
    void insertConfirmed(const ChatMessage &message);
    void appendPending(const Row &row);
    void sendTypingState(bool typing);
    void expireTypers();
    [[nodiscard]] qsizetype confirmedEnd() const;
    [[nodiscard]] int indexOfClientMsgId(const QString &clientMsgId) const;
    void emitRowChanged(qsizetype row, const QList<int> &roles = {});
    [[nodiscard]] bool sameRun(qsizetype row) const;
    [[nodiscard]] static Row rowFrom(const ChatMessage &message);
    [[nodiscard]] static QString statusText(const Row &row);

    QPointer<ChatConnection> m_connection;
    bool m_connectionSet = false;
    qint64 m_eventId = 0;
    bool m_active = false;
    bool m_attached = false;
    Access m_access = Access::Unknown;
    bool m_hasMore = false;
    bool m_joined = false;
    int m_uploads = 0;
    int m_generation = 0;
    QString m_errorText;
    QList<Row> m_rows;
    QSet<qint64> m_ids;
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
