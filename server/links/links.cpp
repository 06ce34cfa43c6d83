// SPDX-License-Identifier: GPL-3.0-or-later
#include "links.h"

#include "db/database.h"

#include <QJsonDocument>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace Pudding::Server::Links {

namespace {
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
QByteArray g_key;
QString g_publicUrl = u"http://127.0.0.1:8080"_s;

QByteArray mac(QStringView purpose, const QByteArray &claims)
{
    QByteArray message = purpose.toUtf8();
    message.append('\0');
    message.append(claims);
    QByteArray out(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char *>(out.data()),
        reinterpret_cast<const unsigned char *>(message.constData()),
        static_cast<unsigned long long>(message.size()),
        reinterpret_cast<const unsigned char *>(g_key.constData()));
    return out;
}

/// Strict base64url: only text that encodes back to itself (one token, one string).
std::optional<QByteArray> decodeStrict(QByteArrayView text)
{
    auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64(kBase64) != text)
        return std::nullopt;
    return decoded.decoded;
}
} // namespace

Result<bool> loadKey(DbSession &session)
{
    auto *q = session.run(u"SELECT secret FROM server_secrets WHERE name = 'links'"_s);
    if (!q)
        return databaseError(session.lastError(), "load link secret");
    if (!q->next())
        return Error { u"internal_error"_s, u"The link secret is missing (migration 0006)."_s, {} };
    setKey(q->value(0).toByteArray());
    q->finish();
    return true;
}

void setKey(const QByteArray &key)
{
    Q_ASSERT(key.size() == crypto_auth_hmacsha256_KEYBYTES);
    g_key = key;
}

void setPublicUrl(const QString &url)
{
    g_publicUrl = url;
    while (g_publicUrl.endsWith(u'/'))
        g_publicUrl.chop(1);
}

QString publicUrl()
{
    return g_publicUrl;
}

QString url(const QString &path)
{
    return g_publicUrl + path;
}

QString sign(QStringView purpose, const QJsonObject &claims)
{
    Q_ASSERT(!g_key.isEmpty());
    const QByteArray body = QJsonDocument(claims).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(body.toBase64(kBase64) + '.' + mac(purpose, body).toBase64(kBase64));
}

std::optional<QJsonObject> verify(QStringView purpose, QStringView token, const QDateTime &now)
{
    if (g_key.isEmpty() || token.size() > 2048)
        return std::nullopt;
    const QByteArray text = token.toLatin1();
    const qsizetype dot = text.indexOf('.');
    if (dot <= 0 || text.indexOf('.', dot + 1) >= 0)
        return std::nullopt;
    const auto body = decodeStrict(QByteArrayView(text).first(dot));
    const auto sig = decodeStrict(QByteArrayView(text).sliced(dot + 1));
    if (!body || !sig || sig->size() != crypto_auth_hmacsha256_BYTES)
        return std::nullopt;
    const QByteArray expected = mac(purpose, *body);
    if (sodium_memcmp(expected.constData(), sig->constData(), size_t(expected.size())) != 0)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject claims = doc.object();
    if (claims.contains("exp"_L1) && now.toSecsSinceEpoch() >= claims.value("exp"_L1).toInteger())
        return std::nullopt;
    return claims;
}

} // namespace Pudding::Server::Links
