// SPDX-License-Identifier: GPL-3.0-or-later
// DatePickerField and MonthCalendar: typing in the locale's way, the calendar popup by mouse
// and keyboard, the first day of the week per locale. Run west of Greenwich (TZ is set by
// the test), where a day taken as UTC midnight would be the day before.
import QtQuick
import QtQuick.Controls
import QtTest
import PuddingGabel

Item {
    id: root

    width: 600
    height: 500

    Component {
        id: fieldComponent

        DatePickerField {
            width: 260
        }
    }

    SignalSpy {
        id: editedSpy

        signalName: "edited"
    }

    TestCase {
        name: "DatePicker"
        when: windowShown

        function createField(localeName: string): var {
            const field = createTemporaryObject(fieldComponent, root,
                                                { locale: Qt.locale(localeName),
                                                  selectedDate: new Date(2026, 11, 14) });
            verify(field);
            editedSpy.clear();
            editedSpy.target = field;
            return field;
        }

        function dayString(d: date): string {
            return d.getFullYear() + "-" + (d.getMonth() + 1) + "-" + d.getDate();
        }

        function findChild(item: var, name: string): var {
            if (!item)
                return null;
            if (item.objectName === name)
                return item;
            // Items, and objects such as a Popup (whose content is in its contentItem).
            const children = item.data ?? item.children ?? [];
            for (let i = 0; i < children.length; ++i) {
                const found = findChild(children[i], name);
                if (found)
                    return found;
            }
            if (item.contentItem && item.contentItem !== item)
                return findChild(item.contentItem, name);
            return null;
        }

        function dayCell(calendar: var, day: int, inMonth: bool): var {
            const grid = findChild(calendar, "monthGrid");
            verify(grid);
            const cells = grid.contentItem.children;
            for (let i = 0; i < cells.length; ++i) {
                if (cells[i].model !== undefined && cells[i].model.day === day
                        && cells[i].inMonth === inMonth)
                    return cells[i];
            }
            return null;
        }

        function test_showsTheLocalesFormat_data() {
            return [
                { tag: "German", locale: "de_DE", text: "14.12.2026" },
                { tag: "British", locale: "en_GB", text: "14/12/2026" },
                { tag: "US", locale: "en_US", text: "12/14/2026" }
            ];
        }
        function test_showsTheLocalesFormat(data) {
            const field = createField(data.locale);
            compare(field.text, data.text);
        }

        function test_typing_data() {
            return [
                { tag: "German full", locale: "de_DE", text: "24.12.2026", day: "2026-12-24" },
                { tag: "German short year", locale: "de_DE", text: "24.12.26", day: "2026-12-24" },
                { tag: "German no zeros", locale: "de_DE", text: "4.1.2027", day: "2027-1-4" },
                { tag: "ISO in German", locale: "de_DE", text: "2027-03-01", day: "2027-3-1" },
                { tag: "British", locale: "en_GB", text: "04/01/2027", day: "2027-1-4" },
                { tag: "US", locale: "en_US", text: "1/4/2027", day: "2027-1-4" },
                { tag: "US two-digit year", locale: "en_US", text: "12/24/26", day: "2026-12-24" }
            ];
        }
        function test_typing(data) {
            const field = createField(data.locale);
            field.forceActiveFocus();
            field.selectAll();
            keySequence("Backspace");
            for (const c of data.text)
                keyClick(c);
            keyClick(Qt.Key_Return);
            compare(field.errorText, "");
            compare(dayString(field.selectedDate), data.day);
            compare(field.selectedDate.getHours(), 0);
            compare(editedSpy.count, 1);
            // Shown again the locale's way.
            compare(field.text, field.format(field.selectedDate));
        }

        function test_notADate_data() {
            return [
                { tag: "words", text: "tomorrow" },
                { tag: "31 June", text: "31.06.2027" },
                { tag: "digits run together", text: "14122026" }
            ];
        }
        function test_notADate(data) {
            const field = createField("de_DE");
            field.text = data.text;
            verify(!field.commit());
            verify(field.errorText !== "");
            compare(dayString(field.selectedDate), "2026-12-14"); // the last good day stays
            compare(editedSpy.count, 0);
        }

        function test_calendarPicksADayByMouse() {
            const field = createField("de_DE");
            const button = findChild(field, "calendarButton");
            verify(button);
            mouseClick(button);
            tryCompare(field, "popupOpen", true);
            const calendar = findChild(field, "monthCalendar");
            verify(calendar);
            tryVerify(() => calendar.activeFocus, 2000, "the calendar has the keyboard");
            compare(findChild(calendar, "monthTitle").text, "Dezember 2026");
            const cell = dayCell(calendar, 24, true);
            verify(cell);
            mouseClick(cell);
            tryCompare(field, "popupOpen", false);
            compare(dayString(field.selectedDate), "2026-12-24");
            compare(field.text, "24.12.2026");
            compare(editedSpy.count, 1);
        }

        function test_calendarByKeyboard() {
            const field = createField("en_GB");
            field.forceActiveFocus();
            keyClick(Qt.Key_Down, Qt.AltModifier);
            tryCompare(field, "popupOpen", true);
            const calendar = findChild(field, "monthCalendar");
            tryVerify(() => calendar.activeFocus, 2000, "the calendar has the keyboard");
            keyClick(Qt.Key_Right);               // 15 Dec
            keyClick(Qt.Key_Down);                // 22 Dec
            keyClick(Qt.Key_PageDown);            // 22 Jan
            compare(findChild(calendar, "monthTitle").text, "January 2027");
            keyClick(Qt.Key_Return);
            tryCompare(field, "popupOpen", false);
            compare(dayString(field.selectedDate), "2027-1-22");
            tryVerify(() => field.activeFocus, 2000, "focus back in the field");
            // Esc closes without changing anything.
            keyClick(Qt.Key_F4);
            tryCompare(field, "popupOpen", true);
            keyClick(Qt.Key_Left);
            keyClick(Qt.Key_Escape);
            tryCompare(field, "popupOpen", false);
            compare(dayString(field.selectedDate), "2027-1-22");
        }

        function test_monthEnd() {
            const field = createField("en_GB");
            field.selectedDate = new Date(2027, 0, 31);
            field.openCalendar();
            const calendar = findChild(field, "monthCalendar");
            tryVerify(() => calendar.activeFocus);
            keyClick(Qt.Key_PageDown);
            compare(dayString(calendar.cursorDate), "2027-2-28");
            keyClick(Qt.Key_Escape);
        }

        function test_daysBeforeTheMinimumCannotBePicked() {
            const field = createField("de_DE");
            field.minimumDate = new Date(2026, 11, 10);
            field.openCalendar();
            const calendar = findChild(field, "monthCalendar");
            tryVerify(() => calendar.activeFocus);
            const early = dayCell(calendar, 9, true);
            verify(!early.enabled);
            mouseClick(early);
            compare(dayString(field.selectedDate), "2026-12-14");
            verify(dayCell(calendar, 10, true).enabled);
            keyClick(Qt.Key_Escape);
        }

        function test_weekStartsTheLocalesWay_data() {
            return [
                { tag: "German: Monday", locale: "de_DE", firstDay: 30 },   // Mon 30 Nov
                { tag: "US: Sunday", locale: "en_US", firstDay: 29 }        // Sun 29 Nov
            ];
        }
        function test_weekStartsTheLocalesWay(data) {
            const field = createField(data.locale);
            field.openCalendar();
            const calendar = findChild(field, "monthCalendar");
            tryVerify(() => calendar.activeFocus);
            const grid = findChild(calendar, "monthGrid");
            compare(grid.contentItem.children[0].model.day, data.firstDay);
            keyClick(Qt.Key_Escape);
        }
    }
}
