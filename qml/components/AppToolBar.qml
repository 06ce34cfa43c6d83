// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

ToolBar {
    id: root

    signal signInRequested()
    signal myEventsRequested()
    signal myRequestsRequested()
    signal myTicketsRequested()
    signal citySelected(var city)
    signal cityCleared()
    signal doorCodeRequested()
    signal notificationsRequested()

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 8
        // Tool buttons bring their own padding; with the bell, German labels need the room.
        spacing: 2

        Label {
            text: qsTr("Pudding Gabel")
            font.pixelSize: 20
            font.bold: true
        }
        Item {
            Layout.preferredWidth: 16
        }
        CitySearchField {
            objectName: "citySearchField"
            // Gives way to the buttons in a narrow window (German labels are long).
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            Layout.maximumWidth: 280
            onCitySelected: (city) => root.citySelected(city)
            onCleared: root.cityCleared()
        }
        Item {
            Layout.fillWidth: true
        }
        NotificationBell {
            visible: AccountManager.signedIn
            onClicked: root.notificationsRequested()
        }
        ToolButton {
            visible: AccountManager.signedIn
            text: qsTr("My events")
            Accessible.name: text
            onClicked: root.myEventsRequested()
        }
        ToolButton {
            visible: AccountManager.signedIn
            text: qsTr("My requests")
            Accessible.name: text
            onClicked: root.myRequestsRequested()
        }
        ToolButton {
            objectName: "myTicketsButton"
            // Also when the app started without network and the remembered session could not
            // be checked yet: the tickets saved on this computer are what the door needs.
            visible: AccountManager.signedIn || !ApiClient.reachable
            text: qsTr("My tickets")
            Accessible.name: text
            onClicked: root.myTicketsRequested()
        }
        ToolButton {
            visible: !AccountManager.signedIn
            text: AccountManager.restoring ? qsTr("Signing in…") : qsTr("Sign in")
            enabled: !AccountManager.restoring
            Accessible.name: qsTr("Sign in or register")
            onClicked: root.signInRequested()
        }
        ToolButton {
            id: accountButton

            // A long name gives way to the buttons (the bell made the bar fuller).
            Layout.maximumWidth: 150
            visible: AccountManager.signedIn
            text: AccountManager.user.name ?? ""
            Accessible.name: qsTr("Account menu")
            onClicked: accountMenu.open()

            Menu {
                id: accountMenu

                y: accountButton.height
                MenuItem {
                    text: AccountManager.user.email ?? ""
                    enabled: false
                }
                MenuItem {
                    objectName: "calendarFeedMenuItem"
                    text: qsTr("Calendar subscription…")
                    onTriggered: calendarFeedDialog.open()
                }
                MenuItem {
                    text: qsTr("Sign out")
                    onTriggered: AccountManager.signOut()
                }
            }
            CalendarFeedDialog {
                id: calendarFeedDialog

                parent: Overlay.overlay
                anchors.centerIn: parent
            }
        }
        ToolButton {
            id: settingsButton

            objectName: "settingsButton"
            text: qsTr("Settings")
            Accessible.name: qsTr("Settings menu")
            onClicked: settingsMenu.open()

            Menu {
                id: settingsMenu

                objectName: "settingsMenu"
                y: settingsButton.height
                // As wide as its longest entry, so that no label is cut (German is long).
                width: {
                    let widest = implicitWidth;
                    for (let i = 0; i < count; ++i) {
                        const entry = itemAt(i);
                        if (entry)
                            widest = Math.max(widest, entry.implicitWidth + leftPadding + rightPadding);
                    }
                    return widest;
                }
                MenuItem {
                    text: qsTr("Language: follow the system")
                    checkable: true
                    checked: AppSettings.language === ""
                    onTriggered: AppSettings.language = ""
                }
                MenuItem {
                    text: "English"
                    checkable: true
                    checked: AppSettings.language === "en"
                    onTriggered: AppSettings.language = "en"
                }
                MenuItem {
                    text: "Deutsch"
                    checkable: true
                    checked: AppSettings.language === "de"
                    onTriggered: AppSettings.language = "de"
                }
                MenuSeparator {}
                MenuItem {
                    text: qsTr("Show map tiles from the internet")
                    checkable: true
                    checked: AppSettings.tileUrlTemplate !== ""
                    onTriggered: AppSettings.tileUrlTemplate = checked
                                 ? "https://tile.openstreetmap.org/{z}/{x}/{y}.png" : ""
                }
                MenuSeparator {}
                // The account's reminders before meetups (kept on the server).
                MenuItem {
                    objectName: "reminderSettingsMenuItem"
                    text: qsTr("Reminders before meetups…")
                    enabled: AccountManager.signedIn
                    onTriggered: reminderSettingsDialog.open()
                }
                MenuItem {
                    text: qsTr("Door mode with a door code…")
                    onTriggered: root.doorCodeRequested()
                }
            }
            ReminderSettingsDialog {
                id: reminderSettingsDialog

                parent: Overlay.overlay
                anchors.centerIn: parent
            }
        }
    }
}
