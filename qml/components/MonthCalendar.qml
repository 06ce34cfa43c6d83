// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One month of days to pick a day from, laid out the locale's way (its first day of the week,
// its day and month names). Keyboard: arrows move by a day or a week, Page Up/Down by a
// month, Home/End to the month's first/last day, Enter or Space picks. Days before
// `minimumDate` cannot be picked.
//
// Dates are JavaScript Dates at local midnight. The grid's own `date` role and `clicked(date)`
// are not used: Qt 6.4 converts a QDate to a Date at UTC midnight, which is the day before
// west of Greenwich.
Control {
    id: root

    // The picked day.
    property date selectedDate: new Date()
    // The earliest day that can be picked; an invalid Date (the default) means any day.
    property date minimumDate: new Date(NaN)
    // The day the keyboard is on; the month shown is its month.
    property date cursorDate: selectedDate

    signal picked(date day)

    function sameDay(a: date, b: date): bool {
        return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth()
                && a.getDate() === b.getDate();
    }
    function allowed(day: date): bool {
        if (isNaN(minimumDate.getTime()))
            return true;
        const min = new Date(minimumDate.getFullYear(), minimumDate.getMonth(), minimumDate.getDate());
        return day.getTime() >= min.getTime();
    }
    function moveCursor(days: int, months: int): void {
        const c = cursorDate;
        if (months !== 0) {
            // Same day of the month, or the month's last day (31 Jan + 1 month = 28/29 Feb).
            const lastDay = new Date(c.getFullYear(), c.getMonth() + months + 1, 0).getDate();
            cursorDate = new Date(c.getFullYear(), c.getMonth() + months, Math.min(c.getDate(), lastDay));
        } else {
            cursorDate = new Date(c.getFullYear(), c.getMonth(), c.getDate() + days);
        }
    }
    function pick(day: date): void {
        if (!allowed(day))
            return;
        cursorDate = day;
        picked(day);
    }

    activeFocusOnTab: true
    focusPolicy: Qt.StrongFocus
    padding: 4
    Accessible.role: Accessible.Table
    Accessible.name: grid.title

    Keys.onPressed: (event) => {
        switch (event.key) {
        case Qt.Key_Left:
            moveCursor(-1, 0);
            break;
        case Qt.Key_Right:
            moveCursor(1, 0);
            break;
        case Qt.Key_Up:
            moveCursor(-7, 0);
            break;
        case Qt.Key_Down:
            moveCursor(7, 0);
            break;
        case Qt.Key_PageUp:
            moveCursor(0, -1);
            break;
        case Qt.Key_PageDown:
            moveCursor(0, 1);
            break;
        case Qt.Key_Home:
            cursorDate = new Date(cursorDate.getFullYear(), cursorDate.getMonth(), 1);
            break;
        case Qt.Key_End:
            cursorDate = new Date(cursorDate.getFullYear(), cursorDate.getMonth() + 1, 0);
            break;
        case Qt.Key_Return:
        case Qt.Key_Enter:
        case Qt.Key_Space:
            pick(cursorDate);
            break;
        default:
            return;
        }
        event.accepted = true;
    }

    contentItem: ColumnLayout {
        spacing: 4

        RowLayout {
            Layout.fillWidth: true

            ToolButton {
                objectName: "previousMonthButton"
                text: "‹"
                font.pixelSize: 20
                focusPolicy: Qt.NoFocus
                Accessible.name: qsTr("Previous month")
                onClicked: root.moveCursor(0, -1)
            }
            Label {
                objectName: "monthTitle"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: grid.title
                font.bold: true
            }
            ToolButton {
                objectName: "nextMonthButton"
                text: "›"
                font.pixelSize: 20
                focusPolicy: Qt.NoFocus
                Accessible.name: qsTr("Next month")
                onClicked: root.moveCursor(0, 1)
            }
        }
        DayOfWeekRow {
            Layout.fillWidth: true
            locale: root.locale
            font.pixelSize: 12
        }
        MonthGrid {
            id: grid

            objectName: "monthGrid"
            Layout.fillWidth: true
            locale: root.locale
            month: root.cursorDate.getMonth()
            year: root.cursorDate.getFullYear()
            spacing: 2
            title: root.locale.standaloneMonthName(month) + " " + year

            delegate: AbstractButton {
                id: cell

                required property var model
                readonly property date day: new Date(model.year, model.month, model.day)
                readonly property bool inMonth: model.month === grid.month
                readonly property bool selected: root.sameDay(day, root.selectedDate)
                readonly property bool underCursor: root.sameDay(day, root.cursorDate)

                implicitWidth: 36
                implicitHeight: 30
                focusPolicy: Qt.NoFocus
                enabled: root.allowed(day)
                Accessible.role: Accessible.Button
                Accessible.name: day.toLocaleDateString(root.locale, Locale.LongFormat)
                onClicked: root.pick(day)

                background: Rectangle {
                    radius: 4
                    color: cell.selected ? cell.palette.highlight
                                         : cell.hovered ? Qt.rgba(0.5, 0.5, 0.5, 0.15) : "transparent"
                    border.width: cell.underCursor && root.activeFocus ? 2
                                                                      : cell.model.today ? 1 : 0
                    border.color: cell.underCursor && root.activeFocus ? cell.palette.highlight
                                                                      : cell.palette.mid
                }
                contentItem: Text {
                    text: cell.model.day
                    font: root.font
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    color: cell.selected ? cell.palette.highlightedText : cell.palette.text
                    opacity: !cell.enabled ? 0.3 : cell.inMonth ? 1 : 0.5
                }
            }
        }
    }
}
