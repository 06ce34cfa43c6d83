// SPDX-License-Identifier: GPL-3.0-or-later
// Calendars (issue 13): one meetup's .ics and the personal subscription feed, against the real
// server, parsed by a real iCalendar parser (Debian's python3-icalendar, tests/calendar/
// check_ics.py) and checked field by field: stable UID, SEQUENCE raised by an edit, DTSTAMP,
// TZID=Europe/Berlin with a VTIMEZONE whose rules agree with the zone data, times right in
// summer, in winter and across the switch, cancelled meetups kept with their prefix in English
// and German, the exact place only for the organizer and approved guests, CRLF, 75-octet
// folding that never splits a UTF-8 sequence, escaping; and the feed token: regenerating kills
// the old address, deleting kills it, it is never a login and a login is never a feed token.
#include "calendar/icalwriter.h"
#include "contractrecorder.h"
#include "fixtures.h"
#include "serverfixture.h"

#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Test;
namespace ICal = Pudding::Server::ICal;

namespace {

const QString kPublicUrl = u"https://pudding.example.org"_s;
const QString kVenue = u"Clara-Zetkin-Park, Eingang Ost"_s;
// Every character RFC 5545 escapes, and text that must fold across multi-octet sequences.
const QString kTitle = u"Pudding, Sahne; Back\\slash"_s;
QString longDescription()
{
    QString text = u"Grießpudding mit Äpfeln, Öl; \\ und Übermut.\nZweite Zeile\r\nDritte "_s;
    for (int i = 0; i < 12; ++i)
        text += u"Schöne Grüße 🍮🥄 aus Köln — “Pudding” ß ä ö ü, "_s;
    return text + u"🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮🍮 Ende."_s;
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

/// The parsed calendar as check_ics.py prints it.
struct Parsed
{
    QJsonObject all;
    [[nodiscard]] QJsonObject raw() const { return all.value("raw"_L1).toObject(); }
    [[nodiscard]] QJsonArray events() const { return all.value("events"_L1).toArray(); }
    [[nodiscard]] QJsonObject event(qint64 id) const
    {
        const QString uid = u"event-%1@pudding.example.org"_s.arg(id);
        for (const auto &e : events()) {
            if (e.toObject().value("uid"_L1).toString() == uid)
                return e.toObject();
        }
        return {};
    }
};

/// Runs the checker on `ics`; fails the test (empty result) when it cannot parse it.
Parsed parse(const QByteArray &ics, const QStringList &extra = {})
{
    QTemporaryFile file;
    if (!file.open())
        return {};
    file.write(ics);
    file.flush();
    QProcess checker;
    checker.start(u"/usr/bin/python3"_s,
        QStringList { QStringLiteral(PUDDING_SOURCE_DIR) + u"/tests/calendar/check_ics.py"_s,
            file.fileName() }
            + extra);
    if (!checker.waitForFinished(60000) || checker.exitCode() != 0) {
        qWarning().noquote() << "check_ics.py failed:" << checker.readAllStandardError();
        return {};
    }
    return { QJsonDocument::fromJson(checker.readAllStandardOutput()).object() };
}

QString dt(const QJsonObject &event, const char *name, const char *field)
{
    return event.value(QLatin1StringView(name))
        .toObject()
        .value(QLatin1StringView(field))
        .toString();
}

/// The unfolded, unescaped view of `octets` the way RFC 5545 3.1 undoes a fold.
QByteArray unfold(QByteArray octets)
{
    return octets.replace("\r\n ", "");
}

} // namespace

class TstCalendar : public QObject
{
    Q_OBJECT

    ServerFixture m_server;
    QSqlDatabase m_sql;
    QNetworkAccessManager m_nam;
    Account m_olga; // organizer
    Account m_anna; // approved everywhere
    Account m_paul; // pending on the summer meetup
    Account m_wanda; // waitlisted on the winter meetup
    Account m_zoe; // no relation
    qint64 m_summer = 0; // July: CEST
    qint64 m_winter = 0; // January: CET
    qint64 m_switch = 0; // across the switch to summer time
    qint64 m_cancelled = 0;

    qint64 revisionOf(qint64 id)
    {
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT revision FROM events WHERE id = ?"_s);
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }

