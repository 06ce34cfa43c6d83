// SPDX-License-Identifier: GPL-3.0-or-later
#include "reminders.h"

#include "calendar/calendarapi.h"
#include "db/database.h"
#include "jobs/jobqueue.h"
#include "jobs/jobworker.h"
#include "links/links.h"
#include "notifications/notifications.h"
#include "reminderslogging.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimeZone>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class ReminderText
{
    Q_DECLARE_TR_FUNCTIONS(Reminders)
};

constexpr int kMinOffset = 5;
constexpr int kMaxOffset = 20160; // 14 days
constexpr int kMaxOffsets = 4;

// The approved guests with a reminder due now whose smallest due offset is not recorded for the
// meetup's current start (sent or skipped). Meetups more than 14 days ahead cannot have one.
const QString kCandidatesSql
    = u"SELECT a.id FROM events e "
      "JOIN attendances a ON a.event_id = e.id AND a.status = 'APPROVED' "
      "JOIN users u ON u.id = a.user_id "
      "CROSS JOIN LATERAL (SELECT min(o) AS smallest "
      "  FROM unnest(u.reminder_offsets) o "
      "  WHERE e.start_time - make_interval(mins => o) <= pudding_now()) d "
      "WHERE e.cancelled_at IS NULL AND e.start_time > pudding_now() "
      "AND e.start_time <= pudding_now() + interval '14 days' "
      "AND d.smallest IS NOT NULL AND NOT EXISTS (SELECT 1 "
      "  FROM reminder_deliveries r WHERE r.attendance_id = a.id "
      "  AND r.offset_minutes = d.smallest AND r.start_time = e.start_time) "
      "ORDER BY e.start_time, a.id LIMIT ?"_s;

// One attendance, in its own transaction: the rules checked again under a share lock of the
// event row (an edit, a cancellation or a leave holds FOR UPDATE, so they come before or after
// this as a whole), then every due offset recorded for this start: the smallest as sent unless
// its moment lies before the approval, the others as skipped. ON CONFLICT DO NOTHING: a
// concurrent scan that inserted first wins, this one then sees no row for the smallest.
const QString kClaimSql
    = u"WITH c AS (SELECT a.id, e.start_time, a.approved_at, "
      "  (SELECT array_agg(o ORDER BY o) FROM unnest(u.reminder_offsets) o "
      "   WHERE e.start_time - make_interval(mins => o) <= pudding_now()) AS due "
      "  FROM attendances a JOIN events e ON e.id = a.event_id JOIN users u ON u.id = a.user_id "
      "  WHERE a.id = ? AND a.status = 'APPROVED' AND e.cancelled_at IS NULL "
      "  AND e.start_time > pudding_now() FOR SHARE OF e) "
      "INSERT INTO reminder_deliveries (attendance_id, offset_minutes, start_time, skipped) "
      "SELECT c.id, o, c.start_time, NOT (o = c.due[1] AND (c.approved_at IS NULL "
      "  OR c.start_time - make_interval(mins => o) >= c.approved_at)) "
      "FROM c CROSS JOIN unnest(c.due) o "
      "ON CONFLICT DO NOTHING RETURNING offset_minutes, skipped"_s;

// What the reminder says.
const QString kDetailsSql = u"SELECT a.user_id, a.event_id, a.pudding_name, u.language, "
                            "(extract(epoch from e.start_time) * 1000)::bigint, "
                            "(extract(epoch from pudding_now()) * 1000)::bigint "
                            "FROM attendances a JOIN events e ON e.id = a.event_id "
                            "JOIN users u ON u.id = a.user_id WHERE a.id = ?"_s;

