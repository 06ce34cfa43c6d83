// SPDX-License-Identifier: GPL-3.0-or-later
// Every calendar route, in one place.
#include "calendarapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void CalendarApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    router.add(M::Get, u"/api/events/<id>/calendar.ics"_s,
        [this](Request &r, const Reply &reply) { eventCalendar(r, reply); },
        { Router::Auth::Optional });
    router.add(M::Get, u"/api/calendar/feed"_s,
        [this](Request &r, const Reply &reply) { feedStatus(r, reply); },
        { Router::Auth::Required });
    router.add(M::Post, u"/api/calendar/feed"_s,
        [this](Request &r, const Reply &reply) { createFeed(r, reply); },
        { Router::Auth::Required });
    router.add(M::Delete, u"/api/calendar/feed"_s,
        [this](Request &r, const Reply &reply) { deleteFeed(r, reply); },
        { Router::Auth::Required });
    // The token in the path is the credential (calendar apps send no Authorization header).
    router.add(M::Get, u"/calendar/<token>.ics"_s,
        [this](Request &r, const Reply &reply) { feed(r, reply); }, { Router::Auth::None });
}

} // namespace Pudding::Server
