// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The meetups the signed-in user organizes.
Page {
    id: root

    signal back()
    signal showEvent(var eventId, real latitude, real longitude)

    title: qsTr("My meetups")

    EventFilter {
        id: mine

        organizerId: AccountManager.userId
        status: statusBox.currentIndex === 0 ? "" : statusBox.currentIndex === 1 ? "PAST" : "CANCELLED"
    }
    EventsModel {
        id: events

        filter: mine
        debounceMs: 0
    }

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
            ComboBox {
                id: statusBox
                Accessible.name: qsTr("Which meetups")
                model: [qsTr("Upcoming"), qsTr("Past"), qsTr("Cancelled")]
            }
        }
    }

    ListView {
        id: list

        anchors.fill: parent
        model: events
        clip: true
        activeFocusOnTab: true
        delegate: EventDelegate {
            id: eventDelegate

            // Unread chat messages: the rooms are watched while the app runs.
            readonly property int unread: ChatRooms.unreadCounts[String(eventDelegate.eventId)] ?? 0

            width: ListView.view.width
            onActivated: root.showEvent(eventId, latitude, longitude)
            Component.onCompleted: {
                if (eventDelegate.eventId > 0)
                    ChatRooms.watchEvent(eventDelegate.eventId);
            }

            Label {
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.rightMargin: 16
                visible: eventDelegate.unread > 0
                text: qsTr("%n new message(s)", "", eventDelegate.unread)
                color: "white"
                font.bold: true
                font.pixelSize: 12
                leftPadding: 8
                rightPadding: 8
                topPadding: 3
                bottomPadding: 3
                background: Rectangle {
                    color: "#c62828"
                    radius: height / 2
                }
            }
        }
        BusySpinner {
            anchors.centerIn: parent
            running: events.loading
        }
        Label {
            anchors.centerIn: parent
            visible: !events.loading && list.count === 0
            text: qsTr("No meetups here yet. Create one from the map.")
            opacity: 0.7
        }
    }
}
