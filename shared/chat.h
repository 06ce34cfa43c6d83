// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "user.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLatin1StringView>

/// The live chat and notification protocol on `/ws` (JSON text frames {"type": …}), shared by
/// the server, the desktop app and the load tool. See docs/chat-protocol.md for the prose.
namespace Pudding {

using namespace Qt::StringLiterals;

/// One stored chat message. Ids increase per event (and globally).
struct ChatMessage
{
    qint64 id = 0;
    qint64 eventId = 0;
    UserRef user;
    QString content;
    qint64 photoId = 0; ///< 0: none
    QString clientMsgId;
    QDateTime createdAt;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static ChatMessage fromJson(const QJsonObject &json);
};

namespace Chat {

/// The WebSocket path on the HTTP port.
inline constexpr auto Path = "/ws"_L1;

/// Frame types, client → server.
namespace ClientFrame {
inline constexpr auto Auth = "auth"_L1; ///< {token}
inline constexpr auto JoinEvent = "join_event"_L1; ///< {eventId, afterId?, ref?}
inline constexpr auto LeaveEvent = "leave_event"_L1; ///< {eventId, ref?}
inline constexpr auto SendMessage
    = "send_message"_L1; ///< {eventId, content, clientMsgId, photoId?}
inline constexpr auto Typing = "typing"_L1; ///< {eventId, isTyping}
inline constexpr auto Ping = "ping"_L1; ///< {ref?}
} // namespace ClientFrame

/// Why a "left" frame took the user out of a room when the user did not ask.
namespace LeftReason {
inline constexpr auto Removed = "removed"_L1; ///< the organizer removed the user from the meetup
} // namespace LeftReason

/// Frame types, server → client.
namespace ServerFrame {
inline constexpr auto Ready = "ready"_L1; ///< {user{id,name}} once authenticated
inline constexpr auto Joined = "joined"_L1; ///< {eventId, lastMessageId, ref?} after replay
inline constexpr auto Left = "left"_L1; ///< {eventId, ref?, reason?} (reason: LeftReason)
inline constexpr auto Ack = "ack"_L1; ///< {clientMsgId, message} after COMMIT
inline constexpr auto NewMessage = "new_message"_L1; ///< {message}
inline constexpr auto UserTyping = "user_typing"_L1; ///< {eventId, user, isTyping}
inline constexpr auto Presence = "presence"_L1; ///< {eventId, online:[{id,name}]}
inline constexpr auto Pong = "pong"_L1; ///< {ref?}
/// {code, message, ref?, clientMsgId?, fields?}. For a send, only "unavailable" and
/// "rate_limited" are worth sending again (with the same clientMsgId); any other code is final.
inline constexpr auto Error = "error"_L1;
inline constexpr auto NewJoinRequest = "new_join_request"_L1; ///< {attendance} organizer
inline constexpr auto AttendanceApproved = "attendance_approved"_L1; ///< {attendance}
inline constexpr auto AttendanceRejected = "attendance_rejected"_L1; ///< {attendance}
/// {attendance}: a place is held for the guest (OFFERED, offerExpiresAt), or the offer ended
/// (LEFT after it expired)
inline constexpr auto WaitlistOffer = "waitlist_offer"_L1;
inline constexpr auto EventUpdated = "event_updated"_L1; ///< {event}
inline constexpr auto EventCancelled = "event_cancelled"_L1; ///< {eventId, event}
/// {eventId, version, counter{checkedIn, expected}, guests:[changed guest rows]} to the
/// organizer and the event's door-token sockets after a check-in or an undo (checkin/)
inline constexpr auto CheckinUpdate = "checkin_update"_L1;
} // namespace ServerFrame

/// Close codes besides the standard ones (1009 too big, 1008 policy).
namespace CloseCode {
inline constexpr int Unauthorized = 4401; ///< no, bad, expired or revoked token
inline constexpr int TooSlow = 4408; ///< the client did not read its frames
/// The server lost its notification stream (PostgreSQL restarted): reconnect and resume with
/// afterId. (1012 "service restart" is refused as invalid by Qt 6.4's WebSocket client.)
inline constexpr int Resume = 4012;
} // namespace CloseCode

inline constexpr int ContentMax = 2000; ///< characters after trimming
inline constexpr int ClientMsgIdMax = 64;
inline constexpr int MaxFrameBytes = 64 * 1024;
inline constexpr int AuthTimeoutMs = 5000;
inline constexpr int TypingExpiryMs = 5000; ///< the server clears "typing" after this
inline constexpr int ReplayPageSize = 500;
inline constexpr int HistoryPageDefault = 50;
inline constexpr int HistoryPageMax = 200;

/// A frame {"type": type, …fields} as compact UTF-8 JSON.
[[nodiscard]] QByteArray frame(QLatin1StringView type, QJsonObject fields = {});
/// An id field of a client frame: a whole number from 1 to 2^53 - 1 (what a JSON number holds
/// exactly), or 0 when it is missing or anything else.
[[nodiscard]] qint64 idField(const QJsonObject &frame, QLatin1StringView key);

/// Characters as PostgreSQL's char_length counts them (code points, not UTF-16 units);
/// the same as Validation::characterCount.
[[nodiscard]] qsizetype characterCount(QStringView text);

/// The field errors of a message, by the one text rule (Validation::checkText): content 1–2000
/// characters after trimming, several lines allowed; clientMsgId at most 64 characters, stored
/// as given. Both must be valid Unicode without NUL or other control characters.
[[nodiscard]] FieldErrors validateMessage(
    const QString &trimmedContent, const QString &clientMsgId);

} // namespace Chat
} // namespace Pudding
