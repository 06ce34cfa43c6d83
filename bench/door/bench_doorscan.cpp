// SPDX-License-Identifier: GPL-3.0-or-later
// Scan-to-verdict on this machine: a camera frame (QVideoFrame, BGRA) holding a signed
// ticket's QR code → QVideoFrame::toImage() → QrDecoder::decode() (what CameraScanner does
// per frame) → DoorSession::submit() against a cached guest list with the server unreachable
// (the offline verdict: signature, event, window, revocations, check-in state, queued).
// Prints the median, 90th percentile and worst time per frame size.
#include "api/apiclient.h"
#include "door/doorsession.h"
#include "door/qrdecoder.h"
#include "shared/ticket.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <qrencode.h>
#include <sodium.h>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;

namespace {

QImage qrFrame(const QString &text, QSize size, int modulePx, double degrees)
{
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    const int quiet = 4;
    const int side = (code->width + 2 * quiet) * modulePx;
    QImage qr(side, side, QImage::Format_RGB32);
    qr.fill(Qt::white);
    QPainter q(&qr);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                q.fillRect(
                    (x + quiet) * modulePx, (y + quiet) * modulePx, modulePx, modulePx, Qt::black);
    q.end();
    QRcode_free(code);
    QImage frame(size, QImage::Format_ARGB32_Premultiplied);
    frame.fill(QColor(110, 104, 96));
    QPainter p(&frame);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.translate(size.width() * 0.45, size.height() * 0.5);
    p.rotate(degrees);
    p.drawImage(QPointF(-side / 2.0, -side / 2.0), qr);
    p.end();
    return frame;
}

QVideoFrame videoFrame(const QImage &image)
{
    QVideoFrame frame(QVideoFrameFormat(image.size(), QVideoFrameFormat::Format_BGRA8888));
    frame.map(QVideoFrame::WriteOnly);
    for (int y = 0; y < image.height(); ++y)
        memcpy(frame.bits(0) + y * frame.bytesPerLine(0), image.constScanLine(y),
            size_t(image.width()) * 4);
    frame.unmap();
    return frame;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rounds(
        u"rounds"_s, u"Frames per size (default 40)."_s, u"n"_s, u"40"_s);
    parser.addOption(rounds);
    parser.process(app);
    const int n = std::max(1, parser.value(rounds).toInt());
    if (sodium_init() < 0)
        return 1;

    // A key, a ticket, and the guest list a door device would have cached.
    QByteArray pk(crypto_sign_PUBLICKEYBYTES, 0);
    QByteArray sk(crypto_sign_SECRETKEYBYTES, 0);
    crypto_sign_keypair(
        reinterpret_cast<unsigned char *>(pk.data()), reinterpret_cast<unsigned char *>(sk.data()));
    const qint64 eventId = 77;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray guests;
    for (int i = 1; i <= 1000; ++i)
        guests.append(
            QJsonObject { { u"ticketId"_s, i }, { u"number"_s, u"ABCD%1"_s.arg(2000 + i) },
                { u"userId"_s, 1000 + i }, { u"name"_s, u"Guest %1"_s.arg(i) },
                { u"puddingName"_s, u"Pudding %1"_s.arg(i) }, { u"photoId"_s, QJsonValue() },
                { u"checkedInAt"_s, QJsonValue() }, { u"doubleEntries"_s, 0 } });
    const QJsonObject bundle { { u"eventId"_s, eventId }, { u"version"_s, 1 },
        { u"generatedAt"_s, now.toString(Qt::ISODate) },
        { u"event"_s,
            QJsonObject { { u"id"_s, eventId }, { u"title"_s, u"Bench"_s },
                { u"startTime"_s, now.toString(Qt::ISODate) },
                { u"endTime"_s, now.addSecs(7200).toString(Qt::ISODate) }, { u"limit"_s, 1000 },
                { u"cancelled"_s, false } } },
        { u"keys"_s,
            QJsonArray { QJsonObject { { u"kid"_s, u"bench1"_s },
                { u"publicKey"_s,
                    QString::fromLatin1(pk.toBase64(
                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)) } } } },
        { u"guests"_s, guests }, { u"revoked"_s, QJsonArray() },
        { u"counter"_s, QJsonObject { { u"checkedIn"_s, 0 }, { u"expected"_s, 1000 } } } };
    QTemporaryDir cache;
    QDir().mkpath(cache.path() + u"/77"_s);
    QFile file(cache.path() + u"/77/bundle.json"_s);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(QJsonDocument(bundle).toJson());
    file.close();

    ApiClient api; // the server is unreachable: a closed port
    api.setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));
    api.setToken("bench");
    DoorSession session;
    session.setCacheRoot(cache.path());
    session.setDeviceId(u"bench"_s);
    QSignalSpy ready(&session, &DoorSession::bundleChanged);
    session.open(&api, eventId);
    if (!ready.wait(10000) || !session.isReady()) {
        std::fprintf(stderr, "the cached guest list did not load\n");
        return 1;
    }

    std::printf("scan-to-verdict, %d frames per size (QVideoFrame BGRA → toImage → decode → "
                "offline verdict)\n",
        n);
    const QList<std::pair<QSize, int>> sizes { { QSize(640, 480), 4 }, { QSize(1280, 720), 6 },
        { QSize(1920, 1080), 8 } };
    int scanned = 0; // every frame shows another guest's ticket: all verdicts are green
    for (const auto &[size, modulePx] : sizes) {
        QList<double> total;
        QList<double> decodeOnly;
        int verdicts = 0;
        for (int i = 0; i < n; ++i) {
            Tickets::TicketClaims claims;
            claims.ticketId = 1 + (scanned++ % 1000);
            claims.eventId = eventId;
            claims.userId = 1000 + claims.ticketId;
            claims.validFrom = now.addSecs(-3600);
            claims.validUntil = now.addSecs(3600 * 10);
            claims.seed = QByteArray(16, char(i));
            const QString payload = Tickets::sign(claims, u"bench1"_s, sk);
            const QVideoFrame frame = videoFrame(qrFrame(payload, size, modulePx, 7.0 * i));
            QElapsedTimer t;
            t.start();
            const QImage image = frame.toImage();
            const auto decoded = QrDecoder::decode(image);
            const double d = double(t.nsecsElapsed()) / 1e6;
            if (decoded) {
                session.clearVerdict();
                session.submit(*decoded);
                if (session.verdict().value(u"kind"_s).toString() == "green"_L1)
                    ++verdicts;
            }
            total.append(double(t.nsecsElapsed()) / 1e6);
            decodeOnly.append(d);
        }
        std::printf(
            "%4dx%-4d  green verdicts %d/%d  total median %.1f ms  p90 %.1f ms  max %.1f ms  "
            "(decode median %.1f ms)\n",
            size.width(), size.height(), verdicts, n, percentile(total, 0.5),
            percentile(total, 0.9), percentile(total, 1.0), percentile(decodeOnly, 0.5));
    }
    return 0;
}
