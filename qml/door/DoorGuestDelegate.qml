// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// One guest in Door mode's lists: photo, name, pudding and ticket number; for those inside
// the time of entry, double entries and an undo; for the others a check-in by hand.
ItemDelegate {
    id: root

    required property var ticketId
    required property string number
    required property string name
    required property string puddingName
    required property url photoUrl
    required property string checkedInText
    required property int doubleEntries
    required property bool pending
    property bool inside: false

    signal checkInRequested(var ticketId)
    signal undoRequested(var ticketId)

    focusPolicy: Qt.NoFocus
    contentItem: RowLayout {
        spacing: 10
        Rectangle {
            Layout.preferredWidth: 48
            Layout.preferredHeight: 48
            radius: 6
            color: "#eceff1"
            Image {
                anchors.fill: parent
                source: root.photoUrl
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
                visible: status === Image.Ready
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: root.name
                font.bold: true
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: root.puddingName + " · " + root.number
                opacity: 0.7
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: root.inside
                text: (root.pending ? qsTr("in since %1 (not uploaded yet)") : qsTr("in since %1")).arg(root.checkedInText)
                      + (root.doubleEntries > 0 ? " · " + qsTr("%n double entry(s)", "", root.doubleEntries) : "")
                color: root.doubleEntries > 0 ? "#b71c1c" : "#1b5e20"
                elide: Text.ElideRight
            }
        }
        Button {
            text: root.inside ? qsTr("Undo") : qsTr("Check in")
            focusPolicy: Qt.NoFocus
            Accessible.name: root.inside ? qsTr("Undo the check-in of %1").arg(root.name)
                                         : qsTr("Check in %1").arg(root.name)
            onClicked: root.inside ? root.undoRequested(root.ticketId) : root.checkInRequested(root.ticketId)
        }
    }
}
