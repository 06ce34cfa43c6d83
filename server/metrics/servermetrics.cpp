// SPDX-License-Identifier: GPL-3.0-or-later
#include "servermetrics.h"

namespace Pudding::Server::Metrics {

namespace {
constexpr double Nanoseconds = 1e9;
constexpr double Plain = 1;
} // namespace

ServerMetrics &server()
{
    static ServerMetrics metrics = [] {
        Registry &r = registry();
        ServerMetrics m {};
        m.httpInFlight = r.gauge("pudding_http_requests_in_flight",
            "HTTP requests parsed and not yet answered (response not yet queued).");
        m.wsConnections = r.gauge(
            "pudding_ws_connections", "Open WebSocket connections (authenticated or not).");
        m.wsFramesReceived = r.counter(
            "pudding_ws_frames_received_total", "WebSocket text messages received from clients.");
        m.wsFramesSent
            = r.counter("pudding_ws_frames_sent_total", "WebSocket text messages sent to clients.");
        m.chatMessagesStored = r.counter("pudding_chat_messages_stored_total",
            "Chat messages committed by the group-commit writer (duplicates of a retried "
            "clientMsgId not counted).");
        m.chatCommitBatchSize = r.histogram("pudding_chat_commit_batch_size",
            "Messages stored per group-commit transaction of the chat writer.", sizeBounds(),
            Plain);
        m.dbPoolWait = r.histogram("pudding_db_pool_wait_seconds",
            "Time a job waited in the queue for a free database thread.", durationBoundsNs(),
            Nanoseconds);
        m.dbJobDuration = r.histogram("pudding_db_query_duration_seconds",
            "Run time of one database job on a database thread (all the statements of one "
            "request step, including its transaction), not of single statements.",
            durationBoundsNs(), Nanoseconds);
        m.notifyReconnects = r.counter("pudding_notify_listener_reconnects_total",
            "Times a LISTEN connection (live frames, event changes) was lost and re-established.");
        return m;
    }();
    return metrics;
}

Counter *httpRequestsTotal(
    const QByteArray &route, const QByteArray &method, const QByteArray &statusClass)
{
    return registry().counter("pudding_http_requests_total",
        "HTTP requests answered, by route pattern, method and status class.",
        { "route", "method", "status_class" }, { route, method, statusClass });
}

Histogram *httpRequestDuration(const QByteArray &route, const QByteArray &method)
{
    return registry().histogram("pudding_http_request_duration_seconds",
        "Time from a request parsed to its response queued for writing, by route pattern and "
        "method.",
        durationBoundsNs(), Nanoseconds, { "route", "method" }, { route, method });
}

void addGaugeCollector(const QByteArray &name, const QByteArray &help, std::function<qint64()> read)
{
    registry().addCollector([name, help, read = std::move(read)](QByteArray &out) {
        Registry::appendFamily(out, name, help, Registry::Type::Gauge);
        Registry::appendSample(out, name, double(read()));
    });
}

} // namespace Pudding::Server::Metrics
