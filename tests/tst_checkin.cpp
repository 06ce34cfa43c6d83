// SPDX-License-Identifier: GPL-3.0-or-later
// Check-in at the door against the real server and PostgreSQL: the bundle, batches of scans
// (idempotent retries, two devices that scanned offline, forged and revoked tickets), undo,
// door tokens over REST and the WebSocket, and the live checkin_update frames.
#include "contractrecorder.h"
#include "serverfixture.h"
#include "shared/event.h"
#include "shared/ticket.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <sodium.h>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Test;

namespace {
struct Ticket
{
    qint64 id = 0;
    qint64 eventId = 0;
    qint64 userId = 0;
    QString number;
    QByteArray seed;
};

QString nonce()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

QJsonObject scan(const QString &nonce, const QDateTime &at, const QString &key, const QJsonValue &v)
{
    return { { u"nonce"_s, nonce }, { u"scannedAt"_s, toIsoString(at) }, { key, v } };
}

QJsonArray resultsOf(const HttpResult &r)
{
    return r.json().value("results"_L1).toArray();
}

QJsonObject guestOf(const QJsonObject &bundle, qint64 ticketId)
{
    for (const auto &g : bundle.value("guests"_L1).toArray()) {
        if (g.toObject().value("ticketId"_L1).toInteger() == ticketId)
            return g.toObject();
    }
    return {};
}
} // namespace

class TstCheckin : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QNetworkAccessManager m_nam;
    Account m_organizer;
    Account m_stranger;
    qint64 m_event = 0; ///< the meetup at the door
    qint64 m_other = 0; ///< another meetup of the same organizer
    QDateTime m_start;
    QDateTime m_end;
    QHash<QString, Ticket> m_tickets; ///< by guest name
    QHash<QString, QByteArray> m_guestTokens;
    QByteArray m_secretKey;
    const QString m_kid = u"test-k1"_s;

    /// A request with "Authorization: <scheme> <token>" (the test server only sends Bearer),
    /// recorded for the contract check like every other.
    HttpResult call(QByteArrayView method, const QString &path, const QJsonObject &body,
        const QByteArray &scheme, const QByteArray &token)
    {
        QNetworkRequest request(m_server->url(path));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        const QByteArray bytes
            = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        if (!bytes.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Authorization", scheme + ' ' + token);
        Contract::recordSecret("token", token);
        HttpResult result = sendAndWait(m_nam, request, method, bytes);
        QList<QByteArray> names;
        for (const auto &header : std::as_const(result.headers))
            names.append(header.first);
        Contract::recordHttp(method, m_server->url(path),
            bytes.isEmpty() ? QByteArrayView() : QByteArrayView("application/json"), result.status,
            result.header("content-type"), result.body, names, bytes);
        return result;
    }
    HttpResult door(QByteArrayView method, const QString &path, const QByteArray &token,
        const QJsonObject &body = {})
    {
        return call(method, path, body, "Door", token);
    }
    HttpResult post(const QString &path, const QJsonObject &body, const QByteArray &token)
    {
        return m_server->postJson(path, body, token);
    }
    QString bundlePath(qint64 eventId) const
    {
        return u"/api/events/%1/checkin-bundle"_s.arg(eventId);
    }
    QString checkinsPath(qint64 eventId) const { return u"/api/events/%1/checkins"_s.arg(eventId); }
    HttpResult upload(qint64 eventId, const QJsonArray &scans, const QByteArray &token,
        const QString &device = u"door-1"_s)
    {
        return post(
            checkinsPath(eventId), { { u"deviceId"_s, device }, { u"scans"_s, scans } }, token);
    }

    Ticket loadTicket(qint64 eventId, qint64 userId)
    {
        QSqlQuery q(m_server.sql(u"checkin-tickets"_s));
        q.prepare(u"SELECT id, number, seed FROM tickets WHERE event_id = ? AND user_id = ? "
                  "AND revoked_at IS NULL"_s);
        q.addBindValue(eventId);
        q.addBindValue(userId);
        if (!q.exec() || !q.next()) {
            qWarning() << "no ticket" << q.lastError().text();
            return {};
        }
        return { q.value(0).toLongLong(), eventId, userId, q.value(1).toString(),
            q.value(2).toByteArray() };
    }
    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(m_server.sql(u"checkin-scalar"_s));
        q.prepare(sql);
        for (const auto &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next()) {
            qWarning() << sql << q.lastError().text();
            return -1;
        }
        return q.value(0).toLongLong();
    }
    /// The ticket's QR payload as the server would sign it, with our test key (or any other
    /// window, event or key, for the forgeries).
    QString qrFor(const Ticket &t, std::optional<qint64> eventId = {},
        const std::optional<QDateTime> &until = {}, const QString &kid = {})
    {
        Tickets::TicketClaims claims;
        claims.ticketId = t.id;
        claims.eventId = eventId.value_or(t.eventId);
        claims.userId = t.userId;
        claims.validFrom = m_start.addSecs(-12 * 3600);
        claims.validUntil = until.value_or(m_end.addSecs(12 * 3600));
        claims.seed = t.seed;
        return Tickets::sign(claims, kid.isEmpty() ? m_kid : kid, m_secretKey);
    }
    QDateTime atTheDoor(int minutes = 0) const { return m_start.addSecs(600 + minutes * 60); }
    qint64 checkinRows(qint64 ticketId)
    {
        return scalar(u"SELECT count(*) FROM checkins WHERE ticket_id = ?"_s, { ticketId });
    }
    Ticket guest(qint64 eventId, const QString &name)
    {
        const Account a = m_server.approvedGuest(eventId, m_organizer.token, name);
        if (!a.isValid())
            return {};
        m_guestTokens.insert(name, a.token);
        return loadTicket(eventId, a.id);
    }
    QByteArray newDoorToken(qint64 eventId, const QString &label = u"Front door"_s)
    {
        const auto r = post(u"/api/events/%1/door-tokens"_s.arg(eventId),
            { { u"label"_s, label }, { u"validHours"_s, 4 } }, m_organizer.token);
        if (r.status != 201)
            qWarning() << "door token" << r.status << r.body;
        return r.json().value("token"_L1).toString().toLatin1();
    }

