// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtPositioning
import PuddingGabel

// The map of Germany with the meetups, and the list of the same meetups beside it.
// Hovering or selecting in one highlights in the other.
Page {
    id: root

    objectName: "discoverPage"

    property var selectedEventId: -1
    property var hoveredEventId: -1
    property bool placing: false
    readonly property var germany: QtPositioning.rectangle(QtPositioning.coordinate(55.06, 5.87),
                                                            QtPositioning.coordinate(47.27, 15.04))

    signal signInRequested()
    signal reviewRequested(var eventId, string title)
    signal doorRequested(var eventId, string title)

    function showCity(city: var): void {
        const centre = QtPositioning.coordinate(city.lat, city.lng);
        filter.centre = centre;
        if (filter.radiusKm <= 0)
            filter.radiusKm = 25;
        mapView.animateTo(centre, 10.5);
    }

    // The city search was emptied: no centre, so no radius either.
    function clearCity(): void {
        filter.radiusKm = 0;
        filter.centre = QtPositioning.coordinate();
    }

    function focusEvent(eventId: var, latitude: real, longitude: real): void {
        selectedEventId = eventId;
        mapView.animateTo(QtPositioning.coordinate(latitude, longitude), Math.max(mapView.zoomLevel, 12));
        details.showEvent(eventId);
    }

    function selfTest(): void {
        editor.openForNew(52.52, 13.40);
        editor.close();
        details.showEvent(1);
        details.selfTest();
        details.close();
    }
    // The account signed out: its dialogs close; the details show the public meetup again.
    function resetForAccount(): void {
        placing = false;
        editor.close();
        details.resetForAccount();
    }

    function selectEvent(eventId: var): void {
        selectedEventId = eventId;
        details.showEvent(eventId);
    }

    EventFilter {
        id: filter

        objectName: "eventFilter"
        region: mapView.visibleRegion
    }
    EventsModel {
        id: events

        objectName: "eventsModel"

        filter: filter
    }
    MarkersModel {
        id: markers

        objectName: "markersModel"

        filter: filter
        viewport: mapView.visibleRegion
        zoomLevel: mapView.zoomLevel
    }

    SplitView {
        anchors.fill: parent

        Item {
            SplitView.fillWidth: true
            SplitView.minimumWidth: 400

            MapView {
                id: mapView

                objectName: "mapView"

                anchors.fill: parent
                tileUrlTemplate: AppSettings.tileUrlTemplate
                Component.onCompleted: fitViewportToGeoShape(root.germany, 16)

                MapCircle {
                    visible: filter.radiusKm > 0 && filter.centre.isValid
                    center: filter.centre
                    radius: filter.radiusKm * 1000
                }

                Repeater {
                    model: markers
                    delegate: EventMarker {
                        map: mapView
                        selected: markerId === root.selectedEventId
                        hovered: markerId === root.hoveredEventId
                        onActivated: {
                            if (isCluster)
                                mapView.animateTo(QtPositioning.coordinate(latitude, longitude),
                                                  Math.min(markers.expansionZoom(markerId) + 0.2, 18));
                            else
                                root.selectEvent(markerId);
                        }
                        onHoverChanged: (isHovered) => root.hoveredEventId = isHovered ? markerId : -1
                    }
                }

                TapHandler {
                    enabled: root.placing
                    onTapped: (eventPoint) => {
                        root.placing = false;
                        const c = mapView.toCoordinate(eventPoint.position);
                        // After the map's own handler, which gives the map the keyboard focus
                        // for this same tap: opened at once, the form lost its focus to it.
                        Qt.callLater(editor.openForNew, c.latitude, c.longitude);
                    }
                }
            }

            // Overlay: creating a meetup, and what the map shows.
            RowLayout {
                anchors.top: parent.top
                anchors.left: parent.left
                anchors.margins: 12
                spacing: 8

                Button {
                    objectName: "newMeetupButton"
                    text: root.placing ? qsTr("Click the map where it takes place… (Esc cancels)")
                                       : qsTr("New meetup")
                    highlighted: root.placing
                    Accessible.name: qsTr("Create a new meetup")
                    onClicked: {
                        if (!AccountManager.signedIn) {
                            root.signInRequested();
                            return;
                        }
                        root.placing = !root.placing;
                    }
                }
                Pane {
                    padding: 6
                    opacity: 0.9
                    Label {
                        objectName: "meetupCounter"
                        text: markers.loading ? qsTr("Loading meetups…")
                                              : qsTr("%n meetup(s) around here", "", markers.inViewCount)
                    }
                }
            }
            Keys.onEscapePressed: root.placing = false
        }

        EventListPane {
            SplitView.preferredWidth: 420
            SplitView.minimumWidth: 320
            model: events
            filter: filter
            selectedEventId: root.selectedEventId
            hoveredEventId: root.hoveredEventId
            onEventHovered: (eventId) => root.hoveredEventId = eventId
            onEventActivated: (eventId, latitude, longitude) => root.focusEvent(eventId, latitude, longitude)
        }
    }

    EventDetailsPane {
        id: details

        objectName: "eventDetails"

        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.right: parent.right
        anchors.margins: 12
        width: 400
        eventsModel: events
        onClosed: root.selectedEventId = -1
        onEditRequested: (eventData) => editor.openForEdit(eventData)
        onSignInRequested: root.signInRequested()
        onReviewRequested: (eventId, title) => root.reviewRequested(eventId, title)
        onDoorRequested: (eventId, title) => root.doorRequested(eventId, title)
    }

    EventEditorDialog {
        id: editor

        objectName: "eventEditor"

        anchors.centerIn: parent
        onSaved: (eventData) => {
            events.refresh();
            markers.refresh();
            root.focusEvent(eventData.id, eventData.location.lat, eventData.location.lng);
        }
        onCancelled: {
            events.refresh();
            markers.refresh();
            details.close();
        }
    }
}
