// SPDX-License-Identifier: GPL-3.0-or-later
#include "router.h"

#include "httplogging.h"
#include "metrics/logcontext.h"
#include "metrics/servermetrics.h"
#include "shared/protocol.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class RouterText
{
    Q_DECLARE_TR_FUNCTIONS(Router)
};
namespace EC = Protocol::ErrorCode;
} // namespace

std::optional<QJsonObject> jsonBodyOrReply(const Request &request, const Reply &reply)
{
    auto body = request.jsonObject();
    if (!body) {
        reply.send(HttpResponse::fromError(body.error()));
        return std::nullopt;
    }
    return std::move(body).value();
}

namespace {
using M = Request::Method;
constexpr std::array<M, 7> kKnownMethods
    = { M::Get, M::Head, M::Post, M::Put, M::Patch, M::Delete, M::Options };

qsizetype unmatchedIndex(M method)
{
    const auto *it = std::find(kKnownMethods.begin(), kKnownMethods.end(), method);
    return it - kKnownMethods.begin(); // kKnownMethods.size() for any other: "OTHER"
}
} // namespace

QByteArray methodName(Request::Method method)
{
    switch (method) {
    case M::Get:
        return "GET";
    case M::Head:
        return "HEAD";
    case M::Post:
        return "POST";
    case M::Put:
        return "PUT";
    case M::Patch:
        return "PATCH";
    case M::Delete:
        return "DELETE";
    case M::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

Router::Router(const Authenticator *authenticator)
    : m_authenticator(authenticator)
{
    for (const M method : kKnownMethods)
        m_unmatched.push_back(makeStats("unmatched", methodName(method)));
    m_unmatched.push_back(makeStats("unmatched", "OTHER"));
}

std::shared_ptr<RouteStats> Router::makeStats(const QByteArray &pattern, const QByteArray &method)
{
    auto stats = std::make_shared<RouteStats>();
    stats->pattern = pattern;
    stats->method = method;
    if (Metrics::enabled()) {
        static constexpr const char *classes[] = { "1xx", "2xx", "3xx", "4xx", "5xx" };
        for (size_t i = 0; i < stats->requests.size(); ++i)
            stats->requests[i] = Metrics::httpRequestsTotal(pattern, method, classes[i]);
        stats->duration = Metrics::httpRequestDuration(pattern, method);
    }
    return stats;
}

const RouteStats *Router::unmatched(Request::Method method) const
{
    return m_unmatched[size_t(unmatchedIndex(method))].get();
}

void Router::add(Request::Method method, const QString &pattern, Handler handler)
{
    add(method, pattern, std::move(handler), Options {});
}

void Router::add(Request::Method method, const QString &pattern, Handler handler, Options options)
{
    QString label = pattern;
    label.replace("<id>"_L1, "{id}"_L1);
    label.replace("<token>"_L1, "{token}"_L1);
    m_routes.append({ method, pattern.split(u'/', Qt::SkipEmptyParts), std::move(handler), options,
        makeStats(label.toUtf8(), methodName(method)) });
}

std::optional<QList<QStringView>> canonicalSegments(QStringView path)
{
    if (!path.startsWith(u'/'))
        return std::nullopt;
    QList<QStringView> segments = path.sliced(1).split(u'/');
    for (const auto &segment : segments) {
        if (segment.isEmpty())
            return std::nullopt;
    }
    return segments;
}

qint64 canonicalId(QStringView segment)
{
    constexpr QStringView max = u"9223372036854775807";
    if (segment.isEmpty() || segment.size() > max.size() || segment.front() == u'0')
        return 0;
    for (const QChar c : segment) {
        if (c < u'0' || c > u'9')
            return 0;
    }
    // Equal lengths of digits compare like the numbers.
    if (segment.size() == max.size() && segment.compare(max) > 0)
        return 0;
    return segment.toLongLong();
}

QStringView canonicalToken(QStringView segment, QStringView suffix)
{
    if (!segment.endsWith(suffix))
        return {};
    const QStringView token = segment.chopped(suffix.size());
    if (token.isEmpty() || token.size() > 128)
        return {};
    for (const QChar c : token) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'_'
            // the separator of a signed link token (links/: "<claims>.<mac>")
            || c == u'.';
        if (!ok)
            return {};
    }
    return token;
}

bool Router::match(
    const Route &route, const QList<QStringView> &segments, QList<qint64> &ids, QStringList &tokens)
{
    if (route.segments.size() != segments.size())
        return false;
    ids.clear();
    tokens.clear();
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (route.segments[i] == "<id>"_L1) {
            const qint64 id = canonicalId(segments[i]);
            if (id <= 0)
                return false;
            ids.append(id);
        } else if (route.segments[i].startsWith("<token>"_L1)) {
            const QStringView token = canonicalToken(
                segments[i], QStringView(route.segments[i]).sliced(7)); // after "<token>"
            if (token.isEmpty())
                return false;
            tokens.append(token.toString());
        } else if (route.segments[i] != segments[i]) {
            return false;
        }
    }
    return true;
}

