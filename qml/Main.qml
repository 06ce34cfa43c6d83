// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: root

    width: 1100
    height: 720
    visible: true
    title: qsTr("Pudding Gabel")

    ColumnLayout {
        anchors.centerIn: parent
        spacing: 12

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Pudding Gabel")
            font.pixelSize: 40
            font.bold: true
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Pudding meetups across Germany")
            font.pixelSize: 18
            opacity: 0.7
        }
    }
}
