// SPDX-License-Identifier: GPL-3.0-or-later
#include "httproutes.h"

#include "metrics/metrics.h"
#include "router.h"
#include "shared/protocol.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class MetricsText
{
    Q_DECLARE_TR_FUNCTIONS(Router) // the same text as an unknown path
};

QHostAddress unmapped(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}
} // namespace

std::optional<AddressAllowList> AddressAllowList::parse(const QString &text, QString *error)
{
    AddressAllowList list;
    if (text.trimmed() == "none"_L1)
        return list;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString entry = part.trimmed();
        QPair<QHostAddress, int> subnet;
        if (entry.contains(u'/')) {
            subnet = QHostAddress::parseSubnet(entry);
        } else if (QHostAddress address; address.setAddress(entry)) {
            subnet = { address, address.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32 };
        }
        if (subnet.first.isNull() || subnet.second < 0) {
            if (error)
                *error = entry;
            return std::nullopt;
        }
        subnet.first = unmapped(subnet.first);
        list.m_subnets.append(subnet);
    }
    if (list.m_subnets.isEmpty()) {
        if (error)
            *error = text;
        return std::nullopt;
    }
    return list;
}

bool AddressAllowList::allows(const QHostAddress &peer) const
{
    const QHostAddress address = unmapped(peer);
    for (const auto &subnet : m_subnets) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

void registerMetricsRoute(Router &router, const AddressAllowList &allow)
{
    router.add(Request::Method::Get, u"/metrics"_s, [allow](Request &request, const Reply &reply) {
        // The peer is the TCP connection's, never X-Forwarded-For (which anyone can send). A
        // peer outside the list gets the answer of an unknown path, not 403: /metrics is an
        // admin's window, and to everyone else it does not exist (a scan learns nothing, and a
        // reverse proxy that does not pass /metrics through looks the same).
        if (!allow.allows(request.remoteAddress)) {
            reply.send(HttpResponse::error(
                Protocol::ErrorCode::NotFound, MetricsText::tr("No such resource.")));
            return;
        }
        HttpResponse response;
        response.contentType = "text/plain; version=0.0.4; charset=utf-8";
        response.body = Metrics::registry().render();
        response.withHeader("Cache-Control", "no-store");
        reply.send(std::move(response));
    });
}

} // namespace Pudding::Server
