// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// A door helper (no account needed) enters the door code the organizer handed over.
Dialog {
    id: root

    signal codeEntered(string code)

    title: qsTr("Door mode with a door code")
    modal: true
    standardButtons: Dialog.Ok | Dialog.Cancel
    onAboutToShow: {
        codeField.clear();
        codeField.forceActiveFocus();
    }
    onAccepted: {
        if (codeField.text.trim().startsWith("PGDOOR1."))
            root.codeEntered(codeField.text.trim());
    }

    ColumnLayout {
        width: 480
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Paste the door code the organizer gave you. It opens Door mode for one meetup.")
        }
        TextField {
            id: codeField

            objectName: "doorCodeField"
            Layout.fillWidth: true
            placeholderText: "PGDOOR1.…"
            Accessible.name: qsTr("Door code")
            onAccepted: root.accept()
        }
    }
}
