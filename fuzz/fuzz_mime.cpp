// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the MIME composer (server/mail/mimemessage.h).
//
// Input: fields separated by NUL bytes — to, toName, subject, text, html, category,
// unsubscribeUrl, messageId, from, then attachments as (fileName, contentType, data) triples.
// Whatever they hold, the message must: use CRLF only (no bare CR or LF), keep every line
// within 998 characters, start with exactly the expected header fields (no injected field,
// every continuation line starting with white space), end the header block with an empty line,
// and close every multipart boundary it opened. Any violation aborts.
#include "mail/mimemessage.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Pudding::Server;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> fields
        = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    const auto field = [&](qsizetype i) { return QString::fromUtf8(fields.value(i)); };
    Mail::MimeInput input;
    input.mail.to = field(0);
    input.mail.toName = field(1);
    input.mail.subject = field(2);
    input.mail.text = field(3);
    input.mail.html = field(4);
    input.mail.category = field(5);
    input.mail.unsubscribeUrl = field(6);
    input.messageId = field(7);
    input.from = field(8);
    input.mail.language = QStringLiteral("de");
    for (qsizetype i = 9; i + 2 < fields.size() && input.mail.attachments.size() < 4; i += 3)
        input.mail.attachments.append({ field(i), field(i + 1), fields.at(i + 2) });
    input.date = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);

    const QByteArray message = Mail::composeMime(input);
    // CRLF only
    for (qsizetype i = 0; i < message.size(); ++i) {
        if (message.at(i) == '\r')
            check(i + 1 < message.size() && message.at(i + 1) == '\n');
        if (message.at(i) == '\n')
            check(i > 0 && message.at(i - 1) == '\r');
    }
    check(message.endsWith("\r\n"));
    const QList<QByteArray> lines = message.split('\n');
    for (const QByteArray &line : lines)
        check(line.size() <= 999); // 998 + the CR
    // The top header block: known fields, continuations indented.
    static const QSet<QByteArray> known = { "From", "To", "Subject", "Date", "Message-ID",
        "MIME-Version", "Content-Language", "Auto-Submitted", "List-Unsubscribe",
        "List-Unsubscribe-Post", "Content-Type", "Content-Transfer-Encoding" };
    QSet<QByteArray> seen;
    qsizetype i = 0;
    for (; i < lines.size() && lines.at(i) != "\r"; ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t')) {
            check(i > 0);
            continue;
        }
        const QByteArray name = line.left(line.indexOf(':'));
        check(known.contains(name));
        check(!seen.contains(name)); // each once
        seen.insert(name);
    }
    check(i < lines.size()); // the empty line after the headers
    check(seen.contains("Content-Type") && seen.contains("Message-ID"));
    // Every boundary opened is closed.
    for (const QByteArray &line : lines) {
        const qsizetype at = line.indexOf("boundary=\"");
        if (at < 0)
            continue;
        const QByteArray b = line.mid(at + 10, line.indexOf('"', at + 10) - at - 10);
        check(message.contains(QByteArray("\r\n--" + b + "--\r\n")));
    }
    return 0;
}
