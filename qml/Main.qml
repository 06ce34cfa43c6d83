// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

ApplicationWindow {
    id: root

    width: 1280
    height: 800
    minimumWidth: 900
    minimumHeight: 600
    visible: true
    title: qsTr("Pudding Gabel")

    function openSignIn(): void {
        signInDialog.open();
    }

    function popToMap(): void {
        stack.pop(null);
    }

    function openMyEvents(): void {
        if (stack.depth === 1)
            stack.push(myEventsComponent);
    }

    function openMyRequests(): void {
        if (stack.depth === 1)
            stack.push(myRequestsComponent);
    }

    function openMyTickets(): void {
        if (stack.depth === 1)
            stack.push(myTicketsComponent);
    }

    function openReviewQueue(eventId: var, title: string): void {
        if (stack.depth === 1)
            stack.push(reviewQueueComponent, { eventId: eventId, eventTitle: title });
    }

    // Door mode takes the whole window (see DoorPage.fullWindow).
    function openDoor(eventId: var, title: string): void {
        if (stack.depth === 1)
            stack.push(doorComponent, { eventId: eventId, eventTitle: title }, StackView.Immediate);
    }
    readonly property bool doorMode: stack.currentItem !== null && (stack.currentItem.fullWindow ?? false)

    // Used by `pudding --self-test`: every page and dialog is created and shown once, the file
    // choosers included.
    function selfTest(): void {
        signInDialog.open();
        signInDialog.registering = true;
        signInDialog.close();
        stack.push(myEventsComponent);
        stack.pop();
        stack.push(myRequestsComponent);
        stack.currentItem.selfTest();
        stack.pop();
        stack.push(reviewQueueComponent, { eventId: 0, eventTitle: "" });
        stack.currentItem.selfTest();
        stack.pop();
        stack.push(myTicketsComponent);
        stack.currentItem.selfTest();
        stack.pop();
        stack.push(doorComponent, { eventId: 0, eventTitle: "" });
        stack.currentItem.selfTest();
        stack.pop();
        doorCodeDialog.open();
        doorCodeDialog.close();
        notificationsDrawer.selfTest();
        discover.selfTest();
    }

    // The one reset of the UI when an account signs out (the models clear themselves on the
    // same signal): its pages go, its dialogs close, the sign-in form forgets it.
    Connections {
        target: AccountManager
        function onSignedOut(): void {
            stack.pop(null);
            discover.resetForAccount();
            signInDialog.reset();
        }
    }

    header: AppToolBar {
        visible: !root.doorMode
        onSignInRequested: root.openSignIn()
        onMyEventsRequested: root.openMyEvents()
        onMyRequestsRequested: root.openMyRequests()
        onMyTicketsRequested: root.openMyTickets()
        onCitySelected: (city) => discover.showCity(city)
        onCityCleared: discover.clearCity()
        onDoorCodeRequested: doorCodeDialog.open()
        onNotificationsRequested: notificationsDrawer.open()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ConnectionBanner {
            Layout.fillWidth: true
            visible: !ApiClient.reachable && !root.doorMode
        }
        KeychainBanner {
            Layout.fillWidth: true
            visible: !root.doorMode && AccountManager.signedIn
                     && AccountManager.keychainState === AccountManager.Unavailable
        }
        ConfirmEmailBanner {
            Layout.fillWidth: true
            visible: !root.doorMode && AccountManager.signedIn && !AccountManager.emailConfirmed
        }
        StackView {
            id: stack

            objectName: "pageStack"

            Layout.fillWidth: true
            Layout.fillHeight: true
            initialItem: DiscoverPage {
                id: discover

                onSignInRequested: root.openSignIn()
                onReviewRequested: (eventId, title) => root.openReviewQueue(eventId, title)
                onDoorRequested: (eventId, title) => root.openDoor(eventId, title)
            }
        }
    }

    Component {
        id: myEventsComponent

        MyEventsPage {
            onBack: stack.pop()
            onShowEvent: (eventId, latitude, longitude) => {
                stack.pop();
                discover.focusEvent(eventId, latitude, longitude);
            }
        }
    }

    Component {
        id: myRequestsComponent

        MyRequestsPage {
            onBack: stack.pop()
        }
    }

    Component {
        id: myTicketsComponent

        MyTicketsPage {
            objectName: "myTicketsPage"

            onBack: stack.pop()
        }
    }

    Component {
        id: reviewQueueComponent

        ReviewQueuePage {
            onBack: stack.pop()
        }
    }

    Component {
        id: doorComponent

        DoorPage {
            onBack: stack.pop(StackView.Immediate)
        }
    }

    // A notice opens what it is about: the meetup (its details hold the chat and the offer) or
    // the organizer's review queue.
    function openNotice(page: string, eventId: var): void {
        stack.pop(null);
        if (page === "requests")
            root.openReviewQueue(eventId, "");
        else
            discover.selectEvent(eventId);
    }

    NotificationsDrawer {
        id: notificationsDrawer

        onOpenRequested: (page, eventId) => root.openNotice(page, eventId)
    }

    DoorCodeDialog {
        id: doorCodeDialog

        objectName: "doorCodeDialog"
        anchors.centerIn: parent
        onCodeEntered: (code) => {
            stack.pop(null);
            stack.push(doorComponent, { doorCode: code }, StackView.Immediate);
        }
    }

    SignInDialog {
        id: signInDialog

        objectName: "signInDialog"

        anchors.centerIn: parent
    }
}
