// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "ratelimiter.h"

#include <QThreadPool>

namespace Pudding::Server {

class Database;

/// Accounts and sessions: register, login, me, logout; and the Authenticator every protected
/// route uses. Password hashing runs on its own small pool, never on an HTTP thread.
class AuthApi : public Authenticator
{
public:
    AuthApi(Database &db, int authRatePerMinute);
    ~AuthApi() override;

    /// Every /api/auth… route (auth/authroutes.cpp).
    void registerRoutes(Router &router);
    [[nodiscard]] QFuture<Result<std::optional<AuthUser>>> authenticate(
        const QByteArray &token) const override;

private:
    void registerUser(Request &request, const Reply &reply);
    void login(Request &request, const Reply &reply);
    void me(Request &request, const Reply &reply);
    void logout(Request &request, const Reply &reply);
    bool admit(const Request &request, const Reply &reply);

    Database &m_db;
    RateLimiter m_limiter;
    QThreadPool m_cryptoPool;
};

} // namespace Pudding::Server