/// Posts the attendance's reminder if this scan is the one that records it: true when posted.
Result<bool> remindOne(DbSession &s, const CalendarApi &calendar, qint64 attendanceId)
{
    Transaction tx(s);
    auto *claim = tx.exec(kClaimSql, { attendanceId });
    if (!claim)
        return databaseError(tx.error(), "reminder claim");
    std::optional<int> sent;
    int skipped = 0;
    while (claim->next()) {
        if (claim->value(1).toBool())
            ++skipped;
        else
            sent = claim->value(0).toInt();
    }
    claim->finish();
    if (!sent) {
        if (!tx.commit())
            return databaseError(tx.error(), "reminder skip");
        if (skipped > 0)
            qCDebug(lcReminders) << "attendance" << attendanceId << ":" << skipped
                                 << "reminder(s) skipped";
        return false;
    }
    auto *details = tx.exec(kDetailsSql, { attendanceId });
    if (!details || !details->next())
        return databaseError(tx.error(), "reminder details");
    const qint64 userId = details->value(0).toLongLong();
    const qint64 eventId = details->value(1).toLongLong();
    const QString puddingName = details->value(2).toString();
    const QString language = details->value(3).toString();
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(details->value(4).toLongLong(), Qt::UTC);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(details->value(5).toLongLong(), Qt::UTC);
    details->finish();

    const auto ics = calendar.meetupIcs(s, eventId, userId,
        language == "de"_L1 ? CalendarApi::Language::De : CalendarApi::Language::En,
        Links::publicUrl(), now);
    if (!ics)
        return ics.error();
    Notifications::Notice notice;
    notice.userId = userId;
    notice.type = QString::fromLatin1(Notifications::Type::Reminder);
    notice.eventId = eventId;
    notice.attendanceId = attendanceId;
    notice.link = u"event/"_s + QString::number(eventId);
    notice.args = QJsonObject { { u"offsetMinutes"_s, *sent }, { u"puddingName"_s, puddingName },
        { u"cantComeUrl"_s, Reminders::cantComeUrl(attendanceId, userId, start) } };
    if (ics.value())
        notice.attachments.append({ u"meetup-%1.ics"_s.arg(eventId),
            u"text/calendar; charset=utf-8; method=PUBLISH"_s, *ics.value() });
    notice.mailDedupeKey
        = u"reminder:%1:%2:%3"_s.arg(attendanceId).arg(*sent).arg(start.toSecsSinceEpoch());
    if (!Notifications::post(s, notice)) {
        tx.fail(s.lastError());
        return databaseError(tx.error(), "reminder notice");
    }
    if (!tx.commit())
        return databaseError(tx.error(), "reminder");
    qCInfo(lcReminders) << "reminder" << *sent << "min before meetup" << eventId << "to user"
                        << userId;
    return true;
}
} // namespace

Reminders::Reminders(CalendarApi &calendar)
    : m_calendar(calendar)
{ }

Result<int> Reminders::scan(DbSession &s) const
{
    int posted = 0;
    for (;;) {
        auto *q = s.run(kCandidatesSql, { BatchSize });
        if (!q)
            return databaseError(s.lastError(), "reminder scan");
        QList<qint64> ids;
        while (q->next())
            ids.append(q->value(0).toLongLong());
        q->finish();
        for (const qint64 id : std::as_const(ids)) {
            const auto one = remindOne(s, m_calendar, id);
            if (!one)
                return one.error();
            posted += one.value() ? 1 : 0;
        }
        // Each handled attendance has its smallest due offset recorded now, so the next query
        // finds the rest; a short batch was the last one.
        if (ids.size() < BatchSize)
            return posted;
    }
}

void Reminders::registerJobs(JobWorker &worker) const
{
    worker.registerHandler(QString::fromLatin1(JobKind), [this](DbSession &s, const Job &) {
        if (const auto next = scheduleNext(s); !next)
            return JobResult::retry(next.error().message);
        const auto posted = scan(s);
        if (!posted) {
            // The next minute's scan tries again; this one is not worth repeating.
            qCWarning(lcReminders).noquote() << "reminder scan failed:" << posted.error().message;
            return JobResult::done();
        }
        if (posted.value() > 0)
            qCInfo(lcReminders) << posted.value() << "reminder(s) posted";
        return JobResult::done();
    });
}

Result<void> Reminders::scheduleNext(DbSession &s)
{
    auto *q
        = s.run(u"SELECT (extract(epoch from date_trunc('minute', pudding_now())) + 60)::bigint"_s);
    if (!q || !q->next())
        return databaseError(s.lastError(), "reminder schedule");
    const qint64 next = q->value(0).toLongLong();
    q->finish();
    JobQueue::NewJob job;
    job.kind = QString::fromLatin1(JobKind);
    job.runAt = QDateTime::fromSecsSinceEpoch(next, Qt::UTC);
    job.dedupeKey = u"reminder_scan:"_s + QString::number(next / 60);
    job.maxAttempts = 3;
    const auto queued = JobQueue::enqueue(s, job);
    if (!queued)
        return queued.error();
    return {};
}

QString Reminders::cantComeUrl(qint64 attendanceId, qint64 userId, const QDateTime &start)
{
    const QString token = Links::sign(u"cant_come",
        QJsonObject {
            { u"a"_s, attendanceId }, { u"u"_s, userId }, { u"exp"_s, start.toSecsSinceEpoch() } });
    return Links::url(u"/cant-come/"_s + token);
}

Result<QList<int>> Reminders::normalizeOffsets(const QList<int> &offsets)
{
    QList<int> sorted = offsets;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (sorted.size() > kMaxOffsets)
        return Error { QString(Protocol::ErrorCode::ValidationFailed),
            ReminderText::tr("At most four reminders."),
            { { u"offsets"_s, ReminderText::tr("At most four reminders.") } } };
    for (const int o : std::as_const(sorted)) {
        if (o < kMinOffset || o > kMaxOffset)
            return Error { QString(Protocol::ErrorCode::ValidationFailed),
                ReminderText::tr("A reminder comes 5 minutes to 14 days before the start."),
                { { u"offsets"_s,
                    ReminderText::tr(
                        "A reminder comes 5 minutes to 14 days before the start.") } } };
    }
    return sorted;
}

} // namespace Pudding::Server
