// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace Pudding::Server {

/// A complete HTTP response, built by a handler on any thread and serialised once, compactly.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    [[nodiscard]] static HttpResponse json(const QJsonObject &object, int status = 200);
    [[nodiscard]] static HttpResponse json(const QJsonArray &array, int status = 200);
    [[nodiscard]] static HttpResponse rawJson(QByteArray compactJson, int status = 200);
    [[nodiscard]] static HttpResponse noContent();
    /// The one error shape: {"error":{"code","message"[,"fields":[{field,message}]]}}, with
    /// the status of its code (httpStatusFor).
    [[nodiscard]] static HttpResponse error(
        QAnyStringView code, const QString &message, const FieldErrors &fields = {});
    [[nodiscard]] static HttpResponse fromError(const Error &error);
    [[nodiscard]] static HttpResponse validation(const FieldErrors &fields);
    [[nodiscard]] static HttpResponse internalError();

    HttpResponse &withHeader(QByteArray name, QByteArray value);
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;

    /// The bytes on the wire. closeConnection adds "Connection: close". Every response says
    /// "X-Content-Type-Options: nosniff", and "Cache-Control: no-store" unless it has a
    /// Cache-Control header of its own: private unless declared otherwise.
    [[nodiscard]] QByteArray serialize(bool closeConnection, bool headOnly = false) const;
};

[[nodiscard]] QByteArray reasonPhrase(int status);

/// The HTTP status of an error code of shared/protocol.h: the one place where codes become
/// statuses. A database failure is "unavailable" (503, worth retrying) when the connection was
/// lost and "internal_error" (500) otherwise (see databaseError()), wherever it happens. An
/// unknown code is a 500.
[[nodiscard]] int httpStatusFor(QAnyStringView code);
[[nodiscard]] inline int httpStatusFor(const Error &error)
{
    return httpStatusFor(error.code);
}

} // namespace Pudding::Server
