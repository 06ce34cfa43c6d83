// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// Asking to join a meetup: which pudding you bring, with a photo of it.
Dialog {
    id: root

    property var eventId: 0
    property string eventTitle: ""

    signal joined(var attendance)

    function openFor(id: var, title: string): void {
        eventId = id;
        eventTitle = title;
        open();
    }

    modal: true
    // The keyboard goes to the dialog at once (Esc closes it).
    focus: true
    width: 460
    title: qsTr("Ask to join")
    standardButtons: Dialog.NoButton
    closePolicy: request.busy ? Popup.NoAutoClose : Popup.CloseOnEscape

    onClosed: photoChooser.close()
    onOpened: {
        request.reset();
        photoChooser.errorText = "";
        nameField.text = "";
        descriptionField.text = "";
        nameField.forceActiveFocus();
    }

    JoinRequest {
        id: request

        eventId: root.eventId
        onJoined: (attendance) => {
            root.joined(attendance);
            root.close();
        }
    }

    function openPhotoChooser(): void {
        if (!request.busy)
            photoChooser.open();
    }
    // Used by the app's --self-test: the photo chooser opens, else a warning fails the run.
    function selfTest(): void {
        photoChooser.open();
        if (!photoChooser.opened)
            console.warn("self-test: the photo chooser did not open:", photoChooser.errorText);
        photoChooser.close();
    }

    FileChooser {
        id: photoChooser

        objectName: "joinPhotoChooser"

        title: qsTr("Choose a photo of your pudding")
        nameFilters: [qsTr("Photos (*.jpg *.jpeg *.png *.webp)")]
        onFileChosen: (file) => request.checkPhoto(file)
    }

    contentItem: ColumnLayout {
        spacing: 6

        Label {
            Layout.fillWidth: true
            visible: root.eventTitle !== ""
            text: root.eventTitle
            font.bold: true
            wrapMode: Text.WordWrap
        }

        Label {
            text: qsTr("Photo")
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 180
            radius: 6
            color: dropArea.containsDrag ? "#e8f0fe" : "transparent"
            border.color: dropArea.containsDrag ? "#1a73e8" : "#c0c0c0"
            border.width: 1

            Image {
                objectName: "joinPhotoPreview"
                anchors.fill: parent
                anchors.margins: 4
                visible: request.photo.toString() !== ""
                // Upright as the camera meant it (EXIF orientation), as the server stores it.
                autoTransform: true
                source: request.photo
                sourceSize.width: 440
                sourceSize.height: 180
                fillMode: Image.PreserveAspectFit
                asynchronous: true
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 24
                horizontalAlignment: Text.AlignHCenter
                visible: request.photo.toString() === ""
                text: request.checking ? qsTr("Checking the photo…")
                                       : qsTr("Drop a photo here, or choose one (JPEG, PNG or WebP, at most 5 MB).")
                wrapMode: Text.WordWrap
                opacity: 0.7
            }
            // The whole box opens the chooser too, not only the button below it.
            MouseArea {
                objectName: "joinPhotoDropZone"

                anchors.fill: parent
                enabled: !request.busy
                cursorShape: Qt.PointingHandCursor
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Choose photo…")
                onClicked: root.openPhotoChooser()
            }
            DropArea {
                id: dropArea

                anchors.fill: parent
                keys: ["text/uri-list"]
                onDropped: (drop) => {
                    if (drop.hasUrls && drop.urls.length > 0) {
                        request.checkPhoto(drop.urls[0]);
                        drop.acceptProposedAction();
                    }
                }
            }
        }
        Button {
            text: request.photo.toString() === "" ? qsTr("Choose photo…") : qsTr("Choose another photo…")
            enabled: !request.busy
            onClicked: root.openPhotoChooser()
        }
        FieldError {
            text: request.fieldErrors.photo ?? ""
        }
        FieldError {
            objectName: "joinChooserError"
            text: photoChooser.errorText
        }

        Label {
            text: qsTr("Your pudding")
        }
        TextField {
            id: nameField

            Layout.fillWidth: true
            Accessible.name: qsTr("Your pudding")
            placeholderText: qsTr("e.g. Grießpudding with cherries")
            maximumLength: 80
            enabled: !request.busy
            onTextEdited: request.clearErrors()
        }
        FieldError {
            text: request.fieldErrors.puddingName ?? ""
        }

        Label {
            text: qsTr("Description (optional)")
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 90
            TextArea {
                id: descriptionField

                Accessible.name: qsTr("Description")
                wrapMode: TextEdit.Wrap
                enabled: !request.busy
                placeholderText: qsTr("What makes it special? At most 500 characters.")
            }
        }
        FieldError {
            text: request.fieldErrors.puddingDescription ?? ""
        }

        ProgressBar {
            Layout.fillWidth: true
            visible: request.busy
            from: 0
            to: 1
            value: request.progress
        }
        Label {
            Layout.fillWidth: true
            visible: request.errorText !== "" && request.fieldErrors.photo === undefined
            text: request.errorText
            color: "#b3261e"
            wrapMode: Text.WordWrap
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 8

            Item {
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Cancel")
                onClicked: {
                    request.cancel();
                    root.close();
                }
            }
            Button {
                text: qsTr("Send request")
                highlighted: true
                enabled: !request.busy && !request.checking
                Accessible.name: text
                onClicked: request.submit(nameField.text, descriptionField.text)
            }
        }
    }
}
