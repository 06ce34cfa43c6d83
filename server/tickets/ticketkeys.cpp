// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketkeys.h"

#include "db/database.h"
#include "shared/protocol.h"
#include "ticketslogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QTimeZone>

#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {

namespace EC = Protocol::ErrorCode;

constexpr auto base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
const QString keySuffix = u".key"_s;

Error internal(const QString &message)
{
    return Error { QString(EC::Internal), message, {} };
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime()
                      : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::utc());
}

bool isValidKid(const QString &kid)
{
    static const QRegularExpression re(u"^[A-Za-z0-9_-]{4,32}$"_s);
    return re.match(kid).hasMatch();
}

/// k<UTC yyyyMMddHHmmsszzz>-<4 random>: sorts by creation time, 23 characters.
QString newKid()
{
    static constexpr char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
    QString kid = u"k"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMddHHmmsszzz"_s) + u'-';
    for (int i = 0; i < 4; ++i)
        kid += QLatin1Char(alphabet[randombytes_uniform(sizeof alphabet - 1)]);
    return kid;
}

bool keyPairFromSeed(const QByteArray &seed, QByteArray *publicKey, QByteArray *secretKey)
{
    if (seed.size() != crypto_sign_SEEDBYTES)
        return false;
    publicKey->resize(crypto_sign_PUBLICKEYBYTES);
    secretKey->resize(crypto_sign_SECRETKEYBYTES);
    return crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(publicKey->data()),
               reinterpret_cast<unsigned char *>(secretKey->data()),
               reinterpret_cast<const unsigned char *>(seed.constData()))
        == 0;
}

/// Writes a new file readable by its owner only, from the first byte on (no chmod after).
bool writePrivateFile(const QString &path, const QByteArray &content, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    qsizetype written = 0;
    while (written < content.size()) {
        const ssize_t n
            = ::write(fd, content.constData() + written, size_t(content.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
    }
    const bool ok = written == content.size() && ::fsync(fd) == 0;
    if (!ok)
        *error = QString::fromLocal8Bit(std::strerror(errno));
    ::close(fd);
    if (!ok)
        ::unlink(native.constData());
    return ok;
}

/// Owner-only permissions on an existing file or directory: tightened, with a warning.
void restrictToOwner(const QString &path, mode_t wanted)
{
    struct stat st
    {
    };
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) != 0 || (st.st_mode & 0077) == 0)
        return;
    qCWarning(lcTickets).noquote() << path << "was readable by others; now owner-only";
    ::chmod(native.constData(), wanted);
}

} // namespace

TicketKeys::TicketKeys(QString directory)
    : m_directory(std::move(directory))
{ }

QString TicketKeys::directoryFor(const QString &dataDir)
{
    return dataDir % u"/ticket-keys"_s;
}

Result<void> TicketKeys::ensureDirectory() const
{
    const QFileInfo info(m_directory);
    if (!info.exists()) {
        if (!QDir().mkpath(info.absolutePath()))
            return internal(u"cannot create "_s % info.absolutePath());
        if (::mkdir(QFile::encodeName(m_directory).constData(), 0700) != 0 && errno != EEXIST)
            return internal(u"cannot create "_s % m_directory % u": "_s
                % QString::fromLocal8Bit(std::strerror(errno)));
    }
    restrictToOwner(m_directory, 0700);
    return {};
}

Result<void> TicketKeys::loadFilesLocked()
{
    const QDir dir(m_directory);
    const QStringList files
        = dir.entryList({ u"*"_s + keySuffix }, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &name : files) {
        const QString kid = name.chopped(keySuffix.size());
        if (!isValidKid(kid) || m_keys.contains(kid))
            continue;
        const QString path = dir.filePath(name);
        restrictToOwner(path, 0600);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return internal(u"cannot read the ticket key "_s % path);
        const auto decoded = QByteArray::fromBase64Encoding(
            file.readAll().trimmed(), base64Options | QByteArray::AbortOnBase64DecodingErrors);
        LocalKey key;
        if (!decoded || !keyPairFromSeed(decoded.decoded, &key.publicKey, &key.secretKey))
            return internal(u"the ticket key "_s % path % u" is damaged"_s);
        m_keys.insert(kid, key);
    }
    return {};
}

Result<void> TicketKeys::registerLocked(DbSession &session, const QString &kid, const LocalKey &key)
{
    auto *q = session.run(u"INSERT INTO ticket_keys(kid, public_key) VALUES (?, ?) "
                          "ON CONFLICT DO NOTHING"_s,
        { kid, key.publicKey });
    if (!q)
        return databaseError(session.lastError(), "ticket key");
    q->finish();
    auto *check = session.run(u"SELECT public_key FROM ticket_keys WHERE kid = ?"_s, { kid });
    if (!check)
        return databaseError(session.lastError(), "ticket key");
    const bool same = check->next() && check->value(0).toByteArray() == key.publicKey;
    check->finish();
    if (!same)
        return internal(u"the ticket key "_s % kid % u" is registered with another public key"_s);
    return {};
}

