// SPDX-License-Identifier: GPL-3.0-or-later
#include "calendarfeed.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/accountmanager.h"

#include <QClipboard>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

CalendarFeed::CalendarFeed(QObject *parent)
    : QObject(parent)
{
    // Nothing of one account's subscription stays on screen for the next.
    if (auto *accounts = AccountManager::instance())
        connect(accounts, &AccountManager::signedOut, this, &CalendarFeed::reset);
}

void CalendarFeed::track(ApiCall *call, std::function<void(const ApiCall &)> onSuccess)
{
    ++m_pending;
    Q_EMIT loadingChanged();
    connect(call, &ApiCall::finished, this, [this, call, onSuccess = std::move(onSuccess)] {
        --m_pending;
        Q_EMIT loadingChanged();
        if (const auto &error = call->error()) {
            setError(error->message);
            return;
        }
        setError({});
        onSuccess(*call);
        Q_EMIT changed();
    });
}

void CalendarFeed::refresh()
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    track(api->get(Endpoints::calendarFeed()), [this](const ApiCall &call) {
        const QJsonObject json = call.object();
        m_active = json.value("active"_L1).toBool();
        m_createdAt = QDateTime::fromString(json.value("createdAt"_L1).toString(), Qt::ISODate);
        m_language = json.value("language"_L1).toString();
        if (!m_active) {
            m_url.clear();
            m_webcalUrl.clear();
        }
    });
}

void CalendarFeed::create(const QString &language)
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    const QString code = language == "de"_L1 ? u"de"_s : u"en"_s;
    track(api->post(Endpoints::calendarFeed(), { { u"language"_s, code } }),
        [this](const ApiCall &call) {
            const QJsonObject json = call.object();
            m_active = true;
            m_createdAt = QDateTime::fromString(json.value("createdAt"_L1).toString(), Qt::ISODate);
            m_language = json.value("language"_L1).toString();
            m_url = json.value("url"_L1).toString();
            m_webcalUrl = json.value("webcalUrl"_L1).toString();
            Q_EMIT created();
        });
}

void CalendarFeed::remove()
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    track(api->deleteResource(Endpoints::calendarFeed()), [this](const ApiCall &) {
        m_active = false;
        m_createdAt = {};
        m_url.clear();
        m_webcalUrl.clear();
    });
}

void CalendarFeed::copyUrl() const
{
    if (auto *clipboard = QGuiApplication::clipboard(); clipboard && !m_webcalUrl.isEmpty())
        clipboard->setText(m_webcalUrl);
}

void CalendarFeed::setError(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorChanged();
}

void CalendarFeed::reset()
{
    m_active = false;
    m_createdAt = {};
    m_language.clear();
    m_url.clear();
    m_webcalUrl.clear();
    setError({});
    Q_EMIT changed();
}

} // namespace Pudding::Client
