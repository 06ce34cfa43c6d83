// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// Without a keyring the token is kept in memory only, unless the user explicitly opts in.
Rectangle {
    id: root

    visible: AccountManager.signedIn && AccountManager.keychainState === AccountManager.Unavailable
    implicitHeight: visible ? row.implicitHeight + 16 : 0
    color: "#fff6e0"

    RowLayout {
        id: row

        anchors.fill: parent
        anchors.margins: 8

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("No keyring is available: you stay signed in until you quit the app.")
        }
        CheckBox {
            text: qsTr("Remember me in a plain-text file")
            checked: AccountManager.allowPlainTextToken
            onToggled: AccountManager.allowPlainTextToken = checked
        }
    }
}
