// SPDX-License-Identifier: GPL-3.0-or-later
// The inbox in the real app (offscreen) against the real server: a request to join arrives
// live and the bell counts it, the drawer lists the notices with their unread marks, a click
// marks the notice read on the server and opens the organizer's review queue, "Mark all read"
// empties the count; the preferences dialog shows the server's choices with the account's
// mail locked. A screenshot of the open drawer goes to build*/artifacts/notifications-drawer.png.
#include "appundertest.h"
#include "contractrecorder.h"

#include <QDir>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QSignalSpy>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

class TestNotificationsApp : public QObject
{
    Q_OBJECT

    AppUnderTest m_app;
    QByteArray m_token;
    qint64 m_eventId = 0;

    template <typename T = QQuickItem> T *find(const char *name)
    {
        return m_app.window->findChild<T *>(QLatin1StringView(name));
    }
    void clickAt(QQuickItem *item)
    {
        QVERIFY(item);
        QTRY_VERIFY(item->isVisible() && item->isEnabled());
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(m_app.window, Qt::LeftButton, {}, centre.toPoint());
    }
    int serverUnread()
    {
        return m_app.server->get(u"/api/notifications"_s, m_token)
            .json()
            .value("unreadCount"_L1)
            .toInt(-1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PUDDING_TILE_URL", "none");
        const QString failure = m_app.start(u"notificationsapp"_s);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(
            u"organizer@demo.pudding-gabel.de"_s, u"pudding-demo-2026"_s);
        QVERIFY(signedIn.wait(10000));
        m_token = m_app.server.signIn(u"organizer@demo.pudding-gabel.de"_s, u"pudding-demo-2026"_s);
        QVERIFY(!m_token.isEmpty());
        m_eventId = m_app.server.createMeetup(m_token, 6);
        QVERIFY(m_eventId > 0);
        // The live connection is up before the notices are made.
        QTRY_VERIFY_WITH_TIMEOUT(m_app.context->live.property("online").toBool(), 10000);
    }

    void bellCountsLiveNotices()
    {
        const int before = serverUnread();
        QVERIFY(before >= 0);
        for (const QString &name : { u"Greta Grießbrei"_s, u"Hans Himbeer"_s }) {
            const Account guest = m_app.server.signUp(name);
            QVERIFY(m_app.server.requestJoin(m_eventId, guest.token) > 0);
        }
        QCOMPARE(serverUnread(), before + 2);
        auto *bell = find("notificationBell");
        QVERIFY(bell);
        QVERIFY(bell->isVisible());
        QTRY_COMPARE(m_app.context->notifications.unreadCount(), before + 2);
        QTRY_COMPARE(find("notificationBadgeLabel")->property("text").toString(),
            QString::number(before + 2));
        QVERIFY(find("notificationBadge")->isVisible());
    }

    void drawerListsAndClickOpensTheReviewQueue()
    {
        clickAt(find("notificationBell"));
        auto *drawer = m_app.window->findChild<QObject *>(u"notificationsDrawer"_s);
        QVERIFY(drawer);
        QTRY_VERIFY(drawer->property("opened").toBool());
        auto *list = find("notificationsList");
        QVERIFY(list);
        QTRY_VERIFY(list->property("count").toInt() >= 2);
        auto &model = m_app.context->notifications;
        QTRY_VERIFY(!model.isLoading());
        const QModelIndex first = model.index(0);
        QCOMPARE(model.data(first, NotificationsModel::TypeRole).toString(), u"join_request"_s);
        QVERIFY(model.data(first, NotificationsModel::TitleRole)
                    .toString()
                    .startsWith(u"Hans Himbeer would like to join"_s));
        QCOMPARE(model.data(first, NotificationsModel::ReadRole).toBool(), false);

        QTest::qWait(400); // the drawer's opening transition, for the picture only
        QDir().mkpath(QStringLiteral(PUDDING_ARTIFACTS_DIR));
        QVERIFY(m_app.window->grabWindow().save(
            QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/notifications-drawer.png"_s));

        // Click the newest: read on the server, the review queue of the meetup opens.
        const int unread = serverUnread();
        const qint64 firstId = model.data(first, NotificationsModel::IdRole).toLongLong();
        auto *content = list->property("contentItem").value<QQuickItem *>();
        QVERIFY(content);
        QQuickItem *delegate = nullptr;
        for (QQuickItem *item : content->childItems())
            if (item->property("noticeId").toLongLong() == firstId)
                delegate = item;
        QVERIFY(delegate);
        clickAt(delegate);
        QTRY_COMPARE(serverUnread(), unread - 1);
        QTRY_VERIFY(!drawer->property("opened").toBool());
        auto *stack = find("pageStack");
        QTRY_COMPARE(stack->property("depth").toInt(), 2);
        auto *page = stack->property("currentItem").value<QQuickItem *>();
        QVERIFY(page);
        QCOMPARE(page->property("eventId").toLongLong(), m_eventId);
        QCOMPARE(model.data(model.index(0), NotificationsModel::ReadRole).toBool(), true);
        QTRY_COMPARE(model.unreadCount(), unread - 1);
    }

    void markAllReadAndPreferences()
    {
        QVERIFY(QMetaObject::invokeMethod(m_app.window, "popToMap"));
        auto *drawer = m_app.window->findChild<QObject *>(u"notificationsDrawer"_s);
        QTRY_VERIFY(!drawer->property("visible").toBool()); // its closing transition is over
        clickAt(find("notificationBell"));
        QTRY_VERIFY(drawer->property("opened").toBool());
        clickAt(find("markAllReadButton"));
        QTRY_COMPARE(serverUnread(), 0);
        QTRY_COMPARE(m_app.context->notifications.unreadCount(), 0);
        QTRY_VERIFY(!find("notificationBadge")->isVisible());

        clickAt(find("notificationSettingsButton"));
        auto *dialog = m_app.window->findChild<QObject *>(u"notificationPreferencesDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        // The rows come from the server: nine types in the app (the account has none) and ten
        // by mail, the account's mail locked.
        QTRY_VERIFY([&] {
            int boxes = 0;
            int locked = 0;
            QList<QQuickItem *> items;
            std::function<void(QQuickItem *)> collect = [&](QQuickItem *item) {
                items.append(item);
                for (QQuickItem *child : item->childItems())
                    collect(child);
            };
            collect(dialog->property("contentItem").value<QQuickItem *>());
            for (QQuickItem *item : std::as_const(items)) {
                if (!item->inherits("QQuickCheckBox") || !item->isVisible())
                    continue;
                ++boxes;
                if (!item->isEnabled())
                    ++locked;
            }
            return boxes == 19 && locked == 1;
        }());
        QTest::qWait(300);
        QVERIFY(m_app.window->grabWindow().save(
            QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/notifications-preferences.png"_s));
        QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
        QVERIFY2(m_app.warnings.isEmpty(), qPrintable(m_app.warnings.join(u'\n')));
    }
};

QTEST_MAIN(TestNotificationsApp)
#include "tst_notifications_app.moc"
