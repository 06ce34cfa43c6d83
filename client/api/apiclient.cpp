// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"

#include "api/endpoints.h"
#include "api/photofile.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QNetworkReply>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
ApiClient *s_instance = nullptr;
namespace EC = Protocol::ErrorCode;
} // namespace

QVariantMap fieldErrorMap(const Error &error)
{
    QVariantMap fields;
    for (const auto &f : error.fields)
        fields.insert(f.field, f.message);
    return fields;
}

// ---- ApiCall -----------------------------------------------------------------------------

ApiCall::ApiCall(QNetworkReply *reply, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
{
    connect(reply, &QNetworkReply::finished, this, &ApiCall::complete);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total > 0) {
            m_progress = double(sent) / double(total);
            Q_EMIT progressChanged();
        }
    });
}

const QJsonDocument &ApiCall::json() const
{
    if (!m_json)
        m_json = QJsonDocument::fromJson(m_body);
    return *m_json;
}

void ApiCall::abort()
{
    if (!m_running)
        return;
    m_aborted = true;
    m_running = false;
    if (m_reply) {
        // Deleting the reply closes its connection. QNetworkReply::abort() is not used: on a
        // reply whose failure is already queued it reports the error twice (a Qt 6.4 warning).
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->deleteLater();
    }
    deleteLater();
}

void ApiCall::complete()
{
    if (m_aborted || !m_reply)
        return;
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    m_running = false;
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_body = reply->readAll();
    if (m_status == 0) {
        m_networkFailure = true;
        m_error = Error { QString(Protocol::ErrorCode::Network),
            tr("The server cannot be reached (%1).").arg(reply->errorString()), {} };
    } else if (m_status >= 400) {
        const auto error = object().value("error"_L1).toObject();
        Error e;
        e.code = error.value("code"_L1).toString();
        e.message = ApiClient::messageForCode(e.code, error.value("message"_L1).toString());
        for (const auto &f : error.value("fields"_L1).toArray()) {
            const auto o = f.toObject();
            e.fields.append({ o.value("field"_L1).toString(), o.value("message"_L1).toString() });
        }
        m_error = e;
    }
    m_progress = 1;
    Q_EMIT progressChanged();
    Q_EMIT finished();
    deleteLater();
}

// ---- ApiClient ---------------------------------------------------------------------------

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiClient::retryNow);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        m_retryIn = std::max(0, m_retryIn - 1);
        Q_EMIT retryInSecondsChanged();
        if (m_retryIn == 0)
            m_countdown.stop();
    });
}

ApiClient *ApiClient::instance()
{
    return s_instance;
}

void ApiClient::setInstance(ApiClient *client)
{
    s_instance = client;
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    if (m_baseUrl == url)
        return;
    m_baseUrl = url;
    Q_EMIT baseUrlChanged();
}

QNetworkRequest ApiClient::makeRequest(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader,
        QString(Protocol::UserAgentPrefix + QCoreApplication::applicationVersion()
            + u" (desktop app)"_s));
    // Qt 6.4's HTTP/2 lacks a security fix (QT64-NOTES); the server speaks HTTP/1.1 anyway.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(30000);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", m_tokenScheme + ' ' + m_token);
    return request;
}

ApiCall *ApiClient::track(QNetworkReply *reply, bool authenticated)
{
    auto *call = new ApiCall(reply, this);
    connect(call, &ApiCall::finished, this, [this, call, authenticated] {
        if (call->isNetworkFailure()) {
            setReachable(false);
            return;
        }
        setReachable(true);
        if (authenticated && call->status() == 401)
            Q_EMIT sessionEnded();
    });
    return call;
}

ApiCall *ApiClient::get(const QString &path, const QUrlQuery &query)
{
    return track(m_nam.get(makeRequest(path, query)), !m_token.isEmpty());
}

ApiCall *ApiClient::post(const QString &path, const QJsonObject &body)
{
    QNetworkRequest request = makeRequest(path);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return track(m_nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)),
        !m_token.isEmpty());
}

