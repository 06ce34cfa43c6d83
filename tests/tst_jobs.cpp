// SPDX-License-Identifier: GPL-3.0-or-later
// The durable job queue and outgoing mail (issue 14) against the real server, the real
// PostgreSQL and a real SMTP server (aiosmtpd, tests/testsupport/smtpsink.py): mails queued
// with Mail::enqueue (what every feature calls) arrive with the right headers and parts;
// a refusing SMTP server makes the job back off on the database clock (moved, never slept),
// then die, and the admin command lists and re-queues it; a server killed with SIGKILL while
// the SMTP server holds its DATA answer loses nothing (the job is claimed again, the mail
// repeated with the same Message-ID); two instances on one database send each of 200 mails
// exactly once; without --smtp-url the mails are .eml files under <data-dir>/mail/.
#include "db/database.h"
#include "mail/mail.h"
#include "serverfixture.h"
#include "smtpsink.h"

#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Test;
namespace Mail = Pudding::Server::Mail;

namespace {

const QString kFrom = u"Pudding Gäbel <noreply@pudding.example.org>"_s;

Mail::OutgoingMail testMail(const QString &to, const QString &category = {})
{
    Mail::OutgoingMail m;
    m.to = to;
    m.toName = u"Jürgen Müller-Lüdenscheidt"_s;
    m.subject = u"Grüße aus Köln: dein Pudding wartet – ein ziemlich langer Betreff, der "
                "gefaltet werden muss 🍮"_s;
    m.text = u"Hallo Jürgen,\nder Grießpudding steht bereit.\n\nBis gleich!"_s;
    m.html = u"<!DOCTYPE html><html><body><h1>Hallo Jürgen</h1><p>Der Grießpudding steht "
             "bereit.</p></body></html>"_s;
    m.language = u"de"_s;
    m.category = category;
    if (!category.isEmpty())
        m.unsubscribeUrl = u"https://pudding.example.org/unsubscribe/abc.def"_s;
    return m;
}

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT

private:
    /// Queues mails with Mail::enqueue in one transaction: their job ids.
    QList<qint64> enqueue(const QList<Mail::OutgoingMail> &mails, int maxAttempts = 8);
    QString messageId(qint64 job);
    QString state(qint64 job);
    int attempts(qint64 job);
    /// Seconds from the queue's clock to the job's run_at.
    double dueIn(qint64 job);
    void moveClock(double seconds);
    /// Runs `pudding-server <arguments>` against the test database: exit code, stdout.
    QPair<int, QString> admin(const QStringList &arguments);
    QString metrics(TestServer &server);

    ServerFixture m_fixture;
    std::unique_ptr<Server::DbSession> m_session;
    int m_serial = 0;

private Q_SLOTS:
    void initTestCase();
    void mailArrivesWithHeadersAndParts();
    void refusedMailBacksOffThenDies();
    void rejectedMailDiesAtOnce();
    void killedServerLosesNoMail();
    void twoInstancesSendEachMailOnce();
    void withoutSmtpMailsAreEmlFiles();
};

QList<qint64> TestJobs::enqueue(const QList<Mail::OutgoingMail> &mails, int maxAttempts)
{
    QList<qint64> ids;
    Server::Transaction tx(*m_session);
    for (const auto &m : mails) {
        const auto id = Mail::enqueue(*m_session, m);
        if (!id || !id.value())
            return {};
        ids.append(*id.value());
    }
    // Test-only knob on the row: how many attempts before the dead letter.
    QStringList list;
    for (qint64 i : ids)
        list.append(QString::number(i));
    const QString array = u"{"_s + list.join(u',') + u"}"_s;
    QSqlQuery *q = tx.exec(
        u"UPDATE jobs SET max_attempts = ? WHERE id = ANY(?::bigint[])"_s, { maxAttempts, array });
    if (!q || !tx.commit())
        return {};
    return ids;
}

