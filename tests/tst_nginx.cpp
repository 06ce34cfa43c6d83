// SPDX-License-Identifier: GPL-3.0-or-later
// Three pudding-server instances on one PostgreSQL behind a real nginx configured with the
// project's packaging/nginx-pudding.conf (TLS with a certificate made here, WebSockets, limits),
// and every scenario through nginx only: chat across instances, an instance SIGKILLed in the
// middle of a chat burst, 50 simultaneous approvals on 10 places, edit propagation to every
// instance's map search, slow and oversized requests, a request flood.
//
// Which instance served a WebSocket is read from the instances' /health socket counts, which
// one served a REST request from nginx's access log (the request id); the propagation
// measurement polls each instance directly after an edit made through nginx.
#include "fixtures.h"
#include "nginxfixture.h"
#include "serverfixture.h"
#include "wsclient.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;
namespace F = Pudding::Test::Fixtures;

namespace {

constexpr int kInstances = 3;

QJsonObject sendFrame(qint64 eventId, const QString &content, const QString &clientMsgId)
{
    return { { u"type"_s, u"send_message"_s }, { u"eventId"_s, eventId }, { u"content"_s, content },
        { u"clientMsgId"_s, clientMsgId } };
}
QJsonObject joinFrame(qint64 eventId, qint64 afterId)
{
    return { { u"type"_s, u"join_event"_s }, { u"eventId"_s, eventId }, { u"afterId"_s, afterId } };
}
qint64 messageId(const QJsonObject &frame)
{
    return frame.value("message"_L1).toObject().value("id"_L1).toInteger();
}
QList<qint64> seenIds(const WsClient &c)
{
    QList<qint64> ids;
    for (const auto &f : c.all(u"new_message"_s))
        ids.append(messageId(f));
    return ids;
}
QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
QJsonObject draftAt(double lat, double lng, const QString &city, int limit)
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(5);
    return { { u"title"_s, u"Pudding tasting"_s },
        { u"location"_s, QJsonObject { { u"lat"_s, lat }, { u"lng"_s, lng } } },
        { u"city"_s, city }, { u"startTime"_s, start.toString(Qt::ISODate) },
        { u"endTime"_s, start.addSecs(7200).toString(Qt::ISODate) },
        { u"attendeeLimit"_s, limit } };
}

/// A raw HTTP response: status, headers (lower-case names) and body.
struct RawHttp
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers;
    QByteArray body;
};
RawHttp parseHead(const QByteArray &bytes)
{
    RawHttp r;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0 || !bytes.startsWith("HTTP/1.1 "))
        return r;
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    r.status = lines.first().mid(9, 3).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(
                lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    r.body = bytes.mid(end + 4);
    return r;
}
double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

} // namespace

