// SPDX-License-Identifier: GPL-3.0-or-later
// Tickets against the real server and PostgreSQL: issued and revoked exactly with the
// attendance states, who may see one, the QR payload verified offline (shared/ticket) and
// online (checkPayload, what the check-in uses), forged payloads refused, and the signing keys:
// rotation, retirement and a second instance with a key of its own.
#include "db/database.h"
#include "serverfixture.h"
#include "shared/ticket.h"
#include "tickets/ticketkeys.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <sodium.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Test;
using Tickets::Verdict;

Q_DECLARE_METATYPE(Pudding::Tickets::Verdict)

namespace {
enum class Revocation { Leave, RejectAfterApproval, CancelMeetup };

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace
Q_DECLARE_METATYPE(Revocation)

class TstTickets : public QObject
{
    Q_OBJECT

    ServerFixture m_server;
    Account m_organizer;

    HttpResult ticket(qint64 id, const QByteArray &token)
    {
        return m_server->get(u"/api/tickets/%1"_s.arg(id), token);
    }
    QJsonArray mine(const QByteArray &token)
    {
        const auto r = m_server->get(u"/api/tickets/mine"_s, token);
        if (r.status != 200)
            qWarning() << "tickets/mine" << r.status << r.body;
        return r.json().value("tickets"_L1).toArray();
    }
    /// The only valid ticket of `token` for `eventId`, from /api/tickets/mine (empty if not
    /// exactly one).
    QJsonObject validTicket(const QByteArray &token, qint64 eventId)
    {
        QList<QJsonObject> found;
        for (const auto &v : mine(token)) {
            const QJsonObject t = v.toObject();
            if (t.value("eventId"_L1).toInteger() == eventId
                && t.value("status"_L1).toString() == "VALID"_L1)
                found.append(t);
        }
        return found.size() == 1 ? found.first() : QJsonObject();
    }
    /// ticket_keys as a door device gets them: the non-retired public keys.
    QHash<QString, QByteArray> publicKeys()
    {
        QHash<QString, QByteArray> keys;
        QSqlQuery q(m_server.sql(u"keys"_s));
        if (!q.exec(u"SELECT kid, public_key FROM ticket_keys WHERE retired_at IS NULL"_s))
            qWarning() << q.lastError().text();
        while (q.next())
            keys.insert(q.value(0).toString(), q.value(1).toByteArray());
        return keys;
    }
    /// One value from the database (first column of the first row), or an invalid QVariant.
    QVariant sqlValue(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(m_server.sql(u"value"_s));
        if (!q.prepare(sql))
            return {};
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next()) {
            qWarning() << sql << q.lastError().text();
            return {};
        }
        return q.value(0);
    }
    /// pudding-server ticket-keys … against this test's database and the given data dir.
    int ticketKeys(const QStringList &arguments, const QString &dataDir, QString *output)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(PUDDING_SERVER_BINARY),
            QStringList { u"ticket-keys"_s } + arguments
                + QStringList {
                    u"--database"_s, m_server.databaseUrl(), u"--data-dir"_s, dataDir });
        p.waitForFinished(60000);
        *output = QString::fromUtf8(p.readAll());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    static int modeOf(const QString &path)
    {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
    }
    static QString kidOf(const QString &qr) { return qr.section(u'.', 1, 1); }
    static QDateTime time(const QJsonValue &v)
    {
        return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        QVERIFY2(m_server.start(u"tickets"_s), qPrintable(m_server.errorString()));
        m_organizer = m_server.signUp(u"Olga"_s);
        QVERIFY(m_organizer.isValid());
    }

    void approvalIssuesExactlyOneTicket()
    {
        const qint64 event = m_server.createMeetup(m_organizer.token);
        const Account guest = m_server.signUp(u"Anna"_s);
        const qint64 attendance = m_server.requestJoin(event, guest.token);
        QVERIFY(attendance > 0);
        QVERIFY(mine(guest.token).isEmpty()); // asking is not enough
        QCOMPARE(m_server.decide(event, attendance, "APPROVED", m_organizer.token), 200);

        const QJsonArray tickets = mine(guest.token);
        QCOMPARE(tickets.size(), 1);
        const QJsonObject t = tickets.first().toObject();
        QCOMPARE(t.value("status"_L1).toString(), u"VALID"_s);
        QCOMPARE(t.value("eventId"_L1).toInteger(), event);
        QCOMPARE(t.value("userId"_L1).toInteger(), guest.id);
        QCOMPARE(t.value("attendanceId"_L1).toInteger(), attendance);
        QVERIFY(t.value("revokeReason"_L1).isNull());
        QVERIFY(t.value("revokedAt"_L1).isNull());
        QVERIFY(QRegularExpression(u"^[2-9A-HJKMNP-Z]{8}$"_s)
                    .match(t.value("number"_L1).toString())
                    .hasMatch());
        QCOMPARE(t.value("holder"_L1).toObject().value("name"_L1).toString(), u"Anna"_s);
        QCOMPARE(
            t.value("pudding"_L1).toObject().value("name"_L1).toString(), u"Schokoladenpudding"_s);
        QVERIFY(t.value("pudding"_L1).toObject().value("photoId"_L1).toInteger() > 0);
        // The event exactly as GET /api/events/:id shows it to the guest (exact place: approved).
        const QJsonObject details
            = m_server->get(u"/api/events/%1"_s.arg(event), guest.token).json();
        QCOMPARE(t.value("event"_L1).toObject(), details);
        QVERIFY(details.contains("venue"_L1) || details.contains("exactLocation"_L1)
            || details.value("location"_L1).isObject());

        // Exactly one ticket in the database, and the QR signs exactly its row.
        QCOMPARE(sqlValue(u"SELECT count(*) FROM tickets WHERE attendance_id = ?"_s, { attendance })
                     .toInt(),
            1);
        const QString qr = t.value("qr"_L1).toString();
        Tickets::SignedTicket signedTicket;
        const QDateTime start = time(details.value("startTime"_L1));
        const QDateTime end = time(details.value("endTime"_L1));
        QCOMPARE(Tickets::verify(qr, publicKeys(), event, start, &signedTicket), Verdict::Valid);
        QCOMPARE(signedTicket.claims.ticketId, t.value("id"_L1).toInteger());
        QCOMPARE(signedTicket.claims.eventId, event);
        QCOMPARE(signedTicket.claims.userId, guest.id);
        QCOMPARE(signedTicket.claims.validFrom, start.addSecs(-12 * 3600));
        QCOMPARE(signedTicket.claims.validUntil, end.addSecs(12 * 3600));
        QCOMPARE(signedTicket.claims.seed,
            sqlValue(u"SELECT seed FROM tickets WHERE id = ?"_s, { t.value("id"_L1).toInteger() })
                .toByteArray());
        // Served again: the same payload (Ed25519 is deterministic, the key has not changed).
        QCOMPARE(
            ticket(t.value("id"_L1).toInteger(), guest.token).json().value("qr"_L1).toString(), qr);
    }

    void revokedWithTheState_data()
    {
        QTest::addColumn<Revocation>("how");
        QTest::addColumn<QString>("reason");
        QTest::newRow("guest leaves") << Revocation::Leave << u"LEFT"_s;
        QTest::newRow("declined after approval")
            << Revocation::RejectAfterApproval << u"REJECTED"_s;
        QTest::newRow("meetup cancelled") << Revocation::CancelMeetup << u"CANCELLED"_s;
    }
    void revokedWithTheState()
    {
        QFETCH(Revocation, how);
        QFETCH(QString, reason);
        const qint64 event = m_server.createMeetup(m_organizer.token);
        const Account guest = m_server.signUp(u"Bert"_s);
        const qint64 attendance = m_server.requestJoin(event, guest.token);
        QCOMPARE(m_server.decide(event, attendance, "APPROVED", m_organizer.token), 200);
        const QJsonObject before = validTicket(guest.token, event);
        QVERIFY(!before.isEmpty());
        const qint64 id = before.value("id"_L1).toInteger();

        switch (how) {
        case Revocation::Leave:
            QCOMPARE(m_server
                         ->request("DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event),
                             {}, guest.token)
                         .status,
                200);
            break;
        case Revocation::RejectAfterApproval:
            QCOMPARE(m_server.decide(event, attendance, "REJECTED", m_organizer.token), 200);
            break;
        case Revocation::CancelMeetup:
            QCOMPARE(
                m_server->request("DELETE", u"/api/events/%1"_s.arg(event), {}, m_organizer.token)
                    .status,
                200);
            break;
        }
        const auto after = ticket(id, guest.token);
        QCOMPARE(after.status, 200);
        const QJsonObject t = after.json();
        QCOMPARE(t.value("status"_L1).toString(), u"REVOKED"_s);
        QCOMPARE(t.value("revokeReason"_L1).toString(), reason);
        QVERIFY(time(t.value("revokedAt"_L1)).isValid());
        QVERIFY(t.value("qr"_L1).isNull());
        // Still listed (revoked in the last 30 days), and no valid ticket is left.
        const QJsonArray list = mine(guest.token);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value("status"_L1).toString(), u"REVOKED"_s);
        QVERIFY(validTicket(guest.token, event).isEmpty());
        QCOMPARE(
            sqlValue(u"SELECT count(*) FROM tickets WHERE event_id = ? AND revoked_at IS NULL"_s,
                { event })
                .toInt(),
            0);

        // The printed code still verifies offline (signature and window) — revocation is the
        // bundle's business — but the server refuses it.
        const QString qr = before.value("qr"_L1).toString();
        const QDateTime during = time(before.value("event"_L1).toObject().value("startTime"_L1));
        QCOMPARE(Tickets::verify(qr, publicKeys(), event, during), Verdict::Valid);
        const auto config = Server::DbConfig::fromUrl(m_server.databaseUrl());
        QVERIFY(config);
        Server::DbSession session(*config, u"tst_tickets_check"_s);
        QVERIFY(session.ensureOpen());
        const auto check = Server::checkPayload(session, qr, event, during);
        QVERIFY(check);
        QCOMPARE(check.value().reason(), u"revoked"_s);
        QCOMPARE(check.value().ticketId, id);
    }

    void approvedAgainAfterLeavingGetsANewTicket()
    {
        const qint64 event = m_server.createMeetup(m_organizer.token);
        const Account guest = m_server.signUp(u"Carla"_s);
        const qint64 first = m_server.requestJoin(event, guest.token);
        QCOMPARE(m_server.decide(event, first, "APPROVED", m_organizer.token), 200);
        const qint64 oldId = validTicket(guest.token, event).value("id"_L1).toInteger();
        QVERIFY(oldId > 0);
        QCOMPARE(m_server
                     ->request("DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event), {},
                         guest.token)
                     .status,
            200);
        // Joining again replaces the left request (a new one at the end of the queue).
        const qint64 second = m_server.requestJoin(event, guest.token);
        QVERIFY(second > 0);
        QVERIFY(validTicket(guest.token, event).isEmpty());
        QCOMPARE(m_server.decide(event, second, "APPROVED", m_organizer.token), 200);

        const QJsonObject fresh = validTicket(guest.token, event);
        QVERIFY(!fresh.isEmpty());
        QVERIFY(fresh.value("id"_L1).toInteger() != oldId);
        QCOMPARE(fresh.value("attendanceId"_L1).toInteger(), second);
        const QJsonObject old = ticket(oldId, guest.token).json();
        QCOMPARE(old.value("status"_L1).toString(), u"REVOKED"_s);
        QCOMPARE(old.value("revokeReason"_L1).toString(), u"LEFT"_s);
        QVERIFY(old.value("attendanceId"_L1).isNull()); // its request is gone
        QVERIFY(old.value("number"_L1).toString() != fresh.value("number"_L1).toString());
        QCOMPARE(mine(guest.token).size(), 2);
    }

    void onlyHolderAndOrganizerSeeATicket()
    {
        const qint64 event = m_server.createMeetup(m_organizer.token);
        const Account guest = m_server.signUp(u"Dora"_s);
        const qint64 attendance = m_server.requestJoin(event, guest.token);
        QCOMPARE(m_server.decide(event, attendance, "APPROVED", m_organizer.token), 200);
        const QJsonObject t = validTicket(guest.token, event);
        const qint64 id = t.value("id"_L1).toInteger();
        QVERIFY(id > 0);

        const Account stranger = m_server.signUp(u"Emil"_s);
        const auto refused = ticket(id, stranger.token);
        QCOMPARE(refused.status, 404);
        QCOMPARE(refused.errorCode(), u"not_found"_s);
        QCOMPARE(ticket(id, {}).status, 401);
        QCOMPARE(ticket(id + 100000, guest.token).status, 404);
        QVERIFY(mine(stranger.token).isEmpty());

        const auto organizer = ticket(id, m_organizer.token);
        QCOMPARE(organizer.status, 200);
        QCOMPARE(
            organizer.json().value("holder"_L1).toObject().value("name"_L1).toString(), u"Dora"_s);
        QCOMPARE(organizer.json().value("number"_L1), t.value("number"_L1));
        // The event inside is the organizer's view of it.
        QCOMPARE(organizer.json().value("event"_L1).toObject(),
            m_server->get(u"/api/events/%1"_s.arg(event), m_organizer.token).json());
    }

    void forgedPayloadsAreRefused_data()
    {
        QTest::addColumn<int>("forgery");
        QTest::addColumn<Verdict>("offline");
        QTest::addColumn<QString>("online");
        QTest::newRow("genuine") << 0 << Verdict::Valid << QString();
        QTest::newRow("changed byte in the body")
            << 1 << Verdict::BadSignature << u"bad_signature"_s;
        QTest::newRow("changed byte in the signature")
            << 2 << Verdict::BadSignature << u"bad_signature"_s;
        QTest::newRow("scanned at another meetup") << 3 << Verdict::OtherEvent << u"other_event"_s;
        QTest::newRow("signed with another key under our kid")
            << 4 << Verdict::BadSignature << u"bad_signature"_s;
        QTest::newRow("signed with an unknown key")
            << 5 << Verdict::UnknownKey << u"bad_signature"_s;
        QTest::newRow("after the window") << 6 << Verdict::Expired << u"expired"_s;
        QTest::newRow("before the window") << 7 << Verdict::NotYetValid << u"not_yet_valid"_s;
        QTest::newRow("another ticket id, resigned by a stranger's key")
            << 8 << Verdict::UnknownKey << u"bad_signature"_s;
        QTest::newRow("not a payload") << 9 << Verdict::Malformed << u"unknown"_s;
    }
    void forgedPayloadsAreRefused()
    {
        QFETCH(int, forgery);
        QFETCH(Verdict, offline);
        QFETCH(QString, online);
        static qint64 event = 0;
        static QJsonObject genuine;
        if (event == 0) {
            event = m_server.createMeetup(m_organizer.token);
            const Account guest = m_server.signUp(u"Fritz"_s);
            QCOMPARE(m_server.decide(event, m_server.requestJoin(event, guest.token), "APPROVED",
                         m_organizer.token),
                200);
            genuine = validTicket(guest.token, event);
        }
        QVERIFY(!genuine.isEmpty());
        const QString qr = genuine.value("qr"_L1).toString();
        const auto parsed = Tickets::parse(qr);
        QVERIFY(parsed);
        QDateTime at = time(genuine.value("event"_L1).toObject().value("startTime"_L1));
        qint64 scannedAt = event;
        QByteArray otherSecret(crypto_sign_SECRETKEYBYTES, '\0');
        QByteArray otherPublic(crypto_sign_PUBLICKEYBYTES, '\0');
        crypto_sign_keypair(reinterpret_cast<unsigned char *>(otherPublic.data()),
            reinterpret_cast<unsigned char *>(otherSecret.data()));
        QString payload = qr;
        QStringList parts = qr.split(u'.');
        switch (forgery) {
        case 1: {
            QByteArray body = parsed->body;
            body[17] = char(body.at(17) ^ 0x04); // the user id
            parts[2] = b64(body);
            payload = parts.join(u'.');
            break;
        }
        case 2: {
            QByteArray sig = parsed->signature;
            sig[5] = char(sig.at(5) ^ 0x01);
            parts[3] = b64(sig);
            payload = parts.join(u'.');
            break;
        }
        case 3:
            scannedAt = event + 1;
            break;
        case 4:
            payload = Tickets::sign(parsed->claims, parsed->kid, otherSecret);
            break;
        case 5:
            payload = Tickets::sign(parsed->claims, u"forger1"_s, otherSecret);
            break;
        case 6:
            at = parsed->claims.validUntil.addSecs(1);
            break;
        case 7:
            at = parsed->claims.validFrom.addSecs(-1);
            break;
        case 8: {
            Tickets::TicketClaims c = parsed->claims;
            c.ticketId += 1;
            payload = Tickets::sign(c, u"forger2"_s, otherSecret);
            break;
        }
        case 9:
            payload = genuine.value("number"_L1).toString();
            break;
        default:
            break;
        }
        QCOMPARE(Tickets::verify(payload, publicKeys(), scannedAt, at), offline);

        const auto config = Server::DbConfig::fromUrl(m_server.databaseUrl());
        QVERIFY(config);
        Server::DbSession session(*config, u"tst_tickets_forged"_s);
        QVERIFY(session.ensureOpen());
        const auto check = Server::checkPayload(session, payload, scannedAt, at);
        QVERIFY(check);
        QCOMPARE(check.value().reason(), online);
        if (forgery == 0) {
            QCOMPARE(check.value().ticketId, genuine.value("id"_L1).toInteger());
            QCOMPARE(check.value().number, genuine.value("number"_L1).toString());
        }
    }

    void keyRotationAndRetirement()
    {
        const qint64 event = m_server.createMeetup(m_organizer.token);
        const Account guest = m_server.signUp(u"Greta"_s);
        QCOMPARE(m_server.decide(event, m_server.requestJoin(event, guest.token), "APPROVED",
                     m_organizer.token),
            200);
        const QJsonObject t = validTicket(guest.token, event);
        const qint64 id = t.value("id"_L1).toInteger();
        const QString oldQr = t.value("qr"_L1).toString();
        const QString oldKid = kidOf(oldQr);
        const QDateTime at = time(t.value("event"_L1).toObject().value("startTime"_L1));
        const QString dataDir = m_server->dataDir();
        // The private key is a file of the instance, owner-only, never in the database.
        const QString keyFile = dataDir % u"/ticket-keys/"_s % oldKid % u".key"_s;
        QCOMPARE(modeOf(keyFile), 0600);
        QCOMPARE(modeOf(dataDir % u"/ticket-keys"_s), 0700);

        // Rotate while the server runs: the next ticket it serves is signed with the new key.
        QString out;
        QCOMPARE(ticketKeys({ u"rotate"_s }, dataDir, &out), 0);
        const QString newKid = out.section(u"new active key "_s, 1).section(u' ', 0, 0).trimmed();
        QVERIFY2(!newKid.isEmpty() && newKid != oldKid, qPrintable(out));
        const QString newQr = ticket(id, guest.token).json().value("qr"_L1).toString();
        QCOMPARE(kidOf(newQr), newKid);
        QVERIFY(newQr != oldQr);
        // Both verify while the old key is not retired (printed tickets keep working).
        QCOMPARE(Tickets::verify(oldQr, publicKeys(), event, at), Verdict::Valid);
        QCOMPARE(Tickets::verify(newQr, publicKeys(), event, at), Verdict::Valid);
        QCOMPARE(ticketKeys({ u"list"_s }, dataDir, &out), 0);
        QVERIFY2(out.contains(oldKid), qPrintable(out));
        QVERIFY2(QRegularExpression(
                     u"^"_s % newKid % u" .* active$"_s, QRegularExpression::MultilineOption)
                     .match(out)
                     .hasMatch(),
            qPrintable(out));

        // Retired: out of the keys a door device trusts, so the old printout is refused.
        QCOMPARE(ticketKeys({ u"retire"_s, oldKid }, dataDir, &out), 0);
        QVERIFY(!publicKeys().contains(oldKid));
        QCOMPARE(Tickets::verify(oldQr, publicKeys(), event, at), Verdict::UnknownKey);
        QCOMPARE(Tickets::verify(newQr, publicKeys(), event, at), Verdict::Valid);
        QVERIFY(ticketKeys({ u"retire"_s, oldKid }, dataDir, &out) != 0); // twice: refused

        // Retiring the active key: the server never signs with it again; it makes a new one.
        QCOMPARE(ticketKeys({ u"retire"_s, newKid }, dataDir, &out), 0);
        const QString thirdQr = ticket(id, guest.token).json().value("qr"_L1).toString();
        const QString thirdKid = kidOf(thirdQr);
        QVERIFY(thirdKid != oldKid && thirdKid != newKid);
        QCOMPARE(Tickets::verify(thirdQr, publicKeys(), event, at), Verdict::Valid);
        QCOMPARE(
            sqlValue(u"SELECT retired_at IS NULL FROM ticket_keys WHERE kid = ?"_s, { thirdKid })
                .toBool(),
            true);
    }

    void everyInstanceSignsWithItsOwnKey()
    {
        const qint64 event = m_server.createMeetup(m_organizer.token);
        const Account guest = m_server.signUp(u"Hanna"_s);
        QCOMPARE(m_server.decide(event, m_server.requestJoin(event, guest.token), "APPROVED",
                     m_organizer.token),
            200);
        const QJsonObject t = validTicket(guest.token, event);
        // A second instance on the same database, with a data directory of its own.
        TestServer second(m_server.databaseUrl());
        QVERIFY2(second.start(), qPrintable(second.log()));
        const auto fromSecond
            = second.get(u"/api/tickets/%1"_s.arg(t.value("id"_L1).toInteger()), guest.token);
        QCOMPARE(fromSecond.status, 200);
        const QString qr = fromSecond.json().value("qr"_L1).toString();
        QVERIFY(kidOf(qr) != kidOf(t.value("qr"_L1).toString()));
        // Both keys are registered: a bundle from either instance verifies both payloads.
        const auto keys = publicKeys();
        const QDateTime at = time(t.value("event"_L1).toObject().value("startTime"_L1));
        const qint64 id = t.value("id"_L1).toInteger();
        QCOMPARE(Tickets::verify(qr, keys, event, at), Verdict::Valid);
        QCOMPARE(Tickets::verify(t.value("qr"_L1).toString(), keys, event, at), Verdict::Valid);
        QCOMPARE(Tickets::parse(qr)->claims.ticketId, id);
        second.stop();
    }
};

QTEST_GUILESS_MAIN(TstTickets)
#include "tst_tickets.moc"
