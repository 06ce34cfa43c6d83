// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
const auto kService = u"org.freedesktop.Notifications"_s;
}

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{ }

void DesktopNotifier::notify(const QString &title, const QString &body, bool force)
{
    if (!force && QGuiApplication::applicationState() == Qt::ApplicationActive)
        return;
    if (QGuiApplication::platformName() == "offscreen"_L1 && !force)
        return; // tests and screenshots: nobody to notify
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return; // asking would make libdbus try to autolaunch a bus
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(
        kService, u"/org/freedesktop/Notifications"_s, kService, u"Notify"_s);
    QVariantMap hints;
    hints.insert(u"desktop-entry"_s, u"de.puddinggabel.Pudding"_s);
    // Replace our previous bubble rather than stacking one per chat message.
    call << QGuiApplication::applicationDisplayName() << m_lastId << u"de.puddinggabel.Pudding"_s
         << title << body.toHtmlEscaped() << QStringList() << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isValid())
            m_lastId = reply.value();
    });
    ++m_sent;
}

} // namespace Pudding::Client