QString TestJobs::messageId(qint64 job)
{
    QSqlQuery q(m_fixture.sql(u"jobs"_s));
    q.exec(u"SELECT message_id FROM jobs WHERE id = %1"_s.arg(job));
    return q.next() ? q.value(0).toString() : QString();
}

QString TestJobs::state(qint64 job)
{
    QSqlQuery q(m_fixture.sql(u"jobs"_s));
    q.exec(u"SELECT state FROM jobs WHERE id = %1"_s.arg(job));
    return q.next() ? q.value(0).toString() : QString();
}

int TestJobs::attempts(qint64 job)
{
    QSqlQuery q(m_fixture.sql(u"jobs"_s));
    q.exec(u"SELECT attempts FROM jobs WHERE id = %1"_s.arg(job));
    return q.next() ? q.value(0).toInt() : -1;
}

double TestJobs::dueIn(qint64 job)
{
    QSqlQuery q(m_fixture.sql(u"jobs"_s));
    q.exec(u"SELECT extract(epoch FROM run_at - pudding_now()) FROM jobs WHERE id = %1"_s.arg(job));
    return q.next() ? q.value(0).toDouble() : -1e9;
}

void TestJobs::moveClock(double seconds)
{
    QSqlQuery q(m_fixture.sql(u"jobs"_s));
    QVERIFY(
        q.exec(u"UPDATE pudding_clock SET offset_seconds = offset_seconds + %1"_s.arg(seconds)));
    QVERIFY(q.exec(u"SELECT pg_notify('pudding_jobs', '')"_s));
}

QPair<int, QString> TestJobs::admin(const QStringList &arguments)
{
    QTemporaryDir dir;
    QProcess p;
    p.start(QStringLiteral(PUDDING_SERVER_BINARY),
        arguments
            + QStringList {
                u"--database"_s, m_fixture.databaseUrl(), u"--data-dir"_s, dir.path() });
    if (!p.waitForFinished(60000))
        return { -1, {} };
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()) };
}

QString TestJobs::metrics(TestServer &server)
{
    return QString::fromUtf8(server.get(u"/metrics"_s).body);
}

void TestJobs::initTestCase()
{
    QVERIFY2(m_fixture.createDatabase(u"jobs"_s), qPrintable(m_fixture.errorString()));
    const auto config = Server::DbConfig::fromUrl(m_fixture.databaseUrl());
    QVERIFY(config);
    // The server migrates; start and stop one without SMTP so the schema exists.
    QVERIFY2(m_fixture.startServer(), qPrintable(m_fixture.errorString()));
    QVERIFY(m_fixture.stopCleanly());
    m_session = std::make_unique<Server::DbSession>(*config, u"tst_jobs"_s);
    QVERIFY(m_session->ensureOpen());
    Mail::setFrom(kFrom);
}