private Q_SLOTS:
    void initTestCase();
    void bundle();
    void bundleAccess_data();
    void bundleAccess();
    void entryAndRetry();
    void twoDevicesOffline_data();
    void twoDevicesOffline();
    void refused_data();
    void refused();
    void invalidBatch_data();
    void invalidBatch();
    void undo();
    void servedQr();
    void doorToken();
    void doorTokenValidation_data();
    void doorTokenValidation();
    void expiredDoorToken();
    void liveUpdates();
    void batchOf500();
};

void TstCheckin::initTestCase()
{
    QVERIFY2(m_server.start(u"checkin"_s), qPrintable(m_server.errorString()));
    m_organizer = m_server.signUp(u"Olga Organizer"_s);
    m_stranger = m_server.signUp(u"Stan Stranger"_s);
    QVERIFY(m_organizer.isValid() && m_stranger.isValid());
    m_event = m_server.createMeetup(m_organizer.token, 50);
    m_other = m_server.createMeetup(m_organizer.token, 5);
    QVERIFY(m_event > 0 && m_other > 0);
    m_start = QDateTime::fromSecsSinceEpoch(
        scalar(u"SELECT extract(epoch FROM start_time)::bigint FROM events WHERE id = ?"_s,
            { m_event }),
        Qt::UTC);
    m_end = QDateTime::fromSecsSinceEpoch(
        scalar(
            u"SELECT extract(epoch FROM end_time)::bigint FROM events WHERE id = ?"_s, { m_event }),
        Qt::UTC);
    for (const auto &name : { u"Anna"_s, u"Ben"_s, u"Cleo"_s, u"Dora"_s, u"Ede"_s, u"Fritz"_s }) {
        m_tickets.insert(name, guest(m_event, name));
        QVERIFY2(m_tickets.value(name).id > 0, qPrintable(name));
    }
    m_tickets.insert(u"Emil"_s, guest(m_other, u"Emil"_s));
    QVERIFY(m_tickets.value(u"Emil"_s).id > 0);

    // A signing key of our own: its public half in ticket_keys, as an instance's would be.
    QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    m_secretKey = QByteArray(crypto_sign_SECRETKEYBYTES, Qt::Uninitialized);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(publicKey.data()),
        reinterpret_cast<unsigned char *>(m_secretKey.data()));
    QSqlQuery q(m_server.sql(u"checkin-keys"_s));
    q.prepare(u"INSERT INTO ticket_keys(kid, public_key) VALUES (?, ?)"_s);
    q.addBindValue(m_kid);
    q.addBindValue(publicKey);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    QVERIFY(!qrFor(m_tickets.value(u"Anna"_s)).isEmpty());
}

void TstCheckin::bundle()
{
    const auto r = m_server->get(bundlePath(m_event), m_organizer.token);
    QCOMPARE(r.status, 200);
    const QJsonObject b = r.json();
    QCOMPARE(b.value("eventId"_L1).toInteger(), m_event);
    QVERIFY(b.value("version"_L1).toInteger() > 0);
    const QJsonObject event = b.value("event"_L1).toObject();
    QCOMPARE(event.value("id"_L1).toInteger(), m_event);
    QCOMPARE(event.value("startTime"_L1).toString(), toIsoString(m_start));
    QCOMPARE(event.value("limit"_L1).toInt(), 50);
    QCOMPARE(event.value("cancelled"_L1).toBool(), false);
    // Our key is among the active ones, as base64url of its 32 bytes.
    bool found = false;
    for (const auto &k : b.value("keys"_L1).toArray()) {
        if (k.toObject().value("kid"_L1).toString() != m_kid)
            continue;
        found = true;
        const QByteArray key
            = QByteArray::fromBase64(k.toObject().value("publicKey"_L1).toString().toLatin1(),
                QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QCOMPARE(key, m_secretKey.right(crypto_sign_PUBLICKEYBYTES));
    }
    QVERIFY(found);
    QCOMPARE(b.value("guests"_L1).toArray().size(), 6);
    const QJsonObject anna = guestOf(b, m_tickets.value(u"Anna"_s).id);
    QCOMPARE(anna.value("name"_L1).toString(), u"Anna"_s);
    QCOMPARE(anna.value("number"_L1).toString(), m_tickets.value(u"Anna"_s).number);
    QCOMPARE(anna.value("userId"_L1).toInteger(), m_tickets.value(u"Anna"_s).userId);
    QCOMPARE(anna.value("puddingName"_L1).toString(), u"Schokoladenpudding"_s);
    QVERIFY(anna.value("photoId"_L1).toInteger() > 0);
    QVERIFY(anna.value("checkedInAt"_L1).isNull());
    QCOMPARE(anna.value("doubleEntries"_L1).toInt(), 0);
    QVERIFY(guestOf(b, m_tickets.value(u"Emil"_s).id).isEmpty()); // another meetup's guest
    QCOMPARE(b.value("revoked"_L1).toArray().size(), 0);
    QCOMPARE(b.value("counter"_L1).toObject(),
        (QJsonObject { { u"checkedIn"_s, 0 }, { u"expected"_s, 6 } }));
}

void TstCheckin::bundleAccess_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("status");
    QTest::newRow("a guest") << u"guest"_s << 403;
    QTest::newRow("a stranger") << u"stranger"_s << 403;
    QTest::newRow("signed out") << u"nobody"_s << 401;
    QTest::newRow("no such meetup") << u"organizer, unknown meetup"_s << 404;
}

