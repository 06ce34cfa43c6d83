// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reply.h"
#include "request.h"

#include <QFuture>
#include <functional>
#include <optional>

namespace Pudding::Server {

class Authenticator;

/// Method + path routing with numeric captures ("/api/events/<id>"), the JSON error shape for
/// unknown paths (404) and methods (405), and authentication as a route option.
/// Built once at start-up, then shared read-only by every worker thread.
class Router
{
public:
    using Handler = std::function<void(Request &, const Reply &)>;
    /// Optional: a valid token sets request.user, a missing or invalid one is anonymous.
    enum class Auth { None, Optional, Required };
    struct Options
    {
        Auth auth = Auth::None;
        qint64 maxBodyBytes = 64 * 1024;
    };

    explicit Router(const Authenticator *authenticator = nullptr);

    void add(Request::Method method, const QString &pattern, Handler handler,
             Options options);
    void add(Request::Method method, const QString &pattern, Handler handler);
    void dispatch(Request request, const Reply &reply) const;

private:
    struct Route
    {
        Request::Method method;
        QStringList segments; ///< "<id>" marks a numeric capture
        Handler handler;
        Options options;
    };
    [[nodiscard]] static bool match(const Route &route, const QList<QStringView> &segments,
                                    QList<qint64> &ids);

    const Authenticator *m_authenticator;
    QList<Route> m_routes;
};

/// The request's JSON object body; on failure answers 400/415 itself and returns nothing.
[[nodiscard]] std::optional<QJsonObject> jsonBodyOrReply(const Request &request,
                                                         const Reply &reply);

/// Resolves a Bearer token to its user; implemented by the auth API.
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    /// An empty optional for an unknown, expired or revoked token; an Error when the lookup
    /// itself failed (database unavailable).
    [[nodiscard]] virtual QFuture<Result<std::optional<AuthUser>>>
    authenticate(const QByteArray &token) const = 0;
};

} // namespace Pudding::Server
