// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimemessage.h"

#include <QLocale>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Pudding::Server::Mail {

namespace Mime {

namespace {
constexpr qsizetype MaxLine = 78;
constexpr qsizetype MaxWordBytes
    = 42; // base64: 56 chars; with "=?UTF-8?B?" "?=" 68, so "Subject: " fits

/// Header text on one line: every control character (CR and LF above all) becomes a space,
/// runs of white space one space.
QString oneLine(const QString &text)
{
    QString out = text;
    for (QChar &c : out)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    return out.simplified();
}

bool isPlainAscii(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

/// "Name: t1 t2 …" folded before a token when the line would pass 78 characters.
QByteArray fold(QByteArrayView name, const QList<QByteArray> &tokens)
{
    QByteArray out = name.toByteArray() + ':';
    qsizetype lineLength = out.size();
    for (const QByteArray &token : tokens) {
        if (lineLength + 1 + token.size() > MaxLine && lineLength > name.size() + 1) {
            out += "\r\n ";
            lineLength = 1;
        } else {
            out += ' ';
            ++lineLength;
        }
        out += token;
        lineLength += token.size();
    }
    return out + "\r\n";
}

/// A URL or Message-ID inside < >: no white space, controls or angle brackets.
QString cleanBracketed(const QString &text)
{
    QString out;
    for (const QChar c : text)
        if (c.unicode() > 0x20 && c.unicode() != 0x7f && c != u'<' && c != u'>')
            out += c;
    return out;
}

/// A Message-ID's inside: atext, "@" and "." only.
QString cleanMessageId(const QString &text)
{
    QString out;
    for (const QChar c : text)
        if ((c.unicode() > 0x20 && c.unicode() < 0x7f && !u"<>,:;\"()[]\\"_s.contains(c)))
            out += c;
    return out;
}

/// An address: also none of the characters that would make it a group, list or comment.
QString cleanAddress(const QString &address)
{
    QString out;
    for (const QChar c : address)
        if (c.unicode() > 0x20 && c.unicode() != 0x7f && !u"<>,:;\"()[]\\"_s.contains(c))
            out += c;
    return out;
}

/// A MIME parameter value: "value" (quoted) when plain ASCII, else RFC 2231 continuations.
QList<QByteArray> parameter(QByteArrayView name, const QString &value)
{
    const QString clean = oneLine(value);
    if (isPlainAscii(clean) && clean.size() <= 60) {
        QByteArray quoted = clean.toLatin1();
        quoted.replace('\\', "\\\\").replace('"', "\\\"");
        return { name.toByteArray() + "=\"" + quoted + '"' };
    }
    const QByteArray encoded = clean.toUtf8().toPercentEncoding("", "'()*");
    QList<QByteArray> parts;
    qsizetype pos = 0;
    for (int i = 0; pos < encoded.size(); ++i) {
        qsizetype take = std::min<qsizetype>(48, encoded.size() - pos);
        // never split a %XX escape
        if (pos + take < encoded.size()) {
            if (encoded.at(pos + take - 1) == '%')
                take -= 1;
            else if (take >= 2 && encoded.at(pos + take - 2) == '%')
                take -= 2;
        }
        QByteArray part = name.toByteArray() + '*' + QByteArray::number(i) + "*=";
        if (i == 0)
            part += "utf-8''";
        parts.append(part + encoded.mid(pos, take));
        pos += take;
    }
    return parts;
}

QList<QByteArray> withSemicolons(QList<QByteArray> tokens)
{
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i)
        tokens[i] += ';';
    return tokens;
}

QByteArray contentTypeHeader(const QString &type, const QList<QByteArray> &extra)
{
    QList<QByteArray> tokens;
    const QStringList pieces = oneLine(type).split(u';', Qt::SkipEmptyParts);
    QString main = pieces.value(0).trimmed();
    if (main.isEmpty() || !isPlainAscii(main) || !main.contains(u'/'))
        main = u"application/octet-stream"_s;
    QList<QByteArray> params;
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const QString p = pieces.at(i).trimmed();
        if (!p.isEmpty() && isPlainAscii(p))
            params.append(p.toLatin1());
    }
    params += extra;
    tokens.append(main.toLatin1() + (params.isEmpty() ? "" : ";"));
    for (qsizetype i = 0; i < params.size(); ++i)
        tokens.append(params.at(i) + (i + 1 < params.size() ? ";" : ""));
    return fold("Content-Type", tokens);
}

QByteArray boundary()
{
    // "=_" never occurs in quoted-printable or base64 output.
    return "=_pudding_" + QUuid::createUuid().toRfc4122().toHex();
}
} // namespace

