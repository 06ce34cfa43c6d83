// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick
import PuddingGabel

// Dates and times in the user's locale, without seconds. `locale` follows the language chosen
// in the settings. A binding must read it itself to be evaluated again when the language
// changes at run time (a read inside these functions is not seen by a compiled binding), so
// pass it: Formats.dateTime(start, Formats.locale). Without it, the functions use it anyway.
QtObject {
    readonly property var locale: Qt.locale(AppSettings.effectiveLanguage === "de" ? "de_DE" : "en_GB")

    function time(d: date, loc): string {
        const l = loc ?? locale;
        return d.toLocaleTimeString(l, l.timeFormat(Locale.ShortFormat).replace(":ss", ""));
    }
    function dateTime(d: date, loc): string {
        const l = loc ?? locale;
        return d.toLocaleDateString(l, "ddd d MMM yyyy") + ", " + time(d, l);
    }
    function longDateTime(d: date, loc): string {
        const l = loc ?? locale;
        return d.toLocaleDateString(l, Locale.LongFormat) + ", " + time(d, l);
    }
    function number(value: real, decimals: int, loc): string {
        return Number(value).toLocaleString(loc ?? locale, "f", decimals);
    }
}
