// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringView>

#include <optional>

/// Tickets as both sides see them: the human ticket number and the signed QR payload that a
/// door device verifies offline (the scheme follows pretix's pretix_sig1).
///
/// Payload: `PG1.<kid>.<base64url(body)>.<base64url(signature)>` (base64url without padding).
/// Body, 56 bytes big-endian: ticketId u64, eventId u64, userId u64, validFrom i64, validUntil
/// i64 (unix seconds), seed 16 bytes. Signature: Ed25519 (libsodium crypto_sign_detached) over
/// `"pudding-ticket-v1" 0x00 kid 0x00 body`, so a signature never verifies for another key id.
namespace Pudding::Tickets {

/// The ticket number's alphabet: no 0 O 1 I L, so a number read aloud or typed is unambiguous.
inline constexpr auto NumberAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr qsizetype NumberLength = 8;
inline constexpr qsizetype BodySize = 56;
inline constexpr qsizetype SeedSize = 16;
inline constexpr qsizetype SignatureSize = 64;
inline constexpr qsizetype PublicKeySize = 32;
inline constexpr qsizetype SecretKeySize = 64; // libsodium's: seed followed by the public key

struct TicketClaims
{
    qint64 ticketId = 0, eventId = 0, userId = 0;
    QDateTime validFrom, validUntil; // whole seconds, UTC
    QByteArray seed; // SeedSize random bytes, stored with the ticket
};

struct SignedTicket
{
    QString kid;
    TicketClaims claims;
    QByteArray signature;
    QByteArray body;
};

/// "ABCD2345" → display "ABCD-2345" (anything that is not 8 characters comes back unchanged).
QString formatNumber(const QString &number);
/// What a person typed → the stored number: accepts lower case, spaces and dashes and returns
/// nothing unless the rest is 8 characters of NumberAlphabet.
std::optional<QString> normalizeNumber(QStringView typed);

/// The 56 signed bytes of the claims (the seed must be SeedSize bytes).
QByteArray encodeBody(const TicketClaims &claims);
/// The payload string, signed with a libsodium secret key of SecretKeySize bytes. Empty when
/// the key, the kid (4–32 of A-Z a-z 0-9 _ -) or the seed has the wrong form.
QString sign(const TicketClaims &claims, const QString &kid, const QByteArray &secretKey64);
/// Syntax only: the parts and the claims, nothing verified. Base64url must be canonical.
std::optional<SignedTicket> parse(QStringView payload);

enum class Verdict { Valid, Malformed, UnknownKey, BadSignature, OtherEvent, NotYetValid, Expired };

/// Offline check: signature with the public key of kid from `publicKeys` (kid → 32 bytes),
/// then event and window (at `at`; validFrom ≤ at ≤ validUntil). Revocation/double entry are
/// the caller's (bundle) business. `out` receives the parsed ticket whenever it parses; its
/// claims are only trustworthy when the verdict is neither Malformed, UnknownKey nor
/// BadSignature.
Verdict verify(QStringView payload, const QHash<QString, QByteArray> &publicKeys,
    qint64 expectedEventId, const QDateTime &at, SignedTicket *out = nullptr);

} // namespace Pudding::Tickets
