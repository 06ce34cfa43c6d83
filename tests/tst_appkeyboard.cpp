// SPDX-License-Identifier: GPL-3.0-or-later
// Keyboard and focus in the real app (in-process, against the real server with the demo
// data): the New-meetup form and the other dialogs take the keyboard when they open (Esc
// closes them without a click first), the meetup list shows where the keyboard is, emptying
// the city search ends the radius filter, an unknown city says so, and the join dialog shows
// a photo upright as its EXIF orientation says (as the server stores it).
#include "app/appcontext.h"
#include "appundertest.h"
#include "attendance/joinrequest.h"
#include "testserver.h"

#include <QBuffer>
#include <QFile>
#include <QGeoCoordinate>
#include <QImage>
#include <QImageReader>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;
using namespace Pudding::Client;
using namespace Pudding::Test;

namespace {
// A JPEG of a landscape picture (red left half, blue right half) whose EXIF orientation says
// "rotate 90° clockwise to view" (6), as phones write them: upright it is portrait, red on top.
QByteArray rotatedJpeg()
{
    QImage image(240, 120, QImage::Format_RGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width() / 2; ++x)
            image.setPixel(x, y, qRgb(220, 0, 0));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 95);
    // APP1 "Exif": a big-endian TIFF header and one IFD with Orientation (0x0112) = 6.
    const QByteArray tiff = QByteArray::fromHex("4d4d002a00000008"
                                                "0001"
                                                "011200030000000100060000"
                                                "00000000");
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int length = payload.size() + 2;
    QByteArray app1 = QByteArray::fromHex("ffe1");
    app1.append(char(length >> 8)).append(char(length & 0xff)).append(payload);
    return jpeg.left(2) + app1 + jpeg.mid(2); // right after SOI
}

QColor colourAt(const QImage &image, QPointF p)
{
    return image.pixelColor(p.toPoint());
}
} // namespace

class TstAppKeyboard : public QObject
{
    Q_OBJECT

private:
    AppUnderTest m_app;
    QTemporaryDir m_dir;

    template <typename T = QObject> T *find(const char *name) const
    {
        return m_app.window->findChild<T *>(QString::fromLatin1(name));
    }

    void click(QQuickItem *item, QPointF at = {})
    {
        const QPointF local = at.isNull() ? QPointF(item->width() / 2, item->height() / 2) : at;
        QTest::mouseClick(m_app.window, Qt::LeftButton, {}, item->mapToScene(local).toPoint());
    }

