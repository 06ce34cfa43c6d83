// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

ItemDelegate {
    id: root

    required property var eventId
    required property string title
    required property string city
    required property date startTime
    required property int placesLeft
    required property int attendeeLimit
    required property string organizerName
    required property real latitude
    required property real longitude
    required property var distanceKm
    required property int index
    property bool selected: false
    property bool hoverHighlighted: false

    signal activated()
    signal hoverChanged(bool isHovered)

    highlighted: selected || hoverHighlighted
    Accessible.name: title + ", " + city + ", " + Formats.dateTime(startTime, Formats.locale)
    onClicked: activated()

    HoverHandler {
        onHoveredChanged: root.hoverChanged(hovered)
    }

    // Where the keyboard is in the list (arrow keys move, Enter opens).
    Rectangle {
        objectName: "focusFrame"
        anchors.fill: parent
        anchors.margins: 1
        visible: root.ListView.isCurrentItem && root.ListView.view !== null && root.ListView.view.activeFocus
        color: "transparent"
        radius: 2
        border.width: 2
        border.color: root.palette.highlight
    }

    contentItem: ColumnLayout {
        spacing: 2

        Label {
            Layout.fillWidth: true
            text: root.title
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            text: Formats.dateTime(root.startTime, Formats.locale) + " · " + root.city
                  + (root.distanceKm !== undefined ? " · " + qsTr("%1 km").arg(Formats.number(root.distanceKm, 1, Formats.locale)) : "")
            opacity: 0.8
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            text: root.placesLeft > 0 ? qsTr("%n place(s) left", "", root.placesLeft) + " · " + qsTr("by %1").arg(root.organizerName)
                                      : qsTr("Full") + " · " + qsTr("by %1").arg(root.organizerName)
            color: root.placesLeft > 0 ? palette.text : "#b3261e"
            font.pixelSize: 12
            elide: Text.ElideRight
        }
    }
}