QByteArray Router::allowHeader(Request::Methods methods)
{
    if (methods.testFlag(M::Get))
        methods |= M::Head;
    methods |= M::Options;
    static constexpr std::pair<M, const char *> order[]
        = { { M::Get, "GET" }, { M::Head, "HEAD" }, { M::Post, "POST" }, { M::Put, "PUT" },
              { M::Patch, "PATCH" }, { M::Delete, "DELETE" }, { M::Options, "OPTIONS" } };
    QByteArrayList names;
    for (const auto &[method, name] : order) {
        if (methods.testFlag(method))
            names.append(name);
    }
    return names.join(", ");
}

void Router::dispatch(Request request, const Reply &reply) const
{
    const LogScope logScope(LogContext(request.requestId));
    const auto segments = canonicalSegments(request.path);
    Request::Methods allowed;
    const Route *found = nullptr;
    QList<qint64> ids;
    QStringList tokens;
    const auto method
        = request.method == Request::Method::Head ? Request::Method::Get : request.method;
    for (const auto &route : m_routes) {
        if (!segments || !match(route, *segments, ids, tokens))
            continue;
        allowed |= route.method;
        if (route.method == method) {
            found = &route;
            break;
        }
    }
    const bool anonymousRead
        = method == Request::Method::Get && request.header("authorization").isEmpty();
    reply.setPublic(anonymousRead && (!found || found->options.auth != Auth::Required));
    reply.setRoute(found ? found->stats.get() : unmatched(request.method));
    if (!found) {
        if (!allowed) {
            reply.send(HttpResponse::error(EC::NotFound, RouterText::tr("No such resource.")));
        } else if (request.method == Request::Method::Options) {
            reply.send(HttpResponse::noContent().withHeader("Allow", allowHeader(allowed)));
        } else {
            reply.send(
                HttpResponse::error(EC::MethodNotAllowed, RouterText::tr("Method not allowed."))
                    .withHeader("Allow", allowHeader(allowed)));
        }
        return;
    }
    if (request.body.size() > found->options.maxBodyBytes) {
        reply.send(HttpResponse::error(EC::PayloadTooLarge,
            RouterText::tr("The request body is larger than %1 bytes.")
                .arg(found->options.maxBodyBytes)));
        return;
    }
    request.ids = ids;
    request.tokens = tokens;
    if (found->options.door) {
        if (const auto door = request.doorToken()) {
            dispatchDoor(*door, std::move(request), found->handler, reply);
            return;
        }
    }
    if (found->options.auth == Auth::None) {
        found->handler(request, reply);
        return;
    }
    const auto token = request.bearerToken();
    if (found->options.auth == Auth::Optional && (!token || !m_authenticator)) {
        found->handler(request, reply);
        return;
    }
    if (!token || !m_authenticator) {
        reply.send(HttpResponse::error(EC::Unauthorized, RouterText::tr("Please sign in first."))
                       .withHeader("WWW-Authenticate", "Bearer"));
        return;
    }
    // The handler runs where the lookup finished (a database thread); handlers never block
    // the connection's thread, and Reply is safe from anywhere.
    const Handler &handler = found->handler;
    const bool optional = found->options.auth == Auth::Optional;
    m_authenticator->authenticate(*token)
        .then([request = std::move(request), reply, &handler, optional](
                  const Result<std::optional<AuthUser>> &result) mutable {
            if (!result) {
                reply.send(HttpResponse::fromError(result.error()));
                return;
            }
            const auto &user = result.value();
            // The handler runs here, on a database thread: its log lines and the database
            // work it queues carry the request's id and user.
            const LogScope userScope(LogContext(request.requestId, user ? user->id : 0));
            if (user)
                reply.setUserId(user->id);
            if (!user && optional) {
                handler(request, reply); // an unknown token on a public resource: anonymous
                return;
            }
            if (!user) {
                reply.send(HttpResponse::error(EC::Unauthorized,
                    RouterText::tr("Your session has ended. Please sign in "
                                   "again."))
                               .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""));
                return;
            }
            request.user = user;
            handler(request, reply);
        })
        .onFailed([reply] {
            qCWarning(lcHttp) << "authentication failed with an exception";
            reply.send(HttpResponse::internalError());
        });
}

void Router::dispatchDoor(
    const QByteArray &token, Request request, const Handler &handler, const Reply &reply) const
{
    auto invalid = [reply] {
        reply.send(HttpResponse::error(EC::Unauthorized,
            RouterText::tr("This door access has ended. Ask the organizer for a new one."))
                       .withHeader("WWW-Authenticate", "Door error=\"invalid_token\""));
    };
    if (!m_doorAuthenticator) {
        invalid();
        return;
    }
    m_doorAuthenticator->authenticateDoor(token)
        .then([request = std::move(request), reply, &handler, invalid](
                  const Result<std::optional<DoorAccess>> &result) mutable {
            if (!result) {
                reply.send(HttpResponse::fromError(result.error()));
                return;
            }
            if (!result.value()) {
                invalid();
                return;
            }
            request.door = result.value();
            handler(request, reply);
        })
        .onFailed([reply] {
            qCWarning(lcHttp) << "door authentication failed with an exception";
            reply.send(HttpResponse::internalError());
        });
}

} // namespace Pudding::Server
