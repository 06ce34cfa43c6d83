// SPDX-License-Identifier: GPL-3.0-or-later
// Every /api/photos… route, in one place.
#include "photosapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void PhotosApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    // A door token (checkin/) reads the photos of its event's approved guests.
    Router::Options authOrDoor { Router::Auth::Required };
    authOrDoor.door = true;
    router.add(M::Post, u"/api/photos"_s,
        [this](Request &r, const Reply &reply) { upload(r, reply); },
        { Router::Auth::Required, 6 * 1024 * 1024 });
    router.add(
        M::Get, u"/api/photos/<id>"_s, [this](Request &r, const Reply &reply) { photo(r, reply); },
        authOrDoor);
}

} // namespace Pudding::Server
