// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import PuddingGabel

// One chat message: a day separator before the first message of a day, the author's name on
// the first of a run, own messages on the right in another colour, photo, text with links,
// time and (for own messages) whether it was sent.
Column {
    id: root

    required property int index
    required property var messageId
    required property var authorId
    required property string authorName
    required property string content
    required property string richText
    required property var photoId
    required property url localPhoto
    required property string timeText
    required property bool isOwn
    required property int status
    required property string statusText
    required property bool showAuthor
    required property bool showDaySeparator
    required property string dayLabel

    readonly property real maxBubbleWidth: Math.max(120, width * 0.78)
    // Photos: a fixed width (not the bubble's, which follows its content).
    readonly property real photoWidth: Math.min(240, maxBubbleWidth - 20)
    readonly property var authorColors: ["#8e44ad", "#1565c0", "#2e7d32", "#c62828", "#ef6c00", "#00838f"]

    signal retryRequested(int row)
    signal photoRequested(var photoId)

    spacing: 0
    topPadding: showAuthor && !showDaySeparator ? 8 : 2

    Item {
        visible: root.showDaySeparator
        width: root.width
        height: 36

        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            height: 1
            color: "#e0e0e0"
        }
        Label {
            anchors.centerIn: parent
            leftPadding: 10
            rightPadding: 10
            topPadding: 2
            bottomPadding: 2
            text: root.dayLabel
            font.pixelSize: 12
            font.bold: true
            color: "#666666"
            background: Rectangle {
                color: "#f6f6f6"
                radius: height / 2
                border.color: "#e0e0e0"
            }
        }
    }

    Item {
        width: root.width
        height: bubble.height

        // The text's natural width, measured apart: the wrapped label's own implicit width
        // follows the width the bubble gives it (a binding loop).
        Text {
            id: measure

            visible: false
            text: body.text
            textFormat: Text.StyledText
            font: body.font
        }

        Rectangle {
            id: bubble

            x: root.isOwn ? parent.width - width : 0
            width: Math.min(root.maxBubbleWidth,
                            Math.max(author.visible ? author.implicitWidth : 0,
                                     body.visible ? Math.min(measure.implicitWidth + 1, root.maxBubbleWidth - 20) : 0,
                                     photo.visible ? root.photoWidth : 0,
                                     footer.implicitWidth) + 20)
            height: column.height + 12
            radius: 10
            color: root.isOwn ? (root.status === ChatRoom.Failed ? "#fde2e0" : "#fbe7c6") : "#f0f0f0"
            border.color: root.isOwn ? "#efcf97" : "#e2e2e2"

            Column {
                id: column

                x: 10
                y: 6
                width: bubble.width - 20
                spacing: 3

                Label {
                    id: author

                    visible: root.showAuthor && !root.isOwn
                    text: root.authorName
                    font.bold: true
                    font.pixelSize: 13
                    color: root.authorColors[Math.abs(Number(root.authorId)) % root.authorColors.length]
                }
                Image {
                    id: photo

                    visible: root.photoId > 0 || root.localPhoto.toString() !== ""
                    width: root.photoWidth
                    height: visible ? Math.max(60, Math.min(240, width * (implicitHeight > 0 ? implicitHeight / Math.max(1, implicitWidth) : 0.75))) : 0
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                    // A photo still on its way is shown from the file: upright like the server's copy.
                    autoTransform: true
                    source: root.photoId > 0 ? "image://puddingphoto/" + root.photoId + "/thumb"
                                             : root.localPhoto
                    sourceSize.width: 440
                    Accessible.name: qsTr("Photo from %1").arg(root.authorName)

                    Rectangle {
                        anchors.fill: parent
                        visible: photo.status !== Image.Ready
                        color: "#e6e6e6"
                        BusySpinner {
                            anchors.centerIn: parent
                            running: photo.status === Image.Loading
                        }
                    }
                    MouseArea {
                        anchors.fill: parent
                        enabled: root.photoId > 0
                        cursorShape: Qt.PointingHandCursor
                        onClicked: root.photoRequested(root.photoId)
                    }
                }
                Label {
                    id: body

                    // A photo without a caption carries only the camera symbol: not shown twice.
                    visible: !(photo.visible && root.content === "📷")
                    width: column.width
                    text: root.richText
                    textFormat: Text.StyledText
                    wrapMode: Text.Wrap
                    linkColor: "#1a5fb4"
                    onLinkActivated: (link) => Qt.openUrlExternally(link)

                    HoverHandler {
                        cursorShape: body.hoveredLink !== "" ? Qt.PointingHandCursor : Qt.IBeamCursor
                    }
                }
                Row {
                    id: footer

                    anchors.right: parent.right
                    spacing: 6

                    Label {
                        text: root.timeText
                        font.pixelSize: 11
                        color: "#777777"
                    }
                    Label {
                        visible: root.isOwn && root.status !== ChatRoom.Sent
                        text: root.statusText
                        font.pixelSize: 11
                        color: root.status === ChatRoom.Failed ? "#b3261e" : "#777777"
                    }
                    Label {
                        visible: root.isOwn && root.status === ChatRoom.Sent
                        text: "✓"
                        font.pixelSize: 11
                        color: "#2e7d32"
                        Accessible.name: qsTr("Sent")
                    }
                    Label {
                        visible: root.status === ChatRoom.Failed
                        text: "<a href=\"retry\">" + qsTr("Retry") + "</a>"
                        textFormat: Text.StyledText
                        font.pixelSize: 11
                        font.bold: true
                        linkColor: "#b3261e"
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Send again")
                        onLinkActivated: root.retryRequested(root.index)
                    }
                }
            }
        }
    }
}
