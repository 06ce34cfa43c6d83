// SPDX-License-Identifier: GPL-3.0-or-later
#include "testserver.h"

#include "contractrecorder.h"
#include "db/database.h"
#include "devdb/embeddedpostgres.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Pudding::Test {

TestDatabase::TestDatabase(const QString &name)
{
    m_name
        = (u"t_"_s % name % u'_' % QString::number(QCoreApplication::applicationPid())).toLower();
    if (qEnvironmentVariableIsSet("PUDDING_TEST_DATABASE_URL")) {
        // An external server: the caller made the database.
        m_url = qEnvironmentVariable("PUDDING_TEST_DATABASE_URL");
        return;
    }
    Server::EmbeddedPostgres pg(QStringLiteral(PUDDING_TEST_PG_DIR "/postgres"));
    pg.setKeepRunning(true); // the ctest fixture stops it
    if (!pg.start()) {
        m_error = pg.errorString();
        return;
    }
    pg.dropDatabase(m_name);
    if (!pg.ensureDatabase(m_name)) {
        m_error = pg.errorString();
        return;
    }
    m_url = pg.connectionInfo(m_name).toUrl();
}

TestDatabase::~TestDatabase()
{
    if (m_url.isEmpty() || qEnvironmentVariableIsSet("PUDDING_TEST_DATABASE_URL"))
        return;
    Server::EmbeddedPostgres pg(QStringLiteral(PUDDING_TEST_PG_DIR "/postgres"));
    pg.setKeepRunning(true);
    if (pg.start())
        pg.dropDatabase(m_name);
}

QSqlDatabase TestDatabase::open(const QString &url, const QString &connectionName)
{
    const auto config = Server::DbConfig::fromUrl(url);
    QSqlDatabase db = QSqlDatabase::contains(connectionName)
        ? QSqlDatabase::database(connectionName)
        : QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    if (config) {
        db.setHostName(config->host);
        db.setPort(config->port);
        db.setUserName(config->user);
        db.setPassword(config->password);
        db.setDatabaseName(config->database);
        db.open();
    }
    return db;
}

QByteArray HttpResult::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers)
        if (name.compare(k, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

TestServer::TestServer(QString databaseUrl, Options options)
    : m_databaseUrl(std::move(databaseUrl))
    , m_options(std::move(options))
{ }

TestServer::~TestServer()
{
    stop();
    saveLog();
}

void TestServer::saveLog()
{
    if (m_process)
        m_log += m_process->readAll();
    if (m_log.size() > m_logSaved) {
        Contract::saveServerLog(m_log.mid(m_logSaved));
        m_logSaved = m_log.size();
    }
}

bool TestServer::launch()
{
    saveLog(); // what an earlier run of this server wrote
    const QString portFile = m_dataDir.filePath(u"port"_s);
    QFile::remove(portFile);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
        [this] { m_log += m_process->readAll(); });
    QStringList args { u"serve"_s, u"--port"_s, u"0"_s, u"--port-file"_s, portFile, u"--threads"_s,
        QString::number(m_options.threads), u"--data-dir"_s, m_dataDir.path(),
        u"--auth-rate-limit"_s, QString::number(m_options.authRateLimit) };
    if (!m_databaseUrl.isEmpty()) // otherwise: the server's own private PostgreSQL
        args += { u"--database"_s, m_databaseUrl };
    args += m_options.extraArguments;
    m_process->start(QStringLiteral(PUDDING_SERVER_BINARY), args);
    return m_process->waitForStarted(10000);
}

bool TestServer::waitUntilReady()
{
    const QString portFile = m_dataDir.filePath(u"port"_s);
    // The server writes its port once it listens; it may also die first.
    m_port = 0;
    const bool ready = QTest::qWaitFor(
        [&] {
            QFile f(portFile);
            if (f.open(QIODevice::ReadOnly))
                m_port = f.readAll().trimmed().toInt();
            return m_port > 0 || m_process->state() == QProcess::NotRunning;
        },
        30000);
    if (ready && m_port > 0)
        return true;
    qWarning().noquote() << "server did not start:" << log();
    return false;
}

void TestServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(15000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    saveLog();
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl TestServer::url(const QString &pathAndQuery) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(pathAndQuery));
}

