// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The signed-in user's tickets: a QR code to show at the door for every meetup they were
// approved for, kept on this computer so it also works without network.
Page {
    id: root

    property string pdfMessage: ""

    signal back()

    title: qsTr("My tickets")

    // Used by the app's --self-test: the page's dialogs open once.
    function selfTest(): void {
        saveDialog.open();
        saveDialog.close();
    }

    TicketsModel {
        id: tickets

        objectName: "ticketsModel"

        onPdfSaved: (path) => root.pdfMessage = qsTr("Saved: %1").arg(path)
        onPdfFailed: (message) => root.pdfMessage = message
        onAddToCalendarRequested: (eventId) => calendarExport.addToCalendar(eventId, AppSettings.effectiveLanguage)
    }
    // "Add to calendar": the meetup's .ics (the exact place: the holder is approved), handed to
    // the desktop's calendar app, as on the meetup page.
    CalendarExport {
        id: calendarExport

        objectName: "ticketsCalendarExport"
    }
    Component.onCompleted: tickets.refresh()

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
            ToolButton {
                text: qsTr("Refresh")
                enabled: !tickets.loading
                onClicked: tickets.refresh()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            objectName: "offlineNotice"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: tickets.offline
            text: isNaN(tickets.fetchedAt)
                  ? qsTr("Offline: your tickets could not be loaded.")
                  : qsTr("Offline: these are your tickets as of %1. They still work at the door.")
                    .arg(Formats.dateTime(tickets.fetchedAt, Formats.locale))
            wrapMode: Text.WordWrap
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            Layout.margins: 8
            visible: tickets.errorText !== ""
            text: tickets.errorText
            color: "#b3261e"
            wrapMode: Text.WordWrap
        }
        Label {
            objectName: "calendarError"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: calendarExport.errorText !== ""
            text: calendarExport.errorText
            color: "#b3261e"
            wrapMode: Text.WordWrap
        }
        Label {
            objectName: "pdfMessage"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: root.pdfMessage !== "" || tickets.savingPdf
            text: tickets.savingPdf ? qsTr("Saving the PDF…") : root.pdfMessage
            wrapMode: Text.WordWrap
        }
        ListView {
            id: list

            objectName: "ticketList"

            Layout.fillWidth: true
            Layout.fillHeight: true
            model: tickets
            clip: true
            spacing: 16
            topMargin: 16
            bottomMargin: 16
            leftMargin: 16
            rightMargin: 16
            activeFocusOnTab: true
            delegate: TicketCard {
                width: ListView.view.width - ListView.view.leftMargin - ListView.view.rightMargin
                onSavePdfRequested: (row) => saveDialog.openFor(row, tickets.suggestedPdfUrl(row))
                onAddToCalendarRequested: (eventId) => tickets.addToCalendar(eventId)
                onPlaceGivenBack: tickets.refresh()
            }
            ScrollBar.vertical: ScrollBar {}

            BusySpinner {
                anchors.centerIn: parent
                running: tickets.loading && list.count === 0
            }
            Label {
                anchors.centerIn: parent
                width: Math.min(parent.width - 32, 520)
                visible: !tickets.loading && list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: qsTr("No tickets yet. When an organizer approves your request, your ticket appears here.")
                opacity: 0.7
            }
        }
    }

    SaveTicketDialog {
        id: saveDialog

        anchors.centerIn: parent
        onSaveRequested: (row, file, format) => {
            root.pdfMessage = "";
            tickets.savePdf(row, file, format);
        }
    }
}
