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
/// Locks the event's row (SELECT … FOR UPDATE) in `tx`: concurrent edits, approvals, leaves and
/// promotions see one order. Nothing when there is no such event.
[[nodiscard]] Result<std::optional<LockedEvent>> lockEvent(Transaction &tx, qint64 eventId);

/// Approved attendees of the event; nothing when the query failed.
[[nodiscard]] std::optional<int> approvedCount(DbSession &session, qint64 eventId);
/// Moves up to `places` waitlisted requests of the event to PENDING (oldest first) and tells
/// each. Call inside a transaction that holds the event row lock. False on failure.
[[nodiscard]] bool promoteWaitlisted(DbSession &session, qint64 eventId, int places);

/// The start of a query for attendances with their users' names ("… WHERE …" follows); read
/// its rows with attendanceFromRow().
[[nodiscard]] const QString &selectAttendanceSql();
[[nodiscard]] Attendance attendanceFromRow(const QSqlQuery &query);
/// One attendance; nothing when there is none.
[[nodiscard]] Result<std::optional<Attendance>> loadAttendance(DbSession &session, qint64 id);

} // namespace MeetupRepository

} // namespace Pudding::Server
