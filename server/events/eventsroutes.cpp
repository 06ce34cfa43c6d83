// SPDX-License-Identifier: GPL-3.0-or-later
// Every /api/events… route, in one place.
#include "eventsapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void EventsApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    router.add(M::Get, u"/api/events"_s,
        [this](Request &r, const Reply &reply) { search(r, reply); }, { Router::Auth::Optional });
    router.add(M::Get, u"/api/events/points"_s,
        [this](Request &r, const Reply &reply) { points(r, reply); }, { Router::Auth::Optional });
    router.add(M::Get, u"/api/events/<id>"_s,
        [this](Request &r, const Reply &reply) { details(r, reply); }, { Router::Auth::Optional });
    router.add(M::Post, u"/api/events"_s,
        [this](Request &r, const Reply &reply) { create(r, reply); }, { Router::Auth::Required });
    router.add(M::Patch, u"/api/events/<id>"_s,
        [this](Request &r, const Reply &reply) { update(r, reply); }, { Router::Auth::Required });
    router.add(M::Delete, u"/api/events/<id>"_s,
        [this](Request &r, const Reply &reply) { cancel(r, reply); }, { Router::Auth::Required });
}

} // namespace Pudding::Server
