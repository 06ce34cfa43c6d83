# SPDX-License-Identifier: GPL-3.0-or-later
# Reminders: the reminder settings and "Can't come after all" (relative to qml/).
list(APPEND PUDDING_QML_FILES
    reminders/ReminderSettingsDialog.qml
    reminders/CantComeButton.qml
)
