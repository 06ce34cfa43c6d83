// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontext.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QTimer>
#include <QUrl>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;

namespace {
// --self-test: any QML warning fails the run.
bool g_sawWarning = false;
QtMessageHandler g_previousHandler = nullptr;

void failOnWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The environment's own complaints (no XDG_RUNTIME_DIR) are not the UI's.
    if (type != QtDebugMsg && type != QtInfoMsg && !message.startsWith(u"QStandardPaths:"_s))
        g_sawWarning = true;
    g_previousHandler(type, context, message);
}
} // namespace

int main(int argc, char *argv[])
{
    Pudding::Client::AppContext::preferPortalFileChooser();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(u"Pudding Gabel"_s);
    QGuiApplication::setApplicationVersion(QStringLiteral(PUDDING_VERSION));
    QGuiApplication::setOrganizationName(u"Pudding Gabel"_s);
    QGuiApplication::setDesktopFileName(u"de.puddinggabel.Pudding"_s);
    // The installed hicolor icon, for X11 window managers (Wayland goes by the desktop file).
    QGuiApplication::setWindowIcon(QIcon::fromTheme(u"de.puddinggabel.Pudding"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Pudding Gabel: find pudding meetups across Germany."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption selfTest(u"self-test"_s,
        QCoreApplication::translate("main",
            "Load the UI, fail on any QML warning, "
            "and exit."));
    const QCommandLineOption screenshot(u"screenshot"_s,
        QCoreApplication::translate("main",
            "Save a picture of the window to this "
            "file once it is shown, then exit."),
        u"file"_s);
    const QCommandLineOption screenshotDelay(u"screenshot-delay"_s,
        QCoreApplication::translate("main",
            "Milliseconds to wait before the "
            "screenshot (default 4000)."),
        u"ms"_s, u"4000"_s);
    parser.addOptions({ selfTest, screenshot, screenshotDelay });
    parser.process(app);

    if (parser.isSet(selfTest))
        g_previousHandler = qInstallMessageHandler(failOnWarnings);

    using namespace Pudding::Client;
    AppContext context(AppContext::defaultServerUrl());
    if (!parser.isSet(selfTest))
        context.accounts.restoreSession();

    QQmlApplicationEngine engine;
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    if (!context.load(engine))
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());

    if (parser.isSet(screenshot) && window) {
        const QString file = parser.value(screenshot);
        // Give the scene a moment to lay out and render, then grab what is on screen.
        QTimer::singleShot(parser.value(screenshotDelay).toInt(), window, [window, file] {
            const bool saved = window->grabWindow().save(file);
            QCoreApplication::exit(saved ? 0 : 1);
        });
    } else if (parser.isSet(selfTest) && window) {
        // Visit every page and dialog once; any QML warning on the way fails the run.
        QTimer::singleShot(500, window, [window] {
            QMetaObject::invokeMethod(window, "selfTest");
            QTimer::singleShot(2500, window, [] { QCoreApplication::exit(g_sawWarning ? 1 : 0); });
        });
    }
    return QGuiApplication::exec();
}
