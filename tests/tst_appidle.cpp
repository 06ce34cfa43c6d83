// SPDX-License-Identifier: GPL-3.0-or-later
// Idle means idle: once the window has settled, the real app (against the real server with the
// demo data) renders no frame at all while nobody touches it — on the discover page, with a
// meetup's details open, and signed in with the meetup's chat on screen. A running animation,
// a busy indicator spinning out of sight or a binding that changes every frame shows up here
// as frames rendered with nothing happening.
#include "app/appcontext.h"
#include "appundertest.h"
#include "testserver.h"

#include <QElapsedTimer>
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

class TstAppIdle : public QObject
{
    Q_OBJECT

private:
    AppUnderTest m_app;
    int m_frames = 0;

    template <typename T = QObject> T *find(const char *name) const
    {
        return m_app.window->findChild<T *>(QString::fromLatin1(name));
    }

    // Waits until no frame was rendered for `quietMs` in a row (at most `timeoutMs`).
    bool settle(int quietMs = 2000, int timeoutMs = 30000)
    {
        QElapsedTimer total;
        total.start();
        while (total.elapsed() < timeoutMs) {
            const int before = m_frames;
            QTest::qWait(quietMs);
            if (m_frames == before)
                return true;
        }
        return false;
    }

    // Frames rendered over `ms` with nobody touching the app.
    int framesWhileIdle(int ms = 3000)
    {
        const int before = m_frames;
        QTest::qWait(ms);
        return m_frames - before;
    }

    // Qt 6.4's Fusion style spins a BusyIndicator that is visible but not running (only
    // transparent), repainting the window every frame; the app's BusySpinner hides itself.
    void requireNoIdleSpinner()
    {
        std::function<void(QQuickItem *)> check = [&](QQuickItem *item) {
            if (item->inherits("QQuickBusyIndicator") && item->isVisible()
                && !item->property("running").toBool())
                QFAIL(qPrintable(u"a BusyIndicator is visible without running (parent %1)"_s.arg(
                    QString::fromLatin1(item->parentItem()->metaObject()->className()))));
            const auto children = item->childItems();
            for (QQuickItem *child : children)
                check(child);
        };
        check(m_app.window->contentItem());
    }

    void requireIdle(const char *what)
    {
        requireNoIdleSpinner();
        if (QTest::currentTestFailed())
            return;
        if (!settle()) {
            const int frames = framesWhileIdle(5000);
            QFAIL(qPrintable(
                u"%1: never settled, %2 frames in 5 idle seconds"_s.arg(QLatin1StringView(what))
                    .arg(frames)));
        }
        const int frames = framesWhileIdle();
        qInfo("%s: %d frames in 3 idle seconds", what, frames);
        QCOMPARE(frames, 0);
    }

    void showEvent(qint64 id)
    {
        auto *page = find("discoverPage");
        QVERIFY(page);
        QVERIFY(QMetaObject::invokeMethod(page, "selectEvent", Q_ARG(QVariant, id)));
        auto *details = find<QQuickItem>("eventDetails");
        QTRY_VERIFY(details->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(
            details->property("event").toMap().value(u"id"_s).toLongLong(), id, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PUDDING_TILE_URL", "none");
        qputenv("PUDDING_LANG", "en");
        const QString failure = m_app.start(u"appidle"_s);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        connect(
            m_app.window, &QQuickWindow::afterRendering, this, [this] { ++m_frames; },
            Qt::DirectConnection);
        auto *markers = find("markersModel");
        QTRY_VERIFY_WITH_TIMEOUT(markers->property("pointCount").toInt() > 0, 15000);
        auto *events = find("eventsModel");
        QTRY_VERIFY_WITH_TIMEOUT(events->property("count").toInt() > 0, 15000);
        QVERIFY2(m_frames > 0, "the window rendered");
    }

    void discoverPage() { requireIdle("discover page"); }

    void detailsOpen()
    {
        showEvent(1);
        requireIdle("details of a meetup");
    }

    void detailsClosed()
    {
        auto *details = find<QQuickItem>("eventDetails");
        QVERIFY(QMetaObject::invokeMethod(details, "close"));
        QTRY_VERIFY(!details->isVisible());
        requireIdle("details closed again");
    }

    void signedInWithChat()
    {
        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(
            u"organizer@demo.pudding-gabel.de"_s, u"pudding-demo-2026"_s);
        QVERIFY(signedIn.wait(10000));
        // One of the organizer's meetups: its chat is on screen.
        const auto mine
            = m_app.server
                  ->get(u"/api/events?organizer=%1&limit=5"_s.arg(m_app.context->accounts.userId()))
                  .events();
        QVERIFY(!mine.isEmpty());
        showEvent(mine.first().toObject().value("id"_L1).toInteger());
        auto *chat = find<QQuickItem>("eventChat");
        QVERIFY(chat);
        QTRY_VERIFY_WITH_TIMEOUT(chat->isVisible(), 10000);
        requireIdle("signed in, a meetup's chat on screen");
    }

    void cleanupTestCase()
    {
        m_app.engine.reset();
        m_app.context.reset();
    }
};

QTEST_MAIN(TstAppIdle)
#include "tst_appidle.moc"