void TestJobs::mailArrivesWithHeadersAndParts()
{
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.errorString()));
    TestServer::Options options;
    options.extraArguments = sink.serverArguments() + QStringList { u"--mail-from"_s, kFrom };
    QVERIFY2(m_fixture.startServer(options), qPrintable(m_fixture.errorString()));

    const auto ids = enqueue({ testMail(u"juergen@example.org"_s, u"reminder"_s),
        testMail(u"transactional@example.org"_s) });
    QCOMPARE(ids.size(), 2);
    QVERIFY(sink.waitForMessages(2));
    QTRY_COMPARE(state(ids[0]), u"done"_s);
    QTRY_COMPARE(state(ids[1]), u"done"_s);

    const auto messages = sink.messages();
    QCOMPARE(messages.size(), 2);
    for (const MailMessage &m : messages) {
        const bool withCategory = m.envelopeTo == QStringList { u"juergen@example.org"_s };
        const qint64 job = withCategory ? ids[0] : ids[1];
        const Mail::OutgoingMail sent
            = testMail(withCategory ? u"juergen@example.org"_s : u"transactional@example.org"_s);
        QCOMPARE(m.envelopeFrom, u"noreply@pudding.example.org"_s);
        QCOMPARE(m.header(u"From"_s), u"Pudding Gäbel <noreply@pudding.example.org>"_s);
        QCOMPARE(m.header(u"To"_s), u"Jürgen Müller-Lüdenscheidt <%1>"_s.arg(sent.to));
        QCOMPARE(m.header(u"Subject"_s), sent.subject);
        // The header itself is ASCII (encoded words), folded to 78 columns.
        for (const QByteArray &line : m.raw.left(m.raw.indexOf("\r\n\r\n")).split('\n')) {
            QVERIFY2(line.size() <= 79, line.constData());
            for (const char c : line)
                QVERIFY(uchar(c) < 0x80);
        }
        QCOMPARE(m.messageId(), messageId(job));
        QVERIFY(
            m.messageId().startsWith(u"<"_s) && m.messageId().endsWith(u"@pudding.example.org>"_s));
        const QDateTime date = QDateTime::fromString(m.header(u"Date"_s), Qt::RFC2822Date);
        QVERIFY2(date.isValid(), qPrintable(m.header(u"Date"_s)));
        QVERIFY(qAbs(date.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        QCOMPARE(m.header(u"Content-Language"_s), u"de"_s);
        QCOMPARE(m.header(u"Auto-Submitted"_s), u"auto-generated"_s);
        QCOMPARE(m.header(u"MIME-Version"_s), u"1.0"_s);
        if (withCategory) {
            QCOMPARE(m.header(u"List-Unsubscribe"_s),
                u"<https://pudding.example.org/unsubscribe/abc.def>"_s);
            QCOMPARE(m.header(u"List-Unsubscribe-Post"_s), u"List-Unsubscribe=One-Click"_s);
        } else {
            QVERIFY(!m.hasHeader(u"List-Unsubscribe"_s));
            QVERIFY(!m.hasHeader(u"List-Unsubscribe-Post"_s));
        }
        QCOMPARE(m.text, sent.text); // the reader gives "\n" line ends
        QCOMPARE(m.html, sent.html);
        QVERIFY(m.attachments.isEmpty());
    }
    QVERIFY(metrics(*m_fixture).contains("pudding_jobs_done_total{kind=\"mail\"} 2"_L1));
    QVERIFY(m_fixture.stopCleanly());
}

void TestJobs::refusedMailBacksOffThenDies()
{
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.errorString()));
    TestServer::Options options;
    options.extraArguments = sink.serverArguments();
    QVERIFY2(m_fixture.startServer(options), qPrintable(m_fixture.errorString()));

    const auto ids = enqueue({ testMail(u"refuse-1@example.org"_s) }, 3);
    QCOMPARE(ids.size(), 1);
    const qint64 id = ids[0];
    // Attempt 1 fails (451): queued again 60 s × 0.5…1.5 later on the queue's clock.
    QTRY_VERIFY(attempts(id) == 1 && state(id) == "queued"_L1);
    double due = dueIn(id);
    QVERIFY2(due > 25 && due <= 90, qPrintable(QString::number(due)));
    QVERIFY(state(id) == "queued"_L1); // nothing runs before it is due
    moveClock(due + 1);
    // Attempt 2: 120 s × jitter.
    QTRY_VERIFY(attempts(id) == 2 && state(id) == "queued"_L1);
    due = dueIn(id);
    QVERIFY2(due > 55 && due <= 180, qPrintable(QString::number(due)));
    moveClock(due + 1);
    // Attempt 3 was the last: dead, visible to the admin.
    QTRY_COMPARE(state(id), u"dead"_s);
    QCOMPARE(attempts(id), 3);
    QTRY_VERIFY(metrics(*m_fixture).contains("\npudding_jobs_dead 1\n"_L1));
    QCOMPARE(sink.messages().size(), 0);

    const auto listDead = admin({ u"jobs"_s, u"list"_s, u"--dead"_s });
    QCOMPARE(listDead.first, 0);
    QVERIFY2(listDead.second.contains(u"refuse-1@example.org"_s), qPrintable(listDead.second));
    QVERIFY(listDead.second.contains(u"451"_s));
    const auto retried = admin({ u"jobs"_s, u"retry"_s, QString::number(id) });
    QCOMPARE(retried.first, 0);
    // Re-queued with all its attempts again: the worker takes it at once (and fails again).
    QTRY_VERIFY(state(id) == "queued"_L1 && attempts(id) == 1);
    const auto listAll = admin({ u"jobs"_s, u"list"_s });
    QVERIFY(listAll.second.contains(u"queued"_s));
    QVERIFY(admin({ u"jobs"_s, u"list"_s, u"--dead"_s }).second.count(u'\n') == 1); // header only
    // Retrying a job that is not dead or waiting is refused.
    QVERIFY(admin({ u"jobs"_s, u"retry"_s, u"999999"_s }).first != 0);
    QVERIFY(m_fixture.stopCleanly());
    // Done with it: it must not disturb the next tests.
    QSqlQuery q(m_fixture.sql(u"jobs"_s));
    QVERIFY(q.exec(u"UPDATE jobs SET state = 'cancelled' WHERE id = %1"_s.arg(id)));
}

