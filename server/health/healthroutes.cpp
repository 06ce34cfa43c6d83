// SPDX-License-Identifier: GPL-3.0-or-later
// Every /health… route, in one place.
#include "healthapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void HealthApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    router.add(M::Get, u"/health"_s, [this](Request &, const Reply &reply) { process(reply); });
    router.add(M::Get, u"/health/db"_s, [this](Request &, const Reply &reply) { database(reply); });
    router.add(
        M::Get, u"/health/storage"_s, [this](Request &, const Reply &reply) { storage(reply); });
}

} // namespace Pudding::Server
