// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadrun.h"

#include "chatrun.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Pudding::Bench {

UploadRun::UploadRun(Config config, QList<Account> uploaders, QList<qint64> events)
    : m_config(std::move(config))
    , m_events(std::move(events))
{
    m_body = joinMultipart(m_boundary, m_config.photo);
    const int chains = std::min<int>(m_config.concurrency, int(uploaders.size()));
    for (int i = 0; i < chains; ++i)
        m_chains.push_back({ std::make_unique<QNetworkAccessManager>(), uploaders[i], 0 });
}

void UploadRun::start()
{
    m_clock.start();
    if (m_chains.empty() || m_config.total <= 0) {
        m_firstFailure = u"no uploaders"_s;
        QMetaObject::invokeMethod(this, &UploadRun::finished, Qt::QueuedConnection);
        return;
    }
    for (size_t i = 0; i < m_chains.size(); ++i)
        sendNext(i);
}

void UploadRun::sendNext(size_t index)
{
    Chain &chain = m_chains[index];
    if (m_started >= m_config.total)
        return;
    if (chain.next >= m_events.size()) {
        m_firstFailure = u"not enough events for the uploads"_s;
        return;
    }
    ++m_started;
    const qint64 eventId = m_events[chain.next++];
    QUrl url = m_config.url;
    url.setPath(u"/api/attendance/events/%1/join"_s.arg(eventId));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
        QByteArray("multipart/form-data; boundary=" + m_boundary));
    if (m_config.peer)
        request.setRawHeader("X-Bench-User", QByteArray::number(chain.account.userId));
    else
        request.setRawHeader("Authorization", "Bearer " + chain.account.token);
    const qint64 startUs = m_clock.nsecsElapsed() / 1000;
    QNetworkReply *reply = chain.nam->post(request, m_body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, index, startUs] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 now = m_clock.nsecsElapsed() / 1000;
        ++m_done;
        if (status == 201) {
            ++m_ok;
            m_latencyUs.push_back(now - startUs);
        } else {
            ++m_failures[status ? QString::number(status) : reply->errorString()];
            if (m_firstFailure.isEmpty())
                m_firstFailure = u"HTTP %1 %2"_s.arg(status).arg(
                    QString::fromUtf8(reply->readAll().left(300)));
        }
        if (m_done == m_config.total
            || (m_done == m_started && m_started < m_config.total && !m_firstFailure.isEmpty())) {
            m_wallUs = now;
            Q_EMIT finished();
            return;
        }
        sendNext(index);
    });
}

QJsonObject UploadRun::result() const
{
    QJsonObject failures;
    for (auto it = m_failures.cbegin(); it != m_failures.cend(); ++it)
        failures.insert(it.key(), it.value());
    const double seconds = double(m_wallUs) / 1e6;
    return { { u"target"_s, m_config.peer ? u"peer"_s : u"pudding"_s },
        { u"photoBytes"_s, qint64(m_config.photo.size()) },
        { u"concurrency"_s, qint64(m_chains.size()) }, { u"uploads"_s, m_config.total },
        { u"ok"_s, m_ok }, { u"seconds"_s, std::round(seconds * 1000) / 1000 },
        { u"uploadsPerSecond"_s, seconds > 0 ? std::round(m_ok / seconds * 100) / 100 : 0.0 },
        { u"latencyMs"_s, latencySummary(m_latencyUs) }, { u"failures"_s, failures },
        { u"firstFailure"_s, m_firstFailure }, { u"complete"_s, m_ok == m_config.total } };
}

} // namespace Pudding::Bench
