// SPDX-License-Identifier: GPL-3.0-or-later
#include "event.h"

#include "protocol.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Pudding {

namespace {
class EventText
{
    Q_DECLARE_TR_FUNCTIONS(EventText)
};
} // namespace

QString toString(EventStatus status)
{
    switch (status) {
    case EventStatus::Upcoming:
        return u"UPCOMING"_s;
    case EventStatus::Ongoing:
        return u"ONGOING"_s;
    case EventStatus::Past:
        return u"PAST"_s;
    case EventStatus::Cancelled:
        return u"CANCELLED"_s;
    }
    return {};
}

std::optional<EventStatus> eventStatusFromString(QStringView text)
{
    for (auto s : { EventStatus::Upcoming, EventStatus::Ongoing, EventStatus::Past,
             EventStatus::Cancelled }) {
        if (text.compare(toString(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

EventStatus eventStatusAt(qint64 nowMs, qint64 startMs, qint64 endMs, bool cancelled)
{
    if (cancelled)
        return EventStatus::Cancelled;
    if (nowMs < startMs)
        return EventStatus::Upcoming;
    if (nowMs < endMs)
        return EventStatus::Ongoing;
    return EventStatus::Past;
}

QString toIsoString(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> parseIsoDateTime(QStringView text)
{
    // Qt's ISO parser accepts a time without an offset as local time; on a server that is
    // a guess, so an explicit offset or Z is required.
    static const QRegularExpression offset(u"(Z|[+-]\\d\\d:?\\d\\d)$"_s);
    if (!offset.match(text).hasMatch())
        return std::nullopt;
    QDateTime dt = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toUTC();
}

QJsonObject Event::toJson() const
{
    QJsonObject json { { u"id"_s, id }, { u"title"_s, title }, { u"description"_s, description },
        { u"location"_s, QJsonObject { { u"lat"_s, location.lat }, { u"lng"_s, location.lng } } },
        { u"city"_s, city }, { u"state"_s, state }, { u"startTime"_s, toIsoString(startTime) },
        { u"endTime"_s, toIsoString(endTime) }, { u"attendeeLimit"_s, attendeeLimit },
        { u"attendeeCount"_s, attendeeCount }, { u"status"_s, toString(status) },
        { u"organizer"_s, organizer.toJson() }, { u"exactLocation"_s, exactLocation } };
    if (!venue.isEmpty())
        json.insert(u"venue"_s, venue);
    if (distance)
        json.insert(u"distance"_s, std::round(*distance * 10) / 10);
    json.insert(u"offerWindowMinutes"_s,
        offerWindowMinutes ? QJsonValue(*offerWindowMinutes) : QJsonValue(QJsonValue::Null));
    return json;
}

Event Event::fromJson(const QJsonObject &json)
{
    Event e;
    e.id = json.value("id"_L1).toInteger();
    e.title = json.value("title"_L1).toString();
    e.description = json.value("description"_L1).toString();
    const auto loc = json.value("location"_L1).toObject();
    e.location = { loc.value("lat"_L1).toDouble(), loc.value("lng"_L1).toDouble() };
    e.city = json.value("city"_L1).toString();
    e.state = json.value("state"_L1).toString();
    e.venue = json.value("venue"_L1).toString();
    e.exactLocation = json.value("exactLocation"_L1).toBool(true);
    e.startTime = parseIsoDateTime(json.value("startTime"_L1).toString()).value_or(QDateTime());
    e.endTime = parseIsoDateTime(json.value("endTime"_L1).toString()).value_or(QDateTime());
    e.attendeeLimit = json.value("attendeeLimit"_L1).toInt();
    e.attendeeCount = json.value("attendeeCount"_L1).toInt();
    e.status
        = eventStatusFromString(json.value("status"_L1).toString()).value_or(EventStatus::Upcoming);
    e.organizer = UserRef::fromJson(json.value("organizer"_L1).toObject());
    if (json.contains("distance"_L1))
        e.distance = json.value("distance"_L1).toDouble();
    if (const auto w = json.value("offerWindowMinutes"_L1); w.isDouble())
        e.offerWindowMinutes = w.toInt();
    return e;
}

Result<EventDraft> EventDraft::fromJson(const QJsonObject &json)
{
    EventDraft draft;
    FieldErrors errors;
    auto readString = [&](QLatin1StringView key, std::optional<QString> &out) {
        const auto v = json.value(key);
        if (v.isUndefined())
            return;
        if (!v.isString())
            errors.append({ key, EventText::tr("Must be a text.") });
        else
            out = v.toString();
    };
    readString("title"_L1, draft.title);
    readString("description"_L1, draft.description);
    readString("city"_L1, draft.city);
    readString("state"_L1, draft.state);
    readString("venue"_L1, draft.venue);

    if (const auto v = json.value("location"_L1); !v.isUndefined()) {
        const auto loc = v.toObject();
        const auto lat = loc.value("lat"_L1);
        const auto lng = loc.value("lng"_L1);
        if (!v.isObject() || !lat.isDouble() || !lng.isDouble())
            errors.append(
                { u"location"_s, EventText::tr("Must be an object with numbers lat and lng.") });
        else
            draft.location = GeoPoint { lat.toDouble(), lng.toDouble() };
    }
    auto readTime = [&](QLatin1StringView key, std::optional<QDateTime> &out) {
        const auto v = json.value(key);
        if (v.isUndefined())
            return;
        const auto parsed = v.isString() ? parseIsoDateTime(v.toString()) : std::nullopt;
        if (!parsed)
            errors.append({ key,
                EventText::tr("Must be an ISO 8601 time with an offset, "
                              "e.g. 2026-12-24T18:00:00Z.") });
        else
            out = *parsed;
    };
    readTime("startTime"_L1, draft.startTime);
    readTime("endTime"_L1, draft.endTime);
    if (const auto v = json.value("attendeeLimit"_L1); !v.isUndefined()) {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != std::floor(d) || d < std::numeric_limits<int>::min()
            || d > std::numeric_limits<int>::max())
            errors.append({ u"attendeeLimit"_s, EventText::tr("Must be a whole number.") });
        else
            draft.attendeeLimit = int(d);
    }
    if (const auto v = json.value("offerWindowMinutes"_L1); !v.isUndefined()) {
        const double d = v.toDouble(-1);
        if (v.isNull())
            draft.offerWindowMinutes = std::optional<int>();
        else if (!v.isDouble() || d != std::floor(d) || d < std::numeric_limits<int>::min()
            || d > std::numeric_limits<int>::max())
            errors.append({ u"offerWindowMinutes"_s,
                EventText::tr("Must be a whole number of minutes or null (automatic).") });
        else
            draft.offerWindowMinutes = std::optional<int>(int(d));
    }
    if (!errors.isEmpty())
        return Error { QString(Protocol::ErrorCode::ValidationFailed),
            EventText::tr("Some fields have the wrong type."), errors };
    return draft;
}

QJsonObject EventDraft::toJson() const
{
    QJsonObject json;
    if (title)
        json.insert(u"title"_s, *title);
    if (description)
        json.insert(u"description"_s, *description);
    if (location)
        json.insert(u"location"_s,
            QJsonObject { { u"lat"_s, location->lat }, { u"lng"_s, location->lng } });
    if (city)
        json.insert(u"city"_s, *city);
    if (state)
        json.insert(u"state"_s, *state);
    if (venue)
        json.insert(u"venue"_s, *venue);
    if (startTime)
        json.insert(u"startTime"_s, toIsoString(*startTime));
    if (endTime)
        json.insert(u"endTime"_s, toIsoString(*endTime));
    if (attendeeLimit)
        json.insert(u"attendeeLimit"_s, *attendeeLimit);
    if (offerWindowMinutes)
        json.insert(u"offerWindowMinutes"_s,
            *offerWindowMinutes ? QJsonValue(**offerWindowMinutes) : QJsonValue(QJsonValue::Null));
    return json;
}

EventDraft EventDraft::mergedOnto(const Event &event) const
{
    EventDraft merged;
    merged.title = title.value_or(event.title);
    merged.description = description.value_or(event.description);
    merged.location = location.value_or(event.location);
    merged.city = city.value_or(event.city);
    merged.state = state.value_or(event.state);
    merged.venue = venue.value_or(event.venue);
    merged.startTime = startTime.value_or(event.startTime);
    merged.endTime = endTime.value_or(event.endTime);
    merged.attendeeLimit = attendeeLimit.value_or(event.attendeeLimit);
    merged.offerWindowMinutes = offerWindowMinutes.value_or(event.offerWindowMinutes);
    return merged;
}

} // namespace Pudding
