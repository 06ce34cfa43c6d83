// SPDX-License-Identifier: GPL-3.0-or-later
#include "meetuprepository.h"

#include "db/database.h"
#include "jobs/jobqueue.h"
#include "publish/livepublisher.h"
#include "shared/chat.h"

#include <QJsonObject>
#include <QTimeZone>
#include <atomic>

using namespace Qt::StringLiterals;

namespace Pudding::Server::MeetupRepository {

namespace {
const QString kSelectEvent
    = u"SELECT e.id, e.title, e.description, e.lat, e.lng, e.city, e.state, "
      "(extract(epoch from e.start_time) * 1000)::bigint, "
      "(extract(epoch from e.end_time) * 1000)::bigint, e.attendee_limit, "
      "e.cancelled_at IS NOT NULL, e.organizer_id, u.name, e.venue, e.public_lat, e.public_lng, "
      "coalesce((SELECT string_agg(a.user_id::text, ',') FROM attendances a "
      "  WHERE a.event_id = e.id AND a.status = 'APPROVED'), ''), e.revision, "
      "e.offer_window_minutes "
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
    if (!q.value(18).isNull())
        e.offerWindowMinutes = q.value(18).toInt();
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

namespace {
std::atomic_bool g_skipEventLock { false };
std::atomic<OfferNotice> g_offerNotice { nullptr };
} // namespace

void setSkipEventLockForTesting(bool skip)
{
    g_skipEventLock = skip;
}

void setOfferNotice(OfferNotice notice)
{
    g_offerNotice = notice;
}

Result<std::optional<LockedEvent>> lockEvent(Transaction &tx, qint64 eventId)
{
    static const QString locking
        = u"SELECT organizer_id, attendee_limit, cancelled_at IS NOT "
          "NULL, start_time <= now() FROM events WHERE id = ? FOR UPDATE"_s;
    static const QString faulty = locking.chopped(QLatin1StringView(" FOR UPDATE").size());
    auto *q = tx.exec(g_skipEventLock ? faulty : locking, { eventId });
    if (!q)
        return databaseError(tx.error(), "lock event");
    if (!q->next())
        return std::optional<LockedEvent>();
    const LockedEvent e { q->value(0).toLongLong(), q->value(1).toInt(), q->value(2).toBool(),
        q->value(3).toBool() };
    q->finish();
    return std::optional(e);
}

std::optional<Places> places(DbSession &session, qint64 eventId)
{
    auto *q = session.run(u"SELECT count(*) FILTER (WHERE status = 'APPROVED' OR holds_place), "
                          "count(*) FILTER (WHERE status IN ('WAITLISTED', 'OFFERED')) "
                          "FROM attendances WHERE event_id = ?"_s,
        { eventId });
    if (!q || !q->next())
        return std::nullopt;
    const Places p { q->value(0).toInt(), q->value(1).toInt() };
    q->finish();
    return p;
}

bool offerFreedPlaces(DbSession &session, qint64 eventId)
{
    const OfferNotice notice = g_offerNotice;
    if (!notice) {
        qCritical("offerFreedPlaces: no offer notice installed (AttendanceApi)");
        return false;
    }
    // One offer per round, each under the caller's event lock: the first waitlisted request
    // (regulars first, then the oldest) while a place is free. The expiry is whole
    // milliseconds so the job's payload names it exactly.
    static const QString offerOne
        = u"WITH ev AS (SELECT id, organizer_id, attendee_limit, "
          "start_time, offer_window_minutes FROM events WHERE id = ? AND cancelled_at IS NULL AND "
          "start_time > pudding_now()), "
          "taken AS (SELECT count(*) AS n FROM attendances WHERE event_id = ? AND "
          "  (status = 'APPROVED' OR holds_place)), "
          "nxt AS (SELECT a.id FROM attendances a, ev WHERE a.event_id = ev.id AND "
          "  a.status = 'WAITLISTED' ORDER BY EXISTS (SELECT 1 FROM regulars r WHERE "
          "  r.organizer_id = ev.organizer_id AND r.user_id = a.user_id) DESC, a.id LIMIT 1) "
          "UPDATE attendances a SET status = 'OFFERED', holds_place = true, updated_at = now(), "
          "  offer_expires_at = date_trunc('milliseconds', least(pudding_now() + coalesce("
          "    make_interval(mins => ev.offer_window_minutes), CASE WHEN ev.start_time - "
          "    pudding_now() < interval '24 hours' THEN interval '2 hours' ELSE interval "
          "    '12 hours' END), ev.start_time)) "
          "FROM ev, nxt, taken WHERE a.id = nxt.id AND taken.n < ev.attendee_limit "
          "RETURNING a.id, a.user_id, (extract(epoch FROM a.offer_expires_at) * 1000)::bigint"_s;
    for (;;) {
        auto *q = session.run(offerOne, { eventId, eventId });
        if (!q)
            return false;
        if (!q->next())
            return true;
        const Offer offer { q->value(0).toLongLong(), eventId, q->value(1).toLongLong(),
            q->value(2).toLongLong() };
        q->finish();
        // The expiry runs from the durable queue at that moment (any instance, after a
        // restart too); the key keeps a repeated offer from queueing it twice.
        const auto job = JobQueue::enqueue(session,
            { u"offer_expire"_s,
                QJsonObject { { u"attendanceId"_s, offer.attendanceId },
                    { u"expiresAt"_s, offer.expiresAtMs } },
                QDateTime::fromMSecsSinceEpoch(offer.expiresAtMs, QTimeZone::utc()),
                u"offer:%1:%2"_s.arg(offer.attendanceId).arg(offer.expiresAtMs), 8, {} });
        if (!job)
            return false;
        const auto a = loadAttendance(session, offer.attendanceId);
        if (!a || !a.value()
            || !LivePublisher::notifyUsers(session, { offer.userId },
                Chat::frame(
                    Chat::ServerFrame::WaitlistOffer, { { u"attendance"_s, a.value()->toJson() } }))
            || !notice(session, offer))
            return false;
    }
}

const QString &selectAttendanceSql()
{
    static const QString sql
        = u"SELECT a.id, a.event_id, a.user_id, u.name, a.status, a.pudding_name, "
          "a.pudding_description, coalesce(a.photo_id, 0), coalesce(a.note, ''), "
          "(extract(epoch from a.created_at) * 1000)::bigint, "
          "(extract(epoch from a.updated_at) * 1000)::bigint, "
          "CASE WHEN a.status = 'WAITLISTED' THEN (SELECT count(*) FROM attendances w "
          "  WHERE w.event_id = a.event_id AND w.status = 'WAITLISTED' AND "
          "  (EXISTS (SELECT 1 FROM regulars rw WHERE rw.organizer_id = e.organizer_id AND "
          "     rw.user_id = w.user_id), -w.id) >= (r.user_id IS NOT NULL, -a.id)) "
          "ELSE 0 END, "
          "(extract(epoch FROM a.offer_expires_at) * 1000)::bigint, a.holds_place, "
          "a.preapproved, r.user_id IS NOT NULL "
          "FROM attendances a JOIN users u ON u.id = a.user_id "
          "JOIN events e ON e.id = a.event_id "
          "LEFT JOIN regulars r ON r.organizer_id = e.organizer_id AND r.user_id = a.user_id "_s;
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
    if (!q.value(12).isNull())
        a.offerExpiresAt
            = QDateTime::fromMSecsSinceEpoch(q.value(12).toLongLong(), QTimeZone::utc());
    a.holdsPlace = q.value(13).toBool();
    a.preapproved = q.value(14).toBool();
    a.regular = q.value(15).toBool();
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
