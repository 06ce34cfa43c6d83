// SPDX-License-Identifier: GPL-3.0-or-later
// Every route of the API description, in one place.
#include "apidoc.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void ApiDoc::registerRoutes(Router &router)
{
    using M = Request::Method;
    router.add(
        M::Get, u"/api/openapi.json"_s, [this](Request &, const Reply &reply) { openApi(reply); });
}

} // namespace Pudding::Server
