// SPDX-License-Identifier: GPL-3.0-or-later
// Every reminders route, in one place.
#include "remindersapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void RemindersApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    const Router::Options auth { Router::Auth::Required };
    router.add(
        M::Get, u"/api/reminders"_s,
        [this](Request &r, const Reply &reply) { getOffsets(r, reply); }, auth);
    router.add(
        M::Put, u"/api/reminders"_s,
        [this](Request &r, const Reply &reply) { putOffsets(r, reply); }, auth);
    // The signed token in the path is the credential (a link in a mail).
    router.add(M::Get, u"/cant-come/<token>"_s,
        [this](Request &r, const Reply &reply) { cantComePage(r, reply); }, { Router::Auth::None });
    router.add(M::Post, u"/cant-come/<token>"_s,
        [this](Request &r, const Reply &reply) { cantComeConfirm(r, reply); },
        { Router::Auth::None, 4 * 1024 });
}

} // namespace Pudding::Server
