// SPDX-License-Identifier: GPL-3.0-or-later
// Smoke test of the benchmark tools (tests/bench.cmake): every chatload mode and the wrk search
// script run for a few seconds with tiny sizes against a real server and database. It checks
// that what they report is sane (every message delivered once and persisted, every connection
// up, every upload stored), never how fast anything is.
#include "serverfixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

namespace {

struct ToolRun
{
    int exitCode = -1;
    QList<QJsonObject> lines; ///< stdout, one JSON object per line
    QByteArray stderrText;
};

ToolRun runTool(const QString &program, const QStringList &args, int timeoutMs = 90000)
{
    QProcess process;
    process.start(program, args);
    ToolRun run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.stderrText = "did not finish: " + process.readAllStandardError();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.stderrText = process.readAllStandardError();
    for (const QByteArray &line : process.readAllStandardOutput().split('\n'))
        if (!line.trimmed().isEmpty())
            run.lines.append(QJsonDocument::fromJson(line).object());
    return run;
}

ToolRun chatload(const QStringList &args, int timeoutMs = 90000)
{
    return runTool(QStringLiteral(PUDDING_CHATLOAD_BINARY), args, timeoutMs);
}

qint64 number(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toInteger(-1);
}

/// The checks every chat run must pass, whatever the server.
void verifyChat(const QJsonObject &r, int rooms, int clients, qint64 perClient)
{
    QCOMPARE(number(r, "connected"_L1), qint64(rooms * clients));
    QCOMPARE(number(r, "connectFailures"_L1), 0);
    QCOMPARE(number(r, "sent"_L1), qint64(rooms * clients) * perClient);
    QCOMPARE(number(r, "expectedDeliveries"_L1), number(r, "sent"_L1) * clients);
    QCOMPARE(number(r, "deliveries"_L1), number(r, "expectedDeliveries"_L1));
    QCOMPARE(number(r, "lost"_L1), 0);
    QCOMPARE(number(r, "duplicates"_L1), 0);
    QCOMPARE(number(r, "foreign"_L1), 0);
    QCOMPARE(number(r, "disconnects"_L1), 0);
    QVERIFY(r.value("errors"_L1).toObject().isEmpty());
    const QJsonObject latency = r.value("latencyMs"_L1).toObject();
    QCOMPARE(number(latency, "count"_L1), number(r, "deliveries"_L1));
    QVERIFY(latency.value("p50"_L1).toDouble() >= 0);
    QVERIFY(latency.value("p50"_L1).toDouble() <= latency.value("p99"_L1).toDouble());
    QVERIFY(latency.value("p99"_L1).toDouble() <= latency.value("max"_L1).toDouble());
    QVERIFY(r.value("complete"_L1).toBool());
}

} // namespace

