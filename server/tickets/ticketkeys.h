// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/ticket.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace Pudding::Server {

class DbSession;

/// A ticket signing key as the database lists it (table ticket_keys): the public half only.
struct TicketPublicKey
{
    QString kid;
    QByteArray publicKey; ///< 32 bytes, Ed25519
    QDateTime createdAt;
    QDateTime retiredAt; ///< invalid while the key is in use
};

/// This instance's ticket signing keys (docs/ADMIN-tickets.md).
///
/// The private keys are files in `<data-dir>/ticket-keys/` (directory 0700, files 0600, one
/// `<kid>.key` each holding the 32-byte Ed25519 seed in base64url); they never leave the
/// server. Every key's public half is registered in the shared table ticket_keys, so with
/// several instances each signs with its own key and every check-in bundle lists them all.
///
/// The active key is the newest (by kid, which starts with its creation time) local key that
/// is not retired in the database. Rotating writes a new key file, which becomes active; a
/// retired kid is never used to sign: signingKey() looks the active kid up on every call and,
/// when an admin has retired it (`pudding-server ticket-keys retire`, from any instance),
/// switches to another local key or makes a new one. Thread-safe.
class TicketKeys
{
public:
    /// A key that may sign now.
    struct SigningKey
    {
        QString kid;
        QByteArray secretKey; ///< libsodium's 64 bytes
    };

    explicit TicketKeys(QString directory);

    /// `<dataDir>/ticket-keys`.
    [[nodiscard]] static QString directoryFor(const QString &dataDir);

    /// Creates the directory if needed, loads the key files, registers every local key in
    /// ticket_keys (INSERT … ON CONFLICT DO NOTHING) and makes a first key when there is no
    /// usable one. Call once at start-up, before signing.
    [[nodiscard]] Result<void> open(DbSession &session);

    /// The key to sign with now (see the class comment); may create and register a new key.
    [[nodiscard]] Result<SigningKey> signingKey(DbSession &session);
    /// claims signed with signingKey(): the QR payload of spec section 2.
    [[nodiscard]] Result<QString> sign(DbSession &session, const Tickets::TicketClaims &claims);

    /// A new local key, registered, active from now on. Returns its kid.
    [[nodiscard]] Result<QString> rotate(DbSession &session);
    /// Marks kid retired in ticket_keys (any instance's key). A retired key signs nothing any
    /// more and is left out of check-in bundles, so tickets printed with it no longer verify
    /// offline. False (no error) when kid was unknown or retired already.
    [[nodiscard]] static Result<bool> retire(DbSession &session, const QString &kid);

    /// The kids of the key files in this instance's directory.
    [[nodiscard]] QStringList localKids() const;
    /// The kid signingKey() used last (empty before open()).
    [[nodiscard]] QString activeKid() const;

    // For helper CHECKIN and the bundle: the public keys of every instance.

    /// Every key of ticket_keys, oldest first, retired ones included.
    [[nodiscard]] static Result<QList<TicketPublicKey>> allKeys(DbSession &session);
    /// The keys a door device may trust: ticket_keys without the retired ones, as
    /// Tickets::verify() takes them (kid → 32-byte public key).
    [[nodiscard]] static Result<QHash<QString, QByteArray>> publicKeys(DbSession &session);

private:
    struct LocalKey
    {
        QByteArray publicKey;
        QByteArray secretKey;
    };

    [[nodiscard]] Result<void> ensureDirectory() const;
    [[nodiscard]] Result<void> loadFilesLocked();
    [[nodiscard]] Result<QString> createLocked(DbSession &session);
    [[nodiscard]] Result<void> registerLocked(
        DbSession &session, const QString &kid, const LocalKey &key);
    [[nodiscard]] Result<SigningKey> chooseLocked(DbSession &session);

    QString m_directory;
    mutable QMutex m_mutex;
    QHash<QString, LocalKey> m_keys;
    QString m_active;
    qint64 m_newestSeenUs = -1; ///< max(created_at) of ticket_keys when the files were read
};

/// What the server says about a scanned QR payload for one event: the offline verdict
/// (signature, event, window) and then what only the database knows (the ticket exists, is
/// the one signed — same event, holder and seed — and is not revoked).
struct PayloadCheck
{
    enum class Outcome {
        Valid,
        Unknown, ///< not a ticket payload, or no such ticket
        Revoked,
        OtherEvent,
        BadSignature, ///< the signature does not verify, or its key is unknown or retired
        Expired,
        NotYetValid,
    };
    Outcome outcome = Outcome::Unknown;
    qint64 ticketId = 0; ///< set when the signature verified
    QString number; ///< the ticket's number, when the ticket was found

    /// The check-in API's reason: "" for Valid, else "unknown", "revoked", "other_event",
    /// "bad_signature", "expired", "not_yet_valid".
    [[nodiscard]] QString reason() const;
};

/// Verifies a payload scanned at `scannedAt` at the door of eventId, online: the signature
/// with `publicKeys` (TicketKeys::publicKeys(), read once per batch), then the tickets row.
/// Runs in the caller's session (and transaction, if one is open). An Error only when the
/// database failed.
[[nodiscard]] Result<PayloadCheck> checkPayload(DbSession &session, QStringView payload,
    qint64 eventId, const QDateTime &scannedAt, const QHash<QString, QByteArray> &publicKeys);
/// The same, reading the public keys itself.
[[nodiscard]] Result<PayloadCheck> checkPayload(
    DbSession &session, QStringView payload, qint64 eventId, const QDateTime &scannedAt);

} // namespace Pudding::Server
