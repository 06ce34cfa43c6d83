// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginxfixture.h"

#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Pudding::Test {

namespace {

/// A free loopback port (free when asked; nginx binds it a moment later).
int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool writeText(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && f.write(text.toUtf8()) == text.toUtf8().size();
}

} // namespace

NginxFixture::NginxFixture() = default;

NginxFixture::~NginxFixture()
{
    stop();
}

QString NginxFixture::binary()
{
    for (const QString &path : { u"/usr/sbin/nginx"_s, u"/usr/local/sbin/nginx"_s })
        if (QFile::exists(path))
            return path;
    return QStandardPaths::findExecutable(u"nginx"_s);
}

bool NginxFixture::run(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    const bool finished = p.waitForStarted(5000) && p.waitForFinished(30000);
    const QString text = QString::fromUtf8(p.readAll());
    if (output)
        *output = text;
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = program % u' ' % arguments.join(u' ') % u": "_s % text;
        return false;
    }
    return true;
}

bool NginxFixture::makeCertificates()
{
    // A CA, and a certificate for 127.0.0.1 it signed: what Let's Encrypt would hand out.
    const QString d = m_dir.path();
    if (!writeText(d + u"/server.ext"_s,
            u"subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
            "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n"_s))
        return false;
    const QStringList ec { u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
        u"-nodes"_s };
    return run(u"openssl"_s,
               QStringList { u"req"_s, u"-x509"_s } + ec
                   + QStringList { u"-keyout"_s, d + u"/ca.key"_s, u"-out"_s, d + u"/ca.crt"_s,
                       u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=Pudding Gabel test CA"_s, u"-addext"_s,
                       u"basicConstraints=critical,CA:TRUE"_s, u"-addext"_s,
                       u"keyUsage=critical,keyCertSign,cRLSign"_s },
               nullptr)
        && run(u"openssl"_s,
            QStringList { u"req"_s } + ec
                + QStringList { u"-keyout"_s, d + u"/server.key"_s, u"-out"_s, d + u"/server.csr"_s,
                    u"-subj"_s, u"/CN=127.0.0.1"_s },
            nullptr)
        && run(u"openssl"_s,
            { u"x509"_s, u"-req"_s, u"-in"_s, d + u"/server.csr"_s, u"-CA"_s, d + u"/ca.crt"_s,
                u"-CAkey"_s, d + u"/ca.key"_s, u"-CAcreateserial"_s, u"-out"_s,
                d + u"/server.crt"_s, u"-days"_s, u"2"_s, u"-extfile"_s, d + u"/server.ext"_s },
            nullptr);
}

