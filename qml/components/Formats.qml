// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Dates and times in the user's locale, without seconds.
QtObject {
    function time(d: date): string {
        return d.toLocaleTimeString(Qt.locale(), Qt.locale().timeFormat(Locale.ShortFormat).replace(":ss", ""));
    }
    function dateTime(d: date): string {
        return d.toLocaleDateString(Qt.locale(), "ddd d MMM yyyy") + ", " + time(d);
    }
    function longDateTime(d: date): string {
        return d.toLocaleDateString(Qt.locale(), Locale.LongFormat) + ", " + time(d);
    }
}
