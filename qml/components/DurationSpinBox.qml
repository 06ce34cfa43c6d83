// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A length of time in quarter hours ("2 hours", "1 h 45 min"): the arrows step by 15
// minutes; typed "2:30", "2,5", "2 h 30 min", "90 min" or "3" (hours) go to the nearest
// quarter hour. `value` is in minutes.
SpinBox {
    id: root

    // "45 min", "2 hours", "1 h 45 min" for a number of minutes.
    function formatMinutes(total: int): string {
        const hours = Math.floor(total / 60);
        const mins = total % 60;
        if (hours === 0)
            return qsTr("%1 min").arg(mins);
        if (mins === 0)
            return qsTr("%n hour(s)", "", hours);
        return qsTr("%1 h %2 min").arg(hours).arg(mins);
    }
    // Minutes rounded to a quarter hour and kept within from..to, or -1 when `input` is no
    // length of time.
    function parseMinutes(input: string): int {
        const text = input.trim().toLowerCase().replace(",", ".");
        let total = -1;
        let m;
        if ((m = /^(\d+):(\d{1,2})$/.exec(text))) {
            total = Number(m[1]) * 60 + Number(m[2]);
        } else if ((m = /^(\d+(?:\.\d+)?)\s*[a-zäöü.]*\s+(\d+)\s*[a-zäöü.]*$/.exec(text))) {
            total = Number(m[1]) * 60 + Number(m[2]); // "1 h 45 min", "1 Std. 45 Min."
        } else if ((m = /^(\d+)\s*(min|minute|minutes|minuten|m)\.?$/.exec(text))) {
            total = Number(m[1]);
        } else if ((m = /^(\d+(?:\.\d+)?)\s*[a-zäöü.]*$/.exec(text))) {
            total = Number(m[1]) * 60; // "2", "2.5", "2 hours", "2 Stunden"
        }
        if (total < 0 || !isFinite(total))
            return -1;
        return Math.max(from, Math.min(to, Math.round(total / 15) * 15));
    }

    from: 15
    to: 14 * 24 * 60
    stepSize: 15
    value: 120
    editable: true
    textFromValue: (value, locale) => formatMinutes(value)
    valueFromText: (text, locale) => {
        const parsed = parseMinutes(text);
        return parsed < 0 ? value : parsed;
    }
    validator: RegularExpressionValidator {
        regularExpression: /[0-9 :.,a-zA-ZäöüÄÖÜ]{0,24}/
    }
    Accessible.name: qsTr("Duration")
}