class TstNginx : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_database; // the test's database and direct SQL; the instances are below
    QTemporaryDir m_storage; // the photo directory the instances share
    std::vector<std::unique_ptr<TestServer>> m_instances;
    NginxFixture m_nginx;
    QSqlDatabase m_sql;
    QByteArray m_olga;
    int m_serial = 0;

    // Slow clients started at once so their waits overlap the other tests.
    std::unique_ptr<QSslSocket> m_slowViaNginx;
    std::unique_ptr<QTcpSocket> m_slowDirect;
    QTimer m_trickle;
    QElapsedTimer m_slowClock;
    qint64 m_slowViaNginxClosedMs = -1;
    qint64 m_slowDirectClosedMs = -1;
    QByteArray m_slowViaNginxReceived;
    QByteArray m_slowDirectReceived;

    Account signUp(const QString &name)
    {
        Account a;
        a.email = u"nginx%1@example.org"_s.arg(++m_serial);
        const auto r = m_nginx.postJson(u"/api/auth/register"_s,
            { { u"email"_s, a.email }, { u"name"_s, name },
                { u"password"_s, ServerFixture::kPassword } });
        if (r.status != 201) {
            qWarning() << "sign-up through nginx failed" << r.status << r.body << r.networkError;
            return a;
        }
        a.token = r.json().value("token"_L1).toString().toLatin1();
        a.id = r.json().value("user"_L1).toObject().value("id"_L1).toInteger();
        return a;
    }
    qint64 createMeetup(const QByteArray &organizer, int limit = 10)
    {
        const auto r = m_nginx.postJson(
            u"/api/events"_s, draftAt(50.1137, 8.6843, u"Frankfurt am Main"_s, limit), organizer);
        if (r.status != 201)
            qWarning() << "create event through nginx failed" << r.status << r.body;
        return r.json().value("id"_L1).toInteger();
    }
    qint64 requestJoin(qint64 event, const QByteArray &token)
    {
        const auto r = m_nginx.request("POST", u"/api/attendance/events/%1/join"_s.arg(event),
            F::joinBody("Schokoladenpudding", "Mit Sahne.", F::jpeg(++m_serial)), token,
            "multipart/form-data; boundary=" + F::kBoundary);
        if (r.status != 201)
            qWarning() << "join through nginx failed" << r.status << r.body;
        return r.json().value("attendance"_L1).toObject().value("id"_L1).toInteger();
    }
    QByteArray approvedGuest(qint64 event, const QString &name)
    {
        const Account guest = signUp(name);
        const qint64 attendance = guest.isValid() ? requestJoin(event, guest.token) : 0;
        if (attendance == 0)
            return {};
        const auto r = m_nginx.patchJson(
            u"/api/attendance/events/%1/attendances/%2"_s.arg(event).arg(attendance),
            { { u"status"_s, u"APPROVED"_s } }, m_olga);
        return r.status == 200 ? guest.token : QByteArray();
    }

    /// The WebSocket count of each instance (-1 for one that is down), asked directly.
    QList<int> socketCounts()
    {
        QList<int> counts;
        for (auto &instance : m_instances)
            counts.append(instance->isRunning()
                    ? instance->get(u"/health"_s).json().value("webSockets"_L1).toInt(-1)
                    : -1);
        return counts;
    }
    /// A client connected through nginx (and "ready").
    bool connectViaNginx(WsClient &client, const QByteArray &token)
    {
        return client.openUrl(m_nginx.webSocketUrl(), token, m_nginx.sslConfiguration())
            && client.take(u"ready"_s).has_value();
    }
    /// A client connected through nginx that nginx happened to send to instance `wanted`:
    /// nginx's round robin gets there within a few tries.
    std::unique_ptr<WsClient> connectToInstance(const QByteArray &token, int wanted)
    {
        for (int attempt = 0; attempt < 3 * kInstances; ++attempt) {
            const QList<int> before = socketCounts();
            auto client = std::make_unique<WsClient>();
            if (!connectViaNginx(*client, token))
                return nullptr;
            QList<int> after;
            [[maybe_unused]] const bool changed = QTest::qWaitFor(
                [&] {
                    after = socketCounts();
                    return after != before;
                },
                2000);
            if (after.size() == before.size() && after[wanted] == before[wanted] + 1)
                return client;
            client->abort();
            [[maybe_unused]] const bool back
                = QTest::qWaitFor([&] { return socketCounts() == before; }, 2000);
        }
        return nullptr;
    }
    bool joinRoom(WsClient &client, qint64 event, qint64 afterId)
    {
        client.send(joinFrame(event, afterId));
        return client.take(u"joined"_s).has_value();
    }
    QList<qint64> storedIds(qint64 event)
    {
        QList<qint64> ids;
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT id FROM messages WHERE event_id = ? ORDER BY id"_s);
        q.addBindValue(event);
        if (q.exec())
            while (q.next())
                ids.append(q.value(0).toLongLong());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (NginxFixture::binary().isEmpty())
            QSKIP("nginx is not installed (Debian: apt install nginx); CI installs it");
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (qt6 openssl plugin)");
        QVERIFY(m_storage.isValid());
        QVERIFY2(m_database.createDatabase(u"nginx"_s), qPrintable(m_database.errorString()));
        // Small server limits of their own (below nginx's), so both layers can be seen; a
        // photo directory on "shared storage"; no chat rate limit (one client sends bursts).
        TestServer::Options options;
        options.threads = 1;
        options.extraArguments
            = QStringList { u"--chat-rate-limit"_s, u"0"_s, u"--header-timeout-ms"_s, u"2000"_s,
                  u"--max-body-bytes"_s, u"1048576"_s, u"--storage-dir"_s, m_storage.path() };
        for (int i = 0; i < kInstances; ++i) {
            m_instances.push_back(std::make_unique<TestServer>(m_database.databaseUrl(), options));
            QVERIFY(m_instances.back()->launch()); // all at once: migrations under the lock
        }
        QList<int> ports;
        for (auto &instance : m_instances) {
            QVERIFY(instance->waitUntilReady());
            ports.append(instance->port());
        }
        QVERIFY2(m_nginx.start(ports), qPrintable(m_nginx.errorString()));
        m_sql = m_database.sql(u"tst_nginx"_s);
        QVERIFY(m_sql.isOpen());

        // Slowloris, through nginx and directly at an instance: a request head that never
        // ends, one byte every half second. Checked in slowClientsAreCutOff().
        m_slowViaNginx = m_nginx.connectRaw();
        QVERIFY(m_slowViaNginx);
        m_slowDirect = m_instances[2]->connectRaw();
        QVERIFY(m_slowDirect);
        m_slowClock.start();
        for (QTcpSocket *s :
            { static_cast<QTcpSocket *>(m_slowViaNginx.get()), m_slowDirect.get() })
            s->write("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        connect(m_slowViaNginx.get(), &QTcpSocket::readyRead, this,
            [this] { m_slowViaNginxReceived += m_slowViaNginx->readAll(); });
        connect(m_slowDirect.get(), &QTcpSocket::readyRead, this,
            [this] { m_slowDirectReceived += m_slowDirect->readAll(); });
        connect(m_slowViaNginx.get(), &QTcpSocket::disconnected, this,
            [this] { m_slowViaNginxClosedMs = m_slowClock.elapsed(); });
        connect(m_slowDirect.get(), &QTcpSocket::disconnected, this,
            [this] { m_slowDirectClosedMs = m_slowClock.elapsed(); });
        m_trickle.setInterval(500);
        connect(&m_trickle, &QTimer::timeout, this, [this] {
            for (QTcpSocket *s :
                { static_cast<QTcpSocket *>(m_slowViaNginx.get()), m_slowDirect.get() })
                if (s->state() == QAbstractSocket::ConnectedState)
                    s->write("x");
        });
        m_trickle.start();

        m_olga = signUp(u"Olga"_s).token;
        QVERIFY(!m_olga.isEmpty());
    }

    void configurationIsTheProjects()
    {
        // nginx -t accepts what the test runs, and rejects it without its rate-limit zone (the
        // check bites).
        QString output;
        QVERIFY2(m_nginx.testConfig(m_nginx.configFile(), &output), qPrintable(output));
        QVERIFY(output.contains(u"syntax is ok"_s));
        QFile site(m_nginx.dir() + u"/nginx-pudding.conf"_s);
        QVERIFY(site.open(QIODevice::ReadOnly));
        QByteArray broken = site.readAll();
        const qsizetype zone
            = broken.indexOf("limit_req_zone  $binary_remote_addr zone=pudding_api");
        QVERIFY(zone >= 0);
        broken.remove(zone, broken.indexOf('\n', zone) - zone);
        QFile brokenSite(m_nginx.dir() + u"/broken-site.conf"_s);
        QVERIFY(brokenSite.open(QIODevice::WriteOnly) && brokenSite.write(broken) > 0);
        brokenSite.close();
        QFile wrapper(m_nginx.configFile());
        QVERIFY(wrapper.open(QIODevice::ReadOnly));
        QByteArray brokenWrapper = wrapper.readAll();
        brokenWrapper.replace("/nginx-pudding.conf;", "/broken-site.conf;");
        QFile brokenFile(m_nginx.dir() + u"/broken-nginx.conf"_s);
        QVERIFY(brokenFile.open(QIODevice::WriteOnly) && brokenFile.write(brokenWrapper) > 0);
        brokenFile.close();
        QVERIFY(!m_nginx.testConfig(brokenFile.fileName(), &output));
        QVERIFY2(output.contains(u"pudding_api"_s), qPrintable(output));

        // TLS is real: without the test's CA the client refuses nginx's certificate.
        QNetworkAccessManager plain;
        QNetworkRequest untrusted(m_nginx.url(u"/health"_s));
        QNetworkReply *reply = plain.get(untrusted);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
        delete reply;

        // A proxied answer: HSTS, a request id nginx made, and the access log names the
        // instance that answered.
        const auto health = m_nginx.get(u"/health"_s);
        QCOMPARE(health.status, 200);
        QVERIFY(health.header("Strict-Transport-Security").startsWith("max-age="));
        const QByteArray requestId = health.header("X-Request-Id");
        QCOMPARE(requestId.size(), 32);
        QTRY_VERIFY(!m_nginx.upstreamOf(requestId).isEmpty());
        QVERIFY(m_nginx.upstreamOf(requestId).startsWith("127.0.0.1:"));

        // /metrics never passes: nginx answers it itself.
        const auto metrics = m_nginx.get(u"/metrics"_s);
        QCOMPARE(metrics.status, 404);
        QCOMPARE(metrics.errorCode(), u"not_found"_s);
        QTRY_COMPARE(m_nginx.upstreamOf(metrics.header("X-Request-Id")), QByteArray("-"));

        // Plain HTTP is redirected to HTTPS.
        QTcpSocket http;
        http.connectToHost(u"127.0.0.1"_s, quint16(m_nginx.httpPort()));
        QVERIFY(http.waitForConnected(5000));
        http.write("GET /api/events?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        QVERIFY(QTest::qWaitFor(
            [&] {
                answer += http.readAll();
                return http.state() != QAbstractSocket::ConnectedState;
            },
            5000));
        answer += http.readAll();
        const RawHttp redirect = parseHead(answer);
        QCOMPARE(redirect.status, 301);
        QCOMPARE(
            redirect.headers.value("location"), QByteArray("https://127.0.0.1/api/events?x=1"));
    }

    void chatAcrossInstances()
    {
        const qint64 event = createMeetup(m_olga);
        QVERIFY(event > 0);
        const QByteArray lena = approvedGuest(event, u"Lena"_s);
        const QByteArray max = approvedGuest(event, u"Max"_s);
        QVERIFY(!lena.isEmpty() && !max.isEmpty());
        // Olga, Lena and Max each on another instance.
        auto olga = connectToInstance(m_olga, 0);
        auto lenaClient = connectToInstance(lena, 1);
        auto maxClient = connectToInstance(max, 2);
        QVERIFY(olga && lenaClient && maxClient);
        for (WsClient *c : { olga.get(), lenaClient.get(), maxClient.get() })
            QVERIFY(joinRoom(*c, event, 0));
        // Presence spans the instances.
        QVERIFY(olga->take(u"presence"_s,
            [](const QJsonObject &f) { return f.value("online"_L1).toArray().size() == 3; }));
        // Two instances write to the room at once; all three see one order, the database's.
        for (int i = 0; i < 30; ++i) {
            olga->send(sendFrame(event, u"olga %1"_s.arg(i), newId()));
            lenaClient->send(sendFrame(event, u"lena %1"_s.arg(i), newId()));
        }
        for (WsClient *c : { olga.get(), lenaClient.get(), maxClient.get() })
            QVERIFY(QTest::qWaitFor([&] { return c->all(u"new_message"_s).size() == 60; }, 10000));
        const QList<qint64> stored = storedIds(event);
        QCOMPARE(stored.size(), 60);
        for (WsClient *c : { olga.get(), lenaClient.get(), maxClient.get() })
            QCOMPARE(seenIds(*c), stored);
        // Typing crosses instances too.
        maxClient->send(
            { { u"type"_s, u"typing"_s }, { u"eventId"_s, event }, { u"isTyping"_s, true } });
        for (WsClient *c : { olga.get(), lenaClient.get() }) {
            const auto typing = c->take(u"user_typing"_s);
            QVERIFY(typing);
            QCOMPARE(typing->value("user"_L1).toObject().value("name"_L1).toString(), u"Max"_s);
        }
        // Leaving is seen on the other instances.
        maxClient->close();
        QVERIFY(olga->take(u"presence"_s,
            [](const QJsonObject &f) { return f.value("online"_L1).toArray().size() == 2; }));
    }

    void fiftyApprovalsOnTenPlaces()
    {
        constexpr int limit = 10;
        constexpr int requests = 50;
        const qint64 event = createMeetup(m_olga, limit);
        QVERIFY(event > 0);
        // The 50 guests sign up directly at the instances (nginx allows 30 sign-ups a minute
        // per address, and here every client has the same one); they ask to join through nginx.
        QList<qint64> attendances;
        for (int i = 0; i < requests; ++i) {
            const QByteArray token = m_instances[size_t(i % kInstances)]->registerUser(
                u"guest%1@example.org"_s.arg(i), u"Guest %1"_s.arg(i));
            QVERIFY(!token.isEmpty());
            attendances.append(requestJoin(event, token));
            QVERIFY(attendances.last() > 0);
        }
        // Let the client's limit_req bucket drain (burst 100 at 50/s): the 50 approvals at
        // once must all pass nginx, as an organizer's "approve all" would.
        QTest::qWait(2100);
        std::vector<std::unique_ptr<QSslSocket>> sockets;
        for (int i = 0; i < requests; ++i) {
            sockets.push_back(m_nginx.connectRaw());
            QVERIFY(sockets.back());
        }
        const auto burst = F::approveAllAtOnce(sockets, event, attendances, m_olga);
        QVERIFY2(burst.unexpected.isEmpty(), qPrintable(burst.unexpected.join(u"; "_s)));
        QCOMPARE(burst.approved, limit);
        QCOMPARE(burst.full, requests - limit);
        // They were spread over all three instances.
        QSet<QByteArray> upstreams;
        const QByteArray prefix = "/api/attendance/events/" + QByteArray::number(event) + "/";
        QTRY_VERIFY([&] {
            int decisions = 0;
            upstreams.clear();
            for (const auto &line : m_nginx.accessLog())
                if (line.method == "PATCH" && line.uri.startsWith(prefix)) {
                    ++decisions;
                    upstreams.insert(line.upstream);
                }
            return decisions == requests;
        }());
        QCOMPARE(upstreams.size(), kInstances);
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT count(*) FROM attendances WHERE event_id = ? AND status = 'APPROVED'"_s);
        q.addBindValue(event);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), limit);
        for (auto &instance : m_instances)
            QCOMPARE(instance->get(u"/api/events/%1"_s.arg(event))
                         .json()
                         .value("attendeeCount"_L1)
                         .toInt(),
                limit);
        // A photo uploaded through any instance is served by every one (shared storage).
        const auto list = m_nginx.get(
            u"/api/attendance/events/%1/attendances?status=APPROVED"_s.arg(event), m_olga);
        const QJsonArray approved = list.json().value("attendances"_L1).toArray();
        QCOMPARE(approved.size(), limit);
        const QString photoUrl = approved.first().toObject().value("photoUrl"_L1).toString();
        QVERIFY2(photoUrl.startsWith(u'/'), qPrintable(QString::fromUtf8(list.body)));
        for (auto &instance : m_instances) {
            const auto photo = instance->get(photoUrl, m_olga);
            QCOMPARE(photo.status, 200);
            QVERIFY(photo.body.startsWith("\xFF\xD8"));
        }
    }

    void editsReachEveryInstancesMapSearch()
    {
        const qint64 event = createMeetup(m_olga);
        QVERIFY(event > 0);
        // Back and forth between Kassel and Frankfurt (160 km): a 20 km search around the new
        // place finds the event only once the instance has the edit.
        struct Place
        {
            double lat;
            double lng;
            QString city;
        };
        const Place places[]
            = { { 51.3127, 9.4797, u"Kassel"_s }, { 50.1137, 8.6843, u"Frankfurt am Main"_s } };
        QList<double> worstPerEdit;
        QSet<QByteArray> editedOn;
        constexpr int edits = 20;
        for (int i = 0; i < edits; ++i) {
            const Place &to = places[i % 2];
            const auto patched = m_nginx.patchJson(u"/api/events/%1"_s.arg(event),
                { { u"location"_s, QJsonObject { { u"lat"_s, to.lat }, { u"lng"_s, to.lng } } },
                    { u"city"_s, to.city } },
                m_olga);
            QCOMPARE(patched.status, 200);
            QElapsedTimer sinceCommit;
            sinceCommit.start();
            editedOn.insert(patched.header("X-Request-Id"));
            const QString search
                = u"/api/events?lat=%1&lng=%2&radius=20000&limit=100"_s.arg(to.lat).arg(to.lng);
            QList<qint64> foundAfterUs(kInstances, -1);
            QVERIFY2(QTest::qWaitFor(
                         [&] {
                             for (int k = 0; k < kInstances; ++k) {
                                 if (foundAfterUs[k] >= 0)
                                     continue;
                                 for (const auto &e : m_instances[size_t(k)]->get(search).events())
                                     if (e.toObject().value("id"_L1).toInteger() == event)
                                         foundAfterUs[k] = sinceCommit.nsecsElapsed() / 1000;
                             }
                             return !foundAfterUs.contains(-1);
                         },
                         10000),
                "an instance never found the edited event");
            worstPerEdit.append(
                double(*std::max_element(foundAfterUs.cbegin(), foundAfterUs.cend())) / 1000.0);
        }
        // The edits went to more than one instance.
        QSet<QByteArray> upstreams;
        QTRY_VERIFY([&] {
            upstreams.clear();
            for (const QByteArray &id : std::as_const(editedOn))
                upstreams.insert(m_nginx.upstreamOf(id));
            return !upstreams.contains(QByteArray());
        }());
        QVERIFY(upstreams.size() >= 2);
        qInfo().noquote() << u"edit → found by map search on every instance, over %1 edits: "
                             "median %2 ms, max %3 ms (polled directly, each poll ~1 ms)"_s
                                 .arg(edits)
                                 .arg(median(worstPerEdit), 0, 'f', 1)
                                 .arg(*std::max_element(worstPerEdit.cbegin(), worstPerEdit.cend()),
                                     0, 'f', 1);
    }

    void oversizedBodiesAreRefused()
    {
        // Over nginx's client_max_body_size (6m): refused by nginx from the length alone.
        auto socket = m_nginx.connectRaw();
        QVERIFY(socket);
        socket->write("POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + m_olga + "\r\nContent-Type: application/json\r\nContent-Length: 7000000\r\n\r\n");
        QByteArray answer;
        QVERIFY(QTest::qWaitFor(
            [&] {
                answer += socket->readAll();
                return answer.contains("\r\n\r\n") && answer.contains("}");
            },
            10000));
        const RawHttp byNginx = parseHead(answer);
        QCOMPARE(byNginx.status, 413);
        QVERIFY(byNginx.body.contains("payload_too_large"));
        QTRY_COMPARE(m_nginx.upstreamOf(byNginx.headers.value("x-request-id")), QByteArray("-"));

        // At an instance directly, over its own limit (1 MiB here): its JSON error, from the
        // length alone.
        auto direct = m_instances[1]->connectRaw();
        QVERIFY(direct);
        direct->write("POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + m_olga + "\r\nContent-Type: application/json\r\nContent-Length: 2097152\r\n\r\n");
        const auto byServer = readRawResponses(*direct, 1, 10000);
        QCOMPARE(byServer.size(), 1);
        QCOMPARE(byServer[0].status, 413);
        QCOMPARE(QJsonDocument::fromJson(byServer[0].body)
                     .object()
                     .value("error"_L1)
                     .toObject()
                     .value("code"_L1)
                     .toString(),
            u"payload_too_large"_s);
    }

    void killedInstanceFailsOver()
    {
        const qint64 event = createMeetup(m_olga);
        QVERIFY(event > 0);
        const QByteArray anna = approvedGuest(event, u"Anna"_s);
        const QByteArray carl = approvedGuest(event, u"Carl"_s);
        const QByteArray dora = approvedGuest(event, u"Dora"_s);
        QVERIFY(!anna.isEmpty() && !carl.isEmpty() && !dora.isEmpty());
        // Anna (sending) and Olga (reading) on instance 0, which dies; Carl sends from
        // instance 1; Dora reads on instance 2.
        struct Member
        {
            QByteArray token;
            int instance;
            std::unique_ptr<WsClient> client;
            QList<qint64> seen; // every message id received, across reconnects
        };
        std::vector<Member> members;
        members.push_back({ anna, 0, nullptr, {} });
        members.push_back({ m_olga, 0, nullptr, {} });
        members.push_back({ carl, 1, nullptr, {} });
        members.push_back({ dora, 2, nullptr, {} });
        for (auto &m : members) {
            m.client = connectToInstance(m.token, m.instance);
            QVERIFY(m.client);
            QVERIFY(joinRoom(*m.client, event, 0));
        }
        WsClient *annaClient = members[0].client.get();
        WsClient *carlClient = members[2].client.get();

        // Both send as fast as they can; instance 0 is killed once Anna has 150 acks.
        QStringList annaSent;
        QStringList carlSent;
        QHash<QString, qint64> annaAcked;
        QTimer pump;
        pump.setInterval(2);
        QElapsedTimer sinceKill;
        connect(&pump, &QTimer::timeout, &pump, [&] {
            // Anna keeps at most ~100 unacknowledged, like a client with a send window, so a
            // slow machine does not pile up thousands. Her first client is gone after the
            // kill: not touched then.
            if (!sinceKill.isValid() && annaSent.size() - annaClient->all(u"ack"_s).size() < 100) {
                for (int i = 0; i < 20; ++i) {
                    annaSent.append(u"anna-%1"_s.arg(annaSent.size()));
                    annaClient->send(
                        sendFrame(event, u"from Anna "_s + annaSent.last(), annaSent.last()));
                }
                if (annaClient->all(u"ack"_s).size() >= 150) {
                    // One more burst on its way: some of it committed, some not.
                    for (int i = 0; i < 60; ++i) {
                        annaSent.append(u"anna-%1"_s.arg(annaSent.size()));
                        annaClient->send(
                            sendFrame(event, u"from Anna "_s + annaSent.last(), annaSent.last()));
                    }
                    annaClient->socket().flush();
                    QTest::qSleep(QRandomGenerator::global()->bounded(0, 4));
                    m_instances[0]->process().kill(); // SIGKILL
                    sinceKill.start();
                }
            }
            if (carlSent.size() < 400) {
                for (int i = 0; i < 5; ++i) {
                    carlSent.append(u"carl-%1"_s.arg(carlSent.size()));
                    carlClient->send(
                        sendFrame(event, u"from Carl "_s + carlSent.last(), carlSent.last()));
                }
            }
        });
        pump.start();
        QVERIFY(QTest::qWaitFor([&] { return sinceKill.isValid(); }, 30000));
        QVERIFY(m_instances[0]->process().waitForFinished(10000));

        // The instance's clients lose their sockets; each reconnects through nginx (which
        // sends it to a survivor) and resumes after the last message it saw.
        QList<qint64> reconnectMs;
        qint64 closedMs = -1;
        for (size_t i = 0; i < 2; ++i) {
            Member &m = members[i];
            QVERIFY(m.client->waitClosed(10000));
            if (closedMs < 0)
                closedMs = sinceKill.elapsed();
            m.seen += seenIds(*m.client);
            if (i == 0)
                for (const auto &ack : m.client->all(u"ack"_s))
                    annaAcked.insert(ack.value("clientMsgId"_L1).toString(), messageId(ack));
            auto again = std::make_unique<WsClient>();
            bool back = false;
            for (int attempt = 0; attempt < 50 && !back; ++attempt) {
                back = connectViaNginx(*again, m.token)
                    && joinRoom(*again, event, m.seen.isEmpty() ? 0 : m.seen.last());
                if (!back) {
                    again = std::make_unique<WsClient>();
                    QTest::qWait(100);
                }
            }
            QVERIFY(back);
            reconnectMs.append(sinceKill.elapsed());
            m.client = std::move(again);
        }
        // Everyone is on the survivors now.
        QTRY_VERIFY([&] {
            const QList<int> counts = socketCounts();
            return counts[0] == -1 && counts[1] + counts[2] == int(members.size());
        }());
        // Anna sends again what was not acknowledged, with the same ids.
        QStringList unacked;
        for (const QString &id : std::as_const(annaSent))
            if (!annaAcked.contains(id))
                unacked.append(id);
        for (const QString &id : std::as_const(unacked))
            members[0].client->send(sendFrame(event, u"from Anna "_s + id, id));
        QVERIFY(QTest::qWaitFor(
            [&] { return members[0].client->all(u"ack"_s).size() == unacked.size(); }, 20000));
        int duplicates = 0;
        for (const auto &ack : members[0].client->all(u"ack"_s))
            duplicates += ack.value("duplicate"_L1).toBool() ? 1 : 0;
        QVERIFY(QTest::qWaitFor([&] { return carlSent.size() >= 400; }, 20000));
        pump.stop();
        QVERIFY(QTest::qWaitFor([&] { return carlClient->all(u"ack"_s).size() == 400; }, 20000));
        QVERIFY(carlClient->all(u"error"_s).isEmpty());
        QVERIFY(members[0].client->all(u"error"_s).isEmpty());

        // Every message stored once; every member saw exactly the stored list, in order.
        const QList<qint64> stored = storedIds(event);
        QCOMPARE(stored.size(), annaSent.size() + carlSent.size());
        for (auto it = annaAcked.cbegin(); it != annaAcked.cend(); ++it)
            QVERIFY(stored.contains(it.value()));
        for (auto &m : members) {
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return m.seen.size() + m.client->all(u"new_message"_s).size() >= stored.size();
                },
                20000));
        }
        QTest::qWait(300); // nothing more (no duplicate) may follow
        for (auto &m : members)
            QCOMPARE(m.seen + seenIds(*m.client), stored);
        qInfo().noquote() << u"fail-over: %1 messages (%2 acked by the killed instance, %3 resent "
                             "of which %4 had been stored); after SIGKILL: socket closed at %5 ms, "
                             "rejoined through nginx at %6 ms and %7 ms (one after the other); "
                             "lost 0, duplicated 0; nginx found the dead instance refusing %8 "
                             "time(s) and went on to the next"_s.arg(stored.size())
                                 .arg(annaAcked.size())
                                 .arg(unacked.size())
                                 .arg(duplicates)
                                 .arg(closedMs)
                                 .arg(reconnectMs.value(0))
                                 .arg(reconnectMs.value(1))
                                 .arg(m_nginx.errorLog().count(u"(111: Connection refused)"_s));
    }

    void slowClientsAreCutOff()
    {
        // Directly: the instance's own header timeout (2 s here) answers 408 and closes.
        QVERIFY(QTest::qWaitFor([&] { return m_slowDirectClosedMs >= 0; }, 15000));
        QCOMPARE(parseHead(m_slowDirectReceived).status, 408);
        QVERIFY(m_slowDirectReceived.contains("request_timeout"));
        // Through nginx: client_header_timeout (10 s) closes it, and nothing reached an
        // instance.
        QVERIFY(QTest::qWaitFor([&] { return m_slowViaNginxClosedMs >= 0; }, 25000));
        m_trickle.stop();
        QVERIFY(
            m_slowViaNginxReceived.isEmpty() || parseHead(m_slowViaNginxReceived).status == 408);
        QVERIFY2(
            m_nginx.errorLog().contains(u"client timed out"_s), qPrintable(m_nginx.errorLog()));
        qInfo().noquote() << u"slowloris cut off after %1 ms directly (header timeout 2 s), "
                             "%2 ms through nginx (client_header_timeout 10 s)"_s
                                 .arg(m_slowDirectClosedMs)
                                 .arg(m_slowViaNginxClosedMs);
    }

    void signInsAreLimitedPerClient()
    {
        // The instances count sign-in attempts per peer address, which behind nginx is
        // nginx's own; nginx counts them per client instead: a burst of 30, then 429.
        QMap<int, int> statuses;
        QByteArray limitedBody;
        for (int i = 0; i < 40; ++i) {
            const auto r = m_nginx.requestOnce("POST", u"/api/auth/login"_s,
                R"({"email":"nobody@example.org","password":"wrong password 1"})");
            ++statuses[r.status];
            if (r.status == 429)
                limitedBody = r.body;
        }
        qInfo() << "40 sign-ins from one address:" << statuses;
        QCOMPARE(statuses.keys(), (QList<int> { 401, 429 }));
        QVERIFY(statuses[401] <= 31);
        QVERIFY(limitedBody.contains("rate_limited"));
    }

    void floodGetsTooManyRequests()
    {
        // One address, 400 requests at once: limit_req lets the burst through, then 429.
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 400; ++i) {
            QNetworkRequest request(m_nginx.url(u"/api/events?limit=1"_s));
            request.setSslConfiguration(m_nginx.sslConfiguration());
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
            replies.append(m_nginx.network().get(request));
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(replies.cbegin(), replies.cend(),
                    [](const QNetworkReply *r) { return r->isFinished(); });
            },
            30000));
        QMap<int, int> statuses;
        QByteArray limitedBody;
        for (QNetworkReply *r : std::as_const(replies)) {
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            ++statuses[status];
            if (status == 429)
                limitedBody = r->readAll();
            r->deleteLater();
        }
        qInfo() << "flood of 400:" << statuses;
        QCOMPARE(statuses.keys(), (QList<int> { 200, 429 }));
        QVERIFY(statuses[200] >= 100);
        QVERIFY(limitedBody.contains("rate_limited"));
    }

    void bodyBetweenTheLimits()
    {
        // Run last: a body nginx accepts (2 MiB < 6m) but the instance refuses (> 1 MiB) is
        // answered 413 early and the connection closed with the body unread, which resets it;
        // nginx then sees an upstream error (502) and leaves the instance out for
        // fail_timeout. Hence the rule in nginx-pudding.conf: client_max_body_size no larger
        // than the instances' --max-body-bytes. Here only: refused, one way or the other.
        const QByteArray big(2 * 1024 * 1024, 'p');
        const auto r = m_nginx.request("POST", u"/api/events"_s, big, m_olga);
        qInfo() << "2 MiB body through nginx to an instance with a 1 MiB limit:" << r.status
                << r.errorCode();
        QVERIFY(r.status == 413 || r.status == 502);
    }

    void cleanupTestCase()
    {
        m_trickle.stop();
        m_slowViaNginx.reset();
        m_slowDirect.reset();
        m_nginx.stop();
        m_sql.close();
        // The survivors shut down cleanly.
        for (size_t i = 1; i < m_instances.size(); ++i) {
            QVERIFY2(m_instances[i]->isRunning(), qPrintable(m_instances[i]->log()));
            m_instances[i]->stop();
            QCOMPARE(m_instances[i]->process().exitCode(), 0);
        }
        qInfo() << "requests through nginx retried after a 429:" << m_nginx.limitedRetries();
    }
};

QTEST_GUILESS_MAIN(TstNginx)
#include "tst_nginx.moc"
