// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

// The password reset inside the sign-in dialog: "email" asks for the mail, "code" takes the
// code from the mail and the new password twice. All requests are asynchronous (AccountManager).
ColumnLayout {
    id: root

    property string step: ""
    readonly property alias emailField: resetEmail
    readonly property alias codeField: code
    readonly property alias newPasswordField: newPassword
    readonly property alias repeatPasswordField: repeatPassword

    signal backRequested()
    signal cancelRequested()

    spacing: 6

    // ---- step 1: the address ----------------------------------------------------------------
    Label {
        Layout.fillWidth: true
        visible: root.step === "email"
        wrapMode: Text.WordWrap
        text: qsTr("Enter the e-mail address of your account. We will send you a code to choose a new password.")
    }
    Label {
        visible: root.step === "email"
        text: qsTr("Email address")
    }
    TextField {
        id: resetEmail

        objectName: "resetEmail"
        visible: root.step === "email"
        Layout.fillWidth: true
        Accessible.name: qsTr("Email address")
        inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
        onAccepted: AccountManager.requestPasswordReset(text)
    }
    FieldError {
        text: AccountManager.fieldErrors.email ?? ""
    }

    // ---- step 2: the code and the new password -------------------------------------------
    Label {
        objectName: "checkYourMail"
        Layout.fillWidth: true
        visible: root.step === "code"
        wrapMode: Text.WordWrap
        font.bold: true
        text: qsTr("Check your mail")
    }
    Label {
        Layout.fillWidth: true
        visible: root.step === "code"
        wrapMode: Text.WordWrap
        text: qsTr("If %1 belongs to an account, we sent a mail to it. Open its link, or enter the code from the mail here. The code is valid for one hour.").arg(AccountManager.resetEmail)
    }
    Label {
        visible: root.step === "code"
        text: qsTr("Code from the mail")
    }
    TextField {
        id: code

        objectName: "resetCode"
        visible: root.step === "code"
        Layout.fillWidth: true
        Accessible.name: qsTr("Code from the mail")
        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        onAccepted: newPassword.forceActiveFocus()
    }
    FieldError {
        text: AccountManager.fieldErrors.token ?? ""
    }
    Label {
        visible: root.step === "code"
        text: qsTr("New password")
    }
    TextField {
        id: newPassword

        objectName: "resetPassword"
        visible: root.step === "code"
        Layout.fillWidth: true
        Accessible.name: qsTr("New password")
        echoMode: TextInput.Password
        placeholderText: qsTr("At least 10 characters")
        onAccepted: repeatPassword.forceActiveFocus()
    }
    FieldError {
        text: AccountManager.fieldErrors.password ?? ""
    }
    Label {
        visible: root.step === "code"
        text: qsTr("Repeat the new password")
    }
    TextField {
        id: repeatPassword

        objectName: "resetPassword2"
        visible: root.step === "code"
        Layout.fillWidth: true
        Accessible.name: qsTr("Repeat the new password")
        echoMode: TextInput.Password
        onAccepted: AccountManager.confirmPasswordReset(code.text, newPassword.text, text)
    }
    FieldError {
        text: AccountManager.fieldErrors.password2 ?? ""
    }

    // The general message, unless the fields above already say what is wrong.
    Label {
        Layout.fillWidth: true
        visible: AccountManager.errorText !== ""
                 && Object.keys(AccountManager.fieldErrors).length === 0
        text: AccountManager.errorText
        color: "#b3261e"
        wrapMode: Text.WordWrap
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: 8

        Button {
            text: qsTr("Back")
            flat: true
            enabled: !AccountManager.busy
            onClicked: root.backRequested()
        }
        BusySpinner {
            running: AccountManager.busy
            visible: running
            Layout.preferredHeight: 32
            Layout.preferredWidth: 32
        }
        Item {
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Cancel")
            enabled: !AccountManager.busy
            onClicked: root.cancelRequested()
        }
        Button {
            objectName: "resetSubmit"
            text: root.step === "email" ? qsTr("Send code") : qsTr("Save the new password")
            highlighted: true
            enabled: !AccountManager.busy
            Accessible.name: text
            onClicked: {
                if (root.step === "email")
                    AccountManager.requestPasswordReset(resetEmail.text);
                else
                    AccountManager.confirmPasswordReset(code.text, newPassword.text,
                                                        repeatPassword.text);
            }
        }
    }
}
