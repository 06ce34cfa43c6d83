// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// "Save as PDF": the page size (A4 to print, or a phone-sized page), then the file.
Dialog {
    id: root

    property int row: -1
    property url suggestedFile
    readonly property string format: phoneButton.checked ? "phone" : "a4"
    readonly property alias chooserErrorText: chooser.errorText

    signal saveRequested(int row, url file, string format)

    function openFor(ticketRow: int, file: url): void {
        row = ticketRow;
        suggestedFile = file;
        open();
    }

    title: qsTr("Save the ticket as PDF")
    modal: true
    standardButtons: Dialog.Cancel

    ColumnLayout {
        spacing: 8

        Label {
            text: qsTr("Page size")
            font.bold: true
        }
        RadioButton {
            id: a4Button

            checked: true
            text: qsTr("A4, to print")
        }
        RadioButton {
            id: phoneButton

            objectName: "phonePageButton"
            text: qsTr("Phone size (90 × 160 mm), to show on a phone")
        }
        Label {
            Layout.fillWidth: true
            Layout.maximumWidth: 420
            visible: chooser.errorText !== ""
            text: chooser.errorText
            color: "#b3261e"
            wrapMode: Text.WordWrap
        }
        Button {
            Layout.alignment: Qt.AlignRight
            text: qsTr("Choose where to save…")
            highlighted: true
            onClicked: chooser.open()
        }
    }

    FileChooser {
        id: chooser

        title: qsTr("Save the ticket as PDF")
        nameFilters: [qsTr("PDF documents (*.pdf)")]
        saving: true
        suggestedFile: root.suggestedFile
        onFileChosen: (file) => {
            root.saveRequested(root.row, file, root.format);
            root.close();
        }
    }
}