void splitAddress(const QString &text, QString *name, QString *address)
{
    const qsizetype open = text.lastIndexOf(u'<');
    const qsizetype close = text.lastIndexOf(u'>');
    if (open >= 0 && close > open) {
        *address = text.mid(open + 1, close - open - 1).trimmed();
        QString n = text.left(open).trimmed();
        if (n.size() >= 2 && n.startsWith(u'"') && n.endsWith(u'"'))
            n = n.mid(1, n.size() - 2).replace(u"\\\""_s, u"\""_s).replace(u"\\\\"_s, u"\\"_s);
        *name = n;
    } else {
        *address = text.trimmed();
        name->clear();
    }
}

QList<QByteArray> encodedWords(const QString &text)
{
    QList<QByteArray> words;
    QByteArray chunk;
    const auto flush = [&] {
        if (!chunk.isEmpty())
            words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
        chunk.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype n = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            n = 2;
        const QByteArray bytes = text.mid(i, n).toUtf8();
        if (chunk.size() + bytes.size() > MaxWordBytes)
            flush();
        chunk += bytes;
        i += n - 1;
    }
    flush();
    return words;
}

QByteArray formatAddress(const QString &name, const QString &address)
{
    const QByteArray addr = cleanAddress(address).toUtf8();
    const QString n = oneLine(name);
    if (n.isEmpty())
        return addr;
    QByteArray out;
    if (isPlainAscii(n) && !n.contains(u"=?"_s) && n.size() <= 60) {
        QByteArray quoted = n.toLatin1();
        quoted.replace('\\', "\\\\").replace('"', "\\\"");
        out = '"' + quoted + '"';
    } else {
        out = encodedWords(n).join("\r\n ");
    }
    const qsizetype lastLine = out.size() - (out.lastIndexOf('\n') + 1);
    return out + (lastLine + addr.size() + 3 > MaxLine - 4 ? "\r\n <" : " <") + addr + '>';
}

QByteArray unstructuredHeader(QByteArrayView name, const QString &value)
{
    const QString text = oneLine(value);
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    const bool plain = isPlainAscii(text) && !text.contains(u"=?"_s)
        && std::all_of(words.cbegin(), words.cend(),
            [](const QString &w) { return w.size() <= MaxLine - 12; });
    QList<QByteArray> tokens;
    if (plain) {
        for (const QString &w : words)
            tokens.append(w.toLatin1());
    } else {
        tokens = encodedWords(text);
    }
    return fold(name, tokens);
}

QByteArray quotedPrintable(const QString &text)
{
    QString normal = text;
    normal.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    const QList<QByteArray> lines = normal.toUtf8().split('\n');
    QByteArray out;
    static constexpr char Hex[] = "0123456789ABCDEF";
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines.at(l);
        qsizetype length = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line.at(i));
            const bool last = i + 1 == line.size();
            QByteArray token;
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
                token = QByteArray(1, char(c));
                // a line's leading "." is doubled by SMTP and "From " may be mangled: encode
                if (length == 0 && (c == '.' || c == 'F'))
                    token = QByteArray("=") + Hex[c >> 4] + Hex[c & 15];
            } else {
                token = QByteArray("=") + Hex[c >> 4] + Hex[c & 15];
            }
            if (length + token.size() > 75) {
                out += "=\r\n";
                length = 0;
                if (token.size() == 1 && (token.at(0) == '.' || token.at(0) == 'F'))
                    token = QByteArray("=") + Hex[c >> 4] + Hex[c & 15];
            }
            out += token;
            length += token.size();
        }
        if (l + 1 < lines.size())
            out += "\r\n";
    }
    return out;
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

