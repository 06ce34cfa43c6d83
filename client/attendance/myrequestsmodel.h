// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QQmlEngine>

namespace Pudding::Client {

class ApiCall;

/// The signed-in user's requests to join meetups (GET /api/attendance/mine), newest first,
/// each with its meetup; the user can leave one.
class MyRequestsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        AttendanceIdRole = Qt::UserRole + 1,
        EventIdRole,
        EventTitleRole,
        EventStartRole,
        CityRole,
        StatusRole,
        WaitlistPositionRole,
        PuddingNameRole,
        /// While OFFERED: until when the place is held (local time); invalid otherwise.
        OfferExpiresAtRole,
    };
    Q_ENUM(Roles)

    explicit MyRequestsModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool isLoading() const { return m_call != nullptr; }
    [[nodiscard]] QString errorText() const { return m_errorText; }

    /// Fetches the list again.
    Q_INVOKABLE void refresh();
    /// Forgets every row (the account signed out; called on AccountManager::signedOut).
    Q_INVOKABLE void clear();
    /// Withdraws the request (or the place) for this meetup; the row goes on success.
    Q_INVOKABLE void leave(qint64 eventId);
    /// Accepts (true) or declines the offer of a held place for this meetup; the row takes
    /// the answer's status (PENDING or APPROVED; declined: the row goes).
    Q_INVOKABLE void answerOffer(qint64 eventId, bool accept);
    /// Until when a place is held for the user at this meetup (invalid: no open offer).
    Q_INVOKABLE QDateTime offerExpiresAtOfEvent(qint64 eventId) const;
    /// A live update (ChatRooms' attendance_approved / _rejected / waitlist_offer):
    /// the row of that request takes the new status; an unknown request refreshes the list.
    Q_INVOKABLE void applyAttendance(const QVariantMap &attendance);
    /// The status of the user's request for an event ("" if none is listed).
    Q_INVOKABLE QString statusOfEvent(qint64 eventId) const;
    /// The row of an event's request, or -1.
    Q_INVOKABLE int indexOfEvent(qint64 eventId) const;

Q_SIGNALS:
    void loadingChanged();
    void errorTextChanged();
    void countChanged();
    /// A response was applied (tests wait for this).
    void fetched();
    /// A request's status changed (eventId; 0: the whole list was fetched).
    void statusChanged(qint64 eventId);
    /// leave() succeeded.
    void left(qint64 eventId);

private:
    struct Row
    {
        qint64 attendanceId = 0;
        qint64 eventId = 0;
        QString eventTitle;
        QDateTime eventStart;
        QString city;
        QString status;
        int waitlistPosition = 0;
        QString puddingName;
        QDateTime offerExpiresAt;
    };
    static QDateTime offerExpiry(const QVariant &msSinceEpoch);
    void setErrorText(const QString &text);

    QList<Row> m_rows;
    QPointer<ApiCall> m_call;
    QString m_errorText;
};

} // namespace Pudding::Client
