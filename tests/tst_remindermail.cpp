// SPDX-License-Identifier: GPL-3.0-or-later
// Reminders end to end (issue 14): two real server instances on one database, each with its
// job worker, the real SMTP sink (aiosmtpd), and the test clock moved forward only (nothing
// sleeps; the workers are woken with NOTIFY pudding_jobs). The reminder_scan job chain started
// by the servers posts the 24 h and the 2 h reminder once each per guest — inbox rows, mail
// jobs and mails at the sink — with the exact place, the guest's pudding, a working can't-come
// link and the meetup's .ics, parsed by python3-icalendar.
#include "dbcheck.h"
#include "serverfixture.h"
#include "smtpsink.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Test;

namespace {
const QString kPublicUrl = u"https://pudding.example.org"_s;
const QString kVenue = u"Clara-Zetkin-Park, Eingang Ost"_s;
} // namespace

class TstReminderMail : public QObject
{
    Q_OBJECT

    SmtpSink m_sink;
    ServerFixture m_server;
    std::unique_ptr<TestServer> m_second;
    QSqlDatabase m_sql;

    int count(const QString &sql, const QVariantList &values = {})
    {
        return int(Db::scalar(m_sql, sql, values));
    }

    bool exec(const QString &sql, const QVariantList &values = {})
    {
        return Db::exec(m_sql, sql, values);
    }

    bool moveClockTo(const QDateTime &instant) { return Db::moveClockTo(m_sql, instant); }

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

    /// The reminder mails at the sink (the only mails with the meetup's .ics; the guests
    /// also get their address confirmation and approval mails).
    QList<MailMessage> reminderMails()
    {
        QList<MailMessage> out;
        for (const MailMessage &m : m_sink.messages()) {
            if (std::any_of(m.attachments.cbegin(), m.attachments.cend(),
                    [](const auto &a) { return a.contentType.startsWith(u"text/calendar"_s); }))
                out.append(m);
        }
        return out;
    }

    /// The reminder mails at the sink to this address.
    QList<MailMessage> mailsTo(const QString &email)
    {
        QList<MailMessage> out;
        for (const MailMessage &m : reminderMails()) {
            if (m.envelopeTo.contains(email))
                out.append(m);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sink.start(), qPrintable(m_sink.errorString()));
        TestServer::Options options;
        options.extraArguments
            = m_sink.serverArguments() + QStringList { u"--public-url"_s, kPublicUrl };
        QVERIFY2(m_server.start(u"remindermail"_s, options), qPrintable(m_server.errorString()));
        m_second = std::make_unique<TestServer>(m_server.databaseUrl(), options);
        QVERIFY2(m_second->start(), qPrintable(m_second->log()));
        m_sql = m_server.sql(u"remindermail-check"_s);
        QVERIFY(m_sql.isOpen());
    }

