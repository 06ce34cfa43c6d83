// SPDX-License-Identifier: GPL-3.0-or-later
// Layouts that fit: the real app, signed in as an organizer, at the window's minimum size
// (900x600) and at 1920x1080, in the language of PUDDING_LANG (ctest runs it in English and
// in German, the longer one). Every header button shows its whole label, the Settings menu
// cuts no entry, the meetup details' Edit and Cancel buttons can be reached (scrolling if
// needed) and clicked, the meetup form and its calendar fit in the window. Screenshots go to
// build*/artifacts/layout-*.png. ctest also runs it in German at 200 % (QT_SCALE_FACTOR=2).
#include "app/appcontext.h"
#include "appundertest.h"
#include "testserver.h"

#include <QDir>
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

namespace {
// The part of `item` that can be seen: clipped by every clipping ancestor and the window.
QRectF visiblePart(const QQuickItem *item)
{
    QRectF rect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    for (const QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (p->clip())
            rect &= p->mapRectToScene(QRectF(0, 0, p->width(), p->height()));
    }
    const QQuickWindow *window = item->window();
    return rect & QRectF(0, 0, window->width(), window->height());
}

bool effectivelyVisible(const QQuickItem *item)
{
    for (const QQuickItem *p = item; p; p = p->parentItem()) {
        if (!p->isVisible() || p->opacity() <= 0.01)
            return false;
    }
    return true;
}

// The whole of `item` is on screen, and it is not squeezed below its natural width.
QString whyNotFullyShown(const QQuickItem *item, const QString &what)
{
    if (!effectivelyVisible(item))
        return u"%1 is hidden"_s.arg(what);
    const QRectF rect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    const QRectF shown = visiblePart(item);
    if (shown.width() < rect.width() - 0.5 || shown.height() < rect.height() - 0.5) {
        QString text;
        QDebug(&text) << what << "at" << rect << "shows only" << shown;
        return text;
    }
    if (item->width() < item->implicitWidth() - 0.5)
        return u"%1 is %2 px wide, its content needs %3"_s.arg(what)
            .arg(item->width())
            .arg(item->implicitWidth());
    return {};
}

void collect(QQuickItem *parent, QList<QQuickItem *> &out)
{
    for (QQuickItem *child : parent->childItems()) {
        out.append(child);
        collect(child, out);
    }
}
} // namespace

class TstAppLayout : public QObject
{
    Q_OBJECT

private:
    AppUnderTest m_app;
    QString m_language;
    qint64 m_ownEventId = 0;

    template <typename T = QObject> T *find(const char *name) const
    {
        return m_app.window->findChild<T *>(QString::fromLatin1(name));
    }

    void resizeTo(const QSize &size)
    {
        m_app.window->resize(size);
        QTRY_COMPARE(m_app.window->size(), size);
        QTest::qWait(300); // layouts and the map settle
    }

    void screenshot(const QString &name)
    {
        QVERIFY(QDir().mkpath(QStringLiteral(PUDDING_ARTIFACTS_DIR)));
        // At 200 % (QT_SCALE_FACTOR=2) the same layout in twice the pixels: layout-*-de-200.png.
        const QString scale = qEnvironmentVariableIsSet("QT_SCALE_FACTOR")
            ? u"-%1"_s.arg(qRound(qEnvironmentVariable("QT_SCALE_FACTOR").toDouble() * 100))
            : QString();
        const QString path = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/layout-"_s + name + u'-'
            + m_language + scale + u".png"_s;
        const QImage shot = m_app.window->grabWindow();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.save(path));
        qInfo().noquote() << "screenshot:" << path;
    }

    void sizes()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("900x600") << QSize(900, 600);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    QString sizeName() const { return QString::fromLatin1(QTest::currentDataTag()); }