void TstCheckin::bundleAccess()
{
    QFETCH(QString, who);
    QFETCH(int, status);
    const QByteArray token = who == "guest"_L1 ? m_guestTokens.value(u"Anna"_s)
        : who == "stranger"_L1                 ? m_stranger.token
        : who == "nobody"_L1                   ? QByteArray()
                                               : m_organizer.token;
    const qint64 event = who.contains("unknown"_L1) ? 999999 : m_event;
    QCOMPARE(m_server->get(bundlePath(event), token).status, status);
    QCOMPARE(upload(event, { scan(nonce(), atTheDoor(), u"ticketId"_s, 1) }, token).status, status);
}

void TstCheckin::entryAndRetry()
{
    const Ticket anna = m_tickets.value(u"Anna"_s);
    const QString n = nonce();
    const QJsonArray scans { scan(n, atTheDoor(), u"qr"_s, qrFor(anna)) };
    const auto first = upload(m_event, scans, m_organizer.token);
    QCOMPARE(first.status, 200);
    const QJsonObject result = resultsOf(first).at(0).toObject();
    QCOMPARE(result.value("nonce"_L1).toString(), n);
    QCOMPARE(result.value("result"_L1).toString(), u"ENTRY"_s);
    QVERIFY(result.value("reason"_L1).isNull());
    QCOMPARE(result.value("ticketId"_L1).toInteger(), anna.id);
    QVERIFY(result.value("checkinId"_L1).toInteger() > 0);
    QCOMPARE(result.value("firstEntryAt"_L1).toString(), toIsoString(atTheDoor()));
    QCOMPARE(first.json().value("counter"_L1).toObject().value("checkedIn"_L1).toInt(), 1);
    const qint64 version = first.json().value("version"_L1).toInteger();

    // The answer got lost; the device sends the same batch again: the same answer, no new row.
    const auto retry = upload(m_event, scans, m_organizer.token);
    QCOMPARE(retry.status, 200);
    QCOMPARE(resultsOf(retry).at(0).toObject(), result);
    QCOMPARE(checkinRows(anna.id), 1);
    QCOMPARE(retry.json().value("version"_L1).toInteger(), version);
    // The same nonce twice in one batch is one scan.
    const QString twice = nonce();
    const auto doubled = upload(m_event,
        { scan(twice, atTheDoor(30), u"number"_s, anna.number),
            scan(twice, atTheDoor(30), u"number"_s, anna.number) },
        m_organizer.token);
    QCOMPARE(doubled.status, 200);
    QCOMPARE(resultsOf(doubled).at(0).toObject().value("result"_L1).toString(), u"DOUBLE_ENTRY"_s);
    QCOMPARE(resultsOf(doubled).at(1).toObject(), resultsOf(doubled).at(0).toObject());
    QCOMPARE(checkinRows(anna.id), 2);
    QCOMPARE(doubled.json().value("counter"_L1).toObject().value("checkedIn"_L1).toInt(), 1);
    QVERIFY(doubled.json().value("version"_L1).toInteger() > version);
}

void TstCheckin::twoDevicesOffline_data()
{
    QTest::addColumn<QString>("guest");
    QTest::addColumn<bool>("earlierUploadsFirst");
    QTest::newRow("the earlier scan uploads first") << u"Ben"_s << true;
    QTest::newRow("the later scan uploads first") << u"Cleo"_s << false;
}

