// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverconfig.h"

#include "http/httproutes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class ConfigText
{
    Q_DECLARE_TR_FUNCTIONS(ServerConfig)
};
} // namespace

bool ServerConfig::parse(const QStringList &arguments, QString *message, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ConfigText::tr(
        "Pudding Gabel server: REST API and WebSockets for pudding meetups.\n\n"
        "Commands:\n"
        "  serve       run the server (default)\n"
        "  migrate     apply the database migrations and exit\n"
        "  seed-demo   load the demo meetups and users (if the database has no users) and exit\n"
        "  db-start    start the private PostgreSQL under --data-dir and leave it running\n"
        "  db-stop     stop the private PostgreSQL under --data-dir\n"
        "  gc-photos   remove photos that nothing references (older than the grace period) "
        "and exit\n"
        "  ticket-keys list | rotate | retire <kid>\n"
        "              list the ticket signing keys, make a new active key for this instance "
        "(under --data-dir), or retire a key (docs/ADMIN-tickets.md)\n\n"
        "Environment: PUDDING_DATABASE_URL, PUDDING_HOST, PUDDING_PORT, PUDDING_DATA_DIR,\n"
        "PUDDING_STORAGE_DIR, PUDDING_HTTP_THREADS, PUDDING_DB_THREADS, "
        "PUDDING_AUTH_RATE_LIMIT, PUDDING_LOG_FORMAT, PUDDING_METRICS, PUDDING_METRICS_ALLOW,\n"
        "PUDDING_PUBLIC_URL, PUDDING_SMTP_URL, PUDDING_SMTP_USER, PUDDING_SMTP_PASSWORD_FILE,\n"
        "PUDDING_MAIL_FROM, PUDDING_JOB_THREADS."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s,
        ConfigText::tr("serve, migrate, seed-demo, "
                       "db-start, db-stop, gc-photos, ticket-keys or jobs"),
        u"[command]"_s);
    const QCommandLineOption configOpt(
        u"config"_s, ConfigText::tr("INI file with settings."), u"file"_s);
    const QCommandLineOption hostOpt(u"host"_s,
        ConfigText::tr("Address to listen on (default "
                       "127.0.0.1; 0.0.0.0 or :: for "
                       "all)."),
        u"address"_s);
    const QCommandLineOption portOpt(u"port"_s,
        ConfigText::tr("Port (default 8080; 0 picks a "
                       "free one)."),
        u"port"_s);
    const QCommandLineOption dbOpt(u"database"_s,
        ConfigText::tr("postgresql://user:password@host:port/db; "
                       "without it a private PostgreSQL runs under "
                       "the data directory."),
        u"url"_s);
    const QCommandLineOption dataOpt(u"data-dir"_s,
        ConfigText::tr("Directory for the private "
                       "database and photos."),
        u"dir"_s);
    const QCommandLineOption storageOpt(u"storage-dir"_s,
        ConfigText::tr("Directory for photos (default "
                       "<data-dir>/photos)."),
        u"dir"_s);
    const QCommandLineOption threadsOpt(u"threads"_s,
        ConfigText::tr("HTTP threads (default: "
                       "one per core)."),
        u"n"_s);
    const QCommandLineOption dbThreadsOpt(
        u"db-threads"_s, ConfigText::tr("Database connections (default 8)."), u"n"_s);
    const QCommandLineOption seedOpt(u"seed-demo"_s,
        ConfigText::tr("Load the demo data at start-up if the "
                       "database has no users yet."));
    const QCommandLineOption authRateOpt(u"auth-rate-limit"_s,
        ConfigText::tr("Login/register attempts per minute and "
                       "address (default 30; 0 = unlimited)."),
        u"n"_s);
    const QCommandLineOption chatRateOpt(u"chat-rate-limit"_s,
        ConfigText::tr("Chat messages per second and user, "
                       "with a burst of twice that (default 10; "
                       "0 = unlimited)."),
        u"n"_s);
    const QCommandLineOption wsQueueOpt(u"ws-max-queued-bytes"_s,
        ConfigText::tr("Unsent output a WebSocket client may "
                       "have before it is dropped as too slow "
                       "(default 4 MiB)."),
        u"bytes"_s);
    const QCommandLineOption portFileOpt(u"port-file"_s,
        ConfigText::tr("Write the bound port to this file once "
                       "listening (for scripts and tests)."),
        u"file"_s);
    const QCommandLineOption maxBodyOpt(u"max-body-bytes"_s,
        ConfigText::tr("Largest request body accepted (default "
                       "6 MiB)."),
        u"bytes"_s);
    const QCommandLineOption headerTimeoutOpt(u"header-timeout-ms"_s,
        ConfigText::tr("Time a client has to send a "
                       "request head (default 10000)."),
        u"ms"_s);
    const QCommandLineOption idleTimeoutOpt(u"idle-timeout-ms"_s,
        ConfigText::tr("Idle keep-alive connections are "
                       "closed after this (default 60000)."),
        u"ms"_s);
    const QCommandLineOption photoGraceOpt(u"photo-grace-seconds"_s,
        ConfigText::tr("Photos that no request or message "
                       "references are removed once this "
                       "old (default 86400)."),
        u"seconds"_s);
    const QCommandLineOption logFormatOpt(u"log-format"_s,
        ConfigText::tr("Log lines on stderr: plain (default; journald priorities when run by "
                       "systemd) or json (one object per line with time, level, category, "
                       "message, requestId, userId, route, method, status, durationMs)."),
        u"format"_s);
    const QCommandLineOption metricsOpt(u"metrics"_s,
        ConfigText::tr("on (default) or off: Prometheus metrics at GET /metrics; off removes "
                       "the route and every measurement."),
        u"on|off"_s);
    const QCommandLineOption metricsAllowOpt(u"metrics-allow"_s,
        ConfigText::tr("Peer addresses and CIDR ranges allowed to read /metrics, comma-"
                       "separated, or \"none\" (default 127.0.0.0/8,::1); others get 404."),
        u"addresses"_s);
    const QCommandLineOption publicUrlOpt(u"public-url"_s,
        ConfigText::tr("How users reach this server, e.g. https://pudding.example.org (the "
                       "links in calendar feeds); default: from each request's Host header, "
                       "with http://."),
        u"url"_s);
    const QCommandLineOption smtpUrlOpt(u"smtp-url"_s,
        ConfigText::tr("Where mail goes: smtp://host:port (STARTTLS when offered) or "
                       "smtps://host:port; without it mails are written as .eml files under "
                       "<data-dir>/mail/."),
        u"url"_s);
    const QCommandLineOption smtpUserOpt(
        u"smtp-user"_s, ConfigText::tr("The SMTP login name (or user@ in --smtp-url)."), u"name"_s);
    const QCommandLineOption smtpPasswordFileOpt(u"smtp-password-file"_s,
        ConfigText::tr("A file whose first line is the SMTP password."), u"file"_s);
    const QCommandLineOption mailFromOpt(u"mail-from"_s,
        ConfigText::tr("The sender of every mail (default \"Pudding Gabel "
                       "<noreply@localhost>\")."),
        u"address"_s);
    const QCommandLineOption jobThreadsOpt(u"job-threads"_s,
        ConfigText::tr("Threads that run queued jobs such as sending mail, each with its own "
                       "database connection (default 2)."),
        u"n"_s);
    const QCommandLineOption deadOpt(
        u"dead"_s, ConfigText::tr("With jobs list: only the jobs that failed for good."));
    parser.addOptions({ smtpUrlOpt, smtpUserOpt, smtpPasswordFileOpt, mailFromOpt, jobThreadsOpt,
        deadOpt, publicUrlOpt, photoGraceOpt, configOpt, hostOpt, portOpt, dbOpt, dataOpt,
        storageOpt, threadsOpt, dbThreadsOpt, seedOpt, authRateOpt, chatRateOpt, wsQueueOpt,
        portFileOpt, maxBodyOpt, headerTimeoutOpt, idleTimeoutOpt, logFormatOpt, metricsOpt,
        metricsAllowOpt });

    if (!parser.parse(arguments)) {
        *message = parser.errorText() % u"\n\n"_s % parser.helpText();
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        *message = parser.helpText();
        *exitCode = 0;
        return false;
    }
    if (parser.isSet(u"version"_s)) {
        *message = QCoreApplication::applicationName() % u' '
            % QCoreApplication::applicationVersion() % u'\n';
        *exitCode = 0;
        return false;
    }

    std::unique_ptr<QSettings> file;
    if (parser.isSet(configOpt)) {
        const QString path = parser.value(configOpt);
        if (!QFileInfo::exists(path)) {
            *message = ConfigText::tr("Config file %1 does not exist.\n").arg(path);
            *exitCode = 2;
            return false;
        }
        file = std::make_unique<QSettings>(path, QSettings::IniFormat);
    }
    // flag > environment > file > default
    auto value = [&](const QCommandLineOption &opt, const char *env, const QString &key,
                     const QString &fallback) {
        if (parser.isSet(opt))
            return parser.value(opt);
        if (qEnvironmentVariableIsSet(env))
            return qEnvironmentVariable(env);
        if (file && file->contains(key)) {
            // QSettings reads an unquoted "a,b" as a list.
            const QVariant v = file->value(key);
            return v.typeId() == QMetaType::QStringList ? v.toStringList().join(u',')
                                                        : v.toString();
        }
        return fallback;
    };
    bool ok = true;
    auto integer = [&](const QString &text, const QString &name, int min, int max) {
        bool good = false;
        const int n = text.toInt(&good);
        if (!good || n < min || n > max) {
            *message += ConfigText::tr("%1 must be a whole number from %2 to %3, not \"%4\".\n")
                            .arg(name)
                            .arg(min)
                            .arg(max)
                            .arg(text);
            ok = false;
        }
        return n;
    };

    const auto positional = parser.positionalArguments();
    const QString commandName = positional.value(0, u"serve"_s);
    if (commandName == "serve"_L1)
        this->command = Command::Serve;
    else if (commandName == "migrate"_L1)
        this->command = Command::Migrate;
    else if (commandName == "seed-demo"_L1)
        this->command = Command::SeedDemo;
    else if (commandName == "db-start"_L1)
        this->command = Command::DbStart;
    else if (commandName == "db-stop"_L1)
        this->command = Command::DbStop;
    else if (commandName == "gc-photos"_L1)
        this->command = Command::GcPhotos;
    else if (commandName == "ticket-keys"_L1) {
        this->command = Command::TicketKeys;
        commandArguments = positional.mid(1);
        const QString sub = commandArguments.value(0);
        const bool valid
            = ((sub == "list"_L1 || sub == "rotate"_L1) && commandArguments.size() == 1)
            || (sub == "retire"_L1 && commandArguments.size() == 2);
        if (!valid) {
            *message = ConfigText::tr("Usage: pudding-server ticket-keys list | rotate | retire "
                                      "<kid> [options]\n");
            *exitCode = 2;
            return false;
        }
    } else if (commandName == "jobs"_L1) {
        this->command = Command::Jobs;
        commandArguments = positional.mid(1);
        const QString sub = commandArguments.value(0);
        bool idOk = false;
        const bool valid = (sub == "list"_L1 && commandArguments.size() == 1)
            || (sub == "retry"_L1 && commandArguments.size() == 2
                && commandArguments.at(1).toLongLong(&idOk) > 0 && idOk);
        if (!valid) {
            *message = ConfigText::tr(
                "Usage: pudding-server jobs list [--dead] | retry <id> [options]\n");
            *exitCode = 2;
            return false;
        }
        jobsDeadOnly = parser.isSet(deadOpt);
    } else {
        *message
            = ConfigText::tr("Unknown command \"%1\".\n\n").arg(commandName) % parser.helpText();
        *exitCode = 2;
        return false;
    }

    host = value(hostOpt, "PUDDING_HOST", u"server/host"_s, host);
    port = quint16(integer(
        value(portOpt, "PUDDING_PORT", u"server/port"_s, u"8080"_s), u"--port"_s, 0, 65535));
    httpThreads = integer(value(threadsOpt, "PUDDING_HTTP_THREADS", u"server/threads"_s,
                              QString::number(std::max(1, QThread::idealThreadCount()))),
        u"--threads"_s, 1, 256);
    dbThreads = integer(value(dbThreadsOpt, "PUDDING_DB_THREADS", u"database/threads"_s, u"8"_s),
        u"--db-threads"_s, 1, 256);
    authRatePerMinute
        = integer(value(authRateOpt, "PUDDING_AUTH_RATE_LIMIT", u"server/authRateLimit"_s, u"30"_s),
            u"--auth-rate-limit"_s, 0, 1'000'000);
    chatRatePerSecond
        = integer(value(chatRateOpt, "PUDDING_CHAT_RATE_LIMIT", u"chat/rateLimit"_s, u"10"_s),
            u"--chat-rate-limit"_s, 0, 1'000'000);
    wsMaxQueuedBytes = integer(value(wsQueueOpt, "PUDDING_WS_MAX_QUEUED_BYTES",
                                   u"chat/maxQueuedBytes"_s, QString::number(wsMaxQueuedBytes)),
        u"--ws-max-queued-bytes"_s, 4096, 1'000'000'000);
    limits.maxBodyBytes
        = integer(value(maxBodyOpt, "PUDDING_MAX_BODY_BYTES", u"limits/maxBodyBytes"_s,
                      QString::number(limits.maxBodyBytes)),
            u"--max-body-bytes"_s, 1024, 1'000'000'000);
    limits.headerTimeoutMs
        = integer(value(headerTimeoutOpt, "PUDDING_HEADER_TIMEOUT_MS", u"limits/headerTimeoutMs"_s,
                      QString::number(limits.headerTimeoutMs)),
            u"--header-timeout-ms"_s, 100, 600'000);
    limits.bodyTimeoutMs = 3 * limits.headerTimeoutMs;
    limits.idleTimeoutMs
        = integer(value(idleTimeoutOpt, "PUDDING_IDLE_TIMEOUT_MS", u"limits/idleTimeoutMs"_s,
                      QString::number(limits.idleTimeoutMs)),
            u"--idle-timeout-ms"_s, 100, 3'600'000);
    photoGraceSeconds = integer(value(photoGraceOpt, "PUDDING_PHOTO_GRACE_SECONDS",
                                    u"photos/graceSeconds"_s, QString::number(photoGraceSeconds)),
        u"--photo-grace-seconds"_s, 0, 90 * 24 * 3600);
    databaseUrl = value(dbOpt, "PUDDING_DATABASE_URL", u"database/url"_s, QString());
    const QString defaultData
        = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        % u"/pudding-gabel"_s;
    dataDir
        = QDir(value(dataOpt, "PUDDING_DATA_DIR", u"server/dataDir"_s, defaultData)).absolutePath();
    storageDir = QDir(
        value(storageOpt, "PUDDING_STORAGE_DIR", u"server/storageDir"_s, dataDir % u"/photos"_s))
                     .absolutePath();
    seedDemo = parser.isSet(seedOpt) || (file && file->value(u"server/seedDemo"_s, false).toBool());
    portFile = parser.value(portFileOpt);

    const QString format = value(logFormatOpt, "PUDDING_LOG_FORMAT", u"log/format"_s, u"plain"_s);
    if (format == "plain"_L1) {
        logFormat = LogFormat::Format::Plain;
    } else if (format == "json"_L1) {
        logFormat = LogFormat::Format::Json;
    } else {
        *message += ConfigText::tr("--log-format must be plain or json, not \"%1\".\n").arg(format);
        ok = false;
    }
    const QString metrics
        = value(metricsOpt, "PUDDING_METRICS", u"metrics/enabled"_s, u"on"_s).toLower();
    if (metrics == "on"_L1 || metrics == "true"_L1 || metrics == "1"_L1) {
        metricsEnabled = true;
    } else if (metrics == "off"_L1 || metrics == "false"_L1 || metrics == "0"_L1) {
        metricsEnabled = false;
    } else {
        *message += ConfigText::tr("--metrics must be on or off, not \"%1\".\n").arg(metrics);
        ok = false;
    }
    metricsAllow
        = value(metricsAllowOpt, "PUDDING_METRICS_ALLOW", u"metrics/allow"_s, metricsAllow);
    if (QString bad; !AddressAllowList::parse(metricsAllow, &bad)) {
        *message += ConfigText::tr("--metrics-allow takes addresses and CIDR ranges separated by "
                                   "commas, or \"none\"; \"%1\" is neither.\n")
                        .arg(bad);
        ok = false;
    }
    publicUrl = value(publicUrlOpt, "PUDDING_PUBLIC_URL", u"server/publicUrl"_s, QString());
    if (!publicUrl.isEmpty()) {
        const QUrl url(publicUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)
            || url.host().isEmpty() || url.hasQuery() || url.hasFragment()
            || !url.userInfo().isEmpty()) {
            *message += ConfigText::tr("--public-url must be an http or https URL without query, "
                                       "fragment or user, not \"%1\".\n")
                            .arg(publicUrl);
            ok = false;
        }
        while (publicUrl.endsWith(u'/'))
            publicUrl.chop(1);
    }
    smtpUrl = value(smtpUrlOpt, "PUDDING_SMTP_URL", u"mail/smtpUrl"_s, QString());
    if (!smtpUrl.isEmpty()) {
        const QUrl url(smtpUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != "smtp"_L1 && url.scheme() != "smtps"_L1)
            || url.host().isEmpty()) {
            *message += ConfigText::tr("--smtp-url must be smtp://host:port or "
                                       "smtps://host:port, not \"%1\".\n")
                            .arg(url.toDisplayString(QUrl::RemovePassword));
            ok = false;
        }
    }
    smtpUser = value(smtpUserOpt, "PUDDING_SMTP_USER", u"mail/smtpUser"_s, QString());
    smtpPasswordFile = value(
        smtpPasswordFileOpt, "PUDDING_SMTP_PASSWORD_FILE", u"mail/smtpPasswordFile"_s, QString());
    if (!smtpPasswordFile.isEmpty() && !QFileInfo(smtpPasswordFile).isReadable()) {
        *message
            += ConfigText::tr("--smtp-password-file: cannot read \"%1\".\n").arg(smtpPasswordFile);
        ok = false;
    }
    mailFrom = value(mailFromOpt, "PUDDING_MAIL_FROM", u"mail/from"_s, mailFrom);
    if (!mailFrom.contains(u'@') || mailFrom.contains(u'\n') || mailFrom.contains(u'\r')) {
        *message += ConfigText::tr("--mail-from must be an address such as \"Pudding Gabel "
                                   "<noreply@example.org>\", not \"%1\".\n")
                        .arg(mailFrom);
        ok = false;
    }
    jobThreads = integer(value(jobThreadsOpt, "PUDDING_JOB_THREADS", u"jobs/threads"_s, u"2"_s),
        u"--job-threads"_s, 1, 64);
    if (!ok) {
        *exitCode = 2;
        return false;
    }
    return true;
}

} // namespace Pudding::Server
