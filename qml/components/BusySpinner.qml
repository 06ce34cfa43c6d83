// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// The app's busy indicator: in the scene only while it runs. Use it instead of BusyIndicator.
// Qt 6.4's Fusion style (the default on Linux desktops) keeps a visible BusyIndicator's
// rotation going even when it does not run (it is merely transparent), so one idle spinner
// anywhere on screen repainted the window every frame: ~170 frames a second with nothing
// happening. tst_appidle checks that no spinner is visible without running.
BusyIndicator {
    visible: running
}
