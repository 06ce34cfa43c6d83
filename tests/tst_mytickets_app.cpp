// SPDX-License-Identifier: GPL-3.0-or-later
// "My tickets" in the real app (in-process, offscreen, software rendering) against the real
// server with the demo data: Anna, approved for two meetups, opens the page from the header;
// the QR code in the screenshot decodes back to her ticket's payload. The screenshot is saved
// for a human to look at (build*/screenshots/mytickets-<lang>.png).
#include "appundertest.h"
#include "tickets/ticketsmodel.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QQuickItem>
#include <QSignalSpy>

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

namespace {

const QString kDemoPassword = u"pudding-demo-2026"_s;

QStringList decodeAllQr(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
        ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    QStringList texts;
    for (const ZXing::Result &result : ZXing::ReadBarcodes(view, hints)) {
        if (result.isValid())
            texts.append(QString::fromStdString(result.text()));
    }
    return texts;
}

void collect(QQuickItem *parent, QList<QQuickItem *> &out)
{
    for (QQuickItem *child : parent->childItems()) {
        out.append(child);
        collect(child, out);
    }
}

} // namespace

class TstMyTicketsApp : public QObject
{
    Q_OBJECT

private:
    AppUnderTest m_app;
    QString m_language;

    template <typename T = QObject> T *find(const char *name) const
    {
        return m_app.window->findChild<T *>(QString::fromLatin1(name));
    }

