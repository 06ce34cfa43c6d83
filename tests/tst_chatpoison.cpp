// SPDX-License-Identifier: GPL-3.0-or-later
// One guest's message cannot fail everybody's: a poisoned chat message (NUL or an unpaired
// surrogate in its content or clientMsgId, or a row the database refuses) sent over WebSocket
// or REST in the same group-commit batch as 40 ordinary messages from other people — in the
// same meetup and in another one. All 40 are stored and acknowledged (checked again in the
// database); the poisoned one is refused alone with a final (non-retryable) error.
//
// The batch is made deterministic: the test holds the chat writer's advisory lock of the first
// meetup, so the writer's first transaction (a "plug" message) waits on it while everything else
// queues up behind it; releasing the lock lets all of it go into one batch.
#include "serverfixture.h"
#include "wsclient.h"

#include <QNetworkReply>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

namespace {
// The chat writer's advisory lock class (server/live/chatwriter.cpp).
constexpr qint64 ChatLockClass = 1885434990;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray jsonString(const QString &text)
{
    return QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

/// A send_message frame as raw JSON text, so that escapes such as \u0000 and \ud800 reach the
/// server as they are (a QString holding a lone surrogate cannot be sent as UTF-8).
QByteArray sendFrameJson(
    qint64 eventId, const QByteArray &contentJson, const QByteArray &clientMsgIdJson)
{
    return R"({"type":"send_message","eventId":)" + QByteArray::number(eventId) + R"(,"content":)"
        + contentJson + R"(,"clientMsgId":)" + clientMsgIdJson + '}';
}

QByteArray restBodyJson(const QByteArray &contentJson, const QByteArray &clientMsgIdJson)
{
    return R"({"content":)" + contentJson + R"(,"clientMsgId":)" + clientMsgIdJson + '}';
}

struct Sent
{
    qint64 eventId = 0;
    QString content;
    QString clientMsgId;
    WsClient *socket = nullptr; // sent over this socket, or
    QNetworkReply *reply = nullptr; // over REST
};
} // namespace

class TstChatPoison : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QSqlDatabase m_sql;
    QNetworkAccessManager m_nam;
    QByteArray m_olga; // organizer of the first meetup
    QByteArray m_anna; // approved there
    QByteArray m_carl; // approved there
    QByteArray m_mallory; // approved there, sends the poisoned message
    QByteArray m_paula; // organizer of the second meetup
    qint64 m_event = 0;
    qint64 m_otherEvent = 0;

