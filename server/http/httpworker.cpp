// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpworker.h"

#include "httplogging.h"
#include "metrics/logcontext.h"
#include "metrics/servermetrics.h"
#include "reply.h"
#include "router.h"
#include "shared/futures.h"
#include "shared/protocol.h"

#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

// ---- Reply -------------------------------------------------------------------------------

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct Reply::State
{
    State(HttpWorker *w, QPointer<Connection> c, quint64 s, bool close, bool head, Trace t)
        : worker(w)
        , connection(std::move(c))
        , sequence(s)
        , closeAfter(close)
        , headOnly(head)
        , trace(std::move(t))
    { }
    State(const State &) = delete;
    State &operator=(const State &) = delete;

    HttpWorker *worker;
    QPointer<Connection> connection; // only dereferenced in the worker's thread
    quint64 sequence;
    bool closeAfter;
    bool headOnly;
    const Trace trace;
    std::atomic_bool sent = false;
    std::atomic_bool isPublic = false;
    std::atomic<const RouteStats *> route = nullptr;
    std::atomic<qint64> userId = 0;

    void deliver(HttpResponse response)
    {
        if (sent.exchange(true))
            return;
        if (isPublic && !response.hasHeader("cache-control")) {
            response.withHeader("Cache-Control", "no-cache");
            response.withHeader("Vary", "Authorization");
        }
        response.withHeader("X-Request-Id", trace.requestId);
        QByteArray bytes = response.serialize(closeAfter, headOnly);
        // Counted before the bytes are handed over: once a client has its answer, a scrape
        // of /metrics (on any thread) already includes it.
        observe(response.status);
        // The client may have gone meanwhile: then the response is dropped.
        invokeGuarded(worker, connection,
            [connection = connection, sequence = sequence, bytes = std::move(bytes),
                close = closeAfter] { connection->completeResponse(sequence, bytes, close); });
    }

    /// The request is answered (its response queued): metrics and the access log line.
    void observe(int status)
    {
        if (!trace.startNs)
            return; // --metrics off and no access log: nothing to do
        const qint64 elapsedNs = steadyNowNs() - trace.startNs;
        const RouteStats *stats = route.load(std::memory_order_acquire);
        if (trace.counted) {
            Metrics::server().httpInFlight->add(-1);
            if (stats && stats->duration) {
                stats->requests[std::clamp(status / 100, 1, 5) - 1]->inc();
                stats->duration->observe(elapsedNs);
            }
        }
        if (lcHttpAccess().isInfoEnabled()) {
            static const QByteArray unmatched = "unmatched";
            LogContext context;
            context.requestId = trace.requestId;
            context.userId = userId.load(std::memory_order_relaxed);
            context.route = stats ? stats->pattern : unmatched;
            context.method = trace.method;
            context.status = status;
            context.durationMs = double(elapsedNs) / 1e6;
            const LogScope scope(context);
            // The route's pattern, never the path as sent: no query string, no ids.
            qCInfo(lcHttpAccess).noquote() << trace.method << context.route << status
                                           << QString::number(context.durationMs, 'f', 3) << "ms";
        }
    }

    ~State()
    {
        if (!sent) {
            qCWarning(lcHttp) << "a request was left without a response; answering 500";
            deliver(HttpResponse::internalError());
        }
    }
};

Reply::Reply(HttpWorker *worker, QPointer<Connection> connection, quint64 sequence, bool closeAfter,
    bool headOnly, Trace trace)
    : d(std::make_shared<State>(
        worker, std::move(connection), sequence, closeAfter, headOnly, std::move(trace)))
{ }

void Reply::send(HttpResponse response) const
{
    d->deliver(std::move(response));
}

void Reply::setPublic(bool isPublic) const
{
    d->isPublic = isPublic;
}

bool Reply::isSent() const
{
    return d->sent;
}

void Reply::setRoute(const RouteStats *route) const
{
    d->route.store(route, std::memory_order_release);
}

void Reply::setUserId(qint64 userId) const
{
    d->userId.store(userId, std::memory_order_relaxed);
}

const QByteArray &Reply::requestId() const
{
    return d->trace.requestId;
}

// ---- GuardedTcpServer --------------------------------------------------------------------

GuardedTcpServer::GuardedTcpServer(HttpWorker *worker)
    : m_worker(worker)
{ }

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    if (m_worker->connectionCount() >= m_worker->limits().maxConnectionsPerWorker) {
        socket->write(
            HttpResponse::error(Protocol::ErrorCode::Unavailable, u"Too many connections."_s)
                .withHeader("X-Request-Id", RequestId::generate())
                .serialize(true));
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *connection = new Connection(socket, m_worker->limits());
    // Connected before QHttpServer connects its own slot: the guard sees bytes first.
    connect(socket, &QTcpSocket::readyRead, connection, &Connection::inspectIncoming);
    m_worker->addConnection(connection);
    addPendingConnection(socket);
}

// ---- PuddingHttpServer -------------------------------------------------------------------

PuddingHttpServer::PuddingHttpServer(HttpWorker *worker, const Router &router)
    : m_worker(worker)
    , m_router(router)
{ }

