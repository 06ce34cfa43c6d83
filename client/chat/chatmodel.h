// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatroom.h"
#include "chat/chatrooms.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>

namespace Pudding::Client {

/// The chat of one meetup for a view, oldest message first (cf. NeoChat's
/// TimelineMessageModel): it only observes the ChatRoom that ChatRooms keeps for the event, and
/// passes the view's actions on to it. No network code: the room holds the timeline, the
/// outbox, typing and presence; older history comes through fetchMore().
class ChatModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Pudding::Client::ChatRooms *rooms READ rooms WRITE setRooms NOTIFY roomsChanged)
    Q_PROPERTY(qint64 eventId READ eventId WRITE setEventId NOTIFY eventIdChanged)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(Pudding::Client::ChatRoom::Access access READ access NOTIFY accessChanged)
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
        StatusRole, ///< a ChatRoom::Status
        StatusTextRole,
        ShowAuthorRole, ///< the first of a run of messages by the same author (on one day)
        ShowDaySeparatorRole,
        DayLabelRole,
        ClientMsgIdRole,
    };
    Q_ENUM(Roles)

    using Status = ChatRoom::Status;
    using Access = ChatRoom::Access;

    /// Messages per history page.
    static constexpr int PageSize = ChatRoom::PageSize;

    explicit ChatModel(QObject *parent = nullptr);
    ~ChatModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] ChatRooms *rooms() const { return m_rooms; }
    void setRooms(ChatRooms *rooms);
    [[nodiscard]] qint64 eventId() const { return m_eventId; }
    void setEventId(qint64 id);
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] Access access() const { return m_room ? m_room->access() : Access::Unknown; }
    [[nodiscard]] bool isLoading() const { return m_room && m_room->isLoading(); }
    [[nodiscard]] bool isLoadingOlder() const { return m_room && m_room->isLoadingOlder(); }
    [[nodiscard]] bool hasMore() const { return m_room && m_room->hasMore(); }
    [[nodiscard]] bool isJoined() const { return m_room && m_room->isJoined(); }
    [[nodiscard]] bool isUploading() const { return m_room && m_room->isUploading(); }
    [[nodiscard]] QString errorText() const { return m_room ? m_room->errorText() : QString(); }
    [[nodiscard]] QString typingText() const;
    [[nodiscard]] QVariantList onlineUsers() const;
    [[nodiscard]] QString onlineText() const;

    /// Loads the newest history page again and (re)joins the room.
    Q_INVOKABLE void reload();
    /// Prepends the page before the oldest message (scrolling up): fetchMore() for QML.
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

Q_SIGNALS:
    void roomsChanged();
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
    void attachRoom(ChatRoom *room);
    void detachRoom();
    void emitStateChanged();
    void onRowChanged(int row, ChatRoom::Change change);
    [[nodiscard]] bool sameRun(int row) const;
    [[nodiscard]] static QString statusText(const ChatRoom::Message &message);

    QPointer<ChatRooms> m_rooms;
    bool m_roomsSet = false;
    QPointer<ChatRoom> m_room;
    qint64 m_eventId = 0;
    bool m_active = false;
};

} // namespace Pudding::Client
