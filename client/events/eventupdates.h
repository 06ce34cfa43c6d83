// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace Pudding::Client {

class ApiCall;
class ApiClient;
class ChatRooms;

/// The one place the app hears that a meetup changed, so the list, the map and the details
/// never disagree. Changes come from the live connection (event_updated, event_cancelled, a
/// decision on the user's request) and from the user's own actions (an edit, a cancellation,
/// an approval, joining, leaving). Each change is fetched once (GET /api/events/:id, as this
/// viewer may see it) and handed to every model as the server's event JSON.
class EventUpdates : public QObject
{
    Q_OBJECT
public:
    explicit EventUpdates(ApiClient *api, QObject *parent = nullptr);
    ~EventUpdates() override;

    /// The app's instance (owned by AppContext or a test); null when there is none.
    static EventUpdates *instance();
    static void setInstance(EventUpdates *updates);
    /// Listens to the live event and attendance frames (routed by ChatRooms).
    void follow(ChatRooms *rooms);

    /// The event changed; its current state is fetched and then announced.
    void eventTouched(qint64 eventId);
    /// The event as the server just returned it to this user (after an edit or cancellation).
    void eventReceived(const QJsonObject &event);

Q_SIGNALS:
    /// `event` is the server's JSON of the event as it is now (status CANCELLED included).
    void eventChanged(qint64 eventId, const QJsonObject &event);

private:
    ApiClient *m_api;
    QHash<qint64, QPointer<ApiCall>> m_fetches;
};

} // namespace Pudding::Client
