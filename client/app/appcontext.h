// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apiclient.h"
#include "auth/accountmanager.h"
#include "chat/chatrooms.h"
#include "chat/desktopnotifier.h"
#include "chat/liveconnection.h"
#include "events/eventupdates.h"
#include "notifications/notificationsmodel.h"
#include "settings/appsettings.h"

#include <QUrl>

class QQmlApplicationEngine;

namespace Pudding::Client {

/// Everything the desktop app is made of, wired once: the API client, the account, the
/// settings, and the QML engine set up to show Main.qml. main.cpp and the UI tests share it,
/// so the tests run the app exactly as users do.
class AppContext
{
public:
    explicit AppContext(const QUrl &serverUrl);
    ~AppContext();

    /// Before the QGuiApplication exists: where the desktop offers its own file chooser through
    /// the XDG desktop portal, use it (Qt 6.4 does so by itself only inside Flatpak or Snap).
    /// Needs a session bus, the portal and a backend with a FileChooser for this desktop, and
    /// leaves an explicit QT_QPA_PLATFORMTHEME alone.
    static void preferPortalFileChooser();
    /// The server URL from PUDDING_SERVER_URL, else the last one used, else a local one.
    [[nodiscard]] static QUrl defaultServerUrl();
    /// Prepares `engine` (import path, language, tile network) and loads Main.qml.
    bool load(QQmlApplicationEngine &engine);

    ApiClient api;
    AccountManager accounts;
    AppSettings settings;
    /// The live connection (chat, notifications): open while someone is signed in.
    LiveConnection live;
    /// The chat rooms, and the router of the live frames.
    ChatRooms chat;
    DesktopNotifier notifier;
    /// Changed meetups (live or by the user's own actions), for the list, map and details.
    EventUpdates eventUpdates;
    /// The inbox behind the bell (live through `chat`).
    NotificationsModel notifications;
};

} // namespace Pudding::Client
