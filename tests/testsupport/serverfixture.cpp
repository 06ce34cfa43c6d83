// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverfixture.h"

#include "fixtures.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace Pudding::Test {

ServerFixture::~ServerFixture()
{
    m_server.reset();
    for (const QString &name : std::as_const(m_connections)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    m_database.reset();
}

bool ServerFixture::start(const QString &name, const TestServer::Options &options)
{
    return createDatabase(name) && startServer(options);
}

bool ServerFixture::createDatabase(const QString &name)
{
    m_database = std::make_unique<TestDatabase>(name);
    if (!m_database->isValid()) {
        m_error = u"no test database: "_s + m_database->errorString();
        return false;
    }
    m_databaseUrl = m_database->url();
    return true;
}

bool ServerFixture::startServer(const TestServer::Options &options)
{
    if (m_databaseUrl.isEmpty()) {
        m_error = u"startServer() before createDatabase()"_s;
        return false;
    }
    return startServerOn(m_databaseUrl, options);
}

bool ServerFixture::startServerOn(const QString &databaseUrl, const TestServer::Options &options)
{
    m_databaseUrl = databaseUrl;
    m_server = std::make_unique<TestServer>(databaseUrl, options);
    if (!m_server->start()) {
        m_error = u"the server did not start: "_s + m_server->log();
        return false;
    }
    return true;
}

bool ServerFixture::stopCleanly()
{
    if (!m_server || !m_server->isRunning()) {
        m_error = u"the server did not survive the tests: "_s
            + (m_server ? m_server->log() : u"it never started"_s);
        return false;
    }
    m_server->stop();
    const QProcess &process = m_server->process();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = u"the server exited with status %1, code %2: "_s.arg(int(process.exitStatus()))
                      .arg(process.exitCode())
            + m_server->log();
        return false;
    }
    return true;
}

QSqlDatabase ServerFixture::sql(const QString &connectionName)
{
    if (!m_connections.contains(connectionName))
        m_connections.append(connectionName);
    QSqlDatabase db = TestDatabase::open(m_databaseUrl, connectionName);
    if (!db.isOpen())
        qWarning().noquote() << "no direct connection:" << db.lastError().text();
    return db;
}

Account ServerFixture::signUp(const QString &name)
{
    Account account;
    account.email = u"user%1@example.org"_s.arg(++m_serial);
    const auto r = m_server->postJson(u"/api/auth/register"_s,
        { { u"email"_s, account.email }, { u"name"_s, name }, { u"password"_s, kPassword } });
    if (r.status != 201) {
        qWarning() << "sign-up failed" << r.status << r.body;
        return account;
    }
    account.token = r.json().value("token"_L1).toString().toLatin1();
    account.id = r.json().value("user"_L1).toObject().value("id"_L1).toInteger();
    return account;
}

QByteArray ServerFixture::signIn(const QString &email, const QString &password)
{
    const auto r = m_server->postJson(
        u"/api/auth/login"_s, { { u"email"_s, email }, { u"password"_s, password } });
    if (r.status != 200)
        qWarning() << "sign-in failed" << r.status << r.body;
    return r.json().value("token"_L1).toString().toLatin1();
}

qint64 ServerFixture::userId(const QByteArray &token)
{
    return m_server->get(u"/api/auth/me"_s, token)
        .json()
        .value("user"_L1)
        .toObject()
        .value("id"_L1)
        .toInteger();
}

qint64 ServerFixture::createMeetup(const QByteArray &organizer, int limit)
{
    return Fixtures::createEvent(*m_server, organizer, limit);
}

qint64 ServerFixture::createMeetup(const QByteArray &organizer, const QJsonObject &draft)
{
    const auto r = m_server->postJson(u"/api/events"_s, draft, organizer);
    if (r.status != 201)
        qWarning() << "create event failed" << r.status << r.body;
    return r.json().value("id"_L1).toInteger();
}

HttpResult ServerFixture::postJoin(qint64 eventId, const QByteArray &token, const QByteArray &photo,
    const QByteArray &puddingName, const QByteArray &description)
{
    return Fixtures::postJoin(
        *m_server, eventId, token, Fixtures::joinBody(puddingName, description, photo));
}

qint64 ServerFixture::requestJoin(qint64 eventId, const QByteArray &token)
{
    return Fixtures::requestJoin(*m_server, eventId, token, ++m_serial);
}

HttpResult ServerFixture::decision(
    qint64 eventId, qint64 attendanceId, const char *status, const QByteArray &organizer)
{
    return Fixtures::decision(*m_server, eventId, attendanceId, status, organizer);
}

Account ServerFixture::approvedGuest(
    qint64 eventId, const QByteArray &organizer, const QString &name)
{
    Account guest = signUp(name);
    if (!guest.isValid()
        || !Fixtures::joinApproved(*m_server, eventId, guest.token, organizer, m_serial))
        return {};
    return guest;
}

} // namespace Pudding::Test
