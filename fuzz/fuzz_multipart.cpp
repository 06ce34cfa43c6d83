// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the multipart/form-data parser (server/http/multipart.h).
//
// Input: byte 0 picks the chunking and the limits, byte 1 parameterises the chunking, the rest
// is the body (boundary "xyz"). The body is parsed once whole and once in chunks; both must give
// the same parts or the same error kind, and the result must respect the limits. Any violation
// aborts, which libFuzzer reports as a crash. The body's first 100 bytes also go through
// multipartBoundary(), whose result must be a valid RFC 2046 boundary.
#include "http/httpresponse.h"
#include "http/multipart.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <utility>

using namespace Pudding::Server;

namespace {

constexpr QByteArrayView kBoundary = "xyz";

struct Outcome
{
    QList<MultipartPart> parts;
    std::optional<MultipartError::Kind> error;
};

MultipartLimits limitsFor(uint8_t selector)
{
    MultipartLimits limits;
    if (selector & 0x04) {
        // Small limits, so that the fuzzer reaches every one of them.
        limits.maxParts = 3;
        limits.maxHeaderBytes = 96;
        limits.maxPartBytes = 200;
        limits.maxFieldBytes = 24;
        limits.maxTotalBytes = 1500;
    }
    return limits;
}

/// The next chunk length for the chunking chosen by \a mode.
class Chunker
{
public:
    Chunker(uint8_t mode, uint8_t parameter, qsizetype bodySize)
        : m_mode(mode & 0x03)
        , m_parameter(parameter)
        , m_state(parameter | 1u)
        , m_bodySize(bodySize)
    { }

    qsizetype next(qsizetype offset)
    {
        switch (m_mode) {
        case 0: // fixed size
            return m_parameter + 1;
        case 1: // byte by byte
            return 1;
        case 2: // pseudo-random sizes of 1 to 64 bytes
            m_state = m_state * 1103515245u + 12345u;
            return 1 + (m_state >> 16) % 64;
        default: // two chunks, split at parameter/255 of the body (the first may be empty)
            return offset == 0 && !std::exchange(m_split, true) ? m_bodySize * m_parameter / 255
                                                                : m_bodySize;
        }
    }

private:
    uint8_t m_mode;
    uint8_t m_parameter;
    uint32_t m_state;
    qsizetype m_bodySize;
    bool m_split = false;
};

Outcome collect(MultipartParser &parser)
{
    parser.finish();
    Outcome outcome { parser.parts(), {} };
    if (parser.error())
        outcome.error = parser.error()->kind;
    return outcome;
}

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkLimits(const Outcome &outcome, const MultipartLimits &limits)
{
    check(outcome.parts.size() <= limits.maxParts);
    for (const auto &part : outcome.parts) {
        // Not even the buffers grow past the limits.
        const qint64 limit = part.isFile() ? limits.maxPartBytes : limits.maxFieldBytes;
        check(part.data.size() <= limit && part.data.capacity() <= limit);
    }
    if (outcome.error)
        return;
    check(!outcome.parts.isEmpty());
    for (qsizetype i = 0; i < outcome.parts.size(); ++i) {
        check(!outcome.parts[i].name.isEmpty());
        for (qsizetype j = i + 1; j < outcome.parts.size(); ++j)
            check(outcome.parts[i].name != outcome.parts[j].name);
    }
}

void checkBoundary(QByteArrayView contentType)
{
    const auto boundary = multipartBoundary(contentType);
    if (!boundary)
        return;
    check(!boundary->isEmpty() && boundary->size() <= 70 && !boundary->endsWith(' '));
    check(!boundary->contains('\r') && !boundary->contains('\n') && !boundary->contains('"'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const uint8_t mode = data[0];
    const uint8_t parameter = data[1];
    const QByteArrayView body(data + 2, qsizetype(size - 2));
    checkBoundary(body.first(qMin<qsizetype>(body.size(), 100)));
    const MultipartLimits limits = limitsFor(mode);

    MultipartParser wholeParser(kBoundary.toByteArray(), limits);
    wholeParser.feed(body);
    const Outcome whole = collect(wholeParser);

    MultipartParser chunkedParser(kBoundary.toByteArray(), limits);
    Chunker chunker(mode, parameter, body.size());
    bool failed = false;
    for (qsizetype offset = 0, calls = 0; offset < body.size(); ++calls) {
        const qsizetype length = qBound<qsizetype>(0, chunker.next(offset), body.size() - offset);
        check(calls <= body.size() + 1); // the chunking makes progress
        const bool ok = chunkedParser.feed(body.sliced(offset, length));
        offset += length;
        check(ok || chunkedParser.error().has_value()); // false always comes with an error
        check(!(failed && ok)); // once failed, a parser stays failed
        failed = failed || !ok;
    }
    const Outcome chunked = collect(chunkedParser);

    check(whole.error == chunked.error);
    if (whole.error) {
        const MultipartError &error = *wholeParser.error();
        check(!error.message.isEmpty());
        // The size errors answer 413, everything else about the body 400.
        const bool tooLarge = error.kind == MultipartError::Kind::HeadersTooLarge
            || error.kind == MultipartError::Kind::PartTooLarge
            || error.kind == MultipartError::Kind::FieldTooLarge
            || error.kind == MultipartError::Kind::BodyTooLarge;
        check(httpStatusFor(error.toError()) == (tooLarge ? 413 : 400));
    }
    if (!whole.error)
        check(whole.parts == chunked.parts);
    checkLimits(whole, limits);
    checkLimits(chunked, limits);
    return 0;
}
