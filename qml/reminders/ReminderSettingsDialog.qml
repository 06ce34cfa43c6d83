// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// Reminders before a meetup: 24 hours and 2 hours before (the defaults), reminders of one's
// own, or none at all. The server sends them to the inbox and by mail.
Dialog {
    id: root

    objectName: "reminderSettingsDialog"
    modal: true
    focus: true
    width: 520
    title: qsTr("Reminders")
    standardButtons: Dialog.Close
    onOpened: settings.refresh()

    // The list being edited (minutes), taken from the server on every load and save.
    property var editing: []
    readonly property bool remindersOn: editing.length > 0

    function has(minutes: int): bool {
        return editing.indexOf(minutes) >= 0;
    }
    function toggled(minutes: int, on: bool): var {
        const next = editing.filter(m => m !== minutes);
        if (on)
            next.push(minutes);
        return next;
    }
    function store(next: var): void {
        next.sort((a, b) => b - a);
        settings.save(next);
    }

    ReminderSettings {
        id: settings

        objectName: "reminderSettings"
        onChanged: root.editing = offsets.slice()
    }

    Connections {
        target: AccountManager
        function onSignedInChanged() {
            if (!AccountManager.signedIn)
                root.close();
        }
    }

    contentItem: ColumnLayout {
        spacing: 10

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Before a meetup you were approved for, Pudding Gabel reminds you in the app and by e-mail, with the exact place and a link in case you cannot come after all.")
        }
        Switch {
            objectName: "remindersSwitch"
            text: qsTr("Remind me before meetups")
            checked: root.remindersOn
            enabled: !settings.loading
            onToggled: root.store(checked ? [1440, 120] : [])
        }
        CheckBox {
            objectName: "reminder24h"
            text: qsTr("24 hours before")
            enabled: !settings.loading && (checked || root.editing.length < 4)
            checked: root.has(1440)
            onToggled: root.store(root.toggled(1440, checked))
        }
        CheckBox {
            objectName: "reminder2h"
            text: qsTr("2 hours before")
            enabled: !settings.loading && (checked || root.editing.length < 4)
            checked: root.has(120)
            onToggled: root.store(root.toggled(120, checked))
        }
        Label {
            text: qsTr("Your own reminders")
            font.bold: true
            visible: customRepeater.count > 0
        }
        Repeater {
            id: customRepeater

            model: root.editing.filter(m => m !== 1440 && m !== 120)
            delegate: RowLayout {
                required property int modelData

                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: settings.describe(modelData)
                }
                Button {
                    text: qsTr("Remove")
                    Accessible.name: qsTr("Remove the reminder %1").arg(settings.describe(modelData))
                    enabled: !settings.loading
                    onClicked: root.store(root.toggled(modelData, false))
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            enabled: !settings.loading && root.editing.length < 4
            SpinBox {
                id: amount

                objectName: "customAmount"
                from: 1
                to: 999
                value: 30
                editable: true
                Accessible.name: qsTr("How long before the start")
            }
            ComboBox {
                id: unit

                objectName: "customUnit"
                model: [qsTr("minutes"), qsTr("hours"), qsTr("days")]
                currentIndex: 0
                Accessible.name: qsTr("Unit")
            }
            Button {
                objectName: "addReminderButton"
                text: qsTr("Add")
                onClicked: {
                    const minutes = amount.value * [1, 60, 1440][unit.currentIndex];
                    root.store(root.toggled(minutes, true));
                }
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            opacity: 0.7
            text: root.editing.length >= 4
                  ? qsTr("You have four reminders, the most there can be.")
                  : qsTr("From 5 minutes to 14 days before the start; up to four reminders.")
        }
        Label {
            objectName: "reminderError"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: settings.errorText !== ""
            color: "#b3261e"
            text: settings.errorText
        }
        BusySpinner {
            Layout.alignment: Qt.AlignHCenter
            running: settings.loading
        }
    }
}
