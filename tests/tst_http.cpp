// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP layer against the real server: the error shape, limits, pipelining, clients that
// vanish mid-request, many concurrent clients, timeouts.
#include "testserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

class TstHttp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;

    std::unique_ptr<QTcpSocket> connectRaw() { return m_server->connectRaw(); }

    static QList<RawResponse> readResponses(QTcpSocket &socket, int count, int timeoutMs = 15000)
    {
        return readRawResponses(socket, count, timeoutMs);
    }

    static bool waitForClose(QTcpSocket &socket, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (socket.state() == QAbstractSocket::ConnectedState && !timer.hasExpired(timeoutMs)) {
            socket.waitForReadyRead(50);
            socket.readAll();
        }
        return socket.state() != QAbstractSocket::ConnectedState;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(u"http"_s);
        QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
        TestServer::Options options;
        options.extraArguments = { u"--header-timeout-ms"_s, u"1000"_s, u"--idle-timeout-ms"_s,
                                   u"3000"_s, u"--max-body-bytes"_s, u"1048576"_s };
        m_server = std::make_unique<TestServer>(m_db->url(), options);
        QVERIFY(m_server->start());
    }

    void cleanupTestCase()
    {
        QVERIFY(m_server);
        QVERIFY2(m_server->isRunning(), "the server must have survived every test");
        m_server->stop();
        QCOMPARE(m_server->process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server->process().exitCode(), 0);
    }

    void health_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("process") << u"/health"_s;
        QTest::newRow("db") << u"/health/db"_s;
        QTest::newRow("storage") << u"/health/storage"_s;
    }
    void health()
    {
        QFETCH(QString, path);
        const auto r = m_server->get(path);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status"_L1).toString(), u"ok"_s);
        QVERIFY(r.header("content-type").startsWith("application/json"));
    }

    void errorShape_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown path") << QByteArray("GET") << u"/nope"_s << 404 << u"not_found"_s;
        QTest::newRow("unknown api path") << QByteArray("GET") << u"/api/nothing/here"_s << 404
                                          << u"not_found"_s;
        QTest::newRow("id not numeric") << QByteArray("GET") << u"/api/events/abc"_s << 404
                                        << u"not_found"_s;
        QTest::newRow("wrong method") << QByteArray("DELETE") << u"/health"_s << 405
                                      << u"method_not_allowed"_s;
        QTest::newRow("protected without token") << QByteArray("GET") << u"/api/auth/me"_s << 401
                                                 << u"unauthorized"_s;
    }
    void errorShape()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        const auto r = m_server->request(method, path);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.json().value("error"_L1).toObject().value("message"_L1).toString().isEmpty());
    }

    void malformedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QByteArray("{\"email\": ") << QByteArray("application/json")
                                  << 400 << u"malformed_json"_s;
        QTest::newRow("array") << QByteArray("[1,2]") << QByteArray("application/json") << 400
                               << u"malformed_json"_s;
        QTest::newRow("wrong type") << QByteArray("{\"email\":1,\"password\":2}")
                                    << QByteArray("application/json") << 400
                                    << u"validation_failed"_s;
        QTest::newRow("form encoded") << QByteArray("email=a&password=b")
                                      << QByteArray("application/x-www-form-urlencoded") << 415
                                      << u"unsupported_media_type"_s;
        QTest::newRow("route limit") << QByteArray(100 * 1024, 'x')
                                     << QByteArray("application/json") << 413
                                     << u"payload_too_large"_s;
    }
    void malformedBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);
        const auto r = m_server->request("POST", u"/api/auth/login"_s, body, {}, contentType);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
    }

    void pipelinedRequestsAnswerInOrder()
    {
        // Alternate requests answered on a database thread (deferred) with requests answered
        // at once: without sequencing, Qt 6.4 would send the quick ones first.
        auto socket = connectRaw();
        QVERIFY(socket);
        QByteArray batch;
        QStringList expected;
        for (int i = 0; i < 30; ++i) {
            switch (i % 3) {
            case 0:
                batch += "GET /health/db HTTP/1.1\r\nHost: x\r\n\r\n";
                expected << u"latencyMs"_s;
                break;
            case 1:
                batch += "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
                expected << u"uptimeSeconds"_s;
                break;
            default:
                batch += "GET /nope/" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
                expected << u"not_found"_s;
            }
        }
        socket->write(batch);
        const auto responses = readResponses(*socket, 30);
        QCOMPARE(responses.size(), 30);
        for (int i = 0; i < 30; ++i)
            QVERIFY2(responses[i].body.contains(expected[i].toLatin1()),
                     qPrintable(u"response %1: %2"_s.arg(i).arg(QString::fromUtf8(responses[i].body))));
    }

    void pipelinedWithBodies()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        const QByteArray login = R"({"email":"nobody@example.org","password":"wrong password 1"})";
        QByteArray batch;
        for (int i = 0; i < 5; ++i) {
            batch += "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: " + QByteArray::number(login.size()) + "\r\n\r\n" + login;
            batch += "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        }
        socket->write(batch);
        const auto responses = readResponses(*socket, 10);
        QCOMPARE(responses.size(), 10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(responses[i].status, i % 2 == 0 ? 401 : 200);
    }

    void clientsVanishingMidRequest()
    {
        // Deferred replies (password hashing, database) to clients that have gone must be
        // dropped, not written to a deleted socket.
        const QByteArray login = R"({"email":"x@example.org","password":"some password 12"})";
        const QByteArray loginRequest = "POST /api/auth/login HTTP/1.1\r\nHost: x\r\n"
                                        "Content-Type: application/json\r\nContent-Length: "
                + QByteArray::number(login.size()) + "\r\n\r\n" + login;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 60; ++i) {
            auto s = connectRaw();
            QVERIFY(s);
            switch (i % 4) {
            case 0:
                s->write(loginRequest);
                break;
            case 1:
                s->write("GET /health/db HTTP/1.1\r\nHost: x\r\n\r\n");
                break;
            case 2:
                s->write(loginRequest.left(loginRequest.size() - 10)); // half a body
                break;
            default:
                s->write("GET /health/storage HTTP/1.1\r\nHost: x\r\n\r\nGET /health/db HTT");
            }
            s->flush();
            sockets.push_back(std::move(s));
        }
        for (auto &s : sockets)
            s->abort();
        sockets.clear();
        QTest::qWait(500); // let the deferred work finish against the vanished sockets
        QVERIFY(m_server->isRunning());
        const auto r = m_server->get(u"/health/db"_s);
        QCOMPARE(r.status, 200);
    }

    void manyConcurrentClients()
    {
        constexpr int clients = 150;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < clients; ++i) {
            auto s = connectRaw();
            QVERIFY(s);
            s->write(i % 2 ? "GET /health/db HTTP/1.1\r\nHost: x\r\n\r\n"
                           : "GET /api/events?lat=52.5&lng=13.4&radius=50000 HTTP/1.1\r\nHost: x\r\n\r\n");
            sockets.push_back(std::move(s));
        }
        int ok = 0;
        for (auto &s : sockets) {
            const auto responses = readResponses(*s, 1);
            if (responses.size() == 1 && responses[0].status == 200)
                ++ok;
        }
        QCOMPARE(ok, clients);
    }

    void connectionClose()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        const auto responses = readResponses(*socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 200);
        QVERIFY(waitForClose(*socket, 3000));
    }

    void http10ClosesByDefault()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /health HTTP/1.0\r\n\r\n");
        const auto responses = readResponses(*socket, 1);
        QCOMPARE(responses.size(), 1);
        QVERIFY(waitForClose(*socket, 3000));
    }

    void oversizeBodyRejectedBeforeItArrives()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        // Only the head: the server must answer from Content-Length alone.
        socket->write("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      "Content-Length: 209715200\r\n\r\n");
        const auto responses = readResponses(*socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 413);
        QVERIFY(responses[0].body.contains("payload_too_large"));
        QVERIFY(waitForClose(*socket, 3000));
    }

    void hugeHeadersRejected()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /health HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(40000, 'a')
                      + "\r\n\r\n");
        const auto responses = readResponses(*socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 431);
        QVERIFY(waitForClose(*socket, 3000));
    }

    void chunkedBodiesRefused()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "5\r\nhello\r\n0\r\n\r\n");
        const auto responses = readResponses(*socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 411);
    }

    void slowHeadersTimeOut()
    {
        // A slowloris client: a head that never completes is answered 408 and closed.
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /health HTTP/1.1\r\nHost: x\r\n");
        const auto responses = readResponses(*socket, 1, 8000);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 408);
        QVERIFY(waitForClose(*socket, 3000));
    }

    void idleKeepAliveClosed()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(readResponses(*socket, 1).size(), 1);
        QVERIFY(waitForClose(*socket, 10000));
    }

    void expectContinueAnswered()
    {
        auto socket = connectRaw();
        QVERIFY(socket);
        const QByteArray body = R"({"email":"e@example.org","password":"whatever pass 1"})";
        socket->write("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      "Expect: 100-continue\r\nContent-Length: " + QByteArray::number(body.size())
                      + "\r\n\r\n");
        QVERIFY(socket->waitForReadyRead(3000));
        const QByteArray interim = socket->readAll();
        QVERIFY2(interim.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), interim.constData());
        socket->write(body);
        const auto responses = readResponses(*socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 401);
    }
};

QTEST_GUILESS_MAIN(TstHttp)
#include "tst_http.moc"
