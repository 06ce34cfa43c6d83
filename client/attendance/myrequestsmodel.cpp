// SPDX-License-Identifier: GPL-3.0-or-later
#include "myrequestsmodel.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/accountmanager.h"
#include "chat/chatrooms.h"
#include "events/eventupdates.h"
#include "shared/event.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

MyRequestsModel::MyRequestsModel(QObject *parent)
    : QAbstractListModel(parent)
{
    if (auto *accounts = AccountManager::instance())
        connect(accounts, &AccountManager::signedOut, this, &MyRequestsModel::clear);
    // Decisions arrive live.
    if (auto *rooms = ChatRooms::instance())
        connect(rooms, &ChatRooms::attendanceChanged, this,
            [this](
                const QString &, const QVariantMap &attendance) { applyAttendance(attendance); });
}

void MyRequestsModel::clear()
{
    if (m_call) {
        m_call->abort();
        m_call = nullptr;
        Q_EMIT loadingChanged();
    }
    setErrorText({});
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT statusChanged(0);
}

int MyRequestsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MyRequestsModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case AttendanceIdRole:
        return r.attendanceId;
    case EventIdRole:
        return r.eventId;
    case Qt::DisplayRole:
    case EventTitleRole:
        return r.eventTitle;
    case EventStartRole:
        return r.eventStart;
    case CityRole:
        return r.city;
    case StatusRole:
        return r.status;
    case WaitlistPositionRole:
        return r.waitlistPosition;
    case PuddingNameRole:
        return r.puddingName;
    case OfferExpiresAtRole:
        return r.offerExpiresAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> MyRequestsModel::roleNames() const
{
    return { { AttendanceIdRole, "attendanceId" }, { EventIdRole, "eventId" },
        { EventTitleRole, "eventTitle" }, { EventStartRole, "eventStart" }, { CityRole, "city" },
        { StatusRole, "status" }, { WaitlistPositionRole, "waitlistPosition" },
        { PuddingNameRole, "puddingName" }, { OfferExpiresAtRole, "offerExpiresAt" } };
}

void MyRequestsModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

int MyRequestsModel::indexOfEvent(qint64 eventId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).eventId == eventId)
            return int(i);
    }
    return -1;
}

void MyRequestsModel::applyAttendance(const QVariantMap &attendance)
{
    const qint64 id = attendance.value(u"id"_s).toLongLong();
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        if (r.attendanceId != id)
            continue;
        r.status = attendance.value(u"status"_s).toString();
        if (r.status == "LEFT"_L1) { // an offer expired or was declined: no longer a request
            beginRemoveRows({}, int(i), int(i));
            const qint64 eventId = r.eventId;
            m_rows.removeAt(i);
            endRemoveRows();
            Q_EMIT countChanged();
            Q_EMIT statusChanged(eventId);
            return;
        }
        r.waitlistPosition = attendance.value(u"waitlistPosition"_s).toInt();
        r.offerExpiresAt = offerExpiry(attendance.value(u"offerExpiresAt"_s));
        const QModelIndex index = createIndex(int(i), 0);
        Q_EMIT dataChanged(index, index, { StatusRole, WaitlistPositionRole, OfferExpiresAtRole });
        Q_EMIT statusChanged(r.eventId);
        return;
    }
    refresh();
}

QDateTime MyRequestsModel::offerExpiry(const QVariant &msSinceEpoch)
{
    if (!msSinceEpoch.isValid() || msSinceEpoch.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch.toLongLong()).toLocalTime();
}

QDateTime MyRequestsModel::offerExpiresAtOfEvent(qint64 eventId) const
{
    const int row = indexOfEvent(eventId);
    return row < 0 || m_rows.at(row).status != "OFFERED"_L1 ? QDateTime()
                                                            : m_rows.at(row).offerExpiresAt;
}

void MyRequestsModel::answerOffer(qint64 eventId, bool accept)
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    auto *call = api->post(Endpoints::offerAnswer(eventId, accept));
    connect(call, &ApiCall::finished, this, [this, call, eventId] {
        if (const auto &error = call->error()) {
            setErrorText(error->message);
            // Expired or answered elsewhere meanwhile: show how it stands now.
            refresh();
            return;
        }
        setErrorText({});
        applyAttendance(call->object().value("attendance"_L1).toObject().toVariantMap());
        if (auto *updates = EventUpdates::instance())
            updates->eventTouched(eventId);
    });
}

QString MyRequestsModel::statusOfEvent(qint64 eventId) const
{
    const int row = indexOfEvent(eventId);
    return row < 0 ? QString() : m_rows.at(row).status;
}

void MyRequestsModel::refresh()
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    if (m_call)
        m_call->abort();
    m_call = api->get(Endpoints::myAttendances());
    connect(m_call, &ApiCall::finished, this, [this, call = m_call.data()] {
        m_call = nullptr;
        Q_EMIT loadingChanged();
        if (const auto &error = call->error()) {
            setErrorText(error->message);
            Q_EMIT fetched();
            return;
        }
        setErrorText({});
        QList<Row> rows;
        for (const auto &value : call->object().value("attendances"_L1).toArray()) {
            const QJsonObject o = value.toObject();
            const QJsonObject event = o.value("event"_L1).toObject();
            Row r;
            r.attendanceId = o.value("id"_L1).toInteger();
            r.eventId = o.value("eventId"_L1).toInteger();
            r.eventTitle = event.value("title"_L1).toString();
            r.eventStart = parseIsoDateTime(event.value("startTime"_L1).toString())
                               .value_or(QDateTime())
                               .toLocalTime();
            r.city = event.value("city"_L1).toString();
            r.status = o.value("status"_L1).toString();
            r.waitlistPosition = o.value("waitlistPosition"_L1).toInt();
            r.puddingName = o.value("puddingName"_L1).toString();
            r.offerExpiresAt = offerExpiry(o.value("offerExpiresAt"_L1).toVariant());
            rows.append(r);
        }
        beginResetModel();
        m_rows = rows;
        endResetModel();
        Q_EMIT countChanged();
        Q_EMIT statusChanged(0);
        Q_EMIT fetched();
    });
    Q_EMIT loadingChanged();
}

void MyRequestsModel::leave(qint64 eventId)
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    auto *call = api->deleteResource(Endpoints::myAttendance(eventId));
    connect(call, &ApiCall::finished, this, [this, call, eventId] {
        if (const auto &error = call->error()) {
            setErrorText(error->message);
            return;
        }
        setErrorText({});
        const int row = indexOfEvent(eventId);
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
            Q_EMIT countChanged();
        }
        // A freed place shows in the list, the map and the details.
        if (auto *updates = EventUpdates::instance())
            updates->eventTouched(eventId);
        Q_EMIT left(eventId);
    });
}

} // namespace Pudding::Client
