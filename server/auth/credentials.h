// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// Password hashing and session tokens, all from libsodium: nothing here is hand-rolled.
namespace Pudding::Server::Credentials {

/// Must be called once before anything else (sodium_init).
bool initialize();

/// argon2id via crypto_pwhash_str with OWASP's minimum (m = 19 MiB, t = 2, p = 1).
/// Slow on purpose (~15 ms): call it off the event loop. Empty on failure.
[[nodiscard]] QByteArray hashPassword(const QString &password);
[[nodiscard]] bool verifyPassword(const QByteArray &hash, const QString &password);
/// True when the stored hash was made with other parameters than today's.
[[nodiscard]] bool needsRehash(const QByteArray &hash);
/// Burns the same time as a real verification, for unknown accounts (no timing oracle).
void verifyAgainstDummy(const QString &password);

/// A new opaque token: 256 random bits, base64url without padding (43 characters).
[[nodiscard]] QByteArray newToken();
/// SHA-256 of the token: what the database stores.
[[nodiscard]] QByteArray tokenHash(const QByteArray &token);
/// Rejects anything that cannot be one of our tokens before any lookup.
[[nodiscard]] bool looksLikeToken(const QByteArray &token);

} // namespace Pudding::Server::Credentials
