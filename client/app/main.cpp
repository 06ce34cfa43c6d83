// SPDX-License-Identifier: GPL-3.0-or-later
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QTranslator>
#include <QUrl>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Pudding Gabel"));
    QGuiApplication::setApplicationVersion(QStringLiteral(PUDDING_VERSION));
    QGuiApplication::setOrganizationName(QStringLiteral("Pudding Gabel"));
    QGuiApplication::setDesktopFileName(QStringLiteral("de.puddinggabel.Pudding"));

    // English UI with a German translation, chosen by the system locale (PUDDING_LANG wins).
    QTranslator translator;
    const QString language = qEnvironmentVariable("PUDDING_LANG", QLocale().name());
    if (translator.load(QLocale(language), QStringLiteral("pudding"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/PuddingGabel/Main.qml")));
    return QGuiApplication::exec();
}
