// SPDX-License-Identifier: GPL-3.0-or-later
// "My tickets" in the desktop client against the real server: the model loads the guest's
// ticket, keeps it on disk and shows it with the server stopped, turns it into "revoked" when
// the guest leaves; the QR code on screen and in both PDF page sizes (rendered with pdftoppm)
// decodes back to the exact signed payload (ZXing).
#include "api/apiclient.h"
#include "attendance/myrequestsmodel.h"
#include "auth/accountmanager.h"
#include "chat/chatrooms.h"
#include "chat/liveconnection.h"
#include "door/qrdecoder.h"
#include "events/eventupdates.h"
#include "serverfixture.h"
#include "shared/ticket.h"
#include "tickets/ticketqr.h"
#include "tickets/ticketsmodel.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

namespace {

/// The QR code in `image` ("" when none is found), by the decoder Door mode scans with.
QString decodeQr(const QImage &image)
{
    return QrDecoder::decode(image).value_or(QString());
}

QString screenshotDir()
{
    QString dir = QStringLiteral(PUDDING_SCREENSHOTS_DIR);
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class TstMyTickets : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AccountManager> m_accounts;
    std::unique_ptr<EventUpdates> m_updates;
    std::unique_ptr<LiveConnection> m_live;
    std::unique_ptr<ChatRooms> m_chat;
    QTemporaryDir m_dir;
    Account m_guest;
    QByteArray m_organizer;
    qint64 m_eventId = 0;
    QJsonObject m_serverTicket; ///< the guest's ticket as GET /api/tickets/mine gives it

    /// A model that has fetched once (from the server, or from disk and then failed).
    std::unique_ptr<TicketsModel> loadedModel()
    {
        auto model = std::make_unique<TicketsModel>();
        QSignalSpy fetched(model.get(), &TicketsModel::fetched);
        model->refresh();
        if (!fetched.wait(15000))
            qWarning() << "no answer";
        return model;
    }

    QString field(const TicketsModel &model, int row, TicketsModel::Roles role)
    {
        return model.data(model.index(row), role).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(TicketsModel::cacheFilePath());
        QVERIFY2(m_server.start(u"mytickets"_s), qPrintable(m_server.errorString()));
        const Account organizer = m_server.signUp(u"Olga Organizer"_s);
        QVERIFY(organizer.isValid());
        m_organizer = organizer.token;
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(6);
        m_eventId = m_server.createMeetup(m_organizer,
            QJsonObject { { u"title"_s, u"Grießpudding im Clara-Zetkin-Park"_s },
                { u"location"_s, QJsonObject { { u"lat"_s, 51.3287 }, { u"lng"_s, 12.3601 } } },
                { u"city"_s, u"Leipzig"_s }, { u"venue"_s, u"Eingang Ost, am Brunnen"_s },
                { u"startTime"_s, start.toString(Qt::ISODate) },
                { u"endTime"_s, start.addSecs(7200).toString(Qt::ISODate) },
                { u"attendeeLimit"_s, 5 } });
        QVERIFY(m_eventId > 0);
        m_guest = m_server.approvedGuest(m_eventId, m_organizer, u"Anna Apfel"_s);
        QVERIFY(m_guest.isValid());
        const auto mine = m_server->get(u"/api/tickets/mine"_s, m_guest.token);
        QCOMPARE(mine.status, 200);
        const QJsonArray tickets = mine.json().value("tickets"_L1).toArray();
        QCOMPARE(tickets.size(), 1);
        m_serverTicket = tickets.first().toObject();
        QVERIFY(m_serverTicket.value("qr"_L1).toString().startsWith("PG1."_L1));

        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->url(u"/"_s));
        ApiClient::setInstance(m_api.get());
        m_accounts = std::make_unique<AccountManager>(m_api.get());
        m_accounts->setKeychainService(u"pudding-tst-mytickets"_s);
        AccountManager::setInstance(m_accounts.get());
        m_updates = std::make_unique<EventUpdates>(m_api.get());
        EventUpdates::setInstance(m_updates.get());
        // The live frames reach the models as in the app (started when a test needs them).
        m_live = std::make_unique<LiveConnection>(m_api.get());
        LiveConnection::setInstance(m_live.get());
        m_chat = std::make_unique<ChatRooms>(m_api.get(), m_live.get());
        ChatRooms::setInstance(m_chat.get());
        m_updates->follow(m_chat.get());
        QSignalSpy signedIn(m_accounts.get(), &AccountManager::signedInSuccessfully);
        m_accounts->signIn(m_guest.email, ServerFixture::kPassword);
        QVERIFY(signedIn.wait(15000));
        QCOMPARE(m_accounts->userId(), m_guest.id);
    }

