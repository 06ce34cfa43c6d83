// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

class QMessageLogContext;

/// The server's log lines on stderr, installed with qInstallMessageHandler:
///
/// - plain (default): journald-friendly. Under systemd (JOURNAL_STREAM set) a line is
///   "<N>category: message [requestId=… userId=…]" with the sd-daemon priority N and no time
///   (the journal adds one); otherwise "2026-01-02T03:04:05.678Z info category: message …".
/// - json: one object per line: time (ISO 8601 UTC, ms), level, category, message, and where
///   known requestId, userId, route, method, status, durationMs (from LogContext).
///
/// Each line is written with one write(2), so lines of different threads never interleave.
namespace Pudding::Server::LogFormat {

enum class Format { Plain, Json };

/// Installs the handler (for the whole process).
void install(Format format);

/// One line (with its newline) as the handler writes it; `journal` selects the journald form
/// of the plain format. Exposed for tests.
[[nodiscard]] QByteArray formatLine(Format format, bool journal, QtMsgType type,
    const QMessageLogContext &context, const QString &message);

} // namespace Pudding::Server::LogFormat
