// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewqueuemodel.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/accountmanager.h"
#include "chat/chatrooms.h"
#include "events/eventupdates.h"
#include "shared/protocol.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
int statusRank(const QString &status)
{
    static const QStringList order { u"PENDING"_s, u"OFFERED"_s, u"WAITLISTED"_s, u"APPROVED"_s,
        u"REJECTED"_s };
    const auto i = order.indexOf(status);
    return i < 0 ? int(order.size()) : int(i);
}
} // namespace

ReviewQueueModel::ReviewQueueModel(QObject *parent)
    : QAbstractListModel(parent)
{
    if (auto *accounts = AccountManager::instance())
        connect(accounts, &AccountManager::signedOut, this, &ReviewQueueModel::clear);
    // New requests appear as they are made.
    if (auto *rooms = ChatRooms::instance())
        connect(rooms, &ChatRooms::newJoinRequest, this, &ReviewQueueModel::applyAttendance);
}

void ReviewQueueModel::clear()
{
    for (auto *call : { m_call.data(), m_placesCall.data() }) {
        if (call)
            call->abort();
    }
    m_call = nullptr;
    m_placesCall = nullptr;
    Q_EMIT loadingChanged();
    setErrorText({});
    if (m_eventId != 0) {
        m_eventId = 0;
        Q_EMIT eventIdChanged();
    }
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        Q_EMIT countChanged();
    }
    if (m_placesLeft != -1) {
        m_placesLeft = -1;
        Q_EMIT placesLeftChanged();
    }
}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case AttendanceIdRole:
        return r.attendanceId;
    case UserNameRole:
        return r.userName;
    case Qt::DisplayRole:
    case PuddingNameRole:
        return r.puddingName;
    case PuddingDescriptionRole:
        return r.puddingDescription;
    case StatusRole:
        return r.status;
    case PhotoIdRole:
        return r.photoId;
    case WaitlistPositionRole:
        return r.waitlistPosition;
    case UserIdRole:
        return r.userId;
    case PreapprovedRole:
        return r.preapproved;
    case RegularRole:
        return r.regular;
    case HoldsPlaceRole:
        return r.holdsPlace;
    default:
        return {};
    }
}

QHash<int, QByteArray> ReviewQueueModel::roleNames() const
{
    return { { AttendanceIdRole, "attendanceId" }, { UserNameRole, "userName" },
        { PuddingNameRole, "puddingName" }, { PuddingDescriptionRole, "puddingDescription" },
        { StatusRole, "status" }, { PhotoIdRole, "photoId" },
        { WaitlistPositionRole, "waitlistPosition" }, { UserIdRole, "userId" },
        { PreapprovedRole, "preapproved" }, { RegularRole, "regular" },
        { HoldsPlaceRole, "holdsPlace" } };
}

void ReviewQueueModel::setEventId(qint64 id)
{
    if (m_eventId == id)
        return;
    m_eventId = id;
    Q_EMIT eventIdChanged();
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        Q_EMIT countChanged();
    }
    m_placesLeft = -1;
    Q_EMIT placesLeftChanged();
    refresh();
}

void ReviewQueueModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void ReviewQueueModel::refresh()
{
    auto *api = ApiClient::instance();
    if (!api || m_eventId <= 0)
        return;
    if (m_call)
        m_call->abort();
    m_call = api->get(Endpoints::attendances(m_eventId));
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
            const Row r = rowFromJson(value.toObject());
            if (r.status != "LEFT"_L1)
                rows.append(r);
        }
        std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            const int ra = statusRank(a.status);
            const int rb = statusRank(b.status);
            if (ra != rb)
                return ra < rb;
            return ra == 2 && a.waitlistPosition < b.waitlistPosition;
        });
        beginResetModel();
        m_rows = rows;
        endResetModel();
        Q_EMIT countChanged();
        Q_EMIT fetched();
    });
    Q_EMIT loadingChanged();
    refreshPlaces();
}

ReviewQueueModel::Row ReviewQueueModel::rowFromJson(const QJsonObject &o)
{
    Row r;
    r.attendanceId = o.value("id"_L1).toInteger();
    r.userName = o.value("user"_L1).toObject().value("name"_L1).toString();
    r.puddingName = o.value("puddingName"_L1).toString();
    r.puddingDescription = o.value("puddingDescription"_L1).toString();
    r.status = o.value("status"_L1).toString();
    r.photoId = o.value("photoId"_L1).toInteger();
    r.waitlistPosition = o.value("waitlistPosition"_L1).toInt();
    r.userId = o.value("user"_L1).toObject().value("id"_L1).toInteger();
    r.preapproved = o.value("preapproved"_L1).toBool();
    r.regular = o.value("regular"_L1).toBool();
    r.holdsPlace = o.value("holdsPlace"_L1).toBool();
    return r;
}

