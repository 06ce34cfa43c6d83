// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// What reaches the user where: each type in the app and by e-mail (mail locked where it
// cannot be switched off), and the rhythm of join-request mails for organizers.
Dialog {
    id: root

    objectName: "notificationPreferencesDialog"
    title: qsTr("Notification settings")
    modal: true
    standardButtons: Dialog.Close
    width: Math.min(560, parent ? parent.width * 0.95 : 560)

    onAboutToShow: prefs.load()

    NotificationPreferences {
        id: prefs
    }

    contentItem: ScrollView {
        implicitHeight: Math.min(grid.implicitHeight + rhythm.implicitHeight + 40, 520)
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 12

            GridLayout {
                id: grid

                Layout.fillWidth: true
                columns: 3
                columnSpacing: 16
                rowSpacing: 2

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Notify me about")
                    font.bold: true
                }
                Label {
                    text: qsTr("In the app")
                    font.bold: true
                }
                Label {
                    text: qsTr("By e-mail")
                    font.bold: true
                }
                Repeater {
                    model: prefs.preferences

                    delegate: Label {
                        required property var modelData
                        required property int index

                        Layout.row: index + 1
                        Layout.column: 0
                        Layout.fillWidth: true
                        text: prefs.typeLabel(modelData.type)
                        wrapMode: Text.Wrap
                    }
                }
                Repeater {
                    model: prefs.preferences

                    delegate: CheckBox {
                        required property var modelData
                        required property int index

                        Layout.row: index + 1
                        Layout.column: 1
                        Layout.alignment: Qt.AlignHCenter
                        visible: modelData.type !== "account"
                        checked: modelData.app
                        Accessible.name: qsTr("%1 in the app").arg(prefs.typeLabel(modelData.type))
                        onToggled: prefs.setEnabled(modelData.type, "app", checked)
                    }
                }
                Repeater {
                    model: prefs.preferences

                    delegate: CheckBox {
                        required property var modelData
                        required property int index

                        Layout.row: index + 1
                        Layout.column: 2
                        Layout.alignment: Qt.AlignHCenter
                        checked: modelData.mail
                        enabled: !modelData.mailLocked
                        Accessible.name: qsTr("%1 by e-mail").arg(prefs.typeLabel(modelData.type))
                        ToolTip.visible: hovered && modelData.mailLocked
                        ToolTip.text: qsTr("These mails cannot be switched off.")
                        onToggled: prefs.setEnabled(modelData.type, "mail", checked)
                    }
                }
            }
            RowLayout {
                id: rhythm

                Layout.fillWidth: true
                spacing: 8

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Mails about requests to join my meetups")
                    wrapMode: Text.Wrap
                }
                ComboBox {
                    objectName: "joinRequestMailBox"
                    textRole: "label"
                    valueRole: "value"
                    model: [
                        { value: "immediate", label: qsTr("At once") },
                        { value: "hourly", label: qsTr("Once an hour") },
                        { value: "daily", label: qsTr("Daily at 18:00") }
                    ]
                    currentIndex: Math.max(0, indexOfValue(prefs.joinRequestMail))
                    onActivated: prefs.setJoinRequestMail(currentValue)
                }
            }
            Label {
                Layout.fillWidth: true
                visible: prefs.errorText.length > 0
                text: prefs.errorText
                color: "#c0392b"
                wrapMode: Text.Wrap
            }
        }
    }
}
