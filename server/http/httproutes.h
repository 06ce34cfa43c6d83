// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace Pudding::Server {

class Router;

/// The peers allowed to read /metrics: addresses and CIDR ranges ("127.0.0.0/8,::1"), or
/// "none". An IPv4 peer seen as an IPv4-mapped IPv6 address (::ffff:10.1.2.3, on a dual-stack
/// socket) is compared as IPv4.
class AddressAllowList
{
public:
    /// The list, or nothing with the offending entry in *error.
    [[nodiscard]] static std::optional<AddressAllowList> parse(const QString &text, QString *error);
    [[nodiscard]] bool allows(const QHostAddress &peer) const;
    [[nodiscard]] bool isEmpty() const { return m_subnets.isEmpty(); }

private:
    QList<QPair<QHostAddress, int>> m_subnets;
};

/// GET /metrics: the Prometheus text exposition (0.0.4) of Metrics::registry(), to peers on
/// the allow-list only. Registered only with --metrics on.
void registerMetricsRoute(Router &router, const AddressAllowList &allow);

} // namespace Pudding::Server
