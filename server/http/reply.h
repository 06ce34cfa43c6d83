// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpresponse.h"
#include "metrics/metrics.h"

#include <QPointer>
#include <array>
#include <memory>

namespace Pudding::Server {

class Connection;
class HttpWorker;

/// What the router knows about the route a request took, for the access log and the metrics:
/// made once per route when it is registered (never per request), shared read-only.
struct RouteStats
{
    QByteArray pattern; ///< "/api/events/{id}", or "unmatched"
    QByteArray method; ///< the route's method ("GET" also for HEAD)
    /// By status class 1xx…5xx; all null with --metrics off.
    std::array<Metrics::Counter *, 5> requests {};
    Metrics::Histogram *duration = nullptr;
};

/// The promise of exactly one response to one request. Copyable, cheap, and safe to use from
/// any thread and at any time: the response is handed to the connection's own thread, written
/// in request order (pipelining), and silently dropped if the client has gone meanwhile.
/// A Reply whose last copy dies unsent answers 500, so no request is ever left hanging.
///
/// Every response carries the request's X-Request-Id. When the response is queued, the reply
/// counts it for its route (metrics), ends its in-flight time and writes the access log line.
class Reply
{
public:
    /// What is known about the request when it arrives.
    struct Trace
    {
        QByteArray requestId;
        QByteArray method; ///< as sent, for the access log
        qint64 startNs = 0; ///< steady clock; 0: not timed (--metrics off and no access log)
        bool counted = false; ///< in pudding_http_requests_in_flight (--metrics on)
    };

    Reply(HttpWorker *worker, QPointer<Connection> connection, quint64 sequence, bool closeAfter,
        bool headOnly, Trace trace);

    void send(HttpResponse response) const;
    /// A public answer (see Router): "Cache-Control: no-cache" and "Vary: Authorization"
    /// instead of the default "no-store", unless the response sets Cache-Control itself.
    void setPublic(bool isPublic) const;
    [[nodiscard]] bool isSent() const;

    /// The route the router chose (set before the handler runs).
    void setRoute(const RouteStats *route) const;
    /// The signed-in user, once the token is resolved (for the access log).
    void setUserId(qint64 userId) const;
    [[nodiscard]] const QByteArray &requestId() const;

private:
    struct State;
    std::shared_ptr<State> d;
};

/// The steady clock in nanoseconds (for request timing).
[[nodiscard]] qint64 steadyNowNs();

} // namespace Pudding::Server
