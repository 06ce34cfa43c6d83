# SPDX-License-Identifier: GPL-3.0-or-later
# The notification inbox's QML files (relative to qml/).
list(APPEND PUDDING_QML_FILES
    notifications/NotificationBell.qml
    notifications/NotificationsDrawer.qml
    notifications/NotificationDelegate.qml
    notifications/NotificationPreferencesDialog.qml
)