    void cleanupTestCase()
    {
        m_live->stop();
        ChatRooms::setInstance(nullptr);
        LiveConnection::setInstance(nullptr);
        EventUpdates::setInstance(nullptr);
        AccountManager::setInstance(nullptr);
        ApiClient::setInstance(nullptr);
    }

    void modelLoadsTicket()
    {
        auto model = loadedModel();
        QVERIFY2(model->errorText().isEmpty(), qPrintable(model->errorText()));
        QCOMPARE(model->rowCount(), 1);
        QVERIFY(!model->isOffline());
        const QString number = m_serverTicket.value("number"_L1).toString();
        QCOMPARE(number.size(), 8);
        QCOMPARE(field(*model, 0, TicketsModel::NumberRole), number.left(4) + u'-' + number.mid(4));
        QCOMPARE(field(*model, 0, TicketsModel::StatusRole), u"VALID"_s);
        QCOMPARE(field(*model, 0, TicketsModel::QrRole), m_serverTicket.value("qr"_L1).toString());
        // The signed claims are this guest's ticket for this meetup.
        const auto claims = Tickets::parse(field(*model, 0, TicketsModel::QrRole));
        QVERIFY(claims);
        QCOMPARE(claims->claims.ticketId, m_serverTicket.value("id"_L1).toInteger());
        QCOMPARE(claims->claims.eventId, m_eventId);
        QCOMPARE(claims->claims.userId, m_guest.id);
        QCOMPARE(field(*model, 0, TicketsModel::HolderNameRole), u"Anna Apfel"_s);
        QCOMPARE(field(*model, 0, TicketsModel::PuddingNameRole), u"Schokoladenpudding"_s);
        QCOMPARE(
            field(*model, 0, TicketsModel::EventTitleRole), u"Grießpudding im Clara-Zetkin-Park"_s);
        // The guest is approved: the exact place.
        QCOMPARE(field(*model, 0, TicketsModel::VenueRole), u"Eingang Ost, am Brunnen"_s);
        QVERIFY(model->data(model->index(0), TicketsModel::ExactLocationRole).toBool());
        QCOMPARE(model->data(model->index(0), TicketsModel::LatitudeRole).toDouble(), 51.3287);
        QVERIFY(model->data(model->index(0), TicketsModel::PhotoIdRole).toLongLong() > 0);
        // In the user's time zone, without seconds.
        const QString when = TicketsModel::whenText(
            model->data(model->index(0), TicketsModel::StartRole).toDateTime(),
            model->data(model->index(0), TicketsModel::EndRole).toDateTime());
        QVERIFY2(when.endsWith(u" (CET)"_s) || when.endsWith(u" (CEST)"_s), qPrintable(when));
        QVERIFY2(!when.contains(QRegularExpression(u"\\d:\\d\\d:\\d\\d"_s)), qPrintable(when));
        QCOMPARE(model->suggestedPdfName(0),
            u"pudding-ticket-"_s + number.left(4) + u'-' + number.mid(4) + u".pdf"_s);
        // The copy on disk is written off the GUI thread.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(TicketsModel::cacheFilePath()), 10000);
    }

