// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "postgresbinaries.h"
#include "postgresuser.h"

#include <QString>
#include <QStringList>

namespace Pudding::Server {

using namespace Qt::StringLiterals;

/// How to reach a PostgreSQL server. For the embedded cluster, host is the directory of the
/// Unix socket (libpq and QPSQL treat a host starting with '/' as a socket directory) and port
/// only names the socket file; there is no TCP listener and no password (trust auth).
struct PgConnectionInfo
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;

    /// libpq connection URI: "postgresql://user@/db?host=/sock/dir&port=N" for a socket
    /// directory, "postgresql://user:pw@host:port/db" for a TCP host. Parts are percent-encoded.
    [[nodiscard]] QString toUrl() const;
};

/// Runs a private PostgreSQL cluster (15 preferred) for pudding-server and the test set-up, so
/// neither needs a system-wide server nor any configuration.
///
/// The cluster lives in one data directory, is created with initdb on first use (superuser
/// "pudding", trust auth) and listens only on a Unix socket inside the data directory (or a
/// short directory under /tmp when that path would be too long for a socket address). If a
/// postmaster is already running on the data directory it is reused, and then never stopped
/// by this object.
///
/// PostgreSQL refuses to run as root: the programs (found by PostgresBinaries) run as a
/// PostgresUser, and when the process runs as root the data directory is handed to it. When that
/// user cannot reach the requested directory (e.g. a clone under /root, mode 700), the cluster is
/// relocated to /var/tmp/pudding-gabel-pg/<hash of the requested path>; dataDir() tells the real
/// place.
///
/// All calls block (they wait for child processes); call start() before the event loop runs.
/// Not thread-safe; one object per data directory and process.
class EmbeddedPostgres
{
public:
    /// dataDir is the requested data directory; it need not exist yet.
    explicit EmbeddedPostgres(QString dataDir);
    /// Calls stop() if this object started the cluster and setKeepRunning(true) was not called.
    ~EmbeddedPostgres();

    Q_DISABLE_COPY_MOVE(EmbeddedPostgres)

    /// initdb on first use, then start the postmaster (or reuse one already running on this
    /// data dir). Blocking; call before the event loop runs. Returns false and sets
    /// errorString() on failure. Calling it again while running is a no-op returning true.
    bool start();
    /// pg_ctl stop -m fast, only if this object started the cluster; idempotent.
    void stop();
    /// Stops whatever postmaster runs on dataDir(), whoever started it (for
    /// "pudding-server db stop"). Returns true when nothing runs there afterwards.
    bool stopCluster();

    /// True after a successful start() until stop().
    [[nodiscard]] bool isRunning() const;
    /// True when start() launched the postmaster (as opposed to reusing a running one).
    [[nodiscard]] bool ownsCluster() const;
    [[nodiscard]] QString errorString() const;
    /// The directory really used (may be relocated, see the class comment).
    [[nodiscard]] QString dataDir() const;
    /// The directory passed to the constructor, made absolute.
    [[nodiscard]] QString requestedDataDir() const;
    [[nodiscard]] bool isRelocated() const;
    /// The server log: dataDir()/postgresql.log.
    [[nodiscard]] QString logFilePath() const;
    /// The Unix socket directory; empty before start().
    [[nodiscard]] QString socketDir() const;
    [[nodiscard]] int port() const;
    /// The port naming the socket file (".s.PGSQL.<port>"); default 5432. Only effective
    /// before start(); a reused cluster reports its own port.
    void setPort(int port);

    /// Where and how to connect: host = socket directory, port, user "pudding", no password.
    [[nodiscard]] PgConnectionInfo connectionInfo(const QString &database = u"pudding"_s) const;

    /// Creates the database if missing (via psql). name must match ^[a-z_][a-z0-9_]{0,62}$.
    /// Returns false and sets errorString() on failure.
    bool ensureDatabase(const QString &name);
    /// DROP DATABASE IF EXISTS ... WITH (FORCE), disconnecting any sessions. Same name rules.
    bool dropDatabase(const QString &name);

    /// When true, the destructor does not stop the cluster (used by "pudding-server db start").
    void setKeepRunning(bool keep);
    [[nodiscard]] bool keepRunning() const;

private:
    bool resolveBinaries();
    bool prepareDataDir();
    bool initCluster();
    bool startPostmaster();
    bool reuseIfRunning(bool *reused);
    bool prepareSocketDir(QString *socketDir);
    bool runPsql(const QString &sql, QString *output);
    [[nodiscard]] bool validDatabaseName(const QString &name);
    [[nodiscard]] int clusterStatus();
    bool readPostmasterPid(QString *socketDir, int *port) const;
    [[nodiscard]] QString logTail(int lines) const;
    void removeTempSocketDir(const QString &dir) const;
    bool chownToPgUser(const QString &path, bool recursive);
    void setError(const QString &message);
    void setProcessError(
        const QString &what, const ProcessResult &result, bool withLogTail = false);

    QString m_requestedDir;
    QString m_dataDir;
    PostgresBinaries m_bin; ///< found by start() or stopCluster()
    PostgresUser m_user;
    bool m_relocated = false;
    QString m_socketDir;
    QString m_tempSocketDir; // our mkdtemp socket dir, removed after stop
    int m_port = 5432;
    bool m_running = false;
    bool m_startedByUs = false;
    bool m_keepRunning = false;
    QString m_errorString;
};

} // namespace Pudding::Server
