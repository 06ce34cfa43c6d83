// SPDX-License-Identifier: GPL-3.0-or-later
// Door mode's scanner pipeline without a camera: real ticket payloads (signed as the server
// signs them) drawn as QR codes by libqrencode, rotated, scaled, noisy and blurred, placed in a
// camera-sized frame, through QrDecoder::decode() — the function the camera's video sink calls
// — and through CameraScanner::handleFrame() itself with a QVideoFrame. A frame without a QR
// code gives nothing.
#include "door/camerascanner.h"
#include "door/qrdecoder.h"
#include "shared/ticket.h"
#include "testsupport/qrtestimage.h"

#include <QGuiApplication>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <qrencode.h>
#include <sodium.h>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

namespace {

/// A 1280×720 "camera frame": a grey-ish scene with the code turned by `degrees`, somewhere
/// off-centre.
QImage cameraFrame(const QImage &code, double degrees, QSize frameSize = QSize(1280, 720))
{
    QImage frame(frameSize, QImage::Format_RGB32);
    frame.fill(QColor(110, 104, 96));
    QPainter p(&frame);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    // Some clutter: a table edge and a sleeve.
    p.fillRect(0, frameSize.height() * 3 / 4, frameSize.width(), frameSize.height() / 4,
        QColor(70, 50, 40));
    p.setBrush(QColor(40, 60, 120));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPoint(frameSize.width() - 120, 80), 160, 90);
    p.translate(frameSize.width() * 0.45, frameSize.height() * 0.5);
    p.rotate(degrees);
    p.drawImage(QPointF(-code.width() / 2.0, -code.height() / 2.0), code);
    p.end();
    return frame;
}

/// Sensor noise: every pixel off by up to ±amount per channel.
QImage withNoise(QImage image, int amount)
{
    QRandomGenerator rng(42);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int d = int(rng.bounded(2 * amount + 1)) - amount;
            const QRgb c = line[x];
            line[x] = qRgb(std::clamp(qRed(c) + d, 0, 255), std::clamp(qGreen(c) + d, 0, 255),
                std::clamp(qBlue(c) + d, 0, 255));
        }
    }
    return image;
}

/// Out of focus: a box blur of the given radius, done twice (close to a Gaussian).
QImage blurred(const QImage &source, int radius)
{
    QImage image = source.convertToFormat(QImage::Format_Grayscale8);
    for (int pass = 0; pass < 2; ++pass) {
        QImage out(image.size(), QImage::Format_Grayscale8);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                int sum = 0;
                int n = 0;
                for (int dy = -radius; dy <= radius; ++dy) {
                    const int yy = std::clamp(y + dy, 0, image.height() - 1);
                    const uchar *line = image.constScanLine(yy);
                    for (int dx = -radius; dx <= radius; ++dx) {
                        sum += line[std::clamp(x + dx, 0, image.width() - 1)];
                        ++n;
                    }
                }
                out.scanLine(y)[x] = uchar(sum / n);
            }
        }
        image = out;
    }
    return image;
}

} // namespace

