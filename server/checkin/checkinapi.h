// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "publish/livepublisher.h"

#include <QJsonObject>

namespace Pudding::Server {

class Database;
class DbSession;

/// Check-in at the door: the bundle a door device works from offline, batches of scans
/// uploaded as the facts they are, undo, and the door tokens an organizer hands to helpers.
///
/// Every write runs in one transaction under the event's row lock (MeetupRepository::lockEvent),
/// and its checkin_update frame is published in that transaction (sent at COMMIT) to the
/// organizer's sockets and the event's door-token sockets.
///
/// Which scan of a ticket is THE entry is decided by order, not by arrival: the non-undone
/// check-in with the smallest (scanned_at, id); every other non-undone one is a double entry.
/// Two door devices that scanned the same ticket offline therefore end with the same picture
/// whichever uploads first, and "checked in" counts tickets, never scans.
///
/// `version` (bundle, batch answer, frame) = events.revision + the event's tickets + its revoked
/// tickets + its check-ins + its undone check-ins: each of these only grows (rows are never
/// deleted, never un-revoked or un-undone), and every change to guests, revocations or
/// check-ins raises one of them, so a device can tell an older picture from a newer one.
class CheckinApi : public DoorAuthenticator, public TicketFrameSource
{
public:
    explicit CheckinApi(Database &db);

    /// Every check-in and door-token route (checkin/checkinroutes.cpp).
    void registerRoutes(Router &router);

    /// A door token that is neither expired nor revoked.
    [[nodiscard]] QFuture<Result<std::optional<DoorAccess>>> authenticateDoor(
        const QByteArray &token) const override;

    /// checkin_update for tickets issued or revoked elsewhere (approvals, leaving, cancelling):
    /// the changed guest rows, the changed revocations ("revoked", as in the bundle), the
    /// counter and the version, read in one snapshot.
    [[nodiscard]] std::optional<Frame> ticketsChanged(DbSession &session, qint64 eventId,
        const std::optional<QList<qint64>> &ticketIds) const override;

    /// Publishes checkin_update for these tickets of the event (their guest rows, the counter
    /// and the version) to the organizer and the event's door sockets, in the caller's
    /// transaction. False when a query failed.
    [[nodiscard]] static bool publishUpdate(
        DbSession &session, qint64 eventId, qint64 organizerId, const QList<qint64> &ticketIds);

private:
    void bundle(Request &request, const Reply &reply);
    void checkins(Request &request, const Reply &reply);
    void undo(Request &request, const Reply &reply);
    void createDoorToken(Request &request, const Reply &reply);
    void listDoorTokens(Request &request, const Reply &reply);
    void revokeDoorToken(Request &request, const Reply &reply);

    Database &m_db;
};

} // namespace Pudding::Server
