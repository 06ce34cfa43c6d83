// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

#include <QFuture>

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

    /// Whose place leaveEvent() frees.
    struct Leave
    {
        qint64 eventId = 0;
        qint64 userId = 0;
        /// "Can't come after all": only an approved guest's place (409 otherwise).
        bool approvedOnly = false;
        /// When set, only this attendance (the signed can't-come link names one).
        qint64 attendanceId = 0;
    };
    /// The one way a guest leaves a meetup: DELETE …/attendance, POST …/cant-come and the
    /// can't-come link (server/reminders) all come here. One transaction under the event's
    /// lock: LEFT, the freed place passed on, the change announced, the guest's sockets told;
    /// the index learns after the commit. Answers {attendance} like DELETE …/attendance.
    [[nodiscard]] QFuture<HttpResponse> leaveEvent(const Leave &leave);

private:
    void join(Request &request, const Reply &reply);
    void list(Request &request, const Reply &reply);
    void decide(Request &request, const Reply &reply);
    void leave(Request &request, const Reply &reply);
    /// POST …/cant-come: leave() for an approved guest.
    void cantCome(Request &request, const Reply &reply);
    /// The organizer lifts a rejection (DELETE …/attendances/:aid): the guest may ask again.
    void lift(Request &request, const Reply &reply);
    void mine(Request &request, const Reply &reply);

    Database &m_db;
    EventIndex &m_index;
    PhotosApi &m_photos;
};

} // namespace Pudding::Server