QByteArray rfc5322Date(const QDateTime &date)
{
    const QDateTime utc = (date.isValid() ? date : QDateTime::currentDateTimeUtc()).toUTC();
    return QLocale::c().toString(utc, u"ddd, dd MMM yyyy HH:mm:ss"_s).toLatin1() + " +0000";
}

} // namespace Mime

using namespace Mime;

namespace {
/// A text part. In a multipart the CRLF after it belongs to the next boundary; a message that
/// is only this part ends with CRLF too, so there a text without a final line break gets one.
QByteArray textPart(const QByteArray &subtype, const QString &text, bool whole = false)
{
    const QByteArray body = quotedPrintable(text);
    return "Content-Type: text/" + subtype
        + "; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + body
        + (whole && body.endsWith("\r\n") ? "" : "\r\n");
}
} // namespace

QByteArray composeMime(const MimeInput &input)
{
    const OutgoingMail &mail = input.mail;
    QString fromName;
    QString fromAddress;
    splitAddress(input.from, &fromName, &fromAddress);

    QByteArray head;
    head += fold("From", { formatAddress(fromName, fromAddress) });
    head += fold("To", { formatAddress(mail.toName, mail.to) });
    head += unstructuredHeader("Subject", mail.subject);
    head += "Date: " + rfc5322Date(input.date) + "\r\n";
    head += "Message-ID: <" + cleanMessageId(input.messageId).toLatin1() + ">\r\n";
    head += "MIME-Version: 1.0\r\n";
    QString language;
    for (const QChar c : mail.language)
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-')
            language += c;
    if (!language.isEmpty())
        head += "Content-Language: " + language.left(35).toLatin1() + "\r\n";
    head += "Auto-Submitted: auto-generated\r\n";
    if (!mail.category.isEmpty() && !mail.unsubscribeUrl.isEmpty()) {
        head += "List-Unsubscribe: <" + cleanBracketed(mail.unsubscribeUrl).toUtf8() + ">\r\n";
        head += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    }

    QByteArray body;
    QByteArray content;
    if (mail.html.isEmpty()) {
        content = textPart("plain", mail.text, mail.attachments.isEmpty());
    } else {
        const QByteArray b = boundary();
        content = contentTypeHeader(u"multipart/alternative"_s, { "boundary=\"" + b + '"' })
            + "\r\n--" + b + "\r\n" + textPart("plain", mail.text) + "--" + b + "\r\n"
            + textPart("html", mail.html) + "--" + b + "--\r\n";
    }
    if (mail.attachments.isEmpty()) {
        body = content;
    } else {
        const QByteArray b = boundary();
        body = contentTypeHeader(u"multipart/mixed"_s, { "boundary=\"" + b + '"' }) + "\r\n--" + b
            + "\r\n" + content;
        for (const Attachment &a : mail.attachments) {
            QString fileName = a.fileName.isEmpty() ? u"attachment"_s : a.fileName;
            fileName.remove(u'/').remove(u'\\');
            body += "--" + b + "\r\n"
                + contentTypeHeader(a.contentType, parameter("name", fileName))
                + fold("Content-Disposition",
                    withSemicolons(
                        QList<QByteArray> { "attachment" } + parameter("filename", fileName)))
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64Lines(a.data);
        }
        body += "--" + b + "--\r\n";
    }
    return head + body;
}

} // namespace Pudding::Server::Mail