bool NginxFixture::writeConfig(const QList<int> &upstreamPorts)
{
    const QString d = m_dir.path();
    const QString site = readText(QStringLiteral(PUDDING_NGINX_CONF_DIR "/nginx-pudding.conf"));
    const QString upstream
        = readText(QStringLiteral(PUDDING_NGINX_CONF_DIR "/nginx-pudding-upstream.conf"));
    if (site.isEmpty() || upstream.isEmpty()) {
        m_error = u"cannot read the project's nginx configuration"_s;
        return false;
    }

    // Only the "# ADMIN" lines change; each kind must be there exactly as often as expected,
    // so a reshuffled file fails here instead of being tested half.
    static const QRegularExpression adminLine(u"^(\\s*)(\\S+)\\s+(.*?);\\s*# ADMIN\\s*$"_s);
    QStringList siteOut;
    QMap<QString, int> seen;
    for (const QString &line : site.split(u'\n')) {
        const auto m = adminLine.match(line);
        if (!m.hasMatch()) {
            siteOut.append(line);
            continue;
        }
        const QString indent = m.captured(1);
        const QString directive = m.captured(2);
        const QString value = m.captured(3);
        QString replaced;
        if (directive == "listen"_L1 && value == "80"_L1)
            replaced = u"listen 127.0.0.1:%1;"_s.arg(m_httpPort);
        else if (directive == "listen"_L1 && value == "443 ssl http2"_L1)
            replaced = u"listen 127.0.0.1:%1 ssl http2;"_s.arg(m_httpsPort);
        else if (directive == "ssl_certificate"_L1)
            replaced = u"ssl_certificate "_s % d % u"/server.crt;"_s;
        else if (directive == "ssl_certificate_key"_L1)
            replaced = u"ssl_certificate_key "_s % d % u"/server.key;"_s;
        else if (directive == "server_name"_L1)
            replaced = line.trimmed(); // any name: the only server on its port
        else {
            m_error = u"unexpected ADMIN line in nginx-pudding.conf: "_s + line;
            return false;
        }
        seen[directive + u' ' + (directive == "listen"_L1 ? value : QString())] += 1;
        siteOut.append(indent + replaced);
    }
    const QMap<QString, int> expected { { u"listen 80"_s, 1 }, { u"listen 443 ssl http2"_s, 1 },
        { u"server_name "_s, 2 }, { u"ssl_certificate "_s, 1 }, { u"ssl_certificate_key "_s, 1 } };
    if (seen != expected) {
        m_error = u"nginx-pudding.conf's ADMIN lines changed; update NginxFixture"_s;
        return false;
    }

    // One upstream line per instance, with the parameters the project's line has.
    static const QRegularExpression serverLine(u"^(\\s*)server\\s+\\S+(.*;)\\s*# ADMIN\\s*$"_s);
    QStringList upstreamOut;
    int serverLines = 0;
    for (const QString &line : upstream.split(u'\n')) {
        const auto m = serverLine.match(line);
        if (!m.hasMatch()) {
            upstreamOut.append(line);
            continue;
        }
        ++serverLines;
        for (int port : upstreamPorts)
            upstreamOut.append(
                m.captured(1) % u"server 127.0.0.1:"_s % QString::number(port) % m.captured(2));
    }
    if (serverLines != 1) {
        m_error = u"nginx-pudding-upstream.conf needs exactly one ADMIN server line"_s;
        return false;
    }

    // The wrapper: what /etc/nginx/nginx.conf is to a real installation, all inside d.
    const QString wrapper = u"worker_processes 1;\n"
                            "events { worker_connections 1024; }\n"
                            "http {\n"
                            "    client_body_temp_path %1/client_body;\n"
                            "    proxy_temp_path %1/proxy;\n"
                            "    fastcgi_temp_path %1/fastcgi;\n"
                            "    uwsgi_temp_path %1/uwsgi;\n"
                            "    scgi_temp_path %1/scgi;\n"
                            "    log_format pudding_test "
                            "'$request_id|$status|$request_method|$uri|$upstream_addr';\n"
                            "    access_log %1/access.log pudding_test;\n"
                            "    include %1/nginx-pudding.conf;\n"
                            "    include %1/nginx-pudding-upstream.conf;\n"
                            "}\n"_s.arg(d);
    return writeText(d + u"/nginx-pudding.conf"_s, siteOut.join(u'\n'))
        && writeText(d + u"/nginx-pudding-upstream.conf"_s, upstreamOut.join(u'\n'))
        && writeText(configFile(), wrapper);
}

