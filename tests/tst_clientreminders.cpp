// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's reminder parts against the real server, in the real QML offscreen: the
// reminder settings dialog (24 h, 2 h, one's own, off — each step checked on the server) and
// "Can't come after all" (the button, its confirmation, the place given back on the server and
// the next one on the waiting list moved up). Screenshots of both dialogs.
#include "api/apiclient.h"
#include "app/appcontext.h"
#include "serverfixture.h"

#include <QDir>
#include <QGuiApplication>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

class TstClientReminders : public QObject
{
    Q_OBJECT

    ServerFixture m_server;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QStringList m_warnings;
    Account m_olga;
    Account m_anna;
    Account m_wanda;
    qint64 m_eventId = 0;

    template <typename T = QQuickItem> T *find(const char *name)
    {
        return m_window->findChild<T *>(QLatin1StringView(name));
    }

    void click(const char *name)
    {
        auto *item = find(name);
        QVERIFY2(item, name);
        QTRY_VERIFY2(item->isVisible() && item->isEnabled(), name);
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
    }

    QJsonArray serverOffsets()
    {
        return m_server->get(u"/api/reminders"_s, m_anna.token)
            .json()
            .value("offsets"_L1)
            .toArray();
    }

    void screenshot(const QString &name)
    {
        QDir().mkpath(QStringLiteral(PUDDING_SCREENSHOT_DIR));
        QVERIFY(
            m_window->grabWindow().save(QStringLiteral(PUDDING_SCREENSHOT_DIR) + u"/"_s + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(u"clientreminders"_s), qPrintable(m_server.errorString()));
        m_olga = m_server.signUp(u"Olga Organizer"_s);
        QVERIFY(m_olga.isValid());
        m_eventId = m_server.createMeetup(m_olga.token, 1);
        QVERIFY(m_eventId > 0);
        m_anna = m_server.approvedGuest(m_eventId, m_olga.token, u"Anna Approved"_s);
        QVERIFY(m_anna.isValid());
        m_wanda = m_server.signUp(u"Wanda Waitlisted"_s);
        QVERIFY(m_server.requestJoin(m_eventId, m_wanda.token) > 0);

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
                id: win
                width: 800; height: 640; visible: true
                property alias dialog: settingsDialog
                property int givenBack: 0
                CantComeButton {
                    objectName: "cantComeRoot"; width: 300; x: 20; y: 20
                    eventTitle: "Pudding tasting"
                    eventId: )"
            + QByteArray::number(m_eventId) + R"(
                    onPlaceGivenBack: (eventId) => win.givenBack = eventId
                }
                ReminderSettingsDialog { id: settingsDialog; anchors.centerIn: parent }
            })");
        QCOMPARE(m_engine->rootObjects().size(), 1);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void reminderSettings()
    {
        auto *dialog = m_window->property("dialog").value<QObject *>();
        QVERIFY(dialog);
        QVERIFY(QMetaObject::invokeMethod(dialog, "open"));
        auto *settings = m_window->findChild<QObject *>(u"reminderSettings"_s);
        QVERIFY(settings);
        // The defaults from the server.
        QTRY_VERIFY(find("reminder24h")->property("checked").toBool());
        QVERIFY(find("reminder2h")->property("checked").toBool());
        QVERIFY(find("remindersSwitch")->property("checked").toBool());

        // 2 h off: only 24 h stays, on the server too.
        click("reminder2h");
        QTRY_COMPARE(serverOffsets(), (QJsonArray { 1440 }));
        QTRY_VERIFY(!find("reminder2h")->property("checked").toBool());

        // One of one's own: 3 days.
        find("customAmount")->setProperty("value", 3);
        find("customUnit")->setProperty("currentIndex", 2);
        click("addReminderButton");
        QTRY_COMPARE(serverOffsets(), (QJsonArray { 4320, 1440 }));
        // And 45 minutes.
        find("customAmount")->setProperty("value", 45);
        find("customUnit")->setProperty("currentIndex", 0);
        click("addReminderButton");
        QTRY_COMPARE(serverOffsets(), (QJsonArray { 4320, 1440, 45 }));
        QTRY_VERIFY(!settings->property("loading").toBool());
        screenshot(u"reminder-settings.png"_s);

        // Off: none at all. On again: the defaults.
        click("remindersSwitch");
        QTRY_COMPARE(serverOffsets(), QJsonArray());
        QTRY_VERIFY(!find("reminder24h")->property("checked").toBool());
        click("remindersSwitch");
        QTRY_COMPARE(serverOffsets(), (QJsonArray { 1440, 120 }));

        // Refused by the app itself before asking (1 minute is too soon).
        find("customAmount")->setProperty("value", 1);
        click("addReminderButton");
        QTRY_VERIFY(!find("reminderError")->property("text").toString().isEmpty());
        QCOMPARE(serverOffsets(), (QJsonArray { 1440, 120 }));
        QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
    }

    void cantComeAfterAll()
    {
        click("cantComeButton");
        auto *dialog = m_window->findChild<QObject *>(u"cantComeDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        screenshot(u"cant-come-confirm.png"_s);
        // Nothing happens before the confirmation.
        QCOMPARE(m_server->get(u"/api/attendance/mine"_s, m_anna.token)
                     .json()
                     .value("attendances"_L1)
                     .toArray()
                     .first()
                     .toObject()
                     .value("status"_L1)
                     .toString(),
            u"APPROVED"_s);
        click("cantComeConfirmButton");
        QTRY_COMPARE(m_window->property("givenBack").toLongLong(), m_eventId);
        QTRY_VERIFY(!dialog->property("visible").toBool());
        const auto mine = m_server->get(u"/api/attendance/mine"_s, m_anna.token).json();
        QVERIFY(mine.value("attendances"_L1).toArray().isEmpty()); // LEFT is not listed
        // The place moved on to Wanda.
        const QString wanda = m_server->get(u"/api/attendance/mine"_s, m_wanda.token)
                                  .json()
                                  .value("attendances"_L1)
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value("status"_L1)
                                  .toString();
        QVERIFY2(wanda == u"PENDING"_s || wanda == u"OFFERED"_s, qPrintable(wanda));
    }

    void noQmlWarnings() { QVERIFY2(m_warnings.isEmpty(), qPrintable(m_warnings.join(u'\n'))); }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_context.reset();
    }
};

QTEST_MAIN(TstClientReminders)
#include "tst_clientreminders.moc"
