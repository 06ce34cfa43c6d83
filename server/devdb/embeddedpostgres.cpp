// SPDX-License-Identifier: GPL-3.0-or-later
#include "embeddedpostgres.h"

#include "devdblogging.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

namespace Pudding::Server {

namespace {

constexpr QStringView kSuperuser = u"pudding";
constexpr QStringView kRelocationRoot = u"/var/tmp/pudding-gabel-pg";
constexpr QStringView kTempSocketPrefix = u"/tmp/pudding-pg-";
constexpr int kMaxSocketPathLength = 100;
constexpr int kStartTimeoutMs = 90000; // pg_ctl itself gives up after 60 s
constexpr int kInitdbTimeoutMs = 120000;
constexpr int kLockTimeoutMs = 180000;

/// Paths we put verbatim into pg_ctl's -o string (which goes through a shell and through
/// PostgreSQL's list parser) must not need any quoting.
bool safeForOptionString(const QString &path)
{
    static const QRegularExpression safe(u"^[A-Za-z0-9/._+-]+$"_s);
    return safe.match(path).hasMatch();
}

QString percentEncoded(const QString &text, const QByteArray &exclude = {})
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, exclude));
}

/// postmaster.pid as lines: 1 PID, 2 data directory, 3 start time, 4 port, 5 first Unix
/// socket directory, 6 first listen address, 7 shared memory key, 8 status (PostgreSQL docs,
/// "Database File Layout").
QStringList readPidFileLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll()).split(QLatin1Char('\n'));
}

} // namespace

QString PgConnectionInfo::toUrl() const
{
    QString url = u"postgresql://"_s;
    if (!user.isEmpty() || !password.isEmpty()) {
        url += percentEncoded(user);
        if (!password.isEmpty())
            url += QLatin1Char(':') + percentEncoded(password);
        url += QLatin1Char('@');
    }
    if (host.startsWith(QLatin1Char('/'))) {
        url += QLatin1Char('/') + percentEncoded(database) + u"?host="_s
            + percentEncoded(host, QByteArrayLiteral("/")) + u"&port="_s + QString::number(port);
    } else {
        const QString hostPart = host.contains(QLatin1Char(':'))
            ? QLatin1Char('[') + host + QLatin1Char(']')
            : percentEncoded(host);
        url += hostPart + QLatin1Char(':') + QString::number(port) + QLatin1Char('/')
            + percentEncoded(database);
    }
    return url;
}

EmbeddedPostgres::EmbeddedPostgres(QString dataDir)
    : m_requestedDir(std::move(dataDir))
{
    m_requestedDir = QDir::cleanPath(QFileInfo(m_requestedDir).absoluteFilePath());
    m_dataDir = m_requestedDir;
    if (!m_user.isOtherUser() || m_user.name().isEmpty())
        return; // start() reports a missing user
    if (!m_user.canReach(m_requestedDir)) {
        const QByteArray hash
            = QCryptographicHash::hash(m_requestedDir.toUtf8(), QCryptographicHash::Sha256);
        m_dataDir = kRelocationRoot.toString() + QLatin1Char('/')
            + QString::fromLatin1(hash.toHex().left(16));
        m_relocated = true;
        qCInfo(lcEmbeddedPg).noquote()
            << "Data directory" << m_requestedDir << "is not reachable by the user" << m_user.name()
            << "that runs PostgreSQL (a parent directory is not searchable);"
            << "using" << m_dataDir << "instead";
    }
}

EmbeddedPostgres::~EmbeddedPostgres()
{
    if (m_running && m_startedByUs && !m_keepRunning)
        stop();
}

