// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The live chat of one meetup: history (older pages load when scrolling up), who is online,
// who is typing, and a composer where Enter sends and Shift+Enter starts a new line.
Item {
    id: root

    property var eventId: 0
    readonly property ChatModel model: chat
    // Whether there is a chat to show for this user (the organizer or an approved guest).
    readonly property bool available: chat.access === ChatRoom.Available
                                      || chat.access === ChatRoom.Removed
    readonly property bool reconnecting: LiveConnection.state === LiveConnection.Reconnecting
                                         || LiveConnection.state === LiveConnection.Connecting

    function reload(): void {
        chat.reload();
    }
    function openPhotoChooser(): void {
        photoDialog.open();
    }
    function closePhotoChooser(): void {
        photoDialog.close();
    }
    // Used by the app's --self-test: the photo chooser opens, else a warning fails the run.
    function selfTest(): void {
        photoDialog.open();
        if (!photoDialog.opened)
            console.warn("self-test: the chat's photo chooser did not open:", photoDialog.errorText);
        photoDialog.close();
        photoPopup.open();
        photoPopup.close();
    }
    function sendComposer(): void {
        if (chat.send(input.text))
            input.clear();
    }

    implicitHeight: 360

    ChatModel {
        id: chat

        objectName: "chatModel"

        eventId: root.eventId
        active: root.visible && Qt.application.state === Qt.ApplicationActive
        onHistoryLoaded: Qt.callLater(() => {
            list.positionViewAtEnd();
            list.primed = true;
        })
        onOlderLoaded: (count) => {
            // Keep the message that was at the top where it was (a page the view fetched by
            // itself while showing the newest messages leaves the view at the end).
            if (count > 0 && !list.followEnd)
                list.positionViewAtIndex(count, ListView.Beginning);
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            Label {
                text: qsTr("Chat")
                font.bold: true
                font.pixelSize: 16
            }
            Rectangle {
                Layout.preferredWidth: 8
                Layout.preferredHeight: 8
                radius: 4
                color: chat.joined ? "#2e7d32" : "#9e9e9e"
                Accessible.name: chat.joined ? qsTr("Connected") : qsTr("Not connected")
            }
            Label {
                id: onlineLabel

                Layout.fillWidth: true
                text: chat.onlineText
                elide: Text.ElideRight
                opacity: 0.75
                font.pixelSize: 12

                HoverHandler {
                    id: onlineHover
                }
                ToolTip.visible: onlineHover.hovered && onlineLabel.truncated
                ToolTip.text: chat.onlineText
            }
        }

        Rectangle {
            Layout.fillWidth: true
            visible: root.reconnecting && chat.access === ChatRoom.Available
            implicitHeight: visible ? reconnectRow.implicitHeight + 8 : 0
            radius: 4
            color: "#fff4e5"

            RowLayout {
                id: reconnectRow

                anchors.fill: parent
                anchors.margins: 4
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    color: "#8a4b00"
                    text: LiveConnection.reconnectInSeconds > 0
                          ? qsTr("Reconnecting in %n second(s)… Messages you write are sent once the chat is back.", "", LiveConnection.reconnectInSeconds)
                          : qsTr("Reconnecting…")
                }
                Button {
                    text: qsTr("Now")
                    flat: true
                    Accessible.name: qsTr("Reconnect now")
                    onClicked: LiveConnection.reconnectNow()
                }
            }
        }

        Label {
            Layout.fillWidth: true
            visible: chat.errorText !== ""
            text: chat.errorText
            color: "#b3261e"
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            visible: photoDialog.errorText !== ""
            text: photoDialog.errorText
            color: "#b3261e"
            wrapMode: Text.WordWrap
        }

        ListView {
            id: list

            objectName: "chatList"

            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 120
            model: chat
            clip: true
            spacing: 2
            reuseItems: false
            activeFocusOnTab: true
            boundsBehavior: Flickable.StopAtBounds
            // Follow new messages only while the newest one is in view. New rows change the
            // content's height, not contentY: contentY changes only when someone scrolls.
            property bool followEnd: true
            // Older pages load only once the first page is shown at its end.
            property bool primed: false

            onCountChanged: {
                if (count === 0) {
                    primed = false;
                    followEnd = true;
                } else if (followEnd) {
                    Qt.callLater(list.positionViewAtEnd);
                }
            }
            onContentYChanged: {
                followEnd = atYEnd;
                if (primed && atYBeginning && chat.hasMore && !chat.loadingOlder)
                    chat.loadOlder();
            }

            ScrollBar.vertical: ScrollBar {}

            header: Item {
                width: ListView.view.width
                height: chat.loadingOlder || (!chat.hasMore && chat.count > 0) ? 28 : 0
                BusySpinner {
                    anchors.centerIn: parent
                    height: 24
                    running: chat.loadingOlder
                    visible: running
                }
                Label {
                    anchors.centerIn: parent
                    visible: !chat.loadingOlder && !chat.hasMore && chat.count > 0
                    text: qsTr("The beginning of the chat")
                    font.pixelSize: 11
                    opacity: 0.5
                }
            }

            delegate: MessageDelegate {
                width: ListView.view.width - 12
                onRetryRequested: (row) => chat.retry(row)
                onPhotoRequested: (photoId) => {
                    photoPopup.photoId = photoId;
                    photoPopup.open();
                }
            }

            BusySpinner {
                anchors.centerIn: parent
                running: chat.loading
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 24
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                visible: !chat.loading && chat.count === 0 && chat.access === ChatRoom.Available
                text: qsTr("No messages yet. Say hello to the other guests!")
                opacity: 0.6
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.preferredHeight: 16
            text: chat.typingText
            font.pixelSize: 12
            font.italic: true
            opacity: 0.7
            elide: Text.ElideRight
        }

        RowLayout {
            Layout.fillWidth: true
            enabled: chat.access === ChatRoom.Available
            spacing: 4

            ToolButton {
                // The camera needs a colour emoji font (fonts-noto-color-emoji); else a word.
                text: Qt.fontFamilies().indexOf("Noto Color Emoji") >= 0 ? "📷" : qsTr("Photo")
                font.pixelSize: text === "📷" ? 18 : 13
                Accessible.name: qsTr("Send a photo")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Send a photo")
                onClicked: root.openPhotoChooser()
            }
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(input.implicitHeight, 110)

                TextArea {
                    id: input

                    objectName: "chatInput"

                    placeholderText: qsTr("Write a message…")
                    wrapMode: TextEdit.Wrap
                    Accessible.name: qsTr("Message")
                    onTextChanged: chat.composerChanged(text)
                    Keys.onReturnPressed: (event) => {
                        if (event.modifiers & Qt.ShiftModifier) {
                            event.accepted = false;
                            return;
                        }
                        root.sendComposer();
                        event.accepted = true;
                    }
                    Keys.onEnterPressed: (event) => {
                        root.sendComposer();
                        event.accepted = true;
                    }
                }
            }
            Button {
                text: qsTr("Send")
                enabled: input.text.trim() !== ""
                highlighted: true
                onClicked: root.sendComposer()
            }
        }
    }

    FileChooser {
        id: photoDialog

        objectName: "chatPhotoChooser"

        title: qsTr("Choose a photo to send")
        nameFilters: [qsTr("Photos (*.jpg *.jpeg *.png *.webp)")]
        onFileChosen: (file) => {
            chat.sendPhoto(file, input.text);
            input.clear();
        }
    }

    Popup {
        id: photoPopup

        property var photoId: 0

        objectName: "photoViewer"
        // The keyboard goes to the viewer at once (Esc closes it).
        focus: true
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 40 : 800, 900)
        height: Math.min(parent ? parent.height - 40 : 600, 700)
        modal: true
        onClosed: photoId = 0
        contentItem: Image {
            source: photoPopup.photoId > 0 ? "image://puddingphoto/" + photoPopup.photoId : ""
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            Accessible.name: qsTr("Photo")
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
