// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials.h"

#include <sodium.h>

namespace Pudding::Server::Credentials {

namespace {
constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19 * 1024 * 1024;
constexpr int kTokenBytes = 32;
} // namespace

bool initialize()
{
    return sodium_init() >= 0;
}

QByteArray hashPassword(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), kOpsLimit, kMemLimit) != 0)
        return {};
    return QByteArray(out);
}

bool verifyPassword(const QByteArray &hash, const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(hash.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

bool needsRehash(const QByteArray &hash)
{
    return crypto_pwhash_str_needs_rehash(hash.constData(), kOpsLimit, kMemLimit) != 0;
}

void verifyAgainstDummy(const QString &password)
{
    static const QByteArray dummy = hashPassword(QStringLiteral("pudding-dummy-password"));
    (void)verifyPassword(dummy, password);
}

QByteArray newToken()
{
    QByteArray raw(kTokenBytes, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    QByteArray token = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(raw.data(), size_t(raw.size()));
    return token;
}

QByteArray tokenHash(const QByteArray &token)
{
    QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(out.data()),
        reinterpret_cast<const unsigned char *>(token.constData()), quint64(token.size()));
    return out;
}

bool looksLikeToken(const QByteArray &token)
{
    if (token.size() != 43)
        return false;
    for (const char c : token) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace Pudding::Server::Credentials
