// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "http/logging.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

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

DbSession::DbSession(const DbConfig &config, const QString &connectionName)
    : m_config(config)
    , m_name(connectionName)
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
    return true;
}

void DbSession::reset()
{
    m_prepared.clear();
    m_db.close();
}

QSqlQuery *DbSession::prepared(const QString &sql)
{
    if (!ensureOpen())
        return nullptr;
    auto it = m_prepared.constFind(sql);
    if (it != m_prepared.cend())
        return it->get();
    auto query = std::make_shared<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        m_lastError = query->lastError();
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
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values[i]);
    if (query->exec())
        return true;
    m_lastError = query->lastError();
    qCWarning(lcDb) << "query failed:" << m_lastError.text();
    if (m_lastError.type() == QSqlError::ConnectionError || !m_db.isOpen()
        || m_db.driver()->lastError().type() == QSqlError::ConnectionError) {
        reset();
    }
    return false;
}

bool DbSession::execDirect(const QString &sql)
{
    if (!ensureOpen())
        return false;
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    m_lastError = q.lastError();
    qCWarning(lcDb) << "statement failed:" << m_lastError.text();
    return false;
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

DbSession &Database::session()
{
    if (!m_sessions.hasLocalData()) {
        const QString name = u"pudding-db-%1-%2"_s.arg(quintptr(this)).arg(++m_sessionCounter);
        m_sessions.setLocalData(new DbSession(m_config, name));
    }
    return *m_sessions.localData();
}

bool Database::checkConnection(QString *error) const
{
    const QString name = u"pudding-check-%1"_s.arg(quintptr(QThread::currentThread()));
    bool ok;
    {
        DbSession session(m_config, name);
        ok = session.ensureOpen() && session.execDirect(u"SELECT 1"_s);
        if (!ok && error)
            *error = session.lastError().text();
    }
    return ok;
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
