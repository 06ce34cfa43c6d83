// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/logcontext.h"
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
    [[nodiscard]] QSqlDatabase addConnection(
        const QString &name, QStringView applicationName) const;
};

/// One connection owned by one thread, with its prepared statements kept alive (QPSQL prepares
/// at SQL level; re-preparing per request costs a round trip).
class DbSession
{
public:
    DbSession(DbConfig config, QString connectionName);
    ~DbSession();
    DbSession(const DbSession &) = delete;
    DbSession &operator=(const DbSession &) = delete;

    /// Opens (or re-opens after a failure) the connection.
    [[nodiscard]] bool ensureOpen();
    [[nodiscard]] QSqlDatabase &db() { return m_db; }
    /// A prepared, forward-only query for `sql`, prepared once per connection.
    /// Returns nullptr (and logs) when preparing fails.
    [[nodiscard]] QSqlQuery *prepared(const QString &sql);
    /// Binds the values positionally and executes; logs the database's text on failure.
    /// Inside a Transaction a failure also marks the transaction failed (it cannot commit).
    [[nodiscard]] bool exec(QSqlQuery *query, const QVariantList &values = {});
    /// prepared(sql) then exec(): the query to read from, or nullptr on failure.
    [[nodiscard]] QSqlQuery *run(const QString &sql, const QVariantList &values = {});
    /// Runs `sql` directly (no parameters), e.g. for migrations.
    [[nodiscard]] bool execDirect(const QString &sql);
    [[nodiscard]] QSqlError lastError() const { return m_lastError; }
    /// Forget prepared statements and the connection (after a connection-level failure).
    void reset();

    /// What libpq says about the connection's transaction (see Transaction::commit()).
    enum class TransactionState { Idle, Active, InTransaction, Failed, Unknown };
    [[nodiscard]] TransactionState transactionState() const;

private:
    friend class Transaction;
    void noteFailure(const QSqlError &error);

    DbConfig m_config;
    QString m_name;
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_prepared;
    QSqlError m_lastError;
    class Transaction *m_transaction = nullptr; ///< the open transaction, if any
};

/// A transaction as an object (after cutelyst/asql's ATransaction): BEGIN in the constructor,
/// ROLLBACK in the destructor unless committed. The first failed statement on the session
/// sticks — whichever code ran it — so a transaction with any failed statement can never be
/// reported as committed. commit() fails unless the server really committed: PostgreSQL answers
/// COMMIT on an aborted transaction with ROLLBACK and no error, so the connection's transaction
/// status is asked before and after COMMIT.
class Transaction
{
public:
    explicit Transaction(DbSession &session);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// False once BEGIN or any statement inside failed.
    [[nodiscard]] bool ok() const { return !m_failed; }
    /// Runs a prepared statement in the transaction; nullptr (and nothing run) once failed.
    [[nodiscard]] QSqlQuery *exec(const QString &sql, const QVariantList &values = {});
    /// Commits. False when anything failed or the server did not commit; then it rolled back.
    [[nodiscard]] bool commit();
    /// Ends the transaction without committing (also what the destructor does).
    void rollback();
    /// Marks the transaction failed from outside (e.g. a check on a statement's result).
    void fail(const QSqlError &error);
    /// The first failure's error.
    [[nodiscard]] QSqlError error() const { return m_error; }
    [[nodiscard]] DbSession &session() { return m_session; }
    [[nodiscard]] bool committed() const { return m_committed; }

private:
    friend class DbSession;
    DbSession &m_session;
    QSqlError m_error;
    bool m_failed = false;
    bool m_open = false;
    bool m_committed = false;
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
    ///
    /// The job carries the caller's log context (the request id and user, see LogContext) and
    /// sets it on its thread (LogContext::setCurrent), so its log lines, its continuations and
    /// the jobs they queue name the request. With metrics on, the time it
    /// waited for a thread and the time it ran are observed (pudding_db_pool_wait_seconds,
    /// pudding_db_query_duration_seconds).
    template <typename F> auto run(F &&f) -> QFuture<std::invoke_result_t<F, DbSession &>>
    {
        return QtConcurrent::run(
            &m_pool, [this, f = std::forward<F>(f), job = JobTrace::begin()]() mutable {
                const JobTrace::Running running(job);
                return f(session());
            });
    }

    void waitForDone() { m_pool.waitForDone(); }

    /// What a job takes along from where it was queued (see run()).
    struct JobTrace
    {
        LogContext context;
        qint64 queuedNs = 0; ///< 0 with metrics off

        [[nodiscard]] static JobTrace begin();
        /// While a job runs: its log context set, its wait and run time observed.
        class Running
        {
        public:
            explicit Running(const JobTrace &job);
            ~Running();
            Running(const Running &) = delete;
            Running &operator=(const Running &) = delete;

        private:
            qint64 m_startNs = 0;
        };
    };

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
