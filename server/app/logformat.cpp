// SPDX-License-Identifier: GPL-3.0-or-later
#include "logformat.h"

#include "metrics/logcontext.h"

#include <QDateTime>

#include <cerrno>
#include <unistd.h>

namespace Pudding::Server::LogFormat {

namespace {
Format g_format = Format::Plain;
bool g_journal = false;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

/// sd-daemon(3) priorities: the journal reads "<N>" at the start of a line.
char journalPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return '7';
    case QtInfoMsg:
        return '6';
    case QtWarningMsg:
        return '4';
    case QtCriticalMsg:
        return '3';
    case QtFatalMsg:
        return '2';
    }
    return '6';
}

void appendJsonString(QByteArray &out, QByteArrayView text)
{
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c; // UTF-8 passes through
        }
    }
    out += '"';
}

void appendField(QByteArray &out, const char *name)
{
    out += ",\"";
    out += name;
    out += "\":";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = formatLine(g_format, g_journal, type, context, message);
    // One write per line: the kernel keeps it whole against other threads' lines.
    qsizetype done = 0;
    while (done < line.size()) {
        const ssize_t n
            = ::write(STDERR_FILENO, line.constData() + done, size_t(line.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    if (type == QtFatalMsg)
        std::abort();
}
} // namespace

QByteArray formatLine(Format format, bool journal, QtMsgType type,
    const QMessageLogContext &context, const QString &message)
{
    const LogContext &log = LogContext::current();
    const char *category = context.category ? context.category : "default";
    QByteArray out;
    out.reserve(160 + message.size());
    if (format == Format::Json) {
        out += "{\"time\":";
        appendJsonString(out, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8());
        appendField(out, "level");
        appendJsonString(out, levelName(type));
        appendField(out, "category");
        appendJsonString(out, category);
        appendField(out, "message");
        appendJsonString(out, message.toUtf8());
        if (!log.requestId.isEmpty()) {
            appendField(out, "requestId");
            appendJsonString(out, log.requestId);
        }
        if (log.userId > 0) {
            appendField(out, "userId");
            out += QByteArray::number(log.userId);
        }
        if (!log.route.isEmpty()) {
            appendField(out, "route");
            appendJsonString(out, log.route);
        }
        if (!log.method.isEmpty()) {
            appendField(out, "method");
            appendJsonString(out, log.method);
        }
        if (log.status > 0) {
            appendField(out, "status");
            out += QByteArray::number(log.status);
        }
        if (log.durationMs >= 0) {
            appendField(out, "durationMs");
            out += QByteArray::number(log.durationMs, 'f', 3);
        }
        out += "}\n";
        return out;
    }
    if (journal) {
        out += '<';
        out += journalPriority(type);
        out += '>';
    } else {
        out += QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
        out += ' ';
        out += levelName(type);
        out += ' ';
    }
    out += category;
    out += ": ";
    // One entry per line in the journal: a message's own newlines are escaped.
    out += message.toUtf8().replace('\n', "\\n");
    if (!log.requestId.isEmpty())
        out += " requestId=" + log.requestId;
    if (log.userId > 0)
        out += " userId=" + QByteArray::number(log.userId);
    out += '\n';
    return out;
}

void install(Format format)
{
    g_format = format;
    g_journal = qEnvironmentVariableIsSet("JOURNAL_STREAM");
    qInstallMessageHandler(handler);
}

} // namespace Pudding::Server::LogFormat
