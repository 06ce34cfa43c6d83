// SPDX-License-Identifier: GPL-3.0-or-later
#include "request.h"

#include "shared/protocol.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class RequestText
{
    Q_DECLARE_TR_FUNCTIONS(Request)
};
} // namespace

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<QByteArray> Request::bearerToken() const
{
    const QByteArray value = header("authorization").trimmed();
    constexpr QByteArrayView scheme = "bearer ";
    if (value.size() <= scheme.size() || !value.first(scheme.size()).toLower().startsWith(scheme))
        return std::nullopt;
    QByteArray token = value.mid(scheme.size()).trimmed();
    if (token.isEmpty())
        return std::nullopt;
    return token;
}

Result<QJsonObject> Request::jsonObject() const
{
    const QByteArray type = header("content-type").toLower();
    if (!type.startsWith("application/json"))
        return Error { QString(Protocol::ErrorCode::UnsupportedMediaType),
                       RequestText::tr("Send the body as application/json."), {} };
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error { QString(Protocol::ErrorCode::MalformedJson),
                       RequestText::tr("The body is not valid JSON (%1 at offset %2).")
                               .arg(parseError.errorString())
                               .arg(parseError.offset),
                       {} };
    if (!doc.isObject())
        return Error { QString(Protocol::ErrorCode::MalformedJson),
                       RequestText::tr("The body must be a JSON object."), {} };
    return doc.object();
}

} // namespace Pudding::Server
