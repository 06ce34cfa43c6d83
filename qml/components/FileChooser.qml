// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import PuddingGabel

// A file chooser that cannot take the app down. The platform's own dialog is used where there
// is one (the desktop's chooser through the XDG desktop portal, see main.cpp); otherwise Qt
// Quick draws its own, which needs the QML modules QtQuick.Dialogs.quickimpl and
// Qt.labs.folderlistmodel. Qt 6.4 crashes when that fallback cannot load, so the dialog is
// created through a Loader only after the modules were found, and `errorText` says what is
// missing instead.
Item {
    id: root

    property string title
    property var nameFilters: []
    // A chooser for a file to write (Save), with `suggestedFile` proposed, instead of one to read.
    property bool saving: false
    property url suggestedFile
    // Why the chooser could not be shown ("" if it could).
    property string errorText: ""
    readonly property bool opened: loader.item !== null && loader.item.visible

    signal fileChosen(url file)

    // Only a holder for the dialog: takes no room, not even in a layout.
    visible: false

    // The module the fallback dialog misses, or "" when it can load.
    function missingModule(): string {
        try {
            const probe = Qt.createQmlObject(
                    "import QtQuick\nimport QtQuick.Dialogs.quickimpl\nimport Qt.labs.folderlistmodel\nQtObject {}",
                    root, "FileChooserProbe");
            probe.destroy();
            return "";
        } catch (error) {
            const errors = error.qmlErrors ?? [];
            return errors.length > 0 ? errors[0].message : String(error);
        }
    }

    function open(): void {
        errorText = "";
        const missing = missingModule();
        if (missing !== "") {
            errorText = root.saving
                    ? qsTr("The file chooser cannot be shown (%1). Install the package qml6-module-qt-labs-folderlistmodel.").arg(missing)
                    : qsTr("The file chooser cannot be shown (%1). Install the package qml6-module-qt-labs-folderlistmodel, or drop the file here instead.").arg(missing);
            return;
        }
        loader.active = true;
        if (loader.status !== Loader.Ready || loader.item === null) {
            errorText = root.saving ? qsTr("The file chooser cannot be shown.")
                                    : qsTr("The file chooser cannot be shown. Drop the file here instead.");
            return;
        }
        loader.item.parentWindow = root.Window.window;
        loader.item.title = root.title;
        loader.item.nameFilters = root.nameFilters;
        loader.item.saving = root.saving;
        if (root.saving && root.suggestedFile.toString() !== "")
            loader.item.selectedFile = root.suggestedFile;
        loader.item.open();
    }

    function close(): void {
        if (loader.item !== null)
            loader.item.close();
    }

    Loader {
        id: loader

        active: false
        source: "FileChooserDialog.qml"
    }
    Connections {
        target: loader.item
        function onAccepted(): void {
            root.fileChosen(loader.item.selectedFile);
        }
    }
}
