// SPDX-License-Identifier: GPL-3.0-or-later
#include "cantcome.h"

#include "api/apiclient.h"
#include "api/endpoints.h"

namespace Pudding::Client {

CantCome::CantCome(QObject *parent)
    : QObject(parent)
{ }

void CantCome::send(qint64 eventId)
{
    auto *api = ApiClient::instance();
    if (!api || m_busy || eventId <= 0)
        return;
    m_busy = true;
    Q_EMIT busyChanged();
    ApiCall *call = api->post(Endpoints::cantCome(eventId));
    connect(call, &ApiCall::finished, this, [this, call, eventId] {
        m_busy = false;
        Q_EMIT busyChanged();
        const QString text = call->error() ? call->error()->message : QString();
        if (m_errorText != text) {
            m_errorText = text;
            Q_EMIT errorChanged();
        }
        if (!call->error())
            Q_EMIT done(eventId);
    });
}

} // namespace Pudding::Client
