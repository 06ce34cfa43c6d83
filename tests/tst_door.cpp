// SPDX-License-Identifier: GPL-3.0-or-later
// Door mode's DoorSession against the real server: the organizer's check-in bundle, scans
// verified offline while the server is unreachable (a closed port: a real connection refused,
// not a mock) and queued on disk, the sync when the network is back, two door devices that
// both admitted the same guest offline, a retried upload whose answer was lost, an undo, and a
// door token revoked while a helper works the door.
#include "api/apiclient.h"
#include "chat/chatrooms.h"
#include "chat/liveconnection.h"
#include "door/doorguestsmodel.h"
#include "door/doorsession.h"
#include "serverfixture.h"
#include "shared/ticket.h"
#include "tickets/ticketpdf.h"

#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "testsupport/qrtestimage.h"

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

namespace {

/// A photo of a ticket's QR code as a door device may get it: the code (libqrencode, 4-module
/// quiet zone) turned by `degrees` on a grey table, saved as JPEG.
bool writeTicketPicture(const QString &payload, double degrees, const QString &path)
{
    const QImage qr = qrImage(payload, 6);
    if (qr.isNull())
        return false;
    const int side = qr.width();
    QImage photo(1280, 960, QImage::Format_RGB32);
    photo.fill(QColor(120, 120, 120));
    QPainter p(&photo);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.translate(photo.width() / 2.0, photo.height() / 2.0);
    p.rotate(degrees);
    p.drawImage(QPointF(-side / 2.0, -side / 2.0), qr);
    p.end();
    return photo.save(path, "JPG", 85);
}

struct Ticket
{
    qint64 id = 0;
    QString number;
    QString qr;
};

/// One door device: its own client, live connection, cache directory and session.
struct Device
{
    QTemporaryDir dir;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<LiveConnection> live;
    std::unique_ptr<ChatRooms> rooms;
    std::unique_ptr<DoorSession> session;

    ~Device()
    {
        session.reset();
        if (live)
            live->stop();
        rooms.reset();
        live.reset();
        api.reset();
    }
};

} // namespace

class TstDoor : public QObject
{
    Q_OBJECT

private:
    QTranslator m_english;
    ServerFixture m_server;
    QUrl m_closedUrl; ///< a port nobody listens on: the network is "off"
    Account m_organizer;
    qint64 m_event = 0;
    qint64 m_otherEvent = 0;
    QHash<QString, Ticket> m_tickets; ///< by guest name
    Ticket m_revoked;
    Ticket m_otherEventTicket;
    QString m_sharedCache; ///< device "A"'s cache, kept across the first tests
    std::unique_ptr<Device> m_a;

    QUrl serverUrl() { return m_server->url(u"/"_s); }

    Ticket ticketOf(const Account &guest, qint64 eventId)
    {
        const auto r = m_server->get(u"/api/tickets/mine"_s, guest.token);
        if (r.status != 200)
            qWarning() << "tickets/mine" << r.status << r.body;
        for (const auto &v : r.json().value("tickets"_L1).toArray()) {
            const QJsonObject t = v.toObject();
            if (t.value("eventId"_L1).toInteger() == eventId && t.value("status"_L1) == "VALID"_L1)
                return { t.value("id"_L1).toInteger(), t.value("number"_L1).toString(),
                    t.value("qr"_L1).toString() };
        }
        return {};
    }

    std::unique_ptr<Device> device(
        const QString &deviceId, bool online, bool live = false, const QString &cacheDir = {})
    {
        return device(online ? serverUrl() : m_closedUrl, m_organizer.token, m_event, deviceId,
            live, cacheDir);
    }
    std::unique_ptr<Device> device(const QUrl &url, const QByteArray &token, qint64 eventId,
        const QString &deviceId, bool live, const QString &cacheDir = {})
    {
        auto d = std::make_unique<Device>();
        d->api = std::make_unique<ApiClient>();
        d->api->setBaseUrl(url);
        d->api->setToken(token);
        if (live) {
            d->live = std::make_unique<LiveConnection>(d->api.get());
            d->rooms = std::make_unique<ChatRooms>(d->api.get(), d->live.get());
            d->live->start();
        }
        d->session = std::make_unique<DoorSession>();
        d->session->setCacheRoot(cacheDir.isEmpty() ? d->dir.path() : cacheDir);
        d->session->setDeviceId(deviceId);
        d->session->open(d->api.get(), eventId, d->rooms.get());
        return d;
    }

