// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PuddingGabel

Dialog {
    id: root

    property bool registering: false
    /// The password reset: "" (not resetting), "email" (ask for the mail), "code" (enter the
    /// code from the mail and the new password twice).
    property string resetStep: ""
    /// Shown above the sign-in form after a successful reset.
    property string notice: ""

    modal: true
    width: 420
    title: resetStep !== "" ? qsTr("Reset your password")
                            : registering ? qsTr("Create an account") : qsTr("Sign in")
    standardButtons: Dialog.NoButton
    closePolicy: AccountManager.busy ? Popup.NoAutoClose : Popup.CloseOnEscape

    // Every time: the Sign in tab, empty. Nothing of an earlier account or attempt shows.
    function reset(): void {
        registering = false;
        resetStep = "";
        notice = "";
        resetEmailField.text = "";
        codeField.text = "";
        newPasswordField.text = "";
        repeatPasswordField.text = "";
        nameField.text = "";
        emailField.text = "";
        passwordField.text = "";
    }

    onAboutToShow: {
        reset();
        AccountManager.clearErrors();
    }
    onOpened: (registering ? nameField : emailField).forceActiveFocus()

    function submit(): void {
        if (registering)
            AccountManager.registerAccount(nameField.text, emailField.text, passwordField.text);
        else
            AccountManager.signIn(emailField.text, passwordField.text);
    }

    readonly property alias resetEmailField: resetPane.emailField
    readonly property alias codeField: resetPane.codeField
    readonly property alias newPasswordField: resetPane.newPasswordField
    readonly property alias repeatPasswordField: resetPane.repeatPasswordField

    function startReset(): void {
        AccountManager.clearErrors();
        resetEmailField.text = emailField.text;
        resetStep = "email";
        resetEmailField.forceActiveFocus();
    }

    Connections {
        target: AccountManager
        function onSignedInSuccessfully() {
            passwordField.text = "";
            root.close();
        }
        function onPasswordResetRequested() {
            root.resetStep = "code";
            codeField.forceActiveFocus();
        }
        function onPasswordResetDone() {
            root.resetStep = "";
            root.registering = false;
            codeField.text = "";
            newPasswordField.text = "";
            repeatPasswordField.text = "";
            emailField.text = AccountManager.resetEmail;
            passwordField.text = "";
            root.notice = qsTr("Your password was changed. Sign in with the new password.");
            passwordField.forceActiveFocus();
        }
    }

    // One of two pages: signing in (or registering), or the password reset. Not a StackLayout:
    // the dialog is as tall as the page shown.
    contentItem: ColumnLayout {
        spacing: 0

        ColumnLayout {
            id: signInPage

            Layout.fillWidth: true
            visible: root.resetStep === ""
            spacing: 6

            Label {
                objectName: "signInNotice"
                Layout.fillWidth: true
                visible: root.notice !== "" && !root.registering
                text: root.notice
                color: "#1b6e20"
                wrapMode: Text.WordWrap
            }

            TabBar {
                Layout.fillWidth: true
                currentIndex: root.registering ? 1 : 0
                TabButton {
                    text: qsTr("Sign in")
                    onClicked: { root.registering = false; AccountManager.clearErrors(); }
                }
                TabButton {
                    text: qsTr("Register")
                    onClicked: { root.registering = true; AccountManager.clearErrors(); }
                }
            }

            Label {
                visible: root.registering
                text: qsTr("Name")
            }
            TextField {
                id: nameField

                objectName: "signInName"
                visible: root.registering
                Layout.fillWidth: true
                Accessible.name: qsTr("Name")
                placeholderText: qsTr("How others will see you")
                onAccepted: emailField.forceActiveFocus()
            }
            FieldError {
                visible: root.registering
                text: AccountManager.fieldErrors.name ?? ""
            }

            Label {
                text: qsTr("Email address")
            }
            TextField {
                id: emailField

                objectName: "signInEmail"
                Layout.fillWidth: true
                Accessible.name: qsTr("Email address")
                inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                onAccepted: passwordField.forceActiveFocus()
            }
            FieldError {
                text: AccountManager.fieldErrors.email ?? ""
            }

            Label {
                text: qsTr("Password")
            }
            TextField {
                id: passwordField

                Layout.fillWidth: true
                Accessible.name: qsTr("Password")
                echoMode: TextInput.Password
                placeholderText: root.registering ? qsTr("At least 10 characters") : ""
                onAccepted: root.submit()
            }
            FieldError {
                text: AccountManager.fieldErrors.password ?? ""
            }
            Button {
                objectName: "forgotPasswordButton"
                visible: !root.registering
                flat: true
                text: qsTr("Forgot password?")
                enabled: !AccountManager.busy
                onClicked: root.startReset()
            }

            Label {
                Layout.fillWidth: true
                visible: AccountManager.errorText !== ""
                text: AccountManager.errorText
                color: "#b3261e"
                wrapMode: Text.WordWrap
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: 8

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
                    onClicked: root.close()
                }
                Button {
                    text: root.registering ? qsTr("Create account") : qsTr("Sign in")
                    highlighted: true
                    enabled: !AccountManager.busy
                    Accessible.name: text
                    onClicked: root.submit()
                }
            }
        }

        PasswordResetPane {
            id: resetPane

            Layout.fillWidth: true
            visible: root.resetStep !== ""
            step: root.resetStep
            onBackRequested: {
                AccountManager.clearErrors();
                root.resetStep = "";
            }
            onCancelRequested: root.close()
        }
    }
}
