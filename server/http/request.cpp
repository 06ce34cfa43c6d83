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

namespace {
/// The credentials of "Authorization: <scheme> <token>" (`scheme` in lower case, with its
/// space), if the header has that form.
std::optional<QByteArray> authorizationToken(const Request &request, QByteArrayView scheme)
{
    const QByteArray value = request.header("authorization").trimmed();
    if (value.size() <= scheme.size() || !value.first(scheme.size()).toLower().startsWith(scheme))
        return std::nullopt;
    QByteArray token = value.mid(scheme.size()).trimmed();
    if (token.isEmpty())
        return std::nullopt;
    return token;
}
} // namespace

std::optional<QByteArray> Request::bearerToken() const
{
    return authorizationToken(*this, "bearer ");
}

std::optional<QByteArray> Request::doorToken() const
{
    return authorizationToken(*this, "door ");
}

QString requestPath(QByteArrayView target)
{
    if (!target.startsWith('/')) {
        // Absolute form: skip "scheme://authority".
        const qsizetype scheme = target.indexOf("://");
        if (scheme > 0) {
            const qsizetype slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? QByteArrayView("/") : target.sliced(slash);
        }
    }
    const qsizetype query = target.indexOf('?');
    if (query >= 0)
        target = target.first(query);
    return QString::fromLatin1(target);
}

bool isJsonMediaType(QByteArrayView contentType)
{
    const auto parts = contentType.toByteArray().split(';');
    if (parts.first().trimmed().compare("application/json", Qt::CaseInsensitive) != 0)
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts[i].trimmed();
        const qsizetype eq = parameter.indexOf('=');
        if (eq <= 0) {
            if (parameter.isEmpty())
                continue; // "application/json;" is sloppy but unambiguous
            return false;
        }
        if (parameter.first(eq).trimmed().compare("charset", Qt::CaseInsensitive) != 0)
            continue;
        QByteArray value = parameter.sliced(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.sliced(1, value.size() - 2);
        if (value.compare("utf-8", Qt::CaseInsensitive) != 0
            && value.compare("utf8", Qt::CaseInsensitive) != 0)
            return false;
    }
    return true;
}

qsizetype findJsonStringViolation(QByteArrayView json)
{
    auto isHex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    bool inString = false;
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json[i];
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '"') {
            inString = false;
        } else if (quint8(c) < 0x20) {
            return i;
        } else if (c == '\\') {
            if (i + 1 >= n)
                return i;
            switch (json[i + 1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                ++i;
                break;
            case 'u':
                if (i + 5 >= n || !isHex(json[i + 2]) || !isHex(json[i + 3]) || !isHex(json[i + 4])
                    || !isHex(json[i + 5]))
                    return i;
                i += 5;
                break;
            default:
                return i;
            }
        }
    }
    return -1;
}

namespace {
/// Qt 6.4 reads strings through QString::fromUtf8, which drops a byte order mark (EF BB BF) at
/// the start of a string: {"a":"\xEF\xBB\xBFx"} would read as "x", and the key
/// "\xEF\xBB\xBFemail" as "email". Escaped, U+FEFF survives: every one inside a string is
/// written as \ufeff (same JSON value). Outside strings, a leading BOM is left to Qt.
QByteArray escapeByteOrderMarks(QByteArrayView json)
{
    constexpr QByteArrayView bom = "\xEF\xBB\xBF";
    QByteArray out;
    out.reserve(json.size() + 16);
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString && json.sliced(i).startsWith(bom)) {
            out += "\\ufeff";
            i += bom.size() - 1;
            continue;
        }
        out += c;
        if (!inString) {
            inString = c == '"';
        } else if (c == '\\' && i + 1 < json.size()) {
            out += json[++i]; // the escaped character cannot end the string
        } else if (c == '"') {
            inString = false;
        }
    }
    return out;
}
} // namespace

Result<QJsonObject> parseJsonObject(QByteArrayView json)
{
    if (const qsizetype at = findJsonStringViolation(json); at >= 0)
        return Error { QString(Protocol::ErrorCode::MalformedJson),
            RequestText::tr("The body is not valid JSON (an invalid escape or an "
                            "unescaped control character in a string at offset %1).")
                .arg(at),
            {} };
    const QByteArray text
        = json.contains("\xEF\xBB\xBF") ? escapeByteOrderMarks(json) : json.toByteArray();
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(text, &parseError);
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

Result<QJsonObject> Request::jsonObject() const
{
    if (!isJsonMediaType(header("content-type")))
        return Error { QString(Protocol::ErrorCode::UnsupportedMediaType),
            RequestText::tr("Send the body as application/json (UTF-8)."), {} };
    return parseJsonObject(body);
}

} // namespace Pudding::Server