void TestJobs::rejectedMailDiesAtOnce()
{
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.errorString()));
    TestServer::Options options;
    options.extraArguments = sink.serverArguments();
    QVERIFY2(m_fixture.startServer(options), qPrintable(m_fixture.errorString()));
    const auto ids = enqueue({ testMail(u"reject-1@example.org"_s) });
    QCOMPARE(ids.size(), 1);
    QTRY_COMPARE(state(ids[0]), u"dead"_s);
    QCOMPARE(attempts(ids[0]), 1); // 550 is final: no retries
    QVERIFY(m_fixture.stopCleanly());
    QSqlQuery q(m_fixture.sql(u"jobs"_s));
    QVERIFY(q.exec(u"UPDATE jobs SET state = 'cancelled' WHERE id = %1"_s.arg(ids[0])));
}

void TestJobs::killedServerLosesNoMail()
{
    SmtpSink sink;
    QVERIFY2(sink.start(3), qPrintable(sink.errorString()));
    TestServer::Options options;
    options.extraArguments = sink.serverArguments();
    QVERIFY2(m_fixture.startServer(options), qPrintable(m_fixture.errorString()));
    const auto ids = enqueue({ testMail(u"slow-1@example.org"_s) });
    QCOMPARE(ids.size(), 1);
    // The sink holds the DATA answer: the server has sent the mail and waits for the 250.
    QTRY_COMPARE(sink.slowStarted(), 1);
    QCOMPARE(state(ids[0]), u"running"_s);
    m_fixture->process().kill(); // SIGKILL
    QVERIFY(m_fixture->process().waitForFinished(10000));
    QCOMPARE(state(ids[0]), u"running"_s); // the claim of a dead instance

    // A new instance claims it again (the claimer's database session is gone).
    QVERIFY2(m_fixture.startServer(options), qPrintable(m_fixture.errorString()));
    QTRY_COMPARE(state(ids[0]), u"done"_s);
    QVERIFY(sink.waitForMessages(1));
    const QString id = messageId(ids[0]);
    const auto messages = sink.messages();
    QVERIFY(!messages.isEmpty());
    for (const auto &m : messages)
        QCOMPARE(m.messageId(), id); // maybe twice (the held one may be delivered), never another
    QCOMPARE(attempts(ids[0]), 2);
    QVERIFY(m_fixture.stopCleanly());
}

