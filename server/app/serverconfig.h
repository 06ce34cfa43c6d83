// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/connection.h"
#include "logformat.h"

#include <QString>
#include <QStringList>

namespace Pudding::Server {

/// Everything an admin can set. Precedence: command-line flag > environment variable >
/// config file (--config, INI) > default. `pudding-server --help` lists it all.
struct ServerConfig
{
    enum class Command { Serve, Migrate, SeedDemo, DbStart, DbStop, GcPhotos, TicketKeys, Jobs };

    Command command = Command::Serve;
    /// What follows the command: ticket-keys' "list", "rotate" or "retire" <kid>; jobs'
    /// "list" or "retry" <id>.
    QStringList commandArguments;
    /// jobs list --dead: only the dead letters.
    bool jobsDeadOnly = false;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
    int httpThreads = 0; ///< 0: one per core
    int dbThreads = 8;
    QString databaseUrl; ///< empty: run a private PostgreSQL under dataDir
    QString dataDir;
    QString storageDir;
    bool seedDemo = false;
    int authRatePerMinute = 30;
    int chatRatePerSecond = 10;
    int wsMaxQueuedBytes = 4 * 1024 * 1024;
    /// Photos referenced by nothing are removed once they are this old (and hourly).
    int photoGraceSeconds = 24 * 3600;
    QString portFile;
    HttpLimits limits;
    /// --log-format plain|json (see LogFormat).
    LogFormat::Format logFormat = LogFormat::Format::Plain;
    /// --metrics on|off: off removes the instrumentation and /metrics (overhead benchmark).
    bool metricsEnabled = true;
    /// --metrics-allow: who may read /metrics (AddressAllowList syntax, or "none").
    QString metricsAllow = QStringLiteral("127.0.0.0/8,::1");
    /// --public-url: how users reach this server (https://pudding.example.org), for the links
    /// the server hands out (calendar feeds, the link in a calendar entry). Empty: made from
    /// each request's Host header with http://.
    QString publicUrl;
    /// --smtp-url: smtp://host:port or smtps://host:port (user:password@ allowed). Empty: mails
    /// are written as .eml files under <data-dir>/mail/.
    QString smtpUrl;
    QString smtpUser;
    /// --smtp-password-file: the SMTP password (first line), kept out of the command line.
    QString smtpPasswordFile;
    /// --mail-from: the From of every mail.
    QString mailFrom = QStringLiteral("Pudding Gabel <noreply@localhost>");
    /// --job-threads: the job worker's threads (each with its own database connection).
    int jobThreads = 2;

    /// Parses the arguments; on error (or --help/--version) returns false with the text to
    /// print in *message and the exit code in *exitCode.
    bool parse(const QStringList &arguments, QString *message, int *exitCode);
};

} // namespace Pudding::Server
