// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "dblogging.h"
#include "metrics/servermetrics.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <libpq-fe.h>

#include <chrono>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class DbText
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};
} // namespace

std::optional<DbConfig> DbConfig::fromUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != "postgresql"_L1 && u.scheme() != "postgres"_L1))
        return std::nullopt;
    DbConfig c;
    c.host = u.host();
    c.port = u.port(5432);
    c.user = u.userName(QUrl::FullyDecoded);
    c.password = u.password(QUrl::FullyDecoded);
    c.database = u.path().mid(1);
    const QUrlQuery q(u);
    if (q.hasQueryItem(u"host"_s))
        c.host = q.queryItemValue(u"host"_s, QUrl::FullyDecoded);
    if (q.hasQueryItem(u"port"_s))
        c.port = q.queryItemValue(u"port"_s).toInt();
    if (c.database.isEmpty())
        return std::nullopt;
    return c;
}

QString DbConfig::displayUrl() const
{
    const QString hostPart = host.startsWith(u'/') ? QString() : host;
    QString url = u"postgresql://"_s % user % u"@"_s % hostPart % u":"_s % QString::number(port)
        % u"/"_s % database;
    if (host.startsWith(u'/'))
        url += u"?host="_s % host;
    return url;
}

QSqlDatabase DbConfig::addConnection(const QString &name, QStringView applicationName) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    db.setHostName(host);
    db.setPort(port);
    db.setUserName(user);
    db.setPassword(password);
    db.setDatabaseName(database);
    db.setConnectOptions(u"connect_timeout=5;application_name="_s % applicationName);
    return db;
}

DbSession::DbSession(DbConfig config, QString connectionName)
    : m_config(std::move(config))
    , m_name(std::move(connectionName))
{
    m_db = m_config.addConnection(m_name, u"pudding-server");
}

DbSession::~DbSession()
{
    m_prepared.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

namespace {
PGconn *pgConnection(const QSqlDatabase &db);

/// libpq prints a server's NOTICE/WARNING ("relation … already exists, skipping") straight to
/// stderr, past the log format (a JSON log would get a line that is not JSON): they go
/// through the logging category instead.
void logNotice(void *, const char *message)
{
    qCInfo(lcDb).noquote() << "server notice:" << QString::fromUtf8(message).trimmed();
}
} // namespace

bool DbSession::ensureOpen()
{
    if (m_db.isOpen())
        return true;
    m_prepared.clear();
    if (!m_db.open()) {
        m_lastError = m_db.lastError();
        qCWarning(lcDb) << "cannot connect to" << m_config.displayUrl() << ":"
                        << m_lastError.text();
        return false;
    }
    if (PGconn *conn = pgConnection(m_db))
        PQsetNoticeProcessor(conn, logNotice, nullptr);
    return true;
}

void DbSession::reset()
{
    m_prepared.clear();
    m_db.close();
}

void DbSession::noteFailure(const QSqlError &error)
{
    m_lastError = error;
    if (m_transaction)
        m_transaction->fail(error);
}

QSqlQuery *DbSession::prepared(const QString &sql)
{
    if (!ensureOpen()) {
        noteFailure(m_lastError);
        return nullptr;
    }
    auto it = m_prepared.constFind(sql);
    if (it != m_prepared.cend())
        return it->get();
    auto query = std::make_shared<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        noteFailure(query->lastError());
        qCWarning(lcDb) << "prepare failed:" << m_lastError.text();
        return nullptr;
    }
    m_prepared.insert(sql, query);
    return query.get();
}

bool DbSession::exec(QSqlQuery *query, const QVariantList &values)
{
    if (!query)
        return false;
    if (m_transaction && !m_transaction->ok())
        return false; // the server would refuse it anyway ("current transaction is aborted")
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values[i]);
    if (query->exec())
        return true;
    noteFailure(query->lastError());
    qCWarning(lcDb) << "query failed:" << m_lastError.text();
    if (m_lastError.type() == QSqlError::ConnectionError || !m_db.isOpen()
        || m_db.driver()->lastError().type() == QSqlError::ConnectionError) {
        reset();
    }
    return false;
}

QSqlQuery *DbSession::run(const QString &sql, const QVariantList &values)
{
    QSqlQuery *query = prepared(sql);
    return exec(query, values) ? query : nullptr;
}

bool DbSession::execDirect(const QString &sql)
{
    if (!ensureOpen()) {
        noteFailure(m_lastError);
        return false;
    }
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    noteFailure(q.lastError());
    qCWarning(lcDb) << "statement failed:" << m_lastError.text();
    return false;
}

namespace {
/// QPSQL's connection (its handle is registered as "pg_conn*", the struct's name).
PGconn *pgConnection(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0
            && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}
} // namespace

