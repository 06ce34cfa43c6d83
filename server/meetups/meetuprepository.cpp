// SPDX-License-Identifier: GPL-3.0-or-later
#include "meetuprepository.h"

#include "db/database.h"
#include "publish/livepublisher.h"
#include "shared/chat.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Pudding::Server::MeetupRepository {

namespace {
const QString kSelectEvent
    = u"SELECT e.id, e.title, e.description, e.lat, e.lng, e.city, e.state, "
      "(extract(epoch from e.start_time) * 1000)::bigint, "
      "(extract(epoch from e.end_time) * 1000)::bigint, e.attendee_limit, "
      "e.cancelled_at IS NOT NULL, e.organizer_id, u.name, e.venue, e.public_lat, e.public_lng, "
      "coalesce((SELECT string_agg(a.user_id::text, ',') FROM attendances a "
      "  WHERE a.event_id = e.id AND a.status = 'APPROVED'), ''), e.revision "
      "FROM events e JOIN users u ON u.id = e.organizer_id "_s;

EventRecord recordFromRow(const QSqlQuery &q)
{
    EventRecord r;
    Event &e = r.event;
    e.id = q.value(0).toLongLong();
    e.title = q.value(1).toString();
    e.description = q.value(2).toString();
    e.location = { q.value(3).toDouble(), q.value(4).toDouble() };
    e.city = q.value(5).toString();
    e.state = q.value(6).toString();
    e.startTime = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
    e.endTime = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    e.attendeeLimit = q.value(9).toInt();
    r.cancelled = q.value(10).toBool();
    e.organizer = { q.value(11).toLongLong(), q.value(12).toString() };
    e.venue = q.value(13).toString();
    r.publicLocation = { q.value(14).toDouble(), q.value(15).toDouble() };
    const QString approved = q.value(16).toString();
    for (const auto id : QStringView(approved).split(u',', Qt::SkipEmptyParts))
        r.approvedUserIds.append(id.toLongLong());
    e.attendeeCount = int(r.approvedUserIds.size());
    r.revision = q.value(17).toLongLong();
    e.status = eventStatusAt(QDateTime::currentDateTimeUtc(), e.startTime, e.endTime, r.cancelled);
    return r;
}
} // namespace

Result<qint64> loadAll(DbSession &session, EventIndex &index)
{
    QSqlQuery q(session.db());
    q.setForwardOnly(true);
    if (!q.exec(kSelectEvent))
        return databaseError(q.lastError(), "load events");
    qint64 count = 0;
    while (q.next()) {
        index.upsert(recordFromRow(q));
        ++count;
    }
    if (q.lastError().isValid())
        return databaseError(q.lastError(), "load events");
    return count;
}

Result<std::optional<EventRecord>> loadOne(DbSession &session, qint64 id)
{
    auto *q = session.run(kSelectEvent % u"WHERE e.id = ?"_s, { id });
    if (!q)
        return databaseError(session.lastError(), "load event");
    std::optional<EventRecord> result;
    if (q->next())
        result = recordFromRow(*q);
    q->finish();
    return result;
}

bool announceChange(DbSession &session, qint64 id)
{
    auto *notify = session.run(
        u"SELECT pg_notify(?, ?)"_s, { QString::fromLatin1(NotifyChannel), QString::number(id) });
    if (!notify)
        return false;
    notify->finish();
    return true;
}

Result<std::optional<LockedEvent>> lockEvent(Transaction &tx, qint64 eventId)
{
    auto *q = tx.exec(u"SELECT organizer_id, attendee_limit, cancelled_at IS NOT NULL, "
                      "start_time <= now() FROM events WHERE id = ? FOR UPDATE"_s,
        { eventId });
    if (!q)
        return databaseError(tx.error(), "lock event");
    if (!q->next())
        return std::optional<LockedEvent>();
    const LockedEvent e { q->value(0).toLongLong(), q->value(1).toInt(), q->value(2).toBool(),
        q->value(3).toBool() };
    q->finish();
    return std::optional(e);
}

std::optional<int> approvedCount(DbSession &session, qint64 eventId)
{
    auto *q = session.run(u"SELECT count(*) FROM attendances WHERE event_id = ? AND "
                          "status = 'APPROVED'"_s,
        { eventId });
    if (!q || !q->next())
        return std::nullopt;
    const int n = q->value(0).toInt();
    q->finish();
    return n;
}

bool promoteWaitlisted(DbSession &session, qint64 eventId, int places)
{
    if (places <= 0)
        return true;
    auto *q = session.run(u"UPDATE attendances SET status = 'PENDING', updated_at = now() "
                          "WHERE id IN (SELECT id FROM attendances WHERE event_id = ? AND "
                          "status = 'WAITLISTED' ORDER BY id LIMIT ?) RETURNING id"_s,
        { eventId, places });
    if (!q)
        return false;
    QList<qint64> promoted;
    while (q->next())
        promoted.append(q->value(0).toLongLong());
    // Each promoted attendee hears it live (sent when the caller's transaction commits).
    for (const qint64 id : std::as_const(promoted)) {
        const auto a = loadAttendance(session, id);
        if (!a || !a.value()
            || !LivePublisher::notifyUsers(session, { a.value()->user.id },
                Chat::frame(Chat::ServerFrame::WaitlistPromoted,
                    { { u"attendance"_s, a.value()->toJson() } })))
            return false;
    }
    return true;
}

const QString &selectAttendanceSql()
{
    static const QString sql
        = u"SELECT a.id, a.event_id, a.user_id, u.name, a.status, a.pudding_name, "
          "a.pudding_description, coalesce(a.photo_id, 0), coalesce(a.note, ''), "
          "(extract(epoch from a.created_at) * 1000)::bigint, "
          "(extract(epoch from a.updated_at) * 1000)::bigint, "
          "CASE WHEN a.status = 'WAITLISTED' THEN (SELECT count(*) FROM attendances w "
          "  WHERE w.event_id = a.event_id AND w.status = 'WAITLISTED' AND w.id <= a.id) "
          "ELSE 0 END "
          "FROM attendances a JOIN users u ON u.id = a.user_id "_s;
    return sql;
}

Attendance attendanceFromRow(const QSqlQuery &q)
{
    Attendance a;
    a.id = q.value(0).toLongLong();
    a.eventId = q.value(1).toLongLong();
    a.user = { q.value(2).toLongLong(), q.value(3).toString() };
    a.status
        = attendanceStatusFromString(q.value(4).toString()).value_or(AttendanceStatus::Pending);
    a.puddingName = q.value(5).toString();
    a.puddingDescription = q.value(6).toString();
    a.photoId = q.value(7).toLongLong();
    a.note = q.value(8).toString();
    a.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong(), QTimeZone::utc());
    a.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), QTimeZone::utc());
    a.waitlistPosition = q.value(11).toInt();
    return a;
}

Result<std::optional<Attendance>> loadAttendance(DbSession &session, qint64 id)
{
    auto *q = session.run(selectAttendanceSql() % u"WHERE a.id = ?"_s, { id });
    if (!q)
        return databaseError(session.lastError(), "load attendance");
    std::optional<Attendance> a;
    if (q->next())
        a = attendanceFromRow(*q);
    q->finish();
    return a;
}

} // namespace Pudding::Server::MeetupRepository
