// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "user.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace Pudding {

/// PENDING → APPROVED | REJECTED; WAITLISTED → OFFERED when a place frees (the place is held
/// until the offer expires); OFFERED → PENDING holding the place (accepted; APPROVED when the
/// organizer pre-approved) | LEFT (declined or expired); any → LEFT by the attendee.
enum class AttendanceStatus { Pending, Approved, Rejected, Waitlisted, Left, Offered };

[[nodiscard]] QString toString(AttendanceStatus status);
[[nodiscard]] std::optional<AttendanceStatus> attendanceStatusFromString(QStringView text);
/// Whether an organizer may move a request from `from` to `to`.
[[nodiscard]] bool isOrganizerTransitionAllowed(AttendanceStatus from, AttendanceStatus to);
/// Whether the guest may answer (accept or decline) a request in `status`: only an offer.
[[nodiscard]] bool isOfferAnswerable(AttendanceStatus status);
/// Whether the organizer may pre-approve (or take back the pre-approval of) a request in
/// `status`: while it waits, WAITLISTED or OFFERED.
[[nodiscard]] bool isPreapprovable(AttendanceStatus status);

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
    /// While OFFERED: until when the place is held for this guest (UTC); invalid otherwise.
    QDateTime offerExpiresAt;
    /// OFFERED, or PENDING after accepting an offer: a place is held for this request.
    bool holdsPlace = false;
    /// The organizer approved while it waited: accepting the offer approves at once.
    bool preapproved = false;
    /// The guest is one of the organizer's regulars (first in the waitlist).
    bool regular = false;
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
