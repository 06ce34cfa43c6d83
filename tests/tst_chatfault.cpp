// SPDX-License-Identifier: GPL-3.0-or-later
// The crash test: the server is killed (SIGKILL) while a client sends as fast as it can. After
// a restart every message that was acked is stored exactly once, the sender's retries of the
// unacked ones (same clientMsgId) are stored at most once, and a client that resumes with
// afterId receives every stored message once, in order.
#include "fixtures.h"
#include "testserver.h"
#include "wsclient.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;
namespace F = Pudding::Test::Fixtures;

class TstChatFault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ackedMessagesSurviveSigkill()
    {
        TestDatabase db(u"chatfault"_s);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        TestServer::Options options;
        options.extraArguments = QStringList { u"--chat-rate-limit"_s, u"0"_s };
        TestServer server(db.url(), options);
        QVERIFY(server.start());
        const QByteArray organizer = server.registerUser(u"olga@example.org"_s, u"Olga"_s);
        const QByteArray attendee = server.registerUser(u"anna@example.org"_s, u"Anna"_s);
        const qint64 event = F::createEvent(server, organizer);
        QVERIFY(event > 0);
        QVERIFY(F::joinApproved(server, event, attendee, organizer));

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
                sender.send({ { u"type"_s, u"send_message"_s },
                              { u"eventId"_s, event },
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
        QSqlDatabase sql = TestDatabase::open(db.url(), u"tst_chatfault"_s);
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
            retry.send({ { u"type"_s, u"send_message"_s },
                         { u"eventId"_s, event },
                         { u"content"_s, QString(u"message "_s + id) },
                         { u"clientMsgId"_s, id } });
        QVERIFY(QTest::qWaitFor([&] { return retry.all(u"ack"_s).size() == unacked.size(); },
                                30000));
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
};

QTEST_GUILESS_MAIN(TstChatFault)
#include "tst_chatfault.moc"
