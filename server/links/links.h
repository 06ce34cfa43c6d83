// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace Pudding::Server {

class DbSession;

/// The links the server puts into mails: its public base URL, and signed tokens for what a
/// link may do without a session (unsubscribe from a type, "can't come after all").
///
/// A token is `<base64url claims JSON>.<base64url HMAC-SHA-256>` (libsodium), the MAC over the
/// purpose and the claims, keyed with the `links` secret every instance shares
/// (server_secrets, made by migration 0006). A token made for one purpose never verifies for
/// another; "exp" (seconds since the epoch), when present, is checked against the `now` given.
namespace Links {

/// Loads the shared secret (at start-up, before any thread signs); false with the error.
[[nodiscard]] Result<bool> loadKey(DbSession &session);
/// For tests and tools: the key itself (32 bytes).
void setKey(const QByteArray &key);

/// The public base URL without a trailing slash ("https://pudding.example.org"), from
/// --public-url, else http://<listen host>:<port> (set by app at start-up).
void setPublicUrl(const QString &url);
[[nodiscard]] QString publicUrl();
/// publicUrl() + path ("/unsubscribe/…").
[[nodiscard]] QString url(const QString &path);

[[nodiscard]] QString sign(QStringView purpose, const QJsonObject &claims);
/// The claims when the token is genuine, made for `purpose` and not expired at `now`.
[[nodiscard]] std::optional<QJsonObject> verify(
    QStringView purpose, QStringView token, const QDateTime &now);

} // namespace Links

} // namespace Pudding::Server
