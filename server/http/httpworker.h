// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include "connection.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTimer>
#include <functional>

namespace Pudding::Server {

class Router;
class HttpWorker;

/// Accepts connections on a socket shared with the other workers (SO_REUSEPORT) and attaches
/// the guard to each before QHttpServer sees it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(HttpWorker *worker);

protected:
    void incomingConnection(qintptr handle) override;

private:
    HttpWorker *m_worker;
};

/// QAbstractHttpServer with our own dispatch: every request gets a Reply bound to its
/// connection, responses are written by us (compact, in order, never to a vanished socket).
class PuddingHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    PuddingHttpServer(HttpWorker *worker, const Router &router);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpWorker *m_worker;
    const Router &m_router;
};

/// One HTTP event loop: lives in its own thread, owns its listening socket, its connections
/// and their guards. Several workers share the port; the kernel spreads connections.
class HttpWorker : public QObject
{
    Q_OBJECT
public:
    HttpWorker(int index, const Router &router, const HttpLimits &limits);
    ~HttpWorker() override;

    /// Creates the listening socket in the calling thread: its descriptor, or why not.
    /// port 0 picks a free port; the other workers then pass the port the first one got.
    [[nodiscard]] static Result<int> openListeningSocket(const QHostAddress &address, quint16 port);

    /// Runs in the worker's thread: adopts a listening descriptor and starts serving.
    void start(int listeningDescriptor);
    void stop();

    [[nodiscard]] const HttpLimits &limits() const { return m_limits; }
    [[nodiscard]] int index() const { return m_index; }
    void addConnection(Connection *connection);
    [[nodiscard]] int connectionCount() const { return int(m_connections.size()); }

    /// Handler for WebSocket upgrades on this worker (set before start).
    std::function<void(PuddingHttpServer *)> onWebSocketConnection;

    /// Upgrade requests: QHttpServer disconnects every signal of the socket and hands it to
    /// its WebSocket server, which in Qt 6.4 never deletes it. The worker remembers the socket
    /// until the QWebSocket appears, so its owner can delete the socket when it is done.
    void noteUpgrade(QTcpSocket *socket);
    [[nodiscard]] QTcpSocket *takeUpgradedSocket(const QHostAddress &peer, quint16 port);

private:
    int m_index;
    const Router &m_router;
    HttpLimits m_limits;
    PuddingHttpServer *m_server = nullptr;
    QTimer m_sweeper;
    QSet<Connection *> m_connections;
    QHash<QString, QPointer<QTcpSocket>> m_upgrading;
};

} // namespace Pudding::Server
