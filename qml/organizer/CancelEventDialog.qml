// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// Cancelling asks first: guests will be told, and it cannot be undone.
Dialog {
    id: root

    property string eventTitle
    property var eventId: 0

    signal done()

    modal: true
    // The keyboard goes to the dialog at once (Esc closes it).
    focus: true
    width: 460
    title: qsTr("Cancel this meetup?")
    standardButtons: Dialog.NoButton

    EventEditor {
        id: editor

        onCancelled: {
            root.close();
            root.done();
        }
    }

    contentItem: ColumnLayout {
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("“%1” will be shown as cancelled to everyone. This cannot be undone.").arg(root.eventTitle)
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: editor.errorText !== ""
            text: editor.errorText
            color: "#b3261e"
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                text: qsTr("Keep it")
                onClicked: root.close()
            }
            Button {
                objectName: "confirmCancelButton"
                text: qsTr("Cancel meetup")
                highlighted: true
                enabled: !editor.busy
                onClicked: editor.cancelEvent(root.eventId)
            }
        }
    }
}
