// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtpsink.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Pudding::Test {

namespace {

QString decodeCharset(const QByteArray &bytes, const QByteArray &charset)
{
    QStringDecoder decoder(charset.isEmpty() ? "utf-8" : charset.constData());
    if (!decoder.isValid())
        return QString::fromUtf8(bytes);
    return decoder.decode(bytes);
}

QByteArray decodeQuotedPrintable(const QByteArray &in, bool headerQ)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (headerQ && c == '_') {
            out += ' ';
        } else if (c == '=' && i + 1 < in.size()
            && (in.at(i + 1) == '\n' || in.at(i + 1) == '\r')) {
            ++i; // soft line break
            if (in.at(i) == '\r' && i + 1 < in.size() && in.at(i + 1) == '\n')
                ++i;
        } else if (c == '=' && i + 2 < in.size()) {
            bool ok = false;
            const int v = in.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out += char(v);
                i += 2;
            } else {
                out += c;
            }
        } else {
            out += c;
        }
    }
    return out;
}

/// Header block → (name, raw unfolded value) pairs.
QList<QPair<QString, QByteArray>> parseHeaderBlock(const QByteArray &block)
{
    QList<QPair<QString, QByteArray>> headers;
    for (const QByteArray &line : block.split('\n')) {
        if (line.isEmpty())
            continue;
        if ((line.at(0) == ' ' || line.at(0) == '\t') && !headers.isEmpty()) {
            headers.last().second += line; // unfold: the line break goes, the blank stays
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        headers.append(
            { QString::fromLatin1(line.left(colon)).trimmed(), line.mid(colon + 1).trimmed() });
    }
    for (auto &h : headers)
        h.second = h.second.trimmed();
    return headers;
}

QByteArray rawHeader(const QList<QPair<QString, QByteArray>> &headers, const QString &name)
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

/// A parameter of a structured header (boundary, charset, filename), with RFC 2231
/// continuations and charset.
QString headerParameter(const QByteArray &value, const QByteArray &name)
{
    QMap<int, QByteArray> pieces;
    bool extended = false;
    QString plain;
    // split at ';' outside quotes
    QList<QByteArray> params;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (c == '"' && (i == 0 || value.at(i - 1) != '\\'))
            quoted = !quoted;
        if (c == ';' && !quoted) {
            params.append(current.trimmed());
            current.clear();
        } else {
            current += c;
        }
    }
    params.append(current.trimmed());
    for (const QByteArray &p : params.mid(1)) {
        const qsizetype eq = p.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray key = p.left(eq).trimmed().toLower();
        QByteArray v = p.mid(eq + 1).trimmed();
        if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.mid(1, v.size() - 2).replace("\\\"", "\"").replace("\\\\", "\\");
        if (key == name.toLower()) {
            plain = decodeHeaderValue(v);
        } else if (key.startsWith(QByteArray(name.toLower() + '*'))) {
            QByteArray rest = key.mid(name.size() + 1);
            const bool enc = rest.endsWith('*') || rest.isEmpty();
            if (rest.endsWith('*'))
                rest.chop(1);
            const int index = rest.isEmpty() ? 0 : rest.toInt();
            if (enc)
                extended = true;
            pieces.insert(index, enc ? v : QByteArray(v).toPercentEncoding());
        }
    }
    if (pieces.isEmpty())
        return plain;
    QByteArray joined;
    for (const QByteArray &p : pieces)
        joined += p;
    QByteArray charset = "utf-8";
    if (extended) {
        const qsizetype q1 = joined.indexOf('\'');
        const qsizetype q2 = q1 < 0 ? -1 : joined.indexOf('\'', q1 + 1);
        if (q2 > 0) {
            charset = joined.left(q1);
            joined = joined.mid(q2 + 1);
        }
    }
    return decodeCharset(QByteArray::fromPercentEncoding(joined), charset);
}

QByteArray mainType(const QByteArray &contentType)
{
    return contentType.split(';').value(0).trimmed().toLower();
}

void parseEntity(MailMessage &m, const QByteArray &entity)
{
    const qsizetype split = entity.startsWith('\n') ? -2 : entity.indexOf("\n\n");
    if (split == -2) {
        parseEntity(m, "Content-Type: text/plain; charset=us-ascii\n" + entity);
        return;
    }
    const QByteArray head = split < 0 ? entity : entity.left(split);
    QByteArray body = split < 0 ? QByteArray() : entity.mid(split + 2);
    const auto headers = parseHeaderBlock(head);
    QByteArray type = rawHeader(headers, u"Content-Type"_s);
    if (type.isEmpty())
        type = "text/plain; charset=us-ascii";
    const QByteArray main = mainType(type);
    if (main.startsWith("multipart/")) {
        const QByteArray boundary = "--" + headerParameter(type, "boundary").toLatin1();
        QList<QByteArray> parts;
        bool inPart = false;
        QList<QByteArray> lines;
        for (const QByteArray &line : body.split('\n')) {
            const QByteArray t = line.trimmed();
            if (t == boundary || t == boundary + "--") {
                if (inPart)
                    parts.append(lines.join('\n'));
                lines.clear();
                inPart = t == boundary;
                if (!inPart)
                    break;
                continue;
            }
            if (inPart)
                lines.append(line);
        }
        for (const QByteArray &p : parts)
            parseEntity(m, p);
        return;
    }
    const QByteArray cte = rawHeader(headers, u"Content-Transfer-Encoding"_s).trimmed().toLower();
    QByteArray data;
    if (cte == "base64")
        data = QByteArray::fromBase64(body);
    else if (cte == "quoted-printable")
        data = decodeQuotedPrintable(body, false);
    else
        data = body;
    const QByteArray disposition = rawHeader(headers, u"Content-Disposition"_s);
    const bool attachment = disposition.trimmed().toLower().startsWith("attachment");
    const QByteArray charset = headerParameter(type, "charset").toLatin1();
    if (!attachment && main == "text/plain" && m.text.isEmpty()) {
        m.text = decodeCharset(data, charset);
    } else if (!attachment && main == "text/html" && m.html.isEmpty()) {
        m.html = decodeCharset(data, charset);
    } else {
        QString name = headerParameter(disposition, "filename");
        if (name.isEmpty())
            name = headerParameter(type, "name");
        m.attachments.append({ decodeHeaderValue(type), name, data });
    }
}

