// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <map>

class QTcpSocket;

namespace Pudding::Server {

/// What a server protects itself with: Qt 6.4's HttpServer has no limits of its own.
struct HttpLimits
{
    int maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 6 * 1024 * 1024;
    int headerTimeoutMs = 10'000; ///< a request head must be complete within this
    int bodyTimeoutMs = 30'000; ///< longest silence while a body is arriving
    int idleTimeoutMs = 60'000; ///< keep-alive connections with nothing to do
    int maxConnectionsPerWorker = 20'000;
};

/// Per-connection state, a child of the socket so it dies with it.
///
/// It sees every byte before QHttpServer does (its readyRead slot is connected first) and
/// tracks request boundaries itself: this enforces header/body limits and timeouts, answers
/// "Expect: 100-continue", and learns per request whether the connection must close
/// (Connection: close, HTTP/1.0). It also sequences responses so that pipelined requests are
/// answered in order even when a later one finishes first.
class Connection : public QObject
{
    Q_OBJECT
public:
    struct RequestMeta
    {
        bool closeAfter = false;
        bool headOnly = false;
        bool upgrade = false;
        /// The request target exactly as sent (RFC 9112 3.2), before any decoding: routing
        /// matches on it, so "/api/events/%33%30" or "//api/events/30" never become event 30.
        QByteArray target;
    };

    Connection(QTcpSocket *socket, const HttpLimits &limits);

    /// Inspects newly arrived bytes; connected to readyRead before QHttpServer.
    void inspectIncoming();
    /// The facts about the next complete request, in arrival order.
    [[nodiscard]] RequestMeta takeRequestMeta();
    /// Reserves the next response slot.
    [[nodiscard]] quint64 reserveResponse();
    /// Fills slot `sequence`; writes every response that is now next in line.
    void completeResponse(quint64 sequence, const QByteArray &bytes, bool closeAfter);
    /// Called about once a second: applies the timeouts.
    void checkTimeouts();

    [[nodiscard]] bool isRejected() const { return m_rejected; }
    [[nodiscard]] bool isUpgraded() const { return m_state == State::Upgraded; }
    [[nodiscard]] QTcpSocket *socket() const { return m_socket; }

private:
    enum class State { Head, Body, Upgraded };

    void parseHead();
    void reject(QLatin1StringView code, const QString &message);
    void startClosing();
    [[nodiscard]] bool hasPendingResponses() const { return m_nextToWrite != m_nextSequence; }

    QTcpSocket *m_socket;
    const HttpLimits &m_limits;
    State m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyRemaining = 0;
    QElapsedTimer m_headStarted;
    QElapsedTimer m_lastActivity;
    QQueue<RequestMeta> m_metas;
    bool m_rejected = false;
    bool m_closing = false;

    struct Ready
    {
        QByteArray bytes;
        bool closeAfter = false;
    };
    quint64 m_nextSequence = 0;
    quint64 m_nextToWrite = 0;
    std::map<quint64, Ready> m_ready;
};

} // namespace Pudding::Server