void ReviewQueueModel::applyAttendance(const QVariantMap &attendance)
{
    const QJsonObject json = QJsonObject::fromVariantMap(attendance);
    if (m_eventId <= 0 || json.value("eventId"_L1).toInteger() != m_eventId)
        return;
    const Row r = rowFromJson(json);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).attendanceId != r.attendanceId)
            continue;
        if (r.status == "LEFT"_L1) {
            beginRemoveRows({}, int(i), int(i));
            m_rows.removeAt(i);
            endRemoveRows();
            Q_EMIT countChanged();
        } else {
            m_rows[i] = r;
            const QModelIndex index = createIndex(int(i), 0);
            Q_EMIT dataChanged(index, index);
        }
        refreshPlaces();
        return;
    }
    if (r.status == "LEFT"_L1)
        return;
    // After every row of the same or an earlier rank (pending first, then the waitlist…).
    const int rank = statusRank(r.status);
    qsizetype at = 0;
    while (at < m_rows.size() && statusRank(m_rows.at(at).status) <= rank)
        ++at;
    beginInsertRows({}, int(at), int(at));
    m_rows.insert(at, r);
    endInsertRows();
    Q_EMIT countChanged();
    refreshPlaces();
}

void ReviewQueueModel::refreshPlaces()
{
    auto *api = ApiClient::instance();
    if (!api || m_eventId <= 0)
        return;
    if (m_placesCall)
        m_placesCall->abort();
    m_placesCall = api->get(Endpoints::event(m_eventId));
    connect(m_placesCall, &ApiCall::finished, this, [this, call = m_placesCall.data()] {
        m_placesCall = nullptr;
        if (call->error())
            return;
        const QJsonObject event = call->object();
        const int left = std::max(
            0, event.value("attendeeLimit"_L1).toInt() - event.value("attendeeCount"_L1).toInt());
        if (left != m_placesLeft) {
            m_placesLeft = left;
            Q_EMIT placesLeftChanged();
        }
    });
}

void ReviewQueueModel::approve(int row)
{
    decide(row, u"APPROVED"_s);
}

void ReviewQueueModel::reject(int row)
{
    decide(row, u"REJECTED"_s);
}

void ReviewQueueModel::setPreapproved(int row, bool preapproved)
{
    auto *api = ApiClient::instance();
    if (!api || row < 0 || row >= m_rows.size())
        return;
    auto *call = api->patch(Endpoints::attendance(m_eventId, m_rows.at(row).attendanceId),
        QJsonObject { { u"preapproved"_s, preapproved } });
    connect(call, &ApiCall::finished, this, [this, call] {
        if (const auto &error = call->error()) {
            setErrorText(error->message);
            return;
        }
        setErrorText({});
        applyAttendance(call->object().value("attendance"_L1).toObject().toVariantMap());
    });
}

void ReviewQueueModel::setRegular(int row, bool regular)
{
    auto *api = ApiClient::instance();
    if (!api || row < 0 || row >= m_rows.size())
        return;
    const QString path = Endpoints::regular(m_rows.at(row).userId);
    auto *call = regular ? api->put(path) : api->deleteResource(path);
    connect(call, &ApiCall::finished, this, [this, call] {
        if (const auto &error = call->error()) {
            setErrorText(error->message);
            return;
        }
        setErrorText({});
        refresh(); // the waitlist's order changed
    });
}

void ReviewQueueModel::decide(int row, const QString &status)
{
    auto *api = ApiClient::instance();
    if (!api || row < 0 || row >= m_rows.size())
        return;
    const qint64 attendanceId = m_rows.at(row).attendanceId;
    auto *call = api->patch(
        Endpoints::attendance(m_eventId, attendanceId), QJsonObject { { u"status"_s, status } });
    ++m_decisions;
    Q_EMIT loadingChanged();
    connect(call, &ApiCall::finished, this, [this, call, attendanceId] {
        --m_decisions;
        Q_EMIT loadingChanged();
        // The rows may have moved meanwhile (a refresh): find this one again.
        int current = -1;
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).attendanceId == attendanceId)
                current = int(i);
        }
        if (const auto &error = call->error()) {
            if (error->code == Protocol::ErrorCode::EventFull)
                setErrorText(tr("The meetup is full: reject someone approved before approving "
                                "another request."));
            else
                setErrorText(error->message);
            refreshPlaces();
            Q_EMIT decided(current, false);
            return;
        }
        setErrorText({});
        const QJsonObject updated = call->object().value("attendance"_L1).toObject();
        if (current >= 0) {
            Row &r = m_rows[current];
            r.status = updated.value("status"_L1).toString();
            r.waitlistPosition = updated.value("waitlistPosition"_L1).toInt();
            const QModelIndex index = createIndex(current, 0);
            Q_EMIT dataChanged(index, index, { StatusRole, WaitlistPositionRole });
        }
        refreshPlaces();
        // The places left changed for the list, the map and the details too.
        if (auto *updates = EventUpdates::instance())
            updates->eventTouched(m_eventId);
        Q_EMIT decided(current, true);
    });
}

} // namespace Pudding::Client
