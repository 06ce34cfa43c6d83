// SPDX-License-Identifier: GPL-3.0-or-later
// TimePickerField and DurationSpinBox: quarter hours, the locale's time format, typed times
// and durations as people type them.
import QtQuick
import QtQuick.Controls
import QtTest
import PuddingGabel

Item {
    id: root

    width: 600
    height: 500

    Component {
        id: timeComponent

        TimePickerField {
            width: 200
        }
    }
    Component {
        id: durationComponent

        DurationSpinBox {
            width: 200
        }
    }

    TestCase {
        name: "TimePicker"
        when: windowShown

        function createTime(localeName: string, minutes: int): var {
            const field = createTemporaryObject(timeComponent, root,
                                                { locale: Qt.locale(localeName), minutes: minutes });
            verify(field);
            return field;
        }

        function test_quarterHoursInTheLocalesFormat_data() {
            return [
                { tag: "German", locale: "de_DE", minutes: 19 * 60 + 15, text: "19:15" },
                { tag: "US", locale: "en_US", minutes: 19 * 60 + 15, text: "7:15 PM" }
            ];
        }
        function test_quarterHoursInTheLocalesFormat(data) {
            const field = createTime(data.locale, data.minutes);
            compare(field.count, 96);
            compare(field.editText, data.text);
            compare(field.currentIndex, data.minutes / 15);
            compare(field.textAt(1), field.format(15));
        }

        function test_typing_data() {
            return [
                { tag: "hours", locale: "de_DE", text: "19", minutes: 19 * 60 },
                { tag: "colon", locale: "de_DE", text: "19:30", minutes: 19 * 60 + 30 },
                { tag: "dot and Uhr", locale: "de_DE", text: "19.30 Uhr", minutes: 19 * 60 + 30 },
                { tag: "run together", locale: "de_DE", text: "1945", minutes: 19 * 60 + 45 },
                { tag: "three digits", locale: "de_DE", text: "930", minutes: 9 * 60 + 30 },
                { tag: "7pm", locale: "en_GB", text: "7pm", minutes: 19 * 60 },
                { tag: "7:30 pm", locale: "en_GB", text: "7:30 pm", minutes: 19 * 60 + 30 },
                { tag: "12 am", locale: "en_US", text: "12 AM", minutes: 0 },
                { tag: "12:15 pm", locale: "en_US", text: "12:15 PM", minutes: 12 * 60 + 15 },
                { tag: "to the nearest quarter", locale: "de_DE", text: "18:53", minutes: 19 * 60 },
                { tag: "down to the quarter", locale: "de_DE", text: "18:07", minutes: 18 * 60 }
            ];
        }
        function test_typing(data) {
            const field = createTime(data.locale, 10 * 60);
            const spy = createTemporaryObject(signalSpyComponent, root, { target: field });
            field.forceActiveFocus();
            field.contentItem.selectAll();
            keySequence("Backspace");
            for (const c of data.text)
                keyClick(c);
            keyClick(Qt.Key_Return);
            compare(field.errorText, "");
            compare(field.minutes, data.minutes);
            compare(field.editText, field.format(data.minutes));
            compare(spy.count, 1);
        }

        function test_notATime_data() {
            return [
                { tag: "words", text: "evening" },
                { tag: "25 o'clock", text: "25:00" },
                { tag: "13 pm", text: "13 pm" },
                { tag: "minutes past 59", text: "19:75" }
            ];
        }
        function test_notATime(data) {
            const field = createTime("en_GB", 10 * 60);
            field.editText = data.text;
            verify(!field.commit());
            verify(field.errorText !== "");
            compare(field.minutes, 10 * 60);
        }

        function test_arrowKeysStepAQuarter() {
            const field = createTime("de_DE", 18 * 60);
            field.forceActiveFocus();
            keyClick(Qt.Key_Down);
            compare(field.minutes, 18 * 60 + 15);
            keyClick(Qt.Key_Up);
            keyClick(Qt.Key_Up);
            compare(field.minutes, 17 * 60 + 45);
            compare(field.editText, "17:45");
        }

        function test_durationSteps() {
            const box = createTemporaryObject(durationComponent, root, { value: 120 });
            box.forceActiveFocus();
            keyClick(Qt.Key_Up);
            compare(box.value, 135);
            compare(box.displayText, box.formatMinutes(135));
            keyClick(Qt.Key_Down);
            keyClick(Qt.Key_Down);
            compare(box.value, 105);
            box.value = 15;
            keyClick(Qt.Key_Down);
            compare(box.value, 15); // at least a quarter hour
        }

        function test_durationTyped_data() {
            return [
                { tag: "h:mm", text: "2:30", minutes: 150 },
                { tag: "decimal comma", text: "2,5", minutes: 150 },
                { tag: "hours", text: "3", minutes: 180 },
                { tag: "hours word", text: "3 hours", minutes: 180 },
                { tag: "German words", text: "1 Std. 45 Min.", minutes: 105 },
                { tag: "minutes", text: "90 min", minutes: 90 },
                { tag: "rounded", text: "1:40", minutes: 105 },
                { tag: "at most 14 days", text: "400", minutes: 14 * 24 * 60 }
            ];
        }
        function test_durationTyped(data) {
            const box = createTemporaryObject(durationComponent, root, { value: 60 });
            compare(box.parseMinutes(data.text), data.minutes);
        }

        function test_durationText() {
            const box = createTemporaryObject(durationComponent, root, { value: 60 });
            compare(box.formatMinutes(45), "45 min");
            compare(box.formatMinutes(120), "2 hours");
            compare(box.formatMinutes(60), "1 hour");
            compare(box.formatMinutes(105), "1 h 45 min");
        }
    }

    Component {
        id: signalSpyComponent

        SignalSpy {
            signalName: "edited"
        }
    }
}
