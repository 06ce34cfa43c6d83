// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// "+" and "−" buttons (MapView shows them unless showZoomControls is false, and wires them
// to its zoomIn() and zoomOut()).
Column {
    id: root

    property bool canZoomIn: true
    property bool canZoomOut: true

    signal zoomInRequested()
    signal zoomOutRequested()

    spacing: 6

    component ZoomButton: RoundButton {
        id: button

        // Whether the glyph is a plus (else a minus); drawn, so it is crisp at any size.
        required property bool plus
        required property string tip

        implicitWidth: 36
        implicitHeight: 36
        focusPolicy: Qt.TabFocus
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: tip
        Accessible.name: tip

        contentItem: Item {
            Rectangle {
                anchors.centerIn: parent
                width: 14
                height: 2
                radius: 1
                color: button.enabled ? "#37474f" : "#9aa5ab"
            }
            Rectangle {
                anchors.centerIn: parent
                visible: button.plus
                width: 2
                height: 14
                radius: 1
                color: button.enabled ? "#37474f" : "#9aa5ab"
            }
        }
    }

    ZoomButton {
        plus: true
        tip: qsTr("Zoom in")
        enabled: root.canZoomIn
        onClicked: root.zoomInRequested()
    }
    ZoomButton {
        plus: false
        tip: qsTr("Zoom out")
        enabled: root.canZoomOut
        onClicked: root.zoomOutRequested()
    }
}
