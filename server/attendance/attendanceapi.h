// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "shared/result.h"

#include <QJsonObject>

#include <QFuture>

namespace Pudding::Server {

class Database;
class DbSession;
class JobWorker;
struct Job;
class EventIndex;
class PhotosApi;

/// Joining an event with a pudding photo, the organizer's review and leaving.
/// Capacity is decided inside one transaction that locks the event row, so approved and held
/// places never exceed the limit however many race; a full event puts new requests on a
/// waitlist whose first entries (regulars first) get an offer that expires as places free up.
class AttendanceApi
{
public:
    AttendanceApi(Database &db, EventIndex &index, PhotosApi &photos);

    /// Every /api/attendance… and /api/regulars route (attendance/attendanceroutes.cpp).
    void registerRoutes(Router &router);

    /// What expireOffer() did.
    enum class Expiry {
        Expired, ///< the offer became LEFT, its place went on (the job is marked done with it)
        Gone, ///< nothing to do: answered, expired before, lifted (a repeat after a crash)
        NotDue, ///< still open and not yet due by pudding_now() (the clock went back): retry
    };
    /// The `offer_expire` job ({attendanceId, expiresAt}): in its own transaction under the
    /// event lock, an offer still OFFERED with exactly that expiry, due by pudding_now(),
    /// becomes LEFT (offer_expired notice) and its place is offered to the next. Idempotent.
    /// With `job`, the job is marked done in the same transaction as the expiry.
    [[nodiscard]] static Result<Expiry> expireOffer(
        DbSession &session, qint64 attendanceId, qint64 expiresAtMs, const Job *job = nullptr);
    /// Registers the `offer_expire` handler (server/app, before the worker starts).
    static void registerJobs(JobWorker &worker);
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
    /// POST …/offer/accept (accept = true) and …/offer/decline.
    void answerOffer(Request &request, const Reply &reply, bool accept);
    /// PATCH …/attendances/:aid {preapproved}.
    void setPreapproved(Request &request, const Reply &reply, const QJsonObject &body);
    /// GET /api/regulars; PUT / DELETE /api/regulars/:userId.
    void regulars(Request &request, const Reply &reply);
    void setRegular(Request &request, const Reply &reply, bool regular);

    Database &m_db;
    EventIndex &m_index;
    PhotosApi &m_photos;
};

} // namespace Pudding::Server
