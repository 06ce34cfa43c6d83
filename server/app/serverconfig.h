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
    enum class Command { Serve, Migrate, SeedDemo, DbStart, DbStop, GcPhotos, TicketKeys };

    Command command = Command::Serve;
    /// What follows the command: ticket-keys' "list", "rotate" or "retire" <kid>.
    QStringList commandArguments;
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

    /// Parses the arguments; on error (or --help/--version) returns false with the text to
    /// print in *message and the exit code in *exitCode.
    bool parse(const QStringList &arguments, QString *message, int *exitCode);
};

} // namespace Pudding::Server
