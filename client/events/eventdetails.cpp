// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventdetails.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/accountmanager.h"
#include "eventupdates.h"
#include "shared/event.h"

using namespace Qt::StringLiterals;

namespace Pudding::Client {

EventDetails::EventDetails(QObject *parent)
    : QObject(parent)
{
    // The exact place and the venue were the signed-out account's to see: ask again.
    if (auto *accounts = AccountManager::instance())
        connect(accounts, &AccountManager::signedOut, this, &EventDetails::reload);
    // Cancelled, edited, a place taken or freed: shown as it is now, without a blank reload.
    if (auto *updates = EventUpdates::instance()) {
        connect(updates, &EventUpdates::eventChanged, this,
            [this](qint64 eventId, const QJsonObject &json) {
                if (eventId != m_eventId)
                    return;
                // Newer than a reload still on its way, which may have been answered before
                // the change: that answer must not overwrite this one.
                if (m_call) {
                    m_call->abort();
                    m_call = nullptr;
                    Q_EMIT loadingChanged();
                }
                // A live frame has no place (it depends on the viewer): keep the one shown.
                QJsonObject complete = json;
                if (!complete.contains("location"_L1) && m_event.contains(u"location"_s))
                    complete.insert(u"location"_s,
                        QJsonObject::fromVariantMap(m_event.value(u"location"_s).toMap()));
                setEventJson(complete);
                Q_EMIT eventChanged();
            });
    }
}

void EventDetails::setEventJson(const QJsonObject &json)
{
    const Event e = Event::fromJson(json);
    m_event = json.toVariantMap();
    // Times as dates (local), for display with the user's locale.
    m_event.insert(u"startTime"_s, e.startTime.toLocalTime());
    m_event.insert(u"endTime"_s, e.endTime.toLocalTime());
    m_event.insert(u"placesLeft"_s, e.placesLeft());
    m_errorText.clear();
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
    ApiCall *call = ApiClient::instance()->get(Endpoints::event(m_eventId));
    m_call = call;
    Q_EMIT loadingChanged();
    connect(call, &ApiCall::finished, this, [this, call] {
        if (m_call != call)
            return;
        m_call = nullptr;
        if (call->ok()) {
            setEventJson(call->object());
        } else {
            m_errorText = call->error()->message;
        }
        Q_EMIT eventChanged();
        Q_EMIT loadingChanged();
    });
}

} // namespace Pudding::Client
