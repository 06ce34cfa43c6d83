// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's "done when", on the demo data the main job starts with (--seed-demo, no SMTP
// server, so every mail is an .eml file under <data-dir>/mail/): Anna leaves Olga's full
// meetup, Ben (first on its waitlist) gets the offer in his inbox and by mail, accepts it, and
// Olga sees his request; Anna's 24-hour reminder for tomorrow's meetup is written; a password
// reset works with the code from its mail. The real mails' HTML is rendered to pictures.
#include "contractrecorder.h"
#include "dbcheck.h"
#include "serverfixture.h"
#include "smtpsink.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextDocument>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;
namespace Contract = Pudding::Test::Contract;

namespace {
const QString kDemoPassword = u"pudding-demo-2026"_s;

/// The mail's HTML part drawn as a mail client shows it (headers above), for the eye.
bool renderMail(const MailMessage &mail, const QString &file)
{
    QTextDocument doc;
    doc.setHtml(mail.html);
    doc.setTextWidth(600);
    QImage image(640, int(doc.size().height()) + 90, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setPen(QColor(0x44, 0x44, 0x44));
        painter.drawText(QRect(20, 8, 600, 60), Qt::AlignLeft | Qt::TextWordWrap,
            u"From: "_s + mail.header(u"From"_s) + u"\nTo: "_s + mail.header(u"To"_s)
                + u"\nSubject: "_s + mail.header(u"Subject"_s));
        painter.drawLine(20, 70, 620, 70);
        painter.translate(20, 80);
        doc.drawContents(&painter);
    }
    const QString dir = QStringLiteral(PUDDING_SCREENSHOT_DIR);
    return QDir().mkpath(dir) && image.save(dir + u'/' + file);
}
} // namespace

class TstDemoMail : public QObject
{
    Q_OBJECT

