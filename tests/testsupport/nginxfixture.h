// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testserver.h"

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace Pudding::Test {

/// One line of the access log the fixture's nginx writes (its own log_format).
struct AccessLogLine
{
    QByteArray requestId;
    int status = 0;
    QByteArray method;
    QByteArray uri;
    QByteArray upstream; ///< "-" when nginx answered itself; "a, b" when it tried two
};

/// A real nginx (Debian's package), unprivileged, in a directory of its own, configured with
/// the project's packaging/nginx-pudding.conf and nginx-pudding-upstream.conf in front of
/// pudding-server instances. Only the lines those files mark "# ADMIN" are changed (listen
/// addresses, certificate paths, the upstream server lines); the rest is used as shipped.
/// TLS with a certificate for 127.0.0.1 signed by a CA made here with openssl; clients trust
/// that CA through sslConfiguration().
class NginxFixture : public JsonRequests<NginxFixture>
{
public:
    NginxFixture();
    ~NginxFixture();
    NginxFixture(const NginxFixture &) = delete;
    NginxFixture &operator=(const NginxFixture &) = delete;

    /// nginx's path, empty when it is not installed.
    [[nodiscard]] static QString binary();

    /// Makes the certificates, writes the configuration for these instances, checks it with
    /// `nginx -t` and starts nginx; false with errorString() otherwise.
    [[nodiscard]] bool start(const QList<int> &upstreamPorts);
    void stop();
    [[nodiscard]] QString errorString() const { return m_error; }

    /// Runs `nginx -t` on a configuration file; the output in `output`.
    [[nodiscard]] bool testConfig(const QString &configFile, QString *output) const;
    /// The wrapper configuration's path (includes the project's files).
    [[nodiscard]] QString configFile() const { return m_dir.filePath(u"nginx.conf"_s); }
    [[nodiscard]] QString dir() const { return m_dir.path(); }

    [[nodiscard]] int httpsPort() const { return m_httpsPort; }
    [[nodiscard]] int httpPort() const { return m_httpPort; }
    [[nodiscard]] QUrl url(const QString &pathAndQuery) const;
    [[nodiscard]] QUrl webSocketUrl() const;
    /// TLS that trusts the test's CA (and nothing else).
    [[nodiscard]] QSslConfiguration sslConfiguration() const;

    /// A blocking HTTPS request through nginx. A 429 (nginx's limit_req) is waited out and
    /// retried, as a client honouring it would; limitedRetries() counts those.
    HttpResult request(QByteArrayView method, const QString &path, const QByteArray &body = {},
        const QByteArray &token = {}, const QByteArray &contentType = "application/json");
    /// The same without the retry.
    HttpResult requestOnce(QByteArrayView method, const QString &path, const QByteArray &body = {},
        const QByteArray &token = {}, const QByteArray &contentType = "application/json");
    [[nodiscard]] int limitedRetries() const { return m_limitedRetries; }
    [[nodiscard]] QNetworkAccessManager &network() { return m_nam; }

    /// A TLS connection to nginx (encrypted, the CA trusted), for raw HTTP; null on failure.
    [[nodiscard]] std::unique_ptr<QSslSocket> connectRaw() const;

    /// What nginx logged so far.
    [[nodiscard]] QList<AccessLogLine> accessLog() const;
    /// The upstream that answered the request with this id ("-" for nginx itself, empty when
    /// the id is not logged yet).
    [[nodiscard]] QByteArray upstreamOf(const QByteArray &requestId) const;
    [[nodiscard]] QString errorLog() const;

private:
    [[nodiscard]] bool makeCertificates();
    [[nodiscard]] bool writeConfig(const QList<int> &upstreamPorts);
    [[nodiscard]] bool run(const QString &program, const QStringList &arguments, QString *output);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_httpsPort = 0;
    int m_httpPort = 0;
    QString m_error;
    QNetworkAccessManager m_nam;
    int m_limitedRetries = 0;
};

} // namespace Pudding::Test
