// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendance.h"

#include "event.h"
#include "protocol.h"
#include "validation.h"

#include <QCoreApplication>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Pudding {

namespace {
class AttendanceText
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
};
} // namespace

QString toString(AttendanceStatus status)
{
    switch (status) {
    case AttendanceStatus::Pending:
        return u"PENDING"_s;
    case AttendanceStatus::Approved:
        return u"APPROVED"_s;
    case AttendanceStatus::Rejected:
        return u"REJECTED"_s;
    case AttendanceStatus::Waitlisted:
        return u"WAITLISTED"_s;
    case AttendanceStatus::Left:
        return u"LEFT"_s;
    case AttendanceStatus::Offered:
        return u"OFFERED"_s;
    }
    return {};
}

std::optional<AttendanceStatus> attendanceStatusFromString(QStringView text)
{
    for (auto s :
        { AttendanceStatus::Pending, AttendanceStatus::Approved, AttendanceStatus::Rejected,
            AttendanceStatus::Waitlisted, AttendanceStatus::Left, AttendanceStatus::Offered }) {
        if (text.compare(toString(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

bool isOrganizerTransitionAllowed(AttendanceStatus from, AttendanceStatus to)
{
    using S = AttendanceStatus;
    switch (to) {
    case S::Approved:
        return from == S::Pending;
    case S::Rejected:
        return from == S::Pending || from == S::Approved || from == S::Waitlisted
            || from == S::Offered;
    default:
        return false;
    }
}

bool isOfferAnswerable(AttendanceStatus status)
{
    return status == AttendanceStatus::Offered;
}

bool isPreapprovable(AttendanceStatus status)
{
    return status == AttendanceStatus::Waitlisted || status == AttendanceStatus::Offered;
}

QJsonObject Attendance::toJson() const
{
    QJsonObject json { { u"id"_s, id }, { u"eventId"_s, eventId }, { u"user"_s, user.toJson() },
        { u"status"_s, toString(status) }, { u"puddingName"_s, puddingName },
        { u"puddingDescription"_s, puddingDescription }, { u"createdAt"_s, toIsoString(createdAt) },
        { u"updatedAt"_s, toIsoString(updatedAt) } };
    if (photoId > 0)
        json.insert(u"photoId"_s, photoId);
    if (waitlistPosition > 0)
        json.insert(u"waitlistPosition"_s, waitlistPosition);
    if (!note.isEmpty())
        json.insert(u"note"_s, note);
    if (status == AttendanceStatus::Offered && offerExpiresAt.isValid())
        json.insert(u"offerExpiresAt"_s, offerExpiresAt.toMSecsSinceEpoch());
    json.insert(u"holdsPlace"_s, holdsPlace);
    json.insert(u"preapproved"_s, preapproved);
    json.insert(u"regular"_s, regular);
    return json;
}

Attendance Attendance::fromJson(const QJsonObject &json)
{
    Attendance a;
    a.id = json.value("id"_L1).toInteger();
    a.eventId = json.value("eventId"_L1).toInteger();
    a.user = UserRef::fromJson(json.value("user"_L1).toObject());
    a.status = attendanceStatusFromString(json.value("status"_L1).toString())
                   .value_or(AttendanceStatus::Pending);
    a.puddingName = json.value("puddingName"_L1).toString();
    a.puddingDescription = json.value("puddingDescription"_L1).toString();
    a.photoId = json.value("photoId"_L1).toInteger();
    a.waitlistPosition = json.value("waitlistPosition"_L1).toInt();
    a.note = json.value("note"_L1).toString();
    if (const auto expires = json.value("offerExpiresAt"_L1); expires.isDouble())
        a.offerExpiresAt = QDateTime::fromMSecsSinceEpoch(expires.toInteger(), QTimeZone::utc());
    a.holdsPlace = json.value("holdsPlace"_L1).toBool();
    a.preapproved = json.value("preapproved"_L1).toBool();
    a.regular = json.value("regular"_L1).toBool();
    a.createdAt = parseIsoDateTime(json.value("createdAt"_L1).toString()).value_or(QDateTime());
    a.updatedAt = parseIsoDateTime(json.value("updatedAt"_L1).toString()).value_or(QDateTime());
    return a;
}

namespace Validation {
FieldErrors validateJoinRequest(const QString &puddingName, const QString &puddingDescription)
{
    namespace L = Protocol::Limits;
    return checkText(u"puddingName"_s, puddingName, TextKind::SingleLine, 1, L::PuddingNameMax,
               AttendanceText::tr("Name your pudding in 1 to 80 characters."))
        + checkText(u"puddingDescription"_s, puddingDescription, TextKind::MultiLine, 0,
            L::PuddingDescriptionMax, AttendanceText::tr("Describe it in at most 500 characters."));
}
} // namespace Validation

} // namespace Pudding
