// SPDX-License-Identifier: GPL-3.0-or-later
// Every /api/tickets… route, in one place.
#include "ticketsapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void TicketsApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    const Router::Options auth { Router::Auth::Required };
    router.add(
        M::Get, u"/api/tickets/mine"_s, [this](Request &r, const Reply &reply) { mine(r, reply); },
        auth);
    router.add(
        M::Get, u"/api/tickets/<id>"_s, [this](Request &r, const Reply &reply) { one(r, reply); },
        auth);
}

} // namespace Pudding::Server
