// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The answer to the last scan, readable at arm's length: green with the guest's name and
// pudding photo, or red with the reason. Neutral while waiting for the next ticket.
Rectangle {
    id: root

    // DoorSession.verdict: { kind, reasonText, name, puddingName, photoUrl, number, time, note }
    property var verdict: ({})
    property bool ready: false
    readonly property string kind: verdict.kind ?? ""

    color: kind === "green" ? "#1b7f3b" : kind === "red" ? "#b71c1c" : "#37474f"
    radius: 12
    implicitHeight: 260
    Accessible.role: Accessible.AlertMessage
    Accessible.name: kind === "green" ? qsTr("Valid: %1").arg(verdict.name ?? "")
                     : kind === "red" ? qsTr("Refused: %1").arg(verdict.reasonText ?? "") : info.text

    RowLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 24
        visible: root.kind !== ""

        Label {
            text: root.kind === "green" ? "✓" : "✗"
            color: "white"
            font.pixelSize: 140
            font.bold: true
            Layout.alignment: Qt.AlignVCenter
        }
        Image {
            Layout.preferredWidth: 200
            Layout.preferredHeight: 200
            Layout.alignment: Qt.AlignVCenter
            visible: status === Image.Ready
            source: root.verdict.photoUrl ?? ""
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
            Accessible.name: qsTr("Photo of %1").arg(root.verdict.puddingName ?? "")
        }
        ColumnLayout {
            // What is left beside the mark and the photo, whatever the texts' lengths.
            Layout.fillWidth: true
            Layout.preferredWidth: 0
            Layout.alignment: Qt.AlignVCenter
            spacing: 6

            Label {
                objectName: "verdictHeadline"
                Layout.fillWidth: true
                text: root.kind === "green" ? (root.verdict.name ?? "")
                                            : (root.verdict.reasonText ?? "")
                color: "white"
                font.pixelSize: root.kind === "green" ? 56 : 40
                font.bold: true
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: text !== ""
                text: root.kind === "green" ? (root.verdict.puddingName ?? "")
                                            : (root.verdict.name ?? "")
                color: "white"
                font.pixelSize: 30
                wrapMode: Text.WordWrap
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: (root.verdict.number ?? "") !== ""
                      ? qsTr("Ticket %1 · scanned at %2").arg(root.verdict.number).arg(root.verdict.time ?? "")
                      : qsTr("Scanned at %1").arg(root.verdict.time ?? "")
                color: "white"
                opacity: 0.85
                font.pixelSize: 20
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                visible: text !== ""
                text: root.verdict.note ?? ""
                color: "white"
                font.pixelSize: 18
                wrapMode: Text.WordWrap
            }
        }
    }
    Label {
        id: info

        anchors.centerIn: parent
        width: parent.width - 48
        visible: root.kind === ""
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        color: "white"
        font.pixelSize: 32
        text: root.ready ? qsTr("Ready: scan a ticket")
                         : qsTr("Loading the guest list…")
    }
}
