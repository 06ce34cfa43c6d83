// SPDX-License-Identifier: GPL-3.0-or-later
// Observability of the real server: /metrics (Prometheus text, checked by promtool; the
// allow-list; --metrics off), X-Request-Id, JSON logs with the request's id carried into the
// database thread and into the live frames it causes, and no secret in any log line.
#include "fixtures.h"
#include "serverfixture.h"
#include "wsclient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;
namespace F = Pudding::Test::Fixtures;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

/// promtool's verdict on an exposition: its exit code and what it printed.
struct PromtoolResult
{
    int exitCode = -1;
    QByteArray output;
};

PromtoolResult promtool(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"/usr/bin/promtool"_s, arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {};
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAll() };
}

/// The value of one sample (`series` is the name with its labels as exposed), or -1.
double sample(const QByteArray &exposition, const QByteArray &series)
{
    for (const QByteArray &line : exposition.split('\n')) {
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

QByteArray requestsSeries(const char *route, const char *method, const char *statusClass)
{
    return QByteArray("pudding_http_requests_total{route=\"") + route + "\",method=\"" + method
        + "\",status_class=\"" + statusClass + "\"}";
}

/// The server's log lines, each parsed as JSON (an invalid line is an empty object).
QList<QJsonObject> jsonLines(const QString &log, QStringList *invalid = nullptr)
{
    QList<QJsonObject> lines;
    for (const QString &line : log.split(u'\n', Qt::SkipEmptyParts)) {
        QJsonParseError error {};
        const auto doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            if (invalid)
                invalid->append(line);
            lines.append(QJsonObject());
            continue;
        }
        lines.append(doc.object());
    }
    return lines;
}

} // namespace

