// SPDX-License-Identifier: GPL-3.0-or-later
// Every list model of the desktop app under QAbstractItemModelTester, filled with real data
// from the real server with the demo data, through each way its rows change: fetch, reset,
// insert, change, remove. (ChatModel has its tester in tst_clientchat.)
#include "api/apiclient.h"
#include "attendance/myrequestsmodel.h"
#include "attendance/reviewqueuemodel.h"
#include "events/eventfilter.h"
#include "events/eventsmodel.h"
#include "events/markersmodel.h"
#include "serverfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

namespace {
const QGeoRectangle kGermany(QGeoCoordinate(55.06, 5.87), QGeoCoordinate(47.27, 15.04));
const QGeoRectangle kBerlin(QGeoCoordinate(52.70, 13.05), QGeoCoordinate(52.33, 13.80));
constexpr auto kTesterMode = QAbstractItemModelTester::FailureReportingMode::QtTest;
} // namespace

class TstModelTester : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    std::unique_ptr<ApiClient> m_api;
    QByteArray m_organizer;

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.extraArguments = { u"--seed-demo"_s };
        QVERIFY2(m_server.start(u"modeltester"_s, options), qPrintable(m_server.errorString()));
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->url(u"/"_s));
        ApiClient::setInstance(m_api.get());
        m_organizer = m_server.signUp(u"Olga"_s).token;
        QVERIFY(!m_organizer.isEmpty());
    }

    void eventsModel()
    {
        EventFilter filter;
        filter.setProperty("region", QVariant::fromValue(kGermany));
        EventsModel model;
        QAbstractItemModelTester tester(&model, kTesterMode);
        model.setDebounceMs(0);
        QSignalSpy fetched(&model, &EventsModel::fetched);
        model.setFilter(&filter);
        QVERIFY(fetched.wait(10000));
        QVERIFY(model.errorText().isEmpty());
        QCOMPARE(model.rowCount(), 100); // a page of the demo data's 300 meetups
        QVERIFY(model.hasMore());

        // Appending the next page inserts rows.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.loadMore();
        QVERIFY(fetched.wait(10000));
        QCOMPARE(inserted.count(), 1);
        QVERIFY(model.rowCount() > 100);

        // Another order resets the rows.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        filter.setProperty("centre", QVariant::fromValue(QGeoCoordinate(52.52, 13.40)));
        model.setSortOrder(EventsModel::SortOrder::ByDistance);
        QCOMPARE(resets.count(), 1);

        // An edited meetup changes its row; a new one is appended.
        Event first = model.events().first();
        first.title = u"Umbenannter Pudding"_s;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.upsert(first);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0).data(EventsModel::TitleRole).toString(), first.title);
        const int before = model.rowCount();
        Event added = first;
        added.id = 999999;
        model.upsert(added);
        QCOMPARE(model.rowCount(), before + 1);

        // A cancelled meetup leaves the list.
        QJsonObject cancelled = added.toJson();
        cancelled[u"status"_s] = u"CANCELLED"_s;
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.applyChange(added.id, cancelled);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), before);
        QCOMPARE(model.indexOfId(added.id), -1);

        // Another region fetches again.
        filter.setProperty("region", QVariant::fromValue(kBerlin));
        QVERIFY(fetched.wait(10000));
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowCount() < before);
    }

    void markersModel()
    {
        EventFilter filter;
        MarkersModel markers;
        QAbstractItemModelTester tester(&markers, kTesterMode);
        QSignalSpy clustered(&markers, &MarkersModel::clustered);
        markers.setViewport(kGermany);
        markers.setZoomLevel(5);
        markers.setFilter(&filter);
        QVERIFY(clustered.wait(10000));
        QVERIFY(markers.rowCount() > 0);
        int sum = 0;
        for (int row = 0; row < markers.rowCount(); ++row)
            sum += markers.index(row).data(MarkersModel::CountRole).toInt();
        QCOMPARE(sum, markers.pointCount());

        // Zoomed in, the clusters fall apart into more rows.
        const int atZoom5 = markers.rowCount();
        markers.setZoomLevel(12);
        QTRY_VERIFY(markers.rowCount() > atZoom5);
        // A smaller view keeps fewer of them.
        markers.setViewport(kBerlin);
        QTRY_VERIFY(markers.inViewCount() < markers.pointCount());
    }

    void myRequestsModel()
    {
        const qint64 eventId = m_server.createMeetup(m_organizer, 2);
        QVERIFY(eventId > 0);
        const Account guest = m_server.signUp(u"Gustav"_s);
        const qint64 attendanceId = m_server.requestJoin(eventId, guest.token);
        QVERIFY(attendanceId > 0);
        m_api->setToken(guest.token);
        MyRequestsModel mine;
        QAbstractItemModelTester tester(&mine, kTesterMode);
        QSignalSpy fetched(&mine, &MyRequestsModel::fetched);
        mine.refresh();
        QVERIFY(fetched.wait(10000));
        QCOMPARE(mine.rowCount(), 1);
        QCOMPARE(mine.index(0).data(MyRequestsModel::StatusRole).toString(), u"PENDING"_s);

        // A live update changes the row in place.
        QSignalSpy changed(&mine, &QAbstractItemModel::dataChanged);
        mine.applyAttendance({ { u"id"_s, attendanceId }, { u"status"_s, u"APPROVED"_s } });
        QCOMPARE(changed.count(), 1);
        QCOMPARE(mine.index(0).data(MyRequestsModel::StatusRole).toString(), u"APPROVED"_s);

        // Leaving removes it.
        QSignalSpy left(&mine, &MyRequestsModel::left);
        mine.leave(eventId);
        QVERIFY(left.wait(10000));
        QCOMPARE(mine.rowCount(), 0);

        // Fetched again and then forgotten (signed out).
        QVERIFY(m_server.requestJoin(eventId, guest.token) > 0);
        mine.refresh();
        QVERIFY(fetched.wait(10000));
        QCOMPARE(mine.rowCount(), 1);
        mine.clear();
        QCOMPARE(mine.rowCount(), 0);
    }

    void reviewQueueModel()
    {
        const qint64 eventId = m_server.createMeetup(m_organizer, 2);
        QVERIFY(eventId > 0);
        QVERIFY(m_server.requestJoin(eventId, m_server.signUp(u"Ida"_s).token) > 0);
        m_api->setToken(m_organizer);
        ReviewQueueModel queue;
        QAbstractItemModelTester tester(&queue, kTesterMode);
        QSignalSpy fetched(&queue, &ReviewQueueModel::fetched);
        queue.setEventId(eventId);
        QVERIFY(fetched.wait(10000));
        QCOMPARE(queue.rowCount(), 1);

        // A new request arrives live: inserted after the pending one.
        const qint64 attendanceId
            = m_server.requestJoin(eventId, m_server.signUp(u"Hanna"_s).token);
        QVERIFY(attendanceId > 0);
        QVariantMap request { { u"id"_s, attendanceId }, { u"eventId"_s, eventId },
            { u"status"_s, u"PENDING"_s }, { u"puddingName"_s, u"Schokoladenpudding"_s },
            { u"user"_s, QVariantMap { { u"name"_s, u"Hanna"_s } } } };
        QSignalSpy inserted(&queue, &QAbstractItemModel::rowsInserted);
        queue.applyAttendance(request);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(queue.rowCount(), 2);
        QCOMPARE(queue.index(1).data(ReviewQueueModel::UserNameRole).toString(), u"Hanna"_s);

        // Approving changes the row in place.
        QSignalSpy decided(&queue, &ReviewQueueModel::decided);
        queue.approve(0);
        QVERIFY(decided.wait(10000));
        QCOMPARE(decided.first().at(1).toBool(), true);
        QCOMPARE(queue.index(0).data(ReviewQueueModel::StatusRole).toString(), u"APPROVED"_s);

        // One who left goes.
        request[u"status"_s] = u"LEFT"_s;
        QSignalSpy removed(&queue, &QAbstractItemModel::rowsRemoved);
        queue.applyAttendance(request);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(queue.rowCount(), 1);

        // Another meetup resets the rows; forgetting it empties them.
        queue.setEventId(m_server.createMeetup(m_organizer, 3));
        QVERIFY(fetched.wait(10000));
        QCOMPARE(queue.rowCount(), 0);
        queue.setEventId(eventId);
        QVERIFY(fetched.wait(10000));
        QCOMPARE(queue.rowCount(), 2); // Hanna only left in the model, not on the server
        queue.clear();
        QCOMPARE(queue.rowCount(), 0);
    }

    void cleanupTestCase()
    {
        ApiClient::setInstance(nullptr);
        m_api.reset();
    }
};

QTEST_GUILESS_MAIN(TstModelTester)
#include "tst_modeltester.moc"