bool EmbeddedPostgres::start()
{
    m_errorString.clear();
    if (m_running)
        return true;

    QElapsedTimer timer;
    timer.start();

    if (!resolveBinaries() || !prepareDataDir())
        return false;

    // Serialise concurrent starters on the same data directory (e.g. parallel test
    // processes): the loser then finds the winner's postmaster and reuses it.
    const QFileInfo dirInfo(m_dataDir);
    QLockFile lock(dirInfo.absolutePath() + u"/."_s + dirInfo.fileName() + u".pudding-lock"_s);
    lock.setStaleLockTime(0); // only a dead owner makes the lock stale
    if (!lock.tryLock(kLockTimeoutMs)) {
        if (lock.error() == QLockFile::LockFailedError) {
            setError(
                u"Timed out waiting for another process starting PostgreSQL in "_s + m_dataDir);
            return false;
        }
        qCWarning(lcEmbeddedPg).noquote()
            << "Could not create a lock file next to" << m_dataDir
            << "; starting without protection against concurrent starts";
    }

    bool reused = false;
    if (!reuseIfRunning(&reused))
        return false;
    if (reused) {
        qCInfo(lcEmbeddedPg).noquote()
            << "Reusing the PostgreSQL server already running on" << m_dataDir
            << (u"(socket "_s + m_socketDir + u", port "_s + QString::number(m_port) + u")"_s);
        return true;
    }

    if (m_user.isOtherUser() && !chownToPgUser(m_dataDir, true))
        return false;

    if (!QFileInfo::exists(m_dataDir + u"/PG_VERSION"_s) && !initCluster())
        return false;

    if (!startPostmaster())
        return false;

    qCInfo(lcEmbeddedPg).noquote()
        << "PostgreSQL" << (m_startedByUs ? "started" : "reused") << "on" << m_dataDir << "in"
        << timer.elapsed()
        << (u"ms (socket "_s + m_socketDir + u", port "_s + QString::number(m_port) + u")"_s);
    return true;
}

void EmbeddedPostgres::stop()
{
    if (!m_running || !m_startedByUs)
        return;

    const ProcessResult result = m_user.run(m_bin.pgCtl,
        { u"-D"_s, m_dataDir, u"-m"_s, u"fast"_s, u"-w"_s, u"-t"_s, u"30"_s, u"stop"_s });
    if (!result.finished || result.exitCode != 0) {
        if (clusterStatus() == 0) {
            setProcessError(u"Could not stop PostgreSQL"_s, result, true);
            return;
        }
    } else {
        qCInfo(lcEmbeddedPg).noquote() << "PostgreSQL on" << m_dataDir << "stopped";
    }
    m_running = false;
    m_startedByUs = false;
    m_socketDir.clear();
    removeTempSocketDir(m_tempSocketDir);
    m_tempSocketDir.clear();
}

bool EmbeddedPostgres::stopCluster()
{
    m_errorString.clear();
    if (m_running && m_startedByUs) {
        stop();
        return !m_running;
    }
    if (!resolveBinaries())
        return false;

    const QString pidFile = m_dataDir + u"/postmaster.pid"_s;
    if (QFileInfo::exists(pidFile)) {
        const QStringList lines = readPidFileLines(pidFile);
        const QString socketDir = lines.size() > 4 ? lines.at(4).trimmed() : QString();
        const ProcessResult result = m_user.run(m_bin.pgCtl,
            { u"-D"_s, m_dataDir, u"-m"_s, u"fast"_s, u"-w"_s, u"-t"_s, u"30"_s, u"stop"_s });
        if ((!result.finished || result.exitCode != 0) && clusterStatus() == 0) {
            setProcessError(u"Could not stop PostgreSQL"_s, result, true);
            return false;
        }
        removeTempSocketDir(socketDir);
        qCInfo(lcEmbeddedPg).noquote() << "PostgreSQL on" << m_dataDir << "stopped";
    }
    m_running = false;
    m_startedByUs = false;
    m_socketDir.clear();
    removeTempSocketDir(m_tempSocketDir);
    m_tempSocketDir.clear();
    return true;
}

bool EmbeddedPostgres::isRunning() const
{
    return m_running;
}

bool EmbeddedPostgres::ownsCluster() const
{
    return m_running && m_startedByUs;
}

QString EmbeddedPostgres::errorString() const
{
    return m_errorString;
}

QString EmbeddedPostgres::dataDir() const
{
    return m_dataDir;
}

QString EmbeddedPostgres::requestedDataDir() const
{
    return m_requestedDir;
}

bool EmbeddedPostgres::isRelocated() const
{
    return m_relocated;
}

QString EmbeddedPostgres::logFilePath() const
{
    return m_dataDir + u"/postgresql.log"_s;
}

QString EmbeddedPostgres::socketDir() const
{
    return m_socketDir;
}

