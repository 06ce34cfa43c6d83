// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The organizer hands the door to a helper without sharing the password: a door code that
// allows only this meetup's guest list and check-ins, for a few hours, revocable. The code is
// shown once.
Dialog {
    id: root

    required property DoorSession session
    property string code: ""
    property date expiresAt

    title: qsTr("Hand the door to a helper")
    modal: true
    standardButtons: Dialog.Close
    onAboutToShow: {
        code = "";
        labelField.text = qsTr("Door helper");
        labelField.forceActiveFocus();
    }

    Connections {
        target: root.session
        function onDoorCodeCreated(code: string, expiresAt: date): void {
            root.code = code;
            root.expiresAt = expiresAt;
        }
    }

    ColumnLayout {
        width: 520
        spacing: 10

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("The helper opens Door mode with this code (Settings → Door mode with a door code). It works only for this meetup's check-in and stops working when it expires.")
        }
        RowLayout {
            Layout.fillWidth: true
            visible: root.code === ""
            TextField {
                id: labelField

                Layout.fillWidth: true
                placeholderText: qsTr("Who gets it (e.g. “South entrance”)")
                Accessible.name: qsTr("Name of the door helper")
                maximumLength: 80
            }
            SpinBox {
                id: hours

                from: 1
                to: 72
                value: 12
                Accessible.name: qsTr("Valid for hours")
            }
            Label {
                text: qsTr("hours")
            }
            Button {
                text: qsTr("Create code")
                enabled: labelField.text.trim() !== ""
                onClicked: root.session.createDoorCode(labelField.text, hours.value)
            }
        }
        TextField {
            id: codeField

            Layout.fillWidth: true
            visible: root.code !== ""
            readOnly: true
            selectByMouse: true
            text: root.code
            Accessible.name: qsTr("Door code")
        }
        RowLayout {
            visible: root.code !== ""
            Button {
                text: qsTr("Copy")
                onClicked: {
                    codeField.selectAll();
                    codeField.copy();
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Valid until %1. Shown only now.").arg(root.expiresAt.toLocaleString(Qt.locale(), Locale.ShortFormat))
            }
        }
    }
}
