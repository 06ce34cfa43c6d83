// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/protocol.h"
#include "shared/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <optional>

/// A strict, incremental multipart/form-data parser (RFC 7578 on top of RFC 2046), written for
/// uploads such as POST /api/attendance/events/:id/join. Qt has no multipart parser, and Qt 6.4's
/// QHttpServer enforces no limits, so this one checks every limit while the bytes arrive and
/// never holds more than the limits allow.
namespace Pudding::Server {

/// One part of a form: a plain field, or a file when the sender gave a filename.
struct MultipartPart
{
    /// The form field's name, from Content-Disposition (quoted-string escapes removed).
    QByteArray name;
    /// The file's name as sent (not decoded further, never a path to trust); empty if not a file.
    QByteArray filename;
    /// The part's Content-Type header value, empty if it had none (RFC 7578: text/plain then).
    QByteArray contentType;
    QByteArray data;

    [[nodiscard]] bool isFile() const { return !filename.isEmpty(); }

    bool operator==(const MultipartPart &) const = default;
};

/// What one body may contain. The defaults suit the join form: two short fields and a photo.
struct MultipartLimits
{
    /// Parts in the body, files included.
    int maxParts = 8;
    /// Bytes of one part's header block, line ends included.
    int maxHeaderBytes = 2048;
    /// Data bytes of one file part.
    qint64 maxPartBytes = 5 * 1024 * 1024;
    /// The whole body as fed: preamble, delimiters, headers, data and epilogue.
    qint64 maxTotalBytes = 6 * 1024 * 1024;
    /// Data bytes of one part without a filename (a plain field).
    int maxFieldBytes = 4096;
};

/// Why a body was rejected. Which kind is reported never depends on how the body was split into
/// chunks: it is the first problem in the byte stream.
struct MultipartError
{
    enum class Kind {
        /// Content-Type is multipart/form-data but has no boundary parameter.
        MissingBoundary,
        /// The boundary is empty, longer than 70 characters, uses characters outside RFC 2046's
        /// bchars, ends with a space, or the Content-Type parameters do not parse.
        BadBoundary,
        /// The body does not follow the grammar (line ends, headers, Content-Disposition, …).
        Malformed,
        TooManyParts,
        HeadersTooLarge,
        /// A file part is larger than maxPartBytes.
        PartTooLarge,
        /// A plain field is larger than maxFieldBytes.
        FieldTooLarge,
        /// The whole body is larger than maxTotalBytes.
        BodyTooLarge,
        /// Two parts with the same name.
        DuplicateField,
        /// The body ended before the close delimiter "--boundary--".
        NoFinalBoundary,
    };

    Kind kind = Kind::Malformed;
    QString message;

    /// payload_too_large for the *TooLarge kinds, else malformed_multipart (httpStatusFor()
    /// gives their statuses, 413 and 400).
    [[nodiscard]] QLatin1StringView code() const;
    /// The error for the JSON error shape, with code().
    [[nodiscard]] Error toError() const;
};

/// Extracts and validates the boundary from a Content-Type header value such as
/// `multipart/form-data; boundary="boundary_.oOo._abc"`: the media type must be
/// multipart/form-data, the boundary may be a token or a quoted-string, 1–70 characters of
/// RFC 2046's bchars, not ending in a space. std::nullopt if any of that does not hold.
[[nodiscard]] std::optional<QByteArray> multipartBoundary(QByteArrayView contentType);

/// Parses a multipart/form-data body fed in chunks of any size (a delimiter or a header line
/// may be split anywhere). The parser keeps only the parts' data, the current header line and at
/// most one delimiter's length of undecided bytes, and checks every limit as the bytes arrive, so
/// an oversized upload is rejected as soon as it crosses a limit rather than after buffering.
///
/// Strict on purpose: CRLF line ends only, every part needs
/// `Content-Disposition: form-data; name="…"`, a delimiter must be followed by transport padding
/// (spaces, tabs) and CRLF or by "--", field names are unique. The preamble and the epilogue are
/// ignored; unknown part headers are ignored; `filename*` is ignored.
class MultipartParser
{
public:
    /// \a boundary as returned by multipartBoundary(), without the leading "--".
    explicit MultipartParser(const QByteArray &boundary, MultipartLimits limits = {});

    /// Parses the next bytes of the body. Returns false on the first error (error() says which);
    /// once failed, or after finish(), further calls do nothing and return false. Bytes after
    /// the close delimiter (the epilogue) are ignored but still count towards maxTotalBytes.
    bool feed(QByteArrayView chunk);
    /// Ends the body. Returns false if an error occurred or the close delimiter was not seen.
    bool finish();

    /// The parts in body order. Complete only once finish() has returned true; after an error
    /// they hold whatever had been parsed.
    [[nodiscard]] const QList<MultipartPart> &parts() const { return m_parts; }
    [[nodiscard]] const std::optional<MultipartError> &error() const { return m_error; }
    /// The part with this name, or nullptr.
    [[nodiscard]] const MultipartPart *part(QByteArrayView name) const;
    /// Whether the close delimiter has been seen.
    [[nodiscard]] bool isComplete() const { return m_state == State::Epilogue; }

private:
    enum class State {
        /// Searching for the first delimiter; bytes are discarded.
        Preamble,
        /// Right after "--boundary": "--" closes, else padding then CRLF.
        AfterDelimiter,
        /// Saw one '-' after the delimiter.
        CloseDash,
        /// Spaces or tabs after the delimiter.
        Padding,
        /// Saw CR at the end of a delimiter line.
        DelimiterLf,
        /// Reading a part's header lines.
        Headers,
        /// Reading a part's data up to the next delimiter.
        Data,
        /// After the close delimiter; bytes are discarded.
        Epilogue,
    };

    [[nodiscard]] qsizetype findDelimiter(QByteArrayView text) const;
    qsizetype consumeDelimited(QByteArrayView chunk);
    qsizetype consumeDelimiterTail(QByteArrayView chunk);
    qsizetype consumeHeaders(QByteArrayView chunk);
    bool appendData(QByteArrayView bytes);
    bool parseHeaderLine(QByteArrayView line);
    bool finishHeaders();
    bool startPart();
    bool fail(MultipartError::Kind kind, const QString &message);

    /// "\r\n--boundary": the delimiter as it appears before every boundary line.
    QByteArray m_delimiter;
    MultipartLimits m_limits;
    State m_state = State::Preamble;
    /// Bytes at the end of what was read that may begin a delimiter, not yet known to be data.
    QByteArray m_pending;
    /// The header line being read (without its line end).
    QByteArray m_headerLine;
    qint64 m_headerBytes = 0;
    qint64 m_totalBytes = 0;
    bool m_sawDisposition = false;
    bool m_sawContentType = false;
    bool m_finished = false;
    QList<MultipartPart> m_parts;
    std::optional<MultipartError> m_error;
};

/// Parses a whole body given its Content-Type header value. Errors: unsupported_media_type
/// (415) if the type is not multipart/form-data, payload_too_large (413) for the size limits,
/// otherwise malformed_multipart (400); httpStatusFor() maps them.
[[nodiscard]] Result<QList<MultipartPart>> parseMultipart(
    QByteArrayView contentType, QByteArrayView body, MultipartLimits limits = {});

} // namespace Pudding::Server
