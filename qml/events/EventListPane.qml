// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// Filters and the list of the meetups in view.
Pane {
    id: root

    required property EventsModel model
    required property EventFilter filter
    property var selectedEventId: -1
    property var hoveredEventId: -1

    signal eventHovered(var eventId)
    signal eventActivated(var eventId, real latitude, real longitude)

    padding: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        FilterBar {
            Layout.fillWidth: true
            filter: root.filter
            model: root.model
        }

        Label {
            Layout.fillWidth: true
            Layout.margins: 8
            visible: root.model.errorText !== ""
            text: root.model.errorText
            color: "#b3261e"
            wrapMode: Text.WordWrap
        }

        ListView {
            id: list

            objectName: "eventList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.model
            keyNavigationEnabled: true
            activeFocusOnTab: true
            currentIndex: root.model.indexOfId(root.selectedEventId)
            Accessible.name: qsTr("Meetups in view")
            ScrollBar.vertical: ScrollBar {}

            delegate: EventDelegate {
                width: ListView.view.width
                selected: eventId === root.selectedEventId
                hoverHighlighted: eventId === root.hoveredEventId
                onHoverChanged: (isHovered) => root.eventHovered(isHovered ? eventId : -1)
                onActivated: root.eventActivated(eventId, latitude, longitude)
            }
            // Tabbing in lands on a meetup, so that the focus shows at once.
            onActiveFocusChanged: {
                if (activeFocus && currentIndex < 0 && count > 0)
                    currentIndex = 0;
            }
            // The map highlights the meetup the keyboard is on.
            onCurrentIndexChanged: {
                if (activeFocus)
                    root.eventHovered(currentItem ? currentItem.eventId : -1);
            }
            Keys.onReturnPressed: activateCurrent()
            Keys.onEnterPressed: activateCurrent()
            Keys.onSpacePressed: activateCurrent()

            function activateCurrent(): void {
                const e = root.model.get(currentIndex);
                if (e.eventId !== undefined)
                    root.eventActivated(e.eventId, e.latitude, e.longitude);
            }
            onContentYChanged: {
                if (contentHeight > 0 && contentY + height > contentHeight - 200 && root.model.hasMore)
                    root.model.loadMore();
            }

            BusySpinner {
                anchors.centerIn: parent
                running: root.model.loading && list.count === 0
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 40
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                visible: !root.model.loading && list.count === 0 && root.model.errorText === ""
                text: qsTr("No meetups here. Zoom out, move the map or change the filters.")
                opacity: 0.7
            }
        }
    }
}
