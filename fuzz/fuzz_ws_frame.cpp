// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the project's own WebSocket framing (server/live/wsframe.h).
//
// Input: byte 0 picks a payload size class (so that the 126 and 65536 length encodings are
// reached without megabytes of input), the rest is the payload. textFrame() must give what an
// independent RFC 6455 reader accepts: FIN set, no reserved bits, text opcode, no mask (a server
// never masks), the length in its shortest encoding, and exactly the payload after the header.
// textFramePayload() must give the payload back, and must not read past the end of any input,
// however it was cut. Any violation aborts, which libFuzzer reports as a crash.
#include "live/wsframe.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

using namespace Pudding::Server;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

struct Decoded
{
    bool fin = false;
    int rsv = 0;
    int opcode = 0;
    bool masked = false;
    quint64 length = 0;
    qsizetype header = 0;
    bool minimal = false;
};

/// RFC 6455 5.2, written from the specification, not from textFrame().
std::optional<Decoded> readHeader(const QByteArray &frame)
{
    if (frame.size() < 2)
        return std::nullopt;
    Decoded d;
    const auto b0 = quint8(frame[0]);
    const auto b1 = quint8(frame[1]);
    d.fin = b0 & 0x80;
    d.rsv = (b0 >> 4) & 0x07;
    d.opcode = b0 & 0x0f;
    d.masked = b1 & 0x80;
    const int len7 = b1 & 0x7f;
    if (len7 < 126) {
        d.length = quint64(len7);
        d.header = 2;
        d.minimal = true;
    } else if (len7 == 126) {
        if (frame.size() < 4)
            return std::nullopt;
        d.length = (quint64(quint8(frame[2])) << 8) | quint8(frame[3]);
        d.header = 4;
        d.minimal = d.length >= 126;
    } else {
        if (frame.size() < 10)
            return std::nullopt;
        for (int i = 2; i < 10; ++i)
            d.length = (d.length << 8) | quint8(frame[i]);
        d.header = 10;
        d.minimal = d.length >= 65536 && !(d.length >> 63);
    }
    if (d.masked)
        d.header += 4;
    return d;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QByteArray payload = input;
    switch (data[0] % 4) {
    case 1: // around the 16-bit length
        payload
            = input.repeated(input.isEmpty() ? 0 : 126 / input.size() + 1).left(125 + data[0] % 3);
        break;
    case 2: // around the 64-bit length
        payload = QByteArray(65534 + data[0] % 5, 'x');
        payload.append(input);
        break;
    default:
        break;
    }

    const QByteArray frame = textFrame(payload);
    const auto header = readHeader(frame);
    check(header.has_value());
    check(header->fin && header->rsv == 0 && header->opcode == 0x1 && !header->masked);
    check(header->minimal);
    check(header->length == quint64(payload.size()));
    check(frame.size() == header->header + payload.size());
    check(frame.mid(header->header) == payload);
    check(textFramePayload(frame) == payload);

    // Arbitrary bytes as a frame, and every cut of a real one: never past the end.
    const QByteArray any = textFramePayload(input);
    check(any.size() <= input.size());
    const QByteArray cut = frame.left(qsizetype(data[0]) % (frame.size() + 1));
    check(textFramePayload(cut).size() <= cut.size());
    return 0;
}
