// SPDX-License-Identifier: GPL-3.0-or-later
// Migrations: applying twice is harmless; two servers starting at once against one empty
// database both come up, and the schema is applied exactly once.
#include "db/database.h"
#include "db/migrator.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

class TstMigrations : public QObject
{
    Q_OBJECT

private:
    static int countRows(const QString &url, const QString &sql)
    {
        int n = -1;
        {
            QSqlDatabase db = TestDatabase::open(url, u"count"_s);
            if (db.isOpen()) {
                QSqlQuery q(db);
                if (q.exec(sql) && q.next())
                    n = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(u"count"_s);
        return n;
    }

    static int runMigrate(const QString &url, QString *output)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(PUDDING_SERVER_BINARY), { u"migrate"_s, u"--database"_s, url });
        p.waitForFinished(60000);
        *output = QString::fromUtf8(p.readAll());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private Q_SLOTS:
    void migrateTwice()
    {
        TestDatabase db(u"migrate_twice"_s);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        QString out;
        QCOMPARE(runMigrate(db.url(), &out), 0);
        const int shipped = int(Pudding::Server::Migrator::availableMigrations().size());
        QVERIFY(shipped >= 2);
        QVERIFY2(out.contains(u"%1 migration(s) applied"_s.arg(shipped)), qPrintable(out));
        QCOMPARE(runMigrate(db.url(), &out), 0);
        QVERIFY2(out.contains(u"0 migration(s) applied"_s), qPrintable(out));
        QCOMPARE(countRows(db.url(), u"SELECT count(*) FROM schema_migrations"_s),
            int(Pudding::Server::Migrator::availableMigrations().size()));
        QCOMPARE(countRows(db.url(),
                     u"SELECT count(*) FROM information_schema.tables WHERE "
                     "table_name IN ('users','sessions','events','attendances',"
                     "'messages','photos')"_s),
            6);
    }

    void constraintsHold_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("end before start")
            << u"INSERT INTO events(organizer_id,title,lat,lng,city,start_time,end_time,"
               "attendee_limit) VALUES (1,'Pudding',52,13,'Berlin',now()+interval '2 h',"
               "now()+interval '1 h',5)"_s;
        QTest::newRow("outside Germany")
            << u"INSERT INTO events(organizer_id,title,lat,lng,city,start_time,end_time,"
               "attendee_limit) VALUES (1,'Pudding',48.85,2.35,'Paris',now(),"
               "now()+interval '1 h',5)"_s;
        QTest::newRow("limit zero")
            << u"INSERT INTO events(organizer_id,title,lat,lng,city,start_time,end_time,"
               "attendee_limit) VALUES (1,'Pudding',52,13,'Berlin',now(),"
               "now()+interval '1 h',0)"_s;
        QTest::newRow("unknown organizer")
            << u"INSERT INTO events(organizer_id,title,lat,lng,city,start_time,end_time,"
               "attendee_limit) VALUES (999,'Pudding',52,13,'Berlin',now(),"
               "now()+interval '1 h',5)"_s;
        QTest::newRow("duplicate email case")
            << u"INSERT INTO users(email,name,password_hash) VALUES ('A@B.DE','x','h')"_s;
        QTest::newRow("bad attendance status")
            << u"INSERT INTO attendances(event_id,user_id,status) VALUES (1,1,'MAYBE')"_s;
        // 0004: tickets, check-in, calendars (each row differs from an accepted one in one value).
        QTest::newRow("ticket key id with a space")
            << u"INSERT INTO ticket_keys(kid,public_key) VALUES ('bad kid',"
               "decode(repeat('02',32),'hex'))"_s;
        QTest::newRow("ticket public key of 31 bytes")
            << u"INSERT INTO ticket_keys(kid,public_key) VALUES ('k2026y',"
               "decode(repeat('03',31),'hex'))"_s;
        QTest::newRow("ticket number with a zero")
            << u"INSERT INTO tickets(event_id,user_id,number,seed,revoked_at,revoke_reason) "
               "VALUES (1,1,'ABCD2340',decode(repeat('00',16),'hex'),now(),'LEFT')"_s;
        QTest::newRow("ticket revoked without a reason")
            << u"INSERT INTO tickets(event_id,user_id,number,seed,revoked_at) "
               "VALUES (1,1,'ABCD2346',decode(repeat('00',16),'hex'),now())"_s;
        QTest::newRow("valid ticket without its request")
            << u"INSERT INTO tickets(event_id,user_id,number,seed) "
               "VALUES (1,1,'ABCD2347',decode(repeat('00',16),'hex'))"_s;
        QTest::newRow("door token expired when made")
            << u"INSERT INTO door_tokens(event_id,created_by,label,token_hash,expires_at) "
               "VALUES (1,1,'Door',decode(repeat('01',32),'hex'),now()-interval '1 h')"_s;
        QTest::newRow("calendar feed in French")
            << u"INSERT INTO calendar_feeds(user_id,token_hash,language) "
               "VALUES (1,decode(repeat('01',32),'hex'),'fr')"_s;
    }
    void constraintsHold()
    {
        QFETCH(QString, sql);
        static TestDatabase db(u"constraints"_s);
        QVERIFY(db.isValid());
        QString out;
        static bool prepared = false;
        if (!prepared) {
            QCOMPARE(runMigrate(db.url(), &out), 0);
            QCOMPARE(countRows(db.url(),
                         u"WITH u AS (INSERT INTO users(email,name,password_hash) VALUES "
                         "('a@b.de','x','h') RETURNING id), e AS (INSERT INTO events("
                         "organizer_id,title,lat,lng,city,start_time,end_time,"
                         "attendee_limit) SELECT id,'Pudding',52,13,'Berlin',now(),"
                         "now()+interval '1 h',5 FROM u RETURNING id) SELECT count(*) "
                         "FROM e"_s),
                1);
            prepared = true;
        }
        QCOMPARE(countRows(db.url(), sql + u" RETURNING 1"_s), -1); // refused
    }

