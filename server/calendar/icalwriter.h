// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringView>

namespace Pudding::Server::ICal {

/// The one time zone every meetup is in (they all lie in Germany).
inline constexpr auto BerlinTzid = "Europe/Berlin";

/// RFC 5545 3.3.11: a TEXT value with \ ; , escaped and every line break (CRLF, CR, LF) as \n.
/// Other control characters are not allowed in TEXT and are dropped; TAB is kept.
[[nodiscard]] QByteArray escapeText(QStringView text);

/// RFC 5545 3.1: one content line (without its line break) folded so that no physical line is
/// longer than 75 octets, each followed by CRLF; continuation lines start with one space. A
/// fold never falls inside a UTF-8 sequence (it moves back to the sequence's first octet).
[[nodiscard]] QByteArray foldLine(QByteArrayView line);

/// 20260715T180000Z
[[nodiscard]] QByteArray utcDateTime(const QDateTime &time);
/// Whether the instant falls in Berlin's summer time by the rule of berlinTimeZone().
[[nodiscard]] bool isBerlinSummerTime(const QDateTime &time);
/// The wall-clock time in Europe/Berlin, 20260715T200000 (for DTSTART;TZID=Europe/Berlin),
/// computed with the rule of berlinTimeZone() (which tst_calendar checks against the zone data).
[[nodiscard]] QByteArray berlinDateTime(const QDateTime &time);

/// The VTIMEZONE of Europe/Berlin with the rules in force since 1996 (CEST from the last
/// Sunday of March 02:00 to the last Sunday of October 03:00), folded, CRLF.
[[nodiscard]] QByteArray berlinTimeZone();

/// Builds an iCalendar object line by line: every line folded and CRLF-terminated.
class Writer
{
public:
    void begin(QByteArrayView component);
    void end(QByteArrayView component);
    /// NAME[;params]:value, the value taken as is (already in its RFC 5545 form).
    void raw(QByteArrayView nameAndParameters, QByteArrayView value);
    /// NAME:escaped text.
    void text(QByteArrayView name, QStringView value);
    void utc(QByteArrayView name, const QDateTime &time);
    /// NAME;TZID=Europe/Berlin:local time.
    void berlin(QByteArrayView name, const QDateTime &time);
    /// Lines that are already complete (the VTIMEZONE).
    void appendLines(QByteArrayView lines);

    [[nodiscard]] const QByteArray &data() const { return m_data; }

private:
    QByteArray m_data;
};

} // namespace Pudding::Server::ICal
