// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Dialogs

// The dialog FileChooser loads once it knows the dialog can be created.
FileDialog {
    property bool saving: false

    fileMode: saving ? FileDialog.SaveFile : FileDialog.OpenFile
}
