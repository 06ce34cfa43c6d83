// SPDX-License-Identifier: GPL-3.0-or-later
// Every dialog of the real QML app opens on the offscreen platform, the file choosers
// included: Qt Quick Dialogs then uses its own FileDialog, which needs the QML module
// Qt.labs.folderlistmodel. Qt 6.4 crashed (segfault) when that module was missing; the app must
// show an error instead. ctest runs this twice: as is, and with the module hidden from the
// engine (PUDDING_TEST_HIDE_QML_MODULE), where the choosers must say what is missing.
#include "app/appcontext.h"

#include <QDir>
#include <QDirIterator>
#include <QLibraryInfo>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;
using namespace Pudding::Client;

namespace {
// A copy of the system's QML import directory made of symbolic links, without one module.
bool mirrorImportsWithout(const QString &systemDir, const QString &hidden, const QString &target)
{
    // Link every entry on the way down to the hidden module, and nothing of the module itself.
    QString relative;
    const QStringList parts = hidden.split(u'/');
    for (qsizetype depth = 0; depth < parts.size(); ++depth) {
        const QString dir = systemDir + relative;
        for (const QString &entry :
            QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)) {
            if (entry == parts.at(depth))
                continue;
            if (!QFile::link(dir + u'/' + entry, target + relative + u'/' + entry))
                return false;
        }
        relative += u'/' + parts.at(depth);
        if (depth + 1 < parts.size() && !QDir().mkpath(target + relative))
            return false;
    }
    return true;
}
} // namespace