    ServerFixture m_demo;
    QSqlDatabase m_sql;

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        return Db::scalar(m_sql, sql, values);
    }
    QList<MailMessage> mailsTo(const QString &address)
    {
        QList<MailMessage> out;
        for (const MailMessage &m : MailDrop::messages(m_demo->dataDir()))
            if (m.header(u"To"_s).contains(address))
                out.append(m);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.extraArguments = { u"--seed-demo"_s };
        QVERIFY2(m_demo.start(u"demomail"_s, options), qPrintable(m_demo.errorString()));
        m_sql = m_demo.sql(u"demomail-check"_s);
        QVERIFY(m_sql.isOpen());
    }

    void annaLeavesBenGetsTheOffer()
    {
        const QByteArray anna = m_demo.signIn(u"anna@demo.pudding-gabel.de"_s, kDemoPassword);
        const QByteArray ben = m_demo.signIn(u"ben@demo.pudding-gabel.de"_s, kDemoPassword);
        const QByteArray olga = m_demo.signIn(u"organizer@demo.pudding-gabel.de"_s, kDemoPassword);
        QVERIFY(!anna.isEmpty() && !ben.isEmpty() && !olga.isEmpty());
        const qint64 benId = m_demo.userId(ben);
        // Olga's full meetup: Ben waits first.
        const qint64 event = scalar(u"SELECT event_id FROM attendances WHERE user_id = ? AND "
                                    "status = 'WAITLISTED'"_s,
            { benId });
        QVERIFY(event > 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM attendances WHERE event_id = ? AND status = "
                        "'APPROVED'"_s,
                     { event }),
            scalar(u"SELECT attendee_limit FROM events WHERE id = ?"_s, { event }));

        // Anna leaves: the place is held for Ben, who hears it in his inbox and by mail.
        const auto left = m_demo->request(
            "DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event), {}, anna);
        QCOMPARE(left.status, 200);
        QCOMPARE(scalar(u"SELECT count(*) FROM attendances WHERE event_id = ? AND user_id = ? AND "
                        "status = 'OFFERED' AND holds_place"_s,
                     { event, benId }),
            1);
        const QJsonArray inbox
            = m_demo->get(u"/api/notifications"_s, ben).json().value("notifications"_L1).toArray();
        QVERIFY(!inbox.isEmpty());
        const QJsonObject offer = inbox.first().toObject();
        QCOMPARE(offer.value("type"_L1).toString(), u"waitlist_offer"_s);
        QCOMPARE(offer.value("link"_L1).toString(), u"event/%1/offer"_s.arg(event));
        QVERIFY(MailDrop::waitForMessages(m_demo->dataDir(), 1, 20000));
        QTRY_VERIFY_WITH_TIMEOUT(!mailsTo(u"ben@demo.pudding-gabel.de"_s).isEmpty(), 20000);
        const MailMessage mail = mailsTo(u"ben@demo.pudding-gabel.de"_s).first();
        QVERIFY2(mail.fileName.endsWith(u".eml"_s), qPrintable(mail.fileName));
        QVERIFY(mail.hasHeader(u"List-Unsubscribe"_s));
        QCOMPARE(mail.header(u"List-Unsubscribe-Post"_s), u"List-Unsubscribe=One-Click"_s);
        const QString title
            = m_demo->get(u"/api/events/%1"_s.arg(event), ben).json().value("title"_L1).toString();
        QVERIFY(!title.isEmpty());
        QVERIFY2(mail.text.contains(title), qPrintable(mail.text));
        QVERIFY(renderMail(mail, u"demo-offer-mail.png"_s));

        // Ben accepts; Olga sees his request (holding the place) in her list and her inbox.
        const auto accepted = m_demo->postJson(
            u"/api/attendance/events/%1/offer/accept"_s.arg(event), QJsonObject {}, ben);
        QCOMPARE(accepted.status, 200);
        const QJsonObject attendance = accepted.json().value("attendance"_L1).toObject();
        QCOMPARE(attendance.value("status"_L1).toString(), u"PENDING"_s);
        QCOMPARE(attendance.value("holdsPlace"_L1).toBool(), true);
        const QJsonArray requests
            = m_demo->get(
                        u"/api/attendance/events/%1/attendances?status=PENDING"_s.arg(event), olga)
                  .json()
                  .value("attendances"_L1)
                  .toArray();
        bool seen = false;
        for (const auto &r : requests)
            seen = seen
                || r.toObject().value("user"_L1).toObject().value("id"_L1).toInteger() == benId;
        QVERIFY(seen);
        const QJsonArray olgas
            = m_demo->get(u"/api/notifications"_s, olga).json().value("notifications"_L1).toArray();
        QVERIFY(!olgas.isEmpty());
        QCOMPARE(olgas.first().toObject().value("type"_L1).toString(), u"join_request"_s);
        QCOMPARE(olgas.first().toObject().value("link"_L1).toString(),
            u"event/%1/requests"_s.arg(event));
    }

    void reminderForTomorrow()
    {
        // The reminder scan runs each minute: move the queue's clock past the next one.
        QVERIFY(Db::exec(m_sql, u"UPDATE pudding_clock SET offset_seconds = 61"_s));
        QVERIFY(Db::exec(m_sql, u"SELECT pg_notify('pudding_jobs', '')"_s));
        // Anna's meetup tomorrow: her 24-hour reminder (tonight's meetup has one too).
        const qint64 tomorrow = scalar(
            u"SELECT e.id FROM events e JOIN attendances a ON a.event_id = e.id JOIN users u ON "
            "u.id = a.user_id WHERE u.email = 'anna@demo.pudding-gabel.de' AND a.status = "
            "'APPROVED' AND e.start_time > now() + interval '20 hours' AND e.start_time < now() + "
            "interval '24 hours'"_s);
        QVERIFY(tomorrow > 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(u"SELECT count(*) FROM reminder_deliveries d JOIN attendances a ON a.id = "
                   "d.attendance_id JOIN users u ON u.id = a.user_id WHERE a.event_id = ? AND "
                   "u.email = 'anna@demo.pudding-gabel.de' AND d.offset_minutes = 1440 AND NOT "
                   "d.skipped"_s,
                { tomorrow }),
            1, 30000);
        QVERIFY(Db::resetClock(m_sql));
        const QString venue = [&] {
            QSqlQuery v(m_sql);
            v.prepare(u"SELECT venue FROM events WHERE id = ?"_s);
            v.addBindValue(tomorrow);
            return v.exec() && v.next() ? v.value(0).toString() : QString();
        }();
        QVERIFY(!venue.isEmpty());
        // The mail of that reminder: the exact place, the .ics, the can't-come link.
        const auto reminderMail = [&]() -> std::optional<MailMessage> {
            for (const MailMessage &m : mailsTo(u"anna@demo.pudding-gabel.de"_s))
                if (!m.attachments.isEmpty() && m.text.contains(venue))
                    return m;
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(reminderMail().has_value(), 20000);
        const auto reminder = reminderMail();
        QVERIFY2(reminder, "no reminder mail with the exact place of tomorrow's meetup");
        QVERIFY(reminder->attachments.first().contentType.startsWith(u"text/calendar"_s));
        QVERIFY(reminder->text.contains(u"/cant-come/"_s));
        QVERIFY(renderMail(*reminder, u"demo-reminder-mail.png"_s));
    }

    void passwordResetWithTheMailedCode()
    {
        const QString email = u"anna@demo.pudding-gabel.de"_s;
        QCOMPARE(
            m_demo->postJson(u"/api/auth/password-reset"_s, { { u"email"_s, email } }).status, 202);
        static const QRegularExpression codeRe(
            u"^    ([A-Za-z0-9_-]{43})$"_s, QRegularExpression::MultilineOption);
        const auto mailedCode = [&] {
            QString code;
            for (const MailMessage &m : mailsTo(email))
                if (const auto match = codeRe.match(m.text); match.hasMatch())
                    code = match.captured(1);
            return code;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!mailedCode().isEmpty(), 20000);
        const QString code = mailedCode();
        Contract::recordSecret("mail code", code.toLatin1());
        const QString fresh = u"a brand new demo password 7"_s;
        QCOMPARE(m_demo
                     ->postJson(u"/api/auth/password-reset/confirm"_s,
                         { { u"token"_s, code }, { u"password"_s, fresh } })
                     .status,
            204);
        QVERIFY(m_demo.signIn(email, kDemoPassword).isEmpty());
        QVERIFY(!m_demo.signIn(email, fresh).isEmpty());
    }
};

QTEST_MAIN(TstDemoMail)
#include "tst_demomail.moc"
