// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reply.h"
#include "request.h"

#include <QFuture>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Pudding::Server {

class Authenticator;
class DoorAuthenticator;

/// Method + path routing with numeric captures ("/api/events/<id>") and token captures
/// ("/calendar/<token>.ics": 1-128 characters of the base64url alphabet and ".", then the literal
/// rest of the segment), the JSON error shape for unknown paths (404) and methods (405, with
/// Allow), OPTIONS (204 with Allow) for every route, and authentication as a route option.
///
/// Paths are matched exactly as sent, in one canonical form: no percent-decoding, no empty
/// segments ("//api/events/30", "/api/events/30/"), and an id is decimal without sign or
/// leading zero and fits in 64 bits ("/api/events/+30", "030", "%33%30" are 404 not_found).
///
/// Caching: every response says "Cache-Control: no-store" (HttpResponse's default) unless it
/// is an anonymous GET/HEAD (no Authorization header) of a route that does not require
/// sign-in; those public answers (search, event details, health, 404) say "no-cache" with
/// "Vary: Authorization": a cache may keep them but must ask again before reuse (they change
/// with every join or cancellation), and never serves them for a signed-in request, whose
/// answer differs (an organizer sees the exact place). A handler's own Cache-Control wins.
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
        /// Also accept "Authorization: Door <token>" (a door token of checkin/): a valid one
        /// sets request.door (not request.user) and the handler checks its event; an unknown,
        /// expired or revoked one is 401. Every other route answers a door token as a missing
        /// sign-in.
        bool door = false;
    };

    explicit Router(const Authenticator *authenticator = nullptr);

    /// Registers a route; its metrics series (pudding_http_requests_total per status class,
    /// pudding_http_request_duration_seconds) are created here, once, unless --metrics off.
    void add(Request::Method method, const QString &pattern, Handler handler, Options options);
    void add(Request::Method method, const QString &pattern, Handler handler);
    void dispatch(Request request, const Reply &reply) const;
    /// Who resolves door tokens (routes with Options::door); set once while the routes are
    /// built. Without one, a door token is 401 everywhere.
    void setDoorAuthenticator(const DoorAuthenticator *authenticator)
    {
        m_doorAuthenticator = authenticator;
    }

private:
    void dispatchDoor(
        const QByteArray &token, Request request, const Handler &handler, const Reply &reply) const;

    struct Route
    {
        Request::Method method;
        QStringList segments; ///< "<id>" marks a numeric capture
        Handler handler;
        Options options;
        std::shared_ptr<const RouteStats> stats;
    };
    /// The stats of requests no route took (404, 405, OPTIONS), by request method: one label
    /// value "unmatched" whatever the path, so a scan of random paths cannot grow the metrics.
    [[nodiscard]] const RouteStats *unmatched(Request::Method method) const;
    [[nodiscard]] static std::shared_ptr<RouteStats> makeStats(
        const QByteArray &pattern, const QByteArray &method);
    [[nodiscard]] static bool match(const Route &route, const QList<QStringView> &segments,
        QList<qint64> &ids, QStringList &tokens);
    /// The Allow header for a set of methods (HEAD with GET, always OPTIONS).
    [[nodiscard]] static QByteArray allowHeader(Request::Methods methods);

    const Authenticator *m_authenticator;
    const DoorAuthenticator *m_doorAuthenticator = nullptr;
    QList<Route> m_routes;
    std::vector<std::shared_ptr<const RouteStats>> m_unmatched; ///< by unmatchedIndex()
};

/// "GET", "POST", … for a method; "OTHER" for anything else.
[[nodiscard]] QByteArray methodName(Request::Method method);

/// The segments of a canonical path ("/a/b" -> a, b), or nothing when the path is not one:
/// it must start with "/" and have no empty segment.
[[nodiscard]] std::optional<QList<QStringView>> canonicalSegments(QStringView path);
/// A path id: decimal digits, no sign, no leading zero, 1 to 2^63-1. Anything else: 0.
[[nodiscard]] qint64 canonicalId(QStringView segment);
/// A path token: `segment` without `suffix`, when that is 1-128 characters of A-Z a-z 0-9 - _ and
/// ".". Anything else: an empty view.
[[nodiscard]] QStringView canonicalToken(QStringView segment, QStringView suffix);

/// The request's JSON object body; on failure answers 400/415 itself and returns nothing.
[[nodiscard]] std::optional<QJsonObject> jsonBodyOrReply(
    const Request &request, const Reply &reply);

/// Resolves a Bearer token to its user; implemented by the auth API.
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    /// An empty optional for an unknown, expired or revoked token; an Error when the lookup
    /// itself failed (database unavailable).
    [[nodiscard]] virtual QFuture<Result<std::optional<AuthUser>>> authenticate(
        const QByteArray &token) const = 0;
};

/// Resolves a door token to what it grants; implemented by the check-in API.
class DoorAuthenticator
{
public:
    virtual ~DoorAuthenticator() = default;
    /// An empty optional for an unknown, expired or revoked token; an Error when the lookup
    /// itself failed.
    [[nodiscard]] virtual QFuture<Result<std::optional<DoorAccess>>> authenticateDoor(
        const QByteArray &token) const = 0;
};

} // namespace Pudding::Server
