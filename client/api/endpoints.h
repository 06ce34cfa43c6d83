// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Every path of pudding-server's REST API the app calls, in one place (relative to the
/// server's base URL; ApiClient adds the base and the token).
namespace Pudding::Client::Endpoints {
using namespace Qt::StringLiterals;

inline QString health()
{
    return u"/health"_s;
}
inline QString login()
{
    return u"/api/auth/login"_s;
}
inline QString registerAccount()
{
    return u"/api/auth/register"_s;
}
inline QString logout()
{
    return u"/api/auth/logout"_s;
}
inline QString me()
{
    return u"/api/auth/me"_s;
}
inline QString passwordReset()
{
    return u"/api/auth/password-reset"_s;
}
inline QString passwordResetConfirm()
{
    return u"/api/auth/password-reset/confirm"_s;
}
inline QString confirmEmail()
{
    return u"/api/auth/confirm-email"_s;
}
inline QString resendConfirmation()
{
    return u"/api/auth/confirm-email/resend"_s;
}
inline QString events()
{
    return u"/api/events"_s;
}
inline QString eventPoints()
{
    return u"/api/events/points"_s;
}
inline QString event(qint64 eventId)
{
    return u"/api/events/%1"_s.arg(eventId);
}
inline QString myAttendances()
{
    return u"/api/attendance/mine"_s;
}
inline QString join(qint64 eventId)
{
    return u"/api/attendance/events/%1/join"_s.arg(eventId);
}
inline QString myAttendance(qint64 eventId)
{
    return u"/api/attendance/events/%1/attendance"_s.arg(eventId);
}
/// POST: accept (`accept` true) or decline the caller's offer of a held place.
inline QString offerAnswer(qint64 eventId, bool accept)
{
    return u"/api/attendance/events/%1/offer/%2"_s.arg(eventId).arg(
        accept ? u"accept"_s : u"decline"_s);
}
/// PUT / DELETE: the person is (no longer) one of the caller's regulars.
inline QString regular(qint64 userId)
{
    return u"/api/regulars/%1"_s.arg(userId);
}
/// "Can't come after all" (an approved guest gives back the place).
inline QString cantCome(qint64 eventId)
{
    return u"/api/attendance/events/%1/cant-come"_s.arg(eventId);
}
/// The signed-in user's reminder offsets.
inline QString reminders()
{
    return u"/api/reminders"_s;
}
inline QString attendances(qint64 eventId)
{
    return u"/api/attendance/events/%1/attendances"_s.arg(eventId);
}
inline QString attendance(qint64 eventId, qint64 attendanceId)
{
    return u"/api/attendance/events/%1/attendances/%2"_s.arg(eventId).arg(attendanceId);
}
inline QString messages(qint64 eventId)
{
    return u"/api/messages/events/%1/messages"_s.arg(eventId);
}
inline QString photos()
{
    return u"/api/photos"_s;
}
inline QString photo(qint64 photoId)
{
    return u"/api/photos/%1"_s.arg(photoId);
}
/// One meetup as an iCalendar file (?lang=de|en).
inline QString eventCalendar(qint64 eventId)
{
    return u"/api/events/%1/calendar.ics"_s.arg(eventId);
}
/// The personal calendar subscription (GET state, POST create/regenerate, DELETE).
inline QString calendarFeed()
{
    return u"/api/calendar/feed"_s;
}
inline QString myTickets()
{
    return u"/api/tickets/mine"_s;
}
inline QString ticket(qint64 ticketId)
{
    return u"/api/tickets/%1"_s.arg(ticketId);
}
inline QString checkinBundle(qint64 eventId)
{
    return u"/api/events/%1/checkin-bundle"_s.arg(eventId);
}
inline QString checkins(qint64 eventId)
{
    return u"/api/events/%1/checkins"_s.arg(eventId);
}
inline QString ticketCheckin(qint64 eventId, qint64 ticketId)
{
    return u"/api/events/%1/tickets/%2/checkin"_s.arg(eventId).arg(ticketId);
}
inline QString doorTokens(qint64 eventId)
{
    return u"/api/events/%1/door-tokens"_s.arg(eventId);
}
inline QString notifications()
{
    return u"/api/notifications"_s;
}
inline QString notificationsRead()
{
    return u"/api/notifications/read"_s;
}
inline QString notificationPreferences()
{
    return u"/api/notifications/preferences"_s;
}
} // namespace Pudding::Client::Endpoints
