// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventsmodel.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "eventfilter.h"
#include "eventupdates.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

EventsModel::EventsModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, [this] { fetch(false); });
    if (auto *api = ApiClient::instance()) {
        connect(api, &ApiClient::reachableChanged, this, [this, api] {
            if (api->isReachable())
                m_debounce.start();
        });
    }
    if (auto *updates = EventUpdates::instance())
        connect(updates, &EventUpdates::eventChanged, this, &EventsModel::applyChange);
}

void EventsModel::applyChange(qint64 eventId, const QJsonObject &json)
{
    // A search on its way may have been answered before the change: ask again once it is in.
    if (m_call)
        m_debounce.start();
    const int row = indexOfId(eventId);
    Event event = Event::fromJson(json);
    const bool admitted = !m_filter || m_filter->admitsChanged(event);
    if (row < 0) {
        // It may belong here now (a place became free): ask again.
        if (admitted && m_filter
            && (!m_filter->region().isValid()
                || m_filter->region().contains(
                    QGeoCoordinate(event.location.lat, event.location.lng))))
            m_debounce.start();
        return;
    }
    if (!admitted) {
        beginRemoveRows({}, row, row);
        m_events.removeAt(row);
        endRemoveRows();
        Q_EMIT countChanged();
        return;
    }
    Event &current = m_events[row];
    event.distance = current.distance; // only the search knows the distance
    if (!json.contains("location"_L1))
        event.location = current.location;
    current = std::move(event);
    Q_EMIT dataChanged(index(row), index(row));
}

int EventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Event &e = m_events.at(index.row());
    switch (role) {
    case IdRole:
        return e.id;
    case Qt::DisplayRole:
    case TitleRole:
        return e.title;
    case DescriptionRole:
        return e.description;
    case LatitudeRole:
        return e.location.lat;
    case LongitudeRole:
        return e.location.lng;
    case CityRole:
        return e.city;
    case StateRole:
        return e.state;
    case StartTimeRole:
        return e.startTime.toLocalTime();
    case EndTimeRole:
        return e.endTime.toLocalTime();
    case AttendeeLimitRole:
        return e.attendeeLimit;
    case AttendeeCountRole:
        return e.attendeeCount;
    case PlacesLeftRole:
        return e.placesLeft();
    case StatusRole:
        return toString(e.status);
    case OrganizerIdRole:
        return e.organizer.id;
    case OrganizerNameRole:
        return e.organizer.name;
    case DistanceKmRole:
        return e.distance ? QVariant(*e.distance / 1000.0) : QVariant();
    default:
        return {};
    }
}

QHash<int, QByteArray> EventsModel::roleNames() const
{
    return { { IdRole, "eventId" }, { TitleRole, "title" }, { DescriptionRole, "description" },
        { LatitudeRole, "latitude" }, { LongitudeRole, "longitude" }, { CityRole, "city" },
        { StateRole, "state" }, { StartTimeRole, "startTime" }, { EndTimeRole, "endTime" },
        { AttendeeLimitRole, "attendeeLimit" }, { AttendeeCountRole, "attendeeCount" },
        { PlacesLeftRole, "placesLeft" }, { StatusRole, "status" },
        { OrganizerIdRole, "organizerId" }, { OrganizerNameRole, "organizerName" },
        { DistanceKmRole, "distanceKm" } };
}

void EventsModel::setFilter(EventFilter *filter)
{
    if (m_filter == filter)
        return;
    if (m_filter)
        disconnect(m_filter, nullptr, this, nullptr);
    m_filter = filter;
    if (m_filter)
        connect(m_filter, &EventFilter::changed, this, [this] { m_debounce.start(); });
    Q_EMIT filterChanged();
    m_debounce.start();
}

void EventsModel::setSortOrder(SortOrder order)
{
    if (m_sortOrder == order)
        return;
    m_sortOrder = order;
    Q_EMIT sortOrderChanged();
    beginResetModel();
    applySort();
    endResetModel();
}

void EventsModel::setDebounceMs(int ms)
{
    if (m_debounce.interval() == ms)
        return;
    m_debounce.setInterval(ms);
    Q_EMIT debounceMsChanged();
}

void EventsModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void EventsModel::refresh()
{
    m_debounce.stop();
    fetch(false);
}

void EventsModel::loadMore()
{
    if (!m_nextCursor.isEmpty() && !m_call)
        fetch(true);
}

void EventsModel::fetch(bool append)
{
    auto *api = ApiClient::instance();
    if (!api || !m_filter)
        return;
    if (m_call) // a newer question makes the old answer worthless
        m_call->abort();
    QUrlQuery query = m_filter->toQuery();
    query.addQueryItem(u"limit"_s, u"100"_s);
    if (append)
        query.addQueryItem(u"cursor"_s, m_nextCursor);
    ApiCall *call = api->get(Endpoints::events(), query);
    m_call = call;
    Q_EMIT loadingChanged();
    connect(call, &ApiCall::finished, this, [this, call, append] {
        if (m_call != call)
            return;
        m_call = nullptr;
        Q_EMIT loadingChanged();
        if (!call->ok()) {
            setErrorText(call->error()->message);
            Q_EMIT fetched();
            return;
        }
        setErrorText({});
        QList<Event> events;
        const auto list = call->object().value("events"_L1).toArray();
        events.reserve(list.size());
        for (const auto &v : list)
            events.append(Event::fromJson(v.toObject()));
        m_nextCursor = call->object().value("nextCursor"_L1).toString();
        if (append) {
            beginInsertRows({}, int(m_events.size()), int(m_events.size() + events.size()) - 1);
            m_events += events;
            endInsertRows();
        } else {
            beginResetModel();
            m_events = std::move(events);
            applySort();
            endResetModel();
        }
        Q_EMIT countChanged();
        Q_EMIT fetched();
    });
}

void EventsModel::applySort()
{
    if (m_sortOrder == SortOrder::ByDistance && m_filter && m_filter->centre().isValid()) {
        const GeoPoint c { m_filter->centre().latitude(), m_filter->centre().longitude() };
        std::stable_sort(m_events.begin(), m_events.end(), [c](const Event &a, const Event &b) {
            return distanceMetres(c, a.location) < distanceMetres(c, b.location);
        });
    } else {
        std::stable_sort(m_events.begin(), m_events.end(), [](const Event &a, const Event &b) {
            return std::pair(a.startTime, a.id) < std::pair(b.startTime, b.id);
        });
    }
}

int EventsModel::indexOfId(qint64 id) const
{
    for (qsizetype i = 0; i < m_events.size(); ++i)
        if (m_events[i].id == id)
            return int(i);
    return -1;
}

QVariantMap EventsModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= m_events.size())
        return out;
    const auto roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

void EventsModel::upsert(const Event &event)
{
    const int row = indexOfId(event.id);
    if (row >= 0) {
        m_events[row] = event;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    beginInsertRows({}, int(m_events.size()), int(m_events.size()));
    m_events.append(event);
    endInsertRows();
    Q_EMIT countChanged();
}

} // namespace Pudding::Client
