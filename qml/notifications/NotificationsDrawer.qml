// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The inbox: the notices, newest first; a click marks one read and opens what it is about.
Drawer {
    id: root

    // The meetup's details ("event"), the review queue ("requests"), its chat ("chat") or
    // the offer ("offer").
    signal openRequested(string page, var eventId)

    objectName: "notificationsDrawer"
    edge: Qt.RightEdge
    width: Math.min(420, parent ? parent.width * 0.9 : 420)
    height: parent ? parent.height : 600

    onOpened: NotificationsModel.refresh()

    function selfTest(): void {
        preferences.open();
        preferences.close();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: qsTr("Notifications")
                font.pixelSize: 18
                font.bold: true
            }
            Button {
                objectName: "markAllReadButton"
                flat: true
                enabled: NotificationsModel.unreadCount > 0
                text: qsTr("Mark all read")
                onClicked: NotificationsModel.markAllRead()
            }
            Button {
                objectName: "notificationSettingsButton"
                flat: true
                text: qsTr("Settings")
                Accessible.name: qsTr("Notification settings")
                onClicked: preferences.open()
            }
        }
        MenuSeparator {
            Layout.fillWidth: true
        }
        Label {
            Layout.fillWidth: true
            Layout.margins: 12
            visible: NotificationsModel.errorText.length > 0
            text: NotificationsModel.errorText
            color: "#c0392b"
            wrapMode: Text.Wrap
        }
        ListView {
            id: list

            objectName: "notificationsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: NotificationsModel
            delegate: NotificationDelegate {
                onClicked: {
                    if (!read)
                        NotificationsModel.markRead(noticeId);
                    const target = NotificationsModel.target(link);
                    if (target.page !== undefined) {
                        root.close();
                        root.openRequested(target.page, target.eventId);
                    }
                }
            }
            footer: Button {
                visible: NotificationsModel.hasMore
                width: list.width
                flat: true
                text: qsTr("Show older")
                onClicked: NotificationsModel.loadMore()
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0 && !NotificationsModel.loading
                text: qsTr("Nothing new.")
                opacity: 0.7
            }
            BusySpinner {
                anchors.centerIn: parent
                running: NotificationsModel.loading && list.count === 0
            }
        }
    }

    NotificationPreferencesDialog {
        id: preferences

        // The window's overlay (the drawer's own parent): shown above the map, not in the drawer.
        parent: root.parent
        anchors.centerIn: parent
    }
}