Result<QString> TicketKeys::createLocked(DbSession &session)
{
    if (const auto dir = ensureDirectory(); !dir)
        return dir.error();
    // The new key must sort after every local one to become the active key.
    QString newest;
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
        newest = std::max(newest, it.key());
    QString kid;
    do
        kid = newKid();
    while (kid <= newest || QFile::exists(m_directory % u'/' % kid % keySuffix));
    QByteArray seed(crypto_sign_SEEDBYTES, '\0');
    randombytes_buf(seed.data(), size_t(seed.size()));
    LocalKey key;
    if (!keyPairFromSeed(seed, &key.publicKey, &key.secretKey))
        return internal(u"cannot make a ticket key"_s);
    QString error;
    const QString path = m_directory % u'/' % kid % keySuffix;
    if (!writePrivateFile(path, seed.toBase64(base64Options) + '\n', &error))
        return internal(u"cannot write "_s % path % u": "_s % error);
    sodium_memzero(seed.data(), size_t(seed.size()));
    if (const auto registered = registerLocked(session, kid, key); !registered)
        return registered.error();
    m_keys.insert(kid, key);
    m_active = kid;
    qCInfo(lcTickets).noquote() << "new ticket signing key" << kid << "in" << m_directory;
    return kid;
}

Result<TicketKeys::SigningKey> TicketKeys::chooseLocked(DbSession &session)
{
    struct Row
    {
        QByteArray publicKey;
        bool retired = false;
    };
    QHash<QString, Row> rows;
    auto *q = session.run(u"SELECT kid, public_key, retired_at IS NOT NULL, "
                          "(extract(epoch from created_at) * 1000000)::bigint "
                          "FROM ticket_keys"_s);
    if (!q)
        return databaseError(session.lastError(), "ticket keys");
    qint64 newestUs = 0;
    while (q->next()) {
        rows.insert(q->value(0).toString(), { q->value(1).toByteArray(), q->value(2).toBool() });
        newestUs = std::max(newestUs, q->value(3).toLongLong());
    }
    q->finish();
    // A key registered since the files were read (pudding-server ticket-keys rotate, or
    // another instance's key): read the directory again, a new file may be ours.
    if (newestUs > m_newestSeenUs) {
        if (const auto loaded = loadFilesLocked(); !loaded)
            return loaded.error();
        m_newestSeenUs = newestUs;
    }
    QStringList kids = m_keys.keys();
    std::sort(kids.begin(), kids.end(), std::greater<>());
    for (const QString &kid : std::as_const(kids)) {
        const LocalKey &key = m_keys[kid];
        const auto row = rows.constFind(kid);
        if (row == rows.cend()) {
            // A key file the database does not know (a new database): register it.
            if (const auto registered = registerLocked(session, kid, key); !registered) {
                qCWarning(lcTickets).noquote() << registered.error().message;
                continue;
            }
        } else if (row->retired) {
            continue;
        } else if (row->publicKey != key.publicKey) {
            qCWarning(lcTickets).noquote()
                << "the ticket key" << kid << "does not match its registered public key";
            continue;
        }
        if (m_active != kid)
            qCInfo(lcTickets).noquote() << "signing tickets with key" << kid;
        m_active = kid;
        return SigningKey { kid, key.secretKey };
    }
    // No usable key (first start, or every local key retired): make one.
    const auto created = createLocked(session);
    if (!created)
        return created.error();
    return SigningKey { created.value(), m_keys.value(created.value()).secretKey };
}

Result<void> TicketKeys::open(DbSession &session)
{
    if (sodium_init() < 0)
        return internal(u"libsodium failed to initialise"_s);
    if (const auto dir = ensureDirectory(); !dir)
        return dir.error();
    const QMutexLocker lock(&m_mutex);
    if (const auto loaded = loadFilesLocked(); !loaded)
        return loaded.error();
    const auto chosen = chooseLocked(session);
    if (!chosen)
        return chosen.error();
    return {};
}

Result<TicketKeys::SigningKey> TicketKeys::signingKey(DbSession &session)
{
    const QMutexLocker lock(&m_mutex);
    return chooseLocked(session);
}

Result<QString> TicketKeys::sign(DbSession &session, const Tickets::TicketClaims &claims)
{
    const auto key = signingKey(session);
    if (!key)
        return key.error();
    QString payload = Tickets::sign(claims, key.value().kid, key.value().secretKey);
    if (payload.isEmpty())
        return internal(u"cannot sign ticket %1"_s.arg(claims.ticketId));
    return payload;
}

Result<QString> TicketKeys::rotate(DbSession &session)
{
    const QMutexLocker lock(&m_mutex);
    if (const auto loaded = loadFilesLocked(); !loaded)
        return loaded.error();
    return createLocked(session);
}

