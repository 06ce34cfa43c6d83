// SPDX-License-Identifier: GPL-3.0-or-later
#include "multipart.h"

#include "shared/protocol.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>
#include <variant>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class MultipartText
{
    Q_DECLARE_TR_FUNCTIONS(Multipart)
};

using Kind = MultipartError::Kind;
namespace EC = Protocol::ErrorCode;

constexpr int MaxBoundaryLength = 70;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

// RFC 2046 bchars; a space is allowed except as the last character.
bool isBoundaryChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("'()+_,-./:=? ").contains(c);
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedWhitespace(QByteArrayView text)
{
    while (!text.isEmpty() && isWhitespace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isWhitespace(text.back()))
        text.chop(1);
    return text;
}

/// A header value of the form `type *( OWS ";" OWS name OWS "=" OWS (token / quoted-string) )`,
/// as Content-Type and Content-Disposition use it.
struct ParameterizedValue
{
    QByteArrayView type;
    /// Names lower-cased, values with quoted-string escapes removed, in order.
    QList<std::pair<QByteArray, QByteArray>> parameters;

    /// The number of parameters with this (lower-case) name.
    [[nodiscard]] qsizetype count(QByteArrayView name) const
    {
        qsizetype n = 0;
        for (const auto &parameter : parameters)
            n += parameter.first == name ? 1 : 0;
        return n;
    }
    [[nodiscard]] QByteArray value(QByteArrayView name) const
    {
        for (const auto &parameter : parameters) {
            if (parameter.first == name)
                return parameter.second;
        }
        return {};
    }
};

class ParameterReader
{
public:
    explicit ParameterReader(QByteArrayView text)
        : m_text(text)
    { }

    std::optional<ParameterizedValue> read()
    {
        ParameterizedValue result;
        skipWhitespace();
        const qsizetype typeStart = m_pos;
        while (!atEnd() && (isTokenChar(peek()) || peek() == '/'))
            ++m_pos;
        result.type = m_text.sliced(typeStart, m_pos - typeStart);
        if (result.type.isEmpty())
            return std::nullopt;
        while (true) {
            skipWhitespace();
            if (atEnd())
                return result;
            if (peek() != ';')
                return std::nullopt;
            ++m_pos;
            skipWhitespace();
            const QByteArrayView name = readToken();
            if (name.isEmpty())
                return std::nullopt;
            skipWhitespace();
            if (atEnd() || peek() != '=')
                return std::nullopt;
            ++m_pos;
            skipWhitespace();
            std::optional<QByteArray> value;
            if (!atEnd() && peek() == '"') {
                value = readQuotedString();
            } else {
                const QByteArrayView token = readToken();
                if (!token.isEmpty())
                    value = token.toByteArray();
            }
            if (!value)
                return std::nullopt;
            result.parameters.append({ name.toByteArray().toLower(), std::move(*value) });
        }
    }

private:
    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return m_text[m_pos]; }

    void skipWhitespace()
    {
        while (!atEnd() && isWhitespace(peek()))
            ++m_pos;
    }

    QByteArrayView readToken()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        return m_text.sliced(start, m_pos - start);
    }

    // At the opening quote. Control characters other than tab never get here: header lines
    // are checked before they are parsed, and Content-Type values by the caller.
    std::optional<QByteArray> readQuotedString()
    {
        ++m_pos;
        QByteArray value;
        while (!atEnd()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return value;
            if (c == '\\') {
                if (atEnd())
                    return std::nullopt;
                value.append(m_text[m_pos++]);
            } else {
                value.append(c);
            }
        }
        return std::nullopt;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

bool hasControlCharacter(QByteArrayView text)
{
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7f)
            return true;
    }
    return false;
}

enum class BoundaryProblem { NotFormData, Missing, Bad };

std::variant<QByteArray, BoundaryProblem> extractBoundary(QByteArrayView contentType)
{
    contentType = trimmedWhitespace(contentType);
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView type
        = trimmedWhitespace(semicolon < 0 ? contentType : contentType.first(semicolon));
    if (type.compare("multipart/form-data", Qt::CaseInsensitive) != 0)
        return BoundaryProblem::NotFormData;
    if (hasControlCharacter(contentType))
        return BoundaryProblem::Bad;
    const auto value = ParameterReader(contentType).read();
    if (!value)
        return BoundaryProblem::Bad;
    const qsizetype count = value->count("boundary");
    if (count == 0)
        return BoundaryProblem::Missing;
    if (count > 1)
        return BoundaryProblem::Bad;
    QByteArray boundary = value->value("boundary");
    if (boundary.isEmpty() || boundary.size() > MaxBoundaryLength || boundary.endsWith(' '))
        return BoundaryProblem::Bad;
    for (const char c : std::as_const(boundary)) {
        if (!isBoundaryChar(c))
            return BoundaryProblem::Bad;
    }
    return boundary;
}

