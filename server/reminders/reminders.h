// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Pudding::Server {

class CalendarApi;
class DbSession;
class JobWorker;

/// Reminders before a meetup. Each guest keeps offsets in minutes before the start
/// (users.reminder_offsets, default 24 h and 2 h; empty: none). A `reminder_scan` job runs once
/// a minute (self-rescheduling, one per minute across every instance by its dedupe key) and
/// calls scan().
///
/// The rules, all on the queue's clock (pudding_now()):
/// - only APPROVED guests of meetups that are not cancelled and start in the future;
/// - an offset is due when start − offset ≤ now; of the due ones only the smallest is sent, the
///   larger ones are recorded as skipped (a guest approved late, or a scan after downtime, gets
///   one reminder, not a burst);
/// - a reminder whose moment lies before the guest's approval (attendances.approved_at,
///   migration 0008) is recorded as skipped: approved 3 h before the start, only the 2 h one;
/// - never twice for one start: reminder_deliveries (attendance, offset, start_time) is the
///   primary key, inserted ON CONFLICT DO NOTHING, and only the transaction whose insert won
///   posts — two instances scanning at once post once. A moved meetup has a new start_time,
///   so its reminders come again, counted from the new start;
/// - offsets are real time: "24 h before" is 24 × 60 minutes before the start as an instant,
///   also across a daylight-saving change (it then falls at 09:00 or 11:00 local time of the
///   previous day for a 10:00 meetup), so a reminder never comes 23 or 25 hours ahead.
///
/// Each reminder: one transaction per attendance — the deliveries rows, then
/// Notifications::post(reminder) with {offsetMinutes, puddingName, cantComeUrl} and the meetup's
/// .ics (calendar's writer, as the guest sees it: with the exact place).
class Reminders
{
public:
    explicit Reminders(CalendarApi &calendar);

    /// The job kind.
    static constexpr auto JobKind = "reminder_scan";
    /// How many reminders the scan looks at per query (it repeats until none is left).
    static constexpr int BatchSize = 200;

    /// One pass: posts every reminder due now. How many were posted (skipped ones not
    /// counted), or the database's error (what was posted before it stays posted).
    [[nodiscard]] Result<int> scan(DbSession &session) const;

    /// Registers the `reminder_scan` handler (called by app before the worker starts): it
    /// queues the next minute's scan first (so the chain survives a failed scan; a repeat finds
    /// the key taken), then scans. Each reminder commits in its own transaction; the worker
    /// marks the job done afterwards in a short statement of its own — a crash in between
    /// repeats the scan, which finds everything it did recorded.
    void registerJobs(JobWorker &worker) const;

    /// Queues the scan of the next full minute (dedupe `reminder_scan:<minute epoch>`, so every
    /// instance asking queues one). Called at start-up and by each scan job.
    [[nodiscard]] static Result<void> scheduleNext(DbSession &session);

    /// The signed "can't come after all" link of an attendance (purpose "cant_come", claims
    /// {a, u, exp = the start in seconds}).
    [[nodiscard]] static QString cantComeUrl(
        qint64 attendanceId, qint64 userId, const QDateTime &start);

    /// The offsets as stored: unique, largest first; a validation error for more than 4 or one
    /// outside 5..20160 minutes.
    [[nodiscard]] static Result<QList<int>> normalizeOffsets(const QList<int> &offsets);

private:
    CalendarApi &m_calendar;
};

} // namespace Pudding::Server
