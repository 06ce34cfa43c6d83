// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventupdates.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "chat/chatrooms.h"

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
EventUpdates *s_instance = nullptr;
} // namespace

EventUpdates::EventUpdates(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{ }

EventUpdates::~EventUpdates()
{
    if (s_instance == this)
        s_instance = nullptr;
    for (const auto &call : std::as_const(m_fetches)) {
        if (call)
            call->abort();
    }
}

EventUpdates *EventUpdates::instance()
{
    return s_instance;
}

void EventUpdates::setInstance(EventUpdates *updates)
{
    s_instance = updates;
}

void EventUpdates::follow(ChatRooms *rooms)
{
    // The live frames carry the event without its place (that depends on the viewer): fetch it.
    // An edit is shown as the frame has it at once, then completed by the fetch.
    connect(rooms, &ChatRooms::eventUpdated, this, [this](const QVariantMap &event) {
        eventReceived(QJsonObject::fromVariantMap(event));
        eventTouched(event.value(u"id"_s).toLongLong());
    });
    // A cancellation is final and the frame says all it takes: no fetch, which could be
    // answered from a state just before it.
    connect(
        rooms, &ChatRooms::eventCancelled, this, [this](qint64 eventId, const QVariantMap &event) {
            QJsonObject json = QJsonObject::fromVariantMap(event);
            json.insert(u"id"_s, eventId);
            json.insert(u"status"_s, u"CANCELLED"_s);
            eventReceived(json);
        });
    // A decision on the user's request changes the places left (and what the user may see).
    connect(rooms, &ChatRooms::attendanceChanged, this,
        [this](const QString &, const QVariantMap &attendance) {
            eventTouched(attendance.value(u"eventId"_s).toLongLong());
        });
}

void EventUpdates::eventTouched(qint64 eventId)
{
    if (eventId <= 0)
        return;
    // A newer change makes a fetch in flight worthless.
    if (auto running = m_fetches.value(eventId))
        running->abort();
    ApiCall *call = m_api->get(Endpoints::event(eventId));
    m_fetches.insert(eventId, call);
    connect(call, &ApiCall::finished, this, [this, call, eventId] {
        if (m_fetches.value(eventId) == call)
            m_fetches.remove(eventId);
        if (call->ok())
            eventReceived(call->object());
    });
}

void EventUpdates::eventReceived(const QJsonObject &event)
{
    const qint64 id = event.value("id"_L1).toInteger();
    if (id > 0)
        Q_EMIT eventChanged(id, event);
}

} // namespace Pudding::Client
