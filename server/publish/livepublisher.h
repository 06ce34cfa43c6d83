// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <optional>

namespace Pudding::Server {

class DbSession;

/// Publishing to the live layer of every instance, inside the caller's transaction: the frame
/// is sent only if it commits. Every live frame travels through PostgreSQL's LISTEN/NOTIFY on
/// channel `pudding_live` (read by LiveHub, see live/livehub.h for the payload kinds). A frame
/// too large for a NOTIFY payload goes by reference (live_frames), so publishing never aborts
/// the caller's write.
///
/// This library sits below every feature that publishes (auth, meetups, events, attendance,
/// chat) and below the live layer that delivers, so none of them depends on another for it.
namespace LivePublisher {

inline constexpr auto Channel = "pudding_live";

[[nodiscard]] bool notify(DbSession &session, const QByteArray &payload);
/// All of them, in order, in one round trip.
[[nodiscard]] bool notifyAll(DbSession &session, const QList<QByteArray> &payloads);
/// The frame reaches the users with the current request's id as "requestId" (LogContext), when
/// a request caused it.
[[nodiscard]] bool notifyUsers(
    DbSession &session, const QList<qint64> &userIds, const QByteArray &frame);
/// To the organizer and everyone with a pending, approved or waitlisted request.
[[nodiscard]] bool notifyEventAudience(DbSession &session, qint64 eventId, const QByteArray &frame);
/// Takes the user's sockets out of the event's room ("left" with reason "removed").
[[nodiscard]] bool notifyRemoved(DbSession &session, qint64 eventId, qint64 userId);
/// Closes the sockets of a session token or a door token (by its SHA-256) with 4401.
[[nodiscard]] bool notifyRevoked(DbSession &session, const QByteArray &tokenHash);
/// A frame for the door-token sockets of the event and for these users' sockets (the
/// organizer): check-in updates (checkin/).
[[nodiscard]] bool notifyDoors(
    DbSession &session, qint64 eventId, const QList<qint64> &userIds, const QByteArray &frame);

} // namespace LivePublisher

/// What the door devices hear of ticket changes that the database announces itself (a trigger
/// on tickets, kind "tickets": an approval, leaving, a rejection, a cancellation). Implemented
/// by checkin/ and asked by the live layer on its listener's connection, after the commit;
/// live does not link checkin.
class TicketFrameSource
{
public:
    virtual ~TicketFrameSource() = default;
    struct Frame
    {
        QByteArray frame; ///< checkin_update
        QList<qint64> userIds; ///< who hears it besides the event's door sockets
    };
    /// The frame for these changed tickets of the event (every ticket when none are named);
    /// nothing when it could not be built.
    [[nodiscard]] virtual std::optional<Frame> ticketsChanged(DbSession &session, qint64 eventId,
        const std::optional<QList<qint64>> &ticketIds) const = 0;
};

} // namespace Pudding::Server