void TstCheckin::twoDevicesOffline()
{
    QFETCH(QString, guest);
    QFETCH(bool, earlierUploadsFirst);
    const Ticket t = m_tickets.value(guest);
    const auto before = m_server->get(bundlePath(m_event), m_organizer.token).json();
    const int checkedIn = before.value("counter"_L1).toObject().value("checkedIn"_L1).toInt();
    const QByteArray doorToken = newDoorToken(m_event, u"Side door"_s);
    QVERIFY(!doorToken.isEmpty());
    // Both devices were offline: the organizer's at the front (18:05), a helper's at the side
    // door with a door token (18:09). Each verified the QR offline and queued the scan.
    const QString early = nonce();
    const QString late = nonce();
    const QJsonObject earlyBatch { { u"deviceId"_s, u"front"_s },
        { u"scans"_s, QJsonArray { scan(early, atTheDoor(5), u"qr"_s, qrFor(t)) } } };
    const QJsonObject lateBatch { { u"deviceId"_s, u"side"_s },
        { u"scans"_s, QJsonArray { scan(late, atTheDoor(9), u"qr"_s, qrFor(t)) } } };
    auto sendEarly = [&] { return post(checkinsPath(m_event), earlyBatch, m_organizer.token); };
    auto sendLate = [&] { return door("POST", checkinsPath(m_event), doorToken, lateBatch); };
    const HttpResult first = earlierUploadsFirst ? sendEarly() : sendLate();
    const HttpResult second = earlierUploadsFirst ? sendLate() : sendEarly();
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    QCOMPARE(resultsOf(first).at(0).toObject().value("result"_L1).toString(), u"ENTRY"_s);
    // The second upload: the earlier scan is the entry whenever it arrives.
    QCOMPARE(resultsOf(second).at(0).toObject().value("result"_L1).toString(),
        earlierUploadsFirst ? u"DOUBLE_ENTRY"_s : u"ENTRY"_s);
    QCOMPARE(resultsOf(second).at(0).toObject().value("firstEntryAt"_L1).toString(),
        toIsoString(atTheDoor(5)));
    // Counted once, both facts stored.
    QCOMPARE(
        second.json().value("counter"_L1).toObject().value("checkedIn"_L1).toInt(), checkedIn + 1);
    QCOMPARE(checkinRows(t.id), 2);

    // Both devices sync again (retries): one entry, one double entry, on both.
    const auto front = post(checkinsPath(m_event), earlyBatch, m_organizer.token);
    const auto side = door("POST", checkinsPath(m_event), doorToken, lateBatch);
    QCOMPARE(resultsOf(front).at(0).toObject().value("result"_L1).toString(), u"ENTRY"_s);
    QCOMPARE(resultsOf(side).at(0).toObject().value("result"_L1).toString(), u"DOUBLE_ENTRY"_s);
    QCOMPARE(checkinRows(t.id), 2);
    const auto organizerView = m_server->get(bundlePath(m_event), m_organizer.token).json();
    const auto doorView = door("GET", bundlePath(m_event), doorToken).json();
    const QJsonObject row = guestOf(organizerView, t.id);
    QCOMPARE(row.value("checkedInAt"_L1).toString(), toIsoString(atTheDoor(5)));
    QCOMPARE(row.value("doubleEntries"_L1).toInt(), 1);
    QCOMPARE(guestOf(doorView, t.id), row);
    QCOMPARE(doorView.value("counter"_L1), organizerView.value("counter"_L1));
    QCOMPARE(doorView.value("version"_L1), organizerView.value("version"_L1));
    QCOMPARE(
        organizerView.value("counter"_L1).toObject().value("checkedIn"_L1).toInt(), checkedIn + 1);
}

void TstCheckin::refused_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("named"); ///< the result names the ticket

    const Ticket dora = m_tickets.value(u"Dora"_s);
    const QString good = qrFor(dora);
    // A changed byte in the signed body (the ticket id's last byte: another ticket).
    Tickets::SignedTicket parsed = *Tickets::parse(good);
    QByteArray body = parsed.body;
    body[7] = char(body[7] ^ 0x01);
    const QString b64 = QString::fromLatin1(
        body.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QStringList parts = good.split(u'.');
    parts[2] = b64;
    QTest::newRow("changed byte") << u"qr"_s << parts.join(u'.') << atTheDoor()
                                  << u"bad_signature"_s << false;
    QTest::newRow("unknown key") << u"qr"_s << qrFor(dora, {}, {}, u"no-such-key"_s) << atTheDoor()
                                 << u"bad_signature"_s << false;
    QTest::newRow("not a ticket") << u"qr"_s << u"https://example.org/"_s << atTheDoor()
                                  << u"unknown"_s << false;
    QTest::newRow("other meetup's ticket")
        << u"qr"_s << qrFor(m_tickets.value(u"Emil"_s)) << atTheDoor() << u"other_event"_s << false;
    QTest::newRow("expired window") << u"qr"_s << qrFor(dora, {}, m_start.addSecs(-3600))
                                    << atTheDoor() << u"expired"_s << false;
    QTest::newRow("scanned after the window")
        << u"qr"_s << good << m_end.addSecs(13 * 3600) << u"expired"_s << false;
    QTest::newRow("scanned before the window")
        << u"qr"_s << good << m_start.addSecs(-13 * 3600) << u"not_yet_valid"_s << false;
    QTest::newRow("typed number of another meetup")
        << u"number"_s << m_tickets.value(u"Emil"_s).number << atTheDoor() << u"other_event"_s
        << false;
    QTest::newRow("typed number nobody has")
        << u"number"_s << u"zzzz-zzzz"_s << atTheDoor() << u"unknown"_s << false;
    QTest::newRow("ticket id too late") << u"ticketId"_s << QString::number(dora.id)
                                        << m_end.addSecs(13 * 3600) << u"expired"_s << true;
}

void TstCheckin::refused()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QDateTime, at);
    QFETCH(QString, reason);
    QFETCH(bool, named);
    const qint64 rows = scalar(u"SELECT count(*) FROM checkins"_s);
    const QJsonValue v = key == "ticketId"_L1 ? QJsonValue(value.toLongLong()) : QJsonValue(value);
    const auto r = upload(m_event, { scan(nonce(), at, key, v) }, m_organizer.token);
    QCOMPARE(r.status, 200);
    const QJsonObject result = resultsOf(r).at(0).toObject();
    QCOMPARE(result.value("result"_L1).toString(), u"REFUSED"_s);
    QCOMPARE(result.value("reason"_L1).toString(), reason);
    QVERIFY(result.value("checkinId"_L1).isNull());
    QCOMPARE(result.value("ticketId"_L1).isNull(), !named);
    QCOMPARE(scalar(u"SELECT count(*) FROM checkins"_s), rows); // nothing stored
}