DbSession::TransactionState DbSession::transactionState() const
{
    PGconn *conn = pgConnection(m_db);
    if (!conn)
        return TransactionState::Unknown;
    // A forward-only (single-row mode) query leaves its final result unread until QPSQL's
    // next statement discards it, and libpq reports "active" meanwhile. Discard it now, as
    // QPSQL would: what matters here is whether the transaction is intact.
    if (PQtransactionStatus(conn) == PQTRANS_ACTIVE) {
        while (PGresult *result = PQgetResult(conn))
            PQclear(result);
    }
    switch (PQtransactionStatus(conn)) {
    case PQTRANS_IDLE:
        return TransactionState::Idle;
    case PQTRANS_ACTIVE:
        return TransactionState::Active;
    case PQTRANS_INTRANS:
        return TransactionState::InTransaction;
    case PQTRANS_INERROR:
        return TransactionState::Failed;
    case PQTRANS_UNKNOWN:
        break;
    }
    return TransactionState::Unknown;
}

Transaction::Transaction(DbSession &session)
    : m_session(session)
{
    Q_ASSERT_X(!session.m_transaction, "Transaction", "transactions do not nest");
    if (!session.ensureOpen()) {
        m_failed = true;
        m_error = session.lastError();
        return;
    }
    QSqlQuery begin(session.db());
    if (!begin.exec(u"BEGIN"_s)) {
        m_failed = true;
        m_error = begin.lastError();
        session.m_lastError = m_error;
        qCWarning(lcDb) << "BEGIN failed:" << m_error.text();
        return;
    }
    m_open = true;
    session.m_transaction = this;
}

Transaction::~Transaction()
{
    rollback();
}

void Transaction::fail(const QSqlError &error)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error = error.isValid()
        ? error
        : QSqlError(u"transaction"_s, u"marked failed"_s, QSqlError::TransactionError);
}

QSqlQuery *Transaction::exec(const QString &sql, const QVariantList &values)
{
    if (m_failed || !m_open)
        return nullptr;
    return m_session.run(sql, values);
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    m_session.m_transaction = nullptr;
    QSqlQuery q(m_session.db());
    if (!q.exec(u"ROLLBACK"_s)) {
        // The connection is in an unknown state: start afresh on the next use.
        qCWarning(lcDb) << "ROLLBACK failed:" << q.lastError().text();
        m_session.reset();
    }
}

bool Transaction::commit()
{
    if (!m_open)
        return false;
    if (m_failed) {
        rollback();
        return false;
    }
    // An aborted transaction would answer COMMIT with ROLLBACK and no error.
    const auto before = m_session.transactionState();
    if (before != DbSession::TransactionState::InTransaction) {
        fail(QSqlError(u"transaction"_s, u"not committable (libpq state %1)"_s.arg(int(before)),
            QSqlError::TransactionError));
        qCWarning(lcDb) << "refusing to COMMIT:" << m_error.text();
        rollback();
        return false;
    }
    m_open = false;
    m_session.m_transaction = nullptr;
    QSqlQuery q(m_session.db());
    if (!q.exec(u"COMMIT"_s)) {
        fail(q.lastError());
        m_session.m_lastError = m_error;
        qCWarning(lcDb) << "COMMIT failed:" << m_error.text();
        if (m_session.transactionState() != DbSession::TransactionState::Idle)
            m_session.reset();
        return false;
    }
    if (m_session.transactionState() != DbSession::TransactionState::Idle) {
        fail(QSqlError(u"transaction"_s, u"still in a transaction after COMMIT"_s,
            QSqlError::TransactionError));
        m_session.reset();
        return false;
    }
    m_committed = true;
    return true;
}

Database::Database(DbConfig config, int threads)
    : m_config(std::move(config))
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setExpiryTimeout(-1); // keep threads (and their connections) alive
    m_pool.setObjectName(u"pudding-db"_s);
}

Database::~Database()
{
    m_pool.waitForDone();
}

namespace {
qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

Database::JobTrace Database::JobTrace::begin()
{
    JobTrace job;
    job.context = LogContext(LogContext::current().requestId, LogContext::current().userId);
    if (Metrics::enabled())
        job.queuedNs = steadyNs();
    return job;
}

Database::JobTrace::Running::Running(const JobTrace &job)
{
    LogContext::setCurrent(job.context);
    if (job.queuedNs) {
        m_startNs = steadyNs();
        Metrics::server().dbPoolWait->observe(m_startNs - job.queuedNs);
    }
    if (lcDb().isDebugEnabled() && !job.context.requestId.isEmpty())
        qCDebug(lcDb) << "database job for the request started";
}

Database::JobTrace::Running::~Running()
{
    if (m_startNs)
        Metrics::server().dbJobDuration->observe(steadyNs() - m_startNs);
}

DbSession &Database::session()
{
    if (!m_sessions.hasLocalData()) {
        const QString name = u"pudding-db-%1-%2"_s.arg(quintptr(this)).arg(++m_sessionCounter);
        m_sessions.setLocalData(new DbSession(m_config, name));
    }
    return *m_sessions.localData();
}

Error databaseError(const QSqlError &error, const char *what)
{
    qCWarning(lcDb) << what << "failed:" << error.text();
    if (error.type() == QSqlError::ConnectionError)
        return { QString(Protocol::ErrorCode::Unavailable),
            DbText::tr("The database is not reachable right now. Please try again."), {} };
    return { QString(Protocol::ErrorCode::Internal),
        DbText::tr("Something went wrong on the server. Please try again later."), {} };
}

} // namespace Pudding::Server
