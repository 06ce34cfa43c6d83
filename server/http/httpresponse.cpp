// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpresponse.h"

#include "shared/protocol.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class HttpText
{
    Q_DECLARE_TR_FUNCTIONS(Http)
};
} // namespace

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return rawJson(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    return rawJson(QJsonDocument(array).toJson(QJsonDocument::Compact), status);
}

HttpResponse HttpResponse::rawJson(QByteArray compactJson, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(compactJson);
    return r;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

HttpResponse HttpResponse::error(
    QAnyStringView code, const QString &message, const FieldErrors &fields)
{
    QJsonObject error { { u"code"_s, code.toString() }, { u"message"_s, message } };
    if (!fields.isEmpty()) {
        QJsonArray list;
        for (const auto &f : fields)
            list.append(QJsonObject { { u"field"_s, f.field }, { u"message"_s, f.message } });
        error.insert(u"fields"_s, list);
        // The first failing field, for clients that show one message.
        error.insert(u"field"_s, fields.first().field);
    }
    return json(QJsonObject { { u"error"_s, error } }, httpStatusFor(code));
}

HttpResponse HttpResponse::fromError(const Error &e)
{
    return error(e.code, e.message, e.fields);
}

int httpStatusFor(QAnyStringView code)
{
    namespace EC = Protocol::ErrorCode;
    static const QHash<QString, int> statuses {
        { QString(EC::ValidationFailed), 400 },
        { QString(EC::BadRequest), 400 },
        { QString(EC::MalformedJson), 400 },
        { QString(EC::MalformedMultipart), 400 },
        { QString(EC::MalformedFrame), 400 },
        { QString(EC::UnknownType), 400 },
        { QString(EC::InvalidToken), 400 },
        { QString(EC::Unauthorized), 401 },
        { QString(EC::InvalidCredentials), 401 },
        { QString(EC::Forbidden), 403 },
        { QString(EC::NotFound), 404 },
        { QString(EC::MethodNotAllowed), 405 },
        { QString(EC::RequestTimeout), 408 },
        { QString(EC::Conflict), 409 },
        { QString(EC::EmailTaken), 409 },
        { QString(EC::EventFull), 409 },
        { QString(EC::Rejected), 409 },
        { QString(EC::NotJoined), 409 },
        { QString(EC::LengthRequired), 411 },
        { QString(EC::PayloadTooLarge), 413 },
        { QString(EC::UnsupportedMediaType), 415 },
        { QString(EC::ImageTooLarge), 422 },
        { QString(EC::RateLimited), 429 },
        { QString(EC::HeadersTooLarge), 431 },
        { QString(EC::Internal), 500 },
        { QString(EC::Unavailable), 503 },
    };
    return statuses.value(code.toString(), 500);
}

HttpResponse HttpResponse::validation(const FieldErrors &fields)
{
    return error(Protocol::ErrorCode::ValidationFailed,
        fields.size() == 1 ? fields.first().message : HttpText::tr("Some fields are not valid."),
        fields);
}

HttpResponse HttpResponse::internalError()
{
    return error(Protocol::ErrorCode::Internal,
        HttpText::tr("Something went wrong on the server. Please try again later."));
}

HttpResponse &HttpResponse::withHeader(QByteArray name, QByteArray value)
{
    headers.append({ std::move(name), std::move(value) });
    return *this;
}

bool HttpResponse::hasHeader(QByteArrayView name) const
{
    return std::any_of(headers.cbegin(), headers.cend(), [name](const auto &header) {
        return name.compare(header.first, Qt::CaseInsensitive) == 0;
    });
}

QByteArray HttpResponse::serialize(bool closeConnection, bool headOnly) const
{
    QByteArray out;
    out.reserve(160 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    if (status != 204 && status != 304)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (!hasHeader("x-content-type-options"))
        out += "X-Content-Type-Options: nosniff\r\n";
    if (!hasHeader("cache-control"))
        out += "Cache-Control: no-store\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!headOnly && status != 204 && status != 304)
        out += body;
    return out;
}

} // namespace Pudding::Server
