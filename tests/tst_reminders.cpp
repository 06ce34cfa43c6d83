// SPDX-License-Identifier: GPL-3.0-or-later
// Reminders before a meetup and "can't come after all" (issue 14), against the real server and
// its database, on the test clock (pudding_clock; nothing here sleeps). The scan is the server's
// own Reminders::scan() run in this process on connections to the test database, exactly as the
// reminder_scan job runs it: 24 h and 2 h arrive once each; approved 3 h before → only the 2 h
// one; a guest's own offsets and [] (off); a cancelled meetup, a guest who left or was declined
// → none; a moved meetup → new ones counted from the new start; two scans at once → once;
// daylight saving in Europe/Berlin (24 h are 24 h of real time). The can't-come link: GET
// changes nothing, POST frees the place exactly like leaving (the waitlist moves up), forged,
// expired and other people's tokens are refused; POST …/cant-come from the app.
#include "calendar/calendarapi.h"
#include "contractrecorder.h"
#include "db/database.h"
#include "dbcheck.h"
#include "links/links.h"
#include "meetups/eventindex.h"
#include "meetups/meetuprepository.h"
#include "reminders/reminders.h"
#include "serverfixture.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>
#include <QTimeZone>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Test;

namespace {

const QString kPublicUrl = u"https://pudding.example.org"_s;

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

} // namespace

class TstReminders : public QObject
{
    Q_OBJECT

    ServerFixture m_server;
    QSqlDatabase m_sql;
    Account m_olga;
    std::optional<Server::DbConfig> m_config;
    std::unique_ptr<Server::Database> m_db;
    std::unique_ptr<Server::DbSession> m_session;
    Server::EventIndex m_index;
    std::unique_ptr<Server::CalendarApi> m_calendar;
    std::unique_ptr<Server::Reminders> m_reminders;
    int m_reminderCount = 0;

    // ---- helpers ------------------------------------------------------------------------------

    qlonglong scalar(const QString &sql, const QVariantList &values = {})
    {
        return Db::scalar(m_sql, sql, values);
    }

    bool exec(const QString &sql, const QVariantList &values = {})
    {
        return Db::exec(m_sql, sql, values);
    }

    /// Moves the test clock so that pudding_now() is `instant`.
    bool setClock(const QDateTime &instant)
    {
        return exec(u"UPDATE pudding_clock SET offset_seconds = "
                    "extract(epoch from (?::timestamptz - now()))"_s,
            { instant.toUTC().toString(Qt::ISODateWithMs) });
    }

    QDateTime startOf(qint64 event)
    {
        return QDateTime::fromMSecsSinceEpoch(
            scalar(u"SELECT (extract(epoch from start_time) * 1000)::bigint FROM events "
                   "WHERE id = ?"_s,
                { event }),
            Qt::UTC);
    }

    /// One scan as the reminder_scan job runs it; how many reminders were posted since the
    /// last call, -1 when it failed. The server's own reminder_scan job runs too (a second
    /// instance, in effect): the count is of the inbox rows, which is exact once this scan
    /// returned — a reminder the server is posting at the same moment holds its row lock until
    /// it commits, and this scan's insert waits for it.
    int scan()
    {
        // The index as the server holds it (who is approved decides the .ics's place).
        if (!Server::MeetupRepository::loadAll(*m_session, m_index))
            return -1;
        const auto posted = m_reminders->scan(*m_session);
        if (!posted) {
            qWarning().noquote() << "scan failed:" << posted.error().message;
            return -1;
        }
        const int total = count(u"SELECT count(*) FROM notifications WHERE type = 'reminder'"_s);
        const int delta = total - m_reminderCount;
        m_reminderCount = total;
        return delta;
    }

    int count(const QString &sql, const QVariantList &values = {})
    {
        return int(scalar(sql, values));
    }

    int remindersOf(qint64 userId, qint64 event)
    {
        return count(u"SELECT count(*) FROM notifications WHERE type = 'reminder' AND "
                     "user_id = ? AND event_id = ?"_s,
            { userId, event });
    }