    /// The first visible item of that name in the scene (delegates are not QObject children).
    QQuickItem *findItem(const char *name) const
    {
        QList<QQuickItem *> items;
        collect(m_app.window->contentItem(), items);
        for (QQuickItem *item : std::as_const(items)) {
            if (item->objectName() == QLatin1StringView(name) && item->isVisible())
                return item;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_language = qEnvironmentVariable("PUDDING_LANG", u"en"_s);
        qputenv("PUDDING_TILE_URL", "none");
        const QString failure = m_app.start(u"myticketsapp_"_s + m_language);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void myTicketsPage()
    {
        // Anna is approved for one demo meetup; she asks to join one more (with a photo of her
        // pudding) and Olga approves it.
        const QByteArray olga
            = m_app.server.signIn(u"organizer@demo.pudding-gabel.de"_s, kDemoPassword);
        const QByteArray anna = m_app.server.signIn(u"anna@demo.pudding-gabel.de"_s, kDemoPassword);
        QVERIFY(!olga.isEmpty() && !anna.isEmpty());
        const qint64 olgaId = m_app.server.userId(olga);
        QSet<qint64> annasEvents;
        for (const auto &a : m_app.server->get(u"/api/attendance/mine"_s, anna)
                                 .json()
                                 .value("attendances"_L1)
                                 .toArray())
            annasEvents.insert(a.toObject().value("eventId"_L1).toInteger());
        qint64 eventId = 0;
        for (const auto &e :
            m_app.server->get(u"/api/events?organizer=%1&status=UPCOMING&limit=20"_s.arg(olgaId))
                .events()) {
            const qint64 id = e.toObject().value("id"_L1).toInteger();
            if (!annasEvents.contains(id)
                && e.toObject().value("attendeeCount"_L1).toInt()
                    < e.toObject().value("attendeeLimit"_L1).toInt()) {
                eventId = id;
                break;
            }
        }
        QVERIFY(eventId > 0);
        const qint64 attendance = m_app.server.requestJoin(eventId, anna);
        QVERIFY(attendance > 0);
        QCOMPARE(m_app.server.decide(eventId, attendance, "APPROVED", olga), 200);
        const auto mine = m_app.server->get(u"/api/tickets/mine"_s, anna);
        QCOMPARE(mine.status, 200);
        const QJsonArray serverTickets = mine.json().value("tickets"_L1).toArray();
        QVERIFY(serverTickets.size() >= 2);
        QStringList payloads;
        for (const auto &t : serverTickets)
            payloads.append(t.toObject().value("qr"_L1).toString());

        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(u"anna@demo.pudding-gabel.de"_s, kDemoPassword);
        QVERIFY(signedIn.wait(10000));

        // From the header, next to "My requests".
        auto *button = find<QQuickItem>("myTicketsButton");
        QVERIFY(button);
        QTRY_VERIFY(button->isVisible());
        QVERIFY(QMetaObject::invokeMethod(button, "clicked"));
        QTRY_VERIFY_WITH_TIMEOUT(find("myTicketsPage"), 5000);
        auto *stack = find("pageStack");
        QVERIFY(stack);
        QTRY_VERIFY_WITH_TIMEOUT(!stack->property("busy").toBool(), 5000); // pushed, not sliding
        auto *model = find("ticketsModel");
        QVERIFY(model);
        QTRY_VERIFY_WITH_TIMEOUT(model->property("count").toInt() == serverTickets.size(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!model->property("loading").toBool(), 15000);

        // The first ticket's code is painted with whole pixels per module, large enough for a
        // scanner at arm's length (at least 5 px per module).
        QQuickItem *qr = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((qr = findItem("ticketQr")) != nullptr, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(qr->property("modulePixels").toInt() >= 5, 5000);
        // Wait for the photos (thumbnails through the image provider).
        QList<QQuickItem *> items;
        collect(m_app.window->contentItem(), items);
        for (QQuickItem *item : std::as_const(items)) {
            if (item->inherits("QQuickImage") && item->isVisible()
                && item->property("source").toString().startsWith("image://puddingphoto"_L1))
                QTRY_COMPARE_WITH_TIMEOUT(item->property("status").toInt(), 1 /* Ready */, 15000);
        }

        // grabWindow() renders the scene as it is now (software backend).
        const QImage shot = m_app.window->grabWindow();
        QVERIFY(!shot.isNull());
        const QString dir = QStringLiteral(PUDDING_SCREENSHOTS_DIR);
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + u"/mytickets-"_s + m_language + u".png"_s;
        QVERIFY(shot.save(path));
        qInfo().noquote() << "screenshot:" << path;

        const QStringList decoded = decodeAllQr(shot);
        QVERIFY2(!decoded.isEmpty(), "no QR code found in the screenshot");
        for (const QString &text : decoded)
            QVERIFY2(payloads.contains(text), qPrintable(text));
        QVERIFY2(m_app.warnings.isEmpty(), qPrintable(m_app.warnings.join(u'\n')));
    }

    void revokedTicketShowsWhy()
    {
        // Anna leaves the meetup of her second ticket: it stays listed, revoked, with the reason.
        auto *model = qobject_cast<QAbstractItemModel *>(find("ticketsModel"));
        QVERIFY(model);
        QVERIFY(model->rowCount() >= 2);
        const auto roles = model->roleNames();
        const int eventIdRole = roles.key("eventId");
        const int statusRole = roles.key("status");
        const qint64 eventId = model->data(model->index(1, 0), eventIdRole).toLongLong();
        QVERIFY(eventId > 0);
        const QByteArray anna = m_app.server.signIn(u"anna@demo.pudding-gabel.de"_s, kDemoPassword);
        QCOMPARE(m_app.server
                     ->request(
                         "DELETE", u"/api/attendance/events/%1/attendance"_s.arg(eventId), {}, anna)
                     .status,
            200);
        QVERIFY(QMetaObject::invokeMethod(model, "refresh"));
        QTRY_COMPARE_WITH_TIMEOUT(
            model->data(model->index(1, 0), statusRole).toString(), u"REVOKED"_s, 15000);
        auto *list = find<QQuickItem>("ticketList");
        QVERIFY(list);
        QVERIFY(QMetaObject::invokeMethod(
            list, "positionViewAtIndex", Q_ARG(int, 1), Q_ARG(int, 1 /* ListView.Beginning */)));
        QQuickItem *reason = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((reason = findItem("revokeReason")) != nullptr, 5000);
        QVERIFY(!reason->property("text").toString().isEmpty());
        const QImage shot = m_app.window->grabWindow();
        const QString path = QStringLiteral(PUDDING_SCREENSHOTS_DIR) + u"/mytickets-revoked-"_s
            + m_language + u".png"_s;
        QVERIFY(shot.save(path));
        qInfo().noquote() << "screenshot:" << path;
        QVERIFY2(m_app.warnings.isEmpty(), qPrintable(m_app.warnings.join(u'\n')));
    }

    void signingOutForgetsTheCopyWithoutThePage()
    {
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(TicketsModel::cacheFilePath()), 10000);
        // Back on the map: no tickets model exists any more.
        auto *stack = find("pageStack");
        QVERIFY(QMetaObject::invokeMethod(m_app.window, "popToMap"));
        QTRY_VERIFY_WITH_TIMEOUT(!stack->property("busy").toBool(), 5000);
        QTRY_VERIFY(findItem("ticketList") == nullptr);
        m_app.context->accounts.signOut();
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(TicketsModel::cacheFilePath()), 10000);
    }
};

QTEST_MAIN(TstMyTicketsApp)
#include "tst_mytickets_app.moc"