    /// The network goes off for this device: REST to a closed port, the socket closed.
    void goOffline(Device &d)
    {
        d.api->setBaseUrl(m_closedUrl);
        if (d.live)
            d.live->stop();
    }
    void goOnline(Device &d)
    {
        d.api->setBaseUrl(serverUrl());
        if (d.live)
            d.live->start();
        d.session->syncNow();
    }

    /// The server's own picture: non-undone check-ins of a ticket in the database.
    int checkinRows(qint64 ticketId)
    {
        QSqlQuery q(m_server.sql(u"check"_s));
        q.prepare(u"SELECT count(*) FROM checkins WHERE ticket_id = ? AND undone_at IS NULL"_s);
        q.addBindValue(ticketId);
        if (!q.exec() || !q.next()) {
            qWarning() << q.lastError().text();
            return -1;
        }
        return q.value(0).toInt();
    }

    QJsonObject serverBundle()
    {
        return m_server->get(u"/api/events/%1/checkin-bundle"_s.arg(m_event), m_organizer.token)
            .json();
    }

    static QJsonObject bundleGuest(const QJsonObject &bundle, qint64 ticketId)
    {
        for (const auto &v : bundle.value("guests"_L1).toArray())
            if (v.toObject().value("ticketId"_L1).toInteger() == ticketId)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"PuddingGabelTest"_s);
        // The app's English texts (plural forms come from the catalogue), as the app loads them.
        QVERIFY(m_english.load(u":/i18n/pudding_en"_s));
        QCoreApplication::installTranslator(&m_english);
        QVERIFY2(m_server.start(u"door"_s), qPrintable(m_server.errorString()));
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            m_closedUrl = QUrl(u"http://127.0.0.1:%1/"_s.arg(probe.serverPort()));
        } // closed again: connections are refused
        m_organizer = m_server.signUp(u"Olga Organizer"_s);
        QVERIFY(m_organizer.isValid());
        // Starting within the hour: the tickets' window (start − 12 h) is open now.
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(3600);
        auto draft = [&](const QString &title) {
            return QJsonObject { { u"title"_s, title },
                { u"location"_s, QJsonObject { { u"lat"_s, 50.1137 }, { u"lng"_s, 8.6843 } } },
                { u"city"_s, u"Frankfurt am Main"_s },
                { u"startTime"_s, start.toString(Qt::ISODate) },
                { u"endTime"_s, start.addSecs(3 * 3600).toString(Qt::ISODate) },
                { u"attendeeLimit"_s, 12 } };
        };
        m_event = m_server.createMeetup(m_organizer.token, draft(u"Puddingabend an der Tür"_s));
        m_otherEvent = m_server.createMeetup(m_organizer.token, draft(u"Ein anderer Abend"_s));
        QVERIFY(m_event > 0 && m_otherEvent > 0);
        for (const QString &name :
            { u"Anna"_s, u"Ben"_s, u"Carl"_s, u"Emil"_s, u"Frieda"_s, u"Dora"_s }) {
            const Account guest = m_server.approvedGuest(m_event, m_organizer.token, name);
            QVERIFY(guest.isValid());
            const Ticket t = ticketOf(guest, m_event);
            QVERIFY2(t.id > 0 && t.qr.startsWith("PG1."_L1), qPrintable(name));
            m_tickets.insert(name, t);
            if (name == "Dora"_L1) {
                // She leaves: her ticket is revoked.
                const auto left = m_server->request("DELETE",
                    u"/api/attendance/events/%1/attendance"_s.arg(m_event), {}, guest.token);
                QVERIFY2(left.status == 200 || left.status == 204, left.body.constData());
                m_revoked = t;
            }
        }
        const Account stranger
            = m_server.approvedGuest(m_otherEvent, m_organizer.token, u"Xaver"_s);
        QVERIFY(stranger.isValid());
        m_otherEventTicket = ticketOf(stranger, m_otherEvent);
        QVERIFY(!m_otherEventTicket.qr.isEmpty());
    }

    void organizerLoadsTheBundle()
    {
        m_a = device(u"door-A"_s, true);
        m_sharedCache = m_a->dir.path();
        DoorSession &s = *m_a->session;
        QTRY_VERIFY_WITH_TIMEOUT(s.isReady(), 10000);
        QTRY_VERIFY(s.isOnline());
        QCOMPARE(s.expected(), 5); // Dora's ticket is revoked
        QCOMPARE(s.checkedIn(), 0);
        QCOMPARE(s.title(), u"Puddingabend an der Tür"_s);
        QCOMPARE(s.guestsNotYet()->rowCount(), 5);
        QCOMPARE(s.guestsIn()->rowCount(), 0);
        QTRY_VERIFY(QFile::exists(m_sharedCache + u"/%1/bundle.json"_s.arg(m_event)));
        QCOMPARE(s.statusText(), u"Online — all scans uploaded"_s);
    }

    void offlineScansAreVerifiedAndQueued()
    {
        DoorSession &s = *m_a->session;
        m_a->api->setBaseUrl(m_closedUrl); // the network goes off
        s.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!s.isOnline(), 10000);
        QVERIFY(s.isReady()); // the cached list

        const Ticket anna = m_tickets.value(u"Anna"_s);
        s.submit(anna.qr);
        QCOMPARE(s.verdict().value(u"kind"_s).toString(), u"green"_s);
        QCOMPARE(s.verdict().value(u"name"_s).toString(), u"Anna"_s);
        QCOMPARE(s.verdict().value(u"puddingName"_s).toString(), u"Schokoladenpudding"_s);
        // Again: already inside — red, and still a fact to upload.
        s.submit(anna.qr);
        QCOMPARE(s.verdict().value(u"kind"_s).toString(), u"red"_s);
        QCOMPARE(s.verdict().value(u"reason"_s).toString(), u"double_entry"_s);
        QVERIFY(
            s.verdict().value(u"reasonText"_s).toString().startsWith("Already inside since"_L1));
        // Typed number, lower case with a space, as someone reads it off a phone.
        const Ticket ben = m_tickets.value(u"Ben"_s);
        s.submit(ben.number.left(4).toLower() + u' ' + ben.number.mid(4));
        QCOMPARE(s.verdict().value(u"kind"_s).toString(), u"green"_s);
        QCOMPARE(s.verdict().value(u"name"_s).toString(), u"Ben"_s);
        QCOMPARE(s.waiting(), 3);
        QCOMPARE(s.checkedIn(), 2);
        QCOMPARE(s.statusText(), u"Offline — 3 scans waiting"_s);
        QCOMPARE(s.guestsIn()->rowCount(), 2);

        // On disk, with nonces, the scan times and this device's id.
        const QString queuePath = m_sharedCache + u"/%1/queue.json"_s.arg(m_event);
        QTRY_VERIFY(QFile::exists(queuePath));
        QJsonObject onDisk;
        QTRY_VERIFY([&] {
            QFile f(queuePath);
            if (!f.open(QIODevice::ReadOnly))
                return false;
            onDisk = QJsonDocument::fromJson(f.readAll()).object();
            return onDisk.value("scans"_L1).toArray().size() == 3;
        }());
        QCOMPARE(onDisk.value("deviceId"_L1).toString(), u"door-A"_s);
        QSet<QString> nonces;
        for (const auto &v : onDisk.value("scans"_L1).toArray()) {
            nonces.insert(v.toObject().value("nonce"_L1).toString());
            QVERIFY(QDateTime::fromString(
                v.toObject().value("scannedAt"_L1).toString(), Qt::ISODateWithMs)
                        .isValid());
        }
        QCOMPARE(nonces.size(), 3);
        // Nothing reached the server.
        QCOMPARE(checkinRows(anna.id), 0);
    }

    void forgedAndRevokedRefusedOffline_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("reason");
        const QString anna = m_tickets.value(u"Anna"_s).qr;
        // One character of the signed body changed.
        const QStringList parts = anna.split(u'.');
        QString body = parts.at(2);
        body[10] = body[10] == u'A' ? u'B' : u'A';
        const QString forged = parts.at(0) + u'.' + parts.at(1) + u'.' + body + u'.' + parts.at(3);
        QTest::newRow("forged") << forged << u"bad_signature"_s;
        QTest::newRow("revoked") << m_revoked.qr << u"revoked"_s;
        QTest::newRow("revoked, typed") << m_revoked.number << u"revoked"_s;
        QTest::newRow("other meetup") << m_otherEventTicket.qr << u"other_event"_s;
        QTest::newRow("unknown number") << u"ZZZZ-ZZZZ"_s << u"unknown"_s;
        QTest::newRow("garbage") << u"PG1.nonsense"_s << u"unknown"_s;
    }
    void forgedAndRevokedRefusedOffline()
    {
        QFETCH(QString, payload);
        QFETCH(QString, reason);
        DoorSession &s = *m_a->session;
        QVERIFY(!s.isOnline());
        const int waiting = s.waiting();
        const int in = s.checkedIn();
        s.submit(payload);
        QCOMPARE(s.verdict().value(u"kind"_s).toString(), u"red"_s);
        QCOMPARE(s.verdict().value(u"reason"_s).toString(), reason);
        QCOMPARE(s.waiting(), waiting); // nothing to upload for a refused ticket
        QCOMPARE(s.checkedIn(), in);
    }

    // The organizer checks tickets from picture files (a screenshot or photo of the code): the
    // same decoder as camera frames, the same offline verdicts.
    void picturesOfTicketsOffline()
    {
        DoorSession &s = *m_a->session;
        QVERIFY(!s.isOnline());
        const int waiting = s.waiting();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString revoked = dir.filePath(u"revoked.jpg"_s);
        QVERIFY(writeTicketPicture(m_revoked.qr, 12, revoked));
        s.clearVerdict();
        s.scanImageFile(QUrl::fromLocalFile(revoked));
        QTRY_COMPARE(s.verdict().value(u"kind"_s).toString(), u"red"_s);
        QCOMPARE(s.verdict().value(u"reason"_s).toString(), u"revoked"_s);
        QCOMPARE(s.verdict().value(u"number"_s).toString().remove(u'-'), m_revoked.number);

        const QString anna = dir.filePath(u"anna.jpg"_s);
        QVERIFY(writeTicketPicture(m_tickets.value(u"Anna"_s).qr, -20, anna));
        s.clearVerdict();
        s.scanImageFile(QUrl::fromLocalFile(anna));
        QTRY_COMPARE(
            s.verdict().value(u"reason"_s).toString(), u"double_entry"_s); // inside already
        QCOMPARE(s.verdict().value(u"name"_s).toString(), u"Anna"_s);
        QCOMPARE(s.waiting(), waiting + 1); // a fact, uploaded later

        QImage blank(640, 480, QImage::Format_RGB32);
        blank.fill(Qt::white);
        const QString none = dir.filePath(u"none.png"_s);
        QVERIFY(blank.save(none));
        s.clearVerdict();
        s.scanImageFile(QUrl::fromLocalFile(none));
        QTRY_COMPARE(s.verdict().value(u"kind"_s).toString(), u"red"_s);
        QCOMPARE(s.verdict().value(u"reason"_s).toString(), u"unknown"_s);
        QCOMPARE(s.waiting(), waiting + 1);
    }

    void queueSurvivesARestart()
    {
        // The app is closed while offline: the next start has the list and the scans.
        auto again = device(u"door-A"_s, false, false, m_sharedCache);
        QTRY_VERIFY_WITH_TIMEOUT(again->session->isReady(), 10000);
        QTRY_COMPARE(again->session->waiting(), 4); // three typed, one from a picture
        QCOMPARE(again->session->checkedIn(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!again->session->isOnline(), 10000);
    }

    void networkBackSyncs()
    {
        DoorSession &s = *m_a->session;
        m_a->api->setBaseUrl(serverUrl()); // the network is back
        s.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(s.waiting(), 0, 15000);
        QVERIFY(s.isOnline());
        const Ticket anna = m_tickets.value(u"Anna"_s);
        const Ticket ben = m_tickets.value(u"Ben"_s);
        QCOMPARE(checkinRows(anna.id), 3); // one entry and two double entries (one a picture)
        QCOMPARE(checkinRows(ben.id), 1);
        const QJsonObject bundle = serverBundle();
        QCOMPARE(bundle.value("counter"_L1).toObject().value("checkedIn"_L1).toInt(), 2);
        QCOMPARE(bundleGuest(bundle, anna.id).value("doubleEntries"_L1).toInt(), 2);
        // The device shows what the server has (the list is fetched again after the upload).
        QCOMPARE(s.checkedIn(), 2);
        QTRY_COMPARE(s.guests().value(anna.id).doubleEntries, 2);
        QTRY_COMPARE(s.version(), bundle.value("version"_L1).toInteger());
        QCOMPARE(s.statusText(), u"Online — all scans uploaded"_s);
    }

    // Two devices, both offline, admit Carl; after both synced: one entry, one double entry,
    // and both screens say so (device B learns of C's upload live, from checkin_update).
    void twoDevicesOfflineSameTicket()
    {
        auto b = device(u"door-B"_s, true, true);
        auto c = device(u"door-C"_s, true, true);
        QTRY_VERIFY_WITH_TIMEOUT(b->session->isReady() && c->session->isReady(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->live->state(), LiveConnection::State::Online, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(c->live->state(), LiveConnection::State::Online, 10000);
        goOffline(*b);
        goOffline(*c);

        const Ticket carl = m_tickets.value(u"Carl"_s);
        b->session->submit(carl.qr);
        QTest::qWait(20); // the two door scans are seconds apart in life; here milliseconds
        c->session->submit(carl.qr);
        QCOMPARE(b->session->verdict().value(u"kind"_s).toString(), u"green"_s);
        QCOMPARE(c->session->verdict().value(u"kind"_s).toString(), u"green"_s);
        const QDateTime bScan = b->session->queue().constFirst().scannedAt;

        // C comes back online first: its later scan is the entry for now.
        goOnline(*c);
        QTRY_COMPARE_WITH_TIMEOUT(c->session->waiting(), 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(c->live->state(), LiveConnection::State::Online, 10000);
        goOnline(*b);
        QTRY_COMPARE_WITH_TIMEOUT(b->session->waiting(), 0, 15000);

        QCOMPARE(checkinRows(carl.id), 2);
        const QJsonObject bundle = serverBundle();
        const QJsonObject row = bundleGuest(bundle, carl.id);
        QCOMPARE(row.value("doubleEntries"_L1).toInt(), 1);
        // Order, not arrival: B's earlier scan is THE entry.
        QCOMPARE(QDateTime::fromString(row.value("checkedInAt"_L1).toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch()
                / 1000,
            bScan.toMSecsSinceEpoch() / 1000);
        const int serverIn = bundle.value("counter"_L1).toObject().value("checkedIn"_L1).toInt();
        QCOMPARE(serverIn, 3);
        // C synced first and learns of B's earlier scan live (checkin_update); B from its
        // own upload's answer and the list fetched after it.
        for (Device *d : { b.get(), c.get() }) {
            QTRY_COMPARE_WITH_TIMEOUT(d->session->guests().value(carl.id).doubleEntries, 1, 10000);
            QCOMPARE(d->session->guests().value(carl.id).checkedInAt.toSecsSinceEpoch(),
                bScan.toSecsSinceEpoch());
            QCOMPARE(d->session->checkedIn(), serverIn);
            QCOMPARE(d->session->expected(), 5);
        }
    }

    // A live checkin_update reaches a device that did nothing: A (no socket) is left out; B
    // with the organizer's live connection sees Emil come in through another device.
    void liveUpdateReachesAnotherDevice()
    {
        auto b = device(u"door-B2"_s, true, true);
        auto c = device(u"door-C2"_s, true, false);
        QTRY_VERIFY_WITH_TIMEOUT(b->session->isReady() && c->session->isReady(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->live->state(), LiveConnection::State::Online, 10000);
        QSignalSpy live(b->session.get(), &DoorSession::liveUpdate);
        const Ticket frieda = m_tickets.value(u"Frieda"_s);
        const int before = b->session->checkedIn();
        c->session->submit(frieda.qr);
        QTRY_COMPARE_WITH_TIMEOUT(c->session->waiting(), 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(live.size() > 0, 10000);
        QTRY_COMPARE(b->session->checkedIn(), before + 1);
        QVERIFY(b->session->guests().value(frieda.id).isIn());
    }

    // The server stored a batch but the answer never arrived (the app died before it rewrote
    // its queue): the same scans go up again with the same nonces — nothing is counted twice.
    void retryWithLostAnswerCountsOnce()
    {
        QTemporaryDir root;
        const Ticket emil = m_tickets.value(u"Emil"_s);
        QByteArray savedQueue;
        const QString queuePath = root.path() + u"/%1/queue.json"_s.arg(m_event);
        {
            auto d = device(u"door-D"_s, true, false, root.path());
            QTRY_VERIFY_WITH_TIMEOUT(d->session->isReady(), 10000);
            d->api->setBaseUrl(m_closedUrl);
            d->session->submit(emil.qr);
            QCOMPARE(d->session->verdict().value(u"kind"_s).toString(), u"green"_s);
            QTRY_VERIFY([&] {
                QFile f(queuePath);
                return f.open(QIODevice::ReadOnly)
                    && (savedQueue = f.readAll())
                           .contains(d->session->queue().constFirst().nonce.toLatin1());
            }());
            d->api->setBaseUrl(serverUrl());
            d->session->syncNow();
            QTRY_COMPARE_WITH_TIMEOUT(d->session->waiting(), 0, 15000);
        }
        QCOMPARE(checkinRows(emil.id), 1);
        const int counterBefore
            = serverBundle().value("counter"_L1).toObject().value("checkedIn"_L1).toInt();
        // As if the answer had been lost: the queue from before the upload is back.
        {
            QFile f(queuePath);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(savedQueue);
        }
        auto again = device(u"door-D"_s, true, false, root.path());
        // Watched before the event loop runs: the upload may finish before the list is ready.
        QSignalSpy synced(again->session.get(), &DoorSession::synced);
        QTRY_VERIFY_WITH_TIMEOUT(again->session->isReady(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(synced.size() >= 1, 15000);
        QCOMPARE(again->session->waiting(), 0);
        QCOMPARE(checkinRows(emil.id), 1);
        const QJsonObject bundle = serverBundle();
        QCOMPARE(
            bundle.value("counter"_L1).toObject().value("checkedIn"_L1).toInt(), counterBefore);
        QCOMPARE(bundleGuest(bundle, emil.id).value("doubleEntries"_L1).toInt(), 0);
        QTRY_COMPARE(again->session->guests().value(emil.id).doubleEntries, 0);
        QVERIFY(again->session->guests().value(emil.id).isIn());
    }

    void undoAMistakenCheckin()
    {
        DoorSession &s = *m_a->session;
        const Ticket ben = m_tickets.value(u"Ben"_s);
        const int in = serverBundle().value("counter"_L1).toObject().value("checkedIn"_L1).toInt();
        s.reload(); // A has no socket: what the other devices did comes with the list
        QTRY_COMPARE_WITH_TIMEOUT(s.checkedIn(), in, 10000);
        QVERIFY(s.guests().value(ben.id).isIn());
        s.undo(ben.id);
        QTRY_VERIFY_WITH_TIMEOUT(!s.guests().value(ben.id).isIn(), 10000);
        QCOMPARE(s.checkedIn(), in - 1);
        QTRY_COMPARE(checkinRows(ben.id), 0);
        QCOMPARE(
            serverBundle().value("counter"_L1).toObject().value("checkedIn"_L1).toInt(), in - 1);
    }

    // The organizer hands the door over in the app: a door code, which a helper's app opens
    // without any account.
    void doorCodeHandOver()
    {
        DoorSession &s = *m_a->session;
        QSignalSpy created(&s, &DoorSession::doorCodeCreated);
        s.createDoorCode(u"Eingang Nord"_s, 3);
        QVERIFY(created.wait(10000));
        const QString code = created.constFirst().at(0).toString();
        QVERIFY(code.startsWith(u"PGDOOR1.%1."_s.arg(m_event)));
        const QDateTime expires = created.constFirst().at(1).toDateTime();
        QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(2 * 3600));

        ApiClient app; // the helper's app, set to the same server, nobody signed in
        app.setBaseUrl(serverUrl());
        ApiClient::setInstance(&app);
        QTemporaryDir root;
        DoorSession helper;
        helper.setCacheRoot(root.path());
        helper.setDeviceId(u"door-helper-code"_s);
        QVERIFY(!helper.openWithDoorCode(u"PGDOOR1.x.y"_s));
        QVERIFY(helper.openWithDoorCode(code));
        QVERIFY(helper.isDoorTokenMode());
        QTRY_VERIFY_WITH_TIMEOUT(helper.isReady(), 10000);
        QCOMPARE(helper.expected(), 5);
        QVERIFY(!helper.isAccessRefused());
        helper.close();
        ApiClient::setInstance(nullptr);
    }

    // A helper with a door token: works until the organizer revokes it, then every upload is
    // refused, the session says so, and the scans stay on the device.
    void revokedDoorTokenRefusesSync()
    {
        const auto created = m_server->postJson(u"/api/events/%1/door-tokens"_s.arg(m_event),
            { { u"label"_s, u"Eingang Süd"_s }, { u"validHours"_s, 2 } }, m_organizer.token);
        QCOMPARE(created.status, 201);
        const QString token = created.json().value("token"_L1).toString();
        const qint64 tokenId = created.json().value("id"_L1).toInteger();
        QVERIFY(!token.isEmpty());

        QTemporaryDir root;
        DoorSession helper;
        helper.setCacheRoot(root.path());
        helper.setDeviceId(u"door-helper"_s);
        helper.openWithDoorToken(serverUrl(), m_event, token);
        QTRY_VERIFY_WITH_TIMEOUT(helper.isReady(), 10000);
        QCOMPARE(helper.expected(), 5);
        // The token works: Ben (undone before) comes in.
        const Ticket ben = m_tickets.value(u"Ben"_s);
        helper.submit(ben.qr);
        QTRY_COMPARE_WITH_TIMEOUT(helper.waiting(), 0, 10000);
        QCOMPARE(checkinRows(ben.id), 1);

        const auto revoked = m_server->request("DELETE",
            u"/api/events/%1/door-tokens/%2"_s.arg(m_event).arg(tokenId), {}, m_organizer.token);
        QCOMPARE(revoked.status, 204);
        helper.submit(m_tickets.value(u"Anna"_s).qr); // a double entry, still a fact
        QTRY_VERIFY_WITH_TIMEOUT(helper.isAccessRefused(), 10000);
        QCOMPARE(helper.waiting(), 1);
        QVERIFY(helper.statusText().startsWith("Access refused"_L1));
        QVERIFY(helper.errorString().contains("door access is no longer valid"_L1));
        QCOMPARE(checkinRows(m_tickets.value(u"Anna"_s).id), 3); // nothing new
    }

    // The "done when", on the demo data: Anna (approved for Olga's meetup tonight) saves
    // her ticket as a PDF; Olga opens Door mode, the network goes off, she checks Anna's ticket
    // from a picture of that PDF page and a revoked ticket; the network comes back and a second
    // door device shows the right counter.
    void demoDataDoorNight()
    {
        m_a.reset();
        ServerFixture demo;
        TestServer::Options options;
        options.extraArguments = { u"--seed-demo"_s };
        QVERIFY2(demo.start(u"door_demo"_s, options), qPrintable(demo.errorString()));
        const QString password = u"pudding-demo-2026"_s;
        const QByteArray olga = demo.signIn(u"organizer@demo.pudding-gabel.de"_s, password);
        const QByteArray anna = demo.signIn(u"anna@demo.pudding-gabel.de"_s, password);
        QVERIFY(!olga.isEmpty() && !anna.isEmpty());
        const qint64 olgaId = demo.userId(olga);

        // Anna's ticket for Olga's meetup, and what the PDF prints of it.
        QJsonObject ticket;
        for (const auto &v :
            demo->get(u"/api/tickets/mine"_s, anna).json().value("tickets"_L1).toArray()) {
            const QJsonObject event = v.toObject().value("event"_L1).toObject();
            // Anna has tickets for several of Olga's meetups: tonight's is the first to start.
            if (v.toObject().value("status"_L1) == "VALID"_L1
                && event.value("organizer"_L1).toObject().value("id"_L1).toInteger() == olgaId
                && (ticket.isEmpty()
                    || event.value("startTime"_L1).toString()
                        < ticket.value("event"_L1).toObject().value("startTime"_L1).toString()))
                ticket = v.toObject();
        }
        QVERIFY2(!ticket.isEmpty(), "Anna has no ticket for Olga's meetup in the demo data");
        const qint64 eventId = ticket.value("eventId"_L1).toInteger();
        const QJsonObject event = ticket.value("event"_L1).toObject();
        QVERIFY(event.value("exactLocation"_L1).toBool()); // approved: the exact place
        TicketPdfContent content;
        content.title = event.value("title"_L1).toString();
        content.when = event.value("startTime"_L1).toString();
        content.place = event.value("city"_L1).toString();
        content.guestName = ticket.value("holder"_L1).toObject().value("name"_L1).toString();
        content.puddingName = ticket.value("pudding"_L1).toObject().value("name"_L1).toString();
        content.number = Tickets::formatNumber(ticket.value("number"_L1).toString());
        content.qrPayload = ticket.value("qr"_L1).toString();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pdf = dir.filePath(u"pudding-ticket.pdf"_s);
        const auto written = writeTicketPdf(pdf, content, TicketPageFormat::A4);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        QProcess pdftoppm;
        pdftoppm.start(u"pdftoppm"_s,
            { u"-png"_s, u"-r"_s, u"100"_s, u"-singlefile"_s, pdf, dir.filePath(u"page"_s) });
        QVERIFY(pdftoppm.waitForFinished(30000));
        QCOMPARE(pdftoppm.exitCode(), 0);
        const QString annaPicture = dir.filePath(u"page.png"_s);

        // Another guest of that meetup was approved, then refused: a revoked ticket.
        const QJsonObject bundle
            = demo->get(u"/api/events/%1/checkin-bundle"_s.arg(eventId), olga).json();
        QJsonObject other;
        for (const auto &v : bundle.value("guests"_L1).toArray())
            if (v.toObject().value("ticketId"_L1).toInteger() != ticket.value("id"_L1).toInteger())
                other = v.toObject();
        QVERIFY2(!other.isEmpty(), "the demo meetup has a second approved guest");
        const QJsonObject otherTicket
            = demo->get(u"/api/tickets/%1"_s.arg(other.value("ticketId"_L1).toInteger()), olga)
                  .json();
        const QString revokedQr = otherTicket.value("qr"_L1).toString();
        QVERIFY(revokedQr.startsWith("PG1."_L1));
        QCOMPARE(demo.decide(
                     eventId, otherTicket.value("attendanceId"_L1).toInteger(), "REJECTED", olga),
            200);
        const QString revokedPicture = dir.filePath(u"revoked.jpg"_s);
        QVERIFY(writeTicketPicture(revokedQr, 8, revokedPicture));

        // Olga's door, online once (the list comes down), then the network goes off.
        auto door = device(demo->url(u"/"_s), olga, eventId, u"door-olga"_s, false);
        QTRY_VERIFY_WITH_TIMEOUT(door->session->isReady() && door->session->isOnline(), 15000);
        const int expected = door->session->expected();
        QCOMPARE(door->session->checkedIn(), 0);
        door->api->setBaseUrl(m_closedUrl);
        door->session->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!door->session->isOnline(), 10000);

        door->session->scanImageFile(QUrl::fromLocalFile(annaPicture));
        QTRY_COMPARE(door->session->verdict().value(u"kind"_s).toString(), u"green"_s);
        QCOMPARE(door->session->verdict().value(u"name"_s).toString(), content.guestName);
        door->session->clearVerdict();
        door->session->scanImageFile(QUrl::fromLocalFile(revokedPicture));
        QTRY_COMPARE(door->session->verdict().value(u"kind"_s).toString(), u"red"_s);
        QCOMPARE(door->session->verdict().value(u"reason"_s).toString(), u"revoked"_s);
        QCOMPARE(door->session->waiting(), 1);
        QCOMPARE(door->session->statusText(), u"Offline — 1 scan waiting"_s);

        // A second door device, online and live, sees nothing yet; the network comes back.
        auto second = device(demo->url(u"/"_s), olga, eventId, u"door-two"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(second->session->isReady(), 15000);
        QCOMPARE(second->session->checkedIn(), 0);
        door->api->setBaseUrl(demo->url(u"/"_s));
        door->session->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(door->session->waiting(), 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(second->session->checkedIn(), 1, 15000);
        QCOMPARE(second->session->expected(), expected);
        const QJsonObject after
            = demo->get(u"/api/events/%1/checkin-bundle"_s.arg(eventId), olga).json();
        QCOMPARE(after.value("counter"_L1).toObject().value("checkedIn"_L1).toInt(), 1);
        door.reset();
        second.reset();
    }

    void cleanupTestCase() { m_a.reset(); }
};

QTEST_MAIN(TstDoor)
#include "tst_door.moc"
