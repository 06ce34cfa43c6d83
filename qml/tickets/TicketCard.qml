// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtPositioning
import PuddingGabel

// One ticket on "My tickets": the QR code as large as a door scanner needs it, the ticket
// number, the meetup with its exact place on a small map, the guest's pudding, and what can be
// done with it. A revoked ticket shows why instead of a code.
Frame {
    id: root

    required property int index
    required property var ticketId
    required property string number
    required property string status
    required property string revokeReasonText
    required property string qr
    required property string holderName
    required property string puddingName
    required property var photoId
    required property var eventId
    required property string eventTitle
    required property var start
    required property var end
    required property string venue
    required property string city
    required property real latitude
    required property real longitude
    required property bool exactLocation
    required property bool eventCancelled

    readonly property bool valid: status === "VALID" && qr !== ""

    signal savePdfRequested(int row)
    signal addToCalendarRequested(var eventId)
    signal placeGivenBack(var eventId)

    padding: 16
    Accessible.name: qsTr("Ticket %1 for %2").arg(root.number).arg(root.eventTitle)

    RowLayout {
        width: parent.width
        spacing: 24

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            spacing: 8

            // White all around: the quiet zone is part of the code, also in a dark theme.
            TicketQrCode {
                objectName: "ticketQr"

                Layout.preferredWidth: 380
                Layout.preferredHeight: 380
                visible: root.valid
                payload: root.valid ? root.qr : ""
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("QR code of ticket %1").arg(root.number)
            }
            Rectangle {
                Layout.preferredWidth: 380
                Layout.preferredHeight: 380
                visible: !root.valid
                color: "#fdecea"
                border.color: "#b3261e"
                border.width: 2
                radius: 4

                ColumnLayout {
                    anchors.centerIn: parent
                    width: parent.width - 48
                    spacing: 12
                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("Revoked")
                        color: "#b3261e"
                        font.pixelSize: 32
                        font.bold: true
                    }
                    Label {
                        objectName: "revokeReason"
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        text: root.revokeReasonText
                        color: "#b3261e"
                        font.pixelSize: 16
                    }
                }
            }
            Label {
                objectName: "ticketNumber"
                Layout.alignment: Qt.AlignHCenter
                text: root.number
                font.family: "monospace"
                font.pixelSize: 34
                font.bold: true
                font.letterSpacing: 2
                font.strikeout: !root.valid
                opacity: root.valid ? 1 : 0.5
            }
            Label {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Ticket number")
                opacity: 0.7
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: root.eventTitle
                font.pixelSize: 22
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                visible: root.eventCancelled
                text: qsTr("This meetup was cancelled.")
                color: "#b3261e"
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: Formats.longDateTime(root.start, Formats.locale) + " – " + Formats.time(root.end, Formats.locale)
            }
            Label {
                objectName: "ticketPlace"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: root.venue !== "" ? root.venue + " · " + root.city : root.city
            }
            MapView {
                objectName: "ticketMap"

                Layout.fillWidth: true
                Layout.maximumWidth: 480
                Layout.preferredHeight: 190
                visible: root.exactLocation
                center: QtPositioning.coordinate(root.latitude, root.longitude)
                zoomLevel: 15
                tileUrlTemplate: AppSettings.tileUrlTemplate
                showZoomControls: false
                Accessible.name: qsTr("Map of the meeting place")

                MapItem {
                    coordinate: QtPositioning.coordinate(root.latitude, root.longitude)
                    anchorPoint: Qt.point(width / 2, height)
                    width: 24
                    height: 24

                    Rectangle {
                        width: 20
                        height: 20
                        x: 2
                        radius: 10
                        color: "#e91e63"
                        border.color: "white"
                        border.width: 2
                    }
                    Rectangle {
                        x: 11
                        y: 18
                        width: 2
                        height: 6
                        color: "#e91e63"
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                Image {
                    Layout.preferredWidth: 72
                    Layout.preferredHeight: 72
                    visible: root.photoId > 0
                    source: root.photoId > 0 ? "image://puddingphoto/" + root.photoId + "/thumb" : ""
                    sourceSize: Qt.size(144, 144)
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("Photo of your pudding")
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("You bring: %1").arg(root.puddingName)
                        font.bold: true
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Guest: %1").arg(root.holderName)
                        opacity: 0.7
                        elide: Text.ElideRight
                    }
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                Button {
                    objectName: "ticketSavePdfButton"
                    text: qsTr("Save as PDF")
                    onClicked: root.savePdfRequested(root.index)
                }
                Button {
                    objectName: "ticketAddToCalendarButton"
                    text: qsTr("Add to calendar")
                    enabled: !root.eventCancelled
                    onClicked: root.addToCalendarRequested(root.eventId)
                }
            }
            // A valid ticket is an approved place: it can be given back.
            CantComeButton {
                objectName: "ticketCantCome"
                Layout.fillWidth: true
                visible: root.valid && !root.eventCancelled && root.start > new Date()
                eventId: root.eventId
                eventTitle: root.eventTitle
                onPlaceGivenBack: root.placeGivenBack(root.eventId)
            }
        }
    }
}