    void privateDatabaseByDefault()
    {
        // No --database: the server runs (and afterwards stops) a PostgreSQL of its own.
        TestServer server({});
        QVERIFY2(server.start(), qPrintable(server.log()));
        QCOMPARE(server.get(u"/health/db"_s).status, 200);
        QVERIFY2(server.log().contains(u"private PostgreSQL ready"_s), qPrintable(server.log()));
        // The cluster may be relocated when the data dir is private to root: ask the log.
        const QString log = server.log();
        const qsizetype at = log.indexOf(u"private PostgreSQL ready"_s);
        const QString clusterDir
            = log.mid(at).section(u" at "_s, 1, 1).section(u'\n', 0, 0).trimmed();
        QVERIFY2(!clusterDir.isEmpty(), qPrintable(log));
        const QString pidFile = clusterDir + u"/postmaster.pid"_s;
        QVERIFY(QFile::exists(pidFile));
        const QByteArray postmasterPid = [&] {
            QFile f(pidFile);
            return f.open(QIODevice::ReadOnly) ? f.readLine().trimmed() : QByteArray();
        }();
        QVERIFY(!postmasterPid.isEmpty());
        QVERIFY(QFile::exists(u"/proc/"_s + QString::fromLatin1(postmasterPid)));
        server.stop();
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(!QFile::exists(pidFile));
        QTRY_VERIFY(!QFile::exists(u"/proc/"_s + QString::fromLatin1(postmasterPid)));
        if (clusterDir.startsWith(u"/var/tmp/pudding-gabel-pg/"_s)) // relocated: tidy up
            QDir(clusterDir).removeRecursively();
    }

    void twoServersStartAtOnce()
    {
        TestDatabase db(u"concurrent_start"_s);
        QVERIFY2(db.isValid(), qPrintable(db.errorString()));
        TestServer a(db.url());
        TestServer b(db.url());
        // Start both processes before waiting for either.
        QVERIFY(a.launch());
        QVERIFY(b.launch());
        const bool okA = a.waitUntilReady();
        const bool okB = b.waitUntilReady();
        QVERIFY2(okA, qPrintable(a.log()));
        QVERIFY2(okB, qPrintable(b.log()));
        QCOMPARE(a.get(u"/health/db"_s).status, 200);
        QCOMPARE(b.get(u"/health/db"_s).status, 200);
        QCOMPARE(countRows(db.url(), u"SELECT count(*) FROM schema_migrations"_s),
            int(Pudding::Server::Migrator::availableMigrations().size()));
    }
};

QTEST_GUILESS_MAIN(TstMigrations)
#include "tst_migrations.moc"