QList<MailMessage> readFolder(const QString &dir)
{
    QList<MailMessage> out;
    const QDir d(dir);
    for (const QString &name : d.entryList({ u"*.eml"_s }, QDir::Files, QDir::Name)) {
        QFile f(d.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        MailMessage m = MailMessage::parse(f.readAll());
        m.fileName = f.fileName();
        QFile envelope(d.filePath(name.chopped(4) + u".json"_s));
        if (envelope.open(QIODevice::ReadOnly)) {
            const QJsonObject e = QJsonDocument::fromJson(envelope.readAll()).object();
            m.envelopeFrom = e.value("mailFrom"_L1).toString();
            for (const auto &v : e.value("rcptTo"_L1).toArray())
                m.envelopeTo.append(v.toString());
        }
        out.append(m);
    }
    return out;
}

} // namespace

QString decodeHeaderValue(const QByteArray &value)
{
    static const QRegularExpression word(u"=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?="_s);
    const QString text = QString::fromUtf8(value);
    QString out;
    qsizetype pos = 0;
    bool lastWasWord = false;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString between = text.mid(pos, match.capturedStart() - pos);
        // white space between two encoded words is not part of the text (RFC 2047 6.2)
        if (!(lastWasWord && between.trimmed().isEmpty()))
            out += between;
        QByteArray charset = match.captured(1).toLatin1();
        if (const qsizetype star = charset.indexOf('*'); star >= 0)
            charset.truncate(star); // RFC 2231 language
        const QByteArray payload = match.captured(3).toLatin1();
        const QByteArray bytes = match.captured(2).compare(u"b"_s, Qt::CaseInsensitive) == 0
            ? QByteArray::fromBase64(payload)
            : decodeQuotedPrintable(payload, true);
        out += decodeCharset(bytes, charset);
        pos = match.capturedEnd();
        lastWasWord = true;
    }
    out += text.mid(pos);
    return out;
}

MailMessage MailMessage::parse(const QByteArray &raw)
{
    MailMessage m;
    m.raw = raw;
    QByteArray normal = raw;
    normal.replace("\r\n", "\n");
    const qsizetype split = normal.indexOf("\n\n");
    m.rawHeaders = parseHeaderBlock(split < 0 ? normal : normal.left(split));
    for (const auto &h : m.rawHeaders)
        m.headers.append({ h.first, decodeHeaderValue(h.second) });
    parseEntity(m, normal);
    return m;
}

QString MailMessage::header(const QString &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

bool MailMessage::hasHeader(const QString &name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
        [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

SmtpSink::SmtpSink() = default;

SmtpSink::~SmtpSink()
{
    stop();
}

bool SmtpSink::start(int slowSeconds)
{
    const QString portFile = m_dir.filePath(u"port"_s);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    m_process->start(u"/usr/bin/python3"_s,
        { QStringLiteral(PUDDING_TESTSUPPORT_DIR "/smtpsink.py"), u"--dir"_s, m_dir.path(),
            u"--port-file"_s, portFile, u"--slow-seconds"_s, QString::number(slowSeconds) });
    if (!m_process->waitForStarted(10000)) {
        m_error = u"cannot start the SMTP sink: "_s + m_process->errorString();
        return false;
    }
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        QFile f(portFile);
        if (f.open(QIODevice::ReadOnly)) {
            m_port = f.readAll().trimmed().toInt();
            if (m_port > 0)
                return true;
        }
        QTest::qWait(50);
    }
    m_error = u"the SMTP sink did not start (is python3-aiosmtpd installed?)"_s;
    return false;
}

void SmtpSink::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

QString SmtpSink::url() const
{
    return u"smtp://127.0.0.1:%1"_s.arg(m_port);
}

QStringList SmtpSink::serverArguments() const
{
    return { u"--smtp-url"_s, url() };
}

QList<MailMessage> SmtpSink::messages() const
{
    return readFolder(m_dir.path());
}

bool SmtpSink::waitForMessages(int count, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    while (QDir(m_dir.path()).entryList({ u"*.eml"_s }, QDir::Files).size() < count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}

int SmtpSink::slowStarted() const
{
    return int(QDir(m_dir.path()).entryList({ u"slow-started-*"_s }, QDir::Files).size());
}

namespace MailDrop {
QList<MailMessage> messages(const QString &dataDir)
{
    return readFolder(dataDir + u"/mail"_s);
}

bool waitForMessages(const QString &dataDir, int count, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (QDir(dataDir + u"/mail"_s).entryList({ u"*.eml"_s }, QDir::Files).size() < count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}
} // namespace MailDrop

} // namespace Pudding::Test