class TstQrScan : public QObject
{
    Q_OBJECT

private:
    QByteArray m_publicKey;
    QByteArray m_secretKey;
    QString m_payload;
    static constexpr qint64 kEventId = 4711;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        m_publicKey.resize(crypto_sign_PUBLICKEYBYTES);
        m_secretKey.resize(crypto_sign_SECRETKEYBYTES);
        crypto_sign_keypair(reinterpret_cast<unsigned char *>(m_publicKey.data()),
            reinterpret_cast<unsigned char *>(m_secretKey.data()));
        Tickets::TicketClaims claims;
        claims.ticketId = 123456;
        claims.eventId = kEventId;
        claims.userId = 987;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        claims.validFrom = now.addSecs(-3600);
        claims.validUntil = now.addSecs(4 * 3600);
        claims.seed = QByteArray(16, '\x5a');
        m_payload = Tickets::sign(claims, u"k2026a"_s, m_secretKey);
        QVERIFY(m_payload.startsWith("PG1.k2026a."_L1));
    }

    void decodesGeneratedCodes_data()
    {
        QTest::addColumn<int>("modulePx");
        QTest::addColumn<double>("degrees");
        QTest::addColumn<int>("noise");
        QTest::addColumn<int>("blur");
        QTest::addColumn<QSize>("frame");
        const QSize hd(1280, 720);
        QTest::newRow("upright") << 6 << 0.0 << 0 << 0 << hd;
        QTest::newRow("17 degrees") << 6 << 17.0 << 0 << 0 << hd;
        QTest::newRow("90 degrees") << 6 << 90.0 << 0 << 0 << hd;
        QTest::newRow("180 degrees") << 6 << 180.0 << 0 << 0 << hd;
        QTest::newRow("-33 degrees") << 5 << -33.0 << 0 << 0 << hd;
        QTest::newRow("small (3 px modules)") << 3 << 0.0 << 0 << 0 << hd;
        QTest::newRow("small, 17 degrees") << 3 << 17.0 << 0 << 0 << hd;
        QTest::newRow("large (14 px modules)") << 14 << 0.0 << 0 << 0 << QSize(1920, 1080);
        QTest::newRow("noise") << 6 << 0.0 << 40 << 0 << hd;
        QTest::newRow("noise, 90 degrees") << 6 << 90.0 << 40 << 0 << hd;
        QTest::newRow("blurred") << 7 << 0.0 << 0 << 2 << hd;
        QTest::newRow("blurred and noisy, 17 degrees") << 7 << 17.0 << 20 << 2 << hd;
        QTest::newRow("VGA webcam") << 4 << 10.0 << 15 << 0 << QSize(640, 480);
    }
    void decodesGeneratedCodes()
    {
        QFETCH(int, modulePx);
        QFETCH(double, degrees);
        QFETCH(int, noise);
        QFETCH(int, blur);
        QFETCH(QSize, frame);
        const QImage code = qrImage(m_payload, modulePx);
        QVERIFY(!code.isNull());
        QImage image = cameraFrame(code, degrees, frame);
        if (noise > 0)
            image = withNoise(image, noise);
        if (blur > 0)
            image = blurred(image, blur);
        const auto decoded = QrDecoder::decode(image);
        QVERIFY2(decoded, "no QR code found");
        QCOMPARE(*decoded, m_payload);
        // And it is the ticket it was: the offline check accepts it.
        const QHash<QString, QByteArray> keys { { u"k2026a"_s, m_publicKey } };
        QCOMPARE(Tickets::verify(*decoded, keys, kEventId, QDateTime::currentDateTimeUtc()),
            Tickets::Verdict::Valid);
    }

    void nothingInAFrameWithoutCode()
    {
        QImage frame = cameraFrame(QImage(), 0);
        // Stripes and text, to give the finder something to look at.
        QPainter p(&frame);
        for (int x = 0; x < frame.width(); x += 24)
            p.fillRect(x, 100, 12, 200, Qt::black);
        p.setFont(QFont(u"Sans"_s, 40));
        p.drawText(QPoint(200, 500), u"Schokoladenpudding"_s);
        p.end();
        QVERIFY(!QrDecoder::decode(withNoise(frame, 20)));
        QVERIFY(!QrDecoder::decode(QImage()));
    }

    void asyncOffTheGuiThread()
    {
        const QImage image = cameraFrame(qrImage(m_payload, 6), 45);
        auto future = QrDecoder::decodeAsync(image);
        future.waitForFinished();
        QVERIFY(future.result());
        QCOMPARE(*future.result(), m_payload);
    }

    // The camera's own path: a QVideoFrame as the sink delivers it, into handleFrame(). A
    // second frame with the same code right after is not a second scan.
    void cameraPathWithAVideoFrame()
    {
        const QImage image = cameraFrame(qrImage(m_payload, 6), 17)
                                 .convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QVideoFrame frame(QVideoFrameFormat(image.size(), QVideoFrameFormat::Format_BGRA8888));
        QVERIFY(frame.map(QVideoFrame::WriteOnly));
        for (int y = 0; y < image.height(); ++y)
            memcpy(frame.bits(0) + y * frame.bytesPerLine(0), image.constScanLine(y),
                size_t(image.width()) * 4);
        frame.unmap();

        CameraScanner scanner;
        QSignalSpy decoded(&scanner, &CameraScanner::decoded);
        QSignalSpy processed(&scanner, &CameraScanner::frameProcessed);
        scanner.handleFrame(frame);
        // Arriving while the first is decoded: dropped, never queued.
        scanner.handleFrame(frame);
        QVERIFY(decoded.wait(10000));
        QCOMPARE(decoded.constFirst().constFirst().toString(), m_payload);
        QCOMPARE(processed.size(), 1);
        // Held up for a while: a later frame with the same code is decoded, but no new scan.
        QTest::qWait(1000 / CameraScanner::FramesPerSecond + 50); // past the frame-rate limit
        scanner.handleFrame(frame);
        QTRY_COMPARE_WITH_TIMEOUT(processed.size(), 2, 10000);
        QCOMPARE(decoded.size(), 1);
    }
};

QTEST_MAIN(TstQrScan)
#include "tst_qrscan.moc"
