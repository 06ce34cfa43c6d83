// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A day, shown and typed the locale's way ("14.12.2026" in German, "12/14/2026" in US
// English, ISO "2026-12-14" everywhere) or picked from a calendar: the button beside the
// text, Alt+Down or F4. Text that is no date keeps the last good date and sets errorText.
TextField {
    id: root

    // Whose way of writing dates (a TextField is no Control and has no locale of its own).
    property var locale: Qt.locale()
    // The chosen day, a Date at local midnight.
    property date selectedDate: new Date()
    // The earliest day the calendar offers; an invalid Date (the default) means any day.
    property date minimumDate: new Date(NaN)
    // Why the typed text was not taken ("" when it was).
    readonly property string errorText: internal.errorText
    readonly property alias popupOpen: popup.visible

    // The user chose a day (typed or picked).
    signal edited()

    // The locale's numeric format with a four-digit year (German "dd.MM.yyyy").
    function displayFormat(): string {
        const f = locale.dateFormat(Locale.ShortFormat);
        return f.indexOf("yyyy") >= 0 ? f : f.replace(/y+/, "yyyy");
    }
    function format(day: date): string {
        return day.toLocaleDateString(locale, displayFormat());
    }
    // The day `text` names, or an invalid Date. Tries the locale's short format with four-
    // and two-digit years and with or without leading zeros, then ISO 8601.
    function parse(input: string): date {
        const text = input.trim();
        const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
        if (iso)
            return internal.checkedDate(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
        const shortFormat = locale.dateFormat(Locale.ShortFormat);
        const bases = [shortFormat.replace(/y+/, "yyyy"), shortFormat.replace(/y+/, "yy")];
        for (const base of bases) {
            for (const f of [base, base.replace(/d+/, "d").replace(/M+/, "M")]) {
                // Parsed as a date; Qt 6.4 gives it as UTC midnight, hence the UTC getters.
                const d = Date.fromLocaleDateString(locale, text, f);
                if (isNaN(d.getTime()))
                    continue;
                let year = d.getUTCFullYear();
                if (f.indexOf("yyyy") < 0 && year < 2000)
                    year += 100; // "26" is 2026, not Qt's 1926
                return internal.checkedDate(year, d.getUTCMonth(), d.getUTCDate());
            }
        }
        return new Date(NaN);
    }
    // Takes the typed text if it is a date; returns whether it was.
    function commit(): bool {
        const d = parse(text);
        if (isNaN(d.getTime())) {
            internal.errorText = qsTr("Not a date: type it like %1 or pick it from the calendar.")
                                     .arg(format(new Date()));
            return false;
        }
        internal.errorText = "";
        const changed = d.getTime() !== selectedDate.getTime();
        selectedDate = d;
        text = format(d);
        if (changed)
            edited();
        return true;
    }
    function openCalendar(): void {
        calendar.cursorDate = isNaN(selectedDate.getTime()) ? new Date() : selectedDate;
        popup.open();
    }

    selectByMouse: true
    rightPadding: calendarButton.width + 4
    placeholderText: format(new Date(2026, 11, 14))
    Accessible.name: qsTr("Date")
    Accessible.description: qsTr("Alt+Down opens a calendar.")

    onSelectedDateChanged: text = format(selectedDate)
    onLocaleChanged: text = format(selectedDate)
    Component.onCompleted: text = format(selectedDate)
    onEditingFinished: commit()
    onTextEdited: internal.errorText = ""
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_F4
                || (event.key === Qt.Key_Down && (event.modifiers & Qt.AltModifier))) {
            openCalendar();
            event.accepted = true;
        }
    }

    QtObject {
        id: internal

        property string errorText: ""

        // A local-midnight Date, or an invalid one for days that do not exist (31 June).
        function checkedDate(year: int, month: int, day: int): date {
            const d = new Date(year, month, day);
            if (d.getFullYear() !== year || d.getMonth() !== month || d.getDate() !== day)
                return new Date(NaN);
            return d;
        }
    }

    ToolButton {
        id: calendarButton

        objectName: "calendarButton"
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        height: parent.height
        width: height
        focusPolicy: Qt.NoFocus
        Accessible.name: qsTr("Open the calendar")
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: Accessible.name
        onClicked: root.openCalendar()

        // A small calendar sheet, drawn so that it is crisp at any scale.
        contentItem: Item {
            Rectangle {
                anchors.centerIn: parent
                width: 16
                height: 15
                radius: 2
                color: "transparent"
                border.width: 1.5
                border.color: root.palette.text
                Rectangle {
                    width: parent.width
                    height: 4
                    color: root.palette.text
                }
            }
        }
    }

    Popup {
        id: popup

        objectName: "calendarPopup"
        y: root.height + 2
        x: Math.max(0, root.width - width)
        margins: 8
        padding: 6
        focus: true
        onOpened: calendar.forceActiveFocus()
        onClosed: root.forceActiveFocus()

        MonthCalendar {
            id: calendar

            objectName: "monthCalendar"
            locale: root.locale
            selectedDate: root.selectedDate
            minimumDate: root.minimumDate
            onPicked: (day) => {
                internal.errorText = "";
                const changed = day.getTime() !== root.selectedDate.getTime();
                root.selectedDate = day;
                popup.close();
                if (changed)
                    root.edited();
            }
        }
    }
}
