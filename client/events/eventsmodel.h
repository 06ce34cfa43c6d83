// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/event.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

namespace Pudding::Client {

class ApiCall;
class ApiClient;
class EventFilter;

/// The events that match the filter (in the map's view), as the list shows them.
/// Refetches when the filter changes (debounced; a stale request is cancelled) and when the
/// server becomes reachable again.
class EventsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(EventFilter *filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY countChanged)
    Q_PROPERTY(SortOrder sortOrder READ sortOrder WRITE setSortOrder NOTIFY sortOrderChanged)
    Q_PROPERTY(int debounceMs READ debounceMs WRITE setDebounceMs NOTIFY debounceMsChanged)
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        DescriptionRole,
        LatitudeRole,
        LongitudeRole,
        CityRole,
        StateRole,
        StartTimeRole,
        EndTimeRole,
        AttendeeLimitRole,
        AttendeeCountRole,
        PlacesLeftRole,
        StatusRole,
        OrganizerIdRole,
        OrganizerNameRole,
        DistanceKmRole,
    };
    Q_ENUM(Roles)
    enum class SortOrder { ByDate, ByDistance };
    Q_ENUM(SortOrder)

    explicit EventsModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] EventFilter *filter() const { return m_filter; }
    void setFilter(EventFilter *filter);
    [[nodiscard]] bool isLoading() const { return m_call != nullptr; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] bool hasMore() const { return !m_nextCursor.isEmpty(); }
    [[nodiscard]] SortOrder sortOrder() const { return m_sortOrder; }
    void setSortOrder(SortOrder order);
    [[nodiscard]] int debounceMs() const { return m_debounce.interval(); }
    void setDebounceMs(int ms);
    [[nodiscard]] const QList<Event> &events() const { return m_events; }

    /// Fetches now (cancelling a request in flight).
    Q_INVOKABLE void refresh();
    /// Appends the next page.
    Q_INVOKABLE void loadMore();
    Q_INVOKABLE int indexOfId(qint64 id) const;
    /// All fields of the row as a map (for the details page).
    Q_INVOKABLE QVariantMap get(int row) const;
    /// Replaces (or adds) one event after an edit, without a refetch.
    void upsert(const Event &event);
    /// A meetup changed (EventUpdates): its row takes the new state, or goes when the filter
    /// no longer admits it (cancelled, full with "only free places").
    void applyChange(qint64 eventId, const QJsonObject &json);

Q_SIGNALS:
    void filterChanged();
    void loadingChanged();
    void errorTextChanged();
    void countChanged();
    void sortOrderChanged();
    void debounceMsChanged();
    /// A response arrived and was applied (tests wait for this).
    void fetched();

private:
    void fetch(bool append);
    void applySort();
    void setErrorText(const QString &text);

    QPointer<EventFilter> m_filter;
    QPointer<ApiCall> m_call;
    QList<Event> m_events;
    QString m_nextCursor;
    QString m_errorText;
    SortOrder m_sortOrder = SortOrder::ByDate;
    QTimer m_debounce;
};

} // namespace Pudding::Client