class TstAppDialogs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QStringList m_warnings;
    QTemporaryDir m_imports;
    QString m_hiddenModule;

    template <typename T = QObject> T *find(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }

    // The visible items of Qt Quick's own file dialog (its implementation class), if any.
    [[nodiscard]] QList<QQuickItem *> visibleFileDialogs() const
    {
        QList<QQuickItem *> found;
        std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
            // The dialog is a popup: its item's owner is the implementation.
            const QObject *owner = item->parent() ? item->parent() : item;
            if (owner->inherits("QQuickFileDialogImpl") && item->isVisible() && item->width() > 0)
                found.append(item);
            for (QQuickItem *child : item->childItems())
                walk(child);
        };
        walk(m_window->contentItem());
        return found;
    }

    void saveShot(const QString &name)
    {
        const QImage shot = m_window->grabWindow();
        QVERIFY(!shot.isNull());
        QVERIFY(QDir().mkpath(QStringLiteral(PUDDING_ARTIFACTS_DIR)));
        const QString path = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u'/' + name;
        QVERIFY(shot.save(path));
        qInfo().noquote() << "screenshot:" << path;
    }

    // Opens a FileChooser (the object named `chooser`) by calling `opener` on `owner`, and checks
    // that it either shows a file dialog or, with the module hidden, says what is missing.
    void checkChooser(
        QObject *owner, const char *opener, const char *chooserName, const QString &shotName)
    {
        auto *chooser = find(chooserName);
        QVERIFY2(chooser, chooserName);
        QVERIFY(QMetaObject::invokeMethod(owner, opener));
        if (m_hiddenModule.isEmpty()) {
            QTRY_VERIFY2(chooser->property("opened").toBool(),
                qPrintable(chooser->property("errorText").toString()));
            QTRY_VERIFY(!visibleFileDialogs().isEmpty());
            QCOMPARE(chooser->property("errorText").toString(), QString());
            QTest::qWait(300);
            saveShot(shotName);
            QVERIFY(QMetaObject::invokeMethod(chooser, "close"));
            QTRY_VERIFY(visibleFileDialogs().isEmpty());
        } else {
            // Still alive, nothing opened, and the user is told why.
            QVERIFY(!chooser->property("opened").toBool());
            QVERIFY(visibleFileDialogs().isEmpty());
            const QString error = chooser->property("errorText").toString();
            QVERIFY2(error.contains(u"qml6-module-qt-labs-folderlistmodel"_s), qPrintable(error));
            saveShot(shotName);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PUDDING_TILE_URL", "none");
        qputenv("PUDDING_LANG", "en");
        m_hiddenModule = qEnvironmentVariable("PUDDING_TEST_HIDE_QML_MODULE");
        // Nothing listens there: the dialogs need no server.
        m_context = std::make_unique<AppContext>(QUrl(u"http://127.0.0.1:9"_s));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        connect(m_engine.get(), &QQmlEngine::warnings, this, [this](const QList<QQmlError> &w) {
            for (const auto &e : w)
                m_warnings.append(e.toString());
        });
        if (!m_hiddenModule.isEmpty()) {
            const QString system = QLibraryInfo::path(QLibraryInfo::QmlImportsPath);
            QVERIFY(QDir(system + u'/' + m_hiddenModule).exists());
            QVERIFY(m_imports.isValid());
            QVERIFY(mirrorImportsWithout(system, m_hiddenModule, m_imports.path()));
            QStringList paths = m_engine->importPathList();
            paths.replaceInStrings(
                QRegularExpression(u"^"_s + QRegularExpression::escape(system) + u"$"_s),
                m_imports.path());
            m_engine->setImportPathList(paths);
            QVERIFY2(!m_engine->importPathList().contains(system),
                qPrintable(m_engine->importPathList().join(u", "_s)));
        }
        QVERIFY(m_context->load(*m_engine));
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    // What `pudding --self-test` does: every page and dialog once, without a QML warning.
    void selfTestOpensEveryDialog()
    {
        if (!m_hiddenModule.isEmpty())
            QSKIP("the self-test warns, rightly, when a file chooser cannot open");
        QVERIFY(QMetaObject::invokeMethod(m_window, "selfTest"));
        QTest::qWait(500);
        QVERIFY2(m_warnings.isEmpty(), qPrintable(m_warnings.join(u'\n')));
    }

    void joinPhotoChooser()
    {
        auto *join = find("joinDialog");
        QVERIFY(join);
        QVERIFY(QMetaObject::invokeMethod(
            join, "openFor", Q_ARG(QVariant, 1), Q_ARG(QString, u"Pudding in the park"_s)));
        QTRY_VERIFY(join->property("opened").toBool());
        checkChooser(join, "openPhotoChooser", "joinPhotoChooser",
            m_hiddenModule.isEmpty() ? u"join-file-chooser.png"_s
                                     : u"join-file-chooser-missing-module.png"_s);
    }

    void joinDropZoneIsClickable()
    {
        auto *join = find("joinDialog");
        auto *chooser = find("joinPhotoChooser");
        auto *zone = find<QQuickItem>("joinPhotoDropZone");
        QVERIFY(join && chooser && zone);
        QTRY_VERIFY(zone->isVisible() && zone->width() > 0);
        chooser->setProperty("errorText", QString());
        const QPointF centre = zone->mapToScene(QPointF(zone->width() / 2, zone->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
        if (m_hiddenModule.isEmpty()) {
            QTRY_VERIFY(chooser->property("opened").toBool());
            QVERIFY(QMetaObject::invokeMethod(chooser, "close"));
            QTRY_VERIFY(!chooser->property("opened").toBool());
        } else {
            QTRY_VERIFY(!chooser->property("errorText").toString().isEmpty());
        }
        QVERIFY(QMetaObject::invokeMethod(join, "close"));
        QTRY_VERIFY(!join->property("visible").toBool());
    }

    void chatPhotoChooser()
    {
        auto *chat = find("eventChat");
        QVERIFY(chat);
        checkChooser(chat, "openPhotoChooser", "chatPhotoChooser",
            m_hiddenModule.isEmpty() ? u"chat-file-chooser.png"_s
                                     : u"chat-file-chooser-missing-module.png"_s);
        QVERIFY(QMetaObject::invokeMethod(chat, "closePhotoChooser"));
    }

    void noUnexpectedWarnings()
    {
        if (!m_hiddenModule.isEmpty())
            return; // the failed probe of the missing module is reported, as it should be
        QVERIFY2(m_warnings.isEmpty(), qPrintable(m_warnings.join(u'\n')));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_context.reset();
    }
};

QTEST_MAIN(TstAppDialogs)
#include "tst_appdialogs.moc"