    void qrOnScreenIsCrispAndDecodes()
    {
        const QString payload = m_serverTicket.value("qr"_L1).toString();
        TicketQrCode item;
        item.setPayload(payload);
        QVERIFY(item.modules() > 21 + 8);
        item.setSize(QSizeF(380, 380));
        QImage image(380, 380, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::lightGray);
        QPainter painter(&image);
        item.paint(&painter);
        painter.end();
        QCOMPARE(item.modulePixels(), 380 / item.modules());
        QVERIFY(item.modulePixels() >= 5);
        // Only black and white inside the code: no smoothing.
        const int side = item.modules() * item.modulePixels();
        const int offset = (380 - side) / 2;
        for (int y = offset; y < offset + side; ++y) {
            for (int x = offset; x < offset + side; ++x) {
                const QRgb c = image.pixel(x, y);
                QVERIFY(c == qRgb(0, 0, 0) || c == qRgb(255, 255, 255));
            }
        }
        // The quiet zone: four white modules on every side.
        const int quiet = 4 * item.modulePixels();
        for (int i = 0; i < side; ++i) {
            QCOMPARE(image.pixel(offset + i, offset + quiet - 1), qRgb(255, 255, 255));
            QCOMPARE(image.pixel(offset + quiet - 1, offset + i), qRgb(255, 255, 255));
        }
        QCOMPARE(decodeQr(image), payload);
    }