class TstObservability : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QNetworkAccessManager m_nam;

    /// A request with headers of our choosing (X-Request-Id), to `server`.
    HttpResult send(TestServer &server, QByteArrayView method, const QString &path,
        const Headers &headers = {}, const QByteArray &body = {},
        const QByteArray &contentType = "application/json")
    {
        QNetworkRequest request(server.url(path));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        return sendAndWait(m_nam, request, method, body);
    }

    QByteArray metrics(TestServer &server)
    {
        const auto r = server.get(u"/metrics"_s);
        return r.status == 200 ? r.body : QByteArray();
    }

    /// Log lines of this server that carry `requestId`.
    QList<QJsonObject> linesOf(const QByteArray &requestId)
    {
        QList<QJsonObject> out;
        for (const auto &line : jsonLines(m_server->log())) {
            if (line.value("requestId"_L1).toString().toUtf8() == requestId)
                out.append(line);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every debug line of ours, as an admin hunting a problem would turn them on: the
        // secrets test below must hold for those too.
        qputenv("QT_LOGGING_RULES", "pudding.*.debug=true");
        QVERIFY2(m_server.start(u"observability"_s,
                     { .threads = 2,
                         .authRateLimit = 0,
                         .extraArguments = { u"--log-format"_s, u"json"_s } }),
            qPrintable(m_server.errorString()));
    }

    void metricsAreValidPrometheusText()
    {
        const auto r = m_server->get(u"/metrics"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        for (const char *family :
            { "pudding_http_requests_total", "pudding_http_request_duration_seconds",
                "pudding_http_requests_in_flight", "pudding_ws_connections",
                "pudding_ws_frames_received_total", "pudding_ws_frames_sent_total",
                "pudding_chat_messages_stored_total", "pudding_chat_commit_batch_size",
                "pudding_db_pool_wait_seconds", "pudding_db_query_duration_seconds",
                "pudding_event_index_events", "pudding_notify_listener_reconnects_total",
                "process_resident_memory_bytes", "process_cpu_seconds_total", "process_open_fds",
                "process_max_fds", "process_start_time_seconds" }) {
            QVERIFY2(r.body.contains(QByteArray("# HELP " + QByteArray(family) + ' ')), family);
            QVERIFY2(r.body.contains(QByteArray("# TYPE " + QByteArray(family) + ' ')), family);
        }
        QVERIFY(sample(r.body, "process_resident_memory_bytes") > 1e6);
        // Bucket bounds in seconds, written as decimals.
        QVERIFY(r.body.contains("pudding_db_pool_wait_seconds_bucket{le=\"0.0005\"} "));
        QVERIFY(r.body.contains("pudding_db_pool_wait_seconds_bucket{le=\"+Inf\"} "));
        QVERIFY(sample(r.body, "process_open_fds") > 3);

        // Parse errors exit 1, lint problems (missing HELP, a counter without _total, a
        // non-base unit) exit 3 and print them: both are failures here, since every family is
        // ours and meant to follow the conventions. Nothing may be printed either.
        const auto checked = promtool({ u"check"_s, u"metrics"_s }, r.body);
        QVERIFY2(checked.exitCode == 0 && checked.output.trimmed().isEmpty(),
            checked.output.constData());

        // Negative controls: promtool does catch a broken line and a lint problem.
        QVERIFY(promtool({ u"check"_s, u"metrics"_s }, r.body + "this is not a sample\n").exitCode
            != 0);
        QCOMPARE(
            promtool({ u"check"_s, u"metrics"_s }, "# HELP a x\n# TYPE a counter\na 1\n").exitCode,
            3);
    }

    void countersRiseByExactlyTheRequestsMade()
    {
        const Account account = m_server.signUp(u"Counter"_s);
        QVERIFY(account.isValid());
        const QByteArray before = metrics(*m_server);
        const QByteArray found = requestsSeries("/api/events/{id}", "GET", "4xx");
        const QByteArray search = requestsSeries("/api/events", "GET", "2xx");
        const QByteArray unmatched = requestsSeries("unmatched", "GET", "4xx");
        const QByteArray me = requestsSeries("/api/auth/me", "GET", "2xx");
        QVERIFY(sample(before, found) >= 0);
        QVERIFY(sample(before, search) >= 0);

        constexpr int N = 7;
        for (int i = 0; i < N; ++i)
            QCOMPARE(m_server->get(u"/api/events/%1"_s.arg(900'000 + i)).status, 404);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(
                m_server->get(u"/api/events?lat=52.5&lng=13.4&radius=%1"_s.arg(1000 + i)).status,
                200);
        QCOMPARE(
            m_server
                ->get(u"/no/such/path/%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
                .status,
            404);
        QCOMPARE(m_server->get(u"/api/auth/me"_s, account.token).status, 200);

        const QByteArray after = metrics(*m_server);
        QCOMPARE(sample(after, found) - sample(before, found), double(N));
        QCOMPARE(sample(after, search) - sample(before, search), 3.0);
        QCOMPARE(sample(after, unmatched) - sample(before, unmatched), 1.0);
        QCOMPARE(sample(after, me) - sample(before, me), 1.0);
        const QByteArray count = "pudding_http_request_duration_seconds_count{route=\"/api/events/"
                                 "{id}\",method=\"GET\"}";
        QCOMPARE(sample(after, count) - sample(before, count), double(N));
        // The label is the pattern: no id, no query, no unknown path ever becomes a label.
        QVERIFY(!after.contains("route=\"/api/events/900000"));
        QVERIFY(!after.contains("/no/such/path"));
        QVERIFY(!after.contains("lat="));
        // Database work was measured (the sign-up and /me ran jobs).
        QVERIFY(sample(after, "pudding_db_query_duration_seconds_count") > 0);
        QVERIFY(sample(after, "pudding_db_pool_wait_seconds_count") > 0);
    }

    void metricsAreOnlyForTheAllowList()
    {
        // Loopback is not in 10.0.0.0/8: the answer is that of an unknown path.
        TestServer restricted(m_server.databaseUrl(),
            { .threads = 1,
                .authRateLimit = 0,
                .extraArguments = { u"--metrics-allow"_s, u"10.0.0.0/8"_s } });
        QVERIFY(restricted.start());
        const auto denied = restricted.get(u"/metrics"_s);
        QCOMPARE(denied.status, 404);
        QCOMPARE(denied.errorCode(), u"not_found"_s);
        QVERIFY(!denied.body.contains("pudding_"));
        // X-Forwarded-For is not believed.
        const auto forged
            = send(restricted, "GET", u"/metrics"_s, { { "X-Forwarded-For", "10.1.2.3" } });
        QCOMPARE(forged.status, 404);
        const auto unknown = restricted.get(u"/nothing-here"_s);
        QCOMPARE(denied.body, unknown.body);
        QCOMPARE(restricted.get(u"/health"_s).status, 200);

        // "none" is accepted, a malformed list refuses to start.
        TestServer bad(m_server.databaseUrl(),
            { .threads = 1,
                .authRateLimit = 0,
                .extraArguments = { u"--metrics-allow"_s, u"10.0.0.0/99"_s } });
        QVERIFY(bad.launch());
        QVERIFY(bad.process().waitForFinished(20000));
        QCOMPARE(bad.process().exitCode(), 2);
        QVERIFY2(bad.log().contains(u"10.0.0.0/99"_s), qPrintable(bad.log()));
    }

    void metricsOffHasNoRoute()
    {
        TestServer off(m_server.databaseUrl(),
            { .threads = 1, .authRateLimit = 0, .extraArguments = { u"--metrics"_s, u"off"_s } });
        QVERIFY(off.start());
        QCOMPARE(off.get(u"/metrics"_s).status, 404);
        // Everything else still works, with its request id.
        const auto search = off.get(u"/api/events?lat=52.5&lng=13.4&radius=1000"_s);
        QCOMPARE(search.status, 200);
        QVERIFY(!search.header("x-request-id").isEmpty());
    }

    void plainLogsForTheJournalAndForATerminal()
    {
        // Under systemd (JOURNAL_STREAM set): the sd-daemon priority, no time (the journal adds
        // one). Elsewhere: the UTC time and the level.
        qputenv("JOURNAL_STREAM", "8:4242");
        TestServer journal(
            m_server.databaseUrl(), { .threads = 1, .authRateLimit = 0, .extraArguments = {} });
        const bool started = journal.start();
        qunsetenv("JOURNAL_STREAM");
        QVERIFY(started);
        TestServer terminal(
            m_server.databaseUrl(), { .threads = 1, .authRateLimit = 0, .extraArguments = {} });
        QVERIFY(terminal.start());
        const Headers id { { "X-Request-Id", "plain-1" } };
        QCOMPARE(send(journal, "GET", u"/health"_s, id).status, 200);
        QCOMPARE(send(terminal, "GET", u"/health"_s, id).status, 200);
        journal.stop();
        terminal.stop();

        const QRegularExpression journalLine(u"^<[0-7]>[a-z.]+: "_s);
        const QRegularExpression terminalLine(
            u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (debug|info|warning|critical) [a-z.]+: "_s);
        const auto journalLines = journal.log().split(u'\n', Qt::SkipEmptyParts);
        const auto terminalLines = terminal.log().split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(!journalLines.isEmpty() && !terminalLines.isEmpty());
        for (const QString &line : journalLines)
            QVERIFY2(journalLine.match(line).hasMatch(), qPrintable(line));
        for (const QString &line : terminalLines)
            QVERIFY2(terminalLine.match(line).hasMatch(), qPrintable(line));
        // The access line, at info (6), with its request.
        QVERIFY2(journal.log().contains(u"<6>pudding.http.access: GET /health 200 "_s),
            qPrintable(journal.log()));
        QVERIFY(journal.log().contains(u" requestId=plain-1\n"_s));
        QVERIFY(terminal.log().contains(u" info pudding.http.access: GET /health 200 "_s));
    }

    void requestIdIsEchoedOrMade_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("echoed");
        const QByteArray longest(128, 'a');
        QTest::newRow("valid, 200") << QByteArray("trace-42.abc_X") << u"/health"_s << 200 << true;
        QTest::newRow("valid, 404") << QByteArray("n0t.f0und") << u"/nope"_s << 404 << true;
        QTest::newRow("valid, 401") << QByteArray("who-am-i") << u"/api/auth/me"_s << 401 << true;
        QTest::newRow("128 characters") << longest << u"/health"_s << 200 << true;
        QTest::newRow("129 characters") << longest + 'a' << u"/health"_s << 200 << false;
        QTest::newRow("space") << QByteArray("bad id") << u"/health"_s << 200 << false;
        QTest::newRow("quote") << QByteArray("bad\"id") << u"/health"_s << 200 << false;
        QTest::newRow("absent") << QByteArray() << u"/health"_s << 200 << false;
    }

    void requestIdIsEchoedOrMade()
    {
        QFETCH(QByteArray, sent);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(bool, echoed);
        Headers headers;
        if (!sent.isEmpty())
            headers.append({ "X-Request-Id", sent });
        const auto r = send(*m_server, "GET", path, headers);
        QCOMPARE(r.status, status);
        const QByteArray id = r.header("x-request-id");
        if (echoed) {
            QCOMPARE(id, sent);
        } else {
            QVERIFY(id != sent);
            QVERIFY2(QRegularExpression(u"^[A-Za-z0-9_-]{22}$"_s)
                         .match(QString::fromLatin1(id))
                         .hasMatch(),
                id.constData());
        }
    }

    void requestIdOnAResponseRefusedBeforeRouting()
    {
        // A request head over the limit is refused by the connection guard, before a request
        // exists: it still gets an id.
        auto socket = m_server->connectRaw();
        QVERIFY(socket);
        socket->write(
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(20 * 1024, 'x') + "\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(
            socket->bytesAvailable() > 0 || socket->state() != QAbstractSocket::ConnectedState,
            10000);
        socket->waitForReadyRead(2000);
        const QByteArray head = socket->readAll();
        QVERIFY2(head.startsWith("HTTP/1.1 431"), head.constData());
        QVERIFY2(QRegularExpression(u"\r\nX-Request-Id: [A-Za-z0-9_-]{22}\r\n"_s,
                     QRegularExpression::CaseInsensitiveOption)
                     .match(QString::fromLatin1(head))
                     .hasMatch(),
            head.constData());
    }

    void accessLineAndDatabaseLinesCarryTheRequest()
    {
        const Account account = m_server.signUp(u"Access"_s);
        QVERIFY(account.isValid());
        const QByteArray id = "access-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
        const auto r = send(*m_server, "GET", u"/api/auth/me?x=secret-query"_s,
            { { "X-Request-Id", id }, { "Authorization", "Bearer " + account.token } });
        QCOMPARE(r.status, 200);

        QJsonObject access;
        QList<QJsonObject> database;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &line : linesOf(id)) {
                    if (line.value("category"_L1) == "pudding.http.access"_L1)
                        access = line;
                    else if (line.value("category"_L1) == "pudding.db"_L1)
                        database.append(line);
                }
                return !access.isEmpty();
            }(),
            10000);
        QCOMPARE(access.value("level"_L1).toString(), u"info"_s);
        QCOMPARE(access.value("route"_L1).toString(), u"/api/auth/me"_s);
        QCOMPARE(access.value("method"_L1).toString(), u"GET"_s);
        QCOMPARE(access.value("status"_L1).toInt(), 200);
        QCOMPARE(access.value("userId"_L1).toInteger(), account.id);
        QVERIFY(access.value("durationMs"_L1).isDouble());
        QVERIFY(access.value("durationMs"_L1).toDouble() >= 0);
        QVERIFY(!access.value("message"_L1).toString().contains(u"secret-query"_s));
        // The token lookup ran on a database thread: its debug line names the request.
        QVERIFY2(!database.isEmpty(), qPrintable(m_server->log().right(3000)));
        QCOMPARE(database.first().value("level"_L1).toString(), u"debug"_s);
    }

    void liveFrameCarriesTheRequestId()
    {
        const Account organizer = m_server.signUp(u"Olga"_s);
        const Account guest = m_server.signUp(u"Gast"_s);
        QVERIFY(organizer.isValid() && guest.isValid());
        const qint64 event = m_server.createMeetup(organizer.token);
        QVERIFY(event > 0);
        WsClient olga;
        QVERIFY(olga.connectAs(m_server->port(), organizer.token));

        const QByteArray id = "join-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
        const auto r = send(*m_server, "POST", u"/api/attendance/events/%1/join"_s.arg(event),
            { { "X-Request-Id", id }, { "Authorization", "Bearer " + guest.token } },
            F::joinBody("Vanillepudding", "Mit Zimt.", F::jpeg(3)),
            "multipart/form-data; boundary=" + F::kBoundary);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("x-request-id"), id);
        const auto frame = olga.take(u"new_join_request"_s);
        QVERIFY(frame);
        QCOMPARE(frame->value("requestId"_L1).toString().toLatin1(), id);
        // The frame is otherwise what it was.
        const qint64 attendance
            = frame->value("attendance"_L1).toObject().value("id"_L1).toInteger();
        QVERIFY(attendance > 0);

        // A chat message sent over REST: its new_message frame names that request.
        QCOMPARE(m_server.decide(event, attendance, "APPROVED", organizer.token), 200);
        olga.send({ { u"type"_s, u"join_event"_s }, { u"eventId"_s, event } });
        QVERIFY(olga.take(u"joined"_s));
        const QByteArray messageId = "msg-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
        const auto sent = send(*m_server, "POST", u"/api/messages/events/%1/messages"_s.arg(event),
            { { "X-Request-Id", messageId }, { "Authorization", "Bearer " + guest.token } },
            QJsonDocument(
                QJsonObject { { u"content"_s, u"Guten Appetit"_s },
                    { u"clientMsgId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) } })
                .toJson(QJsonDocument::Compact));
        QVERIFY2(sent.status == 201 || sent.status == 200, sent.body.constData());
        const auto message = olga.take(u"new_message"_s, [](const QJsonObject &f) {
            return f.value("message"_L1).toObject().value("content"_L1).toString()
                == u"Guten Appetit"_s;
        });
        QVERIFY(message);
        QCOMPARE(message->value("requestId"_L1).toString().toLatin1(), messageId);
        // A message from a socket names no request.
        olga.send({ { u"type"_s, u"send_message"_s }, { u"eventId"_s, event },
            { u"content"_s, u"Danke"_s },
            { u"clientMsgId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) } });
        const auto own = olga.take(u"new_message"_s, [](const QJsonObject &f) {
            return f.value("message"_L1).toObject().value("content"_L1).toString() == u"Danke"_s;
        });
        QVERIFY(own);
        QVERIFY(!own->contains("requestId"_L1));
    }

    void noSecretInAnyLogLine()
    {
        // A whole scenario: sign up, sign in, join with a photo, approval, a chat message over
        // REST and over the socket, sign out.
        const QString password
            = u"pudding-Geheimnis-"_s % QUuid::createUuid().toString(QUuid::Id128);
        const QString email
            = u"secret-%1@example.org"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
        const auto registered = m_server->postJson(u"/api/auth/register"_s,
            { { u"email"_s, email }, { u"name"_s, u"Sabine"_s }, { u"password"_s, password } });
        QCOMPARE(registered.status, 201);
        const QByteArray registerToken = registered.json().value("token"_L1).toString().toLatin1();
        const auto login = m_server->postJson(
            u"/api/auth/login"_s, { { u"email"_s, email }, { u"password"_s, password } });
        QCOMPARE(login.status, 200);
        const QByteArray token = login.json().value("token"_L1).toString().toLatin1();
        QVERIFY(!registerToken.isEmpty() && !token.isEmpty());
        // A wrong password is logged as a failure, never as the password.
        const QString wrong = password + u"x"_s;
        QCOMPARE(m_server
                     ->postJson(
                         u"/api/auth/login"_s, { { u"email"_s, email }, { u"password"_s, wrong } })
                     .status,
            401);

        const Account organizer = m_server.signUp(u"Orga"_s);
        const qint64 event = m_server.createMeetup(organizer.token);
        QVERIFY(event > 0);
        const QByteArray photo = F::jpeg(11);
        const auto joined = F::postJoin(
            *m_server, event, token, F::joinBody("Griespudding", "Mit Kirschen.", photo));
        QCOMPARE(joined.status, 201);
        const qint64 attendance
            = joined.json().value("attendance"_L1).toObject().value("id"_L1).toInteger();
        QCOMPARE(m_server.decide(event, attendance, "APPROVED", organizer.token), 200);
        const auto message = m_server->postJson(u"/api/messages/events/%1/messages"_s.arg(event),
            { { u"content"_s, u"Hallo zusammen"_s },
                { u"clientMsgId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) } },
            token);
        QVERIFY2(message.status == 201 || message.status == 200, message.body.constData());
        WsClient socket;
        QVERIFY(socket.connectAs(m_server->port(), token));
        socket.send({ { u"type"_s, u"join_event"_s }, { u"eventId"_s, event } });
        QVERIFY(socket.take(u"joined"_s));
        const QString clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        socket.send({ { u"type"_s, u"send_message"_s }, { u"eventId"_s, event },
            { u"content"_s, u"Über den Socket"_s }, { u"clientMsgId"_s, clientMsgId } });
        QVERIFY(socket.take(u"ack"_s));
        QCOMPARE(m_server->request("POST", u"/api/auth/logout"_s, {}, registerToken).status, 204);

        // Negative control: the tokens and the password are real strings the test sent and
        // received, so not finding them below means something.
        QVERIFY(registered.body.contains(registerToken));
        QVERIFY(login.body.contains(token));
        QVERIFY(!organizer.token.isEmpty());

        QVERIFY(m_server.stopCleanly());
        const QByteArray log = m_server->log().toUtf8();
        QVERIFY(log.contains("pudding.http.access")); // the logs are there to be searched
        QVERIFY(log.contains("\"level\":\"debug\""));
        QStringList invalid;
        const auto lines = jsonLines(m_server->log(), &invalid);
        QVERIFY2(invalid.isEmpty(), qPrintable(invalid.join(u'\n')));
        const QRegularExpression time(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
        for (const auto &line : lines) {
            QVERIFY(time.match(line.value("time"_L1).toString()).hasMatch());
            for (const char *field : { "level", "category", "message" })
                QVERIFY2(line.value(QLatin1StringView(field)).isString(), field);
        }
        for (const QByteArray &secret :
            { registerToken, token, organizer.token, password.toUtf8(), QByteArray("Bearer ") }) {
            QVERIFY2(!log.contains(secret), secret.constData());
        }
        // No photo bytes either (a run of them from the middle of the JPEG).
        QVERIFY(!log.contains(photo.mid(photo.size() / 2, 24)));
        QVERIFY(!log.contains(photo.mid(photo.size() / 2, 24).toBase64()));
    }

    void alertRulesAreValid()
    {
        const QString rules = QStringLiteral(PUDDING_ALERT_RULES);
        const auto checked = promtool({ u"check"_s, u"rules"_s, rules });
        QVERIFY2(checked.exitCode == 0, checked.output.constData());
        // Negative control: a broken expression is refused.
        QTemporaryDir dir;
        QFile broken(dir.filePath(u"broken.yml"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(
            "groups:\n- name: x\n  rules:\n  - alert: Broken\n    expr: rate(foo[5m) > 1\n");
        broken.close();
        QVERIFY(promtool({ u"check"_s, u"rules"_s, broken.fileName() }).exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TstObservability)
#include "tst_observability.moc"
