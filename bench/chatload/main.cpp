// SPDX-License-Identifier: GPL-3.0-or-later
// chatload: the load tool of bench/run.sh. Modes:
//   pudding   chat on our /ws: R rooms × P clients, one message per client every I ms for D s
//   socketio  the same workload against a socket.io v4 server (the peer's chatpeer.js)
//   idle      N authenticated idle WebSocket connections, held open
//   upload    C concurrent photo uploads (join with photo), N in all
//   makephoto writes a high-entropy JPEG of about --bytes
// Prints one JSON object per run on stdout (idle: one when connected, one at the end) and a
// summary on stderr. --check makes an incomplete run exit with 1 (the smoke test uses it).
#include "chatrun.h"
#include "fixtures.h"
#include "uploadrun.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Pudding::Bench;

namespace {

void printJson(const QJsonObject &json)
{
    const QByteArray line = QJsonDocument(json).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void fail(const QString &message)
{
    std::fprintf(stderr, "chatload: %s\n", qPrintable(message));
    std::exit(2);
}

QByteArray noiseJpeg(int width, int height, int quality)
{
    QImage image(width, height, QImage::Format_RGB32);
    auto *rng = QRandomGenerator::global();
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = rng->generate() | 0xff000000u;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", quality);
    return bytes;
}

/// Random pixels do not compress: scale the picture until the file is within 3% of `target`.
QByteArray photoOfSize(qint64 target)
{
    double width = 1600;
    QByteArray best;
    for (int attempt = 0; attempt < 6; ++attempt) {
        best = noiseJpeg(int(width), int(width * 3 / 4), 85);
        const double ratio = double(target) / double(best.size());
        if (std::abs(ratio - 1) < 0.03)
            break;
        width *= std::sqrt(ratio);
    }
    return best;
}

void summarize(const QJsonObject &r)
{
    const QJsonObject lat = r.value("latencyMs"_L1).toObject();
    std::fprintf(stderr,
        "%s: %lld clients, sent %lld (%.0f/s of %.0f/s), delivered %lld of %lld "
        "(%.0f/s), lost %lld, duplicates %lld, latency p50 %.2f p99 %.2f max %.2f ms%s\n",
        qPrintable(r.value("protocol"_L1).toString()), qint64(r.value("clients"_L1).toInteger()),
        qint64(r.value("sent"_L1).toInteger()), r.value("sentPerSecond"_L1).toDouble(),
        r.value("targetSentPerSecond"_L1).toDouble(), qint64(r.value("deliveries"_L1).toInteger()),
        qint64(r.value("expectedDeliveries"_L1).toInteger()),
        r.value("deliveredPerSecond"_L1).toDouble(), qint64(r.value("lost"_L1).toInteger()),
        qint64(r.value("duplicates"_L1).toInteger()), lat.value("p50"_L1).toDouble(),
        lat.value("p99"_L1).toDouble(), lat.value("max"_L1).toDouble(),
        r.value("complete"_L1).toBool() ? "" : "  INCOMPLETE");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"chatload"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Load tool for bench/run.sh: chat, idle connections, uploads."_s);
    parser.addHelpOption();
    const QCommandLineOption mode(
        u"mode"_s, u"pudding, socketio, idle, upload or makephoto."_s, u"mode"_s);
    const QCommandLineOption url(u"url"_s, u"Server, http://host:port."_s, u"url"_s);
    const QCommandLineOption protocol(
        u"protocol"_s, u"idle: pudding (default) or socketio."_s, u"p"_s, u"pudding"_s);
    const QCommandLineOption rooms(u"rooms"_s, u"Chat rooms (default 20)."_s, u"n"_s, u"20"_s);
    const QCommandLineOption clients(
        u"clients"_s, u"Clients per room (default 10)."_s, u"n"_s, u"10"_s);
    const QCommandLineOption interval(
        u"interval-ms"_s, u"Send interval per client (default 100)."_s, u"ms"_s, u"100"_s);
    const QCommandLineOption duration(
        u"duration-s"_s, u"Sending time (default 10)."_s, u"s"_s, u"10"_s);
    const QCommandLineOption drain(
        u"drain-ms"_s, u"Longest wait for late deliveries (default 5000)."_s, u"ms"_s, u"5000"_s);
    const QCommandLineOption settle(
        u"settle-ms"_s, u"Pause after joining (default 1000)."_s, u"ms"_s, u"1000"_s);
    const QCommandLineOption fixtures(u"fixtures"_s,
        u"Accounts file from bench/data/prepare.sh; without it, pudding mode registers accounts through the REST API and socketio mode uses event ids 1..R."_s,
        u"file"_s);
    const QCommandLineOption runId(
        u"run-id"_s, u"Marker in every message's content (default random)."_s, u"id"_s);
    const QCommandLineOption authFrame(u"auth-frame"_s,
        u"pudding: authenticate with a first {\"type\":\"auth\"} frame instead of the Authorization header."_s);
    const QCommandLineOption connections(
        u"connections"_s, u"idle: connections (default 10000)."_s, u"n"_s, u"10000"_s);
    const QCommandLineOption hold(u"hold-s"_s,
        u"idle: keep them this long (default 0 = until terminated)."_s, u"s"_s, u"0"_s);
    const QCommandLineOption window(
        u"connect-window"_s, u"Handshakes in flight at once (default 100)."_s, u"n"_s, u"100"_s);
    const QCommandLineOption target(
        u"target"_s, u"upload: pudding (default) or peer."_s, u"t"_s, u"pudding"_s);
    const QCommandLineOption uploads(
        u"uploads"_s, u"upload: uploads in all (default 100)."_s, u"n"_s, u"100"_s);
    const QCommandLineOption concurrency(
        u"concurrency"_s, u"upload: at once (default 20)."_s, u"n"_s, u"20"_s);
    const QCommandLineOption photo(
        u"photo"_s, u"upload: the JPEG to upload; makephoto: where to write it."_s, u"file"_s);
    const QCommandLineOption bytes(
        u"bytes"_s, u"makephoto: file size (default 4000000)."_s, u"n"_s, u"4000000"_s);
    const QCommandLineOption eventsFrom(u"events-from"_s,
        u"upload with fixtures: join events from this id on."_s, u"id"_s, u"50001"_s);
    const QCommandLineOption check(u"check"_s,
        u"Exit with 1 unless the run is complete (no loss, no duplicates, no errors)."_s);
    parser.addOptions({ mode, url, protocol, rooms, clients, interval, duration, drain, settle,
        fixtures, runId, authFrame, connections, hold, window, target, uploads, concurrency, photo,
        bytes, eventsFrom, check });
    parser.process(app);

    const QString m = parser.value(mode);
    const QString run = parser.isSet(runId)
        ? parser.value(runId)
        : QString::number(QRandomGenerator::global()->bounded(1u << 30), 36);

    if (m == "makephoto"_L1) {
        const QByteArray jpeg = photoOfSize(parser.value(bytes).toLongLong());
        QFile out(parser.value(photo));
        if (!out.open(QIODevice::WriteOnly) || out.write(jpeg) != jpeg.size())
            fail(u"cannot write %1"_s.arg(parser.value(photo)));
        std::fprintf(
            stderr, "wrote %s: %lld bytes\n", qPrintable(parser.value(photo)), qint64(jpeg.size()));
        return 0;
    }

    const QUrl base(parser.value(url));
    if (!base.isValid() || base.host().isEmpty())
        fail(u"--url http://host:port is needed"_s);
    QString error;
    QList<Account> fixtureAccounts;
    if (parser.isSet(fixtures)) {
        fixtureAccounts = readFixtures(parser.value(fixtures), &error);
        if (fixtureAccounts.isEmpty())
            fail(error.isEmpty() ? u"empty fixtures"_s : error);
    }

    if (m == "pudding"_L1 || m == "socketio"_L1 || m == "idle"_L1) {
        ChatConfig config;
        const bool idle = m == "idle"_L1;
        config.protocol = (idle ? parser.value(protocol) : m) == "socketio"_L1 ? Protocol::SocketIo
                                                                               : Protocol::Pudding;
        config.url = base;
        config.intervalMs = parser.value(interval).toInt();
        config.durationS = parser.value(duration).toInt();
        config.drainMs = parser.value(drain).toInt();
        config.settleMs = parser.value(settle).toInt();
        config.connectWindow = parser.value(window).toInt();
        config.authFrame = parser.isSet(authFrame);
        config.runId = run;

        QList<Room> roomList;
        const int r = idle ? 1 : parser.value(rooms).toInt();
        const int p = idle ? parser.value(connections).toInt() : parser.value(clients).toInt();
        if (parser.isSet(fixtures)) {
            if (idle) {
                if (fixtureAccounts.size() < p)
                    fail(u"the fixtures hold %1 accounts, %2 asked"_s.arg(fixtureAccounts.size())
                             .arg(p));
                roomList.append({ 0, fixtureAccounts.mid(0, p) });
            } else {
                const auto made = roomsFromFixtures(fixtureAccounts, r, p, &error);
                if (!made)
                    fail(error);
                roomList = *made;
            }
        } else if (config.protocol == Protocol::SocketIo) {
            for (int i = 0; i < r; ++i) {
                Room room { i + 1, {} };
                for (int c = 0; c < p; ++c)
                    room.members.append({ i + 1, 10001 + i * p + c, {} });
                roomList.append(room);
            }
        } else {
            RestSetup setup(base);
            std::fprintf(stderr, "registering %d accounts through the REST API ...\n", r * (p + 1));
            if (idle) {
                const auto accounts = setup.makeAccounts(run, u"idle"_s, p);
                if (!accounts)
                    fail(setup.lastError());
                roomList.append({ 0, *accounts });
            } else {
                const auto made = setup.makeRooms(run, r, p);
                if (!made)
                    fail(setup.lastError());
                roomList = *made;
            }
        }

        ChatRun chat(config, roomList, !idle);
        const bool strict = parser.isSet(check);
        int exitCode = 0;
        if (idle) {
            QObject::connect(&chat, &ChatRun::allReady, &app, [&] {
                const QJsonObject now = chat.result();
                QJsonObject ready { { u"phase"_s, u"ready"_s },
                    { u"protocol"_s, now.value("protocol"_L1) },
                    { u"connections"_s, now.value("clients"_L1) },
                    { u"connected"_s, now.value("connected"_L1) },
                    { u"connectFailures"_s, now.value("connectFailures"_L1) },
                    { u"connectSeconds"_s, now.value("connectSeconds"_L1) },
                    { u"failures"_s, now.value("failures"_L1) } };
                printJson(ready);
                std::fprintf(stderr, "idle: %lld of %lld connected in %.1f s\n",
                    qint64(now.value("connected"_L1).toInteger()),
                    qint64(now.value("clients"_L1).toInteger()),
                    now.value("connectSeconds"_L1).toDouble());
                if (strict && now.value("connectFailures"_L1).toInt() > 0)
                    exitCode = 1;
                const int holdS = parser.value(hold).toInt();
                if (holdS > 0) {
                    QTimer::singleShot(holdS * 1000, &app, [&] {
                        QJsonObject end = chat.result();
                        printJson({ { u"phase"_s, u"end"_s },
                            { u"disconnects"_s, end.value("disconnects"_L1) },
                            { u"errors"_s, end.value("errors"_L1) } });
                        if (strict && end.value("disconnects"_L1).toInt() > 0)
                            exitCode = 1;
                        chat.closeAll();
                        QTimer::singleShot(200, &app, &QCoreApplication::quit);
                    });
                }
            });
            QObject::connect(&chat, &ChatRun::finished, &app, [&] {
                // Only a connect-phase timeout finishes an idle run.
                printJson(chat.result());
                exitCode = strict ? 1 : 0;
                QCoreApplication::quit();
            });
        } else {
            QObject::connect(&chat, &ChatRun::finished, &app, [&] {
                QJsonObject outcome = chat.result();
                outcome.insert(u"runId"_s, run);
                printJson(outcome);
                summarize(outcome);
                if (strict && !outcome.value("complete"_L1).toBool())
                    exitCode = 1;
                QTimer::singleShot(100, &app, &QCoreApplication::quit);
            });
        }
        QTimer::singleShot(0, &chat, &ChatRun::start);
        app.exec();
        return exitCode;
    }

    if (m == "upload"_L1) {
        UploadRun::Config config;
        config.url = base;
        config.peer = parser.value(target) == "peer"_L1;
        config.total = parser.value(uploads).toInt();
        config.concurrency = parser.value(concurrency).toInt();
        QFile file(parser.value(photo));
        if (!file.open(QIODevice::ReadOnly))
            fail(u"--photo: cannot read %1"_s.arg(parser.value(photo)));
        config.photo = file.readAll();
        // Each uploader may need up to `total` events: fast ones take more turns.
        const int perUploader = config.total;
        QList<Account> uploaders;
        QList<qint64> events;
        if (parser.isSet(fixtures)) {
            uploaders = fixtureAccounts.mid(0, config.concurrency);
            const qint64 first = parser.value(eventsFrom).toLongLong();
            for (int i = 0; i < perUploader; ++i)
                events.append(first + i);
        } else {
            RestSetup setup(base);
            const auto accounts = setup.makeAccounts(run, u"upload"_s, config.concurrency);
            const auto made = accounts ? setup.makeEvents(run, perUploader) : std::nullopt;
            if (!made)
                fail(setup.lastError());
            uploaders = *accounts;
            events = *made;
        }
        UploadRun upload(config, uploaders, events);
        int exitCode = 0;
        QObject::connect(&upload, &UploadRun::finished, &app, [&] {
            const QJsonObject r = upload.result();
            printJson(r);
            const QJsonObject lat = r.value("latencyMs"_L1).toObject();
            std::fprintf(stderr,
                "upload %s: %lld of %lld ok, %.2f uploads/s, p50 %.0f p99 %.0f ms %s\n",
                qPrintable(r.value("target"_L1).toString()), qint64(r.value("ok"_L1).toInteger()),
                qint64(r.value("uploads"_L1).toInteger()),
                r.value("uploadsPerSecond"_L1).toDouble(), lat.value("p50"_L1).toDouble(),
                lat.value("p99"_L1).toDouble(), qPrintable(r.value("firstFailure"_L1).toString()));
            if (parser.isSet(check) && !r.value("complete"_L1).toBool())
                exitCode = 1;
            QCoreApplication::quit();
        });
        QTimer::singleShot(0, &upload, &UploadRun::start);
        app.exec();
        return exitCode;
    }

    fail(u"--mode must be pudding, socketio, idle, upload or makephoto"_s);
    return 2;
}
