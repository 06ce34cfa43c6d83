// SPDX-License-Identifier: GPL-3.0-or-later
// The crash test: the server is killed (SIGKILL) while a client sends as fast as it can. After
// a restart every message that was acked is stored exactly once, the sender's retries of the
// unacked ones (same clientMsgId) are stored at most once, and a client that resumes with
// afterId receives every stored message once, in order.
#include "devdb/embeddedpostgres.h"
#include "serverfixture.h"
#include "wsclient.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

class TstChatFault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ackedMessagesSurviveSigkill()
    {
        TestServer::Options options;
        options.extraArguments = QStringList { u"--chat-rate-limit"_s, u"0"_s };
        ServerFixture fixture;
        QVERIFY2(fixture.start(u"chatfault"_s, options), qPrintable(fixture.errorString()));
        TestServer &server = *fixture;
        const QByteArray organizer = fixture.signUp(u"Olga"_s).token;
        const qint64 event = fixture.createMeetup(organizer);
        QVERIFY(event > 0);
        const QByteArray attendee = fixture.approvedGuest(event, organizer, u"Anna"_s).token;
        QVERIFY(!attendee.isEmpty());

        auto join = [event](WsClient &c, qint64 afterId) {
            QJsonObject f { { u"type"_s, u"join_event"_s }, { u"eventId"_s, event } };
            if (afterId >= 0)
                f.insert(u"afterId"_s, afterId);
            c.send(f);
            return c.take(u"joined"_s).has_value();
        };
        WsClient sender;
        WsClient reader;
        QVERIFY(sender.connectAs(server.port(), attendee));
        QVERIFY(reader.connectAs(server.port(), organizer));
        QVERIFY(join(sender, 0));
        QVERIFY(join(reader, 0));

        // Send continuously; stop the server hard once plenty were acked.
        QStringList sent;
        QTimer pump;
        pump.setInterval(1);
        bool killed = false;
        QObject::connect(&pump, &QTimer::timeout, &pump, [&] {
            for (int i = 0; i < 100; ++i) {
                sent.append(u"crash-%1"_s.arg(sent.size()));
                sender.send({ { u"type"_s, u"send_message"_s }, { u"eventId"_s, event },
                    { u"content"_s, QString(u"message "_s + sent.last()) },
                    { u"clientMsgId"_s, sent.last() } });
            }
            if (sender.all(u"ack"_s).size() >= 300) {
                // While the last burst is on its way, some of it perhaps committed, some not.
                sender.socket().flush();
                QTest::qSleep(QRandomGenerator::global()->bounded(2, 30));
                server.process().kill(); // SIGKILL: no shutdown, no flushing
                pump.stop();
                killed = true;
            }
        });
        pump.start();
        QVERIFY(QTest::qWaitFor([&] { return killed; }, 30000));
        QVERIFY(server.process().waitForFinished(10000));
        QVERIFY(sender.waitClosed(10000));
        QVERIFY(reader.waitClosed(10000));

        QHash<QString, qint64> acked;
        for (const auto &ack : sender.all(u"ack"_s))
            acked.insert(ack.value("clientMsgId"_L1).toString(),
                ack.value("message"_L1).toObject().value("id"_L1).toInteger());
        QVERIFY(acked.size() >= 300);
        qInfo() << "sent" << sent.size() << "acked" << acked.size() << "before SIGKILL";

        // Every acked message is stored, once, with the id its ack carried.
        QSqlDatabase sql = fixture.sql(u"tst_chatfault"_s);
        QVERIFY(sql.isOpen());
        auto stored = [&] {
            QHash<QString, qint64> rows;
            QSqlQuery q(sql);
            q.prepare(u"SELECT client_msg_id, id FROM messages WHERE event_id = ?"_s);
            q.addBindValue(event);
            if (q.exec())
                while (q.next())
                    rows.insert(q.value(0).toString(), q.value(1).toLongLong());
            return rows;
        };
        const auto afterCrash = stored();
        for (auto it = acked.cbegin(); it != acked.cend(); ++it)
            QCOMPARE(afterCrash.value(it.key()), it.value());

        // Restart; the sender retries everything that was not acked, with the same ids.
        QVERIFY(server.start());
        WsClient retry;
        QVERIFY(retry.connectAs(server.port(), attendee));
        QStringList unacked;
        for (const QString &id : std::as_const(sent))
            if (!acked.contains(id))
                unacked.append(id);
        for (const QString &id : std::as_const(unacked))
            retry.send({ { u"type"_s, u"send_message"_s }, { u"eventId"_s, event },
                { u"content"_s, QString(u"message "_s + id) }, { u"clientMsgId"_s, id } });
        QVERIFY(
            QTest::qWaitFor([&] { return retry.all(u"ack"_s).size() == unacked.size(); }, 30000));
        QVERIFY(retry.all(u"error"_s).isEmpty());
        // Some of the unacked had been committed just before the kill: answered as duplicates.
        int duplicates = 0;
        for (const auto &ack : retry.all(u"ack"_s))
            duplicates += ack.value("duplicate"_L1).toBool() ? 1 : 0;
        qInfo() << "retried" << unacked.size() << "of which already stored" << duplicates;

        const auto final = stored();
        QCOMPARE(final.size(), sent.size()); // every message once, none twice
        QSqlQuery count(sql);
        count.prepare(u"SELECT count(*) FROM messages WHERE event_id = ?"_s);
        count.addBindValue(event);
        QVERIFY(count.exec() && count.next());
        QCOMPARE(count.value(0).toLongLong(), qint64(sent.size()));

        // The reader resumes after the last message it saw and gets the rest: no gap, no twice.
        QList<qint64> seen;
        for (const auto &f : reader.all(u"new_message"_s))
            seen.append(f.value("message"_L1).toObject().value("id"_L1).toInteger());
        const qint64 lastSeen = seen.isEmpty() ? 0 : seen.last();
        WsClient resumed;
        QVERIFY(resumed.connectAs(server.port(), organizer));
        QVERIFY(join(resumed, lastSeen));
        for (const auto &f : resumed.all(u"new_message"_s))
            seen.append(f.value("message"_L1).toObject().value("id"_L1).toInteger());
        QList<qint64> expected = final.values();
        std::sort(expected.begin(), expected.end());
        QCOMPARE(seen, expected);

        sql.close();
        server.stop();
        QCOMPARE(server.process().exitCode(), 0);
    }
    void postgresRestartIsSurvived()
    {
        // A PostgreSQL of this test's own, so it can be restarted under the server.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Pudding::Server::EmbeddedPostgres pg(dir.filePath(u"postgres"_s));
        pg.setKeepRunning(true);
        QVERIFY2(pg.start() && pg.ensureDatabase(u"pudding"_s), qPrintable(pg.errorString()));
        const QString url = pg.connectionInfo(u"pudding"_s).toUrl();
        ServerFixture fixture;
        QVERIFY2(fixture.startServerOn(url), qPrintable(fixture.errorString()));
        TestServer &server = *fixture;
        const QByteArray organizer = fixture.signUp(u"Olga"_s).token;
        const qint64 event = fixture.createMeetup(organizer);
        const QByteArray attendee = fixture.approvedGuest(event, organizer, u"Anna"_s).token;
        QVERIFY(!attendee.isEmpty());
        auto join = [event](WsClient &c, qint64 afterId) {
            c.send({ { u"type"_s, u"join_event"_s }, { u"eventId"_s, event },
                { u"afterId"_s, afterId } });
            return c.take(u"joined"_s).has_value();
        };
        WsClient reader;
        QVERIFY(reader.connectAs(server.port(), organizer));
        QVERIFY(join(reader, 0));

        QVERIFY(pg.stopCluster());
        QVERIFY2(pg.start(), qPrintable(pg.errorString()));
        // The server noticed that its LISTEN connection broke and asks clients to resume.
        QVERIFY(reader.waitClosed(15000));
        QCOMPARE(reader.closeCode(), 4012);

        // Writing works again. Each pooled database connection fails once when it finds it was
        // broken (the client sees an error and retries, as the app does), then reconnects.
        auto connectWithRetry = [&](WsClient &c, const QByteArray &token) {
            for (int attempt = 0; attempt < 12; ++attempt) {
                if (c.connectAs(server.port(), token))
                    return true;
                c.abort();
            }
            return false;
        };
        WsClient writer;
        QVERIFY(connectWithRetry(writer, attendee));
        QString id = u"after-restart"_s;
        bool acked = false;
        for (int attempt = 0; attempt < 10 && !acked; ++attempt) {
            writer.send({ { u"type"_s, u"send_message"_s }, { u"eventId"_s, event },
                { u"content"_s, u"back again"_s }, { u"clientMsgId"_s, id } });
            acked = writer.sees(u"ack"_s, {}, 2000);
        }
        QVERIFY(acked);
        WsClient resumed;
        QVERIFY(connectWithRetry(resumed, organizer));
        bool joined = false;
        for (int attempt = 0; attempt < 12 && !joined; ++attempt)
            joined = join(resumed, 0);
        QVERIFY(joined);
        QVERIFY(resumed.take(u"new_message"_s, [](const QJsonObject &f) {
            return f.value("message"_L1).toObject().value("content"_L1).toString()
                == u"back again"_s;
        }));
        // Live again: a new message reaches the resumed reader.
        writer.send({ { u"type"_s, u"send_message"_s }, { u"eventId"_s, event },
            { u"content"_s, u"live"_s }, { u"clientMsgId"_s, u"live-1"_s } });
        QVERIFY(resumed.take(u"new_message"_s, [](const QJsonObject &f) {
            return f.value("message"_L1).toObject().value("content"_L1).toString() == u"live"_s;
        }));
        // The event index hears about changes again too.
        const auto patched = server.patchJson(
            u"/api/events/%1"_s.arg(event), { { u"title"_s, u"After the restart"_s } }, organizer);
        QCOMPARE(patched.status, 200);
        QCOMPARE(server.get(u"/api/events/%1"_s.arg(event)).json().value("title"_L1).toString(),
            u"After the restart"_s);
        server.stop();
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(pg.stopCluster());
    }
};

QTEST_GUILESS_MAIN(TstChatFault)
#include "tst_chatfault.moc"
