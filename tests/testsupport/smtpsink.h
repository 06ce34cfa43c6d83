// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace Pudding::Test {

/// A received (or dropped) mail, parsed for tests: headers unfolded and RFC 2047 decoded, the
/// text and HTML parts and attachments decoded (quoted-printable, base64).
struct MailMessage
{
    struct Part
    {
        QString contentType; ///< "text/calendar; charset=utf-8; method=PUBLISH"
        QString fileName;
        QByteArray data;
    };

    QString fileName; ///< where it was read from
    QByteArray raw;
    QString envelopeFrom; ///< MAIL FROM (sink only)
    QStringList envelopeTo; ///< RCPT TO (sink only)
    /// Name and decoded value in order; names as written.
    QList<QPair<QString, QString>> headers;
    QString text;
    QString html;
    QList<Part> attachments;
    /// Name and raw (unfolded, not decoded) value in order.
    QList<QPair<QString, QByteArray>> rawHeaders;

    /// The first header called `name` (case-insensitive), decoded; empty if none.
    [[nodiscard]] QString header(const QString &name) const;
    [[nodiscard]] bool hasHeader(const QString &name) const;
    /// "Message-ID" without the angle brackets' surroundings (as written, with < >).
    [[nodiscard]] QString messageId() const { return header(QStringLiteral("Message-ID")); }

    /// Parses a whole message (CRLF or LF line ends).
    [[nodiscard]] static MailMessage parse(const QByteArray &raw);
};

/// RFC 2047 encoded words in a header value, decoded (B and Q, any charset Qt knows).
[[nodiscard]] QString decodeHeaderValue(const QByteArray &value);

/// The tests' SMTP server: tests/testsupport/smtpsink.py (aiosmtpd) on an ephemeral port,
/// writing each accepted message to a folder of its own. Recipients whose local part starts
/// with "refuse" get 451 (try later), "reject" 550 (never), "slow" a DATA answer that waits
/// (the first message to that address only; see slowStarted()).
class SmtpSink
{
public:
    SmtpSink();
    ~SmtpSink();
    SmtpSink(const SmtpSink &) = delete;
    SmtpSink &operator=(const SmtpSink &) = delete;

    /// Starts the sink; false with errorString() when it did not come up in 15 s.
    [[nodiscard]] bool start(int slowSeconds = 60);
    void stop();
    [[nodiscard]] QString url() const;
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString directory() const { return m_dir.path(); }
    /// Every message accepted so far, in arrival order.
    [[nodiscard]] QList<MailMessage> messages() const;
    /// Waits (tests only) until at least `count` messages arrived; false after timeoutMs.
    [[nodiscard]] bool waitForMessages(int count, int timeoutMs = 15000) const;
    /// How many "slow" messages the sink is holding or held (their DATA answer waits).
    [[nodiscard]] int slowStarted() const;
    /// The server arguments that send mail here: { "--smtp-url", url() }.
    [[nodiscard]] QStringList serverArguments() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QString m_error;
};

/// The .eml files a server without --smtp-url writes under <data-dir>/mail/.
namespace MailDrop {
[[nodiscard]] QList<MailMessage> messages(const QString &dataDir);
[[nodiscard]] bool waitForMessages(const QString &dataDir, int count, int timeoutMs = 15000);
} // namespace MailDrop

} // namespace Pudding::Test
