// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import PuddingGabel

// Door mode: the whole window for one meetup's entrance. Scan with the webcam, a hand-held
// scanner (it types the code and Enter into the field that always has the focus) or type the
// ticket number; find a guest by name. Works with the network off: the session verifies
// offline and uploads the scans when the server is back. Esc leaves.
Page {
    id: root

    property var eventId: 0
    property string eventTitle: ""
    // A helper's door token instead of the organizer's account (with the server's address).
    property string doorToken: ""
    property url serverUrl
    // Or a door code as the organizer hands it over ("PGDOOR1.…").
    property string doorCode: ""
    // Main.qml hides its own bars while this page is shown.
    readonly property bool fullWindow: true

    signal back()

    function leave(): void {
        camera.active = false;
        session.close();
        root.back();
    }
    // The scanner field gets the keys back whenever no other field wants them.
    function refocusScanner(): void {
        const item = root.Window.activeFocusItem;
        // Another text field (the search, a dialog's) keeps its keys.
        if (!root.visible || handOverDialog.visible || (item && item.cursorPosition !== undefined))
            return;
        scannerField.forceActiveFocus();
    }
    // Used by the app's --self-test: the hand-over dialog opens once.
    function selfTest(): void {
        handOverDialog.open();
        handOverDialog.close();
    }
    // What a scanner types (code + Enter), for scripts and tests.
    function submitScan(text: string): void {
        session.submit(text);
    }

    title: qsTr("Door: %1").arg(session.title !== "" ? session.title : eventTitle)
    objectName: "doorPage"

    DoorSession {
        id: session

        objectName: "doorSession"
    }
    // A ticket as a picture (a photo or screenshot of the QR code, a PDF page saved as an
    // image): decoded like a camera frame.
    FileChooser {
        id: pictureChooser

        objectName: "doorPictureChooser"

        title: qsTr("Choose a picture of a ticket")
        nameFilters: [qsTr("Pictures (*.png *.jpg *.jpeg *.webp)")]
        onFileChosen: (file) => session.scanImageFile(file)
    }

    CameraScanner {
        id: camera

        objectName: "cameraScanner"
        videoOutput: videoOutput
        active: available && root.visible
        onDecoded: (payload) => session.submit(payload)
    }
    Timer {
        // The verdict stays long enough to be read, then the panel is ready for the next.
        id: verdictTimer

        interval: 8000
        onTriggered: session.clearVerdict()
    }
    Connections {
        target: session
        function onVerdictChanged(): void {
            if (session.verdict.kind !== undefined)
                verdictTimer.restart();
        }
    }

    Component.onCompleted: {
        if (root.doorCode !== "")
            session.openWithDoorCode(root.doorCode);
        else if (root.doorToken !== "")
            session.openWithDoorToken(root.serverUrl, root.eventId, root.doorToken);
        else if (root.eventId > 0)
            session.openWithAccount(root.eventId);
        scannerField.forceActiveFocus();
    }
    StackView.onActivated: scannerField.forceActiveFocus()

    DoorHandOverDialog {
        id: handOverDialog

        objectName: "doorHandOverDialog"
        anchors.centerIn: Overlay.overlay
        session: session
        onClosed: scannerField.forceActiveFocus()
    }

    Shortcut {
        sequences: [StandardKey.Cancel]
        enabled: !handOverDialog.visible
        onActivated: root.leave()
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.rightMargin: 8
            spacing: 12
            ToolButton {
                text: qsTr("← Leave door mode")
                focusPolicy: Qt.NoFocus
                Accessible.name: qsTr("Leave door mode (Esc)")
                onClicked: root.leave()
            }
            Label {
                Layout.fillWidth: true
                text: root.title
                font.bold: true
                font.pixelSize: 18
                elide: Text.ElideRight
            }
            Label {
                objectName: "doorCounter"
                text: qsTr("%1 of %2 checked in").arg(session.checkedIn).arg(session.expected)
                font.bold: true
                font.pixelSize: 22
            }
            Label {
                objectName: "doorStatus"
                text: session.statusText
                color: "white"
                font.bold: true
                font.pixelSize: 16
                leftPadding: 10
                rightPadding: 10
                topPadding: 4
                bottomPadding: 4
                background: Rectangle {
                    radius: height / 2
                    color: session.accessRefused ? "#b71c1c" : session.online ? "#2e7d32" : "#e65100"
                }
            }
            ToolButton {
                visible: !session.doorTokenMode
                text: qsTr("Hand over…")
                focusPolicy: Qt.NoFocus
                Accessible.name: qsTr("Hand the door to a helper")
                onClicked: handOverDialog.open()
            }
            ToolButton {
                text: qsTr("Sync now")
                focusPolicy: Qt.NoFocus
                enabled: session.waiting > 0 || !session.online
                onClicked: {
                    session.syncNow();
                    session.reload();
                }
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            spacing: 10

            Label {
                Layout.fillWidth: true
                visible: session.errorString !== ""
                text: session.errorString
                color: "#b3261e"
                font.pixelSize: 16
                wrapMode: Text.WordWrap
            }
            VerdictPanel {
                objectName: "verdictPanel"
                Layout.fillWidth: true
                Layout.preferredHeight: 280
                verdict: session.verdict
                ready: session.ready
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: scannerField

                    objectName: "scannerField"
                    Layout.fillWidth: true
                    font.pixelSize: 20
                    placeholderText: qsTr("Scan a ticket, or type its number and press Enter")
                    Accessible.name: qsTr("Ticket code or number")
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
                    onAccepted: {
                        session.submit(text);
                        clear();
                    }
                    onActiveFocusChanged: {
                        if (!activeFocus)
                            Qt.callLater(root.refocusScanner);
                    }
                }
                Button {
                    text: qsTr("Check")
                    focusPolicy: Qt.NoFocus
                    onClicked: {
                        session.submit(scannerField.text);
                        scannerField.clear();
                    }
                }
                Button {
                    objectName: "scanPictureButton"
                    text: qsTr("Picture…")
                    focusPolicy: Qt.NoFocus
                    Accessible.name: qsTr("Check a ticket from a picture file")
                    onClicked: pictureChooser.open()
                }
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: "#263238"
                radius: 8
                clip: true

                VideoOutput {
                    id: videoOutput

                    anchors.fill: parent
                    visible: camera.available
                    fillMode: VideoOutput.PreserveAspectFit
                }
                Label {
                    anchors.centerIn: parent
                    width: parent.width - 32
                    visible: !camera.available || camera.errorString !== ""
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: "white"
                    font.pixelSize: 18
                    text: camera.errorString !== "" ? camera.errorString
                          : qsTr("No camera found. Door mode works without one: use a hand-held scanner or type the ticket number.")
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            spacing: 6

            TextField {
                id: searchField

                objectName: "doorSearchField"
                Layout.fillWidth: true
                placeholderText: qsTr("Find a guest by name, pudding or number")
                Accessible.name: qsTr("Find a guest")
                onTextChanged: {
                    session.guestsNotYet.search = text;
                    session.guestsIn.search = text;
                }
                Keys.onEscapePressed: (event) => {
                    if (text !== "") {
                        clear();
                        event.accepted = true;
                    } else {
                        event.accepted = false;
                    }
                }
                onAccepted: scannerField.forceActiveFocus()
            }
            TabBar {
                id: tabs

                objectName: "doorTabs"
                Layout.fillWidth: true
                focusPolicy: Qt.NoFocus
                TabButton {
                    text: qsTr("Not yet in (%1)").arg(session.guestsNotYet.count)
                    focusPolicy: Qt.NoFocus
                }
                TabButton {
                    objectName: "inTab"
                    text: qsTr("In (%1)").arg(session.guestsIn.count)
                    focusPolicy: Qt.NoFocus
                }
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: tabs.currentIndex

                ListView {
                    objectName: "notYetList"
                    clip: true
                    model: session.guestsNotYet
                    delegate: DoorGuestDelegate {
                        width: ListView.view.width
                        inside: false
                        onCheckInRequested: (ticketId) => session.checkInGuest(ticketId)
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: parent.count === 0
                        text: session.ready ? qsTr("Nobody left to come.") : ""
                        opacity: 0.7
                    }
                }
                ListView {
                    objectName: "inList"
                    clip: true
                    model: session.guestsIn
                    delegate: DoorGuestDelegate {
                        width: ListView.view.width
                        inside: true
                        onUndoRequested: (ticketId) => session.undo(ticketId)
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: parent.count === 0
                        text: qsTr("Nobody is in yet.")
                        opacity: 0.7
                    }
                }
            }
        }
    }
}