    qint64 meetup(const QString &title, const QDateTime &start, const QDateTime &end, int limit,
        const QString &description = {})
    {
        return m_server.createMeetup(m_olga.token,
            QJsonObject { { u"title"_s, title }, { u"description"_s, description },
                { u"location"_s, QJsonObject { { u"lat"_s, 51.3308 }, { u"lng"_s, 12.3612 } } },
                { u"city"_s, u"Leipzig"_s }, { u"venue"_s, kVenue },
                { u"startTime"_s, start.toString(Qt::ISODateWithMs) },
                { u"endTime"_s, end.toString(Qt::ISODateWithMs) }, { u"attendeeLimit"_s, limit } });
    }

    HttpResult ics(qint64 id, const QByteArray &token = {}, const QString &query = {})
    {
        return m_server->get(u"/api/events/%1/calendar.ics%2"_s.arg(id).arg(query), token);
    }

    /// A GET with an Accept-Language header (recorded for the contract like every request).
    HttpResult getWithLanguage(const QString &path, const QByteArray &acceptLanguage)
    {
        QNetworkRequest request(m_server->url(path));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setRawHeader("Accept-Language", acceptLanguage);
        HttpResult r = sendAndWait(m_nam, request, "GET", {});
        QList<QByteArray> names;
        for (const auto &[name, value] : r.headers)
            names.append(name);
        Contract::recordHttp(
            "GET", m_server->url(path), {}, r.status, r.header("content-type"), r.body, names);
        return r;
    }

    /// Creates (or regenerates) the account's feed; the feed's path on the test server.
    QString createFeed(const Account &account, const QString &language)
    {
        const auto r = m_server->postJson(
            u"/api/calendar/feed"_s, { { u"language"_s, language } }, account.token);
        if (r.status != 201) {
            qWarning() << "feed not created" << r.status << r.body;
            return {};
        }
        const QString url = r.json().value("url"_L1).toString();
        const QString prefix = kPublicUrl + u"/calendar/"_s;
        if (!url.startsWith(prefix) || !url.endsWith(u".ics"_s)
            || r.json().value("webcalUrl"_L1).toString()
                != u"webcal://pudding.example.org/calendar/"_s + url.mid(prefix.size())) {
            qWarning() << "unexpected feed urls" << r.body;
            return {};
        }
        Contract::recordSecret("feed token", url.mid(prefix.size()).chopped(4).toLatin1());
        return url.mid(kPublicUrl.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.extraArguments = { u"--public-url"_s, kPublicUrl + u"/"_s };
        QVERIFY2(m_server.start(u"calendar"_s, options), qPrintable(m_server.errorString()));
        m_sql = m_server.sql(u"calendar-check"_s);
        m_olga = m_server.signUp(u"Olga Organizer"_s);
        m_anna = m_server.signUp(u"Anna Approved"_s);
        m_paul = m_server.signUp(u"Paul Pending"_s);
        m_wanda = m_server.signUp(u"Wanda Waitlisted"_s);
        m_zoe = m_server.signUp(u"Zoe Stranger"_s);
        for (const Account *a : { &m_olga, &m_anna, &m_paul, &m_wanda, &m_zoe })
            QVERIFY(a->isValid());

        m_summer = meetup(
            kTitle, utc("2027-07-15T16:00:00Z"), utc("2027-07-15T18:30:00Z"), 2, longDescription());
        m_winter = meetup(
            u"Winterpudding"_s, utc("2027-01-15T17:00:00Z"), utc("2027-01-15T19:00:00Z"), 1);
        // 01:30 CET to 03:30 CEST: two hours, the clocks jump at 02:00 local.
        m_switch = meetup(
            u"Nachtpudding"_s, utc("2027-03-28T00:30:00Z"), utc("2027-03-28T01:30:00Z"), 5);
        m_cancelled = meetup(
            u"Abgesagter Pudding"_s, utc("2027-02-10T17:00:00Z"), utc("2027-02-10T19:00:00Z"), 5);
        QVERIFY(m_summer && m_winter && m_switch && m_cancelled);

        for (const qint64 id : { m_summer, m_winter, m_switch, m_cancelled }) {
            const qint64 a = m_server.requestJoin(id, m_anna.token);
            QVERIFY(a);
            QCOMPARE(m_server.decide(id, a, "APPROVED", m_olga.token), 200);
        }
        QVERIFY(m_server.requestJoin(m_summer, m_paul.token)); // stays PENDING
        const auto waitlisted = m_server.postJoin(m_winter, m_wanda.token, Fixtures::jpeg(3));
        QCOMPARE(waitlisted.status, 201);
        QCOMPARE(waitlisted.json().value("attendance"_L1).toObject().value("status"_L1).toString(),
            u"WAITLISTED"_s);
        QCOMPARE(m_server->request("DELETE", u"/api/events/%1"_s.arg(m_cancelled), {}, m_olga.token)
                     .status,
            200);
    }

    // ---- the writer itself --------------------------------------------------------------

    void escaping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("plain") << u"Pudding"_s << QByteArray("Pudding");
        QTest::newRow("comma") << u"a,b"_s << QByteArray("a\\,b");
        QTest::newRow("semicolon") << u"a;b"_s << QByteArray("a\\;b");
        QTest::newRow("backslash") << u"a\\b"_s << QByteArray("a\\\\b");
        QTest::newRow("backslash-n is text") << u"a\\nb"_s << QByteArray("a\\\\nb");
        QTest::newRow("LF") << u"a\nb"_s << QByteArray("a\\nb");
        QTest::newRow("CRLF is one break") << u"a\r\nb"_s << QByteArray("a\\nb");
        QTest::newRow("CR") << u"a\rb"_s << QByteArray("a\\nb");
        QTest::newRow("colon stays") << u"a:b"_s << QByteArray("a:b");
        QTest::newRow("quote stays") << u"\"a\""_s << QByteArray("\"a\"");
        QTest::newRow("tab stays") << u"a\tb"_s << QByteArray("a\tb");
        QTest::newRow("other controls go") << u"a\u0001\u001fb\u007f"_s << QByteArray("ab");
        QTest::newRow("umlauts") << u"Grüße"_s
                                 << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                               "e");
        QTest::newRow("emoji") << u"🍮"_s << QByteArray("\xf0\x9f\x8d\xae");
    }

