// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QVariantMap>

class QNetworkReply;

namespace Pudding::Client {

struct PhotoFile;

/// An error's field messages by field name, as the forms show them (QML `fieldErrors`).
[[nodiscard]] QVariantMap fieldErrorMap(const Error &error);

/// One request in flight: the handle every API call returns (cf. libQuotient's jobs).
/// It finishes exactly once, with either a JSON body or an Error whose message is already
/// translated for the user. Deletes itself after `finished` has been delivered.
class ApiCall : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Returned by ApiClient")
    Q_PROPERTY(bool running READ isRunning NOTIFY finished)
    Q_PROPERTY(qreal progress READ progress NOTIFY progressChanged)
public:
    explicit ApiCall(QNetworkReply *reply, QObject *parent = nullptr);

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool ok() const { return !m_running && !m_error; }
    [[nodiscard]] int status() const { return m_status; }
    /// The body as JSON, parsed on first use.
    [[nodiscard]] const QJsonDocument &json() const;
    [[nodiscard]] QJsonObject object() const { return json().object(); }
    /// The body as received: big bodies can be parsed off the GUI thread by the caller.
    [[nodiscard]] const QByteArray &rawBody() const { return m_body; }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }
    [[nodiscard]] bool isNetworkFailure() const { return m_networkFailure; }
    [[nodiscard]] qreal progress() const { return m_progress; }

    /// Stops the request; `finished` is not emitted for an aborted call.
    Q_INVOKABLE void abort();

Q_SIGNALS:
    void finished();
    void progressChanged();

private:
    void complete();

    QPointer<QNetworkReply> m_reply;
    bool m_running = true;
    bool m_aborted = false;
    bool m_networkFailure = false;
    int m_status = 0;
    qreal m_progress = 0;
    QByteArray m_body;
    mutable std::optional<QJsonDocument> m_json;
    std::optional<Error> m_error;
};

/// The one way the app talks to pudding-server (cf. Tokodon's AbstractAccount): base URL,
/// bearer token, JSON and multipart uploads out, JSON in, translated errors, and the server's
/// reachability with an automatic retry while it is unreachable. Paths come from Endpoints
/// (endpoints.h); every call is tracked, so a 401 to any of them ends the session.
class ApiClient : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QUrl baseUrl READ baseUrl WRITE setBaseUrl NOTIFY baseUrlChanged)
    Q_PROPERTY(bool reachable READ isReachable NOTIFY reachableChanged)
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY retryInSecondsChanged)
public:
    explicit ApiClient(QObject *parent = nullptr);

    /// The instance QML sees (C++-owned); set by whoever owns it (main.cpp or a test).
    static ApiClient *instance();
    static void setInstance(ApiClient *client);
    /// QML's singleton: the C++-owned instance (the engine must not delete it).
    static ApiClient *create(QQmlEngine *, QJSEngine *)
    {
        QJSEngine::setObjectOwnership(instance(), QJSEngine::CppOwnership);
        return instance();
    }

    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url);
    /// The credential every call carries: `Authorization: <scheme> <token>` ("Bearer" for an
    /// account, "Door" for a door token of Door mode).
    void setToken(const QByteArray &token, const QByteArray &scheme = "Bearer")
    {
        m_token = token;
        m_tokenScheme = scheme;
    }
    [[nodiscard]] QByteArray token() const { return m_token; }
    [[nodiscard]] QByteArray tokenScheme() const { return m_tokenScheme; }
    [[nodiscard]] bool isReachable() const { return m_reachable; }
    [[nodiscard]] int retryInSeconds() const { return m_retryIn; }

    ApiCall *get(const QString &path, const QUrlQuery &query = {});
    ApiCall *post(const QString &path, const QJsonObject &body = {});
    ApiCall *patch(const QString &path, const QJsonObject &body);
    ApiCall *put(const QString &path, const QJsonObject &body);
    ApiCall *deleteResource(const QString &path);
    /// A multipart/form-data POST: `fields` as text parts, then `photo` as the part "photo".
    /// Tracked like every call (a 401 ends the session), with a longer timeout for the upload.
    ApiCall *postForm(const QString &path, const QList<std::pair<QByteArray, QString>> &fields,
        const PhotoFile &photo);

    /// Checks the server now (GET /health) instead of waiting for the next retry.
    Q_INVOKABLE void retryNow();

    /// A user-facing message for a stable error code from the server.
    [[nodiscard]] static QString messageForCode(const QString &code, const QString &fallback);

Q_SIGNALS:
    void baseUrlChanged();
    void reachableChanged();
    void retryInSecondsChanged();
    /// The server said 401 to a request that carried a token: the session has ended.
    void sessionEnded();

private:
    QNetworkRequest makeRequest(const QString &path, const QUrlQuery &query = {}) const;
    ApiCall *track(QNetworkReply *reply, bool authenticated);
    void setReachable(bool reachable);
    void scheduleRetry();

    QNetworkAccessManager m_nam;
    QUrl m_baseUrl;
    QByteArray m_token;
    QByteArray m_tokenScheme = "Bearer";
    bool m_reachable = true;
    int m_retryIn = 0;
    int m_backoffSeconds = 1;
    QTimer m_retryTimer;
    QTimer m_countdown;
};

} // namespace Pudding::Client