MultipartError boundaryError(BoundaryProblem problem)
{
    if (problem == BoundaryProblem::Missing)
        return { Kind::MissingBoundary,
            MultipartText::tr("The Content-Type header has no boundary parameter.") };
    return { Kind::BadBoundary,
        MultipartText::tr("The multipart boundary is not valid: it must be 1 to %1 "
                          "characters from RFC 2046's set.")
            .arg(MaxBoundaryLength) };
}

} // namespace

QLatin1StringView MultipartError::code() const
{
    switch (kind) {
    case Kind::HeadersTooLarge:
    case Kind::PartTooLarge:
    case Kind::FieldTooLarge:
    case Kind::BodyTooLarge:
        return EC::PayloadTooLarge;
    case Kind::MissingBoundary:
    case Kind::BadBoundary:
    case Kind::Malformed:
    case Kind::TooManyParts:
    case Kind::DuplicateField:
    case Kind::NoFinalBoundary:
        break;
    }
    return EC::MalformedMultipart;
}

Error MultipartError::toError() const
{
    return Error { QString(code()), message, {} };
}

std::optional<QByteArray> multipartBoundary(QByteArrayView contentType)
{
    auto result = extractBoundary(contentType);
    if (auto *boundary = std::get_if<QByteArray>(&result))
        return std::move(*boundary);
    return std::nullopt;
}

MultipartParser::MultipartParser(const QByteArray &boundary, MultipartLimits limits)
    : m_delimiter("\r\n--" + boundary)
    , m_limits(limits)
    ,
    // As if the body began with a line break, so that the first boundary may open the body
    // (RFC 2046: the preamble, and the CRLF ending it, are optional).
    m_pending("\r\n")
{
    Q_ASSERT(!boundary.isEmpty() && !boundary.contains('\r'));
}

bool MultipartParser::feed(QByteArrayView chunk)
{
    if (m_error || m_finished)
        return false;
    const qint64 room = qMax<qint64>(m_limits.maxTotalBytes - m_totalBytes, 0);
    const bool tooLarge = chunk.size() > room;
    // Parse up to the limit first, so that the error is the same however the body is split.
    QByteArrayView rest = tooLarge ? chunk.first(room) : chunk;
    m_totalBytes += rest.size();
    while (!rest.isEmpty() && !m_error) {
        qsizetype used = 0;
        switch (m_state) {
        case State::Preamble:
        case State::Data:
            used = consumeDelimited(rest);
            break;
        case State::AfterDelimiter:
        case State::CloseDash:
        case State::Padding:
        case State::DelimiterLf:
            used = consumeDelimiterTail(rest);
            break;
        case State::Headers:
            used = consumeHeaders(rest);
            break;
        case State::Epilogue:
            used = rest.size();
            break;
        }
        Q_ASSERT(used > 0 || m_error);
        rest = rest.sliced(used);
    }
    if (tooLarge && !m_error)
        fail(Kind::BodyTooLarge,
            MultipartText::tr("The request body is larger than %1 bytes.")
                .arg(m_limits.maxTotalBytes));
    return !m_error;
}

bool MultipartParser::finish()
{
    if (m_error)
        return false;
    if (m_finished)
        return isComplete();
    m_finished = true;
    if (!isComplete())
        return fail(Kind::NoFinalBoundary,
            MultipartText::tr("The multipart body ended before its final boundary."));
    return true;
}

