// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>

/// Constants of the wire protocol shared by the server and the desktop app.
namespace Pudding::Protocol {

using namespace Qt::StringLiterals;

/// Stable error codes of the JSON error shape {"error":{"code","message"}} and of the socket's
/// error frames: every code the server sends is defined here, once. The server maps each to its
/// HTTP status in one function (server/http/httpresponse.h httpStatusFor).
namespace ErrorCode {
inline constexpr auto ValidationFailed = "validation_failed"_L1;
inline constexpr auto BadRequest = "bad_request"_L1; ///< an unreadable request line or header
inline constexpr auto MalformedJson = "malformed_json"_L1;
inline constexpr auto MalformedMultipart = "malformed_multipart"_L1;
inline constexpr auto Unauthorized = "unauthorized"_L1;
inline constexpr auto InvalidCredentials = "invalid_credentials"_L1;
inline constexpr auto Forbidden = "forbidden"_L1;
inline constexpr auto NotFound = "not_found"_L1;
inline constexpr auto MethodNotAllowed = "method_not_allowed"_L1;
inline constexpr auto Conflict = "conflict"_L1;
inline constexpr auto EmailTaken = "email_taken"_L1;
inline constexpr auto PayloadTooLarge = "payload_too_large"_L1;
inline constexpr auto UnsupportedMediaType = "unsupported_media_type"_L1;
inline constexpr auto RateLimited = "rate_limited"_L1;
inline constexpr auto HeadersTooLarge = "headers_too_large"_L1;
inline constexpr auto LengthRequired = "length_required"_L1;
inline constexpr auto RequestTimeout = "request_timeout"_L1;
inline constexpr auto Internal = "internal_error"_L1;
inline constexpr auto Unavailable = "unavailable"_L1;
/// The photo's file size was fine but its pixel dimensions are not (422: shrinking the file
/// would not help, the image has to be scaled down).
inline constexpr auto ImageTooLarge = "image_too_large"_L1;
/// Approving one more attendee would exceed the meetup's limit (409).
inline constexpr auto EventFull = "event_full"_L1;
/// The organizer declined this user's request: they may ask again only once it is lifted (409).
inline constexpr auto Rejected = "rejected"_L1;
/// A mailed account token (password reset, address confirmation) that is unknown, used or
/// expired (400, field "token").
inline constexpr auto InvalidToken = "invalid_token"_L1;
// Socket error frames only.
inline constexpr auto UnknownType = "unknown_type"_L1;
inline constexpr auto MalformedFrame = "malformed_frame"_L1;
inline constexpr auto NotJoined = "not_joined"_L1;
// Produced by the desktop app itself, never sent by the server.
/// The request never got an HTTP answer (no connection, timeout before the status line).
inline constexpr auto Network = "network"_L1;
/// A photo file the app could not open.
inline constexpr auto PhotoUnreadable = "photo_unreadable"_L1;
} // namespace ErrorCode

/// Limits both sides enforce. Text limits count characters (Unicode code points, as PostgreSQL's
/// char_length does), so a limit holds alike for 1-, 2-, 3- and 4-byte UTF-8.
namespace Limits {
inline constexpr int TitleMin = 3;
inline constexpr int TitleMax = 120;
inline constexpr int DescriptionMax = 5000;
inline constexpr int CityMax = 80;
inline constexpr int StateMax = 40;
inline constexpr int VenueMax = 200;
inline constexpr int PuddingNameMax = 80;
inline constexpr int PuddingDescriptionMax = 500;
inline constexpr int DecisionNoteMax = 500;
inline constexpr int NameMin = 1;
inline constexpr int NameMax = 80;
inline constexpr int PasswordMin = 10;
inline constexpr int PasswordMax = 1024;
inline constexpr int EmailMax = 254;
inline constexpr int AttendeeLimitMin = 1;
inline constexpr int AttendeeLimitMax = 10000;
/// A waitlist offer's window in minutes (events.offer_window_minutes; none: automatic).
inline constexpr int OfferWindowMin = 15;
inline constexpr int OfferWindowMax = 10080;
inline constexpr int PageSizeDefault = 50;
inline constexpr int PageSizeMax = 100;
inline constexpr double RadiusMaxMetres = 1000000.0;
inline constexpr qint64 EventMaxDurationSecs = 14 * 24 * 3600;
} // namespace Limits

/// Header used by the client to identify itself in server logs.
inline constexpr auto UserAgentPrefix = "PuddingGabel/"_L1;

} // namespace Pudding::Protocol
