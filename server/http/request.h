// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace Pudding::Server {

/// The signed-in user behind a request, resolved from its Bearer token.
struct AuthUser
{
    qint64 id = 0;
    QString email;
    QString name;
    QDateTime createdAt;
    QByteArray tokenHash;
    QDateTime tokenExpiresAt; ///< when the session ends by itself
    QString language = QStringLiteral("en"); ///< users.language
    QString timeZone = QStringLiteral("Europe/Berlin"); ///< users.time_zone
    bool emailConfirmed = false; ///< users.email_confirmed_at is set
};

/// What a door token (checkin/) grants: the check-in of one event, until it expires or is
/// revoked. Set on a request sent with "Authorization: Door <token>" to a route that accepts it
/// (Router::Options::door); the handler checks that the event is this one.
struct DoorAccess
{
    qint64 tokenId = 0;
    qint64 eventId = 0;
    QByteArray tokenHash;
    QDateTime expiresAt;
};

/// A request copied out of QHttpServerRequest: Qt 6.4 reuses that object for the next request
/// on the connection, so nothing may keep a reference to it once the handler has returned.
struct Request
{
    using Method = QHttpServerRequest::Method;
    using Methods = QHttpServerRequest::Methods;

    Method method = Method::Unknown;
    /// The path exactly as the client sent it: not percent-decoded, not normalised
    /// (requestPath() of the request target).
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// The TCP peer (never X-Forwarded-For: the server cannot know which proxy to trust).
    QHostAddress remoteAddress;
    /// X-Request-Id as the client sent it when valid, else made by the server (see Reply).
    QByteArray requestId;
    /// Numeric path captures, e.g. the 42 of /api/events/42.
    QList<qint64> ids;
    /// Token path captures, e.g. the abc of /calendar/abc.ics (never logged: a credential).
    QStringList tokens;
    std::optional<AuthUser> user;
    /// Set instead of `user` when a door token authenticated the request.
    std::optional<DoorAccess> door;

    /// The header's value (case-insensitive name), or an empty array.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    /// The token of "Authorization: Bearer <token>", if the header has that form.
    [[nodiscard]] std::optional<QByteArray> bearerToken() const;
    /// The token of "Authorization: Door <token>", if the header has that form.
    [[nodiscard]] std::optional<QByteArray> doorToken() const;
    /// The body as a JSON object; errors are malformed_json (400) or
    /// unsupported_media_type (415) when the body is not declared as JSON.
    [[nodiscard]] Result<QJsonObject> jsonObject() const;
    [[nodiscard]] QString queryValue(const QString &key) const
    {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    }
    [[nodiscard]] qint64 id(int index = 0) const { return ids.value(index); }
};

/// The path of a request target (RFC 9112 3.2): origin form "/a/b?q" gives "/a/b"; absolute
/// form "http://host/a/b?q" gives "/a/b". Nothing is decoded or normalised.
[[nodiscard]] QString requestPath(QByteArrayView target);

/// True for "application/json" with optional parameters ("; charset=utf-8"), compared without
/// regard to case; false for any other type, including "application/jsonx", "application/json-
/// patch+json" and a charset other than UTF-8 (RFC 8259 8.1: JSON on the wire is UTF-8).
[[nodiscard]] bool isJsonMediaType(QByteArrayView contentType);

/// Checks what QJsonDocument::fromJson (Qt 6.4) lets through although RFC 8259 forbids it:
/// inside strings, an escape other than \" \\ \/ \b \f \n \r \t \uXXXX (Qt reads
/// "\x" as "x") and an unescaped control character (U+0000 to U+001F). Returns the offset of
/// the first such byte, or -1. Everything else (UTF-8, structure, numbers) is left to Qt, which
/// refuses it; lone surrogate escapes ("\ud800") are well-formed JSON and pass here: the text
/// rules refuse them per field.
[[nodiscard]] qsizetype findJsonStringViolation(QByteArrayView json);

/// A JSON object from a body: the checks above, then QJsonDocument. Errors are malformed_json.
[[nodiscard]] Result<QJsonObject> parseJsonObject(QByteArrayView json);

} // namespace Pudding::Server
