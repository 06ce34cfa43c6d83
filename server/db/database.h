// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QFuture>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QThreadStorage>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>
#include <optional>

namespace Pudding::Server {

/// Where the database is: parsed from postgresql://user:password@host:port/dbname?host=/socket
struct DbConfig
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;

    [[nodiscard]] static std::optional<DbConfig> fromUrl(const QString &url);
    /// For logs: the URL without the password.
    [[nodiscard]] QString displayUrl() const;
    /// A QPSQL connection named `name` (not opened yet) to this database.
    [[nodiscard]] QSqlDatabase addConnection(const QString &name,
                                             QStringView applicationName) const;
};

/// One connection owned by one thread, with its prepared statements kept alive (QPSQL prepares
/// at SQL level; re-preparing per request costs a round trip).
class DbSession
{
public:
    DbSession(const DbConfig &config, const QString &connectionName);
    ~DbSession();
    DbSession(const DbSession &) = delete;
    DbSession &operator=(const DbSession &) = delete;

    /// Opens (or re-opens after a failure) the connection.
    bool ensureOpen();
    [[nodiscard]] QSqlDatabase &db() { return m_db; }
    /// A prepared, forward-only query for `sql`, prepared once per connection.
    /// Returns nullptr (and logs) when preparing fails.
    QSqlQuery *prepared(const QString &sql);
    /// Binds the values positionally and executes; logs the database's text on failure.
    bool exec(QSqlQuery *query, const QVariantList &values = {});
    /// Runs `sql` directly (no parameters), e.g. for BEGIN/COMMIT or migrations.
    bool execDirect(const QString &sql);
    [[nodiscard]] QSqlError lastError() const { return m_lastError; }
    /// Forget prepared statements and the connection (after a connection-level failure).
    void reset();

private:
    DbConfig m_config;
    QString m_name;
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_prepared;
    QSqlError m_lastError;
};

/// The database as the rest of the server sees it: work runs on a dedicated pool of threads,
/// each with its own DbSession, so no HTTP thread ever waits for PostgreSQL and no request
/// waits behind another request's database work (up to the pool size).
class Database
{
public:
    Database(DbConfig config, int threads);
    ~Database();

    [[nodiscard]] const DbConfig &config() const { return m_config; }

    /// Runs f(DbSession &) on a database thread; the future carries f's result.
    template <typename F>
    auto run(F &&f) -> QFuture<std::invoke_result_t<F, DbSession &>>
    {
        return QtConcurrent::run(&m_pool, [this, f = std::forward<F>(f)]() mutable {
            return f(session());
        });
    }

    /// A synchronous check at start-up (from any thread, on a temporary connection).
    bool checkConnection(QString *error) const;
    void waitForDone() { m_pool.waitForDone(); }

private:
    DbSession &session();

    DbConfig m_config;
    QThreadStorage<DbSession *> m_sessions;
    std::atomic_int m_sessionCounter = 0;
    QThreadPool m_pool; // declared last: destroyed first, so threads end before m_sessions
};

/// Logs a database failure with its text and returns the error the client sees (no internals).
[[nodiscard]] Error databaseError(const QSqlError &error, const char *what);

} // namespace Pudding::Server
