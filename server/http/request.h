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
};

/// A request copied out of QHttpServerRequest: Qt 6.4 reuses that object for the next request
/// on the connection, so nothing may keep a reference to it once the handler has returned.
struct Request
{
    using Method = QHttpServerRequest::Method;

    Method method = Method::Unknown;
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;
    /// Numeric path captures, e.g. the 42 of /api/events/42.
    QList<qint64> ids;
    std::optional<AuthUser> user;

    /// The header's value (case-insensitive name), or an empty array.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    /// The token of "Authorization: Bearer <token>", if the header has that form.
    [[nodiscard]] std::optional<QByteArray> bearerToken() const;
    /// The body as a JSON object; errors are malformed_json (400) or
    /// unsupported_media_type (415) when the body is not declared as JSON.
    [[nodiscard]] Result<QJsonObject> jsonObject() const;
    [[nodiscard]] QString queryValue(const QString &key) const
    {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    }
    [[nodiscard]] qint64 id(int index = 0) const { return ids.value(index); }
};

} // namespace Pudding::Server
