// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's C++ models against the real server with the demo data: accounts with a
// real keyring, the events list (bbox, filters, stale requests), map markers (clustering),
// the gazetteer and the organizer's editor.
#include "api/apiclient.h"
#include "auth/accountmanager.h"
#include "events/eventeditor.h"
#include "events/eventfilter.h"
#include "events/eventsmodel.h"
#include "events/markersmodel.h"
#include "places/gazetteer.h"
#include "serverfixture.h"
#include "shared/geo.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

namespace {
const QString kPassword = u"correct horse battery 9"_s;
const QGeoRectangle kGermany(QGeoCoordinate(55.06, 5.87), QGeoCoordinate(47.27, 15.04));
const QGeoRectangle kBerlin(QGeoCoordinate(52.70, 13.05), QGeoCoordinate(52.33, 13.80));
}

class TstClientModels : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    std::unique_ptr<ApiClient> m_api;
    const bool m_withKeyring = qEnvironmentVariableIntValue("PUDDING_TEST_KEYRING") == 1;

    std::unique_ptr<AccountManager> newAccountManager()
    {
        auto manager = std::make_unique<AccountManager>(m_api.get());
        manager->setKeychainService(u"de.puddinggabel.Pudding.test"_s);
        return manager;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"PuddingGabelTest"_s);
        TestServer::Options options;
        options.extraArguments = { u"--seed-demo"_s };
        QVERIFY2(m_server.start(u"client"_s, options), qPrintable(m_server.errorString()));
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->url(u"/"_s));
        ApiClient::setInstance(m_api.get());
    }

    void gazetteer()
    {
        Gazetteer places;
        QTRY_VERIFY(places.isReady());
        const auto found = places.search(u"muen"_s);
        QVERIFY(!found.isEmpty());
        QCOMPARE(found.first().toMap().value(u"name"_s).toString(), u"München"_s);
        QCOMPARE(places.search(u"Köln"_s).first().toMap().value(u"name"_s).toString(), u"Köln"_s);
        const auto near = places.nearest(52.51, 13.39);
        QCOMPARE(near.value(u"name"_s).toString(), u"Berlin"_s);
        QCOMPARE(near.value(u"state"_s).toString(), u"Berlin"_s);
        QVERIFY(places.search(u"xyzzy"_s).isEmpty());
    }

    void registerSignOutAndRestore()
    {
        if (!m_withKeyring)
            QSKIP("needs the keyring session (run via run-with-keyring.sh)");
        {
            auto accounts = newAccountManager();
            QSignalSpy signedIn(accounts.get(), &AccountManager::signedInSuccessfully);
            accounts->registerAccount(u"Klara Keyring"_s, u"klara@example.org"_s, kPassword);
            QVERIFY(signedIn.wait(10000));
            QVERIFY(accounts->isSignedIn());
            QCOMPARE(accounts->user().value(u"name"_s).toString(), u"Klara Keyring"_s);
            QTRY_COMPARE(accounts->keychainState(), AccountManager::KeychainState::Available);
        }
        // A new start: the token comes back from the keyring, no password needed.
        const QByteArray token = m_api->token();
        m_api->setToken({});
        auto restored = newAccountManager();
        QSignalSpy finished(restored.get(), &AccountManager::restoreFinished);
        restored->restoreSession();
        QVERIFY(finished.wait(10000));
        QVERIFY(restored->isSignedIn());
        QCOMPARE(m_api->token(), token);
        // Signing out revokes the token on the server and removes it from the keyring.
        restored->signOut();
        QVERIFY(!restored->isSignedIn());
        QTRY_COMPARE(m_server->get(u"/api/auth/me"_s, token).status, 401);
        auto afterSignOut = newAccountManager();
        QSignalSpy finished2(afterSignOut.get(), &AccountManager::restoreFinished);
        afterSignOut->restoreSession();
        QVERIFY(finished2.wait(10000));
        QVERIFY(!afterSignOut->isSignedIn());
    }

    void keychainUnavailable()
    {
        if (m_withKeyring)
            QSKIP("runs where no keyring exists (tst_clientmodels_nokeyring)");
        auto accounts = newAccountManager();
        QSignalSpy signedIn(accounts.get(), &AccountManager::signedInSuccessfully);
        accounts->registerAccount(u"Nora Nokeyring"_s, u"nora@example.org"_s, kPassword);
        QVERIFY(signedIn.wait(10000));
        QTRY_COMPARE(accounts->keychainState(), AccountManager::KeychainState::Unavailable);
        QVERIFY(accounts->isSignedIn()); // in memory
        QVERIFY(!accounts->allowPlainTextToken());
        // Nothing in plain text unless the user opts in.
        const QSettings settings;
        for (const auto &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(QString::fromLatin1(m_api->token())),
                qPrintable(key));
        accounts->setAllowPlainTextToken(true);
        QCOMPARE(QSettings().value(u"account/plainTextToken"_s).toString(),
            QString::fromLatin1(m_api->token()));
        accounts->signOut();
        accounts->setAllowPlainTextToken(false);
        QVERIFY(!QSettings().contains(u"account/plainTextToken"_s));
    }

    void signInErrors()
    {
        auto accounts = newAccountManager();
        QSignalSpy errors(accounts.get(), &AccountManager::errorChanged);
        accounts->signIn(u"organizer@demo.pudding-gabel.de"_s, u"wrong password 123"_s);
        QTRY_VERIFY(!accounts->isBusy());
        QVERIFY(!accounts->isSignedIn());
        QCOMPARE(accounts->errorText(), ApiClient::messageForCode(u"invalid_credentials"_s, {}));
        // Client-side rules: nothing is sent for an obviously bad registration.
        QVERIFY(!accounts->validateRegistration(u""_s, u"not-an-email"_s, u"short"_s));
        QVERIFY(accounts->fieldErrors().contains(u"email"_s));
        QVERIFY(accounts->fieldErrors().contains(u"password"_s));
        QVERIFY(accounts->fieldErrors().contains(u"name"_s));
    }

    void eventsInViewport()
    {
        EventFilter filter;
        filter.setProperty("region", QVariant::fromValue(kBerlin));
        EventsModel model;
        model.setDebounceMs(0);
        QSignalSpy fetched(&model, &EventsModel::fetched);
        model.setFilter(&filter);
        QVERIFY(fetched.wait(10000));
        QVERIFY(model.errorText().isEmpty());
        QVERIFY2(model.rowCount() > 0, "the demo data has meetups in Berlin");
        const auto expected
            = m_server->get(u"/api/events?bbox=13.05,52.33,13.8,52.7&limit=100"_s).events();
        QCOMPARE(model.rowCount(), expected.size());
        for (const Event &e : model.events()) {
            QVERIFY(e.location.lat >= 52.33 && e.location.lat <= 52.70);
            QVERIFY(e.location.lng >= 13.05 && e.location.lng <= 13.80);
        }
        // Sorted by start time.
        for (qsizetype i = 1; i < model.events().size(); ++i)
            QVERIFY(model.events()[i - 1].startTime <= model.events()[i].startTime);
    }

    void staleRequestsAreCancelled()
    {
        EventFilter filter;
        EventsModel model;
        model.setDebounceMs(0);
        model.setFilter(&filter);
        QSignalSpy fetched(&model, &EventsModel::fetched);
        QVERIFY(fetched.wait(10000));
        fetched.clear();
        // Two questions in a row: only the answer to the second may be applied.
        filter.setProperty("region", QVariant::fromValue(kGermany));
        model.refresh();
        filter.setProperty("region", QVariant::fromValue(kBerlin));
        model.refresh();
        QVERIFY(fetched.wait(10000));
        QTest::qWait(300); // would the first answer still arrive?
        QCOMPARE(fetched.count(), 1);
        for (const Event &e : model.events())
            QVERIFY(e.location.lat >= 52.33 && e.location.lat <= 52.70);
    }

    void markersClusterEveryEventOnce()
    {
        EventFilter filter;
        MarkersModel markers;
        QSignalSpy clustered(&markers, &MarkersModel::clustered);
        markers.setViewport(kGermany);
        markers.setZoomLevel(5);
        markers.setFilter(&filter);
        QVERIFY(clustered.wait(10000));
        const int total = m_server->get(u"/api/events/points"_s).json().value("count"_L1).toInt();
        QVERIFY(total >= 300);
        QCOMPARE(markers.pointCount(), total);
        int sum = 0;
        bool sawCluster = false;
        for (const auto &m : markers.markers()) {
            sum += m.count;
            sawCluster |= m.isCluster();
        }
        QCOMPARE(sum, total); // every event in exactly one marker
        QVERIFY(sawCluster);
        QVERIFY(markers.rowCount() < total); // only markers, not every event, become items

        // A cluster opens up one level later; its leaves are real events.
        const auto cluster = *std::find_if(markers.markers().begin(), markers.markers().end(),
            [](const MapCluster &m) { return m.isCluster(); });
        QVERIFY(markers.expansionZoom(cluster.id) > 5);
        QCOMPARE(markers.leaves(cluster.id, 1000).size(), cluster.count);

        // Fully zoomed in, every marker is one event.
        markers.setZoomLevel(18);
        QVERIFY(clustered.wait(5000) || clustered.count() > 1);
        for (const auto &m : markers.markers())
            QCOMPARE(m.count, 1);
    }

    void organizerCreatesEditsCancels()
    {
        auto accounts = newAccountManager();
        QSignalSpy signedIn(accounts.get(), &AccountManager::signedInSuccessfully);
        accounts->signIn(u"organizer@demo.pudding-gabel.de"_s, u"pudding-demo-2026"_s);
        QVERIFY(signedIn.wait(10000));

        EventEditor editor;
        QVariantMap form { { u"title"_s, u"Grießbrei tasting"_s },
            { u"description"_s, u"Bring a spoon."_s },
            { u"lat"_s, 48.8566 }, // Paris: refused before sending
            { u"lng"_s, 2.3522 }, { u"city"_s, u"Paris"_s }, { u"state"_s, QString() },
            { u"startTime"_s, QDateTime::currentDateTime().addDays(3) },
            { u"endTime"_s, QDateTime::currentDateTime().addDays(3).addSecs(7200) },
            { u"attendeeLimit"_s, 12 } };
        editor.create(form);
        QVERIFY(!editor.isBusy());
        QVERIFY(editor.fieldErrors().contains(u"location"_s));

        form[u"lat"_s] = 50.9375;
        form[u"lng"_s] = 6.9603;
        form[u"city"_s] = u"Köln"_s;
        QSignalSpy saved(&editor, &EventEditor::saved);
        editor.create(form);
        QVERIFY(saved.wait(10000));
        const qint64 id = saved.first().first().toMap().value(u"id"_s).toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(m_server->get(u"/api/events/%1"_s.arg(id)).json().value("title"_L1).toString(),
            u"Grießbrei tasting"_s);

        form[u"title"_s] = u"Grießbrei tasting night"_s;
        saved.clear();
        editor.update(id, form);
        QVERIFY(saved.wait(10000));
        QCOMPARE(m_server->get(u"/api/events/%1"_s.arg(id)).json().value("title"_L1).toString(),
            u"Grießbrei tasting night"_s);

        QSignalSpy cancelled(&editor, &EventEditor::cancelled);
        editor.cancelEvent(id);
        QVERIFY(cancelled.wait(10000));
        QCOMPARE(m_server->get(u"/api/events/%1"_s.arg(id)).json().value("status"_L1).toString(),
            u"CANCELLED"_s);
        accounts->signOut();
    }

    void unreachableServerIsNoticedAndRetried()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(u"http://127.0.0.1:9"_s)); // nothing listens on discard
        QSignalSpy reachable(&api, &ApiClient::reachableChanged);
        ApiCall *call = api.get(u"/health"_s);
        QSignalSpy finished(call, &ApiCall::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY(!api.isReachable());
        QVERIFY(api.retryInSeconds() > 0);
        // Point it at the real server: the automatic retry finds it again.
        api.setBaseUrl(m_server->url(u"/"_s));
        QTRY_VERIFY_WITH_TIMEOUT(api.isReachable(), 10000);
    }
};

QTEST_GUILESS_MAIN(TstClientModels)
#include "tst_clientmodels.moc"
