// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QPointer>
#include <QQmlEngine>

namespace Pudding::Client {

class ApiCall;

/// The organizer's view of the requests to join one meetup: pending ones first, then the
/// waitlist, the approved and the rejected. Approving or rejecting updates the row in place.
class ReviewQueueModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 eventId READ eventId WRITE setEventId NOTIFY eventIdChanged)
    Q_PROPERTY(int placesLeft READ placesLeft NOTIFY placesLeftChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        AttendanceIdRole = Qt::UserRole + 1,
        UserNameRole,
        PuddingNameRole,
        PuddingDescriptionRole,
        StatusRole,
        PhotoIdRole,
        WaitlistPositionRole,
        UserIdRole,
        /// Pre-approved while waiting: accepting an offer approves at once.
        PreapprovedRole,
        /// One of the organizer's regulars (first in the waitlist).
        RegularRole,
        /// A place is held for the request (an open or accepted offer): approvable when full.
        HoldsPlaceRole,
    };
    Q_ENUM(Roles)

    explicit ReviewQueueModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] qint64 eventId() const { return m_eventId; }
    void setEventId(qint64 id);
    /// Places still free (attendeeLimit − attendeeCount), -1 while unknown.
    [[nodiscard]] int placesLeft() const { return m_placesLeft; }
    [[nodiscard]] bool isLoading() const { return m_call != nullptr || m_decisions > 0; }
    [[nodiscard]] QString errorText() const { return m_errorText; }

    /// Fetches the requests and the places left again.
    Q_INVOKABLE void refresh();
    /// Forgets the requests and the meetup (the account signed out; on AccountManager::signedOut).
    Q_INVOKABLE void clear();
    Q_INVOKABLE void approve(int row);
    Q_INVOKABLE void reject(int row);
    /// Pre-approves the waiting request (WAITLISTED or OFFERED), or takes it back.
    Q_INVOKABLE void setPreapproved(int row, bool preapproved);
    /// Marks the row's guest as one of the organizer's regulars, or no longer; the queue is
    /// fetched again (regulars come first).
    Q_INVOKABLE void setRegular(int row, bool regular);
    /// A live update (ChatRooms' new_join_request): the request, as the server's
    /// attendance JSON, is inserted in its place or its row updated; other meetups are ignored.
    Q_INVOKABLE void applyAttendance(const QVariantMap &attendance);

Q_SIGNALS:
    void eventIdChanged();
    void placesLeftChanged();
    void loadingChanged();
    void errorTextChanged();
    void countChanged();
    /// The list was fetched (tests wait for this).
    void fetched();
    /// A decision was answered by the server (ok or not).
    void decided(int row, bool ok);

private:
    struct Row
    {
        qint64 attendanceId = 0;
        QString userName;
        QString puddingName;
        QString puddingDescription;
        QString status;
        qint64 photoId = 0;
        int waitlistPosition = 0;
        qint64 userId = 0;
        bool preapproved = false;
        bool regular = false;
        bool holdsPlace = false;
    };
    void decide(int row, const QString &status);
    [[nodiscard]] static Row rowFromJson(const QJsonObject &json);
    void refreshPlaces();
    void setErrorText(const QString &text);

    qint64 m_eventId = 0;
    int m_placesLeft = -1;
    int m_decisions = 0;
    QList<Row> m_rows;
    QPointer<ApiCall> m_call;
    QPointer<ApiCall> m_placesCall;
    QString m_errorText;
};

} // namespace Pudding::Client