Result<bool> TicketKeys::retire(DbSession &session, const QString &kid)
{
    auto *q = session.run(u"UPDATE ticket_keys SET retired_at = now() WHERE kid = ? AND "
                          "retired_at IS NULL RETURNING kid"_s,
        { kid });
    if (!q)
        return databaseError(session.lastError(), "retire ticket key");
    const bool retired = q->next();
    q->finish();
    if (retired)
        qCInfo(lcTickets).noquote() << "ticket key" << kid << "retired";
    return retired;
}

QStringList TicketKeys::localKids() const
{
    const QMutexLocker lock(&m_mutex);
    QStringList kids = m_keys.keys();
    std::sort(kids.begin(), kids.end());
    return kids;
}

QString TicketKeys::activeKid() const
{
    const QMutexLocker lock(&m_mutex);
    return m_active;
}

Result<QList<TicketPublicKey>> TicketKeys::allKeys(DbSession &session)
{
    auto *q
        = session.run(u"SELECT kid, public_key, (extract(epoch from created_at) * 1000)::bigint, "
                      "(extract(epoch from retired_at) * 1000)::bigint FROM ticket_keys "
                      "ORDER BY created_at, kid"_s);
    if (!q)
        return databaseError(session.lastError(), "ticket keys");
    QList<TicketPublicKey> keys;
    while (q->next())
        keys.append({ q->value(0).toString(), q->value(1).toByteArray(), fromMs(q->value(2)),
            fromMs(q->value(3)) });
    q->finish();
    return keys;
}

Result<QHash<QString, QByteArray>> TicketKeys::publicKeys(DbSession &session)
{
    auto *q = session.run(u"SELECT kid, public_key FROM ticket_keys WHERE retired_at IS NULL"_s);
    if (!q)
        return databaseError(session.lastError(), "ticket keys");
    QHash<QString, QByteArray> keys;
    while (q->next())
        keys.insert(q->value(0).toString(), q->value(1).toByteArray());
    q->finish();
    return keys;
}

QString PayloadCheck::reason() const
{
    switch (outcome) {
    case Outcome::Valid:
        return {};
    case Outcome::Unknown:
        return u"unknown"_s;
    case Outcome::Revoked:
        return u"revoked"_s;
    case Outcome::OtherEvent:
        return u"other_event"_s;
    case Outcome::BadSignature:
        return u"bad_signature"_s;
    case Outcome::Expired:
        return u"expired"_s;
    case Outcome::NotYetValid:
        return u"not_yet_valid"_s;
    }
    return u"unknown"_s;
}

Result<PayloadCheck> checkPayload(DbSession &session, QStringView payload, qint64 eventId,
    const QDateTime &scannedAt, const QHash<QString, QByteArray> &publicKeys)
{
    using O = PayloadCheck::Outcome;
    PayloadCheck check;
    Tickets::SignedTicket ticket;
    switch (Tickets::verify(payload, publicKeys, eventId, scannedAt, &ticket)) {
    case Tickets::Verdict::Malformed:
        check.outcome = O::Unknown;
        return check;
    case Tickets::Verdict::UnknownKey:
    case Tickets::Verdict::BadSignature:
        check.outcome = O::BadSignature;
        return check;
    case Tickets::Verdict::OtherEvent:
        check.outcome = O::OtherEvent;
        break;
    case Tickets::Verdict::NotYetValid:
        check.outcome = O::NotYetValid;
        break;
    case Tickets::Verdict::Expired:
        check.outcome = O::Expired;
        break;
    case Tickets::Verdict::Valid:
        check.outcome = O::Valid;
        break;
    }
    // Signed by one of our keys: the ticket is ours; what the database says comes next.
    check.ticketId = ticket.claims.ticketId;
    auto *q = session.run(u"SELECT event_id, user_id, seed, revoked_at IS NOT NULL, number "
                          "FROM tickets WHERE id = ?"_s,
        { ticket.claims.ticketId });
    if (!q)
        return databaseError(session.lastError(), "ticket check");
    const bool found = q->next();
    const bool same = found && q->value(0).toLongLong() == ticket.claims.eventId
        && q->value(1).toLongLong() == ticket.claims.userId
        && q->value(2).toByteArray() == ticket.claims.seed;
    const bool revoked = found && q->value(3).toBool();
    if (found)
        check.number = q->value(4).toString();
    q->finish();
    if (!same)
        check.outcome = O::Unknown;
    else if (check.outcome == O::Valid && revoked)
        check.outcome = O::Revoked;
    return check;
}

Result<PayloadCheck> checkPayload(
    DbSession &session, QStringView payload, qint64 eventId, const QDateTime &scannedAt)
{
    const auto keys = TicketKeys::publicKeys(session);
    if (!keys)
        return keys.error();
    return checkPayload(session, payload, eventId, scannedAt, keys.value());
}

} // namespace Pudding::Server
