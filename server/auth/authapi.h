// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "ratelimiter.h"

#include "shared/result.h"
#include "shared/user.h"

#include <QJsonObject>
#include <QThreadPool>
#include <optional>

namespace Pudding::Server {

class Database;
class Transaction;

/// Accounts and sessions: register, login, me, logout; the account's language and time zone,
/// password reset and address confirmation by mail (accountapi.cpp, with the pages the mail
/// links open); and the Authenticator every protected route uses. Password hashing runs on its
/// own small pool, never on an HTTP thread.
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

    // accountapi.cpp
    void updateMe(Request &request, const Reply &reply);
    void requestPasswordReset(Request &request, const Reply &reply);
    void confirmPasswordReset(Request &request, const Reply &reply);
    void confirmEmail(Request &request, const Reply &reply);
    void resendConfirmation(Request &request, const Reply &reply);
    void resetPage(Request &request, const Reply &reply);
    void resetPageSubmit(Request &request, const Reply &reply);
    void confirmPage(Request &request, const Reply &reply);
    void confirmPageSubmit(Request &request, const Reply &reply);

    /// language / timeZone of a request body (both optional), checked.
    struct AccountSettings
    {
        std::optional<QString> language;
        std::optional<QString> timeZone;
        FieldErrors errors;
    };
    [[nodiscard]] static AccountSettings accountSettings(const QJsonObject &json);
    /// Queues a new address confirmation token and its mail in the caller's transaction.
    [[nodiscard]] static Result<void> queueConfirmationMail(Transaction &tx, const User &user);

    Database &m_db;
    RateLimiter m_limiter;
    QThreadPool m_cryptoPool;
};

} // namespace Pudding::Server