ApiCall *ApiClient::patch(const QString &path, const QJsonObject &body)
{
    QNetworkRequest request = makeRequest(path);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return track(m_nam.sendCustomRequest(
                     request, "PATCH", QJsonDocument(body).toJson(QJsonDocument::Compact)),
        !m_token.isEmpty());
}

ApiCall *ApiClient::put(const QString &path, const QJsonObject &body)
{
    QNetworkRequest request = makeRequest(path);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return track(
        m_nam.put(request, QJsonDocument(body).toJson(QJsonDocument::Compact)), !m_token.isEmpty());
}

ApiCall *ApiClient::deleteResource(const QString &path)
{
    return track(m_nam.deleteResource(makeRequest(path)), !m_token.isEmpty());
}

ApiCall *ApiClient::postForm(const QString &path,
    const QList<std::pair<QByteArray, QString>> &fields, const PhotoFile &photo)
{
    auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    for (const auto &[name, value] : fields) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
            QByteArray("form-data; name=\"" + name + '"'));
        part.setBody(value.toUtf8());
        multiPart->append(part);
    }
    QHttpPart photoPart;
    QByteArray fileName = photo.fileName.toUtf8();
    fileName.replace('"', '_');
    photoPart.setHeader(QNetworkRequest::ContentDispositionHeader,
        QByteArray(R"(form-data; name="photo"; filename=")" + fileName + '"'));
    photoPart.setHeader(QNetworkRequest::ContentTypeHeader, photo.mime);
    photoPart.setBody(photo.bytes);
    multiPart->append(photoPart);
    QNetworkRequest request = makeRequest(path);
    // Up to 5 MB over a slow line; QNAM sends no "Expect: 100-continue".
    request.setTransferTimeout(120000);
    QNetworkReply *reply = m_nam.post(request, multiPart);
    multiPart->setParent(reply);
    return track(reply, !m_token.isEmpty());
}

void ApiClient::setReachable(bool reachable)
{
    if (reachable) {
        m_backoffSeconds = 1;
        m_retryTimer.stop();
        m_countdown.stop();
        m_retryIn = 0;
    }
    if (m_reachable == reachable) {
        if (!reachable && !m_retryTimer.isActive())
            scheduleRetry();
        return;
    }
    m_reachable = reachable;
    Q_EMIT reachableChanged();
    if (!reachable)
        scheduleRetry();
}

void ApiClient::scheduleRetry()
{
    // Exponential backoff with jitter, capped at 30 s.
    const int base = std::min(m_backoffSeconds, 30);
    m_backoffSeconds = std::min(m_backoffSeconds * 2, 30);
    const int jitterMs = int(QRandomGenerator::global()->bounded(500));
    m_retryTimer.start(base * 1000 + jitterMs);
    m_retryIn = base;
    Q_EMIT retryInSecondsChanged();
    m_countdown.start();
}

void ApiClient::retryNow()
{
    m_retryTimer.stop();
    auto *call = new ApiCall(m_nam.get(makeRequest(Endpoints::health())), this);
    connect(
        call, &ApiCall::finished, this, [this, call] { setReachable(!call->isNetworkFailure()); });
}

QString ApiClient::messageForCode(const QString &code, const QString &fallback)
{
    if (code == EC::InvalidCredentials)
        return tr("The email address or the password is wrong.");
    if (code == EC::EmailTaken)
        return tr("An account with this email address exists already.");
    if (code == EC::Unauthorized)
        return tr("Please sign in again.");
    if (code == EC::Forbidden)
        return tr("You are not allowed to do that.");
    if (code == EC::NotFound)
        return tr("This no longer exists.");
    if (code == EC::RateLimited)
        return tr("Too many attempts. Please wait a moment.");
    if (code == EC::PayloadTooLarge)
        return tr("That is too large to send.");
    if (code == EC::Internal || code == EC::Unavailable)
        return tr("Something went wrong on the server. Please try again later.");
    if (code == EC::Conflict)
        return fallback.isEmpty() ? tr("That conflicts with the current state.") : fallback;
    return fallback.isEmpty() ? tr("Something went wrong.") : fallback;
}

} // namespace Pudding::Client
