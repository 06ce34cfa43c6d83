// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick
import PuddingGabel

// Dates and times in the user's locale, without seconds. Every function reads `locale`, which
// follows the language chosen in the settings, so a binding that formats a date is evaluated
// again when the language changes at run time (Qt.locale() alone would not tell it to).
QtObject {
    readonly property var locale: Qt.locale(AppSettings.effectiveLanguage === "de" ? "de_DE" : "en_GB")

    function time(d: date): string {
        return d.toLocaleTimeString(locale, locale.timeFormat(Locale.ShortFormat).replace(":ss", ""));
    }
    function dateTime(d: date): string {
        return d.toLocaleDateString(locale, "ddd d MMM yyyy") + ", " + time(d);
    }
    function longDateTime(d: date): string {
        return d.toLocaleDateString(locale, Locale.LongFormat) + ", " + time(d);
    }
    function number(value: real, decimals: int): string {
        return Number(value).toLocaleString(locale, "f", decimals);
    }
}
