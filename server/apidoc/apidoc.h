// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

namespace Pudding::Server {

/// GET /api/openapi.json: the OpenAPI 3.1 description of every route (api/openapi.json in the
/// repository, compiled in), public and cacheable like the other anonymous reads. The test
/// suite holds every response it receives against this same document (packaging/
/// check-contract.py), so what is served here is what the server does.
class ApiDoc
{
public:
    ApiDoc();
    /// Every route of the API description (apidoc/apidocroutes.cpp).
    void registerRoutes(Router &router);

private:
    void openApi(const Reply &reply) const;

    QByteArray m_openApi; ///< compact JSON, read once
};

} // namespace Pudding::Server
