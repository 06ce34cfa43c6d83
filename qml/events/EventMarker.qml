// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtPositioning

// One event (a pin) or a cluster (a disc with its count) on the map.
Item {
    id: root

    required property var map
    required property var markerId
    required property real latitude
    required property real longitude
    required property int count
    required property bool isCluster
    property bool selected: false
    property bool hovered: false

    signal activated()
    signal hoverChanged(bool isHovered)

    readonly property real size: isCluster ? Math.min(64, 30 + Math.log(count) * 6) : 22
    // Re-evaluated whenever the map moves.
    readonly property point position: {
        map.center;
        map.zoomLevel;
        map.width;
        map.height;
        return map.fromCoordinate(QtPositioning.coordinate(latitude, longitude));
    }

    x: position.x - width / 2
    y: position.y - (isCluster ? height / 2 : height)
    z: selected ? 3 : hovered ? 2 : 1
    width: size
    height: size

    Accessible.role: Accessible.Button
    Accessible.name: isCluster ? qsTr("%n meetup(s) here; zoom in", "", count) : qsTr("Meetup")

    Rectangle {
        visible: root.isCluster
        anchors.fill: parent
        radius: width / 2
        color: root.hovered ? "#c2185b" : "#e91e63"
        opacity: 0.9
        border.color: "white"
        border.width: 2
        Label {
            anchors.centerIn: parent
            text: root.count
            color: "white"
            font.bold: true
        }
    }

    // A pin: a round head on a point.
    Canvas {
        visible: !root.isCluster
        anchors.fill: parent
        property color fill: root.selected ? "#6a1b9a" : root.hovered ? "#c2185b" : "#e91e63"
        onFillChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d");
            const w = width, h = height, r = w * 0.36;
            ctx.reset();
            ctx.fillStyle = fill;
            ctx.strokeStyle = "white";
            ctx.lineWidth = 2;
            ctx.beginPath();
            ctx.arc(w / 2, r + 1, r, Math.PI * 0.8, Math.PI * 2.2);
            ctx.lineTo(w / 2, h - 1);
            ctx.closePath();
            ctx.fill();
            ctx.stroke();
        }
    }
    scale: selected ? 1.35 : hovered ? 1.2 : 1
    transformOrigin: isCluster ? Item.Center : Item.Bottom
    Behavior on scale {
        NumberAnimation { duration: 120 }
    }

    HoverHandler {
        onHoveredChanged: root.hoverChanged(hovered)
        cursorShape: Qt.PointingHandCursor
    }
    TapHandler {
        onTapped: root.activated()
    }
}
