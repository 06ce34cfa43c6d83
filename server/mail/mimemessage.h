// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Pudding::Server::Mail {

/// A mail as the bytes SMTP sends (RFC 5322 + MIME, CRLF line ends, no line over 78
/// characters in headers or bodies). Hand-written on purpose: Debian packages no C++ MIME
/// composer for Qt.
///
/// Structure: multipart/mixed( multipart/alternative( text/plain, text/html ), attachments… );
/// without attachments only the alternative part, without HTML only the text. Text parts are
/// UTF-8 in quoted-printable, attachments base64. Header text that is not plain ASCII (Subject,
/// display names) is written as RFC 2047 encoded words; CR and LF never reach a header.
/// Headers: From, To, Subject, Date, Message-ID, MIME-Version, Content-Language, Auto-Submitted:
/// auto-generated and, when the mail has a category, List-Unsubscribe +
/// List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058).
struct MimeInput
{
    OutgoingMail mail;
    QString from; ///< "Pudding Gabel <noreply@example.org>" or a bare address
    QString messageId; ///< "<…@…>"
    QDateTime date;
};

[[nodiscard]] QByteArray composeMime(const MimeInput &input);

/// The pieces, public for tests and the fuzzer.
namespace Mime {
/// Splits "Name <addr>" (or a bare address) into name and address.
void splitAddress(const QString &text, QString *name, QString *address);
/// "Name <addr>" with the name quoted or encoded as needed; a bare address when no name.
[[nodiscard]] QByteArray formatAddress(const QString &name, const QString &address);
/// An unstructured header field ("Subject: …") folded to 78 columns, encoded when needed.
[[nodiscard]] QByteArray unstructuredHeader(QByteArrayView name, const QString &value);
/// RFC 2047 B encoded words of at most 75 characters each, split at character boundaries.
[[nodiscard]] QList<QByteArray> encodedWords(const QString &text);
/// Quoted-printable (RFC 2045) of UTF-8 text whose line ends become CRLF.
[[nodiscard]] QByteArray quotedPrintable(const QString &text);
/// Base64 in lines of 76 characters with CRLF.
[[nodiscard]] QByteArray base64Lines(const QByteArray &data);
/// RFC 5322 date-time ("Mon, 07 Dec 2026 17:48:00 +0000").
[[nodiscard]] QByteArray rfc5322Date(const QDateTime &date);
} // namespace Mime

} // namespace Pudding::Server::Mail