    void typeText(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_app.window, c.toLatin1());
    }

    void clearFocusedField()
    {
        QTest::keyClick(m_app.window, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(m_app.window, Qt::Key_Backspace);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("PUDDING_TILE_URL", "none");
        const QString failure = m_app.start(u"appkeyboard"_s);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_app.window->requestActivate();
        auto *events = find("eventsModel");
        QTRY_VERIFY_WITH_TIMEOUT(events->property("count").toInt() > 0, 15000);

        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(
            u"organizer@demo.pudding-gabel.de"_s, u"pudding-demo-2026"_s);
        QVERIFY(signedIn.wait(10000));
    }

    void newMeetupFormTakesTheKeyboard()
    {
        // As a user does it: "New meetup", then a click on the map.
        auto *button = find<QQuickItem>("newMeetupButton");
        QVERIFY(button);
        click(button);
        auto *page = find("discoverPage");
        QTRY_VERIFY(page->property("placing").toBool());
        auto *map = find<QQuickItem>("mapView");
        // West of Germany, where no marker is in the way.
        click(map, QPointF(map->width() * 0.06, map->height() * 0.55));
        auto *editor = find("eventEditor");
        QTRY_VERIFY(editor->property("opened").toBool());
        auto *title = find<QQuickItem>("titleField");
        QTRY_VERIFY(title->hasActiveFocus());
        // Typing goes into the title at once; Esc closes without a click first.
        typeText(u"Pud"_s);
        QCOMPARE(title->property("text").toString(), u"Pud"_s);
        QTest::keyClick(m_app.window, Qt::Key_Escape);
        QTRY_VERIFY(!editor->property("visible").toBool());
    }

    void dialogsCloseWithEsc_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("meetup form (edit)") << u"eventEditor"_s;
        QTest::newRow("join dialog") << u"joinDialog"_s;
        QTest::newRow("cancel dialog") << u"cancelEventDialog"_s;
        QTest::newRow("chat photo viewer") << u"photoViewer"_s;
    }
    void dialogsCloseWithEsc()
    {
        QFETCH(QString, name);
        // The chat's photo viewer lives in the details of a meetup with a chat.
        auto *page = find("discoverPage");
        const auto mine = m_app.server
                              ->get(u"/api/events?organizer=%1&status=UPCOMING&limit=5"_s.arg(
                                  m_app.context->accounts.userId()))
                              .events();
        QVERIFY(!mine.isEmpty());
        QVERIFY(QMetaObject::invokeMethod(page, "selectEvent",
            Q_ARG(QVariant, mine.first().toObject().value("id"_L1).toInteger())));
        auto *details = find<QQuickItem>("eventDetails");
        QTRY_VERIFY_WITH_TIMEOUT(details->property("event").toMap().contains(u"id"_s), 10000);

        QObject *dialog = m_app.window->findChild<QObject *>(name);
        QVERIFY2(dialog, qPrintable(name));
        if (name == "eventEditor"_L1)
            QVERIFY(QMetaObject::invokeMethod(
                dialog, "openForEdit", Q_ARG(QVariant, details->property("event"))));
        else
            QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
        QTRY_VERIFY(dialog->property("opened").toBool());
        QTRY_VERIFY2(dialog->property("activeFocus").toBool(), "the dialog has the keyboard");
        QTest::keyClick(m_app.window, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QVERIFY(QMetaObject::invokeMethod(details, "close"));
    }

    void listShowsTheKeyboardFocus()
    {
        auto *list = find<QQuickItem>("eventList");
        QVERIFY(list);
        QTRY_VERIFY(list->property("count").toInt() > 0);
        auto *model = qvariant_cast<QObject *>(list->property("model"));
        QVERIFY(model);
        QTRY_VERIFY(!model->property("loading").toBool());
        const QImage before = m_app.window->grabWindow();
        list->forceActiveFocus(Qt::TabFocusReason);
        QTRY_VERIFY(list->hasActiveFocus());
        QTRY_VERIFY(qvariant_cast<QQuickItem *>(list->property("currentItem")));
        auto *current = qvariant_cast<QQuickItem *>(list->property("currentItem"));
        auto *frame = current->findChild<QQuickItem *>(u"focusFrame"_s);
        QVERIFY(frame);
        QTRY_VERIFY(frame->isVisible());
        // And it shows: the entry looks different with the focus on it. (Ask for the current
        // item again: a search answer arriving meanwhile may have made the delegates anew.)
        QTest::qWait(200);
        const QImage after = m_app.window->grabWindow();
        current = qvariant_cast<QQuickItem *>(list->property("currentItem"));
        QVERIFY(current);
        const QRect rect
            = current->mapRectToScene(QRectF(0, 0, current->width(), current->height()))
                  .toAlignedRect()
                  .intersected(QRect(QPoint(0, 0), after.size()));
        QVERIFY(!rect.isEmpty());
        QVERIFY2(before.copy(rect) != after.copy(rect), "the focused entry looks the same");
        // Down moves it; Enter opens the meetup.
        const int index = list->property("currentIndex").toInt();
        QTest::keyClick(m_app.window, Qt::Key_Down);
        QTRY_COMPARE(list->property("currentIndex").toInt(), index + 1);
        QTest::keyClick(m_app.window, Qt::Key_Return);
        auto *details = find<QQuickItem>("eventDetails");
        QTRY_VERIFY(details->isVisible());
        QVERIFY(QMetaObject::invokeMethod(details, "close"));
    }

    void clearingTheCityEndsTheRadius()
    {
        auto *city = find<QQuickItem>("citySearchField");
        auto *filter = find("eventFilter");
        QVERIFY(city && filter);
        click(city);
        QTRY_VERIFY(city->hasActiveFocus());
        typeText(u"Leipzig"_s);
        QTest::keyClick(m_app.window, Qt::Key_Return);
        QTRY_VERIFY(filter->property("radiusKm").toDouble() > 0);
        QVERIFY(filter->property("centre").value<QGeoCoordinate>().isValid());

        clearFocusedField();
        QCOMPARE(city->property("text").toString(), QString());
        QTRY_COMPARE(filter->property("radiusKm").toDouble(), 0.0);
        QVERIFY(!filter->property("centre").value<QGeoCoordinate>().isValid());
    }

    void unknownCitySaysSo()
    {
        auto *city = find<QQuickItem>("citySearchField");
        click(city);
        QTRY_VERIFY(city->hasActiveFocus());
        clearFocusedField();
        typeText(u"Xyzzyhausen"_s);
        QTest::keyClick(m_app.window, Qt::Key_Return);
        auto *label = find<QQuickItem>("noCityLabel");
        QVERIFY(label);
        QTRY_VERIFY(label->isVisible());
        QTRY_VERIFY(label->window() != nullptr);
        QVERIFY(label->property("text").toString().contains(u"Xyzzyhausen"_s));
        QVERIFY(city->property("noMatch").toBool());
        // A known city again: no complaint.
        clearFocusedField();
        typeText(u"Dresd"_s);
        QTRY_VERIFY(!label->isVisible());
        QTest::keyClick(m_app.window, Qt::Key_Escape);
        clearFocusedField();
    }

    void joinPreviewIsUpright()
    {
        const QString path = m_dir.filePath(u"sideways.jpg"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(rotatedJpeg());
        file.close();
        // The file really is stored sideways with an orientation tag.
        QImageReader reader(path);
        QCOMPARE(reader.size(), QSize(240, 120));
        QCOMPARE(reader.transformation(), QImageIOHandler::TransformationRotate90);

        auto *dialog = find("joinDialog");
        QVERIFY(QMetaObject::invokeMethod(
            dialog, "openFor", Q_ARG(QVariant, 2), Q_ARG(QString, u"A meetup"_s)));
        QTRY_VERIFY(dialog->property("opened").toBool());
        auto *request = dialog->findChild<JoinRequest *>();
        if (!request) // parented to the dialog's content item
            request = m_app.window->findChild<JoinRequest *>();
        QVERIFY(request);
        request->checkPhoto(QUrl::fromLocalFile(path));
        auto *preview = find<QQuickItem>("joinPhotoPreview");
        QVERIFY(preview);
        QTRY_COMPARE_WITH_TIMEOUT(preview->property("status").toInt(), 1 /* Image.Ready */, 5000);
        QTRY_VERIFY(preview->isVisible());
        // Upright: portrait, red on top, blue below.
        const qreal paintedWidth = preview->property("paintedWidth").toReal();
        const qreal paintedHeight = preview->property("paintedHeight").toReal();
        QVERIFY2(paintedHeight > paintedWidth * 1.5,
            qPrintable(u"painted %1x%2"_s.arg(paintedWidth).arg(paintedHeight)));
        QTest::qWait(200);
        const QImage shot = m_app.window->grabWindow();
        const qreal dpr = shot.devicePixelRatio();
        const QPointF centre
            = preview->mapToScene(QPointF(preview->width() / 2, preview->height() / 2));
        const QColor top = colourAt(shot, (centre - QPointF(0, paintedHeight / 4)) * dpr);
        const QColor bottom = colourAt(shot, (centre + QPointF(0, paintedHeight / 4)) * dpr);
        QVERIFY2(top.red() > 150 && top.blue() < 100, qPrintable(top.name()));
        QVERIFY2(bottom.blue() > 150 && bottom.red() < 100, qPrintable(bottom.name()));
        QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
    }

    void noQmlWarnings()
    {
        QVERIFY2(m_app.warnings.isEmpty(), qPrintable(m_app.warnings.join(u'\n')));
    }

    void cleanupTestCase()
    {
        m_app.engine.reset();
        m_app.context.reset();
    }
};

QTEST_MAIN(TstAppKeyboard)
#include "tst_appkeyboard.moc"
