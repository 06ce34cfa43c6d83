// SPDX-License-Identifier: GPL-3.0-or-later
// Every check-in and door-token route, in one place.
#include "checkinapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void CheckinApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    // The door itself: the organizer, or a door token of that event.
    Router::Options door { Router::Auth::Required };
    door.door = true;
    Router::Options batch { Router::Auth::Required, 512 * 1024 }; // 500 scans with QR payloads
    batch.door = true;
    // Handing out the door: the organizer only.
    const Router::Options organizer { Router::Auth::Required };
    router.add(
        M::Get, u"/api/events/<id>/checkin-bundle"_s,
        [this](Request &r, const Reply &reply) { bundle(r, reply); }, door);
    router.add(
        M::Post, u"/api/events/<id>/checkins"_s,
        [this](Request &r, const Reply &reply) { checkins(r, reply); }, batch);
    router.add(
        M::Delete, u"/api/events/<id>/tickets/<id>/checkin"_s,
        [this](Request &r, const Reply &reply) { undo(r, reply); }, door);
    router.add(
        M::Post, u"/api/events/<id>/door-tokens"_s,
        [this](Request &r, const Reply &reply) { createDoorToken(r, reply); }, organizer);
    router.add(
        M::Get, u"/api/events/<id>/door-tokens"_s,
        [this](Request &r, const Reply &reply) { listDoorTokens(r, reply); }, organizer);
    router.add(
        M::Delete, u"/api/events/<id>/door-tokens/<id>"_s,
        [this](Request &r, const Reply &reply) { revokeDoorToken(r, reply); }, organizer);
}

} // namespace Pudding::Server