bool PuddingHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto *connection = socket->findChild<Connection *>(QString(), Qt::FindDirectChildrenOnly);
    if (!connection) {
        qCWarning(lcHttp) << "request on a socket without a guard";
        socket->abort();
        return true;
    }
    // Refused by the guard, which has answered: false keeps Qt 6.4 from performing a WebSocket
    // handshake after our answer (it upgrades whenever this returns true); for other requests
    // Qt then only calls missingHandler, which does nothing.
    if (connection->isRejected())
        return false;
    const auto meta = connection->takeRequestMeta();
    if (meta.upgrade) {
        // Qt 6.4 performs the WebSocket handshake itself after this returns; writing anything
        // here would corrupt it. Authentication happens after the upgrade.
        m_worker->noteUpgrade(socket);
        return true;
    }
    Request r;
    r.method = request.method();
    const QUrl url = request.url();
    // Routing sees the target as sent: QUrl would decode "%33%30" and read "//api" as a host.
    r.path = meta.target.isEmpty() ? url.path(QUrl::FullyEncoded) : requestPath(meta.target);
    r.query = request.query();
    r.headers = request.headers();
    r.body = request.body();
    r.remoteAddress = socket->peerAddress();
    Reply::Trace trace;
    trace.requestId = RequestId::acceptOrGenerate(r.header("x-request-id"));
    r.requestId = trace.requestId;
    const bool metrics = Metrics::enabled();
    if (metrics || lcHttpAccess().isInfoEnabled()) {
        trace.startNs = steadyNowNs();
        trace.method = methodName(r.method);
    }
    if (metrics) {
        Metrics::server().httpInFlight->add(1);
        trace.counted = true;
    }
    const Reply reply(m_worker, connection, connection->reserveResponse(), meta.closeAfter,
        meta.headOnly, std::move(trace));
    m_router.dispatch(std::move(r), reply);
    return true;
}

void PuddingHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest answers everything.
}

// ---- HttpWorker --------------------------------------------------------------------------

HttpWorker::HttpWorker(int index, const Router &router, const HttpLimits &limits)
    : m_index(index)
    , m_router(router)
    , m_limits(limits)
    , m_sweeper(this)
{
    m_sweeper.setInterval(1000);
    connect(&m_sweeper, &QTimer::timeout, this, [this] {
        const auto connections = m_connections; // a check may close (and later delete) one
        for (Connection *c : connections)
            c->checkTimeouts();
    });
}

HttpWorker::~HttpWorker() = default;

Result<int> HttpWorker::openListeningSocket(const QHostAddress &address, quint16 port)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Error { QString(Protocol::ErrorCode::Internal),
            QString::fromLocal8Bit(std::strerror(errno)), {} };
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    sockaddr_storage storage {};
    socklen_t length;
    if (v6) {
        const int zero = 0;
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&storage);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&sa->sin6_addr, &a, sizeof a);
        length = sizeof(sockaddr_in6);
    } else {
        auto *sa = reinterpret_cast<sockaddr_in *>(&storage);
        sa->sin_family = AF_INET;
        sa->sin_port = htons(port);
        sa->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0
        || ::listen(fd, 4096) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return Error { QString(Protocol::ErrorCode::Internal), reason, {} };
    }
    return fd;
}

void HttpWorker::start(int listeningDescriptor)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_server = new PuddingHttpServer(this, m_router);
    m_server->setParent(this);
    auto *tcp = new GuardedTcpServer(this);
    tcp->setMaxPendingConnections(1024);
    if (!tcp->setSocketDescriptor(listeningDescriptor)) {
        qCCritical(lcHttp) << "worker" << m_index
                           << "cannot adopt its socket:" << tcp->errorString();
        delete tcp;
        return;
    }
    m_server->bind(tcp);
    if (onWebSocketConnection) {
        connect(m_server, &QAbstractHttpServer::newWebSocketConnection, this,
            [this] { onWebSocketConnection(m_server); });
    }
    m_sweeper.start();
}

void HttpWorker::stop()
{
    m_sweeper.stop();
    for (Connection *c : std::as_const(m_connections))
        c->socket()->abort();
    delete m_server;
    m_server = nullptr;
}

namespace {
QString peerKey(const QHostAddress &peer, quint16 port)
{
    return peer.toString() % u'|' % QString::number(port);
}
} // namespace

void HttpWorker::noteUpgrade(QTcpSocket *socket)
{
    m_upgrading.insert(peerKey(socket->peerAddress(), socket->peerPort()), socket);
    if (m_upgrading.size() > 1024) { // handshakes that never completed
        for (auto it = m_upgrading.begin(); it != m_upgrading.end();)
            it = it->isNull() ? m_upgrading.erase(it) : std::next(it);
    }
}

QTcpSocket *HttpWorker::takeUpgradedSocket(const QHostAddress &peer, quint16 port)
{
    QTcpSocket *socket = m_upgrading.take(peerKey(peer, port)).data();
    // The HTTP guard has nothing left to do on a WebSocket (its limits are the session's now);
    // idle sockets are many, so it goes.
    if (socket) {
        const auto guards
            = socket->findChildren<Connection *>(QString(), Qt::FindDirectChildrenOnly);
        qDeleteAll(guards);
    }
    return socket;
}

void HttpWorker::addConnection(Connection *connection)
{
    m_connections.insert(connection);
    connect(connection, &QObject::destroyed, this,
        [this, connection] { m_connections.remove(connection); });
}

} // namespace Pudding::Server
