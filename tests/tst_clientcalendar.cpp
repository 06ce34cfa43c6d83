// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's calendar parts against the real server, in the real QML offscreen: the
// calendar subscription dialog (create, show and copy the webcal:// address, make a new one,
// stop it; each step checked on the server) and "Add to calendar" (the .ics downloaded through
// ApiClient and written off the GUI thread).
#include "api/apiclient.h"
#include "app/appcontext.h"
#include "calendar/calendarexport.h"
#include "contractrecorder.h"
#include "serverfixture.h"

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

class TstClientCalendar : public QObject
{
    Q_OBJECT

    ServerFixture m_server;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QStringList m_warnings;
    Account m_anna;
    qint64 m_eventId = 0;

    template <typename T = QQuickItem> T *find(const char *name)
    {
        return m_window->findChild<T *>(QLatin1StringView(name));
    }

    void click(const char *name)
    {
        auto *item = find(name);
        QVERIFY2(item, name);
        QTRY_VERIFY(item->isVisible() && item->isEnabled());
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
    }

    /// The feed's path on the test server, from the address the dialog shows.
    QString shownPath()
    {
        const QString shown = find("feedUrlField")->property("text").toString();
        const QString prefix = u"webcal://127.0.0.1:%1"_s.arg(m_server->port());
        if (!shown.startsWith(prefix))
            return {};
        return shown.mid(prefix.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(u"clientcalendar"_s), qPrintable(m_server.errorString()));
        m_anna = m_server.signUp(u"Anna Kalender"_s);
        QVERIFY(m_anna.isValid());
        m_eventId = m_server.createMeetup(m_anna.token);
        QVERIFY(m_eventId > 0);

        m_context = std::make_unique<AppContext>(m_server->url(u"/"_s));
        m_context->api.setToken(m_anna.token);
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(u"qrc:/qt/qml"_s);
        connect(m_engine.get(), &QQmlApplicationEngine::warnings, this,
            [this](const QList<QQmlError> &warnings) {
                for (const auto &w : warnings)
                    m_warnings.append(w.toString());
            });
        m_engine->loadData(R"(
            import QtQuick
            import QtQuick.Controls
            import PuddingGabel
            ApplicationWindow {
                width: 800; height: 600; visible: true
                property alias dialog: feedDialog
                AddToCalendarButton { objectName: "addToCalendar"; width: 300; eventId: )"
            + QByteArray::number(m_eventId) + R"( }
                CalendarFeedDialog { id: feedDialog; anchors.centerIn: parent }
            })");
        QCOMPARE(m_engine->rootObjects().size(), 1);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void subscriptionDialog()
    {
        auto *dialog = m_window->property("dialog").value<QObject *>();
        QVERIFY(dialog);
        QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
        auto *feed = m_window->findChild<QObject *>(u"calendarFeed"_s);
        QVERIFY(feed);
        QTRY_VERIFY(!feed->property("loading").toBool());
        QTRY_COMPARE(find("feedState")->property("text").toString(),
            u"You have no calendar subscription."_s);
        QCOMPARE(find("createFeedButton")->property("text").toString(), u"Create subscription"_s);
        QVERIFY(!find("stopFeedButton")->isVisible());

        // Create: the address is shown, and it is a working feed.
        click("createFeedButton");
        QTRY_VERIFY(!shownPath().isEmpty());
        const QString first = shownPath();
        QVERIFY(first.startsWith(u"/calendar/"_s) && first.endsWith(u".ics"_s));
        Contract::recordSecret("feed token", first.mid(10).chopped(4).toLatin1());
        const auto feed1 = m_server->get(first);
        QCOMPARE(feed1.status, 200);
        QVERIFY(feed1.body.startsWith("BEGIN:VCALENDAR\r\n"));
        QCOMPARE(feed1.body.count("BEGIN:VEVENT"), 1); // Anna organizes the meetup
        QVERIFY(find("feedState")->property("text").toString().startsWith(u"Active since"_s));
        QCOMPARE(m_server->get(u"/api/calendar/feed"_s, m_anna.token).json().value("active"_L1),
            QJsonValue(true));

        QDir().mkpath(QStringLiteral(PUDDING_SCREENSHOT_DIR));
        QVERIFY(m_window->grabWindow().save(
            QStringLiteral(PUDDING_SCREENSHOT_DIR) + u"/calendar-subscription.png"_s));

        // Copy puts the webcal:// address on the clipboard.
        click("copyFeedUrlButton");
        QTRY_COMPARE(QGuiApplication::clipboard()->text(),
            find("feedUrlField")->property("text").toString());

        // A new address: the old one is dead.
        QCOMPARE(find("createFeedButton")->property("text").toString(), u"Make a new address"_s);
        click("createFeedButton");
        QTRY_VERIFY(!shownPath().isEmpty() && shownPath() != first);
        const QString second = shownPath();
        Contract::recordSecret("feed token", second.mid(10).chopped(4).toLatin1());
        QCOMPARE(m_server->get(first).status, 404);
        QCOMPARE(m_server->get(second).status, 200);

        // Stop: nothing answers any more, and the dialog says so.
        click("stopFeedButton");
        QTRY_COMPARE(find("feedState")->property("text").toString(),
            u"You have no calendar subscription."_s);
        QVERIFY(!find("feedUrlField")->isVisible());
        QCOMPARE(m_server->get(second).status, 404);
        QCOMPARE(m_server->get(u"/api/calendar/feed"_s, m_anna.token).json().value("active"_L1),
            QJsonValue(false));

        // Reopened later: the state comes from the server again.
        QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
        QVERIFY(QMetaObject::invokeMethod(feed, "create", Q_ARG(QString, u"de"_s)));
        QTRY_VERIFY(feed->property("active").toBool());
        QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
        QTRY_VERIFY(find("feedState")->property("text").toString().startsWith(u"Active since"_s));
        QVERIFY(QMetaObject::invokeMethod(feed, "remove"));
        QTRY_VERIFY(!feed->property("active").toBool());
        QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
    }

    void addToCalendarDownloads()
    {
        auto *exporter = m_window->findChild<CalendarExport *>(u"calendarExport"_s);
        QVERIFY(exporter);
        exporter->setProperty("openAfterDownload", false); // no desktop calendar in CI
        QSignalSpy saved(exporter, &CalendarExport::saved);
        click("addToCalendarButton");
        QVERIFY(saved.wait(20000));
        const QString path = saved.first().first().toString();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ics = file.readAll();
        QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\n"));
        QVERIFY(ics.contains("UID:event-%1@"_ba.replace("%1", QByteArray::number(m_eventId))));
        QVERIFY(ics.contains("DTSTART;TZID=Europe/Berlin:"));
        // Anna organizes it: her file has the exact place.
        QVERIFY(ics.contains("\r\nGEO:"));
        QVERIFY(exporter->errorText().isEmpty());

        // "Save as": where the user picked.
        QTemporaryDir dir;
        const QString target = dir.filePath(u"meetup.ics"_s);
        exporter->saveAs(m_eventId, u"de"_s, QUrl::fromLocalFile(target));
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.last().first().toString(), target);
        QFile chosen(target);
        QVERIFY(chosen.open(QIODevice::ReadOnly));
        QVERIFY(chosen.readAll().contains("Organisiert von Anna Kalender"));
    }

    void noQmlWarnings() { QVERIFY2(m_warnings.isEmpty(), qPrintable(m_warnings.join(u'\n'))); }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_context.reset();
    }
};

QTEST_MAIN(TstClientCalendar)
#include "tst_clientcalendar.moc"