HttpResult sendAndWait(QNetworkAccessManager &nam, const QNetworkRequest &request,
    QByteArrayView method, const QByteArray &body)
{
    QNetworkReply *reply = nam.sendCustomRequest(request, method.toByteArray(), body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(30000))
        reply->abort(); // answered below as the network error it is
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

HttpResult TestServer::request(QByteArrayView method, const QString &path, const QByteArray &body,
    const QByteArray &token, const QByteArray &contentType)
{
    QNetworkRequest request(url(path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!body.isEmpty() || method == "POST" || method == "PATCH")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    HttpResult result = sendAndWait(m_nam, request, method, body);
    recordExchange(method, path, body, token, contentType, result);
    return result;
}

void TestServer::recordExchange(QByteArrayView method, const QString &path, const QByteArray &body,
    const QByteArray &token, const QByteArray &contentType, const HttpResult &result)
{
    // Every secret the tests send or receive, for the whole-run check that no server log
    // holds one.
    Contract::recordSecret("token", token);
    const QJsonObject sent = QJsonDocument::fromJson(body).object();
    if (const QJsonValue password = sent.value("password"_L1); password.isString())
        Contract::recordSecret("password", password.toString().toUtf8());
    if (const QJsonValue issued = result.json().value("token"_L1); issued.isString())
        Contract::recordSecret("token", issued.toString().toUtf8());
    QList<QByteArray> names;
    for (const auto &[name, value] : result.headers)
        names.append(name);
    const bool sendsType = !body.isEmpty() || method == "POST" || method == "PATCH";
    Contract::recordHttp(method, url(path),
        sendsType ? QByteArrayView(contentType) : QByteArrayView(), result.status,
        result.header("content-type"), result.body, names, body);
}

QByteArray TestServer::registerUser(
    const QString &email, const QString &name, const QString &password)
{
    const auto r = postJson(u"/api/auth/register"_s,
        { { u"email"_s, email }, { u"name"_s, name }, { u"password"_s, password } });
    if (r.status != 201) {
        qWarning() << "register failed" << r.status << r.body;
        return {};
    }
    return r.json().value("token"_L1).toString().toLatin1();
}

QList<RawResponse> parseRawResponses(const QByteArray &stream, bool *complete)
{
    QList<RawResponse> out;
    qsizetype pos = 0;
    *complete = true;
    while (pos < stream.size()) {
        const qsizetype headEnd = stream.indexOf("\r\n\r\n", pos);
        if (headEnd < 0) {
            *complete = false;
            break;
        }
        const QByteArray head = stream.mid(pos, headEnd - pos);
        RawResponse r;
        r.status = head.mid(9, 3).toInt();
        qsizetype length = 0;
        for (const auto &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (headEnd + 4 + length > stream.size()) {
            *complete = false;
            break;
        }
        r.body = stream.mid(headEnd + 4, length);
        out.append(r);
        pos = headEnd + 4 + length;
    }
    return out;
}

std::unique_ptr<QTcpSocket> TestServer::connectRaw() const
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(u"127.0.0.1"_s, quint16(m_port));
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

QList<RawResponse> readRawResponses(QTcpSocket &socket, int count, int timeoutMs)
{
    QByteArray stream;
    QElapsedTimer timer;
    timer.start();
    bool complete = false;
    while (!timer.hasExpired(timeoutMs)) {
        const auto responses = parseRawResponses(stream, &complete);
        if (responses.size() >= count && complete)
            break;
        if (socket.state() != QAbstractSocket::ConnectedState && !socket.bytesAvailable())
            break;
        if (socket.waitForReadyRead(100))
            stream += socket.readAll();
    }
    stream += socket.readAll();
    return parseRawResponses(stream, &complete);
}

} // namespace Pudding::Test
