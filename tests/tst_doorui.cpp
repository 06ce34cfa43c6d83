// SPDX-License-Identifier: GPL-3.0-or-later
// Door mode in the real app (in-process, offscreen) against the real server: the organizer
// opens it for a meetup, a hand-held scanner types a ticket's code and Enter (GREEN), a revoked
// ticket (RED), then the server goes away and scans queue up (OFFLINE). Screenshots of the
// three: build*/artifacts/door-green.png, door-red.png, door-offline.png.
#include "app/appcontext.h"
#include "appundertest.h"
#include "door/doorguestsmodel.h"
#include "door/doorsession.h"

#include <QDir>
#include <QJsonArray>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;
using namespace Pudding::Client;
using namespace Pudding::Test;

class TstDoorUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataDir; ///< Door mode's cache: a fresh one, as on a new device
    AppUnderTest m_app;
    qint64 m_event = 0;
    QHash<QString, QString> m_qr; ///< guest name → QR payload
    QString m_revokedQr;

    template <typename T = QObject> T *find(const char *name) const
    {
        return m_app.window->findChild<T *>(QString::fromLatin1(name));
    }

    QString ticketQr(const Account &guest)
    {
        const auto r = m_app.server->get(u"/api/tickets/mine"_s, guest.token);
        for (const auto &v : r.json().value("tickets"_L1).toArray())
            if (v.toObject().value("eventId"_L1).toInteger() == m_event)
                return v.toObject().value("qr"_L1).toString();
        return {};
    }

    /// What a hand-held scanner does: the code as key presses into the focused field, Enter.
    void scan(const QString &payload)
    {
        auto *field = find<QQuickItem>("scannerField");
        QVERIFY(field);
        QTRY_VERIFY(field->hasActiveFocus());
        for (const QChar c : payload)
            QTest::keyClick(m_app.window, c.toLatin1());
        QTest::keyClick(m_app.window, Qt::Key_Return);
    }

    void screenshot(const QString &name)
    {
        // A frame rendered after the change, so the verdict's colour and texts are on screen.
        QSignalSpy swapped(m_app.window, &QQuickWindow::frameSwapped);
        m_app.window->update();
        QVERIFY(swapped.wait(5000));
        const QImage image = m_app.window->grabWindow();
        QVERIFY(!image.isNull());
        const QString path = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u'/' + name;
        QVERIFY(image.save(path));
        qInfo().noquote() << "screenshot:" << path;
    }

    /// The share of pixels close to `colour` in the verdict panel.
    double panelShare(const QColor &colour)
    {
        auto *panel = find<QQuickItem>("verdictPanel");
        const QRectF r = panel->mapRectToScene(QRectF(0, 0, panel->width(), panel->height()));
        const QImage image = m_app.window->grabWindow().copy(r.toRect());
        int hits = 0;
        int total = 0;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3) {
                const QColor c = image.pixelColor(x, y);
                ++total;
                if (std::abs(c.red() - colour.red()) < 12
                    && std::abs(c.green() - colour.green()) < 12
                    && std::abs(c.blue() - colour.blue()) < 12)
                    ++hits;
            }
        }
        return total > 0 ? double(hits) / total : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PUDDING_TILE_URL", "none");
        QVERIFY(m_dataDir.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataDir.path()));
        const QString failure = m_app.start(u"doorui"_s);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(QDir().mkpath(QStringLiteral(PUDDING_ARTIFACTS_DIR)));

        const QByteArray organizer
            = m_app.server.signIn(u"organizer@demo.pudding-gabel.de"_s, u"pudding-demo-2026"_s);
        QVERIFY(!organizer.isEmpty());
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(3600);
        m_event = m_app.server.createMeetup(organizer,
            QJsonObject { { u"title"_s, u"Puddingabend im Nordend"_s },
                { u"location"_s, QJsonObject { { u"lat"_s, 50.1237 }, { u"lng"_s, 8.6943 } } },
                { u"city"_s, u"Frankfurt am Main"_s },
                { u"startTime"_s, start.toString(Qt::ISODate) },
                { u"endTime"_s, start.addSecs(3 * 3600).toString(Qt::ISODate) },
                { u"attendeeLimit"_s, 10 } });
        QVERIFY(m_event > 0);
        for (const QString &name : { u"Anna Becker"_s, u"Ben Okafor"_s, u"Clara Nguyen"_s,
                 u"David Weiß"_s, u"Dora Schmidt"_s }) {
            const Account guest = m_app.server.approvedGuest(m_event, organizer, name);
            QVERIFY(guest.isValid());
            const QString qr = ticketQr(guest);
            QVERIFY2(qr.startsWith("PG1."_L1), qPrintable(name));
            m_qr.insert(name, qr);
            if (name == "Dora Schmidt"_L1) {
                const auto left = m_app.server->request("DELETE",
                    u"/api/attendance/events/%1/attendance"_s.arg(m_event), {}, guest.token);
                QVERIFY(left.status == 200 || left.status == 204);
                m_revokedQr = qr;
            }
        }

        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(
            u"organizer@demo.pudding-gabel.de"_s, u"pudding-demo-2026"_s);
        QVERIFY(signedIn.wait(10000));
        QMetaObject::invokeMethod(m_app.window, "openDoor", Q_ARG(QVariant, m_event),
            Q_ARG(QString, u"Puddingabend im Nordend"_s));
        auto *session = find<DoorSession>("doorSession");
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(session->isReady(), 10000);
        QCOMPARE(session->expected(), 4);
        // The guests' photos are on disk before the first verdict shows one.
        DoorGuestsModel *notYet = session->guestsNotYet();
        QTRY_VERIFY_WITH_TIMEOUT(notYet->rowCount() == 4
                && notYet->data(notYet->index(0), DoorGuestsModel::PhotoUrlRole)
                       .toUrl()
                       .isLocalFile(),
            10000);
    }

    void green()
    {
        auto *session = find<DoorSession>("doorSession");
        scan(m_qr.value(u"Anna Becker"_s));
        QTRY_COMPARE(session->verdict().value(u"kind"_s).toString(), u"green"_s);
        QCOMPARE(session->verdict().value(u"name"_s).toString(), u"Anna Becker"_s);
        scan(m_qr.value(u"Ben Okafor"_s));
        QTRY_COMPARE(session->verdict().value(u"name"_s).toString(), u"Ben Okafor"_s);
        QTRY_COMPARE_WITH_TIMEOUT(session->waiting(), 0, 10000);
        QCOMPARE(find<QObject>("doorCounter")->property("text").toString(), u"2 of 4 checked in"_s);
        QVERIFY(panelShare(QColor(0x1b, 0x7f, 0x3b)) > 0.3);
        screenshot(u"door-green.png"_s);
    }

    void red()
    {
        auto *session = find<DoorSession>("doorSession");
        scan(m_revokedQr);
        QTRY_COMPARE(session->verdict().value(u"reason"_s).toString(), u"revoked"_s);
        QVERIFY(panelShare(QColor(0xb7, 0x1c, 0x1c)) > 0.3);
        screenshot(u"door-red.png"_s);
    }

    void offline()
    {
        auto *session = find<DoorSession>("doorSession");
        m_app.server->stop(); // the network is gone
        scan(m_qr.value(u"Clara Nguyen"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isOnline(), 15000);
        QCOMPARE(session->verdict().value(u"kind"_s).toString(), u"green"_s);
        scan(m_qr.value(u"David Weiß"_s));
        scan(m_qr.value(u"Anna Becker"_s)); // already in: a double entry, queued as well
        QTRY_COMPARE(session->verdict().value(u"reason"_s).toString(), u"double_entry"_s);
        QCOMPARE(session->waiting(), 3);
        QCOMPARE(find<QObject>("doorStatus")->property("text").toString(),
            u"Offline — 3 scans waiting"_s);
        QCOMPARE(find<QObject>("doorCounter")->property("text").toString(), u"4 of 4 checked in"_s);
        // The guests inside, the ones not uploaded yet marked so.
        auto *inTab = find<QQuickItem>("inTab");
        QTest::mouseClick(m_app.window, Qt::LeftButton, {},
            inTab->mapToScene(QPointF(inTab->width() / 2, inTab->height() / 2)).toPoint());
        QTRY_COMPARE(find<QObject>("doorTabs")->property("currentIndex").toInt(), 1);
        QTRY_COMPARE(find<QQuickItem>("inList")->property("count").toInt(), 4);
        screenshot(u"door-offline.png"_s);
    }

    // Esc leaves Door mode (the scans stay queued on disk for the next time).
    void escLeaves()
    {
        auto *stack = find<QQuickItem>("pageStack");
        QCOMPARE(stack->property("depth").toInt(), 2);
        QTest::keyClick(m_app.window, Qt::Key_Escape);
        QTRY_COMPARE(stack->property("depth").toInt(), 1);
        QVERIFY(!find<QObject>("doorSession"));
        QVERIFY2(m_app.warnings.isEmpty(), qPrintable(m_app.warnings.join(u'\n')));
    }
};

QTEST_MAIN(TstDoorUi)
#include "tst_doorui.moc"
