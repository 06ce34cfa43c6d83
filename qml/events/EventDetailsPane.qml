// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The chosen meetup: everything about it, and what the user may do with it.
Pane {
    id: root

    required property EventsModel eventsModel
    readonly property var event: details.event
    readonly property bool isOrganizer: AccountManager.signedIn && event.organizer !== undefined
                                        && event.organizer.id === AccountManager.userId
    // The signed-in user's request for this meetup ("" if none), kept live.
    property int requestsRevision: 0
    readonly property string myStatus: AccountManager.signedIn
                                       ? (requestsRevision, myRequests.statusOfEvent(details.eventId)) : ""

    signal closed()
    signal editRequested(var eventData)
    signal signInRequested()
    signal reviewRequested(var eventId, string title)
    signal doorRequested(var eventId, string title)

    function showEvent(eventId: var): void {
        details.eventId = eventId;
        visible = true;
        forceActiveFocus();
    }
    // Used by the app's --self-test: every dialog of the pane opens once, the file choosers too.
    function selfTest(): void {
        joinDialog.open();
        joinDialog.selfTest();
        joinDialog.close();
        cancelDialog.open();
        cancelDialog.close();
        chatPane.selfTest();
    }
    // The account signed out: nothing of it stays open.
    function resetForAccount(): void {
        joinDialog.close();
        cancelDialog.close();
        chatPane.closePhotoChooser();
    }
    function close(): void {
        visible = false;
        details.eventId = 0;
        closed();
    }

    visible: false
    padding: 16
    Keys.onEscapePressed: close()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Meetup details")

    background: Rectangle {
        color: palette.window
        radius: 8
        border.color: "#d0d0d0"
    }

    EventDetails {
        id: details

        onEventIdChanged: {
            if (AccountManager.signedIn && eventId > 0)
                myRequests.refresh();
        }
    }
    MyRequestsModel {
        id: myRequests

        onStatusChanged: root.requestsRevision++
    }
    Connections {
        target: AccountManager
        function onUserChanged(): void {
            if (AccountManager.signedIn && details.eventId > 0)
                myRequests.refresh();
        }
    }
    // Live decisions on the user's request reach `myRequests` and the chat's room in C++
    // (ChatRooms); changes to the meetup itself reach `details` (and the list and the map)
    // through EventUpdates.

    // Scrolls when it does not fit (a small window, long German labels, the chat's
    // minimum height): every button stays reachable.
    FocusScrollView {
        id: scroller

        objectName: "detailsScroller"
        anchors.fill: parent
        fillHeight: true

        ColumnLayout {
            spacing: 8

            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: root.event.title ?? ""
                    font.pixelSize: 20
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
                ToolButton {
                    text: "✕"
                    Accessible.name: qsTr("Close details")
                    onClicked: root.close()
                }
            }
            BusySpinner {
                visible: details.loading
                running: visible
            }
            Label {
                visible: details.errorText !== ""
                text: details.errorText
                color: "#b3261e"
            }
            Label {
                visible: root.event.status === "CANCELLED"
                text: qsTr("This meetup was cancelled.")
                color: "#b3261e"
                font.bold: true
            }
            GridLayout {
                Layout.fillWidth: true
                visible: root.event.id !== undefined
                columns: 2
                columnSpacing: 12
                rowSpacing: 4

                Label { text: qsTr("When"); opacity: 0.7 }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: root.event.startTime
                          ? Formats.longDateTime(root.event.startTime, Formats.locale) + " – " + Formats.time(root.event.endTime, Formats.locale)
                          : ""
                }
                Label { text: qsTr("Where"); opacity: 0.7 }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    // The exact spot is shared with approved guests once joining exists; the area is public.
                    text: (root.event.city ?? "") + (root.event.state ? ", " + root.event.state : "")
                }
                Label {
                    text: qsTr("Venue")
                    opacity: 0.7
                    visible: venueLabel.visible
                }
                Label {
                    id: venueLabel

                    objectName: "venueLabel"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    // Only for the organizer and approved guests; older servers never send it.
                    visible: text !== ""
                    text: root.event.venue ?? ""
                }
                Label { text: qsTr("Organizer"); opacity: 0.7 }
                Label { text: root.event.organizer ? root.event.organizer.name : "" }
                Label { text: qsTr("Places"); opacity: 0.7 }
                Label {
                    text: root.event.placesLeft > 0
                          ? qsTr("%1 of %2 left").arg(root.event.placesLeft).arg(root.event.attendeeLimit)
                          : qsTr("Full (%1 guests)").arg(root.event.attendeeLimit ?? 0)
                }
            }
            Label {
                Layout.fillWidth: true
                visible: !root.isOrganizer && root.myStatus !== ""
                wrapMode: Text.WordWrap
                font.bold: true
                color: root.myStatus === "APPROVED" ? "#1e7d32" : root.myStatus === "REJECTED" ? "#b3261e" : palette.text
                text: {
                    switch (root.myStatus) {
                    case "APPROVED":
                        return qsTr("You are in: your request was approved.");
                    case "PENDING":
                        return qsTr("Your request is waiting for the organizer.");
                    case "WAITLISTED":
                        return qsTr("You are on the waitlist.");
                    case "OFFERED":
                        return qsTr("A place became free and is held for you.");
                    case "REJECTED":
                        return qsTr("Your request was declined.");
                    default:
                        return "";
                    }
                }
            }
            // An offer: until when the place is held, a live countdown, and the answer.
            Label {
                id: offerLabel

                readonly property date expires: (root.requestsRevision, myRequests.offerExpiresAtOfEvent(details.eventId))
                property date now: new Date()

                objectName: "detailsOfferLabel"
                Layout.fillWidth: true
                visible: !root.isOrganizer && root.myStatus === "OFFERED"
                wrapMode: Text.WordWrap
                color: "#1e5aa8"
                text: {
                    if (!visible || isNaN(expires.getTime()))
                        return "";
                    const left = Math.max(0, Math.floor((expires.getTime() - now.getTime()) / 1000));
                    const pad = n => (n < 10 ? "0" : "") + n;
                    return qsTr("A place is held for you until %1 (%2 left)")
                        .arg(Formats.time(expires, Formats.locale))
                        .arg(pad(Math.floor(left / 3600)) + ":" + pad(Math.floor(left / 60) % 60) + ":" + pad(left % 60));
                }

                Timer {
                    interval: 1000
                    repeat: true
                    running: offerLabel.visible
                    triggeredOnStart: true
                    onTriggered: offerLabel.now = new Date()
                }
            }
            RowLayout {
                Layout.fillWidth: true
                visible: offerLabel.visible
                Button {
                    Layout.fillWidth: true
                    objectName: "detailsAcceptOffer"
                    text: qsTr("Accept")
                    highlighted: true
                    onClicked: myRequests.answerOffer(details.eventId, true)
                }
                Button {
                    Layout.fillWidth: true
                    objectName: "detailsDeclineOffer"
                    text: qsTr("Decline")
                    onClicked: myRequests.answerOffer(details.eventId, false)
                }
            }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: !chatPane.visible
                Layout.preferredHeight: chatPane.visible ? Math.min(contentHeight, 72) : -1
                Label {
                    width: root.availableWidth
                    text: root.event.description ?? ""
                    wrapMode: Text.WordWrap
                }
            }

            // The guests' chat: for the organizer and approved guests (the server decides).
            ChatPane {
                id: chatPane

                objectName: "eventChat"

                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 280
                Layout.preferredHeight: 280
                visible: available && root.visible
                eventId: AccountManager.signedIn ? details.eventId : 0
            }

            Button {
                Layout.fillWidth: true
                visible: !root.isOrganizer && root.event.status === "UPCOMING"
                         && ["PENDING", "APPROVED", "WAITLISTED", "OFFERED"].indexOf(root.myStatus) < 0
                text: AccountManager.signedIn ? qsTr("Ask to join…") : qsTr("Sign in to join")
                onClicked: {
                    if (AccountManager.signedIn)
                        joinDialog.openFor(root.event.id, root.event.title ?? "");
                    else
                        root.signInRequested();
                }
            }
            // An approved guest who cannot come gives the place back (after a confirmation).
            CantComeButton {
                objectName: "eventCantCome"
                Layout.fillWidth: true
                visible: !root.isOrganizer && root.myStatus === "APPROVED"
                         && root.event.status === "UPCOMING"
                eventId: root.event.id ?? 0
                eventTitle: root.event.title ?? ""
                onPlaceGivenBack: {
                    details.reload();
                    myRequests.refresh();
                }
            }
            AddToCalendarButton {
                Layout.fillWidth: true
                visible: root.event.status === "UPCOMING" || root.event.status === "ONGOING"
                eventId: root.event.id ?? 0
            }
            Button {
                Layout.fillWidth: true
                visible: root.isOrganizer && root.event.status !== "CANCELLED"
                text: qsTr("Review requests")
                onClicked: root.reviewRequested(root.event.id, root.event.title ?? "")
            }
            Button {
                Layout.fillWidth: true
                objectName: "doorModeButton"
                visible: root.isOrganizer && root.event.status !== "CANCELLED"
                text: qsTr("Door mode: check guests in")
                onClicked: root.doorRequested(root.event.id, root.event.title ?? "")
            }
            RowLayout {
                Layout.fillWidth: true
                visible: root.isOrganizer && root.event.status !== "CANCELLED" && root.event.status !== "PAST"
                Button {
                    Layout.fillWidth: true
                    objectName: "editEventButton"
                    text: qsTr("Edit")
                    onClicked: root.editRequested(root.event)
                }
                Button {
                    Layout.fillWidth: true
                    objectName: "cancelEventButton"
                    text: qsTr("Cancel meetup")
                    onClicked: cancelDialog.open()
                }
            }
        }
    }

    CancelEventDialog {
        id: cancelDialog

        objectName: "cancelEventDialog"
        anchors.centerIn: Overlay.overlay
        eventTitle: root.event.title ?? ""
        eventId: root.event.id ?? 0
        onDone: details.reload()
    }

    JoinDialog {
        id: joinDialog

        objectName: "joinDialog"

        anchors.centerIn: Overlay.overlay
        onJoined: {
            details.reload();
            myRequests.refresh();
        }
    }
}
