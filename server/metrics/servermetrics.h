// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics.h"

namespace Pudding::Server::Metrics {

/// The server's metrics that are not per route, in one place (names, HELP, buckets), so the
/// list in docs/ADMIN-observability.md has one source. The HTTP families per route are made by
/// the router (see httpRequestsTotal() and friends below).
struct ServerMetrics
{
    Gauge *httpInFlight;
    Gauge *wsConnections;
    Counter *wsFramesReceived;
    Counter *wsFramesSent;
    Counter *chatMessagesStored;
    Histogram *chatCommitBatchSize;
    Histogram *dbPoolWait;
    Histogram *dbJobDuration;
    Counter *notifyReconnects;
};

/// Registers (on the first call) and returns the server's metrics. Call it at start-up so
/// every family is exposed, with zeros, before anything happened.
[[nodiscard]] ServerMetrics &server();

/// The per-route HTTP families; `route` is the router's pattern ("/api/events/{id}") or
/// "unmatched", `method` the route's method, `statusClass` "1xx" … "5xx".
[[nodiscard]] Counter *httpRequestsTotal(
    const QByteArray &route, const QByteArray &method, const QByteArray &statusClass);
[[nodiscard]] Histogram *httpRequestDuration(const QByteArray &route, const QByteArray &method);

/// A gauge read when /metrics is scraped (e.g. the events in the index).
void addGaugeCollector(
    const QByteArray &name, const QByteArray &help, std::function<qint64()> read);

} // namespace Pudding::Server::Metrics
