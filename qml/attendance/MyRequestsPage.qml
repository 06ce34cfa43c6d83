// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The meetups the signed-in user asked to join, and how each request stands.
Page {
    id: root

    signal back()

    function statusText(status: string, waitlistPosition: int): string {
        switch (status) {
        case "PENDING":
            return qsTr("Pending");
        case "APPROVED":
            return qsTr("Approved");
        case "REJECTED":
            return qsTr("Rejected");
        case "WAITLISTED":
            return qsTr("Waitlisted #%1").arg(waitlistPosition);
        case "OFFERED":
            return qsTr("Place offered");
        default:
            return status;
        }
    }

    title: qsTr("My requests")

    // The clock of the offers' countdowns: ticks every second while the page shows.
    property date now: new Date()

    // hh:mm:ss left until `until` (00:00:00 once it passed).
    function countdown(until: date, now: date): string {
        const left = Math.max(0, Math.floor((until.getTime() - now.getTime()) / 1000));
        const pad = n => (n < 10 ? "0" : "") + n;
        return pad(Math.floor(left / 3600)) + ":" + pad(Math.floor(left / 60) % 60) + ":" + pad(left % 60);
    }

    Timer {
        interval: 1000
        repeat: true
        running: root.visible
        triggeredOnStart: true
        onTriggered: root.now = new Date()
    }

    // Used by the app's --self-test: the page's dialogs open once.
    function selfTest(): void {
        chatPopup.open();
        chatPopup.close();
        leaveDialog.open();
        leaveDialog.close();
    }

    MyRequestsModel {
        id: requests

        objectName: "myRequestsModel"    }
    Component.onCompleted: requests.refresh()


    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: qsTr("← Map")
                Accessible.name: qsTr("Back to the map")
                onClicked: root.back()
            }
            Label {
                text: root.title
                font.bold: true
                Layout.fillWidth: true
            }
            ToolButton {
                text: qsTr("Refresh")
                enabled: !requests.loading
                onClicked: requests.refresh()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            Layout.margins: 8
            visible: requests.errorText !== ""
            text: requests.errorText
            color: "#b3261e"
            wrapMode: Text.WordWrap
        }
        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            model: requests
            clip: true
            activeFocusOnTab: true
            delegate: ItemDelegate {
                id: delegate

                required property int index
                required property var eventId
                required property string eventTitle
                required property var eventStart
                required property string city
                required property string status
                required property int waitlistPosition
                required property string puddingName
                required property var offerExpiresAt
                readonly property int unread: ChatRooms.unreadCounts[String(delegate.eventId)] ?? 0

                function watchIfApproved(): void {
                    if (delegate.status === "APPROVED" && delegate.eventId > 0)
                        ChatRooms.watchEvent(delegate.eventId);
                }

                width: ListView.view.width
                // Approved: the chat is watched, so new messages count as unread here.
                onStatusChanged: watchIfApproved()
                Component.onCompleted: watchIfApproved()
                contentItem: RowLayout {
                    spacing: 12
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: delegate.eventTitle
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: Formats.longDateTime(delegate.eventStart, Formats.locale) + " · " + delegate.city
                            opacity: 0.7
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("You bring: %1").arg(delegate.puddingName)
                            elide: Text.ElideRight
                        }
                        // An offer: the place is held until …, with a live countdown.
                        Label {
                            objectName: "offerLabel"
                            Layout.fillWidth: true
                            visible: delegate.status === "OFFERED"
                            text: visible
                                  ? qsTr("A place is held for you until %1 (%2 left)")
                                    .arg(Formats.time(delegate.offerExpiresAt, Formats.locale))
                                    .arg(root.countdown(delegate.offerExpiresAt, root.now))
                                  : ""
                            color: "#1e5aa8"
                            font.bold: true
                            wrapMode: Text.WordWrap
                        }
                    }
                    Label {
                        text: root.statusText(delegate.status, delegate.waitlistPosition)
                        font.bold: true
                        color: delegate.status === "APPROVED" ? "#1e7d32"
                               : delegate.status === "REJECTED" ? "#b3261e" : palette.text
                    }
                    Button {
                        visible: delegate.status === "APPROVED"
                        text: delegate.unread > 0 ? qsTr("Chat (%1 new)").arg(delegate.unread) : qsTr("Chat")
                        highlighted: delegate.unread > 0
                        Accessible.name: delegate.unread > 0
                                         ? qsTr("Open the chat, %n unread message(s)", "", delegate.unread)
                                         : qsTr("Open the chat")
                        onClicked: {
                            chatPopup.eventId = delegate.eventId;
                            chatPopup.eventTitle = delegate.eventTitle;
                            chatPopup.open();
                        }
                    }
                    Button {
                        objectName: "acceptOfferButton"
                        visible: delegate.status === "OFFERED"
                        text: qsTr("Accept")
                        highlighted: true
                        Accessible.name: qsTr("Accept the place offered at %1").arg(delegate.eventTitle)
                        onClicked: requests.answerOffer(delegate.eventId, true)
                    }
                    Button {
                        objectName: "declineOfferButton"
                        visible: delegate.status === "OFFERED"
                        text: qsTr("Decline")
                        Accessible.name: qsTr("Decline the place offered at %1").arg(delegate.eventTitle)
                        onClicked: requests.answerOffer(delegate.eventId, false)
                    }
                    Button {
                        text: qsTr("Leave")
                        visible: delegate.status !== "REJECTED" && delegate.status !== "OFFERED"
                        onClicked: {
                            leaveDialog.eventId = delegate.eventId;
                            leaveDialog.eventTitle = delegate.eventTitle;
                            leaveDialog.open();
                        }
                    }
                }
            }
            BusySpinner {
                anchors.centerIn: parent
                running: requests.loading
            }
            Label {
                anchors.centerIn: parent
                visible: !requests.loading && list.count === 0
                text: qsTr("You have not asked to join any meetup yet.")
                opacity: 0.7
            }
        }
    }

    Popup {
        id: chatPopup

        property var eventId: 0
        property string eventTitle: ""

        anchors.centerIn: parent
        width: Math.min(root.width - 40, 620)
        height: root.height - 40
        modal: true
        onClosed: eventId = 0

        contentItem: ColumnLayout {
            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: chatPopup.eventTitle
                    font.bold: true
                    font.pixelSize: 18
                    elide: Text.ElideRight
                }
                ToolButton {
                    text: "✕"
                    Accessible.name: qsTr("Close the chat")
                    onClicked: chatPopup.close()
                }
            }
            ChatPane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: chatPopup.opened
                eventId: chatPopup.eventId
            }
        }
    }

    Dialog {
        id: leaveDialog

        property var eventId: 0
        property string eventTitle: ""

        anchors.centerIn: parent
        modal: true
        title: qsTr("Leave this meetup?")
        standardButtons: Dialog.Yes | Dialog.No
        Label {
            width: 360
            text: qsTr("Your request for “%1” will be withdrawn. If you had a place, it goes to the next person.")
                  .arg(leaveDialog.eventTitle)
            wrapMode: Text.WordWrap
        }
        onAccepted: requests.leave(eventId)
    }
}
