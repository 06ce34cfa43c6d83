// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Pudding::Client {

/// Desktop notifications through the freedesktop notification service on the session bus
/// (org.freedesktop.Notifications), shown only while the app is not the active window. Qt 6.4
/// has no tray API for a QGuiApplication without Qt.labs.platform or Qt Widgets; D-Bus needs
/// neither. Without a session bus (offscreen tests, other platforms) it does nothing, quietly.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);

    /// Shows `title` / `body` unless the app is active (or `force`). Never blocks.
    void notify(const QString &title, const QString &body, bool force = false);

    /// How many notifications were handed to the bus (for tests).
    [[nodiscard]] int sentCount() const { return m_sent; }

private:
    uint m_lastId = 0;
    int m_sent = 0;
};

} // namespace Pudding::Client
