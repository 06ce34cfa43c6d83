// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The organizer decides who joins one meetup: pending requests first, each with the photo of
// the pudding. A approves and R rejects the current request.
Page {
    id: root

    property var eventId: 0
    property string eventTitle: ""
    readonly property bool full: queue.placesLeft === 0

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
    function approveCurrent(): void {
        if (list.currentIndex >= 0 && (!root.full || list.currentItem.holdsPlace)
                && list.currentItem.status === "PENDING")
            queue.approve(list.currentIndex);
    }
    function rejectCurrent(): void {
        if (list.currentIndex >= 0 && list.currentItem.status !== "REJECTED")
            queue.reject(list.currentIndex);
    }

    title: qsTr("Requests: %1").arg(eventTitle)

    // Used by the app's --self-test: the photo viewer opens once.
    function selfTest(): void {
        photoPopup.open();
        photoPopup.close();
    }
    // The A / R keys work on the list without a click first.
    StackView.onActivated: list.forceActiveFocus()

    ReviewQueueModel {
        id: queue
        objectName: "reviewQueueModel"

        eventId: root.eventId
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: qsTr("← Back")
                Accessible.name: qsTr("Back to the map")
                onClicked: root.back()
            }
            Label {
                text: root.title
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: queue.placesLeft >= 0
                text: queue.placesLeft === 0 ? qsTr("Full") : qsTr("%n place(s) left", "", queue.placesLeft)
                font.bold: true
            }
            ToolButton {
                text: qsTr("Refresh")
                enabled: !queue.loading
                onClicked: queue.refresh()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            Layout.margins: 8
            visible: queue.errorText !== ""
            text: queue.errorText
            color: "#b3261e"
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 8
            text: qsTr("Keys: A approves, R rejects the selected request.")
            opacity: 0.6
            font.pixelSize: 12
        }
        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            model: queue
            clip: true
            focus: true
            activeFocusOnTab: true
            keyNavigationEnabled: true
            highlightMoveDuration: 0
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_A) {
                    root.approveCurrent();
                    event.accepted = true;
                } else if (event.key === Qt.Key_R) {
                    root.rejectCurrent();
                    event.accepted = true;
                }
            }
            highlight: Rectangle {
                color: "#e8f0fe"
            }
            delegate: ItemDelegate {
                id: delegate

                required property int index
                required property string userName
                required property string puddingName
                required property string puddingDescription
                required property string status
                required property var photoId
                required property int waitlistPosition
                required property bool preapproved
                required property bool regular
                required property bool holdsPlace

                width: ListView.view.width
                onClicked: {
                    list.currentIndex = index;
                    list.forceActiveFocus();
                }
                contentItem: RowLayout {
                    spacing: 12
                    Image {
                        Layout.preferredWidth: 96
                        Layout.preferredHeight: 96
                        source: delegate.photoId > 0 ? "image://puddingphoto/" + delegate.photoId + "/thumb" : ""
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                        Accessible.name: qsTr("Photo of %1").arg(delegate.puddingName)
                        MouseArea {
                            anchors.fill: parent
                            cursorShape: Qt.PointingHandCursor
                            onClicked: {
                                photoPopup.photoId = delegate.photoId;
                                photoPopup.open();
                            }
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: delegate.puddingName
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("by %1").arg(delegate.userName)
                            opacity: 0.7
                        }
                        Label {
                            Layout.fillWidth: true
                            text: delegate.puddingDescription
                            wrapMode: Text.WordWrap
                            maximumLineCount: 3
                            elide: Text.ElideRight
                        }
                    }
                    Label {
                        text: root.statusText(delegate.status, delegate.waitlistPosition)
                        font.bold: true
                    }
                    // Regulars come first in the waitlist of every meetup of this organizer.
                    Switch {
                        objectName: "regularSwitch"
                        text: qsTr("Regular")
                        checked: delegate.regular
                        Accessible.name: qsTr("%1 is one of your regulars").arg(delegate.userName)
                        onToggled: queue.setRegular(delegate.index, checked)
                    }
                    // Waiting: approve in advance, so accepting an offered place approves.
                    CheckBox {
                        objectName: "preapproveBox"
                        visible: delegate.status === "WAITLISTED" || delegate.status === "OFFERED"
                        text: qsTr("Pre-approve")
                        checked: delegate.preapproved
                        Accessible.name: qsTr("Pre-approve %1").arg(delegate.puddingName)
                        onToggled: queue.setPreapproved(delegate.index, checked)
                    }
                    Button {
                        text: qsTr("Approve")
                        enabled: delegate.status === "PENDING" && (!root.full || delegate.holdsPlace)
                        Accessible.name: qsTr("Approve %1").arg(delegate.puddingName)
                        onClicked: {
                            list.currentIndex = delegate.index;
                            list.forceActiveFocus();
                            queue.approve(delegate.index);
                        }
                    }
                    Button {
                        text: qsTr("Reject")
                        enabled: delegate.status !== "REJECTED"
                        Accessible.name: qsTr("Reject %1").arg(delegate.puddingName)
                        onClicked: {
                            list.currentIndex = delegate.index;
                            list.forceActiveFocus();
                            queue.reject(delegate.index);
                        }
                    }
                }
            }
            BusySpinner {
                anchors.centerIn: parent
                running: queue.loading && list.count === 0
            }
            Label {
                anchors.centerIn: parent
                visible: !queue.loading && list.count === 0
                text: qsTr("No requests yet.")
                opacity: 0.7
            }
        }
    }

    Popup {
        id: photoPopup

        property var photoId: 0

        anchors.centerIn: parent
        width: Math.min(root.width - 40, 900)
        height: Math.min(root.height - 40, 700)
        modal: true
        onClosed: photoId = 0
        contentItem: Image {
            source: photoPopup.photoId > 0 ? "image://puddingphoto/" + photoPopup.photoId : ""
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            BusySpinner {
                anchors.centerIn: parent
                running: parent.status === Image.Loading
            }
            MouseArea {
                anchors.fill: parent
                onClicked: photoPopup.close()
            }
        }
    }
}