void TestJobs::twoInstancesSendEachMailOnce()
{
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.errorString()));
    TestServer::Options options;
    options.extraArguments = sink.serverArguments() + QStringList { u"--job-threads"_s, u"3"_s };
    QVERIFY2(m_fixture.startServer(options), qPrintable(m_fixture.errorString()));
    TestServer second(m_fixture.databaseUrl(), options);
    QVERIFY(second.start());

    QList<Mail::OutgoingMail> mails;
    for (int i = 0; i < 200; ++i)
        mails.append(testMail(u"guest%1@example.org"_s.arg(i), i % 2 ? u"reminder"_s : QString()));
    const auto ids = enqueue(mails);
    QCOMPARE(ids.size(), 200);
    QVERIFY(sink.waitForMessages(200, 120000));
    QSqlQuery q(m_fixture.sql(u"jobs"_s));
    const QString idList = [&] {
        QStringList s;
        for (qint64 i : ids)
            s.append(QString::number(i));
        return s.join(u',');
    }();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            q.exec(u"SELECT count(*) FROM jobs WHERE state = 'done' AND id IN (%1)"_s.arg(idList));
            return q.next() && q.value(0).toInt() == 200;
        }(),
        60000);
    // Every job is done, so every send is over: each Message-ID exactly once.
    QSet<QString> expected;
    QVERIFY(q.exec(u"SELECT message_id FROM jobs WHERE id IN (%1)"_s.arg(idList)));
    while (q.next())
        expected.insert(q.value(0).toString());
    QCOMPARE(expected.size(), 200);
    const auto messages = sink.messages();
    QCOMPARE(messages.size(), 200);
    QSet<QString> seen;
    for (const auto &m : messages)
        seen.insert(m.messageId());
    QCOMPARE(seen, expected);
    // Both instances did part of the work.
    const QString a = metrics(*m_fixture);
    const QString b = metrics(second);
    QVERIFY2(!a.contains("pudding_jobs_done_total{kind=\"mail\"} 0\n"_L1)
            && !b.contains("pudding_jobs_done_total{kind=\"mail\"} 0\n"_L1),
        "one instance sent nothing");
    second.stop();
    QVERIFY(m_fixture.stopCleanly());
}

void TestJobs::withoutSmtpMailsAreEmlFiles()
{
    TestServer::Options options;
    options.extraArguments = { u"--mail-from"_s, kFrom };
    QVERIFY2(m_fixture.startServer(options), qPrintable(m_fixture.errorString()));
    QVERIFY(m_fixture->log().contains(u"as .eml files"_s));
    const auto ids = enqueue({ testMail(u"dropped@example.org"_s, u"approved"_s) });
    QCOMPARE(ids.size(), 1);
    QVERIFY(MailDrop::waitForMessages(m_fixture->dataDir(), 1));
    QTRY_COMPARE(state(ids[0]), u"done"_s);
    const auto messages = MailDrop::messages(m_fixture->dataDir());
    QCOMPARE(messages.size(), 1);
    const MailMessage &m = messages[0];
    QVERIFY2(QRegularExpression(u"/mail/\\d{8}-\\d{6}-%1\\.eml$"_s.arg(ids[0]))
                 .match(m.fileName)
                 .hasMatch(),
        qPrintable(m.fileName));
    const auto sent = testMail(u"dropped@example.org"_s, u"approved"_s);
    QCOMPARE(m.header(u"To"_s), u"Jürgen Müller-Lüdenscheidt <dropped@example.org>"_s);
    QCOMPARE(m.header(u"From"_s), u"Pudding Gäbel <noreply@pudding.example.org>"_s);
    QCOMPARE(m.header(u"Subject"_s), sent.subject);
    QCOMPARE(m.messageId(), messageId(ids[0]));
    QCOMPARE(m.header(u"List-Unsubscribe-Post"_s), u"List-Unsubscribe=One-Click"_s);
    QCOMPARE(m.html, sent.html);
    QVERIFY(m.text.startsWith(u"Hallo Jürgen,"_s));
    // no temporary file left behind
    QCOMPARE(QDir(m_fixture->dataDir() + u"/mail"_s).entryList(QDir::Files).size(), 1);
    QVERIFY(m_fixture.stopCleanly());
}

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
