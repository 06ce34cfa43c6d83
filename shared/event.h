// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo.h"
#include "result.h"
#include "user.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace Pudding {

enum class EventStatus { Upcoming, Ongoing, Past, Cancelled };

[[nodiscard]] QString toString(EventStatus status);
[[nodiscard]] std::optional<EventStatus> eventStatusFromString(QStringView text);
/// The status follows from the times and the cancellation; it is never stored.
[[nodiscard]] EventStatus eventStatusAt(qint64 nowMs, qint64 startMs, qint64 endMs, bool cancelled);
[[nodiscard]] inline EventStatus eventStatusAt(
    const QDateTime &now, const QDateTime &start, const QDateTime &end, bool cancelled)
{
    return eventStatusAt(
        now.toMSecsSinceEpoch(), start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch(), cancelled);
}

/// A pudding meetup as the API shows it.
struct Event
{
    qint64 id = 0;
    QString title;
    QString description;
    GeoPoint location;
    QString city;
    QString state;
    /// Where exactly ("Clara-Zetkin-Park, Eingang Ost"): like the exact place, only for the
    /// organizer and approved guests; empty otherwise.
    QString venue;
    /// True when `location` is the true place, false when it is the public point about a
    /// kilometre away that everyone else sees.
    bool exactLocation = true;
    QDateTime startTime;
    QDateTime endTime;
    int attendeeLimit = 0;
    int attendeeCount = 0;
    EventStatus status = EventStatus::Upcoming;
    UserRef organizer;
    /// How long a freed place is held for the next in the waitlist, in minutes; nothing:
    /// automatic (12 hours, 2 hours when the meetup is less than a day away).
    std::optional<int> offerWindowMinutes;
    std::optional<double> distance; ///< metres from the search centre, when there was one

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Event fromJson(const QJsonObject &json);
    [[nodiscard]] int placesLeft() const { return std::max(0, attendeeLimit - attendeeCount); }
};

/// The fields a client sends to create or change an event. Every field is optional so the same
/// type serves POST (all required) and PATCH (any subset).
struct EventDraft
{
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<GeoPoint> location;
    std::optional<QString> city;
    std::optional<QString> state;
    std::optional<QString> venue;
    std::optional<QDateTime> startTime;
    std::optional<QDateTime> endTime;
    std::optional<int> attendeeLimit;
    /// Absent: unchanged; present with nothing (JSON null): automatic.
    std::optional<std::optional<int>> offerWindowMinutes;

    /// Reads a JSON body; wrong types are reported per field, unknown fields are ignored.
    [[nodiscard]] static Result<EventDraft> fromJson(const QJsonObject &json);
    [[nodiscard]] QJsonObject toJson() const;
    /// This draft applied on top of an existing event (for PATCH validation).
    [[nodiscard]] EventDraft mergedOnto(const Event &event) const;
};

/// ISO 8601 in UTC with milliseconds, the one format of times on the wire.
[[nodiscard]] QString toIsoString(const QDateTime &dateTime);
/// Accepts ISO 8601 with an offset or Z; a time without an offset is refused (ambiguous).
[[nodiscard]] std::optional<QDateTime> parseIsoDateTime(QStringView text);

} // namespace Pudding
