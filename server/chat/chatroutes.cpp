// SPDX-License-Identifier: GPL-3.0-or-later
// Every /api/messages… route (the chat over REST; the socket is /ws, see live/), in one place.
#include "messagesapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void MessagesApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    const Router::Options auth { Router::Auth::Required };
    router.add(
        M::Get, u"/api/messages/events/<id>/messages"_s,
        [this](Request &r, const Reply &reply) { history(r, reply); }, auth);
    router.add(
        M::Post, u"/api/messages/events/<id>/messages"_s,
        [this](Request &r, const Reply &reply) { send(r, reply); }, auth);
}

} // namespace Pudding::Server