void TstCheckin::invalidBatch_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const QJsonObject ok = scan(nonce(), atTheDoor(), u"ticketId"_s, 1);
    auto with = [](QJsonObject o, const QString &key, const QJsonValue &v) {
        if (v.isUndefined())
            o.remove(key);
        else
            o.insert(key, v);
        return o;
    };
    auto batch = [](const QJsonArray &scans) {
        return QJsonObject { { u"deviceId"_s, u"door-1"_s }, { u"scans"_s, scans } };
    };
    QTest::newRow("no device") << QJsonObject { { u"scans"_s, QJsonArray { ok } } }
                               << u"deviceId"_s;
    QTest::newRow("no scans") << batch({}) << u"scans"_s;
    QJsonArray many;
    for (int i = 0; i < 501; ++i)
        many.append(scan(nonce(), atTheDoor(), u"ticketId"_s, 1));
    QTest::newRow("501 scans") << batch(many) << u"scans"_s;
    QTest::newRow("short nonce") << batch({ with(ok, u"nonce"_s, u"abc"_s) })
                                 << u"scans[0].nonce"_s;
    QTest::newRow("local time") << batch({ with(ok, u"scannedAt"_s, u"2026-12-24T18:00:00"_s) })
                                << u"scans[0].scannedAt"_s;
    QTest::newRow("two ways") << batch({ with(ok, u"number"_s, u"ABCD2345"_s) }) << u"scans[0]"_s;
    QTest::newRow("no way") << batch({ with(ok, u"ticketId"_s, QJsonValue::Undefined) })
                            << u"scans[0]"_s;
}

void TstCheckin::invalidBatch()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const qint64 rows = scalar(u"SELECT count(*) FROM checkins"_s);
    const auto r = post(checkinsPath(m_event), body, m_organizer.token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"validation_failed"_s);
    QCOMPARE(r.json().value("error"_L1).toObject().value("field"_L1).toString(), field);
    QCOMPARE(scalar(u"SELECT count(*) FROM checkins"_s),
        rows); // nothing stored, not even the valid scans
}

void TstCheckin::undo()
{
    const Ticket ede = m_tickets.value(u"Ede"_s);
    const auto in
        = upload(m_event, { scan(nonce(), atTheDoor(), u"ticketId"_s, ede.id) }, m_organizer.token);
    QCOMPARE(resultsOf(in).at(0).toObject().value("result"_L1).toString(), u"ENTRY"_s);
    const int checkedIn = in.json().value("counter"_L1).toObject().value("checkedIn"_L1).toInt();
    const auto undone = m_server->request("DELETE",
        u"/api/events/%1/tickets/%2/checkin"_s.arg(m_event).arg(ede.id), {}, m_organizer.token);
    QCOMPARE(undone.status, 200);
    QCOMPARE(
        undone.json().value("counter"_L1).toObject().value("checkedIn"_L1).toInt(), checkedIn - 1);
    QVERIFY(
        undone.json().value("version"_L1).toInteger() > in.json().value("version"_L1).toInteger());
    const auto b = m_server->get(bundlePath(m_event), m_organizer.token).json();
    QVERIFY(guestOf(b, ede.id).value("checkedInAt"_L1).isNull());
    QCOMPARE(scalar(u"SELECT count(*) FROM checkins WHERE ticket_id = ? AND undone_at IS NOT "
                    "NULL"_s,
                 { ede.id }),
        1);
    // A new scan after the undo is the entry again.
    const auto again = upload(
        m_event, { scan(nonce(), atTheDoor(20), u"ticketId"_s, ede.id) }, m_organizer.token);
    QCOMPARE(resultsOf(again).at(0).toObject().value("result"_L1).toString(), u"ENTRY"_s);
    QCOMPARE(again.json().value("counter"_L1).toObject().value("checkedIn"_L1).toInt(), checkedIn);
    // Not a ticket of this meetup; not the organizer.
    QCOMPARE(m_server
                 ->request("DELETE",
                     u"/api/events/%1/tickets/%2/checkin"_s.arg(m_event).arg(
                         m_tickets.value(u"Emil"_s).id),
                     {}, m_organizer.token)
                 .status,
        404);
    QCOMPARE(
        m_server
            ->request("DELETE", u"/api/events/%1/tickets/%2/checkin"_s.arg(m_event).arg(ede.id), {},
                m_stranger.token)
            .status,
        403);
}

void TstCheckin::servedQr()
{
    // The QR code the server hands the guest (signed with this instance's own key, which it
    // registered in ticket_keys) lets the guest in.
    const Ticket hans = guest(m_event, u"Hans"_s);
    QVERIFY(hans.id > 0);
    const auto served
        = m_server->get(u"/api/tickets/%1"_s.arg(hans.id), m_guestTokens.value(u"Hans"_s));
    QCOMPARE(served.status, 200);
    const QString qr = served.json().value("qr"_L1).toString();
    QVERIFY2(qr.startsWith("PG1."_L1), served.body.constData());
    const auto r = upload(m_event, { scan(nonce(), atTheDoor(), u"qr"_s, qr) }, m_organizer.token);
    QCOMPARE(r.status, 200);
    QCOMPARE(resultsOf(r).at(0).toObject().value("result"_L1).toString(), u"ENTRY"_s);
    QCOMPARE(resultsOf(r).at(0).toObject().value("ticketId"_L1).toInteger(), hans.id);
}

