// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "user.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace Pudding {

/// PENDING → APPROVED | REJECTED; WAITLISTED → PENDING (promotion); any → LEFT by the attendee.
enum class AttendanceStatus { Pending, Approved, Rejected, Waitlisted, Left };

[[nodiscard]] QString toString(AttendanceStatus status);
[[nodiscard]] std::optional<AttendanceStatus> attendanceStatusFromString(QStringView text);
/// Whether an organizer may move a request from `from` to `to`.
[[nodiscard]] bool isOrganizerTransitionAllowed(AttendanceStatus from, AttendanceStatus to);

/// A request to join an event, with the pudding the attendee will bring.
struct Attendance
{
    qint64 id = 0;
    qint64 eventId = 0;
    UserRef user;
    AttendanceStatus status = AttendanceStatus::Pending;
    QString puddingName;
    QString puddingDescription;
    qint64 photoId = 0;
    int waitlistPosition = 0; ///< 1-based while WAITLISTED, else 0
    QString note; ///< the organizer's note on the decision
    QDateTime createdAt;
    QDateTime updatedAt;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Attendance fromJson(const QJsonObject &json);
};

namespace Validation {
/// puddingName 1–80 characters, puddingDescription at most 500.
[[nodiscard]] FieldErrors validateJoinRequest(
    const QString &puddingName, const QString &puddingDescription);
} // namespace Validation

} // namespace Pudding