bool NginxFixture::testConfig(const QString &configFile, QString *output) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(binary(),
        { u"-t"_s, u"-p"_s, m_dir.path(), u"-e"_s, m_dir.filePath(u"error.log"_s), u"-c"_s,
            configFile, u"-g"_s, u"pid %1/nginx.pid;"_s.arg(m_dir.path()) });
    const bool finished = p.waitForStarted(5000) && p.waitForFinished(30000);
    *output = QString::fromUtf8(p.readAll());
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool NginxFixture::start(const QList<int> &upstreamPorts)
{
    if (!m_dir.isValid()) {
        m_error = u"no temporary directory"_s;
        return false;
    }
    // Started as root (CI containers), nginx's workers run as "nobody": they must reach the
    // temporary paths (nginx creates those for its worker user) inside this directory.
    QFile::setPermissions(m_dir.path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::ExeOther);
    m_httpsPort = freePort();
    m_httpPort = freePort();
    if (!makeCertificates() || !writeConfig(upstreamPorts))
        return false;
    QString output;
    if (!testConfig(configFile(), &output)) {
        m_error = u"nginx -t: "_s + output;
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(binary(),
        { u"-p"_s, m_dir.path(), u"-e"_s, m_dir.filePath(u"error.log"_s), u"-c"_s, configFile(),
            u"-g"_s,
            u"daemon off; pid %1/nginx.pid; error_log %1/error.log info;"_s.arg(m_dir.path()) });
    if (!m_process->waitForStarted(5000)) {
        m_error = u"nginx did not start"_s;
        return false;
    }
    // Ready once it answers on the HTTPS port.
    const bool up = QTest::qWaitFor(
        [this] {
            if (m_process->state() != QProcess::Running)
                return true;
            QTcpSocket probe;
            probe.connectToHost(u"127.0.0.1"_s, quint16(m_httpsPort));
            return probe.waitForConnected(200);
        },
        10000);
    if (!up || m_process->state() != QProcess::Running) {
        m_error
            = u"nginx is not listening: "_s + QString::fromUtf8(m_process->readAll()) + errorLog();
        return false;
    }
    return true;
}

void NginxFixture::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QUrl NginxFixture::url(const QString &pathAndQuery) const
{
    return QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_httpsPort).arg(pathAndQuery));
}

QUrl NginxFixture::webSocketUrl() const
{
    return QUrl(u"wss://127.0.0.1:%1/ws"_s.arg(m_httpsPort));
}

QSslConfiguration NginxFixture::sslConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(m_dir.filePath(u"ca.crt"_s)));
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return config;
}

HttpResult NginxFixture::requestOnce(QByteArrayView method, const QString &path,
    const QByteArray &body, const QByteArray &token, const QByteArray &contentType)
{
    QNetworkRequest request(url(path));
    request.setSslConfiguration(sslConfiguration());
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!body.isEmpty() || method == "POST" || method == "PATCH")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return sendAndWait(m_nam, request, method, body);
}

HttpResult NginxFixture::request(QByteArrayView method, const QString &path, const QByteArray &body,
    const QByteArray &token, const QByteArray &contentType)
{
    HttpResult r = requestOnce(method, path, body, token, contentType);
    for (int attempt = 0; r.status == 429 && attempt < 100; ++attempt) {
        ++m_limitedRetries;
        QTest::qWait(100);
        r = requestOnce(method, path, body, token, contentType);
    }
    return r;
}

std::unique_ptr<QSslSocket> NginxFixture::connectRaw() const
{
    auto socket = std::make_unique<QSslSocket>();
    socket->setSslConfiguration(sslConfiguration());
    socket->connectToHostEncrypted(u"127.0.0.1"_s, quint16(m_httpsPort));
    if (!socket->waitForEncrypted(5000))
        return nullptr;
    return socket;
}

QList<AccessLogLine> NginxFixture::accessLog() const
{
    QList<AccessLogLine> out;
    QFile f(m_dir.filePath(u"access.log"_s));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split('|');
        if (fields.size() != 5)
            continue;
        out.append({ fields[0], fields[1].toInt(), fields[2], fields[3], fields[4] });
    }
    return out;
}

QByteArray NginxFixture::upstreamOf(const QByteArray &requestId) const
{
    for (const auto &line : accessLog())
        if (line.requestId == requestId)
            return line.upstream;
    return {};
}

QString NginxFixture::errorLog() const
{
    return readText(m_dir.filePath(u"error.log"_s));
}

} // namespace Pudding::Test