void TstCheckin::doorToken()
{
    const auto created = post(u"/api/events/%1/door-tokens"_s.arg(m_event),
        { { u"label"_s, u"  Helga at the door "_s } }, m_organizer.token);
    QCOMPARE(created.status, 201);
    const QByteArray token = created.json().value("token"_L1).toString().toLatin1();
    const qint64 tokenId = created.json().value("id"_L1).toInteger();
    QCOMPARE(created.json().value("label"_L1).toString(), u"Helga at the door"_s);
    const auto createdAt = parseIsoDateTime(created.json().value("createdAt"_L1).toString());
    const auto expiresAt = parseIsoDateTime(created.json().value("expiresAt"_L1).toString());
    QVERIFY(createdAt && expiresAt);
    QCOMPARE(createdAt->secsTo(*expiresAt), 12 * 3600); // the default
    // Only its hash is stored.
    QCOMPARE(scalar(u"SELECT count(*) FROM door_tokens WHERE token_hash = sha256(?::bytea)"_s,
                 { token }),
        1);

    // Listed for the organizer only, without the token.
    const auto list
        = m_server->get(u"/api/events/%1/door-tokens"_s.arg(m_event), m_organizer.token);
    QCOMPARE(list.status, 200);
    bool listed = false;
    for (const auto &v : list.json().value("doorTokens"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        QVERIFY(!o.contains("token"_L1));
        if (o.value("id"_L1).toInteger() == tokenId) {
            listed = true;
            QVERIFY(o.value("revokedAt"_L1).isNull());
        }
    }
    QVERIFY(listed);
    QCOMPARE(
        m_server->get(u"/api/events/%1/door-tokens"_s.arg(m_event), m_stranger.token).status, 403);

    // What it may do: its meetup's bundle, check-ins, undo and its guests' photos.
    const auto b = door("GET", bundlePath(m_event), token);
    QCOMPARE(b.status, 200);
    const Ticket fritz = m_tickets.value(u"Fritz"_s);
    const auto in = door("POST", checkinsPath(m_event), token,
        { { u"deviceId"_s, u"helga"_s },
            { u"scans"_s, QJsonArray { scan(nonce(), atTheDoor(), u"qr"_s, qrFor(fritz)) } } });
    QCOMPARE(in.status, 200);
    QCOMPARE(resultsOf(in).at(0).toObject().value("result"_L1).toString(), u"ENTRY"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM checkins WHERE ticket_id = ? AND door_token_id = ? "
                    "AND user_id IS NULL AND device_id = 'helga'"_s,
                 { fritz.id, tokenId }),
        1);
    const qint64 photo = guestOf(b.json(), fritz.id).value("photoId"_L1).toInteger();
    const auto thumb = door("GET", u"/api/photos/%1?size=thumb"_s.arg(photo), token);
    QCOMPARE(thumb.status, 200);
    QCOMPARE(thumb.header("content-type"), "image/jpeg");
    const qint64 emilPhoto
        = scalar(u"SELECT photo_id FROM attendances WHERE event_id = ? AND user_id = ?"_s,
            { m_other, m_tickets.value(u"Emil"_s).userId });
    QCOMPARE(door("GET", u"/api/photos/%1"_s.arg(emilPhoto), token).status, 403);
    QCOMPARE(
        door("DELETE", u"/api/events/%1/tickets/%2/checkin"_s.arg(m_event).arg(fritz.id), token)
            .status,
        200);

    // What it may not: another meetup's door, anything else, handing out door access.
    QCOMPARE(door("GET", bundlePath(m_other), token).status, 403);
    QCOMPARE(door("POST", checkinsPath(m_other), token,
                 { { u"deviceId"_s, u"helga"_s },
                     { u"scans"_s,
                         QJsonArray { scan(nonce(), atTheDoor(), u"ticketId"_s,
                             m_tickets.value(u"Emil"_s).id) } } })
                 .status,
        403);
    QCOMPARE(door("GET", u"/api/auth/me"_s, token).status, 401);
    QCOMPARE(
        door("GET", u"/api/attendance/events/%1/attendances"_s.arg(m_event), token).status, 401);
    QCOMPARE(door("POST", u"/api/events/%1/door-tokens"_s.arg(m_event), token,
                 { { u"label"_s, u"mine"_s } })
                 .status,
        401);
    QCOMPARE(door("GET", bundlePath(m_event), "not-a-door-token").status, 401);

    // Its socket hears its meetup; revoking closes it with 4401 and every route says 401.
    WsClient ws;
    QVERIFY(ws.open(m_server->port()));
    ws.send({ { u"type"_s, u"auth"_s }, { u"doorToken"_s, QString::fromLatin1(token) } });
    const auto ready = ws.take(u"ready"_s);
    QVERIFY(ready);
    QCOMPARE(ready->value("door"_L1).toObject().value("eventId"_L1).toInteger(), m_event);
    ws.send({ { u"type"_s, u"join_event"_s }, { u"eventId"_s, m_event } });
    const auto refused = ws.take(u"error"_s);
    QVERIFY(refused);
    QCOMPARE(refused->value("code"_L1).toString(), u"forbidden"_s);
    QCOMPARE(m_server
                 ->request("DELETE", u"/api/events/%1/door-tokens/%2"_s.arg(m_event).arg(tokenId),
                     {}, m_stranger.token)
                 .status,
        403);
    const auto revoked = m_server->request("DELETE",
        u"/api/events/%1/door-tokens/%2"_s.arg(m_event).arg(tokenId), {}, m_organizer.token);
    QCOMPARE(revoked.status, 204);
    QVERIFY(ws.waitClosed());
    QCOMPARE(ws.closeCode(), 4401);
    QCOMPARE(door("GET", bundlePath(m_event), token).status, 401);
    QCOMPARE(door("GET", u"/api/photos/%1"_s.arg(photo), token).status, 401);
    QCOMPARE(m_server
                 ->request("DELETE", u"/api/events/%1/door-tokens/%2"_s.arg(m_event).arg(tokenId),
                     {}, m_organizer.token)
                 .status,
        204); // revoking twice is revoking
    WsClient late;
    QVERIFY(late.open(m_server->port()));
    late.send({ { u"type"_s, u"auth"_s }, { u"doorToken"_s, QString::fromLatin1(token) } });
    QVERIFY(late.waitClosed());
    QCOMPARE(late.closeCode(), 4401);
}

