// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import PuddingGabel

// The bell in the tool bar with the number of unread notices.
ToolButton {
    id: root

    readonly property int unread: NotificationsModel.unreadCount

    objectName: "notificationBell"
    Accessible.name: root.unread > 0 ? qsTr("Notifications, %n unread", "", root.unread)
                                     : qsTr("Notifications")
    ToolTip.visible: hovered
    ToolTip.text: Accessible.name

    contentItem: Item {
        implicitWidth: 30
        implicitHeight: 28

        Canvas {
            id: bell

            anchors.centerIn: parent
            width: 20
            height: 22
            property color ink: root.palette.buttonText
            onInkChanged: requestPaint()
            onPaint: {
                const ctx = getContext("2d");
                ctx.reset();
                ctx.fillStyle = ink;
                ctx.beginPath();
                ctx.moveTo(10, 2);
                ctx.bezierCurveTo(4, 2, 3.5, 7, 3.5, 11);
                ctx.lineTo(3.5, 15);
                ctx.lineTo(1, 18);
                ctx.lineTo(19, 18);
                ctx.lineTo(16.5, 15);
                ctx.lineTo(16.5, 11);
                ctx.bezierCurveTo(16.5, 7, 16, 2, 10, 2);
                ctx.fill();
                ctx.beginPath();
                ctx.arc(10, 19.5, 2.5, 0, Math.PI);
                ctx.fill();
            }
        }
        Rectangle {
            objectName: "notificationBadge"
            visible: root.unread > 0
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.rightMargin: -4
            anchors.topMargin: -3
            height: 16
            width: Math.max(16, badgeLabel.implicitWidth + 8)
            radius: 8
            color: "#c0392b"

            Label {
                id: badgeLabel

                objectName: "notificationBadgeLabel"
                anchors.centerIn: parent
                text: root.unread > 99 ? "99+" : String(root.unread)
                color: "white"
                font.pixelSize: 10
                font.bold: true
            }
        }
    }
}
