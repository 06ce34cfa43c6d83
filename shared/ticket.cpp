// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticket.h"

#include <QTimeZone>
#include <QtEndian>

#include <sodium.h>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace Pudding::Tickets {

namespace {

constexpr QByteArrayView signingContext = "pudding-ticket-v1";
constexpr QStringView payloadPrefix = u"PG1.";
// PG1. + kid (32) + 3 dots + base64url of 56 and 64 bytes: far below this.
constexpr qsizetype maxPayloadLength = 512;
constexpr auto base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool sodiumReady()
{
    // sodium_init() is thread-safe and idempotent; the static makes it run once.
    static const bool ready = sodium_init() >= 0;
    return ready;
}

bool isValidKid(QStringView kid)
{
    if (kid.size() < 4 || kid.size() > 32)
        return false;
    return std::all_of(kid.begin(), kid.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'_' || u == u'-';
    });
}

QByteArray signedMessage(const QString &kid, const QByteArray &body)
{
    QByteArray message;
    message.reserve(signingContext.size() + kid.size() + body.size() + 2);
    message.append(signingContext);
    message.append('\0');
    message.append(kid.toLatin1());
    message.append('\0');
    message.append(body);
    return message;
}

/// Strict base64url without padding: anything that does not encode back to the same text
/// (padding, stray bits in the last character) is refused, so one ticket has one payload.
std::optional<QByteArray> decodeStrict(QStringView text, qsizetype expectedSize)
{
    const QByteArray ascii = text.toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(
        ascii, base64Options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != expectedSize
        || decoded.decoded.toBase64(base64Options) != ascii)
        return std::nullopt;
    return std::move(decoded.decoded);
}

void putU64(char *at, quint64 v)
{
    qToBigEndian(v, at);
}

quint64 getU64(const char *at)
{
    return qFromBigEndian<quint64>(at);
}

} // namespace

QString formatNumber(const QString &number)
{
    if (number.size() != NumberLength)
        return number;
    return number.left(NumberLength / 2) % u'-' % number.mid(NumberLength / 2);
}

std::optional<QString> normalizeNumber(QStringView typed)
{
    static const QString alphabet = QString::fromLatin1(NumberAlphabet);
    QString out;
    out.reserve(NumberLength);
    for (const QChar c : typed) {
        if (c == u'-' || c.isSpace())
            continue;
        const QChar upper = c.toUpper();
        if (upper.unicode() > 0x7f || !alphabet.contains(upper) || out.size() == NumberLength)
            return std::nullopt;
        out.append(upper);
    }
    if (out.size() != NumberLength)
        return std::nullopt;
    return out;
}

QByteArray encodeBody(const TicketClaims &claims)
{
    QByteArray body(BodySize, '\0');
    char *p = body.data();
    putU64(p, quint64(claims.ticketId));
    putU64(p + 8, quint64(claims.eventId));
    putU64(p + 16, quint64(claims.userId));
    putU64(p + 24, quint64(claims.validFrom.toSecsSinceEpoch()));
    putU64(p + 32, quint64(claims.validUntil.toSecsSinceEpoch()));
    const qsizetype n = std::min(claims.seed.size(), SeedSize);
    std::copy_n(claims.seed.constData(), n, p + 40);
    return body;
}

QString sign(const TicketClaims &claims, const QString &kid, const QByteArray &secretKey64)
{
    if (!sodiumReady() || secretKey64.size() != SecretKeySize || !isValidKid(kid)
        || claims.seed.size() != SeedSize || !claims.validFrom.isValid()
        || !claims.validUntil.isValid())
        return {};
    const QByteArray body = encodeBody(claims);
    const QByteArray message = signedMessage(kid, body);
    std::array<unsigned char, crypto_sign_BYTES> signature {};
    if (crypto_sign_detached(signature.data(), nullptr,
            reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()),
            reinterpret_cast<const unsigned char *>(secretKey64.constData()))
        != 0)
        return {};
    const QByteArray sig(reinterpret_cast<const char *>(signature.data()), SignatureSize);
    return payloadPrefix % kid % u'.' % QString::fromLatin1(body.toBase64(base64Options)) % u'.'
        % QString::fromLatin1(sig.toBase64(base64Options));
}

std::optional<SignedTicket> parse(QStringView payload)
{
    if (payload.size() > maxPayloadLength || !payload.startsWith(payloadPrefix))
        return std::nullopt;
    const QStringView rest = payload.mid(payloadPrefix.size());
    const qsizetype dot1 = rest.indexOf(u'.');
    const qsizetype dot2 = dot1 < 0 ? -1 : rest.indexOf(u'.', dot1 + 1);
    if (dot2 < 0 || rest.indexOf(u'.', dot2 + 1) >= 0)
        return std::nullopt;
    const QStringView kid = rest.left(dot1);
    if (!isValidKid(kid))
        return std::nullopt;
    auto body = decodeStrict(rest.mid(dot1 + 1, dot2 - dot1 - 1), BodySize);
    auto signature = decodeStrict(rest.mid(dot2 + 1), SignatureSize);
    if (!body || !signature)
        return std::nullopt;
    SignedTicket out;
    out.kid = kid.toString();
    const char *p = body->constData();
    out.claims.ticketId = qint64(getU64(p));
    out.claims.eventId = qint64(getU64(p + 8));
    out.claims.userId = qint64(getU64(p + 16));
    out.claims.validFrom = QDateTime::fromSecsSinceEpoch(qint64(getU64(p + 24)), QTimeZone::utc());
    out.claims.validUntil = QDateTime::fromSecsSinceEpoch(qint64(getU64(p + 32)), QTimeZone::utc());
    out.claims.seed = body->mid(40, SeedSize);
    out.body = std::move(*body);
    out.signature = std::move(*signature);
    return out;
}

Verdict verify(QStringView payload, const QHash<QString, QByteArray> &publicKeys,
    qint64 expectedEventId, const QDateTime &at, SignedTicket *out)
{
    auto parsed = parse(payload);
    if (!parsed)
        return Verdict::Malformed;
    if (out)
        *out = *parsed;
    const auto key = publicKeys.constFind(parsed->kid);
    if (key == publicKeys.cend() || key->size() != PublicKeySize || !sodiumReady())
        return Verdict::UnknownKey;
    const QByteArray message = signedMessage(parsed->kid, parsed->body);
    if (crypto_sign_verify_detached(
            reinterpret_cast<const unsigned char *>(parsed->signature.constData()),
            reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()),
            reinterpret_cast<const unsigned char *>(key->constData()))
        != 0)
        return Verdict::BadSignature;
    const TicketClaims &c = parsed->claims;
    if (c.eventId != expectedEventId)
        return Verdict::OtherEvent;
    if (at < c.validFrom)
        return Verdict::NotYetValid;
    if (at > c.validUntil)
        return Verdict::Expired;
    return Verdict::Valid;
}

} // namespace Pudding::Tickets
