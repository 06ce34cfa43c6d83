// SPDX-License-Identifier: GPL-3.0-or-later
#include "remindersettings.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/accountmanager.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

ReminderSettings::ReminderSettings(QObject *parent)
    : QObject(parent)
{
    // Nothing of one account's settings stays on screen for the next.
    if (auto *accounts = AccountManager::instance()) {
        connect(accounts, &AccountManager::signedOut, this, [this] {
            m_offsets.clear();
            setError({});
            Q_EMIT changed();
        });
    }
}

void ReminderSettings::track(ApiCall *call, bool isSave)
{
    ++m_pending;
    Q_EMIT loadingChanged();
    connect(call, &ApiCall::finished, this, [this, call, isSave] {
        --m_pending;
        Q_EMIT loadingChanged();
        if (const auto &error = call->error()) {
            setError(error->message);
            return;
        }
        setError({});
        m_offsets.clear();
        for (const auto &v : call->object().value("offsets"_L1).toArray())
            m_offsets.append(v.toInt());
        Q_EMIT changed();
        if (isSave)
            Q_EMIT saved();
    });
}

void ReminderSettings::refresh()
{
    if (auto *api = ApiClient::instance())
        track(api->get(Endpoints::reminders()), false);
}

void ReminderSettings::save(const QVariantList &offsets)
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    QList<int> minutes;
    for (const QVariant &v : offsets) {
        const int m = v.toInt();
        if (!minutes.contains(m))
            minutes.append(m);
    }
    if (minutes.size() > MaxOffsets) {
        setError(tr("At most four reminders."));
        return;
    }
    QJsonArray array;
    for (const int m : std::as_const(minutes)) {
        if (m < MinMinutes || m > MaxMinutes) {
            setError(tr("A reminder comes 5 minutes to 14 days before the start."));
            return;
        }
        array.append(m);
    }
    track(api->put(Endpoints::reminders(), { { u"offsets"_s, array } }), true);
}

QString ReminderSettings::describe(int minutes)
{
    if (minutes % 1440 == 0)
        return tr("%n day(s) before", nullptr, minutes / 1440);
    if (minutes % 60 == 0)
        return tr("%n hour(s) before", nullptr, minutes / 60);
    return tr("%n minute(s) before", nullptr, minutes);
}

void ReminderSettings::setError(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorChanged();
}

} // namespace Pudding::Client