    /// "1440:sent,120:skipped" for the attendance's current start, largest offset first.
    QString deliveries(qint64 attendance)
    {
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT d.offset_minutes, d.skipped FROM reminder_deliveries d "
                  "JOIN attendances a ON a.id = d.attendance_id JOIN events e ON e.id = "
                  "a.event_id WHERE d.attendance_id = ? AND d.start_time = e.start_time "
                  "ORDER BY d.offset_minutes DESC"_s);
        q.addBindValue(attendance);
        QStringList out;
        if (q.exec()) {
            while (q.next())
                out << u"%1:%2"_s.arg(q.value(0).toInt())
                           .arg(q.value(1).toBool() ? u"skipped"_s : u"sent"_s);
        }
        return out.join(u',');
    }

    qint64 attendanceOf(qint64 userId, qint64 event)
    {
        return scalar(
            u"SELECT id FROM attendances WHERE user_id = ? AND event_id = ?"_s, { userId, event });
    }

    QString puddingOf(qint64 attendance)
    {
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT pudding_name FROM attendances WHERE id = ?"_s);
        q.addBindValue(attendance);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    QString statusOf(qint64 attendance)
    {
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT status FROM attendances WHERE id = ?"_s);
        q.addBindValue(attendance);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    qint64 meetup(const QDateTime &start, int limit = 10, const QString &title = u"Puddingabend"_s)
    {
        return m_server.createMeetup(m_olga.token,
            QJsonObject { { u"title"_s, title },
                { u"location"_s, QJsonObject { { u"lat"_s, 51.3308 }, { u"lng"_s, 12.3612 } } },
                { u"city"_s, u"Leipzig"_s }, { u"venue"_s, u"Clara-Zetkin-Park, Eingang Ost"_s },
                { u"startTime"_s, start.toUTC().toString(Qt::ISODateWithMs) },
                { u"endTime"_s, start.addSecs(7200).toUTC().toString(Qt::ISODateWithMs) },
                { u"attendeeLimit"_s, limit } });
    }

    /// The .ics parsed by a real iCalendar parser (tests/calendar/check_ics.py); empty on failure.
    static QJsonObject parseIcs(const QByteArray &ics)
    {
        QTemporaryFile file;
        if (!file.open())
            return {};
        file.write(ics);
        file.flush();
        QProcess checker;
        checker.start(u"/usr/bin/python3"_s,
            { QStringLiteral(PUDDING_SOURCE_DIR) + u"/tests/calendar/check_ics.py"_s,
                file.fileName() });
        if (!checker.waitForFinished(60000) || checker.exitCode() != 0) {
            qWarning().noquote() << "check_ics.py failed:" << checker.readAllStandardError();
            return {};
        }
        return QJsonDocument::fromJson(checker.readAllStandardOutput()).object();
    }

    /// The queued reminder mail of the attendance for this offset (the job's payload).
    QJsonObject reminderMail(qint64 attendance, int offset)
    {
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT payload::text FROM jobs WHERE kind = 'mail' AND dedupe_key LIKE ?"_s);
        q.addBindValue(u"reminder:%1:%2:%"_s.arg(attendance).arg(offset));
        if (!q.exec() || !q.next())
            return {};
        return QJsonDocument::fromJson(q.value(0).toByteArray()).object();
    }

    /// The newest reminder in the guest's inbox: title and body.
    QPair<QString, QString> lastReminder(qint64 userId)
    {
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT title, body FROM notifications WHERE type = 'reminder' AND "
                  "user_id = ? ORDER BY id DESC LIMIT 1"_s);
        q.addBindValue(userId);
        if (!q.exec() || !q.next())
            return {};
        return { q.value(0).toString(), q.value(1).toString() };
    }

    /// The link's path ("/cant-come/…") for this attendance, as the reminder makes it.
    static QString cantComePath(qint64 attendance, qint64 userId, const QDateTime &start)
    {
        const QString url = Server::Reminders::cantComeUrl(attendance, userId, start);
        return url.mid(kPublicUrl.size());
    }

    HttpResult form(const QString &path)
    {
        return m_server->request("POST", path, "", {}, "application/x-www-form-urlencoded");
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.extraArguments = { u"--public-url"_s, kPublicUrl };
        QVERIFY2(m_server.start(u"reminders"_s, options), qPrintable(m_server.errorString()));
        m_sql = m_server.sql(u"reminders-check"_s);
        QVERIFY(m_sql.isOpen());
        m_olga = m_server.signUp(u"Olga Organizer"_s);
        QVERIFY(m_olga.isValid());

        m_config = Server::DbConfig::fromUrl(m_server.databaseUrl());
        QVERIFY(m_config);
        m_db = std::make_unique<Server::Database>(*m_config, 1);
        m_session = std::make_unique<Server::DbSession>(*m_config, u"tst_reminders_scan"_s);
        QVERIFY(m_session->ensureOpen());
        // The key every instance shares (server_secrets) and the server's public URL.
        QVERIFY(Server::Links::loadKey(*m_session));
        Server::Links::setPublicUrl(kPublicUrl);
        m_calendar = std::make_unique<Server::CalendarApi>(*m_db, m_index, kPublicUrl);
        m_reminders = std::make_unique<Server::Reminders>(*m_calendar);
    }

    void init()
    {
        m_reminderCount = count(u"SELECT count(*) FROM notifications WHERE type = 'reminder'"_s);
    }

    void cleanup()
    {
        // Every meetup of a test is over for the next one: cancelled, clock back to now.
        QVERIFY(exec(u"UPDATE events SET cancelled_at = now() WHERE cancelled_at IS NULL"_s));
        QVERIFY(exec(u"UPDATE pudding_clock SET offset_seconds = 0"_s));
    }

    void cleanupTestCase()
    {
        m_reminders.reset();
        m_calendar.reset();
        m_session.reset();
        if (m_db)
            m_db->waitForDone();
        m_db.reset();
    }

    void offsetsApi()
    {
        const Account guest = m_server.signUp(u"Rita Reminder"_s);
        auto r = m_server->get(u"/api/reminders"_s, guest.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("offsets"_L1).toArray(), (QJsonArray { 1440, 120 }));
        // Stored unique, largest first.
        r = m_server->request(
            "PUT", u"/api/reminders"_s, R"({"offsets":[30,2880,30]})", guest.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("offsets"_L1).toArray(), (QJsonArray { 2880, 30 }));
        QCOMPARE(
            m_server->get(u"/api/reminders"_s, guest.token).json().value("offsets"_L1).toArray(),
            (QJsonArray { 2880, 30 }));
        // Refused, and nothing stored.
        for (const QByteArray &bad : { R"({"offsets":[4]})"_ba, R"({"offsets":[20161]})"_ba,
                 R"({"offsets":[10,20,30,40,50]})"_ba, R"({"offsets":"1440"})"_ba,
                 R"({"offsets":[1.5]})"_ba, R"({"offsets":["60"]})"_ba, R"({})"_ba }) {
            r = m_server->request("PUT", u"/api/reminders"_s, bad, guest.token);
            QCOMPARE(r.status, 400);
            QCOMPARE(r.errorCode(), u"validation_failed"_s);
        }
        QCOMPARE(
            m_server->get(u"/api/reminders"_s, guest.token).json().value("offsets"_L1).toArray(),
            (QJsonArray { 2880, 30 }));
        r = m_server->request("PUT", u"/api/reminders"_s, R"({"offsets":[]})", guest.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("offsets"_L1).toArray(), QJsonArray());
        QCOMPARE(m_server->get(u"/api/reminders"_s).status, 401);
    }

    void twentyFourAndTwoHoursOnceEach()
    {
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5));
        const Account guest = m_server.approvedGuest(event, m_olga.token, u"Anna Approved"_s);
        QVERIFY(guest.isValid());
        const qint64 att = attendanceOf(guest.id, event);
        const QDateTime start = startOf(event);

        QVERIFY(setClock(start.addSecs(-24 * 3600 - 60)));
        QCOMPARE(scan(), 0);
        QVERIFY(setClock(start.addSecs(-24 * 3600 + 30)));
        QCOMPARE(scan(), 1);
        QCOMPARE(scan(), 0); // never twice
        QCOMPARE(remindersOf(guest.id, event), 1);
        QCOMPARE(deliveries(att), u"1440:sent"_s);
        QVERIFY(setClock(start.addSecs(-2 * 3600 - 30)));
        QCOMPARE(scan(), 0);
        QVERIFY(setClock(start.addSecs(-2 * 3600 + 30)));
        QCOMPARE(scan(), 1);
        QCOMPARE(scan(), 0);
        QCOMPARE(remindersOf(guest.id, event), 2);
        QCOMPARE(deliveries(att), u"1440:sent,120:sent"_s);
        // The organizer gets none; after the start nothing more.
        QCOMPARE(remindersOf(m_olga.id, event), 0);
        QVERIFY(setClock(start.addSecs(60)));
        QCOMPARE(scan(), 0);
        QCOMPARE(remindersOf(guest.id, event), 2);
        // The inbox text: the exact place, the guest's pudding and the can't-come link, which
        // works (its page names the meetup).
        const auto [title, body] = lastReminder(guest.id);
        QVERIFY2(title.contains(u"Puddingabend"_s), qPrintable(title));
        QVERIFY2(body.contains(u"Clara-Zetkin-Park"_s), qPrintable(body));
        QVERIFY2(body.contains(puddingOf(att)), qPrintable(body));
        const qsizetype at = body.indexOf(kPublicUrl + u"/cant-come/"_s);
        QVERIFY2(at >= 0, qPrintable(body));
        const QString link
            = body.mid(at + kPublicUrl.size()).section(QRegularExpression(u"\\s"_s), 0, 0);
        Contract::recordSecret("cant-come token", link.mid(11).toLatin1());
        QCOMPARE(m_server->get(link).status, 400); // the meetup started: the link expired
        QVERIFY(setClock(start.addSecs(-60)));
        const auto page = m_server->get(link);
        QCOMPARE(page.status, 200);
        QVERIFY(QString::fromUtf8(page.body).contains(u"Puddingabend"_s));
        QCOMPARE(statusOf(att), u"APPROVED"_s);
        // The mail: queued once per reminder, to the guest, with the meetup's .ics (the exact
        // place, as the guest sees it).
        for (const int offset : { 1440, 120 }) {
            const QJsonObject mail = reminderMail(att, offset);
            QCOMPARE(mail.value("to"_L1).toString(), guest.email);
            const QJsonArray attachments = mail.value("attachments"_L1).toArray();
            QCOMPARE(attachments.size(), 1);
            const QJsonObject ics = attachments.first().toObject();
            QVERIFY(ics.value("contentType"_L1).toString().startsWith(u"text/calendar"_s));
            const QJsonObject parsed
                = parseIcs(QByteArray::fromBase64(ics.value("data"_L1).toString().toLatin1()));
            const QJsonObject vevent = parsed.value("events"_L1).toArray().first().toObject();
            QCOMPARE(
                vevent.value("uid"_L1).toString(), u"event-%1@pudding.example.org"_s.arg(event));
            QVERIFY2(vevent.value("location"_L1).toString().contains(u"Clara-Zetkin-Park"_s),
                qPrintable(vevent.value("location"_L1).toString()));
        }
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE kind = 'mail' AND dedupe_key LIKE ?"_s,
                     { u"reminder:%1:%"_s.arg(att) }),
            2);
        // The notice opens the meetup and names the attendance.
        QCOMPARE(count(u"SELECT count(*) FROM notifications WHERE type = 'reminder' AND "
                       "user_id = ? AND link = ? AND attendance_id = ?"_s,
                     { guest.id, u"event/%1"_s.arg(event), att }),
            2);
    }

    void approvedThreeHoursBeforeGetsOnlyTheTwoHourOne()
    {
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5));
        const QDateTime start = startOf(event);
        const Account guest = m_server.signUp(u"Lena Late"_s);
        const qint64 att = m_server.requestJoin(event, guest.token);
        QVERIFY(att > 0);
        QVERIFY(setClock(start.addSecs(-3 * 3600)));
        QCOMPARE(scan(), 0); // pending: nothing
        QCOMPARE(m_server.decide(event, att, "APPROVED", m_olga.token), 200);
        QCOMPARE(scan(), 0); // the 24 h moment lies before the approval
        QCOMPARE(deliveries(att), u"1440:skipped"_s);
        QVERIFY(setClock(start.addSecs(-2 * 3600 + 30)));
        QCOMPARE(scan(), 1);
        QCOMPARE(scan(), 0);
        QCOMPARE(remindersOf(guest.id, event), 1);
        QCOMPARE(deliveries(att), u"1440:skipped,120:sent"_s);
    }

    void onlyTheSmallestDueOffsetAfterDowntime()
    {
        // No scan ran between 24 h and 2 h before (the servers were down): one reminder.
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5));
        const Account guest = m_server.approvedGuest(event, m_olga.token, u"Dora Downtime"_s);
        QVERIFY(guest.isValid());
        const qint64 att = attendanceOf(guest.id, event);
        QVERIFY(setClock(startOf(event).addSecs(-3600)));
        QCOMPARE(scan(), 1);
        QCOMPARE(scan(), 0);
        QCOMPARE(remindersOf(guest.id, event), 1);
        QCOMPARE(deliveries(att), u"1440:skipped,120:sent"_s);
    }

    void customOffsetsAndOff()
    {
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5));
        const Account custom = m_server.approvedGuest(event, m_olga.token, u"Carl Custom"_s);
        const Account off = m_server.approvedGuest(event, m_olga.token, u"Otto Off"_s);
        QVERIFY(custom.isValid() && off.isValid());
        QCOMPARE(
            m_server->request("PUT", u"/api/reminders"_s, R"({"offsets":[2880,45]})", custom.token)
                .status,
            200);
        QCOMPARE(
            m_server->request("PUT", u"/api/reminders"_s, R"({"offsets":[]})", off.token).status,
            200);
        const QDateTime start = startOf(event);
        for (const qint64 before :
            { 2880 * 60 - 30, 1440 * 60 - 30, 120 * 60 - 30, 45 * 60 + 30, 45 * 60 - 30, 60 }) {
            QVERIFY(setClock(start.addSecs(-before)));
            QVERIFY(scan() >= 0);
            const int expected = before <= 45 * 60 ? 2 : 1;
            QCOMPARE(remindersOf(custom.id, event), expected);
        }
        QCOMPARE(deliveries(attendanceOf(custom.id, event)), u"2880:sent,45:sent"_s);
        QCOMPARE(remindersOf(off.id, event), 0);
        QCOMPARE(deliveries(attendanceOf(off.id, event)), QString());
    }

    void cancelledMeetupGetsNone()
    {
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5));
        const Account guest = m_server.approvedGuest(event, m_olga.token, u"Cora Cancelled"_s);
        QVERIFY(guest.isValid());
        QCOMPARE(
            m_server->request("DELETE", u"/api/events/%1"_s.arg(event), {}, m_olga.token).status,
            200);
        QVERIFY(setClock(startOf(event).addSecs(-24 * 3600 + 30)));
        QCOMPARE(scan(), 0);
        QVERIFY(setClock(startOf(event).addSecs(-2 * 3600 + 30)));
        QCOMPARE(scan(), 0);
        QCOMPARE(remindersOf(guest.id, event), 0);
    }

    void guestWhoLeftOrWasDeclinedGetsNone()
    {
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5));
        const Account left = m_server.approvedGuest(event, m_olga.token, u"Leo Left"_s);
        const Account declined = m_server.signUp(u"Dana Declined"_s);
        const Account stays = m_server.approvedGuest(event, m_olga.token, u"Stella Stays"_s);
        QVERIFY(left.isValid() && declined.isValid() && stays.isValid());
        const qint64 declinedAtt = m_server.requestJoin(event, declined.token);
        QCOMPARE(m_server.decide(event, declinedAtt, "REJECTED", m_olga.token), 200);
        QCOMPARE(m_server
                     ->request("DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event), {},
                         left.token)
                     .status,
            200);
        QVERIFY(setClock(startOf(event).addSecs(-24 * 3600 + 30)));
        QCOMPARE(scan(), 1); // Stella only
        QCOMPARE(remindersOf(stays.id, event), 1);
        QCOMPARE(remindersOf(left.id, event), 0);
        QCOMPARE(remindersOf(declined.id, event), 0);
    }

    void movedMeetupRemindsAtTheNewTime()
    {
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5));
        const Account guest = m_server.approvedGuest(event, m_olga.token, u"Mia Moved"_s);
        QVERIFY(guest.isValid());
        const qint64 att = attendanceOf(guest.id, event);
        const QDateTime start = startOf(event);
        QVERIFY(setClock(start.addSecs(-24 * 3600 + 30)));
        QCOMPARE(scan(), 1);
        // Two days later now: nothing at the old times, both again at the new ones.
        const QDateTime moved = start.addDays(2);
        const auto r = m_server->patchJson(u"/api/events/%1"_s.arg(event),
            { { u"startTime"_s, moved.toString(Qt::ISODateWithMs) },
                { u"endTime"_s, moved.addSecs(7200).toString(Qt::ISODateWithMs) } },
            m_olga.token);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(startOf(event), moved);
        QVERIFY(setClock(start.addSecs(-2 * 3600 + 30)));
        QCOMPARE(scan(), 0);
        QVERIFY(setClock(moved.addSecs(-24 * 3600 - 30)));
        QCOMPARE(scan(), 0);
        QVERIFY(setClock(moved.addSecs(-24 * 3600 + 30)));
        QCOMPARE(scan(), 1);
        QVERIFY(setClock(moved.addSecs(-2 * 3600 + 30)));
        QCOMPARE(scan(), 1);
        QCOMPARE(scan(), 0);
        QCOMPARE(remindersOf(guest.id, event), 3);
        QCOMPARE(deliveries(att), u"1440:sent,120:sent"_s);
        QCOMPARE(
            count(u"SELECT count(*) FROM reminder_deliveries WHERE attendance_id = ?"_s, { att }),
            3);
    }

    void twoScansAtOnceRemindOnce()
    {
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5), 20);
        QList<Account> guests;
        for (int i = 0; i < 12; ++i) {
            guests.append(m_server.approvedGuest(event, m_olga.token, u"Guest %1"_s.arg(i)));
            QVERIFY(guests.last().isValid());
        }
        QVERIFY(setClock(startOf(event).addSecs(-24 * 3600 + 30)));
        QVERIFY(Server::MeetupRepository::loadAll(*m_session, m_index));
        // Two "instances": two connections scanning at the same moment, several rounds.
        auto instance = [this](int n) {
            Server::DbSession s(*m_config, u"tst_reminders_instance_%1"_s.arg(n));
            if (!s.ensureOpen())
                return -1;
            int total = 0;
            for (int round = 0; round < 3; ++round) {
                const auto posted = m_reminders->scan(s);
                if (!posted)
                    return -1;
                total += posted.value();
            }
            return total;
        };
        QFuture<int> a = QtConcurrent::run(instance, 1);
        QFuture<int> b = QtConcurrent::run(instance, 2);
        const int postedA = a.result();
        const int postedB = b.result();
        QVERIFY(postedA >= 0 && postedB >= 0);
        // What this process's two scans posted; the server's worker may have posted some.
        QVERIFY(postedA + postedB <= 12);
        QCOMPARE(scan(), 12);
        for (const Account &g : std::as_const(guests))
            QCOMPARE(remindersOf(g.id, event), 1);
    }

    void daylightSavingIsRealTime_data()
    {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("expectedUtc");
        QTest::addColumn<QString>("expectedBerlin");
        const QTimeZone berlin("Europe/Berlin");
        // 10:00 on the Sunday the clocks go back (31 Oct 2027, CEST → CET): 09:00 UTC; 24 h
        // of real time before is 09:00 UTC on Saturday, 11:00 local summer time.
        QTest::newRow("October, 10:00") << QDateTime(QDate(2027, 10, 31), QTime(10, 0), berlin)
                                        << utc("2027-10-30T09:00:00Z") << u"11:00"_s;
        // 10:00 on the Sunday the clocks go forward (28 Mar 2027, CET → CEST): 08:00 UTC; 24 h
        // before is 08:00 UTC on Saturday, 09:00 local winter time.
        QTest::newRow("March, 10:00") << QDateTime(QDate(2027, 3, 28), QTime(10, 0), berlin)
                                      << utc("2027-03-27T08:00:00Z") << u"09:00"_s;
        // 01:30 the day after the October change (CET, 00:30 UTC): 24 h before lies before the
        // change, 02:30 summer time on the Sunday.
        QTest::newRow("1 Nov, 01:30") << QDateTime(QDate(2027, 11, 1), QTime(1, 30), berlin)
                                      << utc("2027-10-31T00:30:00Z") << u"02:30"_s;
    }

    void daylightSavingIsRealTime()
    {
        QFETCH(QDateTime, start);
        QFETCH(QDateTime, expectedUtc);
        QFETCH(QString, expectedBerlin);
        // Documented choice (server/reminders/reminders.h): an offset is real time, so "24 h"
        // is 86400 s before the start even when the local day has 23 or 25 hours.
        QCOMPARE(start.toUTC().addSecs(-24 * 3600), expectedUtc);
        QCOMPARE(expectedUtc.toTimeZone(QTimeZone("Europe/Berlin")).time().toString(u"HH:mm"_s),
            expectedBerlin);
        const qint64 event = meetup(start);
        QVERIFY(event > 0);
        QCOMPARE(startOf(event), start.toUTC());
        const Account guest = m_server.approvedGuest(event, m_olga.token, u"Dieter DST"_s);
        QVERIFY(guest.isValid());
        QVERIFY(setClock(expectedUtc.addSecs(-30)));
        QCOMPARE(scan(), 0);
        // One hour either way would be 23 or 25 hours: the first one fires, the second not.
        QVERIFY(setClock(expectedUtc));
        QCOMPARE(scan(), 1);
        QCOMPARE(
            count(u"SELECT count(*) FROM reminder_deliveries d JOIN attendances a ON a.id "
                  "= d.attendance_id WHERE a.event_id = ? AND d.offset_minutes = 1440 AND "
                  "NOT d.skipped AND d.sent_at >= ?::timestamptz "
                  "AND d.sent_at < ?::timestamptz + interval '1 minute'"_s,
                { event, expectedUtc.toString(Qt::ISODate), expectedUtc.toString(Qt::ISODate) }),
            1);
    }

    void reminderCarriesTheMeetupsIcsWithTheExactPlace()
    {
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5));
        const Account guest = m_server.approvedGuest(event, m_olga.token, u"Iris Ics"_s);
        QVERIFY(guest.isValid());
        QVERIFY(Server::MeetupRepository::loadAll(*m_session, m_index));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto ics = m_calendar->meetupIcs(
            *m_session, event, guest.id, Server::CalendarApi::Language::De, kPublicUrl, now);
        QVERIFY(ics && ics.value());
        const QJsonObject parsed = parseIcs(*ics.value());
        const QJsonObject vevent = parsed.value("events"_L1).toArray().first().toObject();
        QCOMPARE(vevent.value("uid"_L1).toString(), u"event-%1@pudding.example.org"_s.arg(event));
        QVERIFY2(vevent.value("location"_L1).toString().contains(u"Clara-Zetkin-Park"_s),
            qPrintable(vevent.value("location"_L1).toString()));
        // A stranger's copy has the city only.
        const auto stranger = m_calendar->meetupIcs(
            *m_session, event, 0, Server::CalendarApi::Language::En, kPublicUrl, now);
        QVERIFY(stranger && stranger.value());
        QVERIFY(!stranger.value()->contains("Clara-Zetkin-Park"));
        QVERIFY(!m_calendar
                     ->meetupIcs(*m_session, 987654321, guest.id, Server::CalendarApi::Language::En,
                         kPublicUrl, now)
                     .value());
    }

    void cantComeLink()
    {
        const qint64 event
            = meetup(QDateTime::currentDateTimeUtc().addDays(5), 1, u"Grießpudding & Co"_s);
        const Account guest = m_server.approvedGuest(event, m_olga.token, u"Kai Cantcome"_s);
        QVERIFY(guest.isValid());
        const Account waiting = m_server.signUp(u"Wanda Waitlisted"_s);
        const qint64 waitingAtt = m_server.requestJoin(event, waiting.token);
        QCOMPARE(statusOf(waitingAtt), u"WAITLISTED"_s);
        const qint64 att = attendanceOf(guest.id, event);
        const QDateTime start = startOf(event);
        const QString path = cantComePath(att, guest.id, start);
        Contract::recordSecret("cant-come token", path.mid(11).toLatin1());

        // GET: the page with the meetup's title and one button; nothing changes.
        auto r = m_server->get(path);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/html"));
        const QString html = QString::fromUtf8(r.body);
        QVERIFY2(html.contains(u"Grießpudding &amp; Co"_s), qPrintable(html));
        QCOMPARE(html.count(u"<button"_s), 1);
        QVERIFY2(
            html.contains(u"<form method=\"post\" action=\"%1\">"_s.arg(path)), qPrintable(html));
        QCOMPARE(statusOf(att), u"APPROVED"_s);
        QCOMPARE(statusOf(waitingAtt), u"WAITLISTED"_s);

        // Refused: forged MAC, forged claims, someone else's attendance, another purpose.
        const QString token = path.mid(11);
        const qsizetype dot = token.indexOf(u'.');
        QString forgedMac = token;
        forgedMac[dot + 3] = forgedMac[dot + 3] == u'A' ? u'B' : u'A';
        const Account other = m_server.signUp(u"Mallory Other"_s);
        const QString othersLink = cantComePath(att, other.id, start);
        const QString wrongPurpose = u"/cant-come/"_s
            + Server::Links::sign(u"unsubscribe",
                QJsonObject { { u"a"_s, att }, { u"u"_s, guest.id },
                    { u"exp"_s, start.toSecsSinceEpoch() } });
        for (const QString &bad :
            { QString(u"/cant-come/"_s + forgedMac), othersLink, wrongPurpose }) {
            QCOMPARE(m_server->get(bad).status, 400);
            QCOMPARE(form(bad).status, 400);
        }
        QCOMPARE(statusOf(att), u"APPROVED"_s);

        // Expired: the link works until the start (on the test clock).
        QVERIFY(setClock(start.addSecs(10)));
        QCOMPARE(m_server->get(path).status, 400);
        QCOMPARE(form(path).status, 400);
        QCOMPARE(statusOf(att), u"APPROVED"_s);
        QVERIFY(setClock(QDateTime::currentDateTimeUtc()));

        // POST frees the place like leaving: LEFT, and the waitlist moves up.
        r = form(path);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/html"));
        QCOMPARE(statusOf(att), u"LEFT"_s);
        QVERIFY2(statusOf(waitingAtt) == u"PENDING"_s || statusOf(waitingAtt) == u"OFFERED"_s,
            qPrintable(statusOf(waitingAtt)));
        // Again: nothing to give back.
        QCOMPARE(form(path).status, 409);
        QCOMPARE(m_server->get(path).status, 409);
        QCOMPARE(statusOf(att), u"LEFT"_s);
    }

    void cantComePageInGerman()
    {
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5));
        const Account guest = m_server.approvedGuest(event, m_olga.token, u"Jörg Deutsch"_s);
        QVERIFY(guest.isValid());
        QVERIFY(exec(u"UPDATE users SET language = 'de' WHERE id = ?"_s, { guest.id }));
        const auto r
            = m_server->get(cantComePath(attendanceOf(guest.id, event), guest.id, startOf(event)));
        QCOMPARE(r.status, 200);
        const QString html = QString::fromUtf8(r.body);
        QVERIFY2(html.contains(u"lang=\"de\""_s) && html.contains(u"Platz"_s), qPrintable(html));
    }

    void cantComeFromTheApp()
    {
        const qint64 event = meetup(QDateTime::currentDateTimeUtc().addDays(5), 1);
        const Account guest = m_server.approvedGuest(event, m_olga.token, u"App Guest"_s);
        const Account pending = m_server.signUp(u"Pia Pending"_s);
        QVERIFY(guest.isValid() && pending.isValid());
        const qint64 pendingAtt = m_server.requestJoin(event, pending.token);
        QVERIFY(pendingAtt > 0);
        const QString route = u"/api/attendance/events/%1/cant-come"_s.arg(event);
        // Only an approved guest can give back a place.
        auto r = m_server->request("POST", route, {}, pending.token);
        QCOMPARE(r.status, 409);
        QCOMPARE(statusOf(pendingAtt), u"WAITLISTED"_s);
        QCOMPARE(m_server->request("POST", route, {}, m_olga.token).status, 404);
        r = m_server->request("POST", route, {}, guest.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(
            r.json().value("attendance"_L1).toObject().value("status"_L1).toString(), u"LEFT"_s);
        QVERIFY(statusOf(pendingAtt) == u"PENDING"_s || statusOf(pendingAtt) == u"OFFERED"_s);
        QCOMPARE(m_server->request("POST", route, {}, guest.token).status, 404);
        QCOMPARE(m_server->request("POST", route).status, 401);
    }
};

QTEST_MAIN(TstReminders)
#include "tst_reminders.moc"
