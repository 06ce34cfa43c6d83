// SPDX-License-Identifier: GPL-3.0-or-later
#include "icalwriter.h"

#include <QDate>
#include <QTime>

using namespace Qt::StringLiterals;

namespace Pudding::Server::ICal {

namespace {
constexpr qsizetype kMaxOctets = 75;

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
} // namespace

QByteArray escapeText(QStringView text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        switch (c.unicode()) {
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u';':
            out += u"\\;"_s;
            break;
        case u',':
            out += u"\\,"_s;
            break;
        case u'\r':
            if (i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            out += u"\\n"_s;
            break;
        case u'\n':
        case 0x2028: // LINE SEPARATOR and PARAGRAPH SEPARATOR are line breaks to a reader too
        case 0x2029:
            out += u"\\n"_s;
            break;
        case u'\t':
            out += c;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7F)
                break; // CONTROL is not allowed in TEXT (RFC 5545 3.3.11)
            out += c;
        }
    }
    return out.toUtf8();
}

QByteArray foldLine(QByteArrayView line)
{
    QByteArray out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    qsizetype pos = 0;
    bool first = true;
    while (true) {
        // A continuation line's leading space counts against its 75 octets.
        const qsizetype room = first ? kMaxOctets : kMaxOctets - 1;
        if (line.size() - pos <= room) {
            if (!first)
                out += ' ';
            out += line.sliced(pos);
            out += "\r\n";
            return out;
        }
        qsizetype cut = pos + room;
        while (cut > pos && isContinuationByte(line[cut]))
            --cut; // never inside a UTF-8 sequence
        if (cut == pos)
            cut = pos + room; // not UTF-8 at all: cut where the octets say
        if (!first)
            out += ' ';
        out += line.sliced(pos, cut - pos);
        out += "\r\n";
        pos = cut;
        first = false;
    }
}

QByteArray utcDateTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
}

namespace {
QDate lastSunday(int year, int month)
{
    const QDate last(year, month, QDate(year, month, 1).daysInMonth());
    return last.addDays(-(last.dayOfWeek() % 7)); // dayOfWeek: Monday 1 … Sunday 7
}
} // namespace

bool isBerlinSummerTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const int year = utc.date().year();
    return utc >= QDateTime(lastSunday(year, 3), QTime(1, 0), Qt::UTC)
        && utc < QDateTime(lastSunday(year, 10), QTime(1, 0), Qt::UTC);
}

QByteArray berlinDateTime(const QDateTime &time)
{
    // By the very rule of berlinTimeZone(), not the system's zone data: a calendar turns this
    // wall-clock time back into an instant with the VTIMEZONE we send, so both must agree.
    const QDateTime utc = time.toUTC();
    return utc.addSecs(isBerlinSummerTime(utc) ? 7200 : 3600)
        .toString(u"yyyyMMdd'T'HHmmss"_s)
        .toLatin1();
}

QByteArray berlinTimeZone()
{
    // Since 1996 the EU rule: summer time from the last Sunday of March, 01:00 UTC, to the
    // last Sunday of October, 01:00 UTC. Written out rather than generated from the system's
    // zone data (which goes back to 1893); tst_calendar checks it against Python's zoneinfo.
    static const QByteArray lines = [] {
        Writer w;
        w.begin("VTIMEZONE");
        w.raw("TZID", BerlinTzid);
        w.raw("X-LIC-LOCATION", BerlinTzid);
        w.begin("DAYLIGHT");
        w.raw("TZOFFSETFROM", "+0100");
        w.raw("TZOFFSETTO", "+0200");
        w.raw("TZNAME", "CEST");
        w.raw("DTSTART", "19960331T020000");
        w.raw("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        w.end("DAYLIGHT");
        w.begin("STANDARD");
        w.raw("TZOFFSETFROM", "+0200");
        w.raw("TZOFFSETTO", "+0100");
        w.raw("TZNAME", "CET");
        w.raw("DTSTART", "19961027T030000");
        w.raw("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        w.end("STANDARD");
        w.end("VTIMEZONE");
        return w.data();
    }();
    return lines;
}

void Writer::begin(QByteArrayView component)
{
    raw("BEGIN", component);
}

void Writer::end(QByteArrayView component)
{
    raw("END", component);
}

void Writer::raw(QByteArrayView nameAndParameters, QByteArrayView value)
{
    QByteArray line;
    line.reserve(nameAndParameters.size() + 1 + value.size());
    line += nameAndParameters;
    line += ':';
    line += value;
    m_data += foldLine(line);
}

void Writer::text(QByteArrayView name, QStringView value)
{
    raw(name, escapeText(value));
}

void Writer::utc(QByteArrayView name, const QDateTime &time)
{
    raw(name, utcDateTime(time));
}

void Writer::berlin(QByteArrayView name, const QDateTime &time)
{
    QByteArray head(name.data(), name.size());
    head += ";TZID=";
    head += BerlinTzid;
    raw(head, berlinDateTime(time));
}

void Writer::appendLines(QByteArrayView lines)
{
    m_data += lines;
}

} // namespace Pudding::Server::ICal
