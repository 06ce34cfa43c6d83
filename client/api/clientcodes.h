// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/chat.h"
#include "shared/protocol.h"

namespace Pudding::Client {

/// Error codes and reasons the client compares with or produces that shared/ does not define
/// (yet): the one place for them, next to Protocol::ErrorCode and Chat::ErrorCode.
namespace LocalCode {
using namespace Qt::StringLiterals;
/// The server's code for a join request to a meetup without places left (HTTP 409).
inline constexpr auto EventFull = "event_full"_L1;
/// The request never got an HTTP answer (ApiCall::isNetworkFailure()).
inline constexpr auto Network = "network"_L1;
/// A photo file the app could not open.
inline constexpr auto PhotoUnreadable = "photo_unreadable"_L1;
/// The reason of a "left" frame when the organizer removed the user from the meetup.
inline constexpr auto LeftRemoved = "removed"_L1;
} // namespace LocalCode

} // namespace Pudding::Client
