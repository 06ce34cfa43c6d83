// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// Shown while the server cannot be reached; the app keeps retrying by itself.
Rectangle {
    id: root

    visible: !ApiClient.reachable
    implicitHeight: visible ? row.implicitHeight + 16 : 0
    color: "#fdecea"

    RowLayout {
        id: row

        anchors.fill: parent
        anchors.margins: 8

        Label {
            Layout.fillWidth: true
            color: "#8a1c12"
            wrapMode: Text.WordWrap
            text: ApiClient.retryInSeconds > 0
                  ? qsTr("The server cannot be reached. Trying again in %n second(s)…", "", ApiClient.retryInSeconds)
                  : qsTr("The server cannot be reached. Trying again…")
        }
        Button {
            text: qsTr("Try now")
            Accessible.name: qsTr("Try to reach the server now")
            onClicked: ApiClient.retryNow()
        }
    }
}
