// SPDX-License-Identifier: GPL-3.0-or-later
// The meetup form in the real app against the real server: date, time and duration are typed
// the way people write them (a date in the locale's format, "7pm", "2:30") and arrive as the
// right instants; the venue is sent, shown in the details, filled in again for editing and
// can be cleared. A meetup without a venue (or from a server that does not know venues)
// shows no venue row.
#include "app/appcontext.h"
#include "appundertest.h"
#include "testserver.h"

#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;
using namespace Pudding::Client;
using namespace Pudding::Test;

class TstAppEditor : public QObject
{
    Q_OBJECT

private:
    AppUnderTest m_app;
    qint64 m_createdId = 0;
    QByteArray m_token; // the organizer's, for reading what only the organizer sees

    template <typename T = QObject> T *find(const char *name) const
    {
        return m_app.window->findChild<T *>(QString::fromLatin1(name));
    }

    // Focuses `item` as Tab would, selects what is in it and types `text`.
    void typeInto(const char *name, const QString &text, bool finish = true)
    {
        auto *item = find<QQuickItem>(name);
        QVERIFY2(item, name);
        item->forceActiveFocus(Qt::TabFocusReason);
        QTRY_VERIFY2(item->hasActiveFocus(), name);
        QTest::keyClick(m_app.window, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(m_app.window, Qt::Key_Backspace);
        for (const QChar c : text) // QTest::keyClicks() is for widgets only
            QTest::sendKeyEvent(QTest::Click, m_app.window, Qt::Key_unknown, QString(c), {});
        if (finish)
            QTest::keyClick(m_app.window, Qt::Key_Tab);
    }

    void clickSubmit()
    {
        auto *submit = find<QQuickItem>("submitButton");
        QVERIFY(submit);
        submit->forceActiveFocus(Qt::TabFocusReason); // scrolls it into view
        QTest::qWait(100);
        const QPointF centre
            = submit->mapToScene(QPointF(submit->width() / 2, submit->height() / 2));
        QTest::mouseClick(m_app.window, Qt::LeftButton, {}, centre.toPoint());
    }

    QJsonObject fetchEvent(qint64 id)
    {
        return m_app.server->get(u"/api/events/%1"_s.arg(id), m_token).json();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PUDDING_TILE_URL", "none");
        const QString failure = m_app.start(u"appeditor"_s);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(
            u"organizer@demo.pudding-gabel.de"_s, u"pudding-demo-2026"_s);
        QVERIFY(signedIn.wait(10000));
        const auto login = m_app.server->postJson(u"/api/auth/login"_s,
            { { u"email"_s, u"organizer@demo.pudding-gabel.de"_s },
                { u"password"_s, u"pudding-demo-2026"_s } });
        m_token = login.json().value("token"_L1).toString().toUtf8();
        QVERIFY(!m_token.isEmpty());
    }

    void createWithPickersAndVenue()
    {
        auto *editor = find("eventEditor");
        QVERIFY(QMetaObject::invokeMethod(
            editor, "openForNew", Q_ARG(double, 51.3397), Q_ARG(double, 12.3731)));
        QTRY_VERIFY(editor->property("opened").toBool());
        typeInto("titleField", u"Grießpudding am Parkeingang"_s);
        typeInto("venueField", u"Clara-Zetkin-Park, Eingang Ost"_s);
        // A date next year in the locale's own short format (en_GB here: 14/12/2027).
        const QDate day(QDate::currentDate().year() + 1, 12, 14);
        const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
        typeInto("dateField", locale.toString(day, u"dd/MM/yyyy"_s));
        typeInto("timeField", u"7pm"_s);
        typeInto("durationBox", u"2:30"_s);
        auto *ends = find<QQuickItem>("endsLabel");
        QVERIFY(ends);
        QTRY_VERIFY2(ends->property("text").toString().contains(u"21:30"_s),
            qPrintable(ends->property("text").toString()));
        clickSubmit();

        QTRY_VERIFY_WITH_TIMEOUT(
            !m_app.server->get(u"/api/events?q=Parkeingang&limit=5"_s).events().isEmpty(), 10000);
        m_createdId = m_app.server->get(u"/api/events?q=Parkeingang&limit=5"_s)
                          .events()
                          .first()
                          .toObject()
                          .value("id"_L1)
                          .toInteger();
        const QJsonObject created = fetchEvent(m_createdId);
        QCOMPARE(created.value("venue"_L1).toString(), u"Clara-Zetkin-Park, Eingang Ost"_s);
        const QDateTime start
            = QDateTime::fromString(created.value("startTime"_L1).toString(), Qt::ISODate)
                  .toLocalTime();
        const QDateTime end
            = QDateTime::fromString(created.value("endTime"_L1).toString(), Qt::ISODate)
                  .toLocalTime();
        QCOMPARE(start, QDateTime(day, QTime(19, 0)));
        QCOMPARE(end, QDateTime(day, QTime(21, 30)));
        // The venue is public to nobody else.
        QVERIFY(
            !m_app.server->get(u"/api/events/%1"_s.arg(m_createdId)).json().contains("venue"_L1));

        // The details show it, beside the place.
        auto *details = find<QQuickItem>("eventDetails");
        QTRY_COMPARE_WITH_TIMEOUT(
            details->property("event").toMap().value(u"id"_s).toLongLong(), m_createdId, 10000);
        auto *venue = find<QQuickItem>("venueLabel");
        QVERIFY(venue);
        QTRY_VERIFY(venue->isVisible());
        QCOMPARE(venue->property("text").toString(), u"Clara-Zetkin-Park, Eingang Ost"_s);
    }

    void editKeepsAndClearsTheVenue()
    {
        QVERIFY(m_createdId > 0);
        auto *details = find<QQuickItem>("eventDetails");
        auto *editor = find("eventEditor");
        QVERIFY(QMetaObject::invokeMethod(
            editor, "openForEdit", Q_ARG(QVariant, details->property("event"))));
        QTRY_VERIFY(editor->property("opened").toBool());
        QCOMPARE(
            find("venueField")->property("text").toString(), u"Clara-Zetkin-Park, Eingang Ost"_s);
        QCOMPARE(find("timeField")->property("minutes").toInt(), 19 * 60);
        QCOMPARE(find("durationBox")->property("value").toInt(), 150);
        typeInto("venueField", QString());
        clickSubmit();
        QTRY_VERIFY_WITH_TIMEOUT(!editor->property("visible").toBool(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!fetchEvent(m_createdId).contains("venue"_L1), 10000);
        auto *venue = find<QQuickItem>("venueLabel");
        QTRY_VERIFY(!venue->isVisible());
    }

    void rejectsWhatIsNoDate()
    {
        auto *editor = find("eventEditor");
        QVERIFY(QMetaObject::invokeMethod(
            editor, "openForNew", Q_ARG(double, 51.3397), Q_ARG(double, 12.3731)));
        QTRY_VERIFY(editor->property("opened").toBool());
        typeInto("titleField", u"Never sent"_s);
        typeInto("dateField", u"1412-20-26"_s, false);
        clickSubmit();
        auto *date = find("dateField");
        QTRY_VERIFY(!date->property("errorText").toString().isEmpty());
        QTest::qWait(500);
        QVERIFY(editor->property("visible").toBool()); // not sent
        QVERIFY(m_app.server->get(u"/api/events?q=Never%20sent&limit=5"_s).events().isEmpty());
        QVERIFY(QMetaObject::invokeMethod(editor, "close"));
    }

    void noQmlWarnings()
    {
        QVERIFY2(m_app.warnings.isEmpty(), qPrintable(m_app.warnings.join(u'\n')));
    }

    void cleanupTestCase()
    {
        m_app.engine.reset();
        m_app.context.reset();
    }
};

QTEST_MAIN(TstAppEditor)
#include "tst_appeditor.moc"