class TstBenchSmoke : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QString url() const { return u"http://127.0.0.1:%1"_s.arg(m_server->port()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(u"benchsmoke"_s, TestServer::Options { 2, 0, {} }),
            qPrintable(m_server.errorString()));
    }

    void chatOnOurServer()
    {
        // 2 rooms × 3 clients × 10 messages; accounts, events and approvals via the REST API.
        const ToolRun run = chatload({ u"--mode"_s, u"pudding"_s, u"--url"_s, url(), u"--rooms"_s,
            u"2"_s, u"--clients"_s, u"3"_s, u"--interval-ms"_s, u"100"_s, u"--duration-s"_s, u"1"_s,
            u"--settle-ms"_s, u"200"_s, u"--run-id"_s, u"smoke1"_s, u"--check"_s });
        QVERIFY2(run.exitCode == 0, run.stderrText.constData());
        QCOMPARE(run.lines.size(), 1);
        const QJsonObject r = run.lines.first();
        verifyChat(r, 2, 3, 10);
        QCOMPARE(number(r, "acks"_L1), number(r, "sent"_L1));

        // Every acknowledged message is stored exactly once.
        QSqlDatabase db = m_server.sql(u"check"_s);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT count(*), count(DISTINCT content) FROM messages "
                       "WHERE content LIKE 'pb:smoke1:%'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), number(r, "sent"_L1));
        QCOMPARE(q.value(1).toLongLong(), number(r, "sent"_L1));
    }

    void idleConnections()
    {
        const ToolRun run = chatload({ u"--mode"_s, u"idle"_s, u"--url"_s, url(),
            u"--connections"_s, u"25"_s, u"--hold-s"_s, u"1"_s, u"--check"_s });
        QVERIFY2(run.exitCode == 0, run.stderrText.constData());
        QCOMPARE(run.lines.size(), 2);
        QCOMPARE(run.lines[0].value("phase"_L1).toString(), u"ready"_s);
        QCOMPARE(number(run.lines[0], "connected"_L1), 25);
        QCOMPARE(number(run.lines[0], "connectFailures"_L1), 0);
        QCOMPARE(run.lines[1].value("phase"_L1).toString(), u"end"_s);
        QCOMPARE(number(run.lines[1], "disconnects"_L1), 0);
    }

    void uploads()
    {
        QTemporaryDir dir;
        const QString photo = dir.filePath(u"photo.jpg"_s);
        const ToolRun made = chatload(
            { u"--mode"_s, u"makephoto"_s, u"--photo"_s, photo, u"--bytes"_s, u"400000"_s });
        QVERIFY2(made.exitCode == 0, made.stderrText.constData());
        const qint64 size = QFileInfo(photo).size();
        QVERIFY2(size > 388000 && size < 412000, qPrintable(QString::number(size)));

        const ToolRun run = chatload({ u"--mode"_s, u"upload"_s, u"--url"_s, url(), u"--photo"_s,
            photo, u"--uploads"_s, u"4"_s, u"--concurrency"_s, u"2"_s, u"--check"_s });
        QVERIFY2(run.exitCode == 0, run.stderrText.constData());
        QCOMPARE(run.lines.size(), 1);
        const QJsonObject r = run.lines.first();
        QCOMPARE(number(r, "ok"_L1), 4);
        QCOMPARE(number(r, "concurrency"_L1), 2);
        QCOMPARE(number(r.value("latencyMs"_L1).toObject(), "count"_L1), 4);
        QVERIFY(r.value("uploadsPerSecond"_L1).toDouble() > 0);
    }

    void searchScript()
    {
        const QString wrk = QStandardPaths::findExecutable(u"wrk"_s);
        if (wrk.isEmpty())
            QSKIP("wrk is not installed");
        QProcess p;
        p.start(wrk,
            { u"-t1"_s, u"-c2"_s, u"-d1s"_s, u"--latency"_s, u"-s"_s,
                QStringLiteral(PUDDING_BENCH_DIR "/search/queries.lua"), url() });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(out.contains("Requests/sec:"), out.constData());
        QVERIFY2(out.contains(" 99%"), out.constData());
        QVERIFY2(!out.contains("Non-2xx"), out.constData());
        QVERIFY2(!out.contains("Socket errors"), out.constData());
    }

    void chatOverSocketIo()
    {
        const QString node = QStandardPaths::findExecutable(u"node"_s);
        const QString modules = QStringLiteral(PUDDING_BENCH_DIR "/peer/node_modules");
        if (node.isEmpty() || !QFileInfo::exists(modules + u"/socket.io"_s))
            QSKIP("node or bench/peer/node_modules (npm ci in bench/peer) missing");
        QProcess echo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"NODE_PATH"_s, modules);
        echo.setProcessEnvironment(env);
        echo.start(node, { QStringLiteral(PUDDING_BENCH_DIR "/smoke/sio-echo.js") });
        QVERIFY(echo.waitForReadyRead(15000));
        const QByteArray line = echo.readLine().trimmed();
        QVERIFY2(line.startsWith("listening "), line.constData());
        const QString port = QString::fromLatin1(line.mid(10));

        const ToolRun run
            = chatload({ u"--mode"_s, u"socketio"_s, u"--url"_s, u"http://127.0.0.1:"_s + port,
                u"--rooms"_s, u"2"_s, u"--clients"_s, u"3"_s, u"--interval-ms"_s, u"100"_s,
                u"--duration-s"_s, u"1"_s, u"--settle-ms"_s, u"300"_s, u"--check"_s });
        echo.closeWriteChannel();
        if (!echo.waitForFinished(5000))
            echo.kill();
        QVERIFY2(run.exitCode == 0, run.stderrText.constData());
        QCOMPARE(run.lines.size(), 1);
        verifyChat(run.lines.first(), 2, 3, 10);
    }
};

QTEST_GUILESS_MAIN(TstBenchSmoke)
#include "tst_benchsmoke.moc"
