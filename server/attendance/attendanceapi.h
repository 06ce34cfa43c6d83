// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "photos/photoprocessor.h"
#include "photos/photostore.h"
#include "shared/attendance.h"

#include <QFuture>
#include <QThreadPool>

namespace Pudding::Server {

class Database;
class DbSession;
class EventIndex;

/// Joining an event with a pudding photo, the organizer's review, leaving, and the photos.
/// Capacity is decided inside one transaction that locks the event row, so approvals never
/// exceed the limit however many race; a full event puts new requests on a waitlist whose
/// first entries are promoted (to PENDING) as places free up.
class AttendanceApi
{
public:
    AttendanceApi(Database &db, EventIndex &index, const QString &photoDir);
    ~AttendanceApi();

    void registerRoutes(Router &router);

    /// Moves up to `places` waitlisted requests of the event to PENDING (oldest first) and
    /// tells each. Call inside a transaction that holds the event row lock. False on failure.
    [[nodiscard]] static bool promoteWaitlisted(DbSession &session, qint64 eventId, int places);
    /// Approved attendees of the event, or -1 when the query failed.
    [[nodiscard]] static int approvedCount(DbSession &session, qint64 eventId);

private:
    void join(Request &request, const Reply &reply);
    void list(Request &request, const Reply &reply);
    void decide(Request &request, const Reply &reply);
    void leave(Request &request, const Reply &reply);
    /// The organizer lifts a rejection (DELETE …/attendances/:aid): the guest may ask again.
    void lift(Request &request, const Reply &reply);
    void mine(Request &request, const Reply &reply);
    void photo(Request &request, const Reply &reply);
    /// A photo on its own (for the chat): POST /api/photos, multipart field "photo".
    void upload(Request &request, const Reply &reply);
    /// Decodes, cleans and stores a photo on the photo pool.
    QFuture<Result<ProcessedPhoto>> processAndStore(const QByteArray &bytes);
    /// The photos row (inside the caller's transaction, if any); 0 when the INSERT failed.
    [[nodiscard]] static qint64 insertPhoto(
        DbSession &session, qint64 ownerId, const ProcessedPhoto &photo);

    Database &m_db;
    EventIndex &m_index;
    PhotoStore m_store;
    QThreadPool m_photoPool; ///< decoding a 4 MB photo takes ~100 ms and up to 160 MB
};

} // namespace Pudding::Server
