// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// One notice: an unread mark, the title, the body and when it came.
ItemDelegate {
    id: root

    required property int index
    required property var noticeId
    required property string type
    required property string title
    required property string body
    required property string link
    required property var createdAt
    required property bool read

    width: ListView.view ? ListView.view.width : implicitWidth
    Accessible.name: (root.read ? "" : qsTr("Unread:") + " ") + root.title

    contentItem: RowLayout {
        spacing: 10

        Rectangle {
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 6
            width: 9
            height: 9
            radius: 4.5
            color: root.read ? "transparent" : "#c0392b"
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                text: root.title
                font.bold: !root.read
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: root.body.length > 0
                text: root.body
                opacity: 0.8
                wrapMode: Text.Wrap
                maximumLineCount: 3
                elide: Text.ElideRight
            }
            Label {
                text: NotificationsModel.relativeTime(root.createdAt)
                opacity: 0.6
                font.pixelSize: 11
            }
        }
    }
}