void TstCheckin::doorTokenValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("no label") << QJsonObject {} << u"label"_s;
    QTest::newRow("blank label") << QJsonObject { { u"label"_s, u"   "_s } } << u"label"_s;
    QTest::newRow("long label") << QJsonObject { { u"label"_s, QString(81, u'x') } } << u"label"_s;
    QTest::newRow("73 hours") << QJsonObject { { u"label"_s, u"x"_s }, { u"validHours"_s, 73 } }
                              << u"validHours"_s;
    QTest::newRow("0 hours") << QJsonObject { { u"label"_s, u"x"_s }, { u"validHours"_s, 0 } }
                             << u"validHours"_s;
    QTest::newRow("1.5 hours") << QJsonObject { { u"label"_s, u"x"_s }, { u"validHours"_s, 1.5 } }
                               << u"validHours"_s;
}

void TstCheckin::doorTokenValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const qint64 tokens = scalar(u"SELECT count(*) FROM door_tokens"_s);
    const auto r = post(u"/api/events/%1/door-tokens"_s.arg(m_event), body, m_organizer.token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value("error"_L1).toObject().value("field"_L1).toString(), field);
    QCOMPARE(post(u"/api/events/%1/door-tokens"_s.arg(m_event), { { u"label"_s, u"x"_s } },
                 m_stranger.token)
                 .status,
        403);
    QCOMPARE(scalar(u"SELECT count(*) FROM door_tokens"_s), tokens); // neither made one
}

void TstCheckin::expiredDoorToken()
{
    const QByteArray token = newDoorToken(m_event, u"Yesterday"_s);
    QCOMPARE(door("GET", bundlePath(m_event), token).status, 200);
    // Its hours are over (as if handed out yesterday): 401, on the socket too.
    QCOMPARE(scalar(u"WITH u AS (UPDATE door_tokens SET created_at = now() - interval '1 day', "
                    "expires_at = now() - interval '1 hour' WHERE token_hash = sha256(?::bytea) "
                    "RETURNING 1) SELECT count(*) FROM u"_s,
                 { token }),
        1);
    const auto r = door("GET", bundlePath(m_event), token);
    QCOMPARE(r.status, 401);
    QVERIFY(r.header("www-authenticate").startsWith("Door"));
    WsClient ws;
    QVERIFY(ws.open(m_server->port()));
    ws.send({ { u"type"_s, u"auth"_s }, { u"doorToken"_s, QString::fromLatin1(token) } });
    QVERIFY(ws.waitClosed());
    QCOMPARE(ws.closeCode(), 4401);
}