    QByteArray newUser(const QString &name) { return m_server.signUp(name).token; }
    QByteArray approvedUser(const QString &name)
    {
        return m_server.approvedGuest(m_event, m_olga, name).token;
    }
    QNetworkReply *postAsync(qint64 eventId, const QByteArray &body, const QByteArray &token)
    {
        QNetworkRequest request(m_server->url(u"/api/messages/events/%1/messages"_s.arg(eventId)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("Authorization", "Bearer " + token);
        return m_nam.post(request, body);
    }
    /// Every frame sent so far on `socket` has been handled (and a message queued) once this
    /// returns: the server answers a ping after the frames before it.
    static bool drained(WsClient &socket)
    {
        const QString ref = newId();
        socket.send({ { u"type"_s, u"ping"_s }, { u"ref"_s, ref } });
        return socket
            .take(u"pong"_s,
                [&](const QJsonObject &f) { return f.value("ref"_L1).toString() == ref; })
            .has_value();
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(m_sql);
        if (!q.exec(sql)) {
            qWarning() << sql << q.lastError().text();
            return false;
        }
        return true;
    }
    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(m_sql);
        q.prepare(sql);
        for (const auto &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next()) {
            qWarning() << sql << q.lastError().text();
            return -1;
        }
        return q.value(0).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.extraArguments = QStringList { u"--chat-rate-limit"_s, u"0"_s }; // no limit
        QVERIFY2(m_server.start(u"chatpoison"_s, options), qPrintable(m_server.errorString()));
        m_sql = m_server.sql(u"tst_chatpoison"_s);
        QVERIFY(m_sql.isOpen());

        m_olga = newUser(u"Olga"_s);
        m_event = m_server.createMeetup(m_olga);
        QVERIFY(m_event > 0);
        m_anna = approvedUser(u"Anna"_s);
        m_carl = approvedUser(u"Carl"_s);
        m_mallory = approvedUser(u"Mallory"_s);
        QVERIFY(!m_anna.isEmpty() && !m_carl.isEmpty() && !m_mallory.isEmpty());
        m_paula = newUser(u"Paula"_s);
        m_otherEvent = m_server.createMeetup(m_paula);
        QVERIFY(m_otherEvent > 0);

        // A row the database itself refuses although the text rule accepts it (fault
        // injection for the "batch fails for another reason" path).
        QVERIFY(exec(u"CREATE FUNCTION test_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ "
                     "BEGIN IF NEW.content LIKE '%db-refuses-this%' THEN "
                     "RAISE EXCEPTION 'poisoned row' USING ERRCODE = 'check_violation'; END IF; "
                     "RETURN NEW; END $$"_s));
        QVERIFY(exec(u"CREATE TRIGGER test_refuse_poison BEFORE INSERT ON messages FOR EACH ROW "
                     "EXECUTE FUNCTION test_refuse_poison()"_s));
    }

    void cleanupTestCase()
    {
        m_sql.close();
        m_sql = {}; // the fixture removes the connection
    }

    void poisonedMessageIsRefusedAlone_data()
    {
        QTest::addColumn<bool>("overRest");
        QTest::addColumn<QByteArray>("contentJson"); // raw JSON string literal
        QTest::addColumn<QByteArray>("clientMsgIdJson"); // raw JSON string literal
        QTest::addColumn<QString>("field"); // the field the error names

        const QByteArray okId = jsonString(newId());
        for (const bool rest : { false, true }) {
            const char *via = rest ? "REST" : "WebSocket";
            QTest::addRow("%s: NUL in content", via)
                << rest << QByteArray(R"("Hallo\u0000Welt")") << okId << u"content"_s;
            QTest::addRow("%s: lone surrogate in content", via)
                << rest << QByteArray(R"("Pudding \ud800!")") << okId << u"content"_s;
            QTest::addRow("%s: lone low surrogate in content", via)
                << rest << QByteArray(R"("\udc00")") << okId << u"content"_s;
            QTest::addRow("%s: NUL in clientMsgId", via)
                << rest << QByteArray(R"("Hallo")") << QByteArray(R"("id\u0000x")")
                << u"clientMsgId"_s;
            QTest::addRow("%s: lone surrogate in clientMsgId", via)
                << rest << QByteArray(R"("Hallo")") << QByteArray(R"("id\ud83dx")")
                << u"clientMsgId"_s;
            QTest::addRow("%s: a row the database refuses", via)
                << rest << QByteArray(R"("the db-refuses-this row")") << okId << u"content"_s;
        }
    }

    void poisonedMessageIsRefusedAlone()
    {
        QFETCH(bool, overRest);
        QFETCH(QByteArray, contentJson);
        QFETCH(QByteArray, clientMsgIdJson);
        QFETCH(QString, field);
        // Every row sends a poison of its own: a fresh clientMsgId where the row's is valid.
        if (clientMsgIdJson.startsWith("\"") && !clientMsgIdJson.contains('\\'))
            clientMsgIdJson = jsonString(newId());
        const QString tag = QString::fromLatin1(QTest::currentDataTag());

        WsClient anna, paula, mallory, olga;
        QVERIFY(anna.connectAs(m_server->port(), m_anna));
        QVERIFY(paula.connectAs(m_server->port(), m_paula));
        QVERIFY(mallory.connectAs(m_server->port(), m_mallory));
        QVERIFY(olga.connectAs(m_server->port(), m_olga));

        // 1. Hold the writer: its transaction for the plug waits on the meetup's lock.
        QVERIFY(exec(u"SELECT pg_advisory_lock(%1, %2)"_s.arg(ChatLockClass).arg(m_event)));
        const QString plugId = newId();
        olga.send({ { u"type"_s, u"send_message"_s }, { u"eventId"_s, m_event },
            { u"content"_s, u"plug"_s }, { u"clientMsgId"_s, plugId } });
        QTRY_VERIFY_WITH_TIMEOUT(
            scalar(u"SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                   "WHERE l.locktype = 'advisory' AND NOT l.granted "
                   "AND d.datname = current_database() AND l.objid = ?"_s,
                { m_event })
                == 1,
            20000);

        // 2. The poisoned message, then 40 ordinary ones from others, all queued behind it.
        std::unique_ptr<QNetworkReply> poisonReply;
        if (overRest) {
            poisonReply.reset(
                postAsync(m_event, restBodyJson(contentJson, clientMsgIdJson), m_mallory));
            // A refusal before queueing answers at once; otherwise give the request time to be
            // queued (it then waits for the writer), so that it shares the batch.
            [[maybe_unused]] const bool answered
                = QTest::qWaitFor([&] { return poisonReply->isFinished(); }, 2000);
        } else {
            mallory.sendRaw(
                QString::fromUtf8(sendFrameJson(m_event, contentJson, clientMsgIdJson)));
            QVERIFY(drained(mallory));
        }
        std::vector<Sent> sent;
        std::vector<std::unique_ptr<QNetworkReply>> replies;
        for (int i = 0; i < 10; ++i) {
            // Same meetup over WebSocket and REST, the other meetup over both.
            Sent a { m_event, u"Anna %1 (%2)"_s.arg(i).arg(tag), newId(), &anna, nullptr };
            anna.send({ { u"type"_s, u"send_message"_s }, { u"eventId"_s, a.eventId },
                { u"content"_s, a.content }, { u"clientMsgId"_s, a.clientMsgId } });
            sent.push_back(a);
            Sent p { m_otherEvent, u"Paula %1 (%2) \"quoted\" \\ 🍮"_s.arg(i).arg(tag), newId(),
                &paula, nullptr };
            paula.send({ { u"type"_s, u"send_message"_s }, { u"eventId"_s, p.eventId },
                { u"content"_s, p.content }, { u"clientMsgId"_s, p.clientMsgId } });
            sent.push_back(p);
            for (const auto &[event, token, name] : { std::tuple { m_event, m_carl, u"Carl"_s },
                     std::tuple { m_otherEvent, m_paula, u"Paula via REST"_s } }) {
                Sent r { event, u"%1 %2 (%3)\nzweite Zeile"_s.arg(name).arg(i).arg(tag), newId(),
                    nullptr, nullptr };
                r.reply = postAsync(event,
                    QJsonDocument(QJsonObject { { u"content"_s, r.content },
                                      { u"clientMsgId"_s, r.clientMsgId } })
                        .toJson(QJsonDocument::Compact),
                    token);
                replies.emplace_back(r.reply);
                sent.push_back(r);
            }
        }
        QCOMPARE(sent.size(), size_t(40));
        QVERIFY(drained(anna));
        QVERIFY(drained(paula));

        // 3. Let the writer go: everything queued goes into the next batch.
        QVERIFY(exec(u"SELECT pg_advisory_unlock(%1, %2)"_s.arg(ChatLockClass).arg(m_event)));
        QVERIFY(olga.take(u"ack"_s,
            [&](const QJsonObject &f) { return f.value("clientMsgId"_L1).toString() == plugId; }));

        // 4. The poisoned message: refused alone, with a final error naming the field.
        if (overRest) {
            QTRY_VERIFY_WITH_TIMEOUT(poisonReply->isFinished(), 20000);
            const int status
                = poisonReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray poisonBody = poisonReply->readAll();
            Contract::recordReply(*poisonReply, poisonBody);
            const QJsonObject error
                = QJsonDocument::fromJson(poisonBody).object().value("error"_L1).toObject();
            QCOMPARE(status, 400);
            QCOMPARE(error.value("code"_L1).toString(), u"validation_failed"_s);
            QCOMPARE(error.value("field"_L1).toString(), field);
        } else {
            const auto error = mallory.take(u"error"_s);
            QVERIFY(error);
            QCOMPARE(error->value("code"_L1).toString(), u"validation_failed"_s);
            QVERIFY2(error->value("fields"_L1).toObject().contains(field),
                QJsonDocument(*error).toJson());
            QVERIFY(!mallory.sees(u"ack"_s, {}, 0));
        }

        // A row that passes the text rule reached the database inside the shared batch, which
        // was then retried in parts (the isolating path, not a refusal before queueing).
        if (!overRest && contentJson.contains("db-refuses-this"))
            QTRY_VERIFY_WITH_TIMEOUT(m_server->log().contains(u"retrying in parts"_s), 10000);

        // 5. The 40 others: acknowledged (WebSocket) or 201 (REST), none "unavailable".
        for (const auto &s : sent) {
            if (s.socket) {
                const auto ack = s.socket->take(u"ack"_s, [&](const QJsonObject &f) {
                    return f.value("clientMsgId"_L1).toString() == s.clientMsgId;
                });
                QVERIFY2(ack, qPrintable(s.content));
                QCOMPARE(
                    ack->value("message"_L1).toObject().value("content"_L1).toString(), s.content);
            } else {
                QTRY_VERIFY_WITH_TIMEOUT(s.reply->isFinished(), 20000);
                Contract::recordReply(*s.reply, s.reply->readAll());
                const int status
                    = s.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                QCOMPARE(status, 201);
            }
        }
        QVERIFY(anna.all(u"error"_s).isEmpty());
        QVERIFY(paula.all(u"error"_s).isEmpty());

        // 6. And stored, exactly as sent (re-read from the database).
        for (const auto &s : sent) {
            QSqlQuery q(m_sql);
            q.prepare(u"SELECT content, event_id FROM messages WHERE client_msg_id = ?"_s);
            q.addBindValue(s.clientMsgId);
            QVERIFY2(q.exec() && q.next(), qPrintable(s.content));
            QCOMPARE(q.value(0).toString(), s.content);
            QCOMPARE(q.value(1).toLongLong(), s.eventId);
        }
        QCOMPARE(scalar(u"SELECT count(*) FROM messages WHERE content LIKE ?"_s,
                     { u"%(%1)%"_s.arg(tag) }),
            qint64(40));
        // Nothing of the poisoned message was stored.
        QCOMPARE(scalar(u"SELECT count(*) FROM messages m JOIN users u ON u.id = m.user_id "
                        "WHERE u.name = 'Mallory'"_s),
            qint64(0));
    }
};

QTEST_GUILESS_MAIN(TstChatPoison)
#include "tst_chatpoison.moc"
