// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testserver.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <memory>

namespace Pudding::Test {

/// A signed-up account: its bearer token and its user id.
struct Account
{
    QByteArray token;
    qint64 id = 0;
    QString email;

    [[nodiscard]] bool isValid() const { return !token.isEmpty() && id > 0; }
};

/// What every server test starts from: a database of its own in the private PostgreSQL and
/// the real pudding-server on an ephemeral port against it, with typed helpers for the steps
/// the scenarios share (sign up, sign in, create a meetup, ask to join, decide) — all through
/// the real REST API.
///
/// It is used like a pointer to the started server (`fixture->get(…)`), so a suite that held
/// a `std::unique_ptr<TestServer>` reads the same. Torn down server first, database last.
class ServerFixture
{
public:
    ServerFixture() = default;
    ~ServerFixture();
    ServerFixture(const ServerFixture &) = delete;
    ServerFixture &operator=(const ServerFixture &) = delete;

    /// createDatabase(name) then startServer(options); false with errorString() otherwise.
    [[nodiscard]] bool start(const QString &name, const TestServer::Options &options = {});
    /// Only the database, for suites that prepare it (fault injection) before the server runs.
    [[nodiscard]] bool createDatabase(const QString &name);
    /// The server against the database made by createDatabase().
    [[nodiscard]] bool startServer(const TestServer::Options &options = {});
    /// The server against another database (e.g. a PostgreSQL the test restarts itself).
    [[nodiscard]] bool startServerOn(
        const QString &databaseUrl, const TestServer::Options &options = {});
    /// Stops the server: true when it was still running and exited normally with code 0.
    [[nodiscard]] bool stopCleanly();
    /// What the last failed start or stopCleanly() found.
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] TestServer &server() { return *m_server; }
    [[nodiscard]] TestServer *operator->() { return m_server.get(); }
    [[nodiscard]] const TestServer *operator->() const { return m_server.get(); }
    [[nodiscard]] TestServer &operator*() { return *m_server; }
    /// The database's connection URL (for a second server or a direct connection).
    [[nodiscard]] QString databaseUrl() const { return m_databaseUrl; }
    /// A direct connection to the database, named `connectionName`, to check what the server
    /// stored; closed and removed when the fixture goes.
    [[nodiscard]] QSqlDatabase sql(const QString &connectionName);

    // ---- the shared scenario steps ----------------------------------------------------------

    static inline const QString kPassword = QStringLiteral("correct horse battery 9");

    /// A new account `name` with an email of its own (userN@example.org); invalid on failure.
    Account signUp(const QString &name = QStringLiteral("Test User"));
    /// Logs in; the token, empty on failure.
    QByteArray signIn(const QString &email, const QString &password = kPassword);
    /// The account's user id (GET /api/auth/me), 0 on failure.
    qint64 userId(const QByteArray &token);
    /// A meetup in Frankfurt five days from now; its id (0 on failure).
    qint64 createMeetup(const QByteArray &organizer, int limit = 10);
    /// A meetup from this draft; its id (0 on failure).
    qint64 createMeetup(const QByteArray &organizer, const QJsonObject &draft);
    /// A request to join as multipart/form-data (puddingName, puddingDescription unless empty,
    /// photo), whatever the answer.
    HttpResult postJoin(qint64 eventId, const QByteArray &token, const QByteArray &photo,
        const QByteArray &puddingName = "Schokoladenpudding",
        const QByteArray &description = "Mit Sahne.");
    /// A request to join with a photo of its own; the attendance id (0 on failure).
    qint64 requestJoin(qint64 eventId, const QByteArray &token);
    /// The organizer's decision ("APPROVED" or "REJECTED"), whatever the answer.
    HttpResult decision(
        qint64 eventId, qint64 attendanceId, const char *status, const QByteArray &organizer);
    /// The organizer's decision; the HTTP status.
    int decide(qint64 eventId, qint64 attendanceId, const char *status, const QByteArray &organizer)
    {
        return decision(eventId, attendanceId, status, organizer).status;
    }
    /// A new account that asked to join `eventId` and was approved by `organizer`; invalid
    /// when any step failed.
    Account approvedGuest(qint64 eventId, const QByteArray &organizer, const QString &name);

private:
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<TestServer> m_server;
    QString m_databaseUrl;
    QString m_error;
    QStringList m_connections;
    int m_serial = 0;
};

} // namespace Pudding::Test
