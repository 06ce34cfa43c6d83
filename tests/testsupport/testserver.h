// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace Pudding::Test {

using namespace Qt::StringLiterals;

/// A database of its own for one test program, in the private PostgreSQL that the ctest
/// fixture started (or that this starts when a test runs alone). Dropped at the end.
class TestDatabase
{
public:
    explicit TestDatabase(const QString &name);
    ~TestDatabase();
    [[nodiscard]] bool isValid() const { return !m_url.isEmpty(); }
    [[nodiscard]] QString url() const { return m_url; }
    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString errorString() const { return m_error; }
    /// A direct QPSQL connection (named `connectionName`) for checking what the server stored.
    [[nodiscard]] static QSqlDatabase open(const QString &url, const QString &connectionName);

private:
    QString m_name;
    QString m_url;
    QString m_error;
};

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QJsonArray events() const { return json().value("events"_L1).toArray(); }
    [[nodiscard]] QString errorCode() const
    {
        return json().value("error"_L1).toObject().value("code"_L1).toString();
    }
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

/// Sends `request` and waits (tests only; the products never wait) up to 30 s for the whole
/// answer; a request that got no answer comes back with status 0 and `networkError`.
[[nodiscard]] HttpResult sendAndWait(QNetworkAccessManager &nam, const QNetworkRequest &request,
    QByteArrayView method, const QByteArray &body);

/// get/postJson/patchJson for any test client with a blocking
/// `request(method, path, body, token)`: the TestServer and the nginx in front of instances.
template <typename Client> class JsonRequests
{
public:
    HttpResult get(const QString &path, const QByteArray &token = {})
    {
        return client().request("GET", path, {}, token);
    }
    HttpResult postJson(const QString &path, const QJsonObject &json, const QByteArray &token = {})
    {
        return client().request(
            "POST", path, QJsonDocument(json).toJson(QJsonDocument::Compact), token);
    }
    HttpResult patchJson(const QString &path, const QJsonObject &json, const QByteArray &token = {})
    {
        return client().request(
            "PATCH", path, QJsonDocument(json).toJson(QJsonDocument::Compact), token);
    }

private:
    Client &client() { return static_cast<Client &>(*this); }
};

/// The real pudding-server binary, started on an ephemeral port against a TestDatabase.
class TestServer : public JsonRequests<TestServer>
{
public:
    struct Options
    {
        int threads = 2;
        int authRateLimit = 0;
        QStringList extraArguments;
    };
    TestServer(QString databaseUrl, Options options);
    explicit TestServer(const QString &databaseUrl)
        : TestServer(databaseUrl, Options {})
    { }
    ~TestServer();

    /// launch() then waitUntilReady().
    bool start() { return launch() && waitUntilReady(); }
    bool launch();
    bool waitUntilReady();
    void stop();
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QUrl url(const QString &pathAndQuery) const;
    [[nodiscard]] QString log() const { return QString::fromUtf8(m_log); }
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QProcess &process() { return *m_process; }
    [[nodiscard]] QString dataDir() const { return m_dataDir.path(); }
    /// A plain TCP connection to the server, for what an HTTP client library would not send.
    [[nodiscard]] std::unique_ptr<QTcpSocket> connectRaw() const;

    /// A blocking request for tests (the tests may wait; the products never do).
    HttpResult request(QByteArrayView method, const QString &path, const QByteArray &body = {},
        const QByteArray &token = {}, const QByteArray &contentType = "application/json");

    /// Registers a user and returns its token (empty on failure).
    QByteArray registerUser(const QString &email, const QString &name = QStringLiteral("Test User"),
        const QString &password = QStringLiteral("correct horse battery 9"));

private:
    /// Hands the server's output since the last save to the contract recording.
    void saveLog();
    void recordExchange(QByteArrayView method, const QString &path, const QByteArray &body,
        const QByteArray &token, const QByteArray &contentType, const HttpResult &result);

    QString m_databaseUrl;
    Options m_options;
    std::unique_ptr<QProcess> m_process;
    QTemporaryDir m_dataDir;
    int m_port = 0;
    QByteArray m_log;
    qsizetype m_logSaved = 0;
    QNetworkAccessManager m_nam;
};

/// Reads a raw HTTP/1.1 response stream and splits it into responses (for pipelining tests).
struct RawResponse
{
    int status = 0;
    QByteArray body;
};
[[nodiscard]] QList<RawResponse> parseRawResponses(const QByteArray &stream, bool *complete);
/// Reads from a raw socket until `count` complete responses arrived, the peer closed, or
/// `timeoutMs` passed; returns what was complete.
[[nodiscard]] QList<RawResponse> readRawResponses(
    QTcpSocket &socket, int count, int timeoutMs = 15000);

} // namespace Pudding::Test
