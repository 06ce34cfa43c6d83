// SPDX-License-Identifier: GPL-3.0-or-later
// The live protocol on /ws with real QWebSocket clients against the real server and
// PostgreSQL: authentication, membership, ordering, ack after commit, replay then live without
// gap or duplicate, idempotent retries, typing, presence, personal notifications, limits and
// bad input; and the REST history.
#include "fixtures.h"
#include "live/wssession.h"
#include "serverfixture.h"
#include "wsclient.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;
namespace F = Pudding::Test::Fixtures;

namespace {
QJsonObject sendFrame(qint64 eventId, const QString &content, const QString &clientMsgId)
{
    return { { u"type"_s, u"send_message"_s }, { u"eventId"_s, eventId }, { u"content"_s, content },
        { u"clientMsgId"_s, clientMsgId } };
}
QJsonObject joinFrame(qint64 eventId, qint64 afterId = -1, const QString &ref = {})
{
    QJsonObject f { { u"type"_s, u"join_event"_s }, { u"eventId"_s, eventId } };
    if (afterId >= 0)
        f.insert(u"afterId"_s, afterId);
    if (!ref.isEmpty())
        f.insert(u"ref"_s, ref);
    return f;
}
QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
qint64 messageId(const QJsonObject &frame)
{
    return frame.value("message"_L1).toObject().value("id"_L1).toInteger();
}
auto forEvent(qint64 eventId)
{
    return [eventId](const QJsonObject &f) {
        return f.value("eventId"_L1).toInteger() == eventId
            || f.value("message"_L1).toObject().value("eventId"_L1).toInteger() == eventId;
    };
}
} // namespace

