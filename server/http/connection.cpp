// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include "httplogging.h"
#include "httpresponse.h"
#include "metrics/logcontext.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class ConnectionText
{
    Q_DECLARE_TR_FUNCTIONS(Connection)
};
constexpr QByteArrayView kHeadEnd = "\r\n\r\n";
} // namespace

Connection::Connection(QTcpSocket *socket, const HttpLimits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
{
    m_lastActivity.start();
}

void Connection::inspectIncoming()
{
    if (m_rejected || m_closing) {
        // Nothing more is read from a rejected connection: drop what arrives, so QHttpServer
        // never buffers an oversized body.
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    if (m_state == State::Upgraded)
        return;
    m_lastActivity.restart();
    const QByteArray chunk = m_socket->peek(m_socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < chunk.size() && !m_rejected && m_state != State::Upgraded) {
        if (m_state == State::Body) {
            const qint64 n = std::min<qint64>(m_bodyRemaining, chunk.size() - pos);
            m_bodyRemaining -= n;
            pos += n;
            if (m_bodyRemaining == 0)
                m_state = State::Head;
            continue;
        }
        // State::Head: skip blank lines between requests (RFC 9112 2.2).
        if (m_head.isEmpty()) {
            while (pos < chunk.size() && (chunk[pos] == '\r' || chunk[pos] == '\n'))
                ++pos;
            if (pos == chunk.size())
                break;
            m_headStarted.start();
        }
        const qsizetype searchFrom = std::max<qsizetype>(0, m_head.size() - 3);
        const qsizetype take
            = std::min<qsizetype>(chunk.size() - pos, m_limits.maxHeaderBytes + 4 - m_head.size());
        m_head.append(chunk.constData() + pos, take);
        const qsizetype end = m_head.indexOf(kHeadEnd, searchFrom);
        if (end < 0) {
            pos += take;
            if (m_head.size() > m_limits.maxHeaderBytes)
                reject(Protocol::ErrorCode::HeadersTooLarge,
                    ConnectionText::tr("The request headers are larger than %1 bytes.")
                        .arg(m_limits.maxHeaderBytes));
            continue;
        }
        // Give back what belongs to the body or the next request.
        const qsizetype used = end + kHeadEnd.size();
        pos += take - (m_head.size() - used);
        m_head.truncate(used);
        parseHead();
        m_head.clear();
    }
}

void Connection::parseHead()
{
    RequestMeta meta;
    QList<QByteArray> lines = m_head.split('\n');
    for (auto &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const auto requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3) {
        reject(Protocol::ErrorCode::BadRequest, ConnectionText::tr("Malformed request line."));
        return;
    }
    const QByteArray &version = requestLine[2];
    bool keepAliveDefault = version == "HTTP/1.1";
    meta.headOnly = requestLine[0] == "HEAD";
    meta.target = requestLine[1];

    qint64 contentLength = 0;
    bool sawLength = false;
    bool keepAliveToken = false;
    bool closeToken = false;
    bool upgradeToken = false;
    bool expectContinue = false;
    QByteArray upgradeProtocol;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            reject(Protocol::ErrorCode::BadRequest, ConnectionText::tr("Malformed header line."));
            return;
        }
        const QByteArray name = line.first(colon).trimmed().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < 0 || (sawLength && n != contentLength)) {
                reject(
                    Protocol::ErrorCode::BadRequest, ConnectionText::tr("Invalid Content-Length."));
                return;
            }
            sawLength = true;
            contentLength = n;
        } else if (name == "transfer-encoding") {
            reject(Protocol::ErrorCode::LengthRequired,
                ConnectionText::tr("Chunked request bodies are not supported; "
                                   "send a Content-Length."));
            return;
        } else if (name == "connection") {
            for (const auto &token : value.toLower().split(',')) {
                const auto t = token.trimmed();
                keepAliveToken |= t == "keep-alive";
                closeToken |= t == "close";
                upgradeToken |= t == "upgrade";
            }
        } else if (name == "upgrade") {
            upgradeProtocol = value.toLower();
        } else if (name == "expect") {
            expectContinue = value.toLower() == "100-continue";
        }
    }
    meta.closeAfter = closeToken || !(keepAliveDefault || keepAliveToken);
    meta.upgrade = upgradeToken && upgradeProtocol == "websocket";

    if (contentLength > m_limits.maxBodyBytes) {
        reject(Protocol::ErrorCode::PayloadTooLarge,
            ConnectionText::tr("The request body is larger than %1 bytes.")
                .arg(m_limits.maxBodyBytes));
        return;
    }
    // The only WebSocket endpoint is /ws; Qt 6.4 would upgrade any path it is offered.
    if (meta.upgrade) {
        const auto query = meta.target.indexOf('?');
        if ((query < 0 ? meta.target : meta.target.left(query)) != "/ws") {
            reject(Protocol::ErrorCode::NotFound, ConnectionText::tr("No such resource."));
            return;
        }
    }
    m_metas.enqueue(meta);
    if (meta.upgrade) {
        m_state = State::Upgraded;
        return;
    }
    if (expectContinue && contentLength > 0 && !hasPendingResponses())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_bodyRemaining = contentLength;
    m_state = contentLength > 0 ? State::Body : State::Head;
}

Connection::RequestMeta Connection::takeRequestMeta()
{
    if (m_metas.isEmpty()) {
        qCWarning(lcHttp) << "request without a head seen by the guard";
        return {};
    }
    return m_metas.dequeue();
}

quint64 Connection::reserveResponse()
{
    return m_nextSequence++;
}

void Connection::completeResponse(quint64 sequence, const QByteArray &bytes, bool closeAfter)
{
    if (m_closing)
        return;
    m_ready.emplace(sequence, Ready { bytes, closeAfter });
    for (auto it = m_ready.find(m_nextToWrite); it != m_ready.end();
         it = m_ready.find(m_nextToWrite)) {
        m_socket->write(it->second.bytes);
        const bool close = it->second.closeAfter;
        m_ready.erase(it);
        ++m_nextToWrite;
        if (close) {
            startClosing();
            return;
        }
    }
    m_lastActivity.restart();
}

void Connection::reject(QLatin1StringView code, const QString &message)
{
    m_rejected = true;
    // Refused before it became a request: it still gets an id, like every response.
    auto response = HttpResponse::error(code, message);
    response.withHeader("X-Request-Id", RequestId::generate());
    completeResponse(reserveResponse(), response.serialize(true), true);
}

void Connection::startClosing()
{
    m_closing = true;
    m_ready.clear();
    m_socket->disconnectFromHost();
}

void Connection::checkTimeouts()
{
    if (m_closing || m_state == State::Upgraded)
        return;
    if (m_state == State::Head && !m_head.isEmpty()
        && m_headStarted.hasExpired(m_limits.headerTimeoutMs)) {
        reject(Protocol::ErrorCode::RequestTimeout,
            ConnectionText::tr("The request head took too long."));
    } else if (m_state == State::Body && m_lastActivity.hasExpired(m_limits.bodyTimeoutMs)) {
        reject(
            Protocol::ErrorCode::RequestTimeout, ConnectionText::tr("The request body stalled."));
    } else if (m_state == State::Head && m_head.isEmpty() && !hasPendingResponses()
        && m_lastActivity.hasExpired(m_limits.idleTimeoutMs)) {
        startClosing();
    }
}

} // namespace Pudding::Server
