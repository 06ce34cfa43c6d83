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
}

} // namespace Pudding::Server