class TstChat : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QSqlDatabase m_sql;
    QByteArray m_olga; // organizer
    QByteArray m_anna; // approved
    QByteArray m_carl; // approved
    QByteArray m_bob; // pending
    qint64 m_annaId = 0;
    qint64 m_carlId = 0;
    QString m_annaEmail;
    qint64 m_event = 0;

    QByteArray newUser(const QString &name) { return m_server.signUp(name).token; }
    /// An approved attendee of `event` (joined over REST, approved by Olga).
    QByteArray approvedUser(qint64 event, const QString &name)
    {
        return m_server.approvedGuest(event, m_olga, name).token;
    }
    /// A connected client that joined the room (with afterId if ≥ 0).
    std::unique_ptr<WsClient> inRoom(const QByteArray &token, qint64 event, qint64 afterId = -1)
    {
        auto c = std::make_unique<WsClient>();
        if (!c->connectAs(m_server->port(), token))
            return nullptr;
        c->send(joinFrame(event, afterId));
        if (!c->take(u"joined"_s, forEvent(event)))
            return nullptr;
        return c;
    }
    qint64 storedCount(qint64 event)
    {
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT count(*) FROM messages WHERE event_id = ?"_s);
        q.addBindValue(event);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.extraArguments = QStringList { u"--chat-rate-limit"_s, u"50"_s }; // burst 100
        QVERIFY2(m_server.start(u"chat"_s, options), qPrintable(m_server.errorString()));
        m_sql = m_server.sql(u"tst_chat"_s);
        QVERIFY(m_sql.isOpen());
        m_olga = newUser(u"Olga"_s);
        m_event = m_server.createMeetup(m_olga);
        QVERIFY(m_event > 0);
        const Account anna = m_server.approvedGuest(m_event, m_olga, u"Anna"_s);
        const Account carl = m_server.approvedGuest(m_event, m_olga, u"Carl"_s);
        QVERIFY(anna.isValid() && carl.isValid());
        m_anna = anna.token;
        m_carl = carl.token;
        m_annaId = anna.id;
        m_carlId = carl.id;
        m_annaEmail = anna.email;
        m_bob = newUser(u"Bob"_s);
        QVERIFY(m_server.requestJoin(m_event, m_bob) > 0); // pending, not approved
    }

    void webSocketFramesAreBuiltOncePerRoom()
    {
        // The frame the server writes itself (RFC 6455 5.2), for the three length encodings.
        using Pudding::Server::textFrame;
        using Pudding::Server::textFramePayload;
        for (const qsizetype n : { qsizetype(0), qsizetype(125), qsizetype(126), qsizetype(65535),
                 qsizetype(65536), qsizetype(70000) }) {
            const QByteArray text(n, 'x');
            const QByteArray frame = textFrame(text);
            QCOMPARE(quint8(frame[0]), quint8(0x81)); // FIN, text, and no mask bit below
            const int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
            QCOMPARE(frame.size(), n + header);
            QCOMPARE(quint8(frame[1]) & 0x80, 0);
            if (n < 126)
                QCOMPARE(quint8(frame[1]), quint8(n));
            else if (n < 65536)
                QCOMPARE((quint8(frame[2]) << 8) | quint8(frame[3]), int(n));
            else
                QCOMPARE(qFromBigEndian<quint64>(frame.constData() + 2), quint64(n));
            QCOMPARE(textFramePayload(frame), text);
        }
    }

    void authenticationIsRequired()
    {
        // No token at all: closed with 4401 after the 5 s grace period.
        WsClient none;
        QVERIFY(none.open(m_server->port()));
        QVERIFY(none.waitClosed(9000));
        QCOMPARE(none.closeCode(), 4401);

        // A bad token in the header: closed at once with 4401.
        WsClient bad;
        bad.open(m_server->port(), "not-a-real-token-at-all"); // may close before it returns
        QVERIFY(bad.waitClosed(5000));
        QCOMPARE(bad.closeCode(), 4401);

        // Frames before authentication are refused, the socket stays open for the auth frame.
        WsClient frameAuth;
        QVERIFY(frameAuth.open(m_server->port()));
        frameAuth.send(joinFrame(m_event));
        const auto refused = frameAuth.take(u"error"_s);
        QVERIFY(refused);
        QCOMPARE(refused->value("code"_L1).toString(), u"unauthorized"_s);
        frameAuth.send({ { u"type"_s, u"auth"_s }, { u"token"_s, QString::fromLatin1(m_anna) } });
        const auto ready = frameAuth.take(u"ready"_s);
        QVERIFY(ready);
        QCOMPARE(ready->value("user"_L1).toObject().value("name"_L1).toString(), u"Anna"_s);

        // A bad token in the auth frame closes too.
        WsClient badFrame;
        QVERIFY(badFrame.open(m_server->port()));
        badFrame.send({ { u"type"_s, u"auth"_s }, { u"token"_s, u"nope"_s } });
        QVERIFY(badFrame.waitClosed(5000));
        QCOMPARE(badFrame.closeCode(), 4401);
    }

    void revokedTokenClosesTheSocket()
    {
        // A second session of Anna's, signed out while connected.
        const auto login = m_server->postJson(u"/api/auth/login"_s,
            { { u"email"_s, m_annaEmail }, { u"password"_s, ServerFixture::kPassword } });
        QCOMPARE(login.status, 200);
        const QByteArray token = login.json().value("token"_L1).toString().toLatin1();
        WsClient client;
        QVERIFY(client.connectAs(m_server->port(), token));
        QCOMPARE(m_server->request("POST", u"/api/auth/logout"_s, {}, token).status, 204);
        QVERIFY(client.waitClosed(5000));
        QCOMPARE(client.closeCode(), 4401);
        // The other session is unaffected.
        WsClient still;
        QVERIFY(still.connectAs(m_server->port(), m_anna));
    }

    void onlyMembersJoin()
    {
        WsClient bob;
        QVERIFY(bob.connectAs(m_server->port(), m_bob));
        bob.send(joinFrame(m_event, -1, u"j1"_s));
        const auto error = bob.take(u"error"_s);
        QVERIFY(error);
        QCOMPARE(error->value("code"_L1).toString(), u"forbidden"_s);
        QCOMPARE(error->value("ref"_L1).toString(), u"j1"_s);
        // Sending without being a member is refused at the database, nothing is stored.
        const qint64 before = storedCount(m_event);
        const QString id = newId();
        bob.send(sendFrame(m_event, u"let me in"_s, id));
        const auto refused = bob.take(u"error"_s);
        QVERIFY(refused);
        QCOMPARE(refused->value("code"_L1).toString(), u"forbidden"_s);
        QCOMPARE(refused->value("clientMsgId"_L1).toString(), id);
        QCOMPARE(storedCount(m_event), before);

        bob.send(joinFrame(987654321, -1, u"j2"_s));
        const auto missing = bob.take(u"error"_s);
        QVERIFY(missing);
        QCOMPARE(missing->value("code"_L1).toString(), u"not_found"_s);

        // The organizer and approved attendees may.
        QVERIFY(inRoom(m_olga, m_event));
        QVERIFY(inRoom(m_anna, m_event));
    }

    void messagesAreAckedAfterCommitAndDeliveredInOrder()
    {
        auto olga = inRoom(m_olga, m_event);
        auto anna = inRoom(m_anna, m_event);
        QVERIFY(olga && anna);
        QList<QString> ids;
        for (int i = 0; i < 40; ++i) {
            ids.append(newId());
            anna->send(sendFrame(m_event, u"Pudding %1 🍮"_s.arg(i), ids.last()));
        }
        QList<qint64> acked;
        for (const auto &id : ids) {
            const auto ack = anna->take(u"ack"_s,
                [&](const QJsonObject &f) { return f.value("clientMsgId"_L1).toString() == id; });
            QVERIFY2(ack, qPrintable(id));
            const qint64 mid = messageId(*ack);
            // Acked means committed: the row is there the moment the ack arrives.
            QSqlQuery q(m_sql);
            q.prepare(u"SELECT content FROM messages WHERE id = ?"_s);
            q.addBindValue(mid);
            QVERIFY(q.exec() && q.next());
            QVERIFY(q.value(0).toString().startsWith(u"Pudding"_s));
            acked.append(mid);
        }
        // Ids increase in sending order, and both see every message in that order, once.
        for (qsizetype i = 1; i < acked.size(); ++i)
            QVERIFY(acked[i] > acked[i - 1]);
        for (WsClient *c : { olga.get(), anna.get() }) {
            QList<qint64> seen;
            QVERIFY(QTest::qWaitFor([&] { return c->all(u"new_message"_s).size() >= 40; }, 10000));
            for (const auto &f : c->all(u"new_message"_s))
                seen.append(messageId(f));
            QCOMPARE(seen, acked);
        }
        const auto first = olga->all(u"new_message"_s).first().value("message"_L1).toObject();
        QCOMPARE(first.value("content"_L1).toString(), u"Pudding 0 🍮"_s);
        QCOMPARE(first.value("user"_L1).toObject().value("name"_L1).toString(), u"Anna"_s);
        QCOMPARE(first.value("eventId"_L1).toInteger(), m_event);
        QVERIFY(!first.value("createdAt"_L1).toString().isEmpty());
    }

    void resentClientMsgIdIsStoredOnce()
    {
        auto anna = inRoom(m_anna, m_event);
        auto olga = inRoom(m_olga, m_event);
        QVERIFY(anna && olga);
        const QString id = newId();
        anna->send(sendFrame(m_event, u"only once"_s, id));
        const auto first = anna->take(u"ack"_s);
        QVERIFY(first);
        // The retry after a "dropped connection": a new socket, the same clientMsgId.
        WsClient again;
        QVERIFY(again.connectAs(m_server->port(), m_anna));
        again.send(sendFrame(m_event, u"only once"_s, id));
        const auto second = again.take(u"ack"_s);
        QVERIFY(second);
        QCOMPARE(messageId(*second), messageId(*first));
        QVERIFY(second->value("duplicate"_L1).toBool());
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT count(*) FROM messages WHERE client_msg_id = ?"_s);
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // The room saw it once.
        QVERIFY(olga->take(u"new_message"_s,
            [&](const QJsonObject &f) { return messageId(f) == messageId(*first); }));
        QVERIFY(!olga->sees(
            u"new_message"_s,
            [&](const QJsonObject &f) { return messageId(f) == messageId(*first); }, 500));
    }

    void replayThenLiveWithoutGapOrDuplicate()
    {
        // Carl was away after `afterId`; while he resumes, Anna keeps sending.
        const qint64 event = m_server.createMeetup(m_olga);
        const QByteArray dora = approvedUser(event, u"Dora"_s);
        const QByteArray emil = approvedUser(event, u"Emil"_s);
        QVERIFY(!dora.isEmpty() && !emil.isEmpty());
        auto sender = inRoom(dora, event);
        QVERIFY(sender);
        int sent = 0;
        auto sendSome = [&](int n) {
            for (int i = 0; i < n; ++i)
                sender->send(sendFrame(event, u"m%1"_s.arg(sent++), newId()));
        };
        sendSome(15);
        QVERIFY(QTest::qWaitFor([&] { return sender->all(u"ack"_s).size() == 15; }, 10000));
        const qint64 afterId = messageId(sender->all(u"ack"_s)[4]); // he saw the first five
        // Resume while messages keep arriving.
        auto emilClient = std::make_unique<WsClient>();
        QVERIFY(emilClient->connectAs(m_server->port(), emil));
        sendSome(5);
        emilClient->send(joinFrame(event, afterId));
        sendSome(5);
        QVERIFY(emilClient->take(u"joined"_s, forEvent(event)));
        sendSome(5);
        QVERIFY(QTest::qWaitFor([&] { return sender->all(u"ack"_s).size() == 30; }, 10000));
        QVERIFY(sender->all(u"error"_s).isEmpty());
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT id FROM messages WHERE event_id = ? AND id > ? ORDER BY id"_s);
        q.addBindValue(event);
        q.addBindValue(afterId);
        QVERIFY(q.exec());
        QList<qint64> expected;
        while (q.next())
            expected.append(q.value(0).toLongLong());
        QCOMPARE(expected.size(), 25);
        QVERIFY(QTest::qWaitFor(
            [&] { return emilClient->all(u"new_message"_s).size() >= expected.size(); }, 10000));
        QTest::qWait(300); // nothing more (no duplicate) may follow
        QList<qint64> got;
        for (const auto &f : emilClient->all(u"new_message"_s))
            got.append(messageId(f));
        QCOMPARE(got, expected);
    }

    void typingIsRelayedAndExpires()
    {
        auto anna = inRoom(m_anna, m_event);
        auto olga = inRoom(m_olga, m_event);
        QVERIFY(anna && olga);
        olga->clear();
        anna->send(
            { { u"type"_s, u"typing"_s }, { u"eventId"_s, m_event }, { u"isTyping"_s, true } });
        const auto on = olga->take(u"user_typing"_s);
        QVERIFY(on);
        QVERIFY(on->value("isTyping"_L1).toBool());
        QCOMPARE(on->value("user"_L1).toObject().value("name"_L1).toString(), u"Anna"_s);
        QCOMPARE(on->value("eventId"_L1).toInteger(), m_event);
        // Not echoed to the typist.
        QVERIFY(!anna->sees(u"user_typing"_s, {}, 300));
        // Anna stops sending "typing" (her app crashed, say): it ends by itself.
        const auto off = olga->take(u"user_typing"_s, {}, 9000);
        QVERIFY(off);
        QVERIFY(!off->value("isTyping"_L1).toBool());
    }

    void presenceFollowsJoinsAndLeaves()
    {
        const qint64 event = m_server.createMeetup(m_olga);
        const QByteArray fritz = approvedUser(event, u"Fritz"_s);
        QVERIFY(!fritz.isEmpty());
        auto olga = inRoom(m_olga, event);
        QVERIFY(olga);
        auto names = [](const QJsonObject &presence) {
            QStringList out;
            for (const auto &v : presence.value("online"_L1).toArray())
                out.append(v.toObject().value("name"_L1).toString());
            out.sort();
            return out;
        };
        auto fritzClient = inRoom(fritz, event);
        QVERIFY(fritzClient);
        QVERIFY(olga->take(u"presence"_s, [&](const QJsonObject &f) {
            return names(f) == QStringList { u"Fritz"_s, u"Olga"_s };
        }));
        // The newcomer learns who is there when joining.
        QVERIFY(fritzClient->take(
            u"presence"_s, [&](const QJsonObject &f) { return names(f).contains(u"Olga"_s); }));
        fritzClient->close();
        QVERIFY(olga->take(u"presence"_s,
            [&](const QJsonObject &f) { return names(f) == QStringList { u"Olga"_s }; }));
    }

    void notificationsReachTheRightPeopleOnly()
    {
        const qint64 event = m_server.createMeetup(m_olga, 5);
        WsClient olga;
        WsClient anna; // not involved in this event
        WsClient gina;
        QVERIFY(olga.connectAs(m_server->port(), m_olga));
        QVERIFY(anna.connectAs(m_server->port(), m_anna));
        const QByteArray ginaToken = newUser(u"Gina"_s);
        QVERIFY(gina.connectAs(m_server->port(), ginaToken));

        const qint64 request = m_server.requestJoin(event, ginaToken);
        QVERIFY(request > 0);
        const auto incoming = olga.take(u"new_join_request"_s);
        QVERIFY(incoming);
        QCOMPARE(incoming->value("attendance"_L1).toObject().value("id"_L1).toInteger(), request);
        QCOMPARE(incoming->value("attendance"_L1).toObject().value("status"_L1).toString(),
            u"PENDING"_s);

        QCOMPARE(m_server.decide(event, request, "APPROVED", m_olga), 200);
        const auto approved = gina.take(u"attendance_approved"_s);
        QVERIFY(approved);
        QCOMPARE(approved->value("attendance"_L1).toObject().value("status"_L1).toString(),
            u"APPROVED"_s);

        // Gina chats; then the organizer removes her: she leaves the room at once.
        gina.send(joinFrame(event));
        QVERIFY(gina.take(u"joined"_s));
        QCOMPARE(m_server.decide(event, request, "REJECTED", m_olga), 200);
        QVERIFY(gina.take(u"attendance_rejected"_s));
        const auto left = gina.take(u"left"_s);
        QVERIFY(left);
        QCOMPARE(left->value("reason"_L1).toString(), u"removed"_s);
        gina.send(sendFrame(event, u"still here?"_s, newId()));
        const auto refused = gina.take(u"error"_s);
        QVERIFY(refused);
        QCOMPARE(refused->value("code"_L1).toString(), u"forbidden"_s);

        // Event changes reach the attendees (and not others).
        WsClient hans;
        const QByteArray hansToken = approvedUser(event, u"Hans"_s);
        QVERIFY(hans.connectAs(m_server->port(), hansToken));
        const auto patched = m_server->patchJson(u"/api/events/%1"_s.arg(event),
            { { u"title"_s,
                u"Pudding tasting, now with "
                "Grütze"_s } },
            m_olga);
        QCOMPARE(patched.status, 200);
        const auto updated = hans.take(u"event_updated"_s);
        QVERIFY(updated);
        QCOMPARE(updated->value("event"_L1).toObject().value("title"_L1).toString(),
            u"Pudding tasting, now with Grütze"_s);
        QVERIFY(!updated->value("event"_L1).toObject().contains("location"_L1));
        QCOMPARE(
            m_server->request("DELETE", u"/api/events/%1"_s.arg(event), {}, m_olga).status, 200);
        QVERIFY(hans.take(u"event_cancelled"_s));

        // Nobody else heard any of it.
        for (const char *type : { "new_join_request", "attendance_approved", "attendance_rejected",
                 "event_updated", "event_cancelled" })
            QVERIFY2(anna.all(QString::fromLatin1(type)).isEmpty(), type);
        QVERIFY(olga.all(u"attendance_approved"_s).isEmpty());
    }

    void rateLimitAnswersWithAnError()
    {
        const qint64 event = m_server.createMeetup(m_olga);
        const QByteArray ida = approvedUser(event, u"Ida"_s);
        auto client = inRoom(ida, event);
        QVERIFY(client);
        const int n = 160; // the limit here is 50/s with a burst of 100
        for (int i = 0; i < n; ++i)
            client->send(sendFrame(event, u"flood %1"_s.arg(i), newId()));
        QVERIFY(QTest::qWaitFor(
            [&] { return client->all(u"ack"_s).size() + client->all(u"error"_s).size() == n; },
            10000));
        const auto errors = client->all(u"error"_s);
        QVERIFY(!errors.isEmpty());
        for (const auto &e : errors)
            QCOMPARE(e.value("code"_L1).toString(), u"rate_limited"_s);
        // What was acked is stored, what was refused is not.
        QCOMPARE(storedCount(event), qint64(client->all(u"ack"_s).size()));
    }

    void badInputGetsErrorsAndTheRoomGoesOn_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("binary");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field"); // the fields the error names, if any
        QTest::addColumn<int>("ref"); // the ref the error carries back, -1 for none
        auto json = [](const QJsonObject &frame) {
            return QJsonDocument(frame).toJson(QJsonDocument::Compact);
        };
        const QString malformed = u"malformed_frame"_s;
        const QString invalid = u"validation_failed"_s;
        QTest::newRow("not JSON") << QByteArray("this is not json") << false << malformed
                                  << QString() << -1;
        QTest::newRow("a JSON array")
            << QByteArray("[1,2,3]") << false << malformed << QString() << -1;
        QTest::newRow("unknown type") << json({ { u"type"_s, u"dance"_s }, { u"ref"_s, 7 } })
                                      << false << u"unknown_type"_s << QString() << 7;
        QTest::newRow("binary") << QByteArray("\x00\x01\x02", 3) << true << malformed << QString()
                                << -1;
        QTest::newRow("empty message") << json(sendFrame(m_event, QString(), newId())) << false
                                       << invalid << u"content"_s << -1;
        QTest::newRow("whitespace-only message") << json(sendFrame(m_event, u"   \n "_s, newId()))
                                                 << false << invalid << u"content"_s << -1;
        QTest::newRow("2001 characters") << json(sendFrame(m_event, QString(2001, u'x'), newId()))
                                         << false << invalid << u"content"_s << -1;
        QTest::newRow("no clientMsgId") << json({ { u"type"_s, u"send_message"_s },
            { u"eventId"_s, m_event }, { u"content"_s, u"hi"_s } })
                                        << false << invalid << QString() << -1;
        QTest::newRow("bad eventId")
            << json(sendFrame(-3, u"hi"_s, newId())) << false << invalid << QString() << -1;
        QTest::newRow("typing in a room not joined") << json(
            { { u"type"_s, u"typing"_s }, { u"eventId"_s, 424242 }, { u"isTyping"_s, true } })
                                                     << false << u"not_joined"_s << QString() << -1;
    }
    void badInputGetsErrorsAndTheRoomGoesOn()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, binary);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(int, ref);
        auto anna = inRoom(m_anna, m_event);
        QVERIFY(anna);
        if (binary)
            anna->socket().sendBinaryMessage(frame);
        else
            anna->sendRaw(QString::fromUtf8(frame));
        const auto error = anna->take(u"error"_s);
        QVERIFY(error);
        QCOMPARE(error->value("code"_L1).toString(), code);
        QCOMPARE(error->value("fields"_L1).toObject().keys().join(u','), field);
        QCOMPARE(error->value("ref"_L1).toInt(-1), ref);
        // The connection goes on: the next frame is answered.
        anna->send({ { u"type"_s, u"ping"_s }, { u"ref"_s, u"after"_s } });
        QVERIFY(anna->take(u"pong"_s));
        QVERIFY(!anna->isClosed());
    }

    void longMessagesReachTheRoomAndHugeFramesClose()
    {
        auto anna = inRoom(m_anna, m_event);
        auto olga = inRoom(m_olga, m_event);
        QVERIFY(anna && olga);
        // 2000 characters of emoji (4000 UTF-16 units) are 2000 characters: accepted.
        QString emoji;
        for (int i = 0; i < 2000; ++i)
            emoji += u"🍮"_s;
        const QString longId = newId();
        anna->send(sendFrame(m_event, emoji, longId));
        const auto longAck = anna->take(u"ack"_s,
            [&](const QJsonObject &f) { return f.value("clientMsgId"_L1).toString() == longId; });
        QVERIFY(longAck);
        // It is too long for one NOTIFY payload, and still reaches the room.
        QVERIFY(olga->take(u"new_message"_s, [&](const QJsonObject &f) {
            return messageId(f) == messageId(*longAck)
                && f.value("message"_L1).toObject().value("content"_L1).toString() == emoji;
        }));
        // The room works.
        const QString id = newId();
        anna->send(sendFrame(m_event, u"still fine"_s, id));
        QVERIFY(anna->take(u"ack"_s,
            [&](const QJsonObject &f) { return f.value("clientMsgId"_L1).toString() == id; }));
        QVERIFY(olga->take(u"new_message"_s, [&](const QJsonObject &f) {
            return f.value("message"_L1).toObject().value("content"_L1).toString()
                == u"still fine"_s;
        }));
        // A frame over 64 KiB closes the socket with 1009 (message too big).
        anna->sendRaw(QString(70 * 1024, u'a'));
        QVERIFY(anna->waitClosed(5000));
        QCOMPARE(anna->closeCode(), 1009);
        // The server is fine.
        QVERIFY(inRoom(m_anna, m_event));
    }

    void pingIsAnswered()
    {
        WsClient c;
        QVERIFY(c.connectAs(m_server->port(), m_anna));
        c.send({ { u"type"_s, u"ping"_s }, { u"ref"_s, u"p1"_s } });
        const auto pong = c.take(u"pong"_s);
        QVERIFY(pong);
        QCOMPARE(pong->value("ref"_L1).toString(), u"p1"_s);
    }

    void restHistoryAndSending()
    {
        const qint64 event = m_server.createMeetup(m_olga);
        const QByteArray jan = approvedUser(event, u"Jan"_s);
        auto olga = inRoom(m_olga, event);
        QVERIFY(olga);
        const QString path = u"/api/messages/events/%1/messages"_s.arg(event);
        QList<qint64> ids;
        for (int i = 0; i < 12; ++i) {
            const auto r = m_server->postJson(path, { { u"content"_s, u"rest %1"_s.arg(i) } }, jan);
            QCOMPARE(r.status, 201);
            ids.append(r.json().value("message"_L1).toObject().value("id"_L1).toInteger());
        }
        // Broadcast live too.
        QVERIFY(QTest::qWaitFor([&] { return olga->all(u"new_message"_s).size() == 12; }, 10000));
        // Newest page first, ascending within the page; then older pages by `before`.
        auto page = m_server->get(path + u"?limit=5"_s, jan);
        QCOMPARE(page.status, 200);
        auto idsOf = [](const HttpResult &r) {
            QList<qint64> out;
            for (const auto &v : r.json().value("messages"_L1).toArray())
                out.append(v.toObject().value("id"_L1).toInteger());
            return out;
        };
        QCOMPARE(idsOf(page), ids.mid(7, 5));
        QVERIFY(page.json().value("hasMore"_L1).toBool());
        page = m_server->get(path + u"?limit=5&before=%1"_s.arg(ids[7]), jan);
        QCOMPARE(idsOf(page), ids.mid(2, 5));
        page = m_server->get(path + u"?limit=5&before=%1"_s.arg(ids[2]), jan);
        QCOMPARE(idsOf(page), ids.mid(0, 2));
        QVERIFY(!page.json().value("hasMore"_L1).toBool());
        page = m_server->get(path + u"?after=%1&limit=100"_s.arg(ids[9]), jan);
        QCOMPARE(idsOf(page), ids.mid(10));
        // Idempotent with a clientMsgId.
        const QJsonObject body { { u"content"_s, u"once"_s }, { u"clientMsgId"_s, u"rest-1"_s } };
        QCOMPARE(m_server->postJson(path, body, jan).status, 201);
        const auto again = m_server->postJson(path, body, jan);
        QCOMPARE(again.status, 200);
        QVERIFY(again.json().value("duplicate"_L1).toBool());
        // Errors.
        QCOMPARE(m_server->get(path, m_bob).status, 403);
        QCOMPARE(m_server->postJson(path, { { u"content"_s, u"x"_s } }, m_bob).status, 403);
        QCOMPARE(m_server->get(path).status, 401);
        const auto empty = m_server->postJson(path, { { u"content"_s, u"  "_s } }, jan);
        QCOMPARE(empty.status, 400);
        QCOMPARE(empty.errorCode(), u"validation_failed"_s);
        QCOMPARE(m_server->get(path + u"?limit=0"_s, jan).status, 400);
        QCOMPARE(m_server->get(path + u"?before=abc"_s, jan).status, 400);
        QCOMPARE(m_server->get(u"/api/messages/events/999999/messages"_s, jan).status, 404);
    }

    void chatPhotos()
    {
        const QByteArray body = F::multipartBody({ { "photo", "p.jpg", F::jpeg(3) } });
        const auto upload = m_server->request("POST", u"/api/photos"_s, body, m_anna,
            "multipart/form-data; boundary=" + F::kBoundary);
        QCOMPARE(upload.status, 201);
        const qint64 photo = upload.json().value("photo"_L1).toObject().value("id"_L1).toInteger();
        QVERIFY(photo > 0);
        // Carl cannot see it yet; once posted in the chat he can.
        QCOMPARE(m_server->get(u"/api/photos/%1"_s.arg(photo), m_carl).status, 403);
        auto anna = inRoom(m_anna, m_event);
        QVERIFY(anna);
        QJsonObject frame = sendFrame(m_event, u"look at this"_s, newId());
        frame.insert(u"photoId"_s, photo);
        anna->send(frame);
        const auto ack = anna->take(u"ack"_s);
        QVERIFY(ack);
        QCOMPARE(ack->value("message"_L1).toObject().value("photoId"_L1).toInteger(), photo);
        QCOMPARE(m_server->get(u"/api/photos/%1?size=thumb"_s.arg(photo), m_carl).status, 200);
        // Someone else's photo cannot be attached.
        auto carl = inRoom(m_carl, m_event);
        QJsonObject stolen = sendFrame(m_event, u"mine now"_s, newId());
        stolen.insert(u"photoId"_s, photo);
        carl->send(stolen);
        const auto refused = carl->take(u"error"_s);
        QVERIFY(refused);
        QCOMPARE(refused->value("code"_L1).toString(), u"validation_failed"_s);
    }

    void aClientThatDoesNotReadIsDropped()
    {
        // A second instance on the same database, without a rate limit, so one sender can
        // outrun the kernel's socket buffers (several MB on loopback) quickly.
        TestServer::Options options;
        options.extraArguments = QStringList { u"--chat-rate-limit"_s, u"0"_s,
            u"--ws-max-queued-bytes"_s, u"262144"_s };
        TestServer fast(m_server.databaseUrl(), options);
        QVERIFY(fast.start());
        const qint64 event = m_server.createMeetup(m_olga);
        const QByteArray kurt = approvedUser(event, u"Kurt"_s);
        QVERIFY(!kurt.isEmpty());

        // A raw TCP client: upgrades, joins, then never reads again.
        auto raw = fast.connectRaw();
        QVERIFY(raw);
        raw->write("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                   "Authorization: Bearer "
            + kurt + "\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&] { return raw->peek(4096).contains("ready"); }, 5000));
        raw->readAll();
        // A masked client frame: {"type":"join_event","eventId":N}
        const QByteArray join = QJsonDocument(joinFrame(event)).toJson(QJsonDocument::Compact);
        QByteArray frame;
        frame.append(char(0x81));
        frame.append(char(0x80 | join.size()));
        const char mask[4] = { 1, 2, 3, 4 };
        frame.append(mask, 4);
        for (qsizetype i = 0; i < join.size(); ++i)
            frame.append(char(join[i] ^ mask[i % 4]));
        raw->write(frame);
        QVERIFY(raw->waitForBytesWritten(2000));
        QVERIFY(QTest::qWaitFor([&] { return raw->peek(4096).contains("joined"); }, 5000));
        raw->setReadBufferSize(4096); // from now on Qt stops taking bytes from the kernel

        auto sockets = [&] { return fast.get(u"/health"_s).json().value("webSockets"_L1).toInt(); };
        WsClient olga;
        QVERIFY(olga.connectAs(fast.port(), m_olga));
        olga.send(joinFrame(event));
        QVERIFY(olga.take(u"joined"_s));
        QCOMPARE(sockets(), 2);
        // Olga writes long messages (and reads hers); Kurt's silent socket must be dropped
        // rather than buffered without end.
        const QString text(1900, u'p');
        bool dropped = false;
        for (int round = 0; round < 100 && !dropped; ++round) {
            for (int i = 0; i < 100; ++i)
                olga.send(sendFrame(event, text, newId()));
            QVERIFY2(
                QTest::qWaitFor(
                    [&] { return olga.all(u"ack"_s).size() + olga.all(u"error"_s).size() >= 100; },
                    20000),
                qPrintable(u"acks %1 errors %2 closed %3"_s.arg(olga.all(u"ack"_s).size())
                               .arg(olga.all(u"error"_s).size())
                               .arg(olga.isClosed())));
            const auto errors = olga.all(u"error"_s);
            QVERIFY2(errors.isEmpty(),
                errors.isEmpty() ? "" : QJsonDocument(errors.first()).toJson().constData());
            olga.clear();
            dropped = sockets() == 1;
        }
        QVERIFY(dropped);
        QVERIFY(fast.log().contains(u"does not read"_s));
        QVERIFY(!olga.isClosed()); // she reads: she stays
        fast.stop();
        QCOMPARE(fast.process().exitCode(), 0);
    }

    void severalInstancesShareRoomsInOneOrder()
    {
        // Two instances behind a "load balancer": Olga on one, Anna and Carl on the other.
        TestServer second(m_server.databaseUrl(),
            TestServer::Options { 1, 0, { u"--chat-rate-limit"_s, u"0"_s } });
        QVERIFY(second.start());
        const qint64 event = m_server.createMeetup(m_olga);
        const QByteArray lena = approvedUser(event, u"Lena"_s);
        const QByteArray max = approvedUser(event, u"Max"_s);
        QVERIFY(!lena.isEmpty() && !max.isEmpty());
        auto join = [&](WsClient &c, int port, const QByteArray &token) {
            if (!c.connectAs(port, token))
                return false;
            c.send(joinFrame(event));
            return c.take(u"joined"_s).has_value();
        };
        WsClient olga;
        WsClient lenaClient;
        WsClient maxClient;
        QVERIFY(join(olga, m_server->port(), m_olga));
        QVERIFY(join(lenaClient, second.port(), lena));
        QVERIFY(join(maxClient, second.port(), max));
        // Presence spans both instances.
        QVERIFY(olga.take(u"presence"_s,
            [](const QJsonObject &f) { return f.value("online"_L1).toArray().size() == 3; }));
        // Both instances write to the same room at once; everyone sees one order: the ids'.
        for (int i = 0; i < 30; ++i) {
            olga.send(sendFrame(event, u"olga %1"_s.arg(i), newId()));
            lenaClient.send(sendFrame(event, u"lena %1"_s.arg(i), newId()));
        }
        QList<QList<qint64>> orders;
        for (WsClient *c : { &olga, &lenaClient, &maxClient }) {
            QVERIFY(QTest::qWaitFor([&] { return c->all(u"new_message"_s).size() == 60; }, 10000));
            QList<qint64> ids;
            for (const auto &f : c->all(u"new_message"_s))
                ids.append(messageId(f));
            orders.append(ids);
        }
        QCOMPARE(orders[1], orders[0]);
        QCOMPARE(orders[2], orders[0]);
        QVERIFY(std::is_sorted(orders[0].cbegin(), orders[0].cend()));
        // Typing crosses instances too.
        lenaClient.send(
            { { u"type"_s, u"typing"_s }, { u"eventId"_s, event }, { u"isTyping"_s, true } });
        QVERIFY(olga.take(u"user_typing"_s));
        second.stop();
        QCOMPARE(second.process().exitCode(), 0);
    }

    void cleanupTestCase()
    {
        m_sql.close();
        QVERIFY2(m_server.stopCleanly(), qPrintable(m_server.errorString()));
    }
};

QTEST_GUILESS_MAIN(TstChat)
#include "tst_chat.moc"
