// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// "Can't come after all": an approved guest gives back the place, after a confirmation. The
// place goes to the next one on the waiting list at once.
ColumnLayout {
    id: root

    property var eventId: 0
    property string eventTitle: ""

    signal placeGivenBack(var eventId)

    spacing: 4

    CantCome {
        id: cantCome

        objectName: "cantCome"
        onDone: (eventId) => {
            confirm.close();
            root.placeGivenBack(eventId);
        }
    }

    Button {
        objectName: "cantComeButton"
        Layout.fillWidth: true
        text: qsTr("Can't come after all")
        enabled: !cantCome.busy
        onClicked: confirm.open()
    }
    Label {
        Layout.fillWidth: true
        visible: cantCome.errorText !== "" && !confirm.visible
        wrapMode: Text.WordWrap
        color: "#b3261e"
        text: cantCome.errorText
    }

    Dialog {
        id: confirm

        objectName: "cantComeDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(460, parent ? parent.width - 32 : 460)
        modal: true
        title: qsTr("Give back your place?")
        contentItem: ColumnLayout {
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("You will no longer have a place at “%1”. The next person on the waiting list gets it. This cannot be undone.").arg(root.eventTitle)
            }
            Label {
                Layout.fillWidth: true
                visible: cantCome.errorText !== ""
                wrapMode: Text.WordWrap
                color: "#b3261e"
                text: cantCome.errorText
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "cantComeConfirmButton"
                text: qsTr("Give back my place")
                enabled: !cantCome.busy
                DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
                onClicked: cantCome.send(root.eventId)
            }
            Button {
                text: qsTr("Keep my place")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                onClicked: confirm.close()
            }
        }
    }
}