void TstCheckin::liveUpdates()
{
    const QByteArray token = newDoorToken(m_event);
    const QByteArray otherToken = newDoorToken(m_other);
    WsClient organizer;
    QVERIFY(organizer.connectAs(m_server->port(), m_organizer.token));
    WsClient helper;
    QVERIFY(helper.open(m_server->port()));
    helper.send({ { u"type"_s, u"auth"_s }, { u"doorToken"_s, QString::fromLatin1(token) } });
    QVERIFY(helper.take(u"ready"_s));
    WsClient elsewhere; // a door of another meetup hears nothing of this one
    QVERIFY(elsewhere.open(m_server->port()));
    elsewhere.send(
        { { u"type"_s, u"auth"_s }, { u"doorToken"_s, QString::fromLatin1(otherToken) } });
    QVERIFY(elsewhere.take(u"ready"_s));

    const Ticket anna = m_tickets.value(u"Anna"_s);
    const auto r = door("POST", checkinsPath(m_event), token,
        { { u"deviceId"_s, u"live"_s },
            { u"scans"_s, QJsonArray { scan(nonce(), atTheDoor(1), u"ticketId"_s, anna.id) } } });
    QCOMPARE(r.status, 200);
    const qint64 version = r.json().value("version"_L1).toInteger();
    auto ofThisBatch
        = [&](const QJsonObject &f) { return f.value("version"_L1).toInteger() == version; };
    for (WsClient *ws : { &organizer, &helper }) {
        const auto frame = ws->take(u"checkin_update"_s, ofThisBatch);
        QVERIFY(frame);
        QCOMPARE(frame->value("eventId"_L1).toInteger(), m_event);
        QCOMPARE(frame->value("counter"_L1), r.json().value("counter"_L1));
        const QJsonArray guests = frame->value("guests"_L1).toArray();
        QCOMPARE(guests.size(), 1);
        QCOMPARE(guests.at(0).toObject().value("ticketId"_L1).toInteger(), anna.id);
        QCOMPARE(guests.at(0).toObject().value("doubleEntries"_L1).toInt(), 2);
    }
    // An undo is heard too.
    const auto undone = m_server->request("DELETE",
        u"/api/events/%1/tickets/%2/checkin"_s.arg(m_event).arg(anna.id), {}, m_organizer.token);
    QCOMPARE(undone.status, 200);
    const auto frame = helper.take(u"checkin_update"_s, [&](const QJsonObject &f) {
        return f.value("version"_L1).toInteger() == undone.json().value("version"_L1).toInteger();
    });
    QVERIFY(frame);
    QVERIFY(frame->value("guests"_L1).toArray().at(0).toObject().value("checkedInAt"_L1).isNull());

    // Tickets issued and revoked elsewhere reach the door too: an approval, then leaving.
    const int expected = undone.json().value("counter"_L1).toObject().value("expected"_L1).toInt();
    const Ticket gina = guest(m_event, u"Gina"_s);
    QVERIFY(gina.id > 0);
    const auto issued = helper.take(u"checkin_update"_s, [&](const QJsonObject &f) {
        const QJsonArray g = f.value("guests"_L1).toArray();
        return g.size() == 1 && g.at(0).toObject().value("ticketId"_L1).toInteger() == gina.id;
    });
    QVERIFY(issued);
    QCOMPARE(issued->value("counter"_L1).toObject().value("expected"_L1).toInt(), expected + 1);
    QCOMPARE(issued->value("guests"_L1).toArray().at(0).toObject().value("name"_L1).toString(),
        u"Gina"_s);
    QVERIFY(organizer.take(u"checkin_update"_s, [&](const QJsonObject &f) {
        return f.value("version"_L1) == issued->value("version"_L1);
    }));
    QCOMPARE(m_server
                 ->request("DELETE", u"/api/attendance/events/%1/attendance"_s.arg(m_event), {},
                     m_guestTokens.value(u"Gina"_s))
                 .status,
        200);
    const auto left = helper.take(u"checkin_update"_s, [&](const QJsonObject &f) {
        const QJsonArray rows = f.value("revoked"_L1).toArray();
        return rows.size() == 1
            && rows.at(0).toObject().value("ticketId"_L1).toInteger() == gina.id;
    });
    QVERIFY(left);
    QCOMPARE(left->value("revoked"_L1).toArray().at(0).toObject().value("reason"_L1).toString(),
        u"LEFT"_s);
    QCOMPARE(left->value("counter"_L1).toObject().value("expected"_L1).toInt(), expected);
    QVERIFY(left->value("guests"_L1).toArray().isEmpty());
    QVERIFY(!elsewhere.sees(u"checkin_update"_s, {}, 300));
}

void TstCheckin::batchOf500()
{
    // A door device that was offline for the whole evening: 500 scans in one upload, of the
    // five guests of a meetup of their own, each scanned 100 times.
    const qint64 event = m_server.createMeetup(m_organizer.token, 10);
    QVERIFY(event > 0);
    QList<Ticket> guests;
    for (int i = 0; i < 5; ++i) {
        guests.append(guest(event, u"Guest %1"_s.arg(i)));
        QVERIFY(guests.last().id > 0);
    }
    QJsonArray scans;
    for (int i = 0; i < 500; ++i) {
        const Ticket &t = guests.at(i % 5);
        scans.append(i % 2 ? scan(nonce(), atTheDoor(i), u"ticketId"_s, t.id)
                           : scan(nonce(), atTheDoor(i), u"number"_s, t.number));
    }
    const auto r = upload(event, scans, m_organizer.token);
    QCOMPARE(r.status, 200);
    const QJsonArray results = resultsOf(r);
    QCOMPARE(results.size(), 500);
    int entries = 0;
    int doubles = 0;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QString result = results.at(i).toObject().value("result"_L1).toString();
        entries += result == "ENTRY"_L1;
        doubles += result == "DOUBLE_ENTRY"_L1;
        if (i < 5)
            QCOMPARE(result, u"ENTRY"_s); // the first scan of each guest
    }
    QCOMPARE(entries, 5);
    QCOMPARE(doubles, 495);
    QCOMPARE(r.json().value("counter"_L1).toObject(),
        (QJsonObject { { u"checkedIn"_s, 5 }, { u"expected"_s, 5 } }));
    QCOMPARE(scalar(u"SELECT count(*) FROM checkins WHERE event_id = ?"_s, { event }), 500);
    // The whole batch again (the answer was lost): the same results, nothing new.
    const auto retry = upload(event, scans, m_organizer.token);
    QCOMPARE(resultsOf(retry), results);
    QCOMPARE(scalar(u"SELECT count(*) FROM checkins WHERE event_id = ?"_s, { event }), 500);
}

QTEST_GUILESS_MAIN(TstCheckin)
#include "tst_checkin.moc"
