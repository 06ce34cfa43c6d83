// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace Pudding::Bench {

/// One signed-in account of the load tool: the room (event) it chats in, its user id, its
/// bearer token (empty for the peer, which has no authentication).
struct Account
{
    qint64 eventId = 0;
    qint64 userId = 0;
    QByteArray token;
};

/// Accounts grouped by room, as the chat modes use them.
struct Room
{
    qint64 eventId = 0;
    QList<Account> members;
};

/// Reads a fixture file written by bench/data/prepare.sh: one account per line,
/// `eventId<TAB>userId<TAB>token`. Empty on error (the message is in *error).
[[nodiscard]] QList<Account> readFixtures(const QString &path, QString *error);

/// Takes `rooms` rooms of `perRoom` accounts each from the fixtures, in file order.
[[nodiscard]] std::optional<QList<Room>> roomsFromFixtures(
    const QList<Account> &accounts, int rooms, int perRoom, QString *error);

/// A blocking REST client for the set-up phase only (the measured phases never block).
class RestSetup
{
public:
    explicit RestSetup(QUrl base);

    /// Registers a new account; returns its token and fills *userId.
    [[nodiscard]] std::optional<QByteArray> registerUser(
        const QString &email, const QString &name, qint64 *userId);
    /// Creates an event (organizer: token) somewhere in Germany; returns its id.
    [[nodiscard]] std::optional<qint64> createEvent(const QByteArray &token, int index, int limit);
    /// Asks to join with a photo; returns the attendance id.
    [[nodiscard]] std::optional<qint64> join(
        qint64 eventId, const QByteArray &token, const QByteArray &jpeg);
    /// The organizer approves an attendance.
    [[nodiscard]] bool approve(qint64 eventId, qint64 attendanceId, const QByteArray &organizer);

    /// R rooms of P approved attendees each, everything made through the REST API
    /// (accounts named bench-<runId>-…@example.org).
    [[nodiscard]] std::optional<QList<Room>> makeRooms(
        const QString &runId, int rooms, int perRoom);
    /// `count` fresh accounts (for uploads and idle connections).
    [[nodiscard]] std::optional<QList<Account>> makeAccounts(
        const QString &runId, const QString &kind, int count);
    /// `count` fresh events owned by one fresh organizer.
    [[nodiscard]] std::optional<QList<qint64>> makeEvents(const QString &runId, int count);

    [[nodiscard]] QString lastError() const { return m_error; }

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
    };
    Reply call(const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &contentType, const QByteArray &token);

    QUrl m_base;
    QString m_error;
};

/// A small high-entropy JPEG for the joins of the set-up phase.
[[nodiscard]] QByteArray tinyJpeg();

/// multipart/form-data as a browser sends it for the join form.
[[nodiscard]] QByteArray joinMultipart(const QByteArray &boundary, const QByteArray &jpeg);

} // namespace Pudding::Bench
