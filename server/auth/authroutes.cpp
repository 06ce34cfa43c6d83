// SPDX-License-Identifier: GPL-3.0-or-later
// Every /api/auth… route, in one place.
#include "authapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void AuthApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    router.add(M::Post, u"/api/auth/register"_s,
        [this](Request &r, const Reply &reply) { registerUser(r, reply); });
    router.add(
        M::Post, u"/api/auth/login"_s, [this](Request &r, const Reply &reply) { login(r, reply); });
    router.add(M::Get, u"/api/auth/me"_s, [this](Request &r, const Reply &reply) { me(r, reply); },
        { Router::Auth::Required });
    router.add(M::Post, u"/api/auth/logout"_s,
        [this](Request &r, const Reply &reply) { logout(r, reply); }, { Router::Auth::Required });
    router.add(M::Patch, u"/api/auth/me"_s,
        [this](Request &r, const Reply &reply) { updateMe(r, reply); }, { Router::Auth::Required });
    router.add(M::Post, u"/api/auth/password-reset"_s,
        [this](Request &r, const Reply &reply) { requestPasswordReset(r, reply); });
    router.add(M::Post, u"/api/auth/password-reset/confirm"_s,
        [this](Request &r, const Reply &reply) { confirmPasswordReset(r, reply); });
    router.add(M::Post, u"/api/auth/confirm-email"_s,
        [this](Request &r, const Reply &reply) { confirmEmail(r, reply); },
        { Router::Auth::Optional });
    router.add(M::Post, u"/api/auth/confirm-email/resend"_s,
        [this](Request &r, const Reply &reply) { resendConfirmation(r, reply); },
        { Router::Auth::Required });
    // The pages the mail links open (a browser, no session): GET shows, POST acts.
    router.add(M::Get, u"/reset-password"_s,
        [this](Request &r, const Reply &reply) { resetPage(r, reply); });
    router.add(M::Post, u"/reset-password"_s,
        [this](Request &r, const Reply &reply) { resetPageSubmit(r, reply); });
    router.add(M::Get, u"/confirm-email"_s,
        [this](Request &r, const Reply &reply) { confirmPage(r, reply); });
    router.add(M::Post, u"/confirm-email"_s,
        [this](Request &r, const Reply &reply) { confirmPageSubmit(r, reply); });
}

} // namespace Pudding::Server
