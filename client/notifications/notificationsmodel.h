// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

namespace Pudding::Client {

class AccountManager;
class ApiCall;
class ChatRooms;

/// The signed-in user's inbox (GET /api/notifications), newest first, paged with before=; the
/// unread count for the bell. New notices and read marks from the user's other devices arrive
/// live (frames notification and notifications_read, routed by ChatRooms). The texts are the
/// server's, in the account's language.
class NotificationsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY unreadCountChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TypeRole,
        TitleRole,
        BodyRole,
        LinkRole,
        EventIdRole,
        CountRole,
        CreatedAtRole,
        ReadRole,
    };
    Q_ENUM(Roles)

    NotificationsModel(ChatRooms *rooms, AccountManager *accounts, QObject *parent = nullptr);

    static NotificationsModel *instance();
    static void setInstance(NotificationsModel *model);
    static NotificationsModel *create(QQmlEngine *, QJSEngine *)
    {
        QJSEngine::setObjectOwnership(instance(), QJSEngine::CppOwnership);
        return instance();
    }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool isLoading() const { return m_call != nullptr; }
    [[nodiscard]] int unreadCount() const { return m_unread; }
    [[nodiscard]] bool hasMore() const { return m_hasMore; }
    [[nodiscard]] QString errorText() const { return m_errorText; }

    /// The first page again.
    Q_INVOKABLE void refresh();
    /// The next older page.
    Q_INVOKABLE void loadMore();
    Q_INVOKABLE void markRead(qint64 id);
    Q_INVOKABLE void markAllRead();
    /// Forgets everything (the account signed out).
    Q_INVOKABLE void clear();
    /// "3 minutes ago", "yesterday, 18:02" … for a time in ms since the epoch.
    Q_INVOKABLE QString relativeTime(qint64 ms) const;
    /// What a notice's link opens: {page: "event"|"requests"|"chat"|"offer", eventId}.
    Q_INVOKABLE QVariantMap target(const QString &link) const;

    /// A live frame (notification or notifications_read).
    void applyFrame(const QJsonObject &frame);

Q_SIGNALS:
    void loadingChanged();
    void unreadCountChanged();
    void hasMoreChanged();
    void errorTextChanged();
    void countChanged();
    /// A page was applied (tests wait for this).
    void fetched();
    /// A notice arrived live (title and body in the account's language).
    void noticeArrived(const QString &type, const QString &title, const QString &body);

private:
    struct Row
    {
        qint64 id = 0;
        QString type;
        QString title;
        QString body;
        QString link;
        qint64 eventId = 0;
        int count = 1;
        qint64 createdAt = 0;
        bool read = false;
    };
    static Row rowFromJson(const QJsonObject &o);
    void fetch(qint64 before);
    void setUnread(int unread);
    void setErrorText(const QString &text);
    void markLocally(const QList<qint64> &ids, bool all);

    QList<Row> m_rows;
    QPointer<ApiCall> m_call;
    int m_unread = 0;
    bool m_hasMore = false;
    QString m_errorText;
};

/// The preferences page: per type {app, mail, mailLocked} and the join-request mail rhythm
/// (GET/PUT /api/notifications/preferences).
class NotificationPreferences : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList preferences READ preferences NOTIFY changed)
    Q_PROPERTY(QString joinRequestMail READ joinRequestMail NOTIFY changed)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
public:
    explicit NotificationPreferences(QObject *parent = nullptr);

    [[nodiscard]] QVariantList preferences() const { return m_preferences; }
    [[nodiscard]] QString joinRequestMail() const { return m_rhythm; }
    [[nodiscard]] bool isLoading() const { return m_call != nullptr; }
    [[nodiscard]] QString errorText() const { return m_errorText; }

    Q_INVOKABLE void load();
    /// channel: "app" or "mail".
    Q_INVOKABLE void setEnabled(const QString &type, const QString &channel, bool enabled);
    Q_INVOKABLE void setJoinRequestMail(const QString &rhythm);
    /// The translated name of a type ("Requests to join", …).
    Q_INVOKABLE QString typeLabel(const QString &type) const;

Q_SIGNALS:
    void changed();
    void loadingChanged();

private:
    void send(const QJsonObject &body);
    void apply(const QJsonObject &json);

    QVariantList m_preferences;
    QString m_rhythm;
    QString m_errorText;
    QPointer<ApiCall> m_call;
};

} // namespace Pudding::Client
