// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF ticket on its own (no server): both page sizes, rendered by poppler's pdftoppm as a
// viewer shows them; the QR code decodes (ZXing) to the exact payload, the page has its size,
// long German texts wrap instead of running off the page, a revoked ticket has no code.
#include "door/qrdecoder.h"
#include "tickets/ticketpdf.h"
#include "tickets/ticketqr.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;

namespace {

/// The QR code in `image` ("" when none is found), by the decoder Door mode scans with.
QString decodeQr(const QImage &image)
{
    return QrDecoder::decode(image).value_or(QString());
}

/// A payload as long as a real one (PG1.<kid>.<75 chars>.<86 chars>).
QString samplePayload()
{
    QByteArray body(56, '\0');
    QByteArray sig(64, '\0');
    for (int i = 0; i < body.size(); ++i)
        body[i] = char(i * 37 + 11);
    for (int i = 0; i < sig.size(); ++i)
        sig[i] = char(i * 53 + 7);
    const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    return u"PG1.k2026a."_s + QString::fromLatin1(body.toBase64(b64)) + u'.'
        + QString::fromLatin1(sig.toBase64(b64));
}

QByteArray samplePhoto()
{
    QImage image(400, 300, QImage::Format_RGB32);
    image.fill(QColor(0xf3, 0xe0, 0xb5));
    QPainter p(&image);
    p.setBrush(QColor(0x8d, 0x4b, 0x22));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QRect(90, 60, 220, 180));
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

} // namespace

class TstMyTicketsPdf : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QImage render(const QString &pdf, const QString &name)
    {
        const QString base = m_dir.filePath(name);
        QProcess pdftoppm;
        pdftoppm.start(
            u"pdftoppm"_s, { u"-png"_s, u"-r"_s, u"100"_s, u"-singlefile"_s, pdf, base });
        if (!pdftoppm.waitForFinished(30000) || pdftoppm.exitCode() != 0) {
            qWarning() << pdftoppm.readAllStandardError();
            return {};
        }
        return QImage(base + u".png"_s);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void qrMatrixHasQuietZone()
    {
        const QrMatrix matrix = QrMatrix::encode(samplePayload().toUtf8());
        QVERIFY(!matrix.isNull());
        const QImage image = matrix.toImage(3);
        QCOMPARE(image.width(), (matrix.size + 8) * 3);
        for (int i = 0; i < image.width(); ++i) {
            QCOMPARE(qGray(image.pixel(i, 11)), 255);
            QCOMPARE(qGray(image.pixel(11, i)), 255);
        }
        QCOMPARE(decodeQr(image), samplePayload());
        QVERIFY(QrMatrix::encode(QByteArray(8000, 'x')).isNull()); // too long for any version
    }

    void pageSizesAndCode_data()
    {
        QTest::addColumn<TicketPageFormat>("format");
        QTest::addColumn<QSizeF>("pageMm");
        QTest::addColumn<bool>("revoked");
        QTest::newRow("A4") << TicketPageFormat::A4 << QSizeF(210, 297) << false;
        QTest::newRow("phone") << TicketPageFormat::Phone << QSizeF(90, 160) << false;
        QTest::newRow("phone revoked") << TicketPageFormat::Phone << QSizeF(90, 160) << true;
    }
    void pageSizesAndCode()
    {
        QFETCH(TicketPageFormat, format);
        QFETCH(QSizeF, pageMm);
        QFETCH(bool, revoked);
        TicketPdfContent content;
        content.title = u"Großer Grießpudding-Abend mit Vanillesoße, Kirschen und sehr viel "
                        "Zimt im Clara-Zetkin-Park"_s;
        content.when = u"Samstag, 12. Dezember 2026, 15:00 – 17:30 (MEZ)"_s;
        content.place = u"Eingang Ost, am Brunnen · Leipzig · 51,32870, 12,36010"_s;
        content.guestName = u"Anna Apfel"_s;
        content.puddingName = u"Schokoladenpudding mit Sahne"_s;
        content.photo = samplePhoto();
        content.number = u"ABCD-2345"_s;
        content.qrPayload = revoked ? QString() : samplePayload();
        if (revoked)
            content.revokedText = u"Revoked: You left this meetup."_s;
        const QString pdf = m_dir.filePath(u"ticket.pdf"_s);
        const auto written = writeTicketPdf(pdf, content, format);
        QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
        const QImage page = render(pdf, u"page"_s);
        QVERIFY(!page.isNull());
        const QSize expected(
            qRound(pageMm.width() / 25.4 * 100), qRound(pageMm.height() / 25.4 * 100));
        QVERIFY2(qAbs(page.width() - expected.width()) <= 1
                && qAbs(page.height() - expected.height()) <= 1,
            qPrintable(u"%1x%2, expected %3x%4"_s.arg(page.width())
                           .arg(page.height())
                           .arg(expected.width())
                           .arg(expected.height())));
        QCOMPARE(decodeQr(page), revoked ? QString() : samplePayload());
        const QString dir = QStringLiteral(PUDDING_SCREENSHOTS_DIR);
        QVERIFY(QDir().mkpath(dir));
        const QString shot = dir + u"/ticket-pdf-sample-"_s
            + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".png"_s;
        QVERIFY(page.save(shot));
        qInfo().noquote() << "screenshot:" << shot;
    }
};

QTEST_MAIN(TstMyTicketsPdf)
#include "tst_mytickets_pdf.moc"