private Q_SLOTS:
    void initTestCase()
    {
        m_language = qEnvironmentVariable("PUDDING_LANG", u"en"_s);
        qputenv("PUDDING_TILE_URL", "none");
        const QString failure = m_app.start(u"applayout_"_s + m_language);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // The organizer sees the most: every header button, and Edit/Cancel in the details.
        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(
            u"organizer@demo.pudding-gabel.de"_s, u"pudding-demo-2026"_s);
        QVERIFY(signedIn.wait(10000));
        const auto mine = m_app.server
                              ->get(u"/api/events?organizer=%1&status=UPCOMING&limit=5"_s.arg(
                                  m_app.context->accounts.userId()))
                              .events();
        QVERIFY(!mine.isEmpty());
        m_ownEventId = mine.first().toObject().value("id"_L1).toInteger();
        auto *events = find("eventsModel");
        QTRY_VERIFY_WITH_TIMEOUT(events->property("count").toInt() > 0, 15000);
    }

    void headerShowsEveryButton_data() { sizes(); }
    void headerShowsEveryButton()
    {
        QFETCH(QSize, size);
        resizeTo(size);
        auto *header = qvariant_cast<QQuickItem *>(m_app.window->property("header"));
        QVERIFY(header);
        QList<QQuickItem *> items;
        collect(header, items);
        int buttons = 0;
        for (QQuickItem *item : std::as_const(items)) {
            if (!item->inherits("QQuickAbstractButton") || !effectivelyVisible(item))
                continue;
            ++buttons;
            const QString text = item->property("text").toString();
            const QString why = whyNotFullyShown(item, u"header button “%1”"_s.arg(text));
            QVERIFY2(why.isEmpty(), qPrintable(why));
        }
        // My events, My requests, the account, Settings.
        QVERIFY2(buttons >= 4, qPrintable(QString::number(buttons)));
        auto *city = find<QQuickItem>("citySearchField");
        QVERIFY(city);
        const QString why = whyNotFullyShown(city, u"the city search"_s);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void settingsMenuShowsWholeLabels_data() { sizes(); }
    void settingsMenuShowsWholeLabels()
    {
        QFETCH(QSize, size);
        resizeTo(size);
        auto *menu = find("settingsMenu");
        QVERIFY(menu);
        QVERIFY(QMetaObject::invokeMethod(menu, "open"));
        QTRY_VERIFY(menu->property("opened").toBool());
        const int count = menu->property("count").toInt();
        QVERIFY(count >= 4);
        for (int i = 0; i < count; ++i) {
            QQuickItem *entry = nullptr;
            QVERIFY(QMetaObject::invokeMethod(
                menu, "itemAt", Q_RETURN_ARG(QQuickItem *, entry), Q_ARG(int, i)));
            QVERIFY(entry);
            if (!entry->inherits("QQuickMenuItem"))
                continue; // the separator
            const QString why = whyNotFullyShown(
                entry, u"menu entry “%1”"_s.arg(entry->property("text").toString()));
            QVERIFY2(why.isEmpty(), qPrintable(why));
        }
        screenshot(u"settings-"_s + sizeName());
        QVERIFY(QMetaObject::invokeMethod(menu, "close"));
        QTRY_VERIFY(!menu->property("visible").toBool());
    }

    void detailsButtonsReachable_data() { sizes(); }
    void detailsButtonsReachable()
    {
        QFETCH(QSize, size);
        resizeTo(size);
        auto *page = find("discoverPage");
        QVERIFY(QMetaObject::invokeMethod(page, "selectEvent", Q_ARG(QVariant, m_ownEventId)));
        auto *details = find<QQuickItem>("eventDetails");
        QTRY_VERIFY(details->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(
            details->property("event").toMap().value(u"id"_s).toLongLong(), m_ownEventId, 10000);
        auto *chat = find<QQuickItem>("eventChat");
        QTRY_VERIFY_WITH_TIMEOUT(chat->isVisible(), 10000); // the tallest case: with the chat
        QTest::qWait(500);
        screenshot(u"details-"_s + sizeName());

        for (const char *name : { "editEventButton", "cancelEventButton" }) {
            auto *button = find<QQuickItem>(name);
            QVERIFY2(button, name);
            QTRY_VERIFY2(effectivelyVisible(button), name);
            // Reached with the keyboard, the pane scrolls it into view.
            button->forceActiveFocus(Qt::TabFocusReason);
            QTRY_VERIFY2(whyNotFullyShown(button, QString::fromLatin1(name)).isEmpty(),
                qPrintable(whyNotFullyShown(button, QString::fromLatin1(name))));
        }
        screenshot(u"details-scrolled-"_s + sizeName());

        // And a click on Edit opens the form with this meetup.
        auto *edit = find<QQuickItem>("editEventButton");
        const QPointF centre = edit->mapToScene(QPointF(edit->width() / 2, edit->height() / 2));
        QTest::mouseClick(m_app.window, Qt::LeftButton, {}, centre.toPoint());
        auto *editor = find("eventEditor");
        QTRY_VERIFY(editor->property("opened").toBool());
        QCOMPARE(editor->property("editingId").toLongLong(), m_ownEventId);
        QVERIFY(QMetaObject::invokeMethod(editor, "close"));
        QTRY_VERIFY(!editor->property("visible").toBool());
        QVERIFY(QMetaObject::invokeMethod(details, "close"));
    }

    void editorAndCalendarFit_data() { sizes(); }
    void editorAndCalendarFit()
    {
        QFETCH(QSize, size);
        resizeTo(size);
        auto *editor = find<QObject>("eventEditor");
        QVERIFY(QMetaObject::invokeMethod(
            editor, "openForNew", Q_ARG(double, 51.3397), Q_ARG(double, 12.3731)));
        QTRY_VERIFY(editor->property("opened").toBool());
        QTest::qWait(300);
        screenshot(u"editor-"_s + sizeName());

        // The dialog lies inside the window; everything in it can be reached.
        for (const char *name : { "titleField", "venueField", "dateField", "timeField",
                 "durationBox", "limitBox", "submitButton" }) {
            auto *item = find<QQuickItem>(name);
            QVERIFY2(item, name);
            item->forceActiveFocus(Qt::TabFocusReason);
            QTRY_VERIFY2(whyNotFullyShown(item, QString::fromLatin1(name)).isEmpty(),
                qPrintable(whyNotFullyShown(item, QString::fromLatin1(name))));
        }

        // The calendar opens from its button and fits in the window.
        auto *dateField = find<QQuickItem>("dateField");
        dateField->forceActiveFocus(Qt::TabFocusReason);
        auto *calendarButton = find<QQuickItem>("calendarButton");
        QVERIFY(calendarButton);
        QTRY_VERIFY(whyNotFullyShown(calendarButton, u"calendar button"_s).isEmpty());
        const QPointF centre = calendarButton->mapToScene(
            QPointF(calendarButton->width() / 2, calendarButton->height() / 2));
        QTest::mouseClick(m_app.window, Qt::LeftButton, {}, centre.toPoint());
        QTRY_VERIFY(dateField->property("popupOpen").toBool());
        auto *calendar = find<QQuickItem>("monthCalendar");
        QVERIFY(calendar);
        QTRY_VERIFY(calendar->hasActiveFocus());
        QTest::qWait(300);
        const QString why = whyNotFullyShown(calendar, u"the calendar"_s);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        screenshot(u"datepicker-"_s + sizeName());
        QTest::keyClick(m_app.window, Qt::Key_Escape);
        QTRY_VERIFY(!dateField->property("popupOpen").toBool());
        QTest::keyClick(m_app.window, Qt::Key_Escape);
        QTRY_VERIFY(!editor->property("visible").toBool());
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

QTEST_MAIN(TstAppLayout)
#include "tst_applayout.moc"
