# SPDX-License-Identifier: GPL-3.0-or-later
# Door mode's QML files (relative to qml/).
list(APPEND PUDDING_QML_FILES
    door/DoorPage.qml
    door/VerdictPanel.qml
    door/DoorGuestDelegate.qml
    door/DoorHandOverDialog.qml
    door/DoorCodeDialog.qml
)
