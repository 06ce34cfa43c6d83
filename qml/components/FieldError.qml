// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The message under a form field; takes no room while empty.
Label {
    Layout.fillWidth: true
    visible: text !== ""
    color: "#b3261e"
    font.pixelSize: 12
    wrapMode: Text.WordWrap
}
