// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A time of day in quarter hours, in the locale's format ("19:00", "7:00 PM"): chosen from
// the list, with the arrow keys, or typed ("19", "1930", "19.30 Uhr", "7pm", "7:30 pm").
// Typed times go to the nearest quarter hour; text that is no time keeps the last good
// time and sets errorText.
ComboBox {
    id: root

    // Minutes since midnight, a multiple of 15.
    property int minutes: 18 * 60
    // Why the typed text was not taken ("" when it was).
    readonly property string errorText: internal.errorText

    // The user chose a time (typed or picked).
    signal edited()

    function format(minutesOfDay: int): string {
        const t = new Date(2000, 0, 1, Math.floor(minutesOfDay / 60), minutesOfDay % 60);
        return t.toLocaleTimeString(locale, locale.timeFormat(Locale.ShortFormat).replace(":ss", ""));
    }
    // Minutes since midnight rounded to a quarter hour, or -1 when `input` is no time.
    function parse(input: string): int {
        let text = input.trim().toLowerCase().replace(/\s*(uhr|h|o'clock)\.?$/, "");
        let offset = 0;
        const am = locale.amText.toLowerCase();
        const pm = locale.pmText.toLowerCase();
        const suffix = /\s*(a\.?m?\.?|p\.?m?\.?)$/.exec(text);
        let meridiem = "";
        if (pm !== "" && text.endsWith(pm)) {
            meridiem = "pm";
            text = text.slice(0, -pm.length).trim();
        } else if (am !== "" && text.endsWith(am)) {
            meridiem = "am";
            text = text.slice(0, -am.length).trim();
        } else if (suffix) {
            meridiem = suffix[1].startsWith("p") ? "pm" : "am";
            text = text.slice(0, suffix.index).trim();
        }
        const m = /^(\d{1,2})(?:\s*[:.h]\s*(\d{1,2})|(\d{2}))?$/.exec(text);
        if (!m)
            return -1;
        let hours = Number(m[1]);
        const mins = Number(m[2] ?? m[3] ?? 0);
        if (mins > 59)
            return -1;
        if (meridiem !== "") {
            if (hours < 1 || hours > 12)
                return -1;
            hours = hours % 12 + (meridiem === "pm" ? 12 : 0);
        } else if (hours > 24 || (hours === 24 && mins > 0)) {
            return -1;
        }
        const total = Math.round((hours * 60 + mins) / 15) * 15;
        return total % (24 * 60);
    }
    // Takes the typed text if it is a time; returns whether it was.
    function commit(): bool {
        const value = parse(editText);
        if (value < 0) {
            internal.errorText = qsTr("Not a time: type it like %1 or choose one from the list.")
                                     .arg(format(19 * 60));
            return false;
        }
        internal.errorText = "";
        const changed = value !== minutes;
        minutes = value;
        internal.show();
        if (changed)
            edited();
        return true;
    }

    editable: true
    textRole: "text"
    valueRole: "minutes"
    model: internal.quarters
    Accessible.name: qsTr("Time")

    // Focus given in code (not by Tab or a click) goes on to the text, so typing works.
    onActiveFocusChanged: {
        if (activeFocus && contentItem && !contentItem.activeFocus)
            contentItem.forceActiveFocus();
    }
    onMinutesChanged: internal.show()
    onModelChanged: internal.show()
    Component.onCompleted: internal.show()
    onActivated: (index) => {
        internal.errorText = "";
        const value = internal.quarters[index].minutes;
        if (value !== minutes) {
            minutes = value;
            edited();
        }
    }
    onAccepted: commit()

    Connections {
        target: root.contentItem
        ignoreUnknownSignals: true
        function onEditingFinished(): void {
            root.commit();
        }
        function onTextEdited(): void {
            internal.errorText = "";
        }
    }

    QtObject {
        id: internal

        property string errorText: ""
        // Every quarter hour of a day, labelled in the locale's format.
        readonly property var quarters: {
            const list = [];
            for (let m = 0; m < 24 * 60; m += 15)
                list.push({ minutes: m, text: root.format(m) });
            return list;
        }

        function show(): void {
            root.currentIndex = Math.floor(root.minutes / 15);
            root.editText = root.format(root.minutes);
        }
    }
}
