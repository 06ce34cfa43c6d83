#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an iCalendar file with a real parser (Debian's python3-icalendar) and prints what
tst_calendar asserts, as one JSON object:

  raw        the octets as sent: CRLF only, the longest physical line in octets, physical lines
             that are not valid UTF-8 on their own (a fold inside a sequence), folded lines
  calendar   VERSION, PRODID, METHOD, the calendar's name, the VTIMEZONEs (TZID, observances)
  events     per VEVENT: uid, sequence, dtstamp (UTC), dtstart/dtend as written (TZID, local
             time) and as UTC computed from the file's own VTIMEZONE (dateutil rrules, not the
             system's zone data), summary, description, location, geo, status, url
  vtimezone  with --zone-check FIRST LAST: every hour around each year's transitions of the
             Europe/Berlin VTIMEZONE compared with Python's zoneinfo; the mismatches

Usage: check_ics.py FILE [--zone-check 1997 2037]
"""
import argparse
import bisect
import datetime
import json
import sys
import zoneinfo

import icalendar
from dateutil import rrule

UTC = datetime.timezone.utc
HORIZON = datetime.datetime(2100, 1, 1)


def ical(value):
    """A property's value as written (to_ical gives bytes or str, by type)."""
    out = value.to_ical()
    return out.decode() if isinstance(out, bytes) else out


def raw_facts(data):
    lines = data.split(b"\r\n")
    trailing = lines.pop() if lines else b""
    bad_utf8 = 0
    for line in lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad_utf8 += 1
    return {
        "crlfOnly": b"\n" not in data.replace(b"\r\n", b"") and b"\r" not in data.replace(b"\r\n", b""),
        "endsWithCrlf": data.endswith(b"\r\n") and trailing == b"",
        "maxLineOctets": max((len(line) for line in lines), default=0),
        "linesOver75": sum(1 for line in lines if len(line) > 75),
        "splitUtf8Lines": bad_utf8,
        "foldedLines": sum(1 for line in lines if line.startswith(b" ")),
        "continuationWithTwoSpaces": sum(1 for line in lines if line.startswith(b"  ")),
    }


class Zone:
    """A VTIMEZONE evaluated by its own rules."""

    def __init__(self, component):
        self.tzid = str(component.get("TZID"))
        self.onsets = []  # (onset as wall-clock time, offset_to)
        self.observances = []
        self.sorted = False
        self.keys = []
        self.utc_onsets = []
        for sub in component.subcomponents:
            start = sub.decoded("DTSTART")
            offset_to = sub.decoded("TZOFFSETTO")
            rule = None
            if "RRULE" in sub:
                rule = rrule.rrulestr(ical(sub["RRULE"]), dtstart=start)
            # Every onset up to 2100, sorted: a lookup is then a bisection.
            offset_from = sub.decoded("TZOFFSETFROM")
            for onset in (rule.between(start, HORIZON, inc=True) if rule else [start]):
                self.onsets.append((onset, offset_to))
                # RFC 5545 3.6.5: an onset is wall-clock time of the offset before it.
                self.utc_onsets.append((onset - offset_from, offset_to))
            self.observances.append({
                "kind": sub.name,
                "dtstart": start.isoformat(),
                "rrule": ical(sub["RRULE"]) if "RRULE" in sub else None,
                "offsetFrom": ical(sub["TZOFFSETFROM"]),
                "offsetTo": ical(sub["TZOFFSETTO"]),
                "tzname": str(sub.get("TZNAME", "")),
            })

    def offset_at_local(self, local):
        """The UTC offset in force at a wall-clock time (the latest onset at or before it)."""
        if not self.sorted:
            self.onsets.sort()
            self.keys = [onset for onset, _ in self.onsets]
            self.sorted = True
        i = bisect.bisect_right(self.keys, local)
        return self.onsets[i - 1][1] if i else None

    def offset_at_utc(self, instant):
        """The UTC offset in force at an instant."""
        naive = instant.astimezone(UTC).replace(tzinfo=None)
        best = None
        for onset, offset_to in self.utc_onsets:
            if onset <= naive and (best is None or onset > best[0]):
                best = (onset, offset_to)
        return best[1] if best else None


def when(component, name, zones):
    if name not in component:
        return None
    prop = component[name]
    value = prop.dt
    tzid = prop.params.get("TZID")
    out = {"tzid": str(tzid) if tzid else None, "raw": ical(prop)}
    if isinstance(value, datetime.datetime):
        local = value.replace(tzinfo=None)
        out["local"] = local.isoformat()
        if tzid and str(tzid) in zones:
            offset = zones[str(tzid)].offset_at_local(local)
            out["utc"] = (local - offset).replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")
            out["offsetMinutes"] = int(offset.total_seconds() // 60)
        elif value.tzinfo is not None and value.utcoffset() == datetime.timedelta(0):
            out["utc"] = value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return out


def zone_check(zone, first, last):
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    mismatches = []
    checked = 0
    for year in range(first, last + 1):
        # Every hour of March, October and a summer and a winter week.
        for month, day_from, day_to in ((1, 10, 17), (3, 1, 31), (7, 10, 17), (10, 1, 31)):
            for day in range(day_from, day_to + 1):
                for hour in range(24):
                    instant = datetime.datetime(year, month, day, hour, tzinfo=UTC)
                    expected = instant.astimezone(berlin).utcoffset()
                    got = zone.offset_at_utc(instant)
                    checked += 1
                    if got != expected:
                        mismatches.append("%s: VTIMEZONE %s, zoneinfo %s"
                                          % (instant.isoformat(), got, expected))
    return {"checked": checked, "mismatches": mismatches[:20], "mismatchCount": len(mismatches)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--zone-check", nargs=2, type=int)
    args = parser.parse_args()
    data = open(args.file, "rb").read()
    result = {"raw": raw_facts(data)}
    cal = icalendar.Calendar.from_ical(data.decode("utf-8"))
    zones = {}
    for component in cal.walk("VTIMEZONE"):
        zone = Zone(component)
        zones[zone.tzid] = zone
    result["calendar"] = {
        "version": str(cal.get("VERSION", "")),
        "prodid": str(cal.get("PRODID", "")),
        "method": str(cal.get("METHOD", "")),
        "name": str(cal.get("X-WR-CALNAME", "")),
        "timezones": [{"tzid": z.tzid, "observances": z.observances} for z in zones.values()],
    }
    events = []
    for ev in cal.walk("VEVENT"):
        geo = ev.get("GEO")
        stamp = ev.decoded("DTSTAMP") if "DTSTAMP" in ev else None
        events.append({
            "uid": str(ev.get("UID", "")),
            "sequence": int(ev.get("SEQUENCE", -1)),
            "dtstamp": stamp.astimezone(UTC).isoformat().replace("+00:00", "Z") if stamp else None,
            "dtstampIsUtc": bool(stamp and stamp.utcoffset() == datetime.timedelta(0)),
            "dtstart": when(ev, "DTSTART", zones),
            "dtend": when(ev, "DTEND", zones),
            "summary": str(ev.get("SUMMARY", "")),
            "description": str(ev.get("DESCRIPTION", "")),
            "location": str(ev.get("LOCATION", "")),
            "geo": [geo.latitude, geo.longitude] if geo is not None else None,
            "status": str(ev.get("STATUS", "")),
            "url": str(ev.get("URL", "")),
        })
    result["events"] = events
    if args.zone_check:
        zone = zones.get("Europe/Berlin")
        result["vtimezone"] = zone_check(zone, *args.zone_check) if zone else None
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