    void remindersArriveOnceEach()
    {
        const Account olga = m_server.signUp(u"Olga Organizer"_s);
        QVERIFY(olga.isValid());
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(5);
        const qint64 event = m_server.createMeetup(olga.token,
            QJsonObject { { u"title"_s, u"Puddingabend"_s },
                { u"location"_s, QJsonObject { { u"lat"_s, 51.3308 }, { u"lng"_s, 12.3612 } } },
                { u"city"_s, u"Leipzig"_s }, { u"venue"_s, kVenue },
                { u"startTime"_s, start.toString(Qt::ISODateWithMs) },
                { u"endTime"_s, start.addSecs(7200).toString(Qt::ISODateWithMs) },
                { u"attendeeLimit"_s, 20 } });
        QVERIFY(event > 0);
        QList<Account> guests;
        for (int i = 0; i < 6; ++i) {
            guests.append(m_server.approvedGuest(event, olga.token, u"Guest %1"_s.arg(i)));
            QVERIFY(guests.last().isValid());
        }
        const Account &anna = guests.first();
        const int total = int(guests.size());

        // Nothing yet a minute before the 24 h moment.
        QVERIFY(moveClockTo(start.addSecs(-24 * 3600 - 60)));
        QCOMPARE(count(u"SELECT count(*) FROM notifications WHERE type = 'reminder'"_s), 0);

        // 24 h before: one reminder per guest, from whichever instance scanned.
        QVERIFY(moveClockTo(start.addSecs(-24 * 3600 + 30)));
        QTRY_COMPARE_WITH_TIMEOUT(
            count(u"SELECT count(*) FROM notifications WHERE type = 'reminder'"_s), total, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(reminderMails().size(), total, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(count(u"SELECT count(*) FROM jobs WHERE kind = 'mail' AND "
                                        "state <> 'done'"_s),
            0, 30000);
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE kind = 'mail' AND "
                       "payload->>'category' = 'reminder'"_s),
            total);
        QCOMPARE(reminderMails().size(), total);

        // Anna's mail: the exact place, her pudding, the can't-come link, the .ics.
        const QList<MailMessage> annas = mailsTo(anna.email);
        QCOMPARE(annas.size(), 1);
        const MailMessage &mail = annas.first();
        QVERIFY2(mail.text.contains(u"Clara-Zetkin-Park"_s), qPrintable(mail.text));
        QSqlQuery pudding(m_sql);
        pudding.prepare(u"SELECT pudding_name FROM attendances WHERE user_id = ?"_s);
        pudding.addBindValue(anna.id);
        QVERIFY(pudding.exec() && pudding.next());
        QVERIFY2(mail.text.contains(pudding.value(0).toString()), qPrintable(mail.text));
        const QRegularExpression linkRe(
            QRegularExpression::escape(kPublicUrl) + u"(/cant-come/[A-Za-z0-9_.-]+)"_s);
        const auto match = linkRe.match(mail.text);
        QVERIFY2(match.hasMatch(), qPrintable(mail.text));
        const QString link = match.captured(1);
        const auto page = m_server->get(link);
        QCOMPARE(page.status, 200);
        QVERIFY(QString::fromUtf8(page.body).contains(u"Puddingabend"_s));
        QCOMPARE(mail.attachments.size(), 1);
        QVERIFY(mail.attachments.first().contentType.startsWith(u"text/calendar"_s));
        const QJsonObject ics = parseIcs(mail.attachments.first().data);
        const QJsonObject vevent = ics.value("events"_L1).toArray().first().toObject();
        QCOMPARE(vevent.value("uid"_L1).toString(), u"event-%1@pudding.example.org"_s.arg(event));
        QVERIFY2(vevent.value("location"_L1).toString().contains(u"Clara-Zetkin-Park"_s),
            qPrintable(vevent.value("location"_L1).toString()));

        // 2 h before: the second one each, and no more.
        QVERIFY(moveClockTo(start.addSecs(-2 * 3600 + 30)));
        QTRY_COMPARE_WITH_TIMEOUT(
            count(u"SELECT count(*) FROM notifications WHERE type = 'reminder'"_s), 2 * total,
            30000);
        QTRY_COMPARE_WITH_TIMEOUT(reminderMails().size(), 2 * total, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(count(u"SELECT count(*) FROM jobs WHERE kind = 'mail' AND "
                                        "state <> 'done'"_s),
            0, 30000);
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE kind = 'mail' AND "
                       "payload->>'category' = 'reminder'"_s),
            2 * total);
        QCOMPARE(reminderMails().size(), 2 * total);
        for (const Account &g : std::as_const(guests)) {
            QCOMPARE(mailsTo(g.email).size(), 2);
            QCOMPARE(count(u"SELECT count(*) FROM notifications WHERE type = 'reminder' AND "
                           "user_id = ?"_s,
                         { g.id }),
                2);
        }
        // Both instances took part in the scanning over time or not: either way one scan job
        // per minute (the dedupe key), and none of them failed.
        QCOMPARE(count(u"SELECT count(*) FROM jobs WHERE kind = 'reminder_scan' AND "
                       "state = 'dead'"_s),
            0);
        QVERIFY(count(u"SELECT count(*) FROM jobs WHERE kind = 'reminder_scan' AND "
                      "state = 'done'"_s)
            >= 2);

        // The link's POST frees Anna's place (the page says so).
        const auto freed
            = m_server->request("POST", link, "", {}, "application/x-www-form-urlencoded");
        QCOMPARE(freed.status, 200);
        QCOMPARE(count(u"SELECT count(*) FROM attendances WHERE user_id = ? AND status = 'LEFT'"_s,
                     { anna.id }),
            1);
    }

    void cleanupTestCase()
    {
        m_second.reset();
        QVERIFY(exec(u"UPDATE pudding_clock SET offset_seconds = 0"_s));
    }
};

QTEST_MAIN(TstReminderMail)
#include "tst_remindermail.moc"
