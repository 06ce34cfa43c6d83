// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// "Add to calendar": the meetup's .ics as this user may see it (the exact place once
// approved), handed to the desktop's calendar app.
ColumnLayout {
    id: root

    property var eventId: 0

    spacing: 4

    CalendarExport {
        id: exporter

        objectName: "calendarExport"
    }

    Button {
        objectName: "addToCalendarButton"
        Layout.fillWidth: true
        text: exporter.busy ? qsTr("Preparing the calendar entry…") : qsTr("Add to calendar")
        enabled: !exporter.busy && root.eventId > 0
        Accessible.name: qsTr("Add this meetup to your calendar")
        onClicked: exporter.addToCalendar(root.eventId, AppSettings.effectiveLanguage)
    }
    Label {
        Layout.fillWidth: true
        visible: exporter.errorText !== ""
        text: exporter.errorText
        wrapMode: Text.WordWrap
        color: "#b3261e"
    }
}
