// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// Until the account's address is confirmed: a reminder with "Resend" and a place to enter the
// code from the confirmation mail.
Rectangle {
    id: root

    property bool entering: false
    property string info: ""

    objectName: "confirmEmailBanner"
    visible: AccountManager.signedIn && !AccountManager.emailConfirmed
    implicitHeight: visible ? column.implicitHeight + 16 : 0
    color: "#e8f1fb"

    Connections {
        target: AccountManager
        function onConfirmationResent() {
            root.info = qsTr("We sent you a new mail.");
        }
        function onEmailConfirmedSuccessfully() {
            root.entering = false;
            codeField.text = "";
        }
        function onSignedOut() {
            root.entering = false;
            root.info = "";
            codeField.text = "";
        }
    }

    ColumnLayout {
        id: column

        anchors.fill: parent
        anchors.margins: 8

        RowLayout {
            Layout.fillWidth: true

            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Confirm your e-mail address: open the link in the mail we sent to %1.")
                        .arg(AccountManager.user.email ?? "")
            }
            Label {
                visible: root.info !== ""
                text: root.info
            }
            Button {
                objectName: "resendConfirmation"
                text: qsTr("Resend")
                enabled: !AccountManager.busy
                onClicked: AccountManager.resendConfirmation()
            }
            Button {
                objectName: "enterConfirmationCode"
                text: qsTr("Enter code")
                visible: !root.entering
                onClicked: {
                    root.entering = true;
                    codeField.forceActiveFocus();
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            visible: root.entering

            TextField {
                id: codeField

                objectName: "confirmationCode"
                Layout.fillWidth: true
                Accessible.name: qsTr("Code from the mail")
                placeholderText: qsTr("Code from the mail")
                onAccepted: AccountManager.confirmEmail(text)
            }
            Button {
                objectName: "confirmEmailButton"
                text: qsTr("Confirm")
                highlighted: true
                enabled: !AccountManager.busy
                onClicked: AccountManager.confirmEmail(codeField.text)
            }
        }
        Label {
            Layout.fillWidth: true
            visible: root.entering && (AccountManager.fieldErrors.token ?? "") !== ""
            text: AccountManager.fieldErrors.token ?? ""
            color: "#b3261e"
            wrapMode: Text.WordWrap
        }
    }
}
