// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontext.h"

#include "attendance/photoimageprovider.h"
#include "map/tilenetworkfactory.h"
#include "tickets/ticketsmodel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

AppContext::AppContext(const QUrl &serverUrl)
    : accounts(&api)
    , settings(nullptr)
    , live(&api)
    , chat(&api, &live)
    , eventUpdates(&api)
    , notifications(&chat, &accounts)
{
    api.setBaseUrl(serverUrl);
    ApiClient::setInstance(&api);
    AccountManager::setInstance(&accounts);
    LiveConnection::setInstance(&live);
    ChatRooms::setInstance(&chat);
    EventUpdates::setInstance(&eventUpdates);
    NotificationsModel::setInstance(&notifications);
    eventUpdates.follow(&chat);
    // Live while signed in; a new account gets a new connection.
    // Signing out: the connection forgets the account's rooms and unread counts; the models
    // listen to the same signal (see AccountManager::signedOut).
    QObject::connect(&accounts, &AccountManager::signedOut, &chat, &ChatRooms::forgetAccount);
    // The tickets kept on disk for the door go with the account, page open or not.
    QObject::connect(
        &accounts, &AccountManager::signedOut, &accounts, [] { TicketsModel::forgetCopyOnDisk(); });
    QObject::connect(&accounts, &AccountManager::userChanged, &live, [this] {
        if (accounts.isSignedIn())
            live.start();
        else
            live.stop();
    });
    // The account's language follows the app's (mails come in it), with the system time zone.
    QObject::connect(&settings, &AppSettings::languageChanged, &accounts,
        [this] { accounts.setUiLanguage(settings.effectiveLanguage()); });
    accounts.setUiLanguage(settings.effectiveLanguage());
    QObject::connect(&chat, &ChatRooms::notificationPosted, &notifier,
        [this](const QString &title, const QString &body) { notifier.notify(title, body); });
    // Notices the live frames above do not announce already.
    QObject::connect(&notifications, &NotificationsModel::noticeArrived, &notifier,
        [this](const QString &type, const QString &title, const QString &body) {
            static const QStringList announced { u"join_request"_s, u"approved"_s, u"rejected"_s,
                u"meetup_cancelled"_s };
            if (!announced.contains(type))
                notifier.notify(title, body);
        });
}

AppContext::~AppContext()
{
    live.stop();
    NotificationsModel::setInstance(nullptr);
    ChatRooms::setInstance(nullptr);
    LiveConnection::setInstance(nullptr);
    EventUpdates::setInstance(nullptr);
    ApiClient::setInstance(nullptr);
    AccountManager::setInstance(nullptr);
}

void AppContext::preferPortalFileChooser()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORMTHEME"))
        return;
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    if (platform.startsWith("offscreen"_L1) || platform.startsWith("minimal"_L1))
        return;
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS")
        && (runtimeDir.isEmpty() || !QFileInfo::exists(runtimeDir + u"/bus"_s)))
        return;
    QStringList dataDirs = qEnvironmentVariable("XDG_DATA_DIRS").split(u':', Qt::SkipEmptyParts);
    if (dataDirs.isEmpty())
        dataDirs = { u"/usr/local/share"_s, u"/usr/share"_s };
    const QStringList desktops
        = qEnvironmentVariable("XDG_CURRENT_DESKTOP").toLower().split(u':', Qt::SkipEmptyParts);
    bool portal = false;
    bool fileChooser = false;
    for (const QString &dir : std::as_const(dataDirs)) {
        portal = portal
            || QFileInfo::exists(
                dir + u"/dbus-1/services/org.freedesktop.portal.Desktop.service"_s);
        // A backend serves the desktops in its UseIn= list.
        const QDir backends(dir + u"/xdg-desktop-portal/portals"_s);
        for (const QString &name : backends.entryList({ u"*.portal"_s }, QDir::Files)) {
            // Not QSettings: its INI reader takes ';' for a comment, and these are ';' lists.
            QFile file(backends.filePath(name));
            if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
                continue;
            QString interfaces;
            QStringList useIn;
            while (!file.atEnd()) {
                const QString line = QString::fromUtf8(file.readLine()).trimmed();
                if (line.startsWith("Interfaces="_L1))
                    interfaces = line.mid(11);
                else if (line.startsWith("UseIn="_L1))
                    useIn = line.mid(6).toLower().split(u';', Qt::SkipEmptyParts);
            }
            if (!interfaces.contains("org.freedesktop.impl.portal.FileChooser"_L1))
                continue;
            for (const QString &desktop : desktops)
                fileChooser = fileChooser || useIn.contains(desktop);
        }
    }
    if (portal && fileChooser)
        qputenv("QT_QPA_PLATFORMTHEME", "xdgdesktopportal");
}

QUrl AppContext::defaultServerUrl()
{
    return QUrl(qEnvironmentVariable("PUDDING_SERVER_URL",
        QSettings().value(u"server/url"_s, u"http://127.0.0.1:8080"_s).toString()));
}

bool AppContext::load(QQmlApplicationEngine &engine)
{
    // Tiles and any other QML network load follow the OpenStreetMap tile policy.
    TileNetworkFactory::install(engine);
    // Pudding photos are private: fetched with the signed-in user's token.
    PhotoImageProvider::install(engine);
    engine.addImportPath(u"qrc:/qt/qml"_s);
    // English UI with a German translation: the saved choice, else the system's language.
    settings.applyLanguage(&engine);
    engine.load(QUrl(u"qrc:/qt/qml/PuddingGabel/Main.qml"_s));
    return !engine.rootObjects().isEmpty();
}

} // namespace Pudding::Client
