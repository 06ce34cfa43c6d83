// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

namespace Pudding::Server {

class Database;
class DbSession;
class EventIndex;
class PhotosApi;

/// Joining an event with a pudding photo, the organizer's review and leaving.
/// Capacity is decided inside one transaction that locks the event row, so approvals never
/// exceed the limit however many race; a full event puts new requests on a waitlist whose
/// first entries are promoted (to PENDING) as places free up.
class AttendanceApi
{
public:
    AttendanceApi(Database &db, EventIndex &index, PhotosApi &photos);

    /// Every /api/attendance… route (attendance/attendanceroutes.cpp).
    void registerRoutes(Router &router);

private:
    void join(Request &request, const Reply &reply);
    void list(Request &request, const Reply &reply);
    void decide(Request &request, const Reply &reply);
    void leave(Request &request, const Reply &reply);
    /// The organizer lifts a rejection (DELETE …/attendances/:aid): the guest may ask again.
    void lift(Request &request, const Reply &reply);
    void mine(Request &request, const Reply &reply);

    Database &m_db;
    EventIndex &m_index;
    PhotosApi &m_photos;
};

} // namespace Pudding::Server
