// SPDX-License-Identifier: GPL-3.0-or-later
// Every notifications route, in one place.
#include "notificationsapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void NotificationsApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    router.add(M::Get, u"/api/notifications"_s,
        [this](Request &r, const Reply &reply) { list(r, reply); }, { Router::Auth::Required });
    router.add(M::Post, u"/api/notifications/read"_s,
        [this](Request &r, const Reply &reply) { markRead(r, reply); }, { Router::Auth::Required });
    router.add(M::Get, u"/api/notifications/preferences"_s,
        [this](Request &r, const Reply &reply) { preferences(r, reply); },
        { Router::Auth::Required });
    router.add(M::Put, u"/api/notifications/preferences"_s,
        [this](Request &r, const Reply &reply) { updatePreferences(r, reply); },
        { Router::Auth::Required });
    // The signed token in the path is the credential (mail clients send no Authorization).
    router.add(M::Get, u"/unsubscribe/<token>"_s,
        [this](Request &r, const Reply &reply) { unsubscribePage(r, reply); },
        { Router::Auth::None });
    router.add(M::Post, u"/unsubscribe/<token>"_s,
        [this](Request &r, const Reply &reply) { unsubscribe(r, reply); }, { Router::Auth::None });
}

} // namespace Pudding::Server
