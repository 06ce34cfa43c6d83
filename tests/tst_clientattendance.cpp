// SPDX-License-Identifier: GPL-3.0-or-later
// Joining a meetup from the desktop client against the real server with the demo data: the
// local photo check, the multipart upload with progress, the user's requests, the organizer's
// review queue and the photo image provider.
#include "api/apiclient.h"
#include "attendance/joinrequest.h"
#include "attendance/myrequestsmodel.h"
#include "attendance/photoimageprovider.h"
#include "attendance/reviewqueuemodel.h"
#include "auth/accountmanager.h"
#include "serverfixture.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

namespace {
const QString kDemoPassword = u"pudding-demo-2026"_s;
}

class TstClientAttendance : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    std::unique_ptr<ApiClient> m_api;
    QTemporaryDir m_dir;
    QByteArray m_organizer;
    QByteArray m_anna;
    qint64 m_eventId = 0;
    qint64 m_photoId = 0;

    QByteArray signIn(const QString &email)
    {
        const auto r = m_server->postJson(
            u"/api/auth/login"_s, { { u"email"_s, email }, { u"password"_s, kDemoPassword } });
        if (r.status != 200)
            qWarning() << "login failed" << r.status << r.body;
        return r.json().value("token"_L1).toString().toLatin1();
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestServer::Options options;
        options.extraArguments = { u"--seed-demo"_s };
        QVERIFY2(
            m_server.start(u"clientattendance"_s, options), qPrintable(m_server.errorString()));
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->url(u"/"_s));
        ApiClient::setInstance(m_api.get());
        m_organizer = signIn(u"organizer@demo.pudding-gabel.de"_s);
        m_anna = signIn(u"anna@demo.pudding-gabel.de"_s);
        QVERIFY(!m_organizer.isEmpty());
        QVERIFY(!m_anna.isEmpty());

        // A fresh meetup of the demo organizer with two places.
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(7);
        const auto r = m_server->postJson(u"/api/events"_s,
            { { u"title"_s, u"Grießpudding im Park"_s },
                { u"location"_s, QJsonObject { { u"lat"_s, 52.52 }, { u"lng"_s, 13.40 } } },
                { u"city"_s, u"Berlin"_s }, { u"startTime"_s, start.toString(Qt::ISODate) },
                { u"endTime"_s, start.addSecs(7200).toString(Qt::ISODate) },
                { u"attendeeLimit"_s, 2 } },
            m_organizer);
        QCOMPARE(r.status, 201);
        m_eventId = r.json().value("id"_L1).toInteger();
        QVERIFY(m_eventId > 0);
    }

    void checkPhotoRefusesBeforeUpload_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("field");
        QTest::newRow("text") << u"notes.jpg"_s << QByteArray("Vanillepudding mit Soße\n")
                              << u"not an image"_s;
        QTest::newRow("6 MB") << u"huge.jpg"_s << QByteArray(6 * 1024 * 1024, 'x')
                              << u"too large"_s;
    }
    void checkPhotoRefusesBeforeUpload()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, field);
        const QString path = writeFile(name, bytes);
        QVERIFY(!path.isEmpty());
        m_api->setToken(m_anna);
        JoinRequest join;
        join.setEventId(m_eventId);
        QSignalSpy checked(&join, &JoinRequest::photoChecked);
        join.checkPhoto(QUrl::fromLocalFile(path));
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.first().first().toBool(), false);
        QVERIFY(join.fieldErrors().contains(u"photo"_s));
        QVERIFY(join.errorText().contains(field));
        QVERIFY(join.photo().isEmpty());
        // Submitting without an accepted photo sends nothing. (The demo data has Anna approved
        // for one meetup already.)
        auto requests = [this] {
            return m_server->get(u"/api/attendance/mine"_s, m_anna)
                .json()
                .value("attendances"_L1)
                .toArray()
                .size();
        };
        const auto before = requests();
        join.submit(u"Grießpudding"_s, {});
        QVERIFY(!join.isBusy());
        QVERIFY(join.fieldErrors().contains(u"photo"_s));
        QCOMPARE(requests(), before);
    }

    void validationBeforeUpload()
    {
        JoinRequest join;
        join.setEventId(m_eventId);
        join.submit(QString(), QString(501, u'x'));
        QVERIFY(!join.isBusy());
        QVERIFY(join.fieldErrors().contains(u"puddingName"_s));
        QVERIFY(join.fieldErrors().contains(u"puddingDescription"_s));
    }

    void joinWithPhoto()
    {
        QImage image(640, 480, QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, qRgb(200 + x % 56, 150 + y % 100, (x * y) % 256));
        }
        const QString path = m_dir.filePath(u"pudding.jpg"_s);
        QVERIFY(image.save(path, "JPEG", 90));

        m_api->setToken(m_anna);
        JoinRequest join;
        join.setEventId(m_eventId);
        QSignalSpy checked(&join, &JoinRequest::photoChecked);
        join.checkPhoto(QUrl::fromLocalFile(path));
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.first().first().toBool(), true);
        QCOMPARE(join.photo(), QUrl::fromLocalFile(path));
        QVERIFY(join.errorText().isEmpty());

        QSignalSpy joined(&join, &JoinRequest::joined);
        QSignalSpy progress(&join, &JoinRequest::progressChanged);
        join.submit(u"  Grießpudding  mit Kirschen "_s, u"Mit Zimt und Zucker."_s);
        QVERIFY(join.isBusy());
        QVERIFY2(joined.wait(20000), qPrintable(join.errorText()));
        QVERIFY(!join.isBusy());
        QVERIFY(progress.count() > 0);
        QCOMPARE(join.progress(), 1.0);
        const QVariantMap attendance = joined.first().first().toMap();
        QCOMPARE(attendance.value(u"status"_s).toString(), u"PENDING"_s);
        QCOMPARE(attendance.value(u"puddingName"_s).toString(), u"Grießpudding mit Kirschen"_s);
        m_photoId = attendance.value(u"photoId"_s).toLongLong();
        QVERIFY(m_photoId > 0);

        // The organizer sees it as pending.
        const auto list = m_server->get(
            u"/api/attendance/events/%1/attendances?status=PENDING"_s.arg(m_eventId), m_organizer);
        QCOMPARE(list.status, 200);
        const auto items = list.json().value("attendances"_L1).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value("puddingName"_L1).toString(),
            u"Grießpudding mit Kirschen"_s);

        // Asking twice is refused with a translated message.
        QSignalSpy errors(&join, &JoinRequest::errorChanged);
        join.submit(u"Noch einer"_s, {});
        QTRY_VERIFY_WITH_TIMEOUT(!join.isBusy(), 20000);
        QVERIFY(!join.errorText().isEmpty());
    }

    void myRequestsShowsPending()
    {
        m_api->setToken(m_anna);
        MyRequestsModel mine;
        QSignalSpy fetched(&mine, &MyRequestsModel::fetched);
        mine.refresh();
        QVERIFY(mine.isLoading());
        QVERIFY(fetched.wait(10000));
        QVERIFY2(mine.errorText().isEmpty(), qPrintable(mine.errorText()));
        const int row = mine.indexOfEvent(m_eventId);
        QVERIFY(row >= 0);
        const QModelIndex index = mine.index(row);
        QCOMPARE(index.data(MyRequestsModel::StatusRole).toString(), u"PENDING"_s);
        QCOMPARE(index.data(MyRequestsModel::EventTitleRole).toString(), u"Grießpudding im Park"_s);
        QCOMPARE(index.data(MyRequestsModel::CityRole).toString(), u"Berlin"_s);
        QVERIFY(index.data(MyRequestsModel::EventStartRole).toDateTime().isValid());
        QCOMPARE(index.data(MyRequestsModel::PuddingNameRole).toString(),
            u"Grießpudding mit Kirschen"_s);
    }

    void organizerApproves()
    {
        m_api->setToken(m_organizer);
        ReviewQueueModel queue;
        QSignalSpy fetched(&queue, &ReviewQueueModel::fetched);
        queue.setEventId(m_eventId);
        QVERIFY(fetched.wait(10000));
        QVERIFY2(queue.errorText().isEmpty(), qPrintable(queue.errorText()));
        QCOMPARE(queue.rowCount(), 1);
        QTRY_COMPARE(queue.placesLeft(), 2);
        const QModelIndex index = queue.index(0);
        QCOMPARE(index.data(ReviewQueueModel::StatusRole).toString(), u"PENDING"_s);
        QCOMPARE(index.data(ReviewQueueModel::PhotoIdRole).toLongLong(), m_photoId);
        QVERIFY(!index.data(ReviewQueueModel::UserNameRole).toString().isEmpty());
        QCOMPARE(index.data(ReviewQueueModel::PuddingDescriptionRole).toString(),
            u"Mit Zimt und Zucker."_s);

        QSignalSpy resets(&queue, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&queue, &QAbstractItemModel::dataChanged);
        QSignalSpy decided(&queue, &ReviewQueueModel::decided);
        queue.approve(0);
        QVERIFY(decided.wait(10000));
        QCOMPARE(decided.first().at(1).toBool(), true);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(queue.index(0).data(ReviewQueueModel::StatusRole).toString(), u"APPROVED"_s);
        QTRY_COMPARE(queue.placesLeft(), 1);

        // Anna sees the approval.
        m_api->setToken(m_anna);
        MyRequestsModel mine;
        QSignalSpy mineFetched(&mine, &MyRequestsModel::fetched);
        mine.refresh();
        QVERIFY(mineFetched.wait(10000));
        const int row = mine.indexOfEvent(m_eventId);
        QVERIFY(row >= 0);
        QCOMPARE(mine.index(row).data(MyRequestsModel::StatusRole).toString(), u"APPROVED"_s);
    }

    void photoProvider()
    {
        m_api->setToken(m_organizer);
        PhotoImageProvider provider;
        std::unique_ptr<QQuickImageResponse> response(
            provider.requestImageResponse(u"%1/thumb"_s.arg(m_photoId), QSize()));
        QSignalSpy finished(response.get(), &QQuickImageResponse::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY2(response->errorString().isEmpty(), qPrintable(response->errorString()));
        std::unique_ptr<QQuickTextureFactory> texture(response->textureFactory());
        QVERIFY(texture);
        QVERIFY(!texture->image().isNull());

        std::unique_ptr<QQuickImageResponse> missing(
            provider.requestImageResponse(u"999999"_s, {}));
        QSignalSpy missingFinished(missing.get(), &QQuickImageResponse::finished);
        QVERIFY(missingFinished.wait(10000));
        QVERIFY(!missing->errorString().isEmpty());
    }

    void leave()
    {
        m_api->setToken(m_anna);
        MyRequestsModel mine;
        QSignalSpy fetched(&mine, &MyRequestsModel::fetched);
        mine.refresh();
        QVERIFY(fetched.wait(10000));
        const int before = mine.rowCount();
        QSignalSpy left(&mine, &MyRequestsModel::left);
        mine.leave(m_eventId);
        QVERIFY(left.wait(10000));
        QCOMPARE(mine.rowCount(), before - 1);
        QCOMPARE(mine.indexOfEvent(m_eventId), -1);

        // The place is free again.
        m_api->setToken(m_organizer);
        ReviewQueueModel queue;
        queue.setEventId(m_eventId);
        QTRY_COMPARE(queue.placesLeft(), 2);
    }

    /// Uploads go through the API client like every call: a 401 to one ends the session.
    void unauthorizedUploadSignsOut()
    {
        AccountManager accounts(m_api.get());
        QSignalSpy signedIn(&accounts, &AccountManager::signedInSuccessfully);
        accounts.signIn(u"anna@demo.pudding-gabel.de"_s, kDemoPassword);
        QVERIFY(signedIn.wait(10000));
        const QByteArray token = m_api->token();
        QVERIFY(!token.isEmpty());
        // Signed out on another device meanwhile: the token is no longer valid.
        QCOMPARE(m_server->request("POST", u"/api/auth/logout"_s, {}, token).status, 204);

        QImage image(320, 240, QImage::Format_RGB32);
        image.fill(qRgb(240, 200, 120));
        const QString path = m_dir.filePath(u"late.jpg"_s);
        QVERIFY(image.save(path, "JPEG", 90));
        JoinRequest join;
        join.setEventId(m_eventId);
        QSignalSpy checked(&join, &JoinRequest::photoChecked);
        join.checkPhoto(QUrl::fromLocalFile(path));
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.first().first().toBool(), true);
        QSignalSpy signedOut(&accounts, &AccountManager::signedOut);
        QSignalSpy busy(&join, &JoinRequest::busyChanged);
        join.submit(u"Grießpudding"_s, {});
        QVERIFY(join.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, 10000);
        QVERIFY(!accounts.isSignedIn());
        QVERIFY(m_api->token().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!join.isBusy(), 10000);
        QVERIFY(!join.errorText().isEmpty());
    }

    void cleanupTestCase()
    {
        ApiClient::setInstance(nullptr);
        m_api.reset();
    }
};

// A QGuiApplication only because the image provider's texture factory needs one (offscreen).
QTEST_MAIN(TstClientAttendance)
#include "tst_clientattendance.moc"
