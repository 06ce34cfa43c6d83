// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventindex.h"
#include "shared/attendance.h"
#include "shared/result.h"

#include <QSqlQuery>
#include <optional>

namespace Pudding::Server {

class DbSession;
class Transaction;

/// The meetup rows both the events and the attendance resources work on, in one place: loading
/// an event as the index holds it, announcing a change to every instance's index, the event's
/// row lock, its capacity and the waitlist. events/ and attendance/ both link this library and
/// never each other.
namespace MeetupRepository {

/// Channel on which every instance announces changed event ids.
inline constexpr auto NotifyChannel = "pudding_events";

/// Loads every event into the index (at start-up, and after a lost LISTEN connection).
/// The number of events, or the database's error.
[[nodiscard]] Result<qint64> loadAll(DbSession &session, EventIndex &index);
/// One event as committed so far in this session (after a change, or a notification from
/// another instance): nothing when there is no such event.
[[nodiscard]] Result<std::optional<EventRecord>> loadOne(DbSession &session, qint64 id);
/// Announces a changed event to every instance's index (sent at COMMIT).
[[nodiscard]] bool announceChange(DbSession &session, qint64 id);

/// The event row, locked for the rest of the transaction.
struct LockedEvent
{
    qint64 organizerId = 0;
    int limit = 0;
    bool cancelled = false;
    bool started = false;
};
/// Locks the event's row (SELECT … FOR UPDATE) in `tx`: concurrent edits, approvals, leaves,
/// offers and expiries see one order. Nothing when there is no such event.
/// The fault switch (setSkipEventLockForTesting) leaves out FOR UPDATE: the negative control
/// of the capacity race tests, never for production.
[[nodiscard]] Result<std::optional<LockedEvent>> lockEvent(Transaction &tx, qint64 eventId);
/// Read once at start-up (env PUDDING_FAULT_SKIP_EVENT_LOCK=1, server/app): lockEvent()
/// locks nothing.
void setSkipEventLockForTesting(bool skip);

/// The places of the event that are taken: APPROVED guests plus held places (an open offer,
/// or an accepted offer waiting for review) — the one rule: taken <= attendee_limit.
struct Places
{
    int taken = 0;
    int waiting = 0; ///< WAITLISTED or OFFERED: a new request queues behind them
};
/// The event's places as this session sees them; nothing when the query failed.
[[nodiscard]] std::optional<Places> places(DbSession &session, qint64 eventId);

/// While places are free (taken < limit) and someone waits, the first waitlisted request
/// (the organizer's regulars first, then the oldest) is OFFERED: its place is held until
/// least(pudding_now() + the offer window, the start), an `offer_expire` job is queued for
/// that moment, the guest gets the waitlist_offer notice and live frame. The window:
/// events.offer_window_minutes, else 12 hours, 2 hours when the meetup is less than a day
/// away. Nothing is offered for a cancelled or started meetup. Call inside a transaction that
/// holds the event row lock, after every change that may free a place (leave, reject,
/// decline, expiry, limit raised). False on failure.
[[nodiscard]] bool offerFreedPlaces(DbSession &session, qint64 eventId);

/// An offer just made (in the caller's transaction).
struct Offer
{
    qint64 attendanceId = 0;
    qint64 eventId = 0;
    qint64 userId = 0;
    qint64 expiresAtMs = 0; ///< offer_expires_at, whole milliseconds
};
/// What tells the guest about an offer (the waitlist_offer notice): notifications/ links
/// meetups, so meetups cannot call it; attendance/ installs it once at start-up, before any
/// request. offerFreedPlaces() fails (the transaction does not commit) when none is installed.
using OfferNotice = bool (*)(DbSession &session, const Offer &offer);
void setOfferNotice(OfferNotice notice);

/// The start of a query for attendances with their users' names ("… WHERE …" follows); read
/// its rows with attendanceFromRow(). waitlistPosition counts regulars first, then by id.
[[nodiscard]] const QString &selectAttendanceSql();
[[nodiscard]] Attendance attendanceFromRow(const QSqlQuery &query);
/// One attendance; nothing when there is none.
[[nodiscard]] Result<std::optional<Attendance>> loadAttendance(DbSession &session, qint64 id);

} // namespace MeetupRepository

} // namespace Pudding::Server