int EmbeddedPostgres::port() const
{
    return m_port;
}

void EmbeddedPostgres::setPort(int port)
{
    if (m_running || port < 1 || port > 65535)
        return;
    m_port = port;
}

PgConnectionInfo EmbeddedPostgres::connectionInfo(const QString &database) const
{
    PgConnectionInfo info;
    info.host = m_socketDir;
    info.port = m_port;
    info.user = kSuperuser.toString();
    info.database = database;
    return info;
}

bool EmbeddedPostgres::ensureDatabase(const QString &name)
{
    m_errorString.clear();
    if (!validDatabaseName(name))
        return false;
    if (!m_running) {
        setError(u"Cannot create database \""_s + name + u"\": PostgreSQL is not running"_s);
        return false;
    }

    const QString exists = u"SELECT 1 FROM pg_database WHERE datname='"_s + name + u"'"_s;
    QString output;
    if (!runPsql(exists, &output))
        return false;
    if (output.trimmed() == u"1"_s)
        return true;

    if (!runPsql(u"CREATE DATABASE \""_s + name + u"\""_s, nullptr)) {
        // Lost a race against a concurrent creator? Then all is well.
        const QString error = m_errorString;
        QString again;
        if (runPsql(exists, &again) && again.trimmed() == u"1"_s) {
            m_errorString.clear();
            return true;
        }
        m_errorString = error;
        return false;
    }
    qCInfo(lcEmbeddedPg).noquote() << "Created database" << name;
    return true;
}

bool EmbeddedPostgres::dropDatabase(const QString &name)
{
    m_errorString.clear();
    if (!validDatabaseName(name))
        return false;
    if (!m_running) {
        setError(u"Cannot drop database \""_s + name + u"\": PostgreSQL is not running"_s);
        return false;
    }
    if (!runPsql(u"DROP DATABASE IF EXISTS \""_s + name + u"\" WITH (FORCE)"_s, nullptr))
        return false;
    qCInfo(lcEmbeddedPg).noquote() << "Dropped database" << name << "(if it existed)";
    return true;
}

void EmbeddedPostgres::setKeepRunning(bool keep)
{
    m_keepRunning = keep;
}

bool EmbeddedPostgres::keepRunning() const
{
    return m_keepRunning;
}

bool EmbeddedPostgres::resolveBinaries()
{
    if (!m_bin.pgCtl.isEmpty())
        return true;
    auto found = PostgresBinaries::find();
    if (!found) {
        setError(found.error().message);
        return false;
    }
    if (const auto ready = m_user.prepare(); !ready) {
        setError(ready.error().message);
        return false;
    }
    m_bin = std::move(found).value();
    return true;
}