const MultipartPart *MultipartParser::part(QByteArrayView name) const
{
    for (const auto &candidate : m_parts) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

// Linear in the text whatever the boundary (the client chooses it): the delimiter's only CR is
// its first byte, so a candidate that fails after k bytes leaves no other CR within those bytes.
// QByteArrayMatcher's skip loop can cost a boundary's length per byte on crafted input.
qsizetype MultipartParser::findDelimiter(QByteArrayView text) const
{
    for (qsizetype cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) {
        if (text.size() - cr < m_delimiter.size())
            return -1;
        if (text.sliced(cr).startsWith(m_delimiter))
            return cr;
    }
    return -1;
}

// Preamble and Data: everything up to the next "\r\n--boundary". Only the tail that may begin
// a delimiter is held back in m_pending; the delimiter's only CR is its first byte, so that
// tail starts at the last CR and nothing before it needs to be looked at again.
qsizetype MultipartParser::consumeDelimited(QByteArrayView chunk)
{
    if (!m_pending.isEmpty()) {
        const QByteArrayView missing = QByteArrayView(m_delimiter).sliced(m_pending.size());
        const qsizetype n = qMin(missing.size(), chunk.size());
        if (chunk.first(n) == missing.first(n)) {
            if (n < missing.size()) {
                m_pending.append(chunk.first(n));
            } else {
                m_pending.clear();
                m_state = State::AfterDelimiter;
            }
            return n;
        }
        const QByteArray held = std::exchange(m_pending, {});
        if (!appendData(held))
            return 0;
    }
    const qsizetype found = findDelimiter(chunk);
    if (found >= 0) {
        if (!appendData(chunk.first(found)))
            return 0;
        m_state = State::AfterDelimiter;
        return found + m_delimiter.size();
    }
    const QByteArrayView tail = chunk.last(qMin(chunk.size(), m_delimiter.size() - 1));
    const qsizetype cr = tail.lastIndexOf('\r');
    qsizetype keep = 0;
    if (cr >= 0 && QByteArrayView(m_delimiter).startsWith(tail.sliced(cr)))
        keep = tail.size() - cr;
    if (!appendData(chunk.first(chunk.size() - keep)))
        return 0;
    m_pending = chunk.last(keep).toByteArray();
    return chunk.size();
}

// After "--boundary": "--" ends the body, otherwise optional transport padding and CRLF.
qsizetype MultipartParser::consumeDelimiterTail(QByteArrayView chunk)
{
    for (qsizetype i = 0; i < chunk.size(); ++i) {
        const char c = chunk[i];
        switch (m_state) {
        case State::AfterDelimiter:
            if (c == '-') {
                m_state = State::CloseDash;
                break;
            }
            [[fallthrough]];
        case State::Padding:
            if (isWhitespace(c)) {
                m_state = State::Padding;
            } else if (c == '\r') {
                m_state = State::DelimiterLf;
            } else {
                fail(Kind::Malformed,
                    MultipartText::tr("A multipart boundary must be followed by a line break "
                                      "or by \"--\"."));
                return 0;
            }
            break;
        case State::CloseDash:
            if (c != '-') {
                fail(Kind::Malformed,
                    MultipartText::tr("A multipart boundary must be followed by a line break "
                                      "or by \"--\"."));
                return 0;
            }
            if (m_parts.isEmpty()) {
                fail(Kind::Malformed, MultipartText::tr("The multipart body has no parts."));
                return 0;
            }
            m_state = State::Epilogue;
            return i + 1;
        case State::DelimiterLf:
            if (c != '\n') {
                fail(Kind::Malformed,
                    MultipartText::tr("A multipart boundary line must end with CRLF."));
                return 0;
            }
            return startPart() ? i + 1 : 0;
        default:
            Q_UNREACHABLE();
        }
    }
    return chunk.size();
}

qsizetype MultipartParser::consumeHeaders(QByteArrayView chunk)
{
    const qint64 room = qMax<qint64>(m_limits.maxHeaderBytes - m_headerBytes, 0);
    const QByteArrayView window = chunk.first(qMin<qint64>(chunk.size(), room));
    const qsizetype lf = window.indexOf('\n');
    if (lf < 0) {
        if (window.size() < chunk.size()) {
            fail(Kind::HeadersTooLarge,
                MultipartText::tr("The headers of a part are larger than %1 bytes.")
                    .arg(m_limits.maxHeaderBytes));
            return 0;
        }
        m_headerBytes += window.size();
        m_headerLine.append(window);
        return window.size();
    }
    m_headerBytes += lf + 1;
    m_headerLine.append(window.first(lf));
    if (!m_headerLine.endsWith('\r')) {
        fail(Kind::Malformed, MultipartText::tr("A part header line must end with CRLF."));
        return 0;
    }
    m_headerLine.chop(1);
    const bool ok = m_headerLine.isEmpty() ? finishHeaders() : parseHeaderLine(m_headerLine);
    m_headerLine.clear();
    return ok ? lf + 1 : 0;
}

bool MultipartParser::parseHeaderLine(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = line.first(qMax<qsizetype>(colon, 0));
    bool validName = !name.isEmpty();
    for (const char c : name)
        validName = validName && isTokenChar(c);
    if (!validName)
        return fail(Kind::Malformed, MultipartText::tr("A part has a malformed header line."));
    const QByteArrayView value = trimmedWhitespace(line.sliced(colon + 1));
    if (hasControlCharacter(value))
        return fail(
            Kind::Malformed, MultipartText::tr("A part header contains a control character."));

    MultipartPart &part = m_parts.last();
    if (name.compare("content-type", Qt::CaseInsensitive) == 0) {
        if (std::exchange(m_sawContentType, true))
            return fail(Kind::Malformed, MultipartText::tr("A part has two Content-Type headers."));
        part.contentType = value.toByteArray();
        return true;
    }
    if (name.compare("content-disposition", Qt::CaseInsensitive) != 0)
        return true;
    if (std::exchange(m_sawDisposition, true))
        return fail(
            Kind::Malformed, MultipartText::tr("A part has two Content-Disposition headers."));
    const auto disposition = ParameterReader(value).read();
    if (!disposition || disposition->type.compare("form-data", Qt::CaseInsensitive) != 0)
        return fail(Kind::Malformed,
            MultipartText::tr("A part's Content-Disposition must be form-data with "
                              "parameters."));
    if (disposition->count("name") != 1 || disposition->count("filename") > 1)
        return fail(Kind::Malformed,
            MultipartText::tr("A part's Content-Disposition must have exactly one name "
                              "and at most one filename."));
    part.name = disposition->value("name");
    part.filename = disposition->value("filename");
    if (part.name.isEmpty())
        return fail(Kind::Malformed, MultipartText::tr("A part has an empty name."));
    return true;
}

bool MultipartParser::finishHeaders()
{
    if (!m_sawDisposition)
        return fail(
            Kind::Malformed, MultipartText::tr("A part has no Content-Disposition header."));
    const QByteArray &name = m_parts.last().name;
    for (qsizetype i = 0; i + 1 < m_parts.size(); ++i) {
        if (m_parts[i].name == name)
            return fail(Kind::DuplicateField,
                MultipartText::tr("The field \"%1\" appears more than once.")
                    .arg(QString::fromUtf8(name)));
    }
    m_state = State::Data;
    return true;
}

bool MultipartParser::startPart()
{
    if (m_parts.size() >= m_limits.maxParts)
        return fail(Kind::TooManyParts,
            MultipartText::tr("The body has more than %1 parts.").arg(m_limits.maxParts));
    m_parts.append(MultipartPart {});
    m_state = State::Headers;
    m_headerBytes = 0;
    m_headerLine.clear();
    m_sawDisposition = false;
    m_sawContentType = false;
    return true;
}

// Grows a part's buffer by doubling, but never past its limit, so that memory stays within
// the limits even though QByteArray's own growth could overshoot them.
bool MultipartParser::appendData(QByteArrayView bytes)
{
    if (m_state != State::Data || bytes.isEmpty())
        return true;
    MultipartPart &part = m_parts.last();
    const qint64 limit = part.isFile() ? m_limits.maxPartBytes : qint64(m_limits.maxFieldBytes);
    const qint64 needed = part.data.size() + bytes.size();
    if (needed > limit) {
        if (part.isFile())
            return fail(Kind::PartTooLarge,
                MultipartText::tr("The file \"%1\" is larger than %2 bytes.")
                    .arg(QString::fromUtf8(part.name))
                    .arg(m_limits.maxPartBytes));
        return fail(Kind::FieldTooLarge,
            MultipartText::tr("The field \"%1\" is larger than %2 bytes.")
                .arg(QString::fromUtf8(part.name))
                .arg(m_limits.maxFieldBytes));
    }
    if (needed > part.data.capacity())
        part.data.reserve(
            std::min(limit, std::max({ needed, 2 * qint64(part.data.capacity()), qint64(1024) })));
    part.data.append(bytes);
    return true;
}

bool MultipartParser::fail(MultipartError::Kind kind, const QString &message)
{
    if (!m_error)
        m_error = MultipartError { kind, message };
    return false;
}

Result<QList<MultipartPart>> parseMultipart(
    QByteArrayView contentType, QByteArrayView body, MultipartLimits limits)
{
    auto boundary = extractBoundary(contentType);
    if (const auto *problem = std::get_if<BoundaryProblem>(&boundary)) {
        if (*problem == BoundaryProblem::NotFormData)
            return Error { QString(EC::UnsupportedMediaType),
                MultipartText::tr("Send the body as multipart/form-data."), {} };
        return boundaryError(*problem).toError();
    }
    MultipartParser parser(std::get<QByteArray>(std::move(boundary)), limits);
    if (!parser.feed(body) || !parser.finish())
        return parser.error()->toError();
    return parser.parts();
}

} // namespace Pudding::Server
