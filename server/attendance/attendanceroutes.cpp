// SPDX-License-Identifier: GPL-3.0-or-later
// Every /api/attendance… route, in one place.
#include "attendanceapi.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

void AttendanceApi::registerRoutes(Router &router)
{
    using M = Request::Method;
    const Router::Options auth { Router::Auth::Required };
    router.add(M::Post, u"/api/attendance/events/<id>/join"_s,
        [this](Request &r, const Reply &reply) { join(r, reply); },
        { Router::Auth::Required, 6 * 1024 * 1024 });
    router.add(
        M::Get, u"/api/attendance/events/<id>/attendances"_s,
        [this](Request &r, const Reply &reply) { list(r, reply); }, auth);
    router.add(
        M::Patch, u"/api/attendance/events/<id>/attendances/<id>"_s,
        [this](Request &r, const Reply &reply) { decide(r, reply); }, auth);
    router.add(
        M::Delete, u"/api/attendance/events/<id>/attendances/<id>"_s,
        [this](Request &r, const Reply &reply) { lift(r, reply); }, auth);
    router.add(
        M::Delete, u"/api/attendance/events/<id>/attendance"_s,
        [this](Request &r, const Reply &reply) { leave(r, reply); }, auth);
    router.add(
        M::Post, u"/api/attendance/events/<id>/cant-come"_s,
        [this](Request &r, const Reply &reply) { cantCome(r, reply); }, auth);
    router.add(
        M::Get, u"/api/attendance/mine"_s,
        [this](Request &r, const Reply &reply) { mine(r, reply); }, auth);
    router.add(
        M::Post, u"/api/attendance/events/<id>/offer/accept"_s,
        [this](Request &r, const Reply &reply) { answerOffer(r, reply, true); }, auth);
    router.add(
        M::Post, u"/api/attendance/events/<id>/offer/decline"_s,
        [this](Request &r, const Reply &reply) { answerOffer(r, reply, false); }, auth);
    router.add(
        M::Get, u"/api/regulars"_s, [this](Request &r, const Reply &reply) { regulars(r, reply); },
        auth);
    router.add(
        M::Put, u"/api/regulars/<id>"_s,
        [this](Request &r, const Reply &reply) { setRegular(r, reply, true); }, auth);
    router.add(
        M::Delete, u"/api/regulars/<id>"_s,
        [this](Request &r, const Reply &reply) { setRegular(r, reply, false); }, auth);
}

} // namespace Pudding::Server
