// SPDX-License-Identifier: GPL-3.0-or-later
// The notification inbox (issue 14) against the real server and PostgreSQL: a notice is
// written in the transaction of the change that causes it (a failed write leaves neither the
// change nor the notice nor its mail), paging newest first, marking read by ids and all with
// the live frames, preferences (defaults, mail off, app off, the locked account row), the
// signed one-click unsubscribe (GET changes nothing, POST only with a valid token and only the
// type of the link), German texts for a German account, meetup changes and cancellation to the
// audience (never the organizer, a cancellation once), chat messages batched per meetup for
// absent members only, and the organizer's join-request digests: hourly at the next full hour
// and daily at 18:00 Europe/Berlin across the March DST change, on the queue's clock
// (pudding_clock), the digest mail listing the requests once.
#include "db/database.h"
#include "dbcheck.h"
#include "links/links.h"
#include "notifications/notifications.h"
#include "serverfixture.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Test;
namespace N = Pudding::Server::Notifications;

class TestNotifications : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QSqlDatabase m_sql;

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        return Db::scalar(m_sql, sql, values);
    }
    bool exec(const QString &sql, const QVariantList &values = {})
    {
        return Db::exec(m_sql, sql, values);
    }
    /// The notice mails queued for an address (job payloads), oldest first: those with a
    /// category (the address confirmation every new account gets has none).
    QList<QJsonObject> mailsTo(const QString &email)
    {
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT payload::text FROM jobs WHERE kind = 'mail' AND payload->>'to' = ? "
                  "AND payload->>'category' <> '' ORDER BY id"_s);
        q.addBindValue(email);
        QList<QJsonObject> out;
        if (!q.exec())
            return out;
        while (q.next())
            out.append(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        return out;
    }
    QJsonObject inbox(const QByteArray &token, const QString &query = {})
    {
        const auto r = m_server->get(u"/api/notifications"_s + query, token);
        if (r.status != 200)
            qWarning() << "inbox" << r.status << r.body;
        return r.json();
    }
    QList<QJsonObject> ofType(const QJsonObject &page, const QString &type)
    {
        QList<QJsonObject> out;
        for (const auto &n : page.value("notifications"_L1).toArray())
            if (n.toObject().value("type"_L1).toString() == type)
                out.append(n.toObject());
        return out;
    }
    /// Sets the queue's clock so that pudding_now() is `utc`.
    bool setClock(const char *utc)
    {
        return exec(u"UPDATE pudding_clock SET offset_seconds = extract(epoch from "
                    "?::timestamptz - now())"_s,
            { QString::fromLatin1(utc) });
    }
    HttpResult rawPost(const QString &pathOrUrl, const QByteArray &body)
    {
        return m_server->request("POST", pathOrUrl, body, {}, "application/x-www-form-urlencoded");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(u"notifications"_s), qPrintable(m_server.errorString()));
        m_sql = m_server.sql(u"notifications-check"_s);
        QVERIFY(m_sql.isOpen());
    }

    void joinRequestReachesTheOrganizer()
    {
        const Account org = m_server.signUp(u"Olga Organizer"_s);
        const Account guest = m_server.signUp(u"Gustav Gast"_s);
        const qint64 eventId = m_server.createMeetup(org.token, 5);
        QVERIFY(eventId > 0);
        WsClient ws;
        QVERIFY(ws.connectAs(m_server->port(), org.token));
        const qint64 attId = m_server.requestJoin(eventId, guest.token);
        QVERIFY(attId > 0);

        const auto frame = ws.take(u"notification"_s);
        QVERIFY(frame);
        QCOMPARE(frame->value("unreadCount"_L1).toInt(), 1);
        const QJsonObject n = frame->value("notification"_L1).toObject();
        QCOMPARE(n.value("type"_L1).toString(), u"join_request"_s);
        QCOMPARE(n.value("link"_L1).toString(), u"event/%1/requests"_s.arg(eventId));
        QCOMPARE(n.value("eventId"_L1).toInteger(), eventId);
        QCOMPARE(n.value("attendanceId"_L1).toInteger(), attId);
        QVERIFY2(n.value("title"_L1).toString().contains(u"Gustav Gast"_s),
            qPrintable(n.value("title"_L1).toString()));
        QCOMPARE(n.value("read"_L1).toBool(), false);

        const QJsonObject page = inbox(org.token);
        QCOMPARE(page.value("unreadCount"_L1).toInt(), 1);
        QCOMPARE(page.value("notifications"_L1).toArray().size(), 1);
        QCOMPARE(page.value("notifications"_L1).toArray().first().toObject(), n);
        // The guest's own inbox stays empty.
        QCOMPARE(inbox(guest.token).value("unreadCount"_L1).toInt(), 0);

        // The mail: queued in the same transaction, in English, with the unsubscribe link.
        const auto mails = mailsTo(org.email);
        QCOMPARE(mails.size(), 1);
        QCOMPARE(mails[0].value("category"_L1).toString(), u"join_request"_s);
        QCOMPARE(mails[0].value("language"_L1).toString(), u"en"_s);
        QCOMPARE(mails[0].value("subject"_L1).toString(), n.value("title"_L1).toString());
        QVERIFY(mails[0].value("text"_L1).toString().contains(u"Schokoladenpudding"_s));
        QVERIFY(mails[0].value("html"_L1).toString().contains(u"<a href="_s));
        QVERIFY(mails[0].value("unsubscribeUrl"_L1).toString().contains(u"/unsubscribe/"_s));
        QVERIFY(mails[0].value("text"_L1).toString().contains(
            mails[0].value("unsubscribeUrl"_L1).toString()));
    }

    void failedWriteLeavesNothing()
    {
        const Account org = m_server.signUp(u"Fiona Fail"_s);
        const Account guest = m_server.signUp(u"Ferdinand"_s);
        const qint64 eventId = m_server.createMeetup(org.token, 5);
        const qint64 attId = m_server.requestJoin(eventId, guest.token);
        QVERIFY(attId > 0);
        const qint64 mailsBefore = scalar(u"SELECT count(*) FROM jobs WHERE kind = 'mail'"_s);
        // The mail of the decision cannot be queued: the whole decision must fail.
        QVERIFY(exec(u"CREATE FUNCTION tst_refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$ "
                     "BEGIN IF NEW.payload->>'category' = 'approved' THEN RAISE EXCEPTION "
                     "'refused by the test'; END IF; RETURN NEW; END $$"_s));
        QVERIFY(exec(u"CREATE TRIGGER tst_refuse_mail BEFORE INSERT ON jobs FOR EACH ROW "
                     "EXECUTE FUNCTION tst_refuse_mail()"_s));
        const int status = m_server.decide(eventId, attId, "APPROVED", org.token);
        QVERIFY(exec(u"DROP TRIGGER tst_refuse_mail ON jobs"_s));
        QVERIFY(exec(u"DROP FUNCTION tst_refuse_mail()"_s));
        QVERIFY2(status >= 500, qPrintable(QString::number(status)));
        QCOMPARE(
            scalar(u"SELECT count(*) FROM notifications WHERE user_id = ?"_s, { guest.id }), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM attendances WHERE id = ? AND status = 'PENDING'"_s,
                     { attId }),
            1);
        QCOMPARE(scalar(u"SELECT count(*) FROM jobs WHERE kind = 'mail'"_s), mailsBefore);
        // Without the fault the same decision stores all three.
        QCOMPARE(m_server.decide(eventId, attId, "APPROVED", org.token), 200);
        QCOMPARE(scalar(u"SELECT count(*) FROM notifications WHERE user_id = ? AND type = "
                        "'approved'"_s,
                     { guest.id }),
            1);
        QCOMPARE(mailsTo(guest.email).size(), 1);
    }

    void germanTextsForAGermanAccount()
    {
        const Account org = m_server.signUp(u"Olaf"_s);
        const Account guest = m_server.signUp(u"Jürgen"_s);
        QVERIFY(
            exec(u"UPDATE users SET language = 'de', time_zone = 'Europe/Berlin' WHERE id = ?"_s,
                { guest.id }));
        const qint64 eventId = m_server.createMeetup(org.token, 5);
        const qint64 attId = m_server.requestJoin(eventId, guest.token);
        const auto r = m_server->request("PATCH",
            u"/api/attendance/events/%1/attendances/%2"_s.arg(eventId).arg(attId),
            QJsonDocument(
                QJsonObject { { u"status"_s, u"REJECTED"_s }, { u"note"_s, u"Leider voll"_s } })
                .toJson(QJsonDocument::Compact),
            org.token);
        QVERIFY2(r.status == 200, r.body.constData());
        const auto rejected = ofType(inbox(guest.token), u"rejected"_s);
        QCOMPARE(rejected.size(), 1);
        const QString title = rejected[0].value("title"_L1).toString();
        const QString body = rejected[0].value("body"_L1).toString();
        QVERIFY2(title.startsWith(u"Deine Anfrage"_s), qPrintable(title));
        QVERIFY2(
            body.contains(u"Leider voll"_s) && body.contains(u"Organisator"_s), qPrintable(body));
        const auto mails = mailsTo(guest.email);
        QCOMPARE(mails.size(), 1);
        QCOMPARE(mails[0].value("language"_L1).toString(), u"de"_s);
        QVERIFY(mails[0].value("text"_L1).toString().contains(u"abbestellen"_s));
    }

    void pagingAndReading()
    {
        const Account user = m_server.signUp(u"Paula"_s);
        for (int i = 0; i < 7; ++i)
            QVERIFY(exec(
                u"INSERT INTO notifications (user_id, type, title) VALUES (?, 'approved', ?)"_s,
                { user.id, u"Notice %1"_s.arg(i) }));
        QJsonObject page = inbox(user.token, u"?limit=3"_s);
        QCOMPARE(page.value("unreadCount"_L1).toInt(), 7);
        QJsonArray first = page.value("notifications"_L1).toArray();
        QCOMPARE(first.size(), 3);
        QCOMPARE(first[0].toObject().value("title"_L1).toString(), u"Notice 6"_s);
        const qint64 lastId = first[2].toObject().value("id"_L1).toInteger();
        page = inbox(user.token, u"?limit=3&before=%1"_s.arg(lastId));
        const QJsonArray second = page.value("notifications"_L1).toArray();
        QCOMPARE(second.size(), 3);
        QCOMPARE(second[0].toObject().value("title"_L1).toString(), u"Notice 3"_s);
        QVERIFY(second[0].toObject().value("id"_L1).toInteger() < lastId);
        page = inbox(user.token,
            u"?limit=3&before=%1"_s.arg(second[2].toObject().value("id"_L1).toInteger()));
        QCOMPARE(page.value("notifications"_L1).toArray().size(), 1);
        QCOMPARE(m_server->get(u"/api/notifications?limit=0"_s, user.token).status, 400);
        QCOMPARE(m_server->get(u"/api/notifications?limit=101"_s, user.token).status, 400);
        QCOMPARE(m_server->get(u"/api/notifications?before=x"_s, user.token).status, 400);
        QCOMPARE(m_server->get(u"/api/notifications"_s).status, 401);

        // Read by ids: the other socket hears it.
        WsClient other;
        QVERIFY(other.connectAs(m_server->port(), user.token));
        const qint64 a = first[0].toObject().value("id"_L1).toInteger();
        const qint64 b = first[1].toObject().value("id"_L1).toInteger();
        auto r = m_server->postJson(
            u"/api/notifications/read"_s, { { u"ids"_s, QJsonArray { a, b } } }, user.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("unreadCount"_L1).toInt(), 5);
        const auto frame = other.take(u"notifications_read"_s);
        QVERIFY(frame);
        QCOMPARE(frame->value("unreadCount"_L1).toInt(), 5);
        QCOMPARE(frame->value("ids"_L1).toArray(), (QJsonArray { a, b }));
        QCOMPARE(inbox(user.token, u"?limit=1"_s)
                     .value("notifications"_L1)
                     .toArray()[0]
                     .toObject()
                     .value("read"_L1)
                     .toBool(),
            true);

        // Someone else's ids change nothing.
        const Account stranger = m_server.signUp(u"Stranger"_s);
        const qint64 c = first[2].toObject().value("id"_L1).toInteger();
        r = m_server->postJson(
            u"/api/notifications/read"_s, { { u"ids"_s, QJsonArray { c } } }, stranger.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(inbox(user.token).value("unreadCount"_L1).toInt(), 5);

        // Bad bodies.
        QCOMPARE(m_server->postJson(u"/api/notifications/read"_s, {}, user.token).status, 400);
        QCOMPARE(m_server
                     ->postJson(u"/api/notifications/read"_s,
                         { { u"ids"_s, QJsonArray { u"x"_s } } }, user.token)
                     .status,
            400);

        // All.
        r = m_server->postJson(u"/api/notifications/read"_s, { { u"all"_s, true } }, user.token);
        QCOMPARE(r.json().value("unreadCount"_L1).toInt(), 0);
        const auto all = other.take(u"notifications_read"_s);
        QVERIFY(all);
        QCOMPARE(all->value("all"_L1).toBool(), true);
        QCOMPARE(
            scalar(u"SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL"_s,
                { user.id }),
            0);
    }

    void preferences()
    {
        const Account org = m_server.signUp(u"Petra Prefs"_s);
        const Account guest = m_server.signUp(u"Pit"_s);
        auto r = m_server->get(u"/api/notifications/preferences"_s, guest.token);
        QCOMPARE(r.status, 200);
        const QJsonArray prefs = r.json().value("preferences"_L1).toArray();
        QCOMPARE(prefs.size(), 10);
        for (const auto &p : prefs) {
            const QJsonObject o = p.toObject();
            const QString type = o.value("type"_L1).toString();
            QCOMPARE(o.value("mail"_L1).toBool(), type != u"chat_message");
            QCOMPARE(o.value("mailLocked"_L1).toBool(), type == u"account");
        }
        QCOMPARE(r.json().value("joinRequestMail"_L1).toString(), u"immediate"_s);

        // Mail off for approvals, app off for rejections.
        r = m_server->request("PUT", u"/api/notifications/preferences"_s,
            QJsonDocument(
                QJsonObject { { u"preferences"_s,
                    QJsonArray { QJsonObject { { u"type"_s, u"approved"_s }, { u"mail"_s, false } },
                        QJsonObject { { u"type"_s, u"rejected"_s }, { u"app"_s, false } } } } })
                .toJson(),
            guest.token);
        QCOMPARE(r.status, 200);
        for (const auto &p : r.json().value("preferences"_L1).toArray()) {
            const QJsonObject o = p.toObject();
            if (o.value("type"_L1) == "approved"_L1)
                QCOMPARE(o.value("mail"_L1).toBool(), false);
            if (o.value("type"_L1) == "rejected"_L1)
                QCOMPARE(o.value("app"_L1).toBool(), false);
        }
        const qint64 e1 = m_server.createMeetup(org.token, 5);
        const qint64 a1 = m_server.requestJoin(e1, guest.token);
        QCOMPARE(m_server.decide(e1, a1, "APPROVED", org.token), 200);
        QCOMPARE(ofType(inbox(guest.token), u"approved"_s).size(), 1);
        QCOMPARE(mailsTo(guest.email).size(), 0);

        WsClient ws;
        QVERIFY(ws.connectAs(m_server->port(), guest.token));
        const qint64 e2 = m_server.createMeetup(org.token, 5);
        const qint64 a2 = m_server.requestJoin(e2, guest.token);
        QCOMPARE(m_server.decide(e2, a2, "REJECTED", org.token), 200);
        QVERIFY(ws.take(u"attendance_rejected"_s));
        // Stored as read, no frame; the mail still goes.
        const auto rejected = ofType(inbox(guest.token), u"rejected"_s);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected[0].value("read"_L1).toBool(), true);
        QVERIFY(!ws.sees(u"notification"_s, {}, 300));
        QCOMPARE(mailsTo(guest.email).size(), 1);

        // Refused: unknown type, non-boolean, the account's mail, a bad rhythm.
        const auto put = [&](const QJsonObject &body) {
            return m_server
                ->request("PUT", u"/api/notifications/preferences"_s, QJsonDocument(body).toJson(),
                    guest.token)
                .status;
        };
        QCOMPARE(
            put({ { u"preferences"_s,
                QJsonArray { QJsonObject { { u"type"_s, u"nope"_s }, { u"mail"_s, false } } } } }),
            400);
        QCOMPARE(
            put({ { u"preferences"_s,
                QJsonArray { QJsonObject { { u"type"_s, u"reminder"_s }, { u"mail"_s, 1 } } } } }),
            400);
        QCOMPARE(put({ { u"preferences"_s,
                     QJsonArray {
                         QJsonObject { { u"type"_s, u"account"_s }, { u"mail"_s, false } } } } }),
            400);
        QCOMPARE(put({ { u"joinRequestMail"_s, u"weekly"_s } }), 400);
        QCOMPARE(put({ { u"joinRequestMail"_s, u"hourly"_s } }), 200);
        QCOMPARE(
            scalar(u"SELECT count(*) FROM users WHERE id = ? AND join_request_mail = 'hourly'"_s,
                { guest.id }),
            1);
    }

    void unsubscribe()
    {
        const Account org = m_server.signUp(u"Ulla"_s);
        const Account guest = m_server.signUp(u"Uwe"_s);
        const qint64 eventId = m_server.createMeetup(org.token, 5);
        const qint64 attId = m_server.requestJoin(eventId, guest.token);
        QCOMPARE(m_server.decide(eventId, attId, "APPROVED", org.token), 200);
        const auto mails = mailsTo(guest.email);
        QCOMPARE(mails.size(), 1);
        const QUrl url(mails[0].value("unsubscribeUrl"_L1).toString());
        const QString path = url.path(QUrl::FullyEncoded);
        QVERIFY2(path.startsWith(u"/unsubscribe/"_s), qPrintable(path));
        const auto mailPref = [&](const char *type) {
            return scalar(
                u"SELECT coalesce((SELECT enabled::int FROM notification_preferences WHERE "
                "user_id = ? AND type = ? AND channel = 'mail'), -1)"_s,
                { guest.id, QString::fromLatin1(type) });
        };

        // GET: a page with the form, nothing changed (mail scanners follow links).
        auto r = m_server->get(path);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/html"));
        QVERIFY(r.body.contains("<form method=\"post\""));
        QCOMPARE(mailPref("approved"), -1);

        // A forged or foreign token changes nothing.
        QString forged = path;
        forged.chop(2);
        forged += forged.endsWith(u'A') ? u"BB"_s : u"AA"_s;
        QCOMPARE(rawPost(forged, "List-Unsubscribe=One-Click").status, 400);
        const QString other = u"/unsubscribe/"_s
            + Server::Links::sign(
                u"cant_come", { { u"u"_s, guest.id }, { u"t"_s, u"approved"_s } });
        QCOMPARE(rawPost(other, "List-Unsubscribe=One-Click").status, 400);
        QCOMPARE(mailPref("approved"), -1);

        // POST (RFC 8058 one-click): mail off for this type only.
        r = rawPost(path, "List-Unsubscribe=One-Click");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("<html"));
        QCOMPARE(mailPref("approved"), 0);
        QCOMPARE(mailPref("rejected"), -1);
        QCOMPARE(mailPref("reminder"), -1);
        r = m_server->get(u"/api/notifications/preferences"_s, guest.token);
        for (const auto &p : r.json().value("preferences"_L1).toArray()) {
            const QJsonObject o = p.toObject();
            QCOMPARE(o.value("mail"_L1).toBool(),
                o.value("type"_L1) != "approved"_L1 && o.value("type"_L1) != "chat_message"_L1);
        }
        // Again: still fine (idempotent).
        QCOMPARE(rawPost(path, "List-Unsubscribe=One-Click").status, 200);
    }

    void meetupChangedAndCancelled()
    {
        const Account org = m_server.signUp(u"Carla"_s);
        const qint64 eventId = m_server.createMeetup(org.token, 2);
        const Account approved = m_server.approvedGuest(eventId, org.token, u"Anna"_s);
        const Account pending = m_server.signUp(u"Paul"_s);
        QVERIFY(m_server.requestJoin(eventId, pending.token) > 0);
        const Account outsider = m_server.signUp(u"Otto"_s);
        const auto ev = m_server->get(u"/api/events/%1"_s.arg(eventId), org.token).json();
        const QDateTime start
            = QDateTime::fromString(ev.value("startTime"_L1).toString(), Qt::ISODate);
        auto r = m_server->patchJson(u"/api/events/%1"_s.arg(eventId),
            { { u"startTime"_s, start.addSecs(3600).toUTC().toString(Qt::ISODateWithMs) },
                { u"endTime"_s,
                    QDateTime::fromString(ev.value("endTime"_L1).toString(), Qt::ISODate)
                        .addSecs(3600)
                        .toUTC()
                        .toString(Qt::ISODateWithMs) },
                { u"title"_s, u"Pudding im Park, später"_s } },
            org.token);
        QVERIFY2(r.status == 200, r.body.constData());
        for (const Account *a : { &approved, &pending }) {
            const auto changed = ofType(inbox(a->token), u"meetup_changed"_s);
            QCOMPARE(changed.size(), 1);
            QVERIFY2(changed[0].value("body"_L1).toString().contains(u"the time, the title"_s),
                qPrintable(changed[0].value("body"_L1).toString()));
            QCOMPARE(changed[0].value("link"_L1).toString(), u"event/%1"_s.arg(eventId));
        }
        QCOMPARE(ofType(inbox(org.token), u"meetup_changed"_s).size(), 0);
        QCOMPARE(inbox(outsider.token).value("notifications"_L1).toArray().size(), 0);

        QCOMPARE(
            m_server->request("DELETE", u"/api/events/%1"_s.arg(eventId), {}, org.token).status,
            200);
        QCOMPARE(
            m_server->request("DELETE", u"/api/events/%1"_s.arg(eventId), {}, org.token).status,
            200);
        for (const Account *a : { &approved, &pending })
            QCOMPARE(ofType(inbox(a->token), u"meetup_cancelled"_s).size(), 1);
        QCOMPARE(ofType(inbox(org.token), u"meetup_cancelled"_s).size(), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM jobs WHERE kind = 'mail' AND payload->>'category' "
                        "= 'meetup_cancelled' AND payload->>'to' IN (?, ?)"_s,
                     { approved.email, pending.email }),
            2);
    }

    void chatMessagesAreBatched()
    {
        const Account org = m_server.signUp(u"Chris"_s);
        const qint64 eventId = m_server.createMeetup(org.token, 5);
        const Account away = m_server.approvedGuest(eventId, org.token, u"Away"_s);
        const Account here = m_server.approvedGuest(eventId, org.token, u"Here"_s);
        // "away" wants chat mail; "here" is in the room.
        QCOMPARE(
            m_server
                ->request("PUT", u"/api/notifications/preferences"_s,
                    QJsonDocument(QJsonObject { { u"preferences"_s,
                                      QJsonArray { QJsonObject { { u"type"_s, u"chat_message"_s },
                                          { u"mail"_s, true } } } } })
                        .toJson(),
                    away.token)
                .status,
            200);
        WsClient ws;
        QVERIFY(ws.connectAs(m_server->port(), here.token));
        ws.send({ { u"type"_s, u"join_event"_s }, { u"eventId"_s, eventId } });
        QVERIFY(ws.take(u"joined"_s));
        QVERIFY(ws.take(u"presence"_s, [&](const QJsonObject &f) {
            for (const auto &u : f.value("online"_L1).toArray())
                if (u.toObject().value("id"_L1).toInteger() == here.id)
                    return true;
            return false;
        }));
        for (int i = 1; i <= 3; ++i) {
            const auto r = m_server->postJson(u"/api/messages/events/%1/messages"_s.arg(eventId),
                { { u"content"_s, u"Nachricht %1"_s.arg(i) } }, org.token);
            QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        }
        const auto chat = ofType(inbox(away.token), u"chat_message"_s);
        QCOMPARE(chat.size(), 1);
        QCOMPARE(chat[0].value("count"_L1).toInt(), 3);
        QVERIFY2(chat[0].value("title"_L1).toString().startsWith(u"3 new messages"_s),
            qPrintable(chat[0].value("title"_L1).toString()));
        QVERIFY(chat[0].value("body"_L1).toString().contains(u"Nachricht 3"_s));
        QCOMPARE(chat[0].value("link"_L1).toString(), u"event/%1/chat"_s.arg(eventId));
        QCOMPARE(ofType(inbox(here.token), u"chat_message"_s).size(), 0);
        QCOMPARE(ofType(inbox(org.token), u"chat_message"_s).size(), 0); // the sender
        // One delayed chat_mail job for the one unread row, due 15 minutes later.
        QCOMPARE(scalar(u"SELECT count(*) FROM jobs WHERE kind = 'chat_mail' AND "
                        "(payload->>'userId')::bigint = ?"_s,
                     { away.id }),
            1);
        QCOMPARE(scalar(u"SELECT round(extract(epoch from run_at - created_at) / 60) FROM jobs "
                        "WHERE kind = 'chat_mail' AND (payload->>'userId')::bigint = ?"_s,
                     { away.id }),
            15);
        // The default (chat mail off) queues none.
        QCOMPARE(scalar(u"SELECT count(*) FROM jobs WHERE kind = 'chat_mail' AND "
                        "(payload->>'userId')::bigint = ?"_s,
                     { org.id }),
            0);
        // The chat_mail job (the worker's handler, run here on a session of its own): one mail
        // with the batched count; run again, nothing more.
        Server::DbSession session(
            *Server::DbConfig::fromUrl(m_server.databaseUrl()), u"tst-chat-mail"_s);
        QVERIFY(session.ensureOpen());
        QVERIFY(Server::Links::loadKey(session));
        QSqlQuery job(m_sql);
        job.prepare(u"SELECT payload::text FROM jobs WHERE kind = 'chat_mail' AND "
                    "(payload->>'userId')::bigint = ?"_s);
        job.addBindValue(away.id);
        QVERIFY(job.exec() && job.next());
        const QJsonObject payload
            = QJsonDocument::fromJson(job.value(0).toString().toUtf8()).object();
        QString error;
        QVERIFY2(N::runChatMail(session, payload, error), qPrintable(error));
        QVERIFY2(N::runChatMail(session, payload, error), qPrintable(error));
        QList<QJsonObject> chatMails;
        const auto chatMailsOf = [&] {
            chatMails.clear();
            for (const QJsonObject &m : mailsTo(away.email))
                if (m.value("category"_L1) == "chat_message"_L1)
                    chatMails.append(m);
            return chatMails.size();
        };
        QCOMPARE(chatMailsOf(), 1); // (the other one is the approval's)
        QCOMPARE(chatMails[0].value("category"_L1).toString(), u"chat_message"_s);
        QVERIFY(chatMails[0].value("subject"_L1).toString().startsWith(u"3 new messages"_s));

        // Read: the next message starts a new row.
        QCOMPARE(
            m_server->postJson(u"/api/notifications/read"_s, { { u"all"_s, true } }, away.token)
                .status,
            200);
        QVERIFY(m_server
                    ->postJson(u"/api/messages/events/%1/messages"_s.arg(eventId),
                        { { u"content"_s, u"Noch eine"_s } }, org.token)
                    .status
            < 300);
        const auto again = ofType(inbox(away.token), u"chat_message"_s);
        QCOMPARE(again.size(), 2);
        QCOMPARE(again[0].value("count"_L1).toInt(), 1);
        QCOMPARE(again[0].value("read"_L1).toBool(), false);
        // Its job finds the row read by the time it runs: no mail.
        QCOMPARE(
            m_server->postJson(u"/api/notifications/read"_s, { { u"all"_s, true } }, away.token)
                .status,
            200);
        QJsonObject second = payload;
        second.insert(u"notificationId"_s, again[0].value("id"_L1));
        QVERIFY2(N::runChatMail(session, second, error), qPrintable(error));
        QCOMPARE(chatMailsOf(), 1);
    }

    void digests_data()
    {
        QTest::addColumn<QString>("rhythm");
        QTest::addColumn<QString>("now1");
        QTest::addColumn<QString>("slot1");
        QTest::addColumn<QString>("now2");
        QTest::addColumn<QString>("slot2");
        // Hourly: the next full hour.
        QTest::newRow("hourly") << u"hourly"_s << u"2027-03-27 12:34:00+00"_s
                                << u"2027-03-27 13:00:00+00"_s << u"2027-03-27 13:00:01+00"_s
                                << u"2027-03-27 14:00:00+00"_s;
        // Daily at 18:00 Berlin: 17:00 UTC on Saturday (CET), 16:00 UTC on Sunday after the
        // change to summer time that night; after 18:00 it is the next day's.
        QTest::newRow("daily across DST")
            << u"daily"_s << u"2027-03-27 09:00:00+00"_s << u"2027-03-27 17:00:00+00"_s
            << u"2027-03-27 17:30:00+00"_s << u"2027-03-28 16:00:00+00"_s;
        // And back to winter time in October: 16:00 UTC on Saturday, 17:00 UTC on Sunday.
        QTest::newRow("daily October")
            << u"daily"_s << u"2027-10-30 10:00:00+00"_s << u"2027-10-30 16:00:00+00"_s
            << u"2027-10-30 16:00:00+00"_s << u"2027-10-31 17:00:00+00"_s;
    }

    void digests()
    {
        QFETCH(QString, rhythm);
        QFETCH(QString, now1);
        QFETCH(QString, slot1);
        QFETCH(QString, now2);
        QFETCH(QString, slot2);
        const Account org = m_server.signUp(u"Dora Digest"_s);
        QVERIFY(exec(u"UPDATE users SET join_request_mail = ?, time_zone = 'Europe/Berlin' "
                     "WHERE id = ?"_s,
            { rhythm, org.id }));
        const qint64 eventId = m_server.createMeetup(org.token, 10);
        // The server's own job worker sends the digests when the queue's clock reaches them.
        auto moveClock = [this](const QString &utc) {
            return setClock(utc.toLatin1().constData())
                && exec(u"SELECT pg_notify('pudding_jobs', '')"_s);
        };
        auto digestSlots = [this, &org] {
            QSqlQuery q(m_sql);
            q.prepare(u"SELECT to_char(run_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || "
                      "'+00' FROM jobs WHERE kind = 'digest' AND (payload->>'userId')::bigint = ? "
                      "ORDER BY run_at"_s);
            q.addBindValue(org.id);
            QStringList slots;
            if (q.exec())
                while (q.next())
                    slots << q.value(0).toString();
            return slots;
        };
        QVERIFY(moveClock(now1));
        const Account g1 = m_server.signUp(u"Erster Gast"_s);
        const Account g2 = m_server.signUp(u"Zweiter Gast"_s);
        const Account g3 = m_server.signUp(u"Dritter Gast"_s);
        QVERIFY(m_server.requestJoin(eventId, g1.token) > 0);
        QVERIFY(m_server.requestJoin(eventId, g2.token) > 0);

        // No mail at once; one digest job for the slot.
        QCOMPARE(mailsTo(org.email).size(), 0);
        QCOMPARE(digestSlots(), QStringList { slot1 });
        QCOMPARE(scalar(u"SELECT count(*) FROM notifications WHERE user_id = ? AND mail_pending"_s,
                     { org.id }),
            2);

        // At the slot: one mail listing both waiting requests.
        QVERIFY(moveClock(slot1));
        QTRY_COMPARE_WITH_TIMEOUT(mailsTo(org.email).size(), 1, 20000);
        auto mails = mailsTo(org.email);
        QString text = mails[0].value("text"_L1).toString();
        QVERIFY2(text.contains(u"Erster Gast"_s) && text.contains(u"Zweiter Gast"_s)
                && !text.contains(u"Dritter Gast"_s),
            qPrintable(text));
        QCOMPARE(mails[0].value("subject"_L1).toString(), u"2 new requests to join your meetups"_s);
        QCOMPARE(mails[0].value("category"_L1).toString(), u"join_request"_s);
        QTRY_COMPARE(scalar(u"SELECT count(*) FROM notifications WHERE user_id = ? AND "
                            "mail_pending"_s,
                         { org.id }),
            0);

        // A request after the slot waits for the next one (the next hour, or tomorrow's 18:00
        // in Berlin, whose UTC hour the clock change moved).
        QVERIFY(moveClock(now2));
        QVERIFY(m_server.requestJoin(eventId, g3.token) > 0);
        QCOMPARE(digestSlots(), (QStringList { slot1, slot2 }));
        QCOMPARE(mailsTo(org.email).size(), 1);
        QVERIFY(moveClock(slot2));
        QTRY_COMPARE_WITH_TIMEOUT(mailsTo(org.email).size(), 2, 20000);
        mails = mailsTo(org.email);
        text = mails[1].value("text"_L1).toString();
        QVERIFY2(
            text.contains(u"Dritter Gast"_s) && !text.contains(u"Erster Gast"_s), qPrintable(text));
        QCOMPARE(mails[1].value("subject"_L1).toString(), u"A new request to join your meetups"_s);
        QTRY_COMPARE(scalar(u"SELECT count(*) FROM jobs WHERE kind = 'digest' AND state = 'done' "
                            "AND (payload->>'userId')::bigint = ?"_s,
                         { org.id }),
            2);
        // Run again by hand (a repeat after a crash): nothing more is sent.
        Server::DbSession session(*Server::DbConfig::fromUrl(m_server.databaseUrl()),
            u"tst-digest-%1"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
        QVERIFY(session.ensureOpen());
        QVERIFY(Server::Links::loadKey(session));
        QSqlQuery payloads(m_sql);
        payloads.prepare(u"SELECT payload::text FROM jobs WHERE kind = 'digest' AND "
                         "(payload->>'userId')::bigint = ?"_s);
        payloads.addBindValue(org.id);
        QVERIFY(payloads.exec());
        QString error;
        while (payloads.next())
            QVERIFY2(
                N::runDigest(session,
                    QJsonDocument::fromJson(payloads.value(0).toString().toUtf8()).object(), error),
                qPrintable(error));
        QCOMPARE(mailsTo(org.email).size(), 2);
        QVERIFY(exec(u"UPDATE pudding_clock SET offset_seconds = 0"_s));
        // The inbox had them at once.
        QCOMPARE(ofType(inbox(org.token), u"join_request"_s).size(), 3);
    }

    void cleanupTestCase() { QVERIFY(exec(u"UPDATE pudding_clock SET offset_seconds = 0"_s)); }
};

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"
