// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontext.h"

#include "attendance/photoimageprovider.h"
#include "map/tilenetworkfactory.h"

#include <QQmlApplicationEngine>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

AppContext::AppContext(const QUrl &serverUrl)
    : accounts(&api)
    , chat(&api)
{
    api.setBaseUrl(serverUrl);
    ApiClient::setInstance(&api);
    AccountManager::setInstance(&accounts);
    ChatConnection::setInstance(&chat);
    // Live while signed in; a new account gets a new connection.
    QObject::connect(&accounts, &AccountManager::userChanged, &chat, [this] {
        if (accounts.isSignedIn())
            chat.start();
        else
            chat.stop();
    });
    QObject::connect(&chat, &ChatConnection::notificationPosted, &notifier,
        [this](const QString &title, const QString &body) { notifier.notify(title, body); });
}

AppContext::~AppContext()
{
    chat.stop();
    ChatConnection::setInstance(nullptr);
    ApiClient::setInstance(nullptr);
    AccountManager::setInstance(nullptr);
}

QUrl AppContext::defaultServerUrl()
{
    return QUrl(qEnvironmentVariable(
            "PUDDING_SERVER_URL",
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
