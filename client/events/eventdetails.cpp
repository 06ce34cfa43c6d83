// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventdetails.h"

#include "api/apiclient.h"
#include "shared/event.h"

using namespace Qt::StringLiterals;

namespace Pudding::Client {

EventDetails::EventDetails(QObject *parent)
    : QObject(parent)
{
}

void EventDetails::setEventId(qint64 id)
{
    if (m_eventId == id)
        return;
    m_eventId = id;
    Q_EMIT eventIdChanged();
    reload();
}

void EventDetails::reload()
{
    if (m_call)
        m_call->abort();
    m_event.clear();
    m_errorText.clear();
    Q_EMIT eventChanged();
    if (m_eventId <= 0 || !ApiClient::instance()) {
        Q_EMIT loadingChanged();
        return;
    }
    ApiCall *call = ApiClient::instance()->get(u"/api/events/%1"_s.arg(m_eventId));
    m_call = call;
    Q_EMIT loadingChanged();
    connect(call, &ApiCall::finished, this, [this, call] {
        if (m_call != call)
            return;
        m_call = nullptr;
        if (call->ok()) {
            const Event e = Event::fromJson(call->object());
            m_event = call->object().toVariantMap();
            // Times as dates (local), for display with the user's locale.
            m_event.insert(u"startTime"_s, e.startTime.toLocalTime());
            m_event.insert(u"endTime"_s, e.endTime.toLocalTime());
            m_event.insert(u"placesLeft"_s, e.placesLeft());
        } else {
            m_errorText = call->error()->message;
        }
        Q_EMIT eventChanged();
        Q_EMIT loadingChanged();
    });
}

} // namespace Pudding::Client