bool EmbeddedPostgres::prepareDataDir()
{
    if (m_relocated) {
        const QByteArray root = QFile::encodeName(kRelocationRoot.toString());
        if (::mkdir(root.constData(), 0755) != 0 && errno != EEXIST) {
            setError(u"Cannot create "_s + kRelocationRoot.toString() + u": "_s
                + QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
    }
    if (!QDir().mkpath(m_dataDir)) {
        setError(u"Cannot create the PostgreSQL data directory "_s + m_dataDir);
        return false;
    }
    if (m_user.isOtherUser() && !m_relocated) {
        // mkpath may have created parents under a restrictive umask.
        if (!m_user.canReach(m_dataDir)) {
            setError(u"The user "_s + m_user.name() + u" cannot reach "_s + m_dataDir
                + u" (a parent directory is not searchable)"_s);
            return false;
        }
    }
    return true;
}

bool EmbeddedPostgres::initCluster()
{
    QElapsedTimer timer;
    timer.start();
    qCInfo(lcEmbeddedPg).noquote() << "Initialising a new PostgreSQL cluster in" << m_dataDir;

    const QStringList base = { u"-D"_s, m_dataDir, u"-U"_s, kSuperuser.toString(),
        u"--auth=trust"_s, u"--encoding=UTF8"_s, u"--no-instructions"_s };
    ProcessResult result
        = m_user.run(m_bin.initdb, base + QStringList { u"--locale=C.UTF-8"_s }, kInitdbTimeoutMs);
    if (!result.finished || result.exitCode != 0) {
        qCWarning(lcEmbeddedPg).noquote()
            << "initdb with locale C.UTF-8 failed, retrying with locale C:"
            << result.stdErr.trimmed();
        result = m_user.run(m_bin.initdb, base + QStringList { u"--locale=C"_s }, kInitdbTimeoutMs);
    }
    if (!result.finished || result.exitCode != 0) {
        setProcessError(u"Could not initialise a PostgreSQL cluster in "_s + m_dataDir, result);
        return false;
    }
    qCInfo(lcEmbeddedPg).noquote() << "initdb finished in" << timer.elapsed() << "ms";
    return true;
}

bool EmbeddedPostgres::startPostmaster()
{
    QString socketDir;
    if (!prepareSocketDir(&socketDir))
        return false;

    const QString options = u"-c listen_addresses='' -c unix_socket_directories='"_s + socketDir
        + u"' -c port="_s + QString::number(m_port)
        + u" -c fsync=on -c max_connections=200 -c shared_buffers=128MB"_s;
    const ProcessResult result = m_user.run(m_bin.pgCtl,
        { u"-D"_s, m_dataDir, u"-l"_s, logFilePath(), u"-w"_s, u"-t"_s, u"60"_s, u"-o"_s, options,
            u"start"_s },
        kStartTimeoutMs);
    if (!result.finished || result.exitCode != 0) {
        removeTempSocketDir(m_tempSocketDir);
        m_tempSocketDir.clear();
        // Someone else may have started it meanwhile (without our lock).
        bool reused = false;
        if (reuseIfRunning(&reused) && reused)
            return true;
        setProcessError(u"Could not start PostgreSQL"_s, result, true);
        return false;
    }
    m_socketDir = socketDir;
    m_running = true;
    m_startedByUs = true;
    return true;
}

bool EmbeddedPostgres::reuseIfRunning(bool *reused)
{
    *reused = false;
    const QString pidFile = m_dataDir + u"/postmaster.pid"_s;
    if (!QFileInfo::exists(pidFile) || clusterStatus() != 0)
        return true;

    // A postmaster runs. Wait until it is ready (it may be starting up right now); the pid
    // file then holds all lines we need.
    const QDeadlineTimer deadline(60000);
    for (;;) {
        if (!QFileInfo::exists(pidFile))
            return true; // it went away (was stopping); start our own
        const QStringList lines = readPidFileLines(pidFile);
        if (lines.size() > 7 && lines.at(7).trimmed() == u"ready"_s) {
            QString socketDir;
            int port = 0;
            if (!readPostmasterPid(&socketDir, &port))
                break;
            if (socketDir.isEmpty()) {
                setError(u"A PostgreSQL server runs on "_s + m_dataDir
                    + u" but without a Unix socket; stop it first"_s);
                return false;
            }
            m_socketDir = socketDir;
            m_port = port;
            m_running = true;
            m_startedByUs = false;
            *reused = true;
            return true;
        }
        if (deadline.hasExpired())
            break;
        QThread::msleep(100);
    }
    setError(u"A PostgreSQL server runs on "_s + m_dataDir + u" but did not become ready; see "_s
        + logFilePath());
    return false;
}

bool EmbeddedPostgres::prepareSocketDir(QString *socketDir)
{
    QString dir = m_dataDir + u"/socket"_s;
    const QString socketPath = dir + u"/.s.PGSQL."_s + QString::number(m_port);
    if (socketPath.size() <= kMaxSocketPathLength && safeForOptionString(dir)) {
        const QByteArray encoded = QFile::encodeName(dir);
        if (::mkdir(encoded.constData(), 0700) != 0 && errno != EEXIST) {
            setError(u"Cannot create the socket directory "_s + dir + u": "_s
                + QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        if (!chownToPgUser(dir, false))
            return false;
        ::chmod(encoded.constData(), 0700);
        *socketDir = dir;
        return true;
    }

    // Unix socket addresses are short (108 bytes); use a short private directory instead.
    QByteArray pattern = QFile::encodeName(kTempSocketPrefix.toString() + u"XXXXXX"_s);
    if (!::mkdtemp(pattern.data())) {
        setError(u"Cannot create a socket directory under /tmp: "_s
            + QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    dir = QFile::decodeName(pattern);
    if (!chownToPgUser(dir, false)) {
        QDir().rmdir(dir);
        return false;
    }
    qCInfo(lcEmbeddedPg).noquote() << "Socket path below" << m_dataDir
                                   << "would be too long; using the socket directory" << dir;
    m_tempSocketDir = dir;
    *socketDir = dir;
    return true;
}

bool EmbeddedPostgres::runPsql(const QString &sql, QString *output)
{
    if (m_bin.psql.isEmpty()) {
        setError(u"psql not found next to "_s + m_bin.pgCtl + u" nor in PATH"_s);
        return false;
    }
    const ProcessResult result = m_user.run(m_bin.psql,
        { u"-X"_s, u"-h"_s, m_socketDir, u"-p"_s, QString::number(m_port), u"-U"_s,
            kSuperuser.toString(), u"-d"_s, u"postgres"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-t"_s,
            u"-A"_s, u"-c"_s, sql });
    if (!result.finished || result.exitCode != 0) {
        setProcessError(u"psql failed"_s, result);
        return false;
    }
    if (output)
        *output = result.stdOut;
    return true;
}

bool EmbeddedPostgres::validDatabaseName(const QString &name)
{
    static const QRegularExpression valid(u"^[a-z_][a-z0-9_]{0,62}$"_s);
    if (valid.match(name).hasMatch())
        return true;
    setError(u"Invalid database name \""_s + name
        + u"\": use 1 to 63 lower-case letters, digits and underscores, not starting "
          "with a digit"_s);
    return false;
}

int EmbeddedPostgres::clusterStatus()
{
    // pg_ctl status: 0 running, 3 not running, 4 no accessible data directory.
    const ProcessResult result = m_user.run(m_bin.pgCtl, { u"status"_s, u"-D"_s, m_dataDir });
    return result.finished ? result.exitCode : -1;
}

bool EmbeddedPostgres::readPostmasterPid(QString *socketDir, int *port) const
{
    const QStringList lines = readPidFileLines(m_dataDir + u"/postmaster.pid"_s);
    if (lines.size() < 5)
        return false;
    bool ok = false;
    const int value = lines.at(3).trimmed().toInt(&ok);
    if (!ok)
        return false;
    *port = value;
    *socketDir = lines.at(4).trimmed();
    return true;
}

QString EmbeddedPostgres::logTail(int lines) const
{
    QFile file(logFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    constexpr qint64 kMaxBytes = qint64(64) * 1024;
    if (file.size() > kMaxBytes)
        file.seek(file.size() - kMaxBytes);
    QStringList all = QString::fromLocal8Bit(file.readAll()).split(QLatin1Char('\n'));
    while (!all.isEmpty() && all.constLast().trimmed().isEmpty())
        all.removeLast();
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(QLatin1Char('\n'));
}

void EmbeddedPostgres::removeTempSocketDir(const QString &dir) const
{
    // Only ever our own mkdtemp directories, and only when empty (postgres removed its files).
    if (dir.startsWith(kTempSocketPrefix.toString()) && !dir.contains(u"/.."_s))
        QDir().rmdir(dir);
}

bool EmbeddedPostgres::chownToPgUser(const QString &path, bool recursive)
{
    const auto handed = m_user.chown(path, recursive);
    if (!handed)
        setError(handed.error().message);
    return handed.ok();
}

void EmbeddedPostgres::setError(const QString &message)
{
    m_errorString = message;
    qCWarning(lcEmbeddedPg).noquote() << message;
}

void EmbeddedPostgres::setProcessError(
    const QString &what, const ProcessResult &result, bool withLogTail)
{
    QString message = what + u": \""_s + result.commandLine + u"\" "_s
        + (result.finished ? u"exited with code "_s + QString::number(result.exitCode)
                           : u"failed"_s);
    QString detail = result.stdErr.trimmed();
    if (detail.isEmpty())
        detail = result.stdOut.trimmed();
    if (!detail.isEmpty())
        message += u"\n"_s + detail;
    message += u"\nServer log: "_s + logFilePath();
    if (withLogTail) {
        const QString tail = logTail(20);
        if (!tail.isEmpty())
            message += u"\nLast lines of the server log:\n"_s + tail;
    }
    setError(message);
}

} // namespace Pudding::Server