    void escaping()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, escaped);
        QCOMPARE(ICal::escapeText(text), escaped);
    }

    void folding_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::newRow("ascii") << u"a"_s;
        QTest::newRow("two octets") << u"ä"_s;
        QTest::newRow("three octets") << u"€"_s;
        QTest::newRow("four octets") << u"🍮"_s;
        QTest::newRow("mixed") << u"aä€🍮"_s;
        QTest::newRow("zwj sequence") << u"👩‍👩‍👧"_s;
    }

    void folding()
    {
        QFETCH(QString, unit);
        // Every length from empty to several folds, at every offset of the unit.
        for (int prefix = 0; prefix < 4; ++prefix) {
            for (int n = 0; n < 120; ++n) {
                const QByteArray content
                    = "DESCRIPTION:" + QByteArray(prefix, 'x') + unit.repeated(n).toUtf8();
                const QByteArray folded = ICal::foldLine(content);
                QVERIFY(folded.endsWith("\r\n"));
                const QList<QByteArray> lines = folded.chopped(2).split('\n');
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    QByteArray line = lines[i];
                    if (i + 1 < lines.size()) {
                        QVERIFY(line.endsWith('\r'));
                        line.chop(1);
                    }
                    QVERIFY2(line.size() <= 75, line.constData());
                    QVERIFY(!line.contains('\r'));
                    if (i > 0) {
                        QVERIFY(line.startsWith(' '));
                        QVERIFY(line.size() > 1); // no empty continuation
                    }
                    // Each physical line is valid UTF-8 on its own: no sequence was split.
                    QVERIFY2(QString::fromUtf8(line).toUtf8() == line, line.constData());
                }
                QCOMPARE(unfold(folded).chopped(2), content);
                // A line that fits is not folded; one that does not is filled before folding.
                if (content.size() <= 75)
                    QCOMPARE(lines.size(), 1);
                else
                    QVERIFY(lines.first().size() - 1 >= 72);
            }
        }
    }

    void vtimezoneAgreesWithZoneData()
    {
        const auto r = ics(m_winter);
        QCOMPARE(r.status, 200);
        const Parsed p = parse(r.body, { u"--zone-check"_s, u"1997"_s, u"2037"_s });
        const QJsonArray zones
            = p.all.value("calendar"_L1).toObject().value("timezones"_L1).toArray();
        QCOMPARE(zones.size(), 1);
        QCOMPARE(zones.first().toObject().value("tzid"_L1).toString(), u"Europe/Berlin"_s);
        for (const auto &o : zones.first().toObject().value("observances"_L1).toArray())
            QVERIFY(o.toObject().value("rrule"_L1).toString().contains(u"BYDAY=-1SU"_s));
        const QJsonObject check = p.all.value("vtimezone"_L1).toObject();
        QVERIFY(check.value("checked"_L1).toInt() > 70000); // 41 years of hours around the changes
        QVERIFY2(check.value("mismatchCount"_L1).toInt() == 0,
            QJsonDocument(check.value("mismatches"_L1).toArray()).toJson().constData());
        // The check sees a wrong rule (summer time from the last Sunday of April).
        QByteArray wrong = r.body;
        wrong.replace("BYMONTH=3;BYDAY=-1SU", "BYMONTH=4;BYDAY=-1SU");
        QVERIFY(parse(wrong, { u"--zone-check"_s, u"2026"_s, u"2027"_s })
                    .all.value("vtimezone"_L1)
                    .toObject()
                    .value("mismatchCount"_L1)
                    .toInt()
            > 0);
        // And the writer's own conversion (by the same rule) agrees with Qt's zone data, every
        // quarter of an hour of ten years.
        const QTimeZone berlin("Europe/Berlin");
        QVERIFY(berlin.isValid());
        for (QDateTime t = utc("2026-01-01T00:00:00Z"); t < utc("2036-01-01T00:00:00Z");
             t = t.addSecs(900)) {
            const QByteArray expected
                = t.toTimeZone(berlin).toString(u"yyyyMMdd'T'HHmmss"_s).toLatin1();
            if (ICal::berlinDateTime(t) != expected)
                QFAIL(qPrintable(t.toString(Qt::ISODate)));
        }
        QCOMPARE(ICal::berlinDateTime(utc("2027-07-15T16:00:00Z")), QByteArray("20270715T180000"));
        QCOMPARE(ICal::berlinDateTime(utc("2027-01-15T17:00:00Z")), QByteArray("20270115T180000"));
        // The switch itself: 00:59:59 UTC is 01:59:59 CET, 01:00 UTC is 03:00 CEST.
        QCOMPARE(ICal::berlinDateTime(utc("2027-03-28T00:59:59Z")), QByteArray("20270328T015959"));
        QCOMPARE(ICal::berlinDateTime(utc("2027-03-28T01:00:00Z")), QByteArray("20270328T030000"));
        QCOMPARE(ICal::berlinDateTime(utc("2027-10-31T00:59:59Z")), QByteArray("20271031T025959"));
        QCOMPARE(ICal::berlinDateTime(utc("2027-10-31T01:00:00Z")), QByteArray("20271031T020000"));
    }

    // ---- one meetup's .ics --------------------------------------------------------------

    void eventFileAsText()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const auto r = ics(m_summer, m_anna.token);
        const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/calendar; charset=utf-8"));
        QVERIFY(r.header("content-disposition").startsWith("attachment;"));
        QVERIFY(r.header("content-disposition").contains(".ics"));

        const Parsed p = parse(r.body);
        const QJsonObject raw = p.raw();
        QVERIFY(raw.value("crlfOnly"_L1).toBool());
        QVERIFY(raw.value("endsWithCrlf"_L1).toBool());
        QCOMPARE(raw.value("linesOver75"_L1).toInt(), 0);
        QVERIFY(raw.value("maxLineOctets"_L1).toInt() <= 75);
        QCOMPARE(raw.value("splitUtf8Lines"_L1).toInt(), 0);
        QVERIFY(raw.value("foldedLines"_L1).toInt() > 5); // the long description folded

        const QJsonObject cal = p.all.value("calendar"_L1).toObject();
        QCOMPARE(cal.value("version"_L1).toString(), u"2.0"_s);
        QVERIFY(cal.value("prodid"_L1).toString().contains(u"Pudding Gabel"_s));
        QCOMPARE(cal.value("method"_L1).toString(), u"PUBLISH"_s);
        QCOMPARE(p.events().size(), 1);

        const QJsonObject e = p.event(m_summer);
        QVERIFY2(!e.isEmpty(), r.body.constData());
        QCOMPARE(e.value("sequence"_L1).toInteger(), revisionOf(m_summer));
        QVERIFY(e.value("dtstampIsUtc"_L1).toBool());
        const QDateTime stamp
            = QDateTime::fromString(e.value("dtstamp"_L1).toString(), Qt::ISODate);
        QVERIFY2(stamp >= before.addSecs(-1) && stamp <= after, qPrintable(stamp.toString()));
        // Summer: 16:00 UTC is 18:00 CEST, written as Berlin wall-clock time with its TZID.
        QCOMPARE(dt(e, "dtstart", "tzid"), u"Europe/Berlin"_s);
        QCOMPARE(dt(e, "dtstart", "local"), u"2027-07-15T18:00:00"_s);
        QCOMPARE(dt(e, "dtstart", "utc"), u"2027-07-15T16:00:00Z"_s);
        QCOMPARE(dt(e, "dtend", "tzid"), u"Europe/Berlin"_s);
        QCOMPARE(dt(e, "dtend", "local"), u"2027-07-15T20:30:00"_s);
        QCOMPARE(dt(e, "dtend", "utc"), u"2027-07-15T18:30:00Z"_s);
        // Escaping and folding undone by the parser give the texts back exactly.
        QCOMPARE(e.value("summary"_L1).toString(), kTitle);
        const QString description = e.value("description"_L1).toString();
        QString expected = longDescription();
        expected.replace(u"\r\n"_s, u"\n"_s);
        QVERIFY2(description.startsWith(expected), qPrintable(description));
        QVERIFY(description.contains(u"Organized by Olga Organizer"_s));
        const QString link = kPublicUrl + u"/api/events/%1/calendar.ics"_s.arg(m_summer);
        QVERIFY(description.contains(link));
        QCOMPARE(e.value("url"_L1).toString(), link);
        // On the wire: the escapes of , ; \ and the line breaks.
        const QByteArray unfolded = unfold(r.body);
        QVERIFY(unfolded.contains("SUMMARY:Pudding\\, Sahne\\; Back\\\\slash\r\n"));
        QVERIFY(unfolded.contains("Zweite Zeile\\nDritte"));
        QVERIFY(!unfolded.contains("\\r"));
    }

    void placeByViewer_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<bool>("exact");
        QTest::addColumn<QString>("status");
        QTest::newRow("anonymous") << u"anonymous"_s << false << u"CONFIRMED"_s;
        QTest::newRow("stranger") << u"zoe"_s << false << u"CONFIRMED"_s;
        QTest::newRow("pending guest") << u"paul"_s << false << u"TENTATIVE"_s;
        QTest::newRow("approved guest") << u"anna"_s << true << u"CONFIRMED"_s;
        QTest::newRow("organizer") << u"olga"_s << true << u"CONFIRMED"_s;
    }

    void placeByViewer()
    {
        QFETCH(QString, who);
        QFETCH(bool, exact);
        QFETCH(QString, status);
        const QHash<QString, QByteArray> tokens { { u"anonymous"_s, {} }, { u"zoe"_s, m_zoe.token },
            { u"paul"_s, m_paul.token }, { u"anna"_s, m_anna.token }, { u"olga"_s, m_olga.token } };
        const auto r = ics(m_summer, tokens.value(who));
        QCOMPARE(r.status, 200);
        const QJsonObject e = parse(r.body).event(m_summer);
        QVERIFY(!e.isEmpty());
        QCOMPARE(e.value("status"_L1).toString(), status);
        const QString location = e.value("location"_L1).toString();
        if (exact) {
            QCOMPARE(location, kVenue + u", Leipzig"_s);
            const QJsonArray geo = e.value("geo"_L1).toArray();
            QCOMPARE(geo.size(), 2);
            QCOMPARE(geo[0].toDouble(), 51.3308);
            QCOMPARE(geo[1].toDouble(), 12.3612);
        } else {
            QVERIFY(e.value("geo"_L1).isNull());
            QCOMPARE(location, u"Leipzig (the exact place is shown to approved guests)"_s);
            // Nothing of the place leaks anywhere in the file.
            QVERIFY(!unfold(r.body).contains("Clara"));
            QVERIFY(!r.body.contains("51.33"));
            QVERIFY(!r.body.contains("GEO"));
        }
        if (who == "paul"_L1)
            QVERIFY(e.value("description"_L1)
                        .toString()
                        .startsWith(u"Your request to join is waiting for the organizer."_s));
    }

    void winterAndTheSwitch()
    {
        const Parsed winter = parse(ics(m_winter, m_anna.token).body);
        const QJsonObject w = winter.event(m_winter);
        QCOMPARE(dt(w, "dtstart", "local"), u"2027-01-15T18:00:00"_s);
        QCOMPARE(dt(w, "dtstart", "utc"), u"2027-01-15T17:00:00Z"_s);
        QCOMPARE(dt(w, "dtend", "local"), u"2027-01-15T20:00:00"_s);
        QCOMPARE(w.value("status"_L1).toString(), u"CONFIRMED"_s);

        const Parsed night = parse(ics(m_switch, m_anna.token).body);
        const QJsonObject n = night.event(m_switch);
        QCOMPARE(dt(n, "dtstart", "local"), u"2027-03-28T01:30:00"_s);
        QCOMPARE(dt(n, "dtstart", "utc"), u"2027-03-28T00:30:00Z"_s);
        QCOMPARE(dt(n, "dtend", "local"), u"2027-03-28T03:30:00"_s);
        QCOMPARE(dt(n, "dtend", "utc"), u"2027-03-28T01:30:00Z"_s);
    }

    void language_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("acceptLanguage");
        QTest::addColumn<bool>("german");
        QTest::newRow("default") << QString() << QByteArray() << false;
        QTest::newRow("lang=de") << u"?lang=de"_s << QByteArray() << true;
        QTest::newRow("lang=en beats the header") << u"?lang=en"_s << QByteArray("de") << false;
        QTest::newRow("Accept-Language de-DE") << QString() << QByteArray("de-DE,de;q=0.9") << true;
        QTest::newRow("Accept-Language by q")
            << QString() << QByteArray("fr, de;q=0.4, en;q=0.8") << false;
        QTest::newRow("Accept-Language other") << QString() << QByteArray("fr-FR") << false;
    }

    void language()
    {
        QFETCH(QString, query);
        QFETCH(QByteArray, acceptLanguage);
        QFETCH(bool, german);
        const QString path = u"/api/events/%1/calendar.ics"_s.arg(m_cancelled) + query;
        const auto r = acceptLanguage.isEmpty() ? m_server->get(path)
                                                : getWithLanguage(path, acceptLanguage);
        QCOMPARE(r.status, 200);
        const QJsonObject e = parse(r.body).event(m_cancelled);
        QCOMPARE(e.value("status"_L1).toString(), u"CANCELLED"_s);
        QCOMPARE(e.value("summary"_L1).toString(),
            german ? u"Abgesagt: Abgesagter Pudding"_s : u"Cancelled: Abgesagter Pudding"_s);
        QCOMPARE(e.value("description"_L1).toString().contains(u"Organisiert von Olga Organizer"_s),
            german);
        QCOMPARE(
            e.value("location"_L1).toString().startsWith(u"Leipzig (der genaue Ort"_s), german);
    }

    void badLanguageIsRefused()
    {
        const auto r = ics(m_summer, {}, u"?lang=fr"_s);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"validation_failed"_s);
        QCOMPARE(ics(999999).status, 404);
    }

    void editKeepsUidAndRaisesSequence()
    {
        const QJsonObject before = parse(ics(m_winter, m_anna.token).body).event(m_winter);
        QVERIFY(!before.isEmpty());
        const auto patched = m_server->patchJson(u"/api/events/%1"_s.arg(m_winter),
            { { u"title"_s, u"Winterpudding mit Zimt"_s } }, m_olga.token);
        QCOMPARE(patched.status, 200);
        const QJsonObject after = parse(ics(m_winter, m_anna.token).body).event(m_winter);
        QCOMPARE(after.value("uid"_L1), before.value("uid"_L1));
        QCOMPARE(after.value("uid"_L1).toString(), u"event-%1@pudding.example.org"_s.arg(m_winter));
        QVERIFY(after.value("sequence"_L1).toInteger() > before.value("sequence"_L1).toInteger());
        QCOMPARE(after.value("sequence"_L1).toInteger(), revisionOf(m_winter));
        QCOMPARE(after.value("summary"_L1).toString(), u"Winterpudding mit Zimt"_s);
    }

    // ---- the personal feed --------------------------------------------------------------

    void feedNeedsSignIn()
    {
        QCOMPARE(m_server->get(u"/api/calendar/feed"_s).status, 401);
        QCOMPARE(m_server->postJson(u"/api/calendar/feed"_s, {}).status, 401);
        QCOMPARE(m_server->request("DELETE", u"/api/calendar/feed"_s).status, 401);
        const auto bad = m_server->postJson(
            u"/api/calendar/feed"_s, { { u"language"_s, u"fr"_s } }, m_anna.token);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorCode(), u"validation_failed"_s);
    }

    void guestFeed()
    {
        const auto none = m_server->get(u"/api/calendar/feed"_s, m_anna.token);
        QCOMPARE(none.status, 200);
        QCOMPARE(none.json().value("active"_L1).toBool(), false);
        QVERIFY(none.json().value("createdAt"_L1).isNull());

        const QString path = createFeed(m_anna, u"de"_s);
        QVERIFY(!path.isEmpty());
        const auto status = m_server->get(u"/api/calendar/feed"_s, m_anna.token).json();
        QCOMPARE(status.value("active"_L1).toBool(), true);
        QCOMPARE(status.value("language"_L1).toString(), u"de"_s);
        QVERIFY(
            QDateTime::fromString(status.value("createdAt"_L1).toString(), Qt::ISODate).isValid());

        const auto r = m_server->get(path);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/calendar; charset=utf-8"));
        QVERIFY(r.header("cache-control").startsWith("private"));
        const Parsed p = parse(r.body);
        QCOMPARE(p.raw().value("linesOver75"_L1).toInt(), 0);
        QCOMPARE(p.raw().value("splitUtf8Lines"_L1).toInt(), 0);
        QVERIFY(p.raw().value("crlfOnly"_L1).toBool());
        QCOMPARE(p.all.value("calendar"_L1).toObject().value("name"_L1).toString(),
            u"Meine Pudding-Treffen"_s);
        QCOMPARE(p.events().size(), 4);
        for (const qint64 id : { m_summer, m_winter, m_switch }) {
            const QJsonObject e = p.event(id);
            QCOMPARE(e.value("status"_L1).toString(), u"CONFIRMED"_s);
            QCOMPARE(e.value("geo"_L1).toArray().size(), 2); // approved: the exact place
            QVERIFY(e.value("location"_L1).toString().startsWith(kVenue));
            QCOMPARE(e.value("sequence"_L1).toInteger(), revisionOf(id));
            QCOMPARE(dt(e, "dtstart", "tzid"), u"Europe/Berlin"_s);
        }
        QCOMPARE(dt(p.event(m_summer), "dtstart", "utc"), u"2027-07-15T16:00:00Z"_s);
        QCOMPARE(dt(p.event(m_winter), "dtstart", "utc"), u"2027-01-15T17:00:00Z"_s);
        // Cancelled, kept, in the feed's language.
        const QJsonObject cancelled = p.event(m_cancelled);
        QCOMPARE(cancelled.value("status"_L1).toString(), u"CANCELLED"_s);
        QCOMPARE(cancelled.value("summary"_L1).toString(), u"Abgesagt: Abgesagter Pudding"_s);
        QVERIFY(
            p.event(m_summer).value("description"_L1).toString().contains(u"Organisiert von"_s));
    }

    void pendingAndWaitlistedFeeds()
    {
        const auto paul = m_server->get(createFeed(m_paul, u"en"_s));
        QCOMPARE(paul.status, 200);
        const Parsed p = parse(paul.body);
        QCOMPARE(p.events().size(), 1);
        const QJsonObject e = p.event(m_summer);
        QCOMPARE(e.value("status"_L1).toString(), u"TENTATIVE"_s);
        QVERIFY(e.value("geo"_L1).isNull());
        QVERIFY(!unfold(paul.body).contains("Clara"));
        QCOMPARE(p.all.value("calendar"_L1).toObject().value("name"_L1).toString(),
            u"My pudding meetups"_s);

        const auto wanda = m_server->get(createFeed(m_wanda, u"en"_s));
        QCOMPARE(wanda.status, 200);
        const Parsed w = parse(wanda.body);
        QCOMPARE(w.events().size(), 1);
        QCOMPARE(w.event(m_winter).value("status"_L1).toString(), u"TENTATIVE"_s);
        QVERIFY(w.event(m_winter)
                    .value("description"_L1)
                    .toString()
                    .startsWith(u"You are on the waiting list."_s));
        QVERIFY(w.event(m_winter).value("geo"_L1).isNull());

        // A stranger's feed is empty but a valid calendar.
        const auto zoe = m_server->get(createFeed(m_zoe, u"en"_s));
        QCOMPARE(zoe.status, 200);
        const Parsed z = parse(zoe.body);
        QCOMPARE(z.events().size(), 0);
        QCOMPARE(z.all.value("calendar"_L1).toObject().value("timezones"_L1).toArray().size(), 1);
    }

    void organizerFeed()
    {
        const auto r = m_server->get(createFeed(m_olga, u"en"_s));
        QCOMPARE(r.status, 200);
        const Parsed p = parse(r.body);
        QCOMPARE(p.events().size(), 4);
        for (const qint64 id : { m_summer, m_winter, m_switch }) {
            QCOMPARE(p.event(id).value("status"_L1).toString(), u"CONFIRMED"_s);
            QCOMPARE(p.event(id).value("geo"_L1).toArray().size(), 2);
        }
        QCOMPARE(p.event(m_cancelled).value("status"_L1).toString(), u"CANCELLED"_s);
        QCOMPARE(p.event(m_cancelled).value("summary"_L1).toString(),
            u"Cancelled: Abgesagter Pudding"_s);
        // UIDs are the same in the feed and in the single file.
        QCOMPARE(p.event(m_summer).value("uid"_L1).toString(),
            parse(ics(m_summer).body).event(m_summer).value("uid"_L1).toString());
    }

    void regenerateAndDelete()
    {
        const Account lea = m_server.signUp(u"Lea Leaves"_s);
        const QString first = createFeed(lea, u"en"_s);
        QCOMPARE(m_server->get(first).status, 200);
        const QString second = createFeed(lea, u"de"_s);
        QVERIFY(second != first);
        const auto old = m_server->get(first);
        QCOMPARE(old.status, 404); // the old address is dead
        QCOMPARE(old.errorCode(), u"not_found"_s);
        QCOMPARE(m_server->get(second).status, 200);

        QCOMPARE(m_server->request("DELETE", u"/api/calendar/feed"_s, {}, lea.token).status, 204);
        QCOMPARE(m_server->get(second).status, 404);
        QCOMPARE(m_server->get(u"/api/calendar/feed"_s, lea.token).json().value("active"_L1),
            QJsonValue(false));
        // Deleting again is fine (nothing left to revoke).
        QCOMPARE(m_server->request("DELETE", u"/api/calendar/feed"_s, {}, lea.token).status, 204);
    }

    void tokensNeverMix()
    {
        const QString path = createFeed(m_anna, u"en"_s);
        const QByteArray feedToken = path.mid(10).chopped(4).toLatin1(); // "/calendar/" … ".ics"
        QCOMPARE(feedToken.size(), 43);
        // The login token is no feed token …
        QCOMPARE(m_server->get(u"/calendar/%1.ics"_s.arg(QString::fromLatin1(m_anna.token))).status,
            404);
        // … and the feed token no login, anywhere.
        QCOMPARE(m_server->get(u"/api/auth/me"_s, feedToken).status, 401);
        QCOMPARE(m_server->get(u"/api/calendar/feed"_s, feedToken).status, 401);
        QCOMPARE(m_server->request("DELETE", u"/api/calendar/feed"_s, {}, feedToken).status, 401);
        QCOMPARE(m_server->get(path).status, 200); // and it still works
        // Sending a login token along does not change what a feed shows or who owns it.
        QCOMPARE(m_server->get(path, m_olga.token).body.count("BEGIN:VEVENT"), 4);
    }

    void malformedFeedPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("short") << u"/calendar/abc.ics"_s;
        QTest::newRow("43 but not ours") << u"/calendar/%1.ics"_s.arg(QString(43, u'A'));
        QTest::newRow("no suffix") << u"/calendar/%1"_s.arg(QString(43, u'A'));
        QTest::newRow("other suffix") << u"/calendar/%1.ical"_s.arg(QString(43, u'A'));
        QTest::newRow("bad characters") << u"/calendar/%1.ics"_s.arg(QString(42, u'A') + u'.');
    }

    void malformedFeedPaths()
    {
        QFETCH(QString, path);
        const auto r = m_server->get(path);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), u"not_found"_s);
    }
};

QTEST_MAIN(TstCalendar)
#include "tst_calendar.moc"
