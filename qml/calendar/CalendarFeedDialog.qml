// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The personal calendar subscription: make it, show and copy its webcal:// address, make a
// new address (the old one stops working) or stop it.
Dialog {
    id: root

    objectName: "calendarFeedDialog"
    modal: true
    focus: true
    width: 520
    title: qsTr("Calendar subscription")
    standardButtons: Dialog.Close
    onOpened: feed.refresh()

    CalendarFeed {
        id: feed

        objectName: "calendarFeed"
    }

    Connections {
        target: AccountManager
        function onSignedInChanged() {
            if (!AccountManager.signedIn)
                root.close();
        }
    }

    contentItem: ColumnLayout {
        spacing: 10

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Subscribe in your calendar app to see your meetups there: the ones you organize, the ones you were approved for, and your open requests (as tentative). Cancelled meetups stay, marked as cancelled.")
        }
        Label {
            objectName: "feedState"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.bold: true
            text: feed.active
                  ? qsTr("Active since %1.").arg(feed.createdAt.toLocaleString(Qt.locale(AppSettings.effectiveLanguage), Locale.ShortFormat))
                  : qsTr("You have no calendar subscription.")
        }
        RowLayout {
            Layout.fillWidth: true
            visible: feed.webcalUrl !== ""
            TextField {
                id: urlField

                objectName: "feedUrlField"
                Layout.fillWidth: true
                readOnly: true
                selectByMouse: true
                text: feed.webcalUrl
                // The start ("webcal://host/…") says what it is; the token is the rest.
                onTextChanged: cursorPosition = 0
                Accessible.name: qsTr("Subscription address")
            }
            Button {
                objectName: "copyFeedUrlButton"
                text: qsTr("Copy")
                Accessible.name: qsTr("Copy the subscription address")
                onClicked: feed.copyUrl()
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: feed.webcalUrl !== ""
            text: qsTr("Keep this address to yourself: anyone who has it sees your meetups. It is shown only now.")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: feed.active && feed.webcalUrl === ""
            text: qsTr("The address is shown only when it is made. Make a new one to see it again; the old one stops working.")
        }
        Label {
            objectName: "feedError"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: feed.errorText !== ""
            text: feed.errorText
            color: "#b3261e"
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            BusySpinner {
                running: feed.loading
            }
            Button {
                objectName: "stopFeedButton"
                visible: feed.active
                enabled: !feed.loading
                text: qsTr("Stop subscription")
                onClicked: feed.remove()
            }
            Button {
                objectName: "createFeedButton"
                enabled: !feed.loading
                highlighted: true
                text: feed.active ? qsTr("Make a new address") : qsTr("Create subscription")
                onClicked: feed.create(AppSettings.effectiveLanguage)
            }
        }
    }
}
