// SPDX-License-Identifier: GPL-3.0-or-later
// The offer of a held place in the real QML app against the real server: Anna waits on a full
// meetup ("Waitlisted #1"); the approved guest leaves and the live waitlist_offer frame turns
// her row into "A place is held for you until …" with a countdown and Accept / Decline;
// accepting makes the request PENDING. Saves a screenshot of the countdown.
#include "app/appcontext.h"
#include "appundertest.h"
#include "attendance/myrequestsmodel.h"

#include <QDir>
#include <QJsonArray>
#include <QPointer>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;
using namespace Pudding::Client;
using namespace Pudding::Test;

class TstAppOffers : public QObject
{
    Q_OBJECT

private:
    AppUnderTest m_app;

    template <typename T = QObject> T *find(const char *name) const
    {
        return m_app.window->findChild<T *>(QString::fromLatin1(name));
    }

    QStringList visibleTexts() const
    {
        QStringList texts;
        std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
            if (!item->isVisible() || item->opacity() <= 0.01)
                return;
            const QVariant value = item->property("text");
            if (value.typeId() == QMetaType::QString && !value.toString().trimmed().isEmpty())
                texts.append(value.toString());
            for (QQuickItem *child : item->childItems())
                walk(child);
        };
        walk(m_app.window->contentItem()->parentItem() ? m_app.window->contentItem()->parentItem()
                                                       : m_app.window->contentItem());
        return texts;
    }
    /// A visible item by objectName, found through the item tree (ListView delegates are
    /// not QObject children of the window).
    QQuickItem *visibleItem(const QString &name) const
    {
        QQuickItem *found = nullptr;
        std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
            if (found || !item->isVisible())
                return;
            if (item->objectName() == name) {
                found = item;
                return;
            }
            for (QQuickItem *child : item->childItems())
                walk(child);
        };
        walk(m_app.window->contentItem());
        return found;
    }
    QString offerText() const
    {
        for (const QString &t : visibleTexts())
            if (t.startsWith(u"A place is held for you until"_s))
                return t;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PUDDING_TILE_URL", "none");
        qunsetenv("PUDDING_LANG");
        const QString failure = m_app.start(
            u"appoffers"_s, [](AppContext &context) { context.settings.setLanguage(u"en"_s); });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void offerCountdownAcceptDecline()
    {
        ServerFixture &server = m_app.server;
        const Account olga = server.signUp(u"Olga Offer"_s);
        const Account anna = server.signUp(u"Anna Waiting"_s);
        QVERIFY(olga.isValid() && anna.isValid());
        const qint64 event = server.createMeetup(olga.token, 1);
        const Account bert = server.approvedGuest(event, olga.token, u"Bert"_s);
        QVERIFY(bert.isValid());
        const qint64 annaId = server.requestJoin(event, anna.token);
        QVERIFY(annaId > 0);

        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(anna.email, ServerFixture::kPassword);
        QVERIFY(signedIn.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_app.context->live.state(), LiveConnection::State::Online, 10000);
        QVERIFY(QMetaObject::invokeMethod(m_app.window, "openMyRequests"));
        QTRY_VERIFY(find<MyRequestsModel>("myRequestsModel"));
        auto *model = find<MyRequestsModel>("myRequestsModel");
        QTRY_COMPARE_WITH_TIMEOUT(model->statusOfEvent(event), u"WAITLISTED"_s, 10000);
        QTRY_VERIFY(visibleTexts().contains(u"Waitlisted #1"_s));
        QVERIFY(offerText().isEmpty());

        // Bert leaves: the offer reaches the open page live (no refresh).
        QCOMPARE(server
                     ->request("DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event), {},
                         bert.token)
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(model->statusOfEvent(event), u"OFFERED"_s, 10000);
        const QDateTime expires = model->offerExpiresAtOfEvent(event);
        QVERIFY(expires.isValid());
        QTRY_VERIFY(!offerText().isEmpty());
        const QString first = offerText();
        // "until hh:mm (hh:mm:ss left)": the time of the expiry and a countdown near 12 hours.
        QVERIFY2(first.contains(QLocale(QLocale::English, QLocale::UnitedKingdom)
                                    .toString(expires.time(), QLocale::ShortFormat)),
            qPrintable(first));
        const auto match
            = QRegularExpression(u"\\((\\d\\d):(\\d\\d):(\\d\\d) left\\)"_s).match(first);
        QVERIFY2(match.hasMatch(), qPrintable(first));
        QVERIFY2(match.captured(1) == "11"_L1 || match.captured(1) == "12"_L1, qPrintable(first));
        // It counts down: the text changes with the page's clock.
        QTRY_VERIFY_WITH_TIMEOUT(offerText() != first, 5000);
        QVERIFY(visibleTexts().contains(u"Accept"_s));
        QVERIFY(visibleTexts().contains(u"Decline"_s));

        QTRY_VERIFY(!find("pageStack")->property("busy").toBool());
        QVERIFY(QDir().mkpath(QStringLiteral(PUDDING_ARTIFACTS_DIR)));
        const QString path = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/offer-countdown.png"_s;
        QVERIFY(m_app.window->grabWindow().save(path));
        qInfo().noquote() << "screenshot:" << path;

        // Accept: the request is PENDING (holding the place), the buttons go.
        auto *accept = visibleItem(u"acceptOfferButton"_s);
        QVERIFY(accept);
        QVERIFY(QMetaObject::invokeMethod(accept, "clicked"));
        QTRY_COMPARE_WITH_TIMEOUT(model->statusOfEvent(event), u"PENDING"_s, 10000);
        QTRY_VERIFY(offerText().isEmpty());
        QCOMPARE(server->get(u"/api/attendance/mine"_s, anna.token)
                     .json()
                     .value("attendances"_L1)
                     .toArray()
                     .first()
                     .toObject()
                     .value("holdsPlace"_L1)
                     .toBool(),
            true);
    }

    // The organizer's review queue: a waitlisted guest is pre-approved with the box and made
    // a regular with the switch (both stored on the server), the screenshot shows them.
    void organizerPreapprovesAndMarksRegular()
    {
        ServerFixture &server = m_app.server;
        const Account olga = server.signUp(u"Olga Queue"_s);
        const Account dora = server.signUp(u"Dora Waiting"_s);
        const qint64 event = server.createMeetup(olga.token, 1);
        QVERIFY(server.approvedGuest(event, olga.token, u"Emil"_s).isValid());
        const qint64 doraId = server.requestJoin(event, dora.token);
        QVERIFY(doraId > 0);

        m_app.context->accounts.signOut();
        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(olga.email, ServerFixture::kPassword);
        QVERIFY(signedIn.wait(10000));
        QVERIFY(QMetaObject::invokeMethod(m_app.window, "openReviewQueue",
            Q_ARG(QVariant, QVariant(event)), Q_ARG(QString, u"Pudding tasting"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(visibleTexts().contains(u"Waitlisted #1"_s), 10000);
        QTRY_VERIFY(visibleItem(u"preapproveBox"_s));
        auto *preapprove = visibleItem(u"preapproveBox"_s);
        QCOMPARE(preapprove->property("checked").toBool(), false);
        QVERIFY(QMetaObject::invokeMethod(preapprove, "toggle"));
        QVERIFY(QMetaObject::invokeMethod(preapprove, "toggled"));
        const QString list
            = u"/api/attendance/events/%1/attendances?status=WAITLISTED"_s.arg(event);
        auto waiting = [&] {
            return server->get(list, olga.token)
                .json()
                .value("attendances"_L1)
                .toArray()
                .first()
                .toObject();
        };
        QTRY_COMPARE_WITH_TIMEOUT(waiting().value("preapproved"_L1).toBool(), true, 10000);
        // The Regular switch of Dora's row: the row that has the (visible) Pre-approve box.
        auto doraSwitch = [&]() -> QQuickItem * {
            QQuickItem *found = nullptr;
            std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
                if (!item->isVisible() || found)
                    return;
                if (item->objectName() == "regularSwitch"_L1 && item->parentItem()) {
                    for (QQuickItem *sibling : item->parentItem()->childItems())
                        if (sibling->objectName() == "preapproveBox"_L1 && sibling->isVisible())
                            found = item;
                }
                for (QQuickItem *child : item->childItems())
                    walk(child);
            };
            walk(m_app.window->contentItem());
            return found;
        };
        QPointer<QQuickItem> regular = doraSwitch();
        QVERIFY(regular);
        QCOMPARE(regular->property("checked").toBool(), false);
        QVERIFY(QMetaObject::invokeMethod(regular, "toggle"));
        QVERIFY(QMetaObject::invokeMethod(regular, "toggled"));
        QTRY_COMPARE_WITH_TIMEOUT(server->get(u"/api/regulars"_s, olga.token)
                                      .json()
                                      .value("regulars"_L1)
                                      .toArray()
                                      .size(),
            1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(waiting().value("regular"_L1).toBool(), true, 10000);
        // The queue was fetched again (regulars first): the new row shows the switch on.
        QTRY_VERIFY_WITH_TIMEOUT(doraSwitch() && doraSwitch()->property("checked").toBool(), 10000);
        // The page has finished sliding in (StackView transition) before the picture.
        QTRY_VERIFY(!find("pageStack")->property("busy").toBool());
        QVERIFY(visibleTexts().contains(u"Pre-approve"_s));
        const QString path = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/offer-review-queue.png"_s;
        QVERIFY(m_app.window->grabWindow().save(path));
        qInfo().noquote() << "screenshot:" << path;
    }

    void cleanupTestCase() { m_app.context->accounts.signOut(); }
};

QTEST_MAIN(TstAppOffers)
#include "tst_appoffers.moc"
