// SPDX-License-Identifier: GPL-3.0-or-later
// The real QML app, in this process, against the real server with the demo data: the map
// shows clustered meetups, a cluster click zooms in, a list entry opens its details, and an
// organizer creates a meetup by clicking the map and filling in the form.
#include "app/appcontext.h"
#include "appundertest.h"
#include "testserver.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;
using namespace Pudding::Client;
using namespace Pudding::Test;

class TstAppUi : public QObject
{
    Q_OBJECT

private:
    AppUnderTest m_app;

    template <typename T = QObject> T *find(const char *name) const
    {
        return m_app.window->findChild<T *>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PUDDING_TILE_URL", "none");
        qputenv("PUDDING_LANG", "en");
        const QString failure = m_app.start(u"appui"_s);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void mapShowsClusteredDemoMeetups()
    {
        auto *markers = find("markersModel");
        QVERIFY(markers);
        QTRY_VERIFY_WITH_TIMEOUT(markers->property("pointCount").toInt() >= 300, 15000);
        const int rows = markers->property("count").toInt();
        QVERIFY2(rows > 0 && rows < 300, qPrintable(QString::number(rows))); // clustered
        auto *events = find("eventsModel");
        QTRY_VERIFY_WITH_TIMEOUT(events->property("count").toInt() > 0, 15000);
    }

    void clusterClickZoomsIn()
    {
        auto *map = find<QQuickItem>("mapView");
        QVERIFY(map);
        const double zoomBefore = map->property("zoomLevel").toDouble();
        // Click the biggest cluster: find its marker item among the map's children.
        QQuickItem *best = nullptr;
        int bestCount = 0;
        QList<QQuickItem *> items;
        std::function<void(QQuickItem *)> collect = [&](QQuickItem *parent) {
            for (QQuickItem *child : parent->childItems()) {
                items.append(child);
                collect(child);
            }
        };
        collect(map);
        for (QQuickItem *item : std::as_const(items)) {
            if (item->property("isCluster").toBool() && item->property("count").toInt() > bestCount
                && item->isVisible()) {
                best = item;
                bestCount = item->property("count").toInt();
            }
        }
        QVERIFY2(best, "a cluster marker on screen");
        const QPointF centre = best->mapToScene(QPointF(best->width() / 2, best->height() / 2));
        QTest::mouseClick(m_app.window, Qt::LeftButton, {}, centre.toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(map->property("zoomLevel").toDouble() > zoomBefore + 0.5, 5000);
    }

    void listEntryOpensDetails()
    {
        auto *events = find("eventsModel");
        QTRY_VERIFY_WITH_TIMEOUT(events->property("count").toInt() > 0, 15000);
        QVariantMap first;
        QMetaObject::invokeMethod(events, "get", Q_RETURN_ARG(QVariantMap, first), Q_ARG(int, 0));
        auto *page = find("discoverPage");
        QMetaObject::invokeMethod(page, "focusEvent", Q_ARG(QVariant, first.value(u"eventId"_s)),
            Q_ARG(double, first.value(u"latitude"_s).toDouble()),
            Q_ARG(double, first.value(u"longitude"_s).toDouble()));
        auto *details = find<QQuickItem>("eventDetails");
        QTRY_VERIFY(details->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(details->property("event").toMap().value(u"title"_s).toString(),
            first.value(u"title"_s).toString(), 10000);
    }

    void organizerCreatesMeetupFromTheMap()
    {
        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(
            u"organizer@demo.pudding-gabel.de"_s, u"pudding-demo-2026"_s);
        QVERIFY(signedIn.wait(10000));

        auto *editor = find("eventEditor");
        QVERIFY(editor);
        // What a click on the map at Leipzig does: the dialog opens with the nearest city.
        QMetaObject::invokeMethod(
            editor, "openForNew", Q_ARG(double, 51.3397), Q_ARG(double, 12.3731));
        auto *title = find("titleField");
        auto *city = find("cityField");
        QVERIFY(title && city);
        QTRY_COMPARE(city->property("text").toString(), u"Leipzig"_s);
        title->setProperty("text", u"Götterspeise im Clara-Zetkin-Park"_s);
        auto *submit = find<QQuickItem>("submitButton");
        QVERIFY(submit);
        QTRY_VERIFY(submit->isVisible());
        // The form is laid out in the frames after it opens: click where the button ends up.
        QSignalSpy frames(m_app.window, &QQuickWindow::afterRendering);
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() >= 2, 5000);
        const QPointF centre
            = submit->mapToScene(QPointF(submit->width() / 2, submit->height() / 2));
        QTest::mouseClick(m_app.window, Qt::LeftButton, {}, centre.toPoint());
        // It exists on the server, with the city from the gazetteer.
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_app.server->get(u"/api/events?q=Clara-Zetkin&limit=5"_s).events().isEmpty(), 10000);
        const auto created = m_app.server->get(u"/api/events?q=Clara-Zetkin&limit=5"_s)
                                 .events()
                                 .first()
                                 .toObject();
        QCOMPARE(created.value("city"_L1).toString(), u"Leipzig"_s);
        QCOMPARE(created.value("organizer"_L1).toObject().value("name"_L1).toString(),
            u"Olga Organizer"_s);
        // And the details of the new meetup are shown.
        auto *details = find<QQuickItem>("eventDetails");
        QTRY_COMPARE_WITH_TIMEOUT(details->property("event").toMap().value(u"title"_s).toString(),
            u"Götterspeise im Clara-Zetkin-Park"_s, 10000);
    }

    void organizerReviewQueue()
    {
        // Signed in as the organizer (previous test). The demo's first meetup has requests
        // with pudding photos: open the review queue and keep a picture of it.
        const auto first = m_app.server->get(u"/api/events/1"_s).json();
        QVERIFY(QMetaObject::invokeMethod(m_app.window, "openReviewQueue", Q_ARG(QVariant, 1),
            Q_ARG(QString, first.value("title"_L1).toString())));
        QTRY_VERIFY_WITH_TIMEOUT(find("reviewQueueModel"), 5000);
        auto *queue = find("reviewQueueModel");
        QTRY_VERIFY_WITH_TIMEOUT(queue->property("count").toInt() >= 5, 10000);
        QTest::qWait(2500); // thumbnails arrive asynchronously
        const QImage shot = m_app.window->grabWindow();
        QVERIFY(!shot.isNull());
        QVERIFY(QDir().mkpath(QStringLiteral(PUDDING_ARTIFACTS_DIR)));
        const QString path = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/review-queue.png"_s;
        QVERIFY(shot.save(path));
        qInfo().noquote() << "screenshot:" << path;
    }

    void joinDialog()
    {
        // Back on the map; the join dialog for a meetup, as an attendee would see it.
        QVERIFY(QMetaObject::invokeMethod(m_app.window, "popToMap"));
        auto *dialog = find("joinDialog");
        QVERIFY(dialog);
        QVERIFY(QMetaObject::invokeMethod(dialog, "openFor", Q_ARG(QVariant, 2),
            Q_ARG(QString, u"Pudding neighbours of Leipzig, unite!"_s)));
        QTRY_VERIFY(dialog->property("opened").toBool());
        QTest::qWait(500);
        const QImage shot = m_app.window->grabWindow();
        const QString path = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/join-dialog.png"_s;
        QVERIFY(shot.save(path));
        qInfo().noquote() << "screenshot:" << path;
        QMetaObject::invokeMethod(dialog, "close");
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

QTEST_MAIN(TstAppUi)
#include "tst_appui.moc"