    void pdf_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QSizeF>("pageMm");
        QTest::newRow("A4") << u"a4"_s << QSizeF(210, 297);
        QTest::newRow("phone") << u"phone"_s << QSizeF(90, 160);
    }
    void pdf()
    {
        QFETCH(QString, format);
        QFETCH(QSizeF, pageMm);
        auto model = loadedModel();
        QCOMPARE(model->rowCount(), 1);
        const QString pdfPath = m_dir.filePath(model->suggestedPdfName(0));
        QSignalSpy saved(model.get(), &TicketsModel::pdfSaved);
        QSignalSpy failed(model.get(), &TicketsModel::pdfFailed);
        model->savePdf(0, QUrl::fromLocalFile(pdfPath), format);
        QVERIFY(model->isSavingPdf());
        QTRY_VERIFY_WITH_TIMEOUT(saved.count() + failed.count() > 0, 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(saved.first().first().toString(), pdfPath);
        QVERIFY(!model->isSavingPdf());

        // Rendered as a viewer shows it, at 100 dpi.
        const QString pngBase = m_dir.filePath(u"ticket-"_s + format);
        QProcess pdftoppm;
        pdftoppm.start(
            u"pdftoppm"_s, { u"-png"_s, u"-r"_s, u"100"_s, u"-singlefile"_s, pdfPath, pngBase });
        QVERIFY(pdftoppm.waitForFinished(30000));
        QCOMPARE(pdftoppm.exitCode(), 0);
        const QImage page(pngBase + u".png"_s);
        QVERIFY(!page.isNull());
        const QSize expected(
            qRound(pageMm.width() / 25.4 * 100), qRound(pageMm.height() / 25.4 * 100));
        QVERIFY2(qAbs(page.width() - expected.width()) <= 1
                && qAbs(page.height() - expected.height()) <= 1,
            qPrintable(u"%1x%2, expected %3x%4"_s.arg(page.width())
                           .arg(page.height())
                           .arg(expected.width())
                           .arg(expected.height())));
        QCOMPARE(decodeQr(page), m_serverTicket.value("qr"_L1).toString());
        const QString shot = screenshotDir() + u"/ticket-pdf-"_s + format + u".png"_s;
        QFile::remove(shot);
        QVERIFY(page.save(shot));
        qInfo().noquote() << "screenshot:" << shot;
    }

    void offlineShowsTheCopyOnDisk()
    {
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(TicketsModel::cacheFilePath()), 10000);
        m_server->stop();
        auto model = std::make_unique<TicketsModel>();
        QSignalSpy fetched(model.get(), &TicketsModel::fetched);
        model->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(model->isOffline(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        QVERIFY(model->errorText().isEmpty());
        QVERIFY(model->fetchedAt().isValid());
        QCOMPARE(field(*model, 0, TicketsModel::QrRole), m_serverTicket.value("qr"_L1).toString());
        QCOMPARE(field(*model, 0, TicketsModel::VenueRole), u"Eingang Ost, am Brunnen"_s);

        // The PDF too.
        const QString pdfPath = m_dir.filePath(u"offline.pdf"_s);
        QSignalSpy saved(model.get(), &TicketsModel::pdfSaved);
        model->savePdf(0, QUrl::fromLocalFile(pdfPath), u"phone"_s);
        QVERIFY(saved.wait(20000));
        // With the pudding photo kept on disk when the list was fetched.
        QFile pdfFile(pdfPath);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.readAll().contains("/Subtype /Image"));

        // The server is back: the same model fetches by itself.
        QVERIFY(m_server->start());
        m_api->setBaseUrl(m_server->url(u"/"_s));
        m_api->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isOffline(), 20000);
        QCOMPARE(model->rowCount(), 1);
    }

    void startedWithoutNetwork()
    {
        // The app starts with the server unreachable: the remembered session cannot be checked,
        // nobody is signed in, and the tickets saved on disk are shown.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(TicketsModel::cacheFilePath()), 10000);
        m_server->stop();
        {
            AccountManager notYetSignedIn(m_api.get());
            AccountManager::setInstance(&notYetSignedIn);
            TicketsModel model;
            model.refresh();
            QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
            QVERIFY(model.isOffline());
            QCOMPARE(
                field(model, 0, TicketsModel::QrRole), m_serverTicket.value("qr"_L1).toString());
            AccountManager::setInstance(m_accounts.get());
        }
        QVERIFY(m_server->start());
        m_api->setBaseUrl(m_server->url(u"/"_s));
        m_api->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(m_api->isReachable(), 20000);
    }

    void revokedAfterLeaving()
    {
        auto model = loadedModel();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(field(*model, 0, TicketsModel::StatusRole), u"VALID"_s);
        // Leaving as the app does it (My requests): the tickets follow without a refresh().
        MyRequestsModel requests;
        QSignalSpy left(&requests, &MyRequestsModel::left);
        requests.leave(m_eventId);
        QVERIFY(left.wait(15000));
        QTRY_COMPARE_WITH_TIMEOUT(field(*model, 0, TicketsModel::StatusRole), u"REVOKED"_s, 15000);
        QCOMPARE(field(*model, 0, TicketsModel::RevokeReasonRole), u"LEFT"_s);
        QVERIFY(field(*model, 0, TicketsModel::QrRole).isEmpty());
        QVERIFY(!field(*model, 0, TicketsModel::RevokeReasonTextRole).isEmpty());

        // A revoked ticket's PDF says so and has no QR code.
        const QString pdfPath = m_dir.filePath(u"revoked.pdf"_s);
        QSignalSpy saved(model.get(), &TicketsModel::pdfSaved);
        model->savePdf(0, QUrl::fromLocalFile(pdfPath), u"a4"_s);
        QVERIFY(saved.wait(20000));
        QProcess pdftoppm;
        pdftoppm.start(u"pdftoppm"_s,
            { u"-png"_s, u"-r"_s, u"100"_s, u"-singlefile"_s, pdfPath,
                m_dir.filePath(u"revoked"_s) });
        QVERIFY(pdftoppm.waitForFinished(30000));
        const QImage page(m_dir.filePath(u"revoked.png"_s));
        QVERIFY(!page.isNull());
        QVERIFY(decodeQr(page).isEmpty());
    }

    void approvalArrivesLive()
    {
        auto model = loadedModel();
        const int before = model->rowCount();
        m_live->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_live->isOnline(), 20000);
        const qint64 eventId = m_server.createMeetup(m_organizer, 5);
        QVERIFY(eventId > 0);
        const qint64 attendance = m_server.requestJoin(eventId, m_guest.token);
        QVERIFY(attendance > 0);
        QCOMPARE(m_server.decide(eventId, attendance, "APPROVED", m_organizer), 200);
        // attendance_approved on the socket → ChatRooms → the model fetches: no refresh() here.
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 1, 20000);
        bool found = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->data(model->index(row), TicketsModel::EventIdRole).toLongLong() == eventId) {
                found = true;
                QCOMPARE(field(*model, row, TicketsModel::StatusRole), u"VALID"_s);
                QVERIFY(field(*model, row, TicketsModel::QrRole).startsWith("PG1."_L1));
            }
        }
        QVERIFY(found);
    }

    void signingOutForgetsTheCopy()
    {
        auto model = loadedModel();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(TicketsModel::cacheFilePath()), 10000);
        m_accounts->signOut();
        QCOMPARE(model->rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(TicketsModel::cacheFilePath()), 10000);
    }
};

QTEST_MAIN(TstMyTickets)
#include "tst_mytickets.moc"
